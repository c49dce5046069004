import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { EnvironmentError } from '../../src/core/errors.js';
import { startAnalysis, WORKER_STACK_MB, worthALateWorker } from '../../src/test-existence/analysis-pool.js';
import { CHARS_PER_UNIT, fitsNativeStack, nativeParseLimit, nestingUnits } from '../../src/test-existence/native-stack.js';
import { LeftToAWorker, projectAnalyzer, type HelperPackage } from '../../src/test-existence/analysis-worker.js';
import { tempDir } from '../helpers/temp.js';

/** A test whose assertion sits `depth` callbacks deep: valid code, deeper than the main thread's stack lets babel parse. */
function nested(depth: number): string {
  return `it('deep', () => {\n${'f(function () {\n'.repeat(depth)}expect(g()).toBe(1);\n${'});\n'.repeat(depth)}});\n`;
}

/** A test-support package whose helper tests import by its name. */
const TEST_KIT: HelperPackage = { dir: 'tools/test-kit', name: '@acme/test-kit', manifest: { name: '@acme/test-kit', main: 'dist/index.js' } };

/** 240 test files of four kinds, enough for the other cores' workers to take part, with helper modules they import. */
function project(): { cwd: string; files: string[]; testFiles: string[] } {
  const contents: Record<string, string> = {
    'test/helpers.js': "export function expectOk(value) { expect(value.ok).toBe(true); }\n",
    'tools/test-kit/src/index.js': "export function expectDone(value) { expect(value.done).toBe(true); }\n",
    // Patches a method that checks onto what tests are given: no test file imports it.
    'test/support/patch-db.js': "export function patchDb(db) { db.expectRows = (handler) => handler((rows) => expect(rows).toEqual([])); }\n",
  };
  for (let index = 0; index < 240; index += 1) {
    const kind = index % 4;
    contents[`test/file-${index}.test.js`] = [
      `import { expectOk } from './helpers.js';`,
      `import { expectDone } from '@acme/test-kit';`,
      `it('case ${index}', () => { ${['expectOk(run());', 'run();', 'expect(true).toBe(true);', 'it.todo;'][kind]} });`,
      kind === 3 ? `it.skip('skipped ${index}', () => { expect(run()).toBe(1); });` : '',
      kind === 0 ? `it('done ${index}', () => { expectDone(run()); });` : '',
      kind === 1 ? `it('rows ${index}', () => db.table().expectRows((check) => check(run())));` : '',
    ].join('\n');
  }
  contents['test/deep.test.js'] = nested(400);
  // Larger than oxc takes on this thread's stack: a worker started before the packages were read analyses it.
  contents['test/kit.test.js'] = [`import { expectDone } from '@acme/test-kit';`, ...Array.from({ length: 200 }, (_, index) => `it('done ${index}', () => { expectDone(run(${index})); });`)].join('\n');
  const cwd = tempDir(contents);
  const files = Object.keys(contents).sort();
  return { cwd, files, testFiles: files.filter((file) => file.endsWith('.test.js')) };
}

