import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { projectAnalyzer } from '../../src/test-existence/analysis-worker.js';
import { analyzeHelperModule, analyzeTestFile, type AnalyzeOptions } from '../../src/test-existence/analyze.js';
import { LocalModules } from '../../src/test-existence/local-modules.js';
import { statementRuns } from '../../src/test-existence/statement-runs.js';
import { tempDir } from '../helpers/temp.js';

/** Every file parsed whole, as ordinary files are. */
const WHOLE: AnalyzeOptions = { largeFile: { chars: Infinity, runChars: 0 } };
/** Every file over 1,000 characters parsed in runs of about 300. */
const IN_RUNS: AnalyzeOptions = { largeFile: { chars: 1000, runChars: 300 } };

/** Suites of every test class, with what a scan for `;` could misread: strings, templates, regular expressions, comments. */
function suites(count: number): string {
  const blocks: string[] = [];
  for (let index = 0; index < count; index += 1) {
    blocks.push(
      [
        `// block ${index}; a comment with a semicolon`,
        `describe('block ${index}', () => {`,
        `  const pattern = /a;b\\/[;}]/g;`,
        `  it('checks ${index}', () => { expectOk(run("a';{b")); });`,
        `  it('runs ${index}', () => { run(\`template; \${{ a: ${index} }.a + 1}; }\`); });`,
        `  test('tautology ${index}', () => { expect(1).toBe(1); });`,
        `  it.skip('skipped ${index}', () => { expect(run(${index})).toBe(${index} / 2); });`,
        `  it.todo('todo ${index}');`,
        `  // eslint-disable-next-line jest/no-disabled-tests`,
        `  xit('acknowledged ${index}', () => { assert.equal(run(), ${index}); });`,
        `  test.each(table)('row %i ${index}', (a, b) => { vExpect(a + b).toBeGreaterThan(0); });`,
        `  it('done ${index}', (done) => { setTimeout(() => { assert.ok(run()); done(); }, 1); });`,
        `  it('empty ${index}', () => {});`,
        index % 5 === 2 ? '});\n/* a block comment; */ describe.only("focused", () => { it("x", () => { expect(f()).toBe(2) }) })\n;' : '});',
      ].join('\n'),
    );
  }
  return blocks.join('\n');
}

const HEADER = [
  "import { expect as vExpect } from 'vitest';",
  "import assert from 'node:assert';",
  'function expectOk(value) { vExpect(value.ok).toBe(true); }',
  'const table = [[1, 2], [3, 4]];',
  '',
].join('\n');

