import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findEnabledOption } from '../../src/test-existence/analyze.js';
import { compileAssertPatterns } from '../../src/test-existence/assert-patterns.js';
import { analyzeWithBoth } from './analyze-both.js';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/test-existence');

function analyzeFixture(file: string) {
  return analyzeWithBoth(readFileSync(path.join(FIXTURES, file), 'utf8'), file);
}

/** The class of every test `code` declares, in order. */
function classes(code: string, file = 'a.test.js'): string[] {
  return analyzeWithBoth(code, file).tests.map((test) => test.testClass);
}

/** Fixture titles start with the class they must get: `real: …`, `no-assertion: …`. */
function expectedClass(title: string): string {
  return title.slice(0, title.indexOf(':'));
}

describe('test classes, per framework fixture', () => {
  it.each([
    ['vitest/calc.test.ts', { real: 11, 'no-assertion': 3, empty: 1, tautology: 2, skipped: 2, todo: 2, focused: 1 }, ['describe.only']],
    ['jest/user.test.js', { real: 5, 'no-assertion': 1, tautology: 1, empty: 1, skipped: 4, focused: 1, todo: 1 }, ['fdescribe']],
    ['jest/Button.test.jsx', { real: 1, 'no-assertion': 1 }, []],
    ['mocha/api.spec.js', { real: 6, 'no-assertion': 1, skipped: 3, todo: 1, tautology: 1 }, []],
    ['node-test/server.test.mjs', { real: 5, 'no-assertion': 1, skipped: 4, todo: 1, focused: 1, tautology: 2 }, []],
    ['ava/parse.test.cjs', { real: 6, tautology: 2, 'no-assertion': 1, skipped: 1, todo: 1, focused: 1 }, []],
    ['playwright/login.spec.ts', { real: 8, 'no-assertion': 1, skipped: 3, focused: 1 }, ['test.describe.only']],
    // @effect/vitest: tests of an Effect, property tests and suites that share a layer.
    ['effect-vitest/queue.test.ts', { real: 7, 'no-assertion': 2, skipped: 1 }, []],
    // QUnit's global namespace (jQuery) and its functions imported (ember).
    ['qunit/core.js', { real: 8, 'no-assertion': 1, tautology: 1, skipped: 2, todo: 1, focused: 1 }, []],
    ['qunit/component-test.js', { real: 2, 'no-assertion': 1, skipped: 1 }, []],
    // Deno's own test function.
    ['deno/math_test.ts', { real: 5, 'no-assertion': 2, skipped: 3, focused: 1 }, []],
  ])('%s', (file, counts, focusedSuites) => {
    const analysis = analyzeFixture(file);
    expect(analysis.parseError).toBeUndefined();
    for (const test of analysis.tests) expect({ title: test.title, class: test.testClass }).toEqual({ title: test.title, class: expectedClass(test.title) });
    const tally: Record<string, number> = {};
    for (const test of analysis.tests) tally[test.testClass] = (tally[test.testClass] ?? 0) + 1;
    expect(tally).toEqual(counts);
    expect(analysis.focusedSuites.map((suite) => suite.title)).toEqual(focusedSuites.map((name) => `focused-suite: ${name}`));
  });

  it('reports the line and column of the test call, and ignores commented-out tests', () => {
    const { tests } = analyzeFixture('vitest/calc.test.ts');
    expect(tests.find((test) => test.title === 'real: adds')).toMatchObject({ line: 10, column: 3 });
    expect(tests.find((test) => test.title === 'focused: it.only')).toMatchObject({ line: 87, column: 3 });
    expect(tests.some((test) => test.title.includes('commented out'))).toBe(false);
  });

  it('reports a file that does not parse, with the position', () => {
    const analysis = analyzeFixture('broken/syntax.test.ts');
    expect(analysis.tests).toEqual([]);
    expect(analysis.parseError).toMatchObject({ line: 4, message: expect.stringMatching(/Unexpected token/) });
  });

  it('places the error of a broken .js file where babel with Flow types places it, though plain JavaScript is tried first', () => {
    // Without Flow, babel stops at the colon (column 10); with Flow, at the missing value after `=` (column 21).
    const analysis = analyzeWithBoth("it('t', () => {\n  const x: number = ;\n});\n", 'a.test.js');
    expect(analysis.parseError).toEqual({ message: 'Unexpected token', line: 2, column: 21 });
  });
});

