import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { fitsNativeStack, nestingUnits } from '../../src/test-existence/native-stack.js';
import { tempDir } from '../helpers/temp.js';

const nativeStack = pathToFileURL(path.resolve(import.meta.dirname, '../../src/test-existence/native-stack.ts')).href;

describe('the stack oxc may use on the thread that parses', () => {
  it("is the main thread's stack limit here, and a worker's own stack when the gate runs in a worker", async () => {
    const entry = path.join(tempDir({}), 'stack.ts');
    writeFileSync(entry, `import { parentPort } from 'node:worker_threads';\nimport { threadStackMb } from ${JSON.stringify(nativeStack)};\nparentPort!.postMessage(threadStackMb());\n`);
    const inWorker = (stackSizeMb?: number) =>
      new Promise((resolve, reject) => {
        const worker = new Worker(entry, { execArgv: ['--import', 'tsx'], resourceLimits: stackSizeMb ? { stackSizeMb } : {} });
        worker.once('message', (value) => void worker.terminate().then(() => resolve(value)));
        worker.once('error', reject);
      });
    const mainEntry = entry.replace(/\.ts$/, '-main.ts');
    writeFileSync(mainEntry, `import { threadNativeParseLimit, threadStackMb } from ${JSON.stringify(nativeStack)};\nconsole.log(threadStackMb(), threadNativeParseLimit());\n`);
    const main = (limit: string) => spawnSync('bash', ['-c', `ulimit -s ${limit} && exec "$0" --import tsx "$1"`, process.execPath, mainEntry], { encoding: 'utf8' }).stdout.trim();
    // 2,048 bytes of stack per character: 16 MB take files of 8,192 characters.
    expect([main('16384'), main('4096'), main('unlimited')]).toEqual(['16 8192', '4 2048', '8 4096']);
    expect(await inWorker(6)).toBe(6);
    expect(await inWorker()).toBe(4);
  });

  it('bounds the tokens of a file: a unit per punctuation mark, per run of word characters, per character outside ASCII', () => {
    // it ( 'adds' , ( ) => { expect ( add ( 1 , 2 ) ) . toBe ( 3 ) ; } ) ;  — quotes and both characters of => count apart.
    expect(nestingUnits("it('adds', () => { expect(add(1, 2)).toBe(3); });")).toBe(29);
    // A space outside ASCII separates words as a blank does: each counts, as each could open a level of nesting.
    expect(nestingUnits('typeof\u00a0typeof\u00a0x')).toBe(5);
    expect(nestingUnits('$a_1 b2\tc\r\n')).toBe(3);
    // Counting stops past the cap.
    expect(nestingUnits('(((((((((((', 3)).toBe(4);
  });

  it('lets oxc parse a file as long as its units, not its characters, fit the limit', () => {
    const test = "it('adds two numbers together', () => { expect(add(1, 2)).toBe(3); });\n";
    const file = test.repeat(100);
    expect(file.length).toBeGreaterThan(7_000);
    expect(nestingUnits(file)).toBe(3_200);
    expect(fitsNativeStack(file, 3_200)).toBe(true);
    expect(fitsNativeStack(file, 3_199)).toBe(false);
    expect(fitsNativeStack('(((', 3)).toBe(true);
  });
});