describe('a large test file, parsed a run of top-level statements at a time', () => {
  it('gives the analysis of the whole file: the same tests, classes, positions, focused suites and acknowledgements', () => {
    const code = HEADER + suites(40);
    expect(statementRuns(code, 300).length).toBeGreaterThan(30);
    const whole = analyzeTestFile(code, 'big.test.js', WHOLE);
    // Nine tests a block, and one in each focused suite.
    expect(whole.tests).toHaveLength(40 * 9 + 8);
    expect(new Set(whole.tests.map((test) => test.testClass))).toEqual(new Set(['real', 'no-assertion', 'tautology', 'skipped', 'todo', 'empty']));
    expect(whole.tests.some((test) => test.acknowledged)).toBe(true);
    expect(whole.focusedSuites).toHaveLength(8);
    expect(analyzeTestFile(code, 'big.test.js', IN_RUNS)).toEqual(whole);
  });

  it('knows a hook of the file that asserts for every test, wherever in the file it stands', () => {
    const code = `${HEADER}${suites(20)}\nafterEach(() => { expect(globalThis.leaks).toBe(0); });\n`;
    const whole = analyzeTestFile(code, 'big.test.js', WHOLE);
    expect(whole.tests.filter((test) => test.testClass === 'no-assertion')).toEqual([]);
    expect(analyzeTestFile(code, 'big.test.js', IN_RUNS)).toEqual(whole);
  });

  it('reads Flow and TypeScript runs with the plugins the whole file needs', () => {
    const flow = `// @flow\n${HEADER}type Row = {| a: number, b: number |};\n${suites(10)}\nfunction typed(row: Row): ?number { return row.a; }\n`;
    expect(analyzeTestFile(flow, 'flow.test.js', IN_RUNS)).toEqual(analyzeTestFile(flow, 'flow.test.js', WHOLE));
    expect(analyzeTestFile(flow, 'flow.test.js', WHOLE).parseError).toBeUndefined();
    const typescript = `${HEADER}interface Row { a: number; b: number; }\n${suites(10)}\nconst typed = (row: Row): number => row.a satisfies number;\nit('rejects', () => {\n  // @ts-expect-error\n  typed('x');\n});\n`;
    const whole = analyzeTestFile(typescript, 'types.test.ts', WHOLE);
    expect(whole.tests.at(-1)).toMatchObject({ title: 'rejects', testClass: 'real' });
    expect(analyzeTestFile(typescript, 'types.test.ts', IN_RUNS)).toEqual(whole);
  });

  it('is parsed whole where the scan splits a statement, with the same result', () => {
    // After `)`, the scan takes `/` for a division: the `;` in the regular expression looks like a statement's end.
    const code = `${HEADER}${suites(5)}\nif (ready) /;/.test(input) ? it('a', () => { expect(f()).toBe(1); }) : it('b', () => {});\n${suites(5)}`;
    const whole = analyzeTestFile(code, 'big.test.js', WHOLE);
    expect(whole.tests.map((test) => test.title)).toContain('b');
    // Runs as short as can be: the scan splits at every `;` it takes for a statement's end.
    expect(analyzeTestFile(code, 'big.test.js', { largeFile: { chars: 1000, runChars: 1 } })).toEqual(whole);
  });

  it('splits code without semicolons before the lines that start a statement', () => {
    const code = (HEADER + suites(30)).replace(/;$/gm, '');
    expect(code).not.toMatch(/;\n/);
    expect(statementRuns(code, 300).length).toBeGreaterThan(20);
    const whole = analyzeTestFile(code, 'big.test.js', WHOLE);
    expect(whole.tests).toHaveLength(30 * 9 + 6);
    expect(analyzeTestFile(code, 'big.test.js', IN_RUNS)).toEqual(whole);
  });

  it('does not split a statement whose next line continues it', () => {
    const tail = "if (ready) it('a', () => { expect(f()).toBe(1) })\nelse it('b', () => { expect(g()).toBe(2) })\nconst value = run()\nas unknown\n";
    const code = `${HEADER.replace(/;$/gm, '')}${suites(5).replace(/;$/gm, '')}\n${tail}${suites(5).replace(/;$/gm, '')}`;
    const whole = analyzeTestFile(code, 'big.test.ts', WHOLE);
    expect(whole.parseError).toBeUndefined();
    expect(whole.tests.map((test) => test.title)).toEqual(expect.arrayContaining(['a', 'b']));
    expect(analyzeTestFile(code, 'big.test.ts', { largeFile: { chars: 1000, runChars: 1 } })).toEqual(whole);
  });

  it('reports a syntax error where the whole file has it', () => {
    const code = `${HEADER}${suites(10)}\nit('broken', () => { expect(f(;\n${suites(10)}`;
    const whole = analyzeTestFile(code, 'big.test.js', WHOLE);
    expect(whole.parseError?.line).toBe(code.slice(0, code.indexOf('expect(f(;')).split('\n').length);
    expect(analyzeTestFile(code, 'big.test.js', IN_RUNS)).toEqual(whole);
  });

  it('is how the gate reads a test file over 1 MB, helpers imported from the project followed', () => {
    const code = `import { expectSaved } from './helpers.js';\n${HEADER}it('saves', () => { expectSaved(save()); });\n${suites(1500)}`;
    expect(code.length).toBeGreaterThan(1024 * 1024);
    const cwd = tempDir({ 'test/big.test.js': code, 'test/helpers.js': 'export function expectSaved(value) { expect(value.saved).toBe(true); }\n' });
    const files = ['test/big.test.js', 'test/helpers.js'];
    const analyze = projectAnalyzer({ cwd, files, assertFunctions: [] });
    const analysis = analyze('test/big.test.js');
    expect(analysis.tests.find((test) => test.title === 'saves')?.testClass).toBe('real');
    const whole: AnalyzeOptions = { ...WHOLE };
    whole.localModules = new LocalModules(new Set(files), (file) => readFileSync(path.join(cwd, file), 'utf8'), (text, file) => analyzeHelperModule(text, file, whole));
    expect(analysis).toEqual(analyzeTestFile(code, 'test/big.test.js', whole));
  });
});