describe('assertions', () => {
  const classify = (body: string, file = 'x.test.ts', assertFunctions: string[] = []) =>
    analyzeWithBoth(`it('t', async (t) => {\n${body}\n});`, file, { assertPatterns: compileAssertPatterns(assertFunctions) }).tests[0]?.testClass;

  it.each([
    ['expect(x).toBe(1)', 'real'],
    ['expect(x)', 'no-assertion'],
    ['expect(x).not', 'no-assertion'],
    ['expect(1).toBe(1)', 'tautology'],
    ['expect(undefined).toBeUndefined()', 'tautology'],
    ['expect([1, -2]).toEqual([1, -2])', 'tautology'],
    ['expect(`a`).toMatch(/a/)', 'tautology'],
    ['expect(1).toBe(1); expect(f()).toBe(2)', 'real'],
    ['expect(() => f()).toThrow()', 'real'],
    ['expect(x!).toBe(1)', 'real'],
    ['assert(true)', 'tautology'],
    ['assert(f())', 'real'],
    ['assert.strictEqual(1, 1, "same")', 'tautology'],
    ['assert.fail("unreachable")', 'real'],
    ['assert(false)', 'real'],
    ['onError(() => { expect(true).toBe(false) })', 'real'],
    ['t.ok(false, "must not be called")', 'real'],
    ['expect(false).toBeFalsy()', 'tautology'],
    ['expect(null).toBe(null)', 'tautology'],
    ['expect(1).not.toBe(2)', 'tautology'],
    ['expect(1).not.toBe(1)', 'real'],
    ['t.is(f(), 1)', 'real'],
    ['t.pass()', 'tautology'],
    ['t.plan(1)', 'real'],
    ['chai.expect(f()).to.equal(1)', 'real'],
    ['f().should.be.ok', 'real'],
    ['should(f()).be.ok()', 'real'],
    ['await request(app).post("/").send({}).expect(201)', 'real'],
    ['sinon.assert.calledWith(spy, 1)', 'real'],
    ['expectSaga(saga).put(action).run()', 'no-assertion'],
    ['for (const c of cases) { expect(f(c)).toBe(true) }', 'real'],
    ['await Promise.all(xs.map(async (x) => expect(await f(x)).toBeTruthy()))', 'real'],
    ['// expect(f()).toBe(1)\nf()', 'no-assertion'],
  ])('%s → %s', (body, expected) => {
    expect(classify(body)).toBe(expected);
  });

  it('counts names from assert-functions, with * and ** in paths', () => {
    expect(classify('expectSaga(saga).put(action).run()', 'x.test.ts', ['expectSaga'])).toBe('real');
    expect(classify('expectSagas(saga)', 'x.test.ts', ['expectSaga'])).toBe('no-assertion');
    expect(classify('api.get("/").verify(200)', 'x.test.ts', ['api.**.verify'])).toBe('real');
    expect(classify('api.get("/").verify(200)', 'x.test.ts', ['api.*.verify'])).toBe('real');
    expect(classify('api.get("/").then().verify(200)', 'x.test.ts', ['api.*.verify'])).toBe('no-assertion');
  });

  it.each([
    ['a node:assert import under another name', "import { deepStrictEqual as same } from 'node:assert';\nit('t', () => { same(f(), 1) });", 'a.test.mjs', 'real'],
    ['node:assert required under another name', "const check = require('node:assert');\nit('t', () => { check.equal(f(), 1) });", 'a.test.cjs', 'real'],
    ["chai's expect imported under another name", "import { expect as want } from 'chai';\nit('t', () => { want(f()).to.equal(1) });", 'a.test.js', 'real'],
    ['the same name, never bound', "it('t', () => { check.equal(f(), 1) });", 'a.test.js', 'no-assertion'],
  ])('binds assertion functions imported or required under other names: %s', (_name, code, file, expected) => {
    expect(classes(code, file)).toEqual([expected]);
  });

  it("counts assertions destructured from the test context (tap's `({ equal })`)", () => {
    const code = "test('a', async ({ equal, same: deep }) => { equal(f(), 1); deep(g(), {}); });\ntest('b', ({ pass }) => { pass(); });\ntest('c', ({ plan }) => { plan(1); });";
    expect(classes(code)).toEqual(['real', 'tautology', 'real']);
  });

  it('counts an assertion handed to other code, not a context only used for its other methods', () => {
    const code = [
      "test('a', async ({ equal }) => { check(equal, await once(stream)); });",
      "test('b', ({ fail, pass }) => { pino({ browser: { write: fail } }).info('x'); pass(); });",
      "test('c', (t) => { sharedChecks(t); });",
      "test('d', (t) => { t.log('hi'); t.teardown(() => stop()); });",
    ].join('\n');
    expect(classes(code)).toEqual(['real', 'real', 'real', 'no-assertion']);
  });

  it('finds subtests declared in callbacks of a call that gets the context', () => {
    const code = "function withTempDir(t, run) { t.ok(mkdir()); run(); }\ntest('outer', (t) => {\n  withTempDir(t, () => {\n    t.test('inner', (st) => {\n      st.test('deepest', (s2t) => { s2t.equal(f(), 1); });\n    });\n  });\n});";
    expect(analyzeWithBoth(code, 'a.test.js').tests).toEqual([{ title: 'deepest', testClass: 'real', line: 5, column: 7 }]);
  });

  it('does not take the rows of .each callbacks for test contexts', () => {
    const code = "test.each([['a', /a/]])('matches %s', (input, pattern) => { input.match(pattern); });";
    expect(classes(code)).toEqual(['no-assertion']);
    expect(classes(code.replace('input.match(pattern)', 'expect(input).toMatch(pattern)'))).toEqual(['real']);
  });

  it('counts the assertions of a function a table row holds, where its test calls it or hands it on', () => {
    // As lexical's heading tests: each row builds a node and brings the checks of what it built, in a table written in the call.
    const rows = "[\n  { name: 'h1', build: () => make('h1'), check: () => { expect(read().tag).toBe('h1'); } },\n  { name: 'h2', build: () => make('h2'), check: () => { expect(read().tag).toBe('h2'); } },\n]";
    expect(classes(`test.for<Row>(${rows})('$name', ({ build, check }) => { build(); editor.read(check); });`, 'a.test.ts')).toEqual(['real']);
    expect(classes(`it.each(${rows})('$name', (row) => { row.build(); row.check(); });`)).toEqual(['real']);
    // Rows whose functions check nothing, or a test that uses none of them, assert nothing.
    expect(classes(`test.for(${rows.replaceAll(/expect\(read\(\).tag\).toBe\('h\d'\)/g, 'render()')})('$name', ({ build, check }) => { build(); editor.read(check); });`)).toEqual(['no-assertion']);
    expect(classes(`test.for(${rows})('$name', ({ name }) => { make(name); });`)).toEqual(['no-assertion']);
  });

  it('finds helpers wherever the file defines them: later in a suite, or hoisted in the test body', () => {
    const inSuite = "describe('s', () => {\n  it('t', () => { check(f()); });\n  const check = (value) => expect(value).toBe(1);\n});";
    expect(classes(inSuite)).toEqual(['real']);
    const hoisted = "it('t', () => {\n  check(f());\n  function check(value) { assert.equal(value, 1); }\n});";
    expect(classes(hoisted)).toEqual(['real']);
  });

  it('does not loop on helpers that call each other', () => {
    const code = 'function a() { b() }\nfunction b() { a() }\nit("t", () => { a() });';
    expect(classes(code)).toEqual(['no-assertion']);
  });

  it('parses TypeScript generics, decorators and JSX by extension', () => {
    const ts = 'const id = <T,>(x: T): T => x;\n@sealed class A {}\nit("t", () => { expect(id<number>(1) as number).toBe(1) });';
    expect(classes(ts, 'a.test.mts')).toEqual(['real']);
    const tsx = 'it("t", () => { expect(render(<A<string> x="1" />)).toBeTruthy() });';
    expect(classes(tsx, 'a.test.tsx')).toEqual(['real']);
    // The same cast reads as JSX in a .tsx file, so it does not parse there.
    expect(analyzeWithBoth('const x = <number>y;', 'a.test.tsx').parseError).toBeDefined();
  });
});

