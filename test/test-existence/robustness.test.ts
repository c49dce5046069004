import { spawnSync } from 'node:child_process';
import { symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { executeGate } from '../../src/core/gate.js';
import { silentLogger } from '../../src/core/logger.js';
import { analyzeTestFile } from '../../src/test-existence/analyze.js';
import { testExistenceGate } from '../../src/test-existence/gate.js';
import { tempDir } from '../helpers/temp.js';

const DEFAULTS = { 'min-tests': 1, 'test-patterns': [], 'assert-functions': [], reports: [], levels: {}, allow: [] };

/** A test whose assertion sits `depth` callbacks deep: valid code, which Node runs. */
function nested(depth: number, assertion = 'expect(g()).toBe(1);'): string {
  return `it('deep', () => {\n${'f(function () {\n'.repeat(depth)}${assertion}\n${'});\n'.repeat(depth)}});\n`;
}

describe('valid code nested deeper than the default stack', () => {
  it('gives a one-line finding, not a crash, where only this thread parses', () => {
    const analysis = analyzeTestFile(nested(400), 'a.test.js');
    expect(analysis.parseError).toEqual({ message: 'it nests deeper than the parser can follow', line: 1, column: 1 });
  });

  it('is analysed in a worker with a large stack by the gate: 400 nested callbacks', async () => {
    const cwd = tempDir({ 'package.json': JSON.stringify({ name: 'deep', scripts: { test: 'jest' } }), 'index.js': 'module.exports = 1;\n', 'test/deep.test.js': nested(400), 'test/silent.test.js': nested(300, 'g();') });
    const report = await executeGate(testExistenceGate, DEFAULTS, { cwd, env: {}, log: silentLogger, inAction: false });
    expect(report.findings.map((finding) => `${finding.rule} ${finding.file}`)).toEqual(['test/no-assertion test/silent.test.js']);
    expect(report.metrics).toMatchObject({ tests: 2, 'real-tests': 1, 'parse-errors': 0 });
  });
});

describe("oxc's native stack", () => {
  // oxc recurses on the thread's native stack, where running out ends the process with no error to catch.
  it('holds the costliest nestings of the largest file oxc may parse on an 8 MB stack, on a stack of 5 MB', () => {
    const dir = tempDir({});
    const script = path.join(dir, 'nest.ts');
    writeFileSync(
      script,
      `import { parseSource } from ${JSON.stringify(path.resolve(import.meta.dirname, '../../src/test-existence/ast.ts'))};
import { fitsNativeStack, nativeParseLimit, nestingUnits } from ${JSON.stringify(path.resolve(import.meta.dirname, '../../src/test-existence/native-stack.ts'))};
const limit = nativeParseLimit(8);
// Each kind as deep as fits in the limit: the nestings that took the most stack per nesting unit (oxc 0.159), of punctuation and of words.
const kinds: Array<[string, (depth: number) => string]> = [
  ['a.test.ts', (depth) => 'let a: ' + '['.repeat(depth) + 'A' + ']'.repeat(depth) + ';'],
  ['a.test.ts', (depth) => 'type T = A' + '['.repeat(depth) + '"a"' + ']'.repeat(depth)],
  ['a.test.ts', (depth) => 'type T = ' + '('.repeat(depth) + 'A' + ')'.repeat(depth)],
  ['a.test.js', (depth) => 'x = (' + '['.repeat(depth) + 'a' + ']'.repeat(depth) + ') => 1'],
  ['a.test.js', (depth) => 'x = (' + 'a=('.repeat(depth) + '1' + ')'.repeat(depth) + ') => 1'],
  ['a.test.js', (depth) => 'a:'.repeat(depth) + 'x;'],
  ['a.test.js', (depth) => '{'.repeat(depth) + '}'.repeat(depth)],
  ['a.test.js', (depth) => 'f(()=>{'.repeat(depth) + '})'.repeat(depth)],
  ['a.test.js', (depth) => 'x=' + 'function(){return '.repeat(depth) + '1' + '}'.repeat(depth)],
  ['a.test.js', (depth) => 'f(function(){'.repeat(depth) + '})'.repeat(depth)],
  ['a.test.js', (depth) => 'x=' + 'class{m(){return '.repeat(depth) + '1' + '}}'.repeat(depth)],
  ['a.test.js', (depth) => 'x=' + 'new '.repeat(depth) + 'A'],
  ['a.test.ts', (depth) => 'type T = ' + 'A<typeof '.repeat(depth) + 'a' + '>'.repeat(depth)],
];
for (const [file, nest] of kinds) {
  let depth = 1;
  while (nestingUnits(nest(depth + 1)) <= limit) depth += 1;
  // A file the gate gives oxc, not babel.
  if (!fitsNativeStack(nest(depth), limit)) throw new Error('not for oxc');
  try {
    parseSource(nest(depth), file, limit);
  } catch (error) {
    // The deserializer and babel recurse in JavaScript: a RangeError is an answer, not a crash.
    if (!(error instanceof RangeError)) throw error;
  }
}
console.log('parsed', kinds.length);
`,
    );
    // Five eighths of the stack the limit is for: other platforms and versions of oxc may take more stack than this one.
    const run = spawnSync('bash', ['-c', `ulimit -s 5120 && exec "$0" --import tsx "$1"`, process.execPath, script], { encoding: 'utf8' });
    expect({ status: run.status, signal: run.signal, stdout: run.stdout.trim() }).toEqual({ status: 0, signal: null, stdout: 'parsed 13' });
  });
});

describe('bad input', () => {
  it('does not follow a symlink loop, and reports a binary test file in one line', async () => {
    const cwd = tempDir({
      'package.json': JSON.stringify({ name: 'app', scripts: { test: 'jest' } }),
      'index.js': 'module.exports = 1;\n',
      'test/ok.test.js': "it('works', () => { expect(f()).toBe(1) });\n",
      'test/blob.test.js': 'PK\u0003\u0004\u0000\u0000binary',
    });
    symlinkSync('.', path.join(cwd, 'test', 'loop'));
    const report = await executeGate(testExistenceGate, DEFAULTS, { cwd, env: {}, log: silentLogger, inAction: false });
    expect(report.findings.map((finding) => `${finding.rule} ${finding.file}: ${finding.message}`)).toEqual([
      'test/parse-error test/blob.test.js: test/blob.test.js does not parse (it is binary, not JavaScript or TypeScript), so its tests were not checked.',
    ]);
    expect(report.metrics).toMatchObject({ 'test-files': 2, 'real-tests': 1 });
  });
});