describe('analysing test files on every core', () => {
  it('gives each file the analysis this thread gives it, in the order of the files, helpers followed', async () => {
    const { cwd, files, testFiles } = project();
    const analyses = await startAnalysis({ cwd, files, assertFunctions: [] }, testFiles.length).analyze(testFiles, [TEST_KIT]);
    const here = projectAnalyzer({ cwd, files, assertFunctions: [], helperPackages: [TEST_KIT] });
    expect(analyses).toHaveLength(testFiles.length);
    for (const [index, file] of testFiles.entries()) {
      if (file === 'test/deep.test.js') continue;
      expect(analyses[index], file).toEqual(here(file));
    }
    const classes = (file: string) => analyses[testFiles.indexOf(file)]!.tests.map((test) => test.testClass);
    // Every thread knows the test-support packages the gate found: a helper imported by a package name asserts in each.
    const kitUsers = testFiles.filter((file) => Number(/file-(\d+)/.exec(file)?.[1] ?? 1) % 4 === 0);
    expect(kitUsers).toHaveLength(60);
    for (const file of kitUsers) expect(classes(file), file).toEqual(['real', 'real']);
    expect(new Set(classes('test/kit.test.js'))).toEqual(new Set(['real']));
    // Every thread finds the methods test code patches onto objects.
    for (const file of testFiles.filter((file) => Number(/file-(\d+)/.exec(file)?.[1] ?? 0) % 4 === 1)) expect(classes(file), file).toEqual(['no-assertion', 'real']);
    expect(classes('test/file-2.test.js')).toEqual(['tautology']);
    expect(classes('test/file-3.test.js')).toEqual(['no-assertion', 'skipped']);
  });

  it('leaves a test file too large for oxc here, or that imports a helper too large, to the workers, and gives the analysis this thread would', async () => {
    // 30 kB: past the main thread's oxc limit (4,096 nesting units on an 8 MB stack), within a worker's.
    const padding = Array.from({ length: 600 }, (_, index) => `export const value${index} = ${index} * 2 + 1;`).join('\n');
    const contents: Record<string, string> = {
      'test/large-helpers.js': `${padding}\nexport function expectLarge(value) { expect(value).toBeGreaterThan(1); }\nexport function runLarge() { return 2; }\n`,
      'test/helpers.js': 'export function expectOk(value) { expect(value.ok).toBe(true); }\n',
      'test/large.test.js': `${padding}\nit('large', () => { expect(value1).toBe(3); });\n`,
    };
    for (let index = 0; index < 240; index += 1) {
      contents[`test/file-${index}.test.js`] =
        index % 2 === 0 ? `import { expectLarge } from './large-helpers.js';\nit('large ${index}', () => { expectLarge(${index}); });\n` : `import { expectOk } from './helpers.js';\nit('small ${index}', () => { expectOk(run()); });\n`;
    }
    const cwd = tempDir(contents);
    const files = Object.keys(contents).sort();
    const testFiles = files.filter((file) => file.endsWith('.test.js'));
    const project = { cwd, files, assertFunctions: [] };
    const leaving = projectAnalyzer(project, nativeParseLimit(8), (code) => code.length > 10_000);
    expect(() => leaving('test/file-0.test.js')).toThrow(LeftToAWorker);
    // Asked again, it is still left: the module is not taken for one that asserts nothing.
    expect(() => leaving('test/file-2.test.js')).toThrow('test/large-helpers.js is left to a worker');
    expect(leaving('test/file-1.test.js').tests.map((test) => test.testClass)).toEqual(['real']);
    expect(() => leaving('test/large.test.js')).toThrow('test/large.test.js is left to a worker');
    const analyses = await startAnalysis(project, testFiles.length).analyze(testFiles, []);
    const here = projectAnalyzer(project);
    expect(analyses).toEqual(testFiles.map((file) => here(file)));
    expect(new Set(analyses.map((analysis) => analysis.tests[0]!.testClass))).toEqual(new Set(['real']));
  });

  it('analyses a file nested deeper than this thread can parse in a worker with a large stack', async () => {
    const { cwd, files, testFiles } = project();
    expect(projectAnalyzer({ cwd, files, assertFunctions: [] })('test/deep.test.js').parseError?.message).toBe('it nests deeper than the parser can follow');
    const analyses = await startAnalysis({ cwd, files, assertFunctions: [] }, testFiles.length).analyze(testFiles, []);
    expect(analyses[testFiles.indexOf('test/deep.test.js')]).toEqual({ tests: [{ title: 'deep', line: 1, column: 1, testClass: 'real' }], focusedSuites: [] });
  });

  it('with too few files for workers, gives the files too large for oxc on this thread to a worker, and the same analyses', async () => {
    // Nine test files of 60 kB: too large for oxc on this thread's stack, small enough for a worker's, and enough to start one for.
    const large = (name: string) => Array.from({ length: 1000 }, (_, index) => `it('${name} ${index}', () => { expect(run(${index})).toBe(${index % 3 === 0 ? 'run(0)' : index}); });`).join('\n');
    const contents: Record<string, string> = { 'test/small.test.js': "it('small', () => { run(); });\n" };
    for (let index = 0; index < 9; index += 1) contents[`test/large-${index}.test.js`] = large(`large ${index}`);
    const cwd = tempDir(contents);
    const files = Object.keys(contents).sort();
    const analyses = await startAnalysis({ cwd, files, assertFunctions: [] }, files.length).analyze(files, []);
    const here = projectAnalyzer({ cwd, files, assertFunctions: [] });
    expect(analyses).toEqual(files.map((file) => here(file)));
    expect(analyses.map((analysis) => analysis.tests.length)).toEqual([...Array<number>(9).fill(1000), 1]);
  });

  it("starts a late worker only for files a worker's oxc can parse and this thread's cannot", () => {
    const here = nativeParseLimit(8);
    const worker = nativeParseLimit(WORKER_STACK_MB);
    expect(worthALateWorker(Array<number>(9).fill(60_000), here)).toBe(true);
    expect(worthALateWorker([...Array<number>(8).fill(60_000), here], here)).toBe(false);
    // Babel reads these in any thread: a worker would only add its memory.
    expect(worthALateWorker([5 * 1024 * 1024], here)).toBe(false);
    // By their sizes: a file of 16K characters likely fits this thread's 4,096 units.
    expect(worthALateWorker(Array<number>(99).fill(here * CHARS_PER_UNIT), here)).toBe(false);
    expect(worthALateWorker(Array<number>(9).fill(worker * CHARS_PER_UNIT + 1), here)).toBe(false);
    expect(worthALateWorker([5 * 1024 * 1024, ...Array<number>(9).fill(worker * CHARS_PER_UNIT)], here)).toBe(true);
  });

  it("leaves to babel no test file of a real suite's density that is parsed whole: a worker's oxc takes 0.9 MB of one", () => {
    // lodash's test.js (0.8 MB) and mongoose's largest (0.4–0.5 MB) have 3.3–3.8 characters a unit; so has this one.
    const block = (index: number) =>
      `  it('returns the mapped values of every element in order, case ${index}', () => {\n    // Each element is doubled, and the order is kept.\n    const values = mapValues(collection, (value) => value * 2);\n    expect(values).toEqual(expectedValues[${index}]);\n  });\n\n`;
    const parts = ["describe('mapValues', () => {\n"];
    for (let index = 0, length = 0; length < 0.9 * 1024 * 1024; index += 1) length += parts[parts.push(block(index)) - 1]!.length;
    const code = `${parts.join('')}});\n`;
    expect(nestingUnits(code)).toBeGreaterThan(code.length / 4);
    expect(fitsNativeStack(code, nativeParseLimit(WORKER_STACK_MB))).toBe(true);
  });

  it('stops with a one-line environment error when a test file cannot be read, whichever thread reads it', async () => {
    const { cwd, files, testFiles } = project();
    const missing = [...testFiles, 'test/vanished.test.js'];
    const failure = startAnalysis({ cwd, files, assertFunctions: [] }, missing.length).analyze(missing, []);
    await expect(failure).rejects.toBeInstanceOf(EnvironmentError);
    await expect(failure).rejects.toThrow('cannot read test/vanished.test.js (ENOENT); give the job read access to it');
  });
});

describe('a gate that stops before its analysis', () => {
  it('ends the process with its one-line error although workers were started for the files the conventions found', () => {
    // 45 conventional test files start a worker; jest's config leaves them all out, so there is nothing to judge.
    const contents: Record<string, string> = { 'package.json': JSON.stringify({ name: 'ignored', scripts: { test: 'jest' }, jest: { testPathIgnorePatterns: ['/test/'] } }) };
    for (let index = 0; index < 45; index += 1) contents[`test/file-${index}.test.js`] = `it('case ${index}', () => { expect(run()).toBe(${index}); });\n`;
    const cwd = tempDir(contents);
    const cli = fileURLToPath(new URL('../../src/cli/index.ts', import.meta.url));
    const result = spawnSync(process.execPath, ['--import', 'tsx', cli, 'test-existence', '--cwd', cwd], { encoding: 'utf8', timeout: 60_000 });
    expect(result.signal).toBeNull();
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(`test-existence: no JavaScript or TypeScript source or test file in ${cwd}, so there is nothing to check`);
  });
});