describe('packages a test file loads by name', () => {
  it('lists the packages of imports, re-exports, import() and require(), not relative, builtin, subpath or type-only ones', () => {
    const code = [
      "import { mount } from 'enzyme/build/mount';",
      "import type { Options } from 'types-only';",
      "import { readFileSync } from 'node:fs';",
      "import { helper } from './helpers';",
      "import config from '#config';",
      "export * from '@acme/widget/setup';",
      "const adapter = process.env.OLD ? require('enzyme-adapter-react-13') : undefined;",
      "const lazy = () => import('lazy-module');",
      "it('mounts', async () => {",
      "  expect(mount(await lazy())).toBeDefined();",
      "});",
    ].join('\n');
    expect(analyzeWithBoth(code, 'a.test.ts').packageImports?.sort()).toEqual(['@acme/widget', 'enzyme', 'enzyme-adapter-react-13', 'lazy-module']);
    expect(analyzeWithBoth("import x from './x';\nit('a', () => expect(x).toBe(1));", 'a.test.js').packageImports).toBeUndefined();
  });
});

describe("wrappers that declare their caller's tests", () => {
  /** What a file declares: each test as `class title`, each focused suite as `focused-suite title`. */
  const declared = (code: string, file = 'a.test.js') => {
    const analysis = analyzeWithBoth(code, file);
    return [...analysis.tests.map((test) => `${test.testClass} ${test.title}`), ...analysis.focusedSuites.map((suite) => `focused-suite ${suite.title}`)];
  };

  it('judges the tests declared through a wrapper where it is called, with the focus and skip of its own forms', () => {
    const helpers = [
      'function describeIf(test, a, b) { if (test) describe(a, b); else describe.skip(a, b); }',
      "describeIf.only = (test, a, b) => { if (test) describe.only(a, b); else describe.only('only:', () => { describe.skip(a, b); }); };",
      'function itIf(test, a, b) { if (test) it(a, b); else it.skip(a, b); }',
      'itIf.only = (test, a, b) => { if (test) it.only(a, b); else it.skip(a, b); };',
      'itIf.skip = (test, a, b) => { itIf(false, a, b); };',
    ].join('\n');
    const calls = [
      "itIf(hasDom, 'renders', () => { expect(render()).toBe(1); });",
      "itIf(hasDom, 'mounts', () => { mount(); });",
      "itIf.only(hasDom, 'focused', () => { expect(render()).toBe(1); });",
      "itIf.skip(hasDom, 'later', () => { expect(render()).toBe(1); });",
      "describeIf.only(hasDom, 'suite', () => { it('inside', () => { expect(1 + f()).toBe(2); }); });",
      "describeIf.skip(hasDom, 'skipped suite', () => { it('skipped inside', () => { expect(f()).toBe(2); }); });",
    ].join('\n');
    expect(declared(`${helpers}\n${calls}`)).toEqual(['real renders', 'no-assertion mounts', 'focused focused', 'skipped later', 'real inside', 'skipped skipped inside', 'focused-suite suite']);
  });

  it("judges neither the focus nor the skip of a helper's focused and skipped forms that are not called", () => {
    // rollup's testHelpers.js: `runTestSuiteWithSamples.only` for a developer to focus a kind of sample test, called nowhere.
    const helpers = [
      'function runSuite(name, dir) { describe(name, () => runSamples(dir)); }',
      'runSuite.only = function (name, dir) { describe.only(name, () => runSamples(dir)); };',
      "runSuite.skip = function (name) { describe.skip(name, () => { it('is skipped', () => { expect(f()).toBe(1); }); }); };",
      "function runSamples(dir) { it('builds ' + dir, () => { expect(build(dir)).toBe(0); }); }",
    ].join('\n');
    expect(declared(`${helpers}\nrunSuite('function', 'samples');`)).toEqual(['real is skipped', "real 'builds ' + dir"]);
    // Declared as the file loads, a focus is its own.
    expect(declared("describe.only('function', () => { it('builds', () => { expect(build()).toBe(0); }); });")).toEqual(['real builds', 'focused-suite function']);
  });

  it("judges neither the focus nor the skip of a helper's declarations that take the caller's test function", () => {
    // The helpers of enzyme's test suite, in short: they declare whatever their callers pass, when called.
    const helpers = [
      'export function describeIf(test, a, b) { if (test) describe(a, b); else describe.skip(a, b); }',
      "describeIf.only = (test, a, b) => { if (test) describe.only(a, b); else describe.only('only:', () => { describe.skip(a, b); }); };",
      'export function itIf(test, a, b) { if (test) it(a, b); else it.skip(a, b); }',
      'itIf.only = (test, a, b) => { if (test) it.only(a, b); else it.skip(a, b); };',
      "function only(a, b) { describe('(uses jsdom)', () => { if (global.document) describe.only(a, b); else describe.skip(a, b); }); }",
    ].join('\n');
    expect(declared(helpers, 'test/_helpers/index.jsx')).toEqual([]);
  });

  it.each([
    ['rest parameters spread into the test', 'function testIf(cond, ...args) { return cond ? it(...args) : it.skip(...args); }'],
    ['the title and the rest', 'function itWith(name, ...rest) { it.only(name, ...rest); }'],
    ['a runner chosen by a condition', 'const itSkipIf = (c, name, fn) => (c ? it.skip : it)(name, fn);'],
    ['jest spellings', 'const fitIf = (cond, name, fn) => (cond ? fit(name, fn) : xtest(name, fn));'],
    ['a wrapper returned by a function', 'export const describeOnlyIf = (cond) => (name, fn) => (cond ? describe.only(name, fn) : describe(name, fn));'],
    ['a method, with modifiers', 'class Cases { add(name, fn) { test.concurrent.skip(name, fn); } }'],
    ['destructured parameters', 'function run({ name, body }) { it.only(name, body); }'],
    ['a pending test of the given title', 'function pending(title) { it(title); test.todo(title); }'],
    ['a title and a function made from the given ones', 'test.only = (text, fn) => { it.only(`${text} (runes mode)`, runTest(true, fn)); };\ntest.skip = (text, fn) => { it.skip(`${text} (legacy mode)`, runTest(false, fn)); };'],
  ])('declares nothing of its own: %s', (_name, code) => {
    expect(declared(code)).toEqual([]);
  });

  it('judges the tests a helper titles itself where it writes them, though they call what the caller gives', () => {
    // opentelemetry's BatchSpanProcessor tests: one helper per way of hiding the page, each test calling it among its own checks.
    const code = [
      'const testDocumentHide = (hideDocument) => {',
      "  it('should force flush spans', () => { assert.strictEqual(spy.callCount, 0); hideDocument(); assert.strictEqual(spy.callCount, 1); });",
      '};',
      "describe('by the visibilitychange event', () => { testDocumentHide(() => { document.dispatchEvent(visibilityChange); }); });",
      "describe('by the pagehide event', () => { testDocumentHide(() => { document.dispatchEvent(pageHide); }); });",
    ].join('\n');
    expect(declared(code)).toEqual(['real should force flush spans']);
  });

  it('declares nothing of its own with a function it picks among the given ones', () => {
    // payload's `it(name, options?, fn)`, skipping on the databases a test does not run on.
    const itOn = "const itOn = (name: string, optionsOrFn?: Options | Fn, fn?: Fn) => {\n  const options = typeof optionsOrFn === 'object' ? optionsOrFn : undefined;\n  const testFn = typeof optionsOrFn === 'function' ? optionsOrFn : (fn as Fn);\n  if (options?.db === 'mongo' && !isMongo) return it.skip(name, testFn!);\n  return it(name, testFn as Fn);\n};";
    expect(declared(itOn, 'helpers/it.ts')).toEqual([]);
    // One it made itself is its own.
    const made = "const itOn = (name: string, fn?: Fn) => {\n  const testFn = fn ?? makeTest(name);\n  it.skip(name, testFn);\n};";
    expect(declared(made, 'helpers/it.ts')).toEqual(['skipped name']);
  });

  it("takes a test body that only calls the caller's function for asserting through it", () => {
    const itWithData = 'export function itWithData(data, message, factory) {\n  data.forEach((testCase) => {\n    it(`${message} ${testCase.message}`, () => factory(testCase));\n  });\n}';
    expect(declared(itWithData)).toEqual(['real `${message} ${testCase.message}`']);
    const awaited = "export const itRuns = (rows, run) => rows.forEach((row) => {\n  it(row.name, async () => { await run(row); });\n  it('logs ' + row.name, () => { run(row); log(row); });\n});";
    expect(declared(awaited)).toEqual(['real row.name', "no-assertion 'logs ' + row.name"]);
  });

  it('still judges what a helper declares of its own, and what runs as the file loads', () => {
    const own = [
      "function addTests() { it('works', () => { doThing(); }); }",
      "function focusTests(render) { it.only('renders', () => { expect(render()).toBeTruthy(); }); }",
      "function suite(name, fn) { describe.only('all', () => { describe(name, fn); it('own', () => { expect(f()).toBe(1); }); }); }",
    ].join('\n');
    expect(declared(own)).toEqual(['no-assertion works', 'focused renders', 'real own', 'focused-suite all']);
    // A suite shared by renderers (enzyme's shared/methods): its tests use the caller's `Wrap`, and are its own.
    const shared = "export default function describeRenderProp({ Wrap }) {\n  describe('.renderProp()', () => {\n    it('works with strings', () => { const wrapper = Wrap(<A />); wrapper.find(B).renderProp('r')('foo'); });\n    it('renders', () => { Wrap(<A />).render(); });\n  });\n}";
    expect(declared(shared, 'shared/renderProp.jsx')).toEqual(['no-assertion works with strings', 'no-assertion renders']);
    // Callbacks of calls run as the file loads: their parameters are a table's rows, not a caller's test.
    const loaded = [
      "describe.only('x', () => { it('a', () => { expect(f()).toBe(1); }); });",
      'cases.forEach(([name, fn]) => it.only(name, fn));',
      'Object.entries(suites).forEach(([name, fn]) => { describe.only(name, fn); });',
      "((name, fn) => it.skip(name, fn))('y', check);",
    ].join('\n');
    expect(declared(loaded)).toEqual(['real a', 'focused name', 'skipped name', 'focused-suite x', 'focused-suite name']);
  });
});

describe('findEnabledOption', () => {
  it('finds passWithNoTests: true in a runner config, not false', () => {
    const config = "import { defineConfig } from 'vitest/config';\nexport default defineConfig({\n  test: {\n    passWithNoTests: true,\n  },\n});\n";
    expect(findEnabledOption(config, 'vitest.config.ts', 'passWithNoTests')).toEqual({ line: 4, column: 5 });
    expect(findEnabledOption(config.replace('true', 'false'), 'vitest.config.ts', 'passWithNoTests')).toBeUndefined();
    expect(findEnabledOption('export default {', 'jest.config.js', 'passWithNoTests')).toBeUndefined();
  });
});
