import { describe, expect, it } from 'vitest';
import { analyzeHelperModule, analyzeTestFile, assertingPatches, type AnalyzeOptions, type FileAnalysis } from '../../src/test-existence/analyze.js';
import { compileAssertPatterns } from '../../src/test-existence/assert-patterns.js';
import type { PackageNamed } from '../../src/test-existence/import-aliases.js';
import { LocalModules } from '../../src/test-existence/local-modules.js';
import { PatchedMethods } from '../../src/test-existence/patched-methods.js';
import { analyzeWithBoth } from './analyze-both.js';

/** The class of every test `code` declares, in order. */
function classes(code: string, file = 'a.test.js', options: Parameters<typeof analyzeWithBoth>[2] = {}): string[] {
  return analyzeWithBoth(code, file, options).tests.map((test) => test.testClass);
}

/** Options that follow the local imports of a project made of `files` (path → code). */
function projectOptions(files: Record<string, string>, nativeParseUnits: number, packageNamed?: PackageNamed): AnalyzeOptions {
  const options: AnalyzeOptions = { nativeParseUnits };
  options.localModules = new LocalModules(new Set(Object.keys(files)), (file) => files[file], (code, file) => analyzeHelperModule(code, file, options), packageNamed);
  return options;
}

/** Analyses `entry` of a project made of `files` (path → code), following its local imports. */
function analysisIn(files: Record<string, string>, entry: string, packageNamed?: PackageNamed): FileAnalysis {
  return analyzeWithBoth(files[entry]!, entry, (nativeParseUnits) => projectOptions(files, nativeParseUnits, packageNamed));
}

function classesIn(files: Record<string, string>, entry: string, packageNamed?: PackageNamed): string[] {
  return analysisIn(files, entry, packageNamed).tests.map((test) => test.testClass);
}

describe('expect under any local name', () => {
  it.each([
    ['a renamed vitest import', "import { expect as vExpect, test } from 'vitest';\ntest('t', () => { vExpect(f()).toBe(1) });"],
    ['a default import of a local expect', "import jestExpect from '../';\ntest('t', () => { jestExpect(f()).toBe(1) });"],
    ['expect destructured from a local require', "const {expect: jestExpect} = require('../');\ntest('t', () => { jestExpect(f()).toEqual(2) });"],
    ["require('expect') under another name", "const check = require('expect');\ntest('t', () => { check(f()).toBe(1) });"],
    ['expect from the test context', "test('t', ({ expect: want }) => { want(f()).toBe(1) });"],
    ["jasmine's expectAsync for a promise", "it('rejects', async () => { await expectAsync(load()).toBeRejectedWithError(TypeError) });"],
  ])('%s', (_name, code) => {
    expect(classes(code)).toEqual(['real']);
  });

  it.each([
    ['required', "const assertRejects = require('assert-rejects');\nit('rejects', async () => { await assertRejects(got('http://example.test/'), /No match/); });"],
    ['imported', "import assertRejects from 'assert-rejects';\nit('rejects', async () => { await assertRejects(fetchIt(), Error); });"],
  ])('takes assert-rejects %s for an assertion', (_how, code) => {
    expect(classes(code)).toEqual(['real']);
  });

  it('takes invariant(condition, message) for an assertion: tiny-invariant, and a function of the code under test named so (graphql-js)', () => {
    expect(classes("import invariant from 'tiny-invariant';\ntest('parses', () => { invariant(parse('x').ok, 'parses') });")).toEqual(['real']);
    const files = {
      'src/jsutils/invariant.ts': "export function invariant(condition: unknown, message?: string): asserts condition {\n  if (!condition) throw new Error(message ?? 'Unexpected invariant triggered.');\n}\n",
      'src/__fuzz__/strip-fuzz.ts': "import { invariant } from '../jsutils/invariant';\nit('strips', () => { const printed = strip(doc); invariant(printed === expected, 'differs'); });\n",
    };
    expect(classesIn(files, 'src/__fuzz__/strip-fuzz.ts')).toEqual(['real']);
    // So does any helper imported from the tests' code that is named to check and throws on a condition; not one named otherwise.
    const helpers = {
      'test/helpers/checks.js': "export function assertValid(doc) { if (!doc.valid) throw new Error('invalid'); }\nexport function load(doc) { if (!doc) throw new Error('no doc'); return doc; }\n",
      'test/doc.test.js': "import { assertValid, load } from './helpers/checks';\nit('validates', () => { assertValid(parse('x')); });\nit('loads', () => { load(parse('x')); });\n",
    };
    expect(classesIn(helpers, 'test/doc.test.js')).toEqual(['real', 'no-assertion']);
  });

  it("takes unexpected's one-call assertions, expect(subject, 'to …', …), for assertions, not chai's message", () => {
    const unexpected = [
      "it('slow', function () { run.slow(100); expect(run.slow(), 'to be', 100); });",
      "it('throws', function () { expect(() => parse('x'), 'to throw', /bad/); });",
      "it('fails', function () { return expect(load(), 'not to be fulfilled'); });",
      "it('calls', function () { emit(); expect(spy, 'was called with', 'end'); });",
      "it('maps', function () { expect(double, 'when called with', [2], 'to equal', 4); });",
    ].join('\n');
    expect(classes(unexpected)).toEqual(['real', 'real', 'real', 'real', 'real']);
    expect(classes("it('has', function () { expect(load(), 'the loaded value'); });")).toEqual(['no-assertion']);
  });

  it("takes Playwright's expect.poll(…) and expect.soft(…) of the test function for assertions", () => {
    // ariakit's `test` handed to a helper's callback: `await test.expect.poll(() => page.evaluate(…)).toBe('24px')`.
    expect(classes("withPreview(({ test }) => { test('pads', async ({ page }) => { await test.expect.poll(() => page.evaluate(read)).toBe('24px'); }); });", 'a.spec.ts')).toEqual(['real']);
    expect(classes("test('soft', async ({ page }) => { await test.expect.soft(page.locator('h1')).toHaveText('Hi'); });", 'a.spec.ts')).toEqual(['real']);
    expect(classes("test('polls nothing', async ({ page }) => { test.expect.poll(() => page.evaluate(read)); });", 'a.spec.ts')).toEqual(['no-assertion']);
  });

  it("takes vitest browser mode's expect.element(…) with a matcher for an assertion", () => {
    expect(classes("import { expect, it } from 'vitest';\nit('renders', async () => { const screen = page.render(Demo); await expect.element(screen.baseElement).toBeInTheDocument(); });")).toEqual(['real']);
    expect(classes("import { expect, it } from 'vitest';\nit('renders', async () => { const screen = page.render(Demo); expect.element(screen.baseElement); });")).toEqual(['no-assertion']);
  });

  it('is a tautology under its other name too, when it compares constants', () => {
    expect(classes("import { expect as vExpect, test } from 'vitest';\ntest('t', () => { vExpect(1).toBe(1) });")).toEqual(['tautology']);
  });
});

describe('chains and assert modules however written', () => {
  it.each([
    ['supertest held in a variable', "it('t', function (done) { var test = request(app).post('/'); test.set('a', 'b'); test.expect(413, done); });"],
    ['inline node:assert', "it('t', () => { require('node:assert').strictEqual(f(), 1) });"],
    ['inline assert called', "it('t', () => { require('assert')(f()) });"],
    ['assert/strict', "import assert from 'assert/strict';\nit('t', () => { assert.equal(f(), 1) });"],
    ['t.assert of node:test', "test('t', (t) => { t.assert.strictEqual(f(), 1) });"],
    ['a Playwright wait', "test('t', async ({ page }) => { await page.goto('/'); await page.waitForSelector('text=Done') });"],
    ['a Playwright wait for an event that meets a predicate', "test('t', async ({ page }) => { await page.goto('/'); await page.waitForEvent('console', (message) => message.text() === 'Hi'); });"],
    ["a Playwright locator's wait for a state", "test('t', async ({ page }) => { await page.getByRole('button', { name: 'Save' }).click(); await page.getByTestId('dialog').waitFor({ state: 'hidden' }); });"],
    ["a Playwright locator's wait, visible by default", "test('t', async ({ page }) => { await page.goto('/'); await page.locator('#done').first().waitFor(); });"],
    ["astral's wait for a locator's element (Deno)", "Deno.test('t', async () => { await page.goto(address); await page.locator('.update').click(); await page.locator('.ready').wait(); });"],
    ['an awaited method of a page object named to assert', "test('t', async ({ page }) => { const editor = await WorkflowEditorPage.open(page); await editor.fill('x'); await editor.assertEmailSubjectContains('x'); });"],
    ['an awaited method of a harness named to expect', "it('t', async () => { await harness.send('hi'); await harness.expectReply({ text: 'hi' }); });"],
    ['a Playwright action on a text the page shows', "test('t', async ({ page }) => { await page.getByRole('button', { name: 'Duplicate' }).click(); await page.getByLabel('Environments').getByText('Env (Copy)').click(); });"],
    ['a Playwright action given a text selector', "test('t', async ({ page }) => { await page.click('[data-testid=\"send\"]'); await page.click('text=Request was cancelled'); });"],
    ["a Puppeteer click on a text selector", "it('t', async () => { await page.click('button.save'); await page.click('::-p-text(Saved)'); });"],
    ["a Puppeteer click on a text selector of the older form", "it('t', async () => { await page.click('button.save'); await page.click('text/Welcome back'); });"],
    ['a Playwright action on a locator by text', "test('t', async ({ page }) => { await page.locator('li:has-text(\"Saved\")').click(); });"],
    ['a Playwright action on a locator filtered by text', "test('t', async ({ page }) => { await page.locator('pre').filter({ hasText: '| 4444' }).first().click(); });"],
    ['a Playwright action on content found by role', "test('t', async ({ page }) => { await page.getByRole('button', { name: 'Add' }).click(); await page.getByRole('cell', { name: 'foo=bar' }).click(); });"],
    ['a Playwright wait for an event with a predicate option', "test('t', async ({ page }) => { await page.goto('/'); await page.waitForEvent('request', { predicate: (request) => request.url().endsWith('/api') }); });"],
    ['tspl with a plan', "import { tspl } from '@matteo.collina/tspl';\ntest('t', async (t) => { const p = tspl(t, { plan: 1 }); p.equal(f(), 1); await p.completed; });"],
    ['fc.assert', "import fc from 'fast-check';\ntest('t', () => { fc.assert(fc.property(fc.integer(), (n) => f(n) >= 0)) });"],
    ['a done callback asserting inside a callback', "it('t', function (done) { f(function (err) { assert.ifError(err); done(); }); });"],
    ['a done callback handed to the code under test', "it('t', function (done) { var next = function () { done() }; cors()(req, res, next); });"],
    ['assertions in a callback passed to the code under test', "it('t', function () { cors()(req, res, function () { assert.equal(res.statusCode, 204) }) });"],
    ['a function taken off a required assert module', "const equal = require('assert').equal;\nit('t', () => { equal(0, f().length) });"],
    ["Deno's @std/assert", "import { assertEquals } from '@std/assert';\ntest('t', () => { assertEquals(add(1, 2), 3); });"],
    ["Deno's @std/assert from jsr, whole", "import * as asserts from 'jsr:@std/assert@^1.0.0';\ntest('t', () => { asserts.assertRejects(() => load('x')); });"],
    ["Deno's std assertions by URL", "import { assert } from 'https://deno.land/std@0.224.0/assert/mod.ts';\ntest('t', () => { assert(ready()); });"],
    ["Deno's std assertions by URL, the older layout", "import { assertStrictEquals } from 'https://deno.land/std@0.140.0/testing/asserts.ts';\ntest('t', () => { assertStrictEquals(f(), 1); });"],
    // sentry's Deno tests: a function's own module of std's assert, by URL or by subpath.
    ["Deno's std assertion from its own module by URL", "import { assertEquals } from 'https://deno.land/std@0.202.0/assert/assert_equals.ts';\nDeno.test('t', () => { assertEquals(f(), 1); });"],
    ["Deno's std assertion from its own module by subpath", "import { assertEquals } from '@std/assert/equals';\nDeno.test('t', () => { assertEquals(f(), 1); });"],
    ["AdonisJS Ace's assertions on a command it ran", "test('t', async ({ fs }) => { const command = await ace.create(Add, ['vinejs']); await command.exec(); command.assertExitCode(1); command.assertLogMatches(/Unable to configure/); });"],
    ["yeoman-test's assertions on a generator's run", "let result;\nbeforeAll(async () => { result = await helpers.run(Dummy).withAnswers({ foo: 'fooValue' }); });\nit('t', () => { result.assertFileContent('foo-template.js', \"fooValue = 'fooValue\"); });"],
    // sentry's integration runner: an awaited chain whose steps declare what the run must send, which completed() checks.
    ['a step named to expect of an awaited chain', "test('t', async () => { await createRunner(__dirname, 'scenario.ts').expectHeader({ transaction: { trace } }).start().completed(); });"],
    ['a step named to assert of an awaited chain', "test('t', async () => { await harness.run('x').assertOutput('done').finish(); });"],
    ['a step named to ensure of an awaited chain', "test('t', async () => { await createRunner(__dirname, 'app.mjs').ensureNoErrorOutput().start().completed(); });"],
    ["an assertion of Deno's mocks", "import { assertSpyCalls, stub } from '@std/testing/mock';\ntest('t', async () => { const send = stub(client, 'send'); await notify([]); assertSpyCalls(send, 0); });"],
    ['a function taken off an assert module imported whole', "import * as assert from 'node:assert/strict';\nconst same = assert.deepEqual;\nit('t', () => { builder((sql) => same(sql, [])) });"],
    ["assume, winston's expect", "const assume = require('assume');\nit('t', () => { assume(container.has('a')).true() });"],
    ['expect.js under another name', "const check = require('expect.js');\nit('t', () => { check(f()).to.be(1) });"],
    ["ist, ProseMirror's assert", "import ist from 'ist';\nit('t', () => { ist(doc(p('hey')).toString(), 'doc(paragraph(\"hey\"))') });"],
    ["ist's throws, required", "const ist = require('ist');\nit('t', () => { ist.throws(() => schema.node('doc', null, [])) });"],
    ["cli-testlab's execCommand given an expected output", "const { execCommand } = require('cli-testlab');\nit('t', () => execCommand('cli --version', { expectedOutput: '1.0.0' }));"],
    ["Angular's HttpTestingController expecting a request, beside a placeholder", "it('t', () => { loader.use('en'); http.expectOne('/i18n/en.json').flush({}); expect(true).toBeTruthy(); });"],
    ["Angular's HttpTestingController expecting none", "it('t', () => { service.cached('en'); httpMock.expectNone((request) => request.url.endsWith('.json')); });"],
  ])('%s counts as asserting', (_name, code) => {
    expect(classes(code)).toEqual(['real']);
  });

  it.each([
    ['execCommand given no expectation', "import { execCommand } from 'cli-testlab';\nit('t', () => execCommand('cli --version', { cwd: dir }));"],
    ['a function taken off another module', "const path = require('node:path');\nconst join = path.join;\nit('t', () => { join(a, b) });"],
    ['a waitFor that is no locator\'s', "it('t', async () => { await queue.waitFor(100); await client.connect().waitFor() });"],
    ['an expectOne given nothing', "it('t', () => { registry.expectOne(); });"],
    ["Deno's mocks and another std module", "import { spy, stub } from '@std/testing/mock';\nimport { join } from '@std/path';\ntest('t', () => { const s = spy(); stub(api, 'get'); join(a, b); s(); });"],
    ['a method named to assert, not awaited, and an awaited one named otherwise', "test('t', async ({ page }) => { db('accounts').expectCount(3); await editor.assertionsFor(page); await editor.checkout(); });"],
    ['an awaited chain with no step named to expect, and a chain with one not awaited', "test('t', async () => { await createRunner(__dirname, 'scenario.ts').start().completed(); createRunner('x').expectHeader({}).start(); });"],
    ['an awaited call named to ensure', "test('t', async () => { await fs.ensureDir(dir); await writeConfig(dir); });"],
    ["another module of Deno's std by URL", "import { assertEquals } from 'https://deno.land/std@0.202.0/testing/bdd.ts';\nDeno.test('t', () => { assertEquals(f(), 1); });"],
    ['Playwright actions on controls', "test('t', async ({ page }) => { await page.getByRole('button', { name: 'Save' }).click(); await page.getByTestId('name').fill('Ada'); await page.locator('#submit').click(); await page.click('button.primary'); await page.getByRole('cell').click(); });"],
    ['Playwright actions on controls found by their text', "test('t', async ({ page }) => { await page.locator('button', { hasText: 'Inside form' }).click(); await page.click('button:has-text(\"Save\")'); await page.locator('a').filter({ hasText: 'Docs' }).click(); await page.getByRole('row', { name: 'Ada' }).getByRole('button').click(); await page.getByPlaceholder('Email').fill('a@b.c'); });"],
    ['a Cypress command given a quoted text', "it('t', () => { cy.get('#name').type(\"'quoted'\"); cy.get('button').click(); });"],
  ])('%s does not count as asserting', (_name, code) => {
    expect(classes(code)).toEqual(['no-assertion']);
  });

  it('counts a tight timeout of its own for a check of speed, and not a roomy one', () => {
    // unocss's `it('with incomplete element', async () => { await uno.generate('<div class="w-full…"') }, 20)`.
    expect(classes("it('is fast', async () => { await generate(input) }, 20);")).toEqual(['real']);
    expect(classes("test('is fast', { timeout: 50 }, async () => { await generate(input) });")).toEqual(['real']);
    expect(classes("it('is fast', async () => { await generate(input) }, { timeout: 200 });")).toEqual(['real']);
    // effect's ReDoS tests: `it('avoids backtracking…', { timeout: 1_000 }, () => { router.find('GET', '/' + 'a-'.repeat(8_000)) })`.
    expect(classes("it('avoids backtracking', { timeout: 1_000 }, () => { router.find('GET', long) });")).toEqual(['real']);
    expect(classes("it('builds', async () => { await build() }, 1001);")).toEqual(['no-assertion']);
    expect(classes("it('builds', async () => { await build() }, 60_000);")).toEqual(['no-assertion']);
    expect(classes("it('builds', async () => { await build() });")).toEqual(['no-assertion']);
  });

  it('counts a promise the test settles from a callback of the code, or rejects on a path', () => {
    expect(classes("test('open', () => new Promise((resolve, reject) => { ws.onerror = reject; ws.on('open', () => resolve()) }))")).toEqual(['real']);
    expect(classes("test('wait', () => new Promise((resolve) => { setup(); resolve() }))")).toEqual(['no-assertion']);
    // Any event of a kind: Playwright's page.waitForEvent('load') happens whatever the page does.
    expect(classes("test('t', async ({ page }) => { await page.goto('/'); await page.waitForEvent('load'); })")).toEqual(['no-assertion']);
    expect(classes("test('listen', async () => { await new Promise((resolve) => server.listen(0, resolve)); t.assert.ok(true) })")).toEqual(['tautology']);
    // undici's: resolvers made in a factory the code calls back, rejected on a path the test then awaits.
    const resolvers = (onError: string) =>
      classes(`test('destroys', async () => {\n  let p;\n  const agent = new Agent({ factory: (origin) => {\n    const pool = new Pool(origin);\n    const { promise, resolve, reject } = Promise.withResolvers();\n    p = promise;\n    pool.on('connectionError', () => { ${onError} });\n    return pool;\n  } });\n  await request(agent).catch(() => {});\n  await p;\n});`);
    expect(resolvers("pool.destroyed ? resolve() : reject(new Error('client not destroyed'))")).toEqual(['real']);
    expect(resolvers('setImmediate(resolve)')).toEqual(['no-assertion']);
  });

  it("takes a function given as a file's content for that file's code: its tests and checks are not the test's", () => {
    // vitest's own suite writes fixture files from functions: `runInlineTests({ 'basic.test.ts': () => { test('x', () => {}) } })`.
    const inline = (check: string) => [
      "test('fixture cannot import', async () => {",
      '  const { stderr } = await runInlineTests({',
      "    'basic.test.ts': () => { test('not working', () => {}); expect(1).toBe(1); },",
      "    'vitest.config.js': { test: { globals: true } },",
      '  });',
      `  ${check}`,
      '});',
    ].join('\n');
    expect(classes(inline("expect(stderr).toContain('x');"))).toEqual(['real']);
    expect(classes(inline('log(stderr);'))).toEqual(['no-assertion']);
    // A function under any other key is the test's own callback.
    expect(classes("test('runs', async () => { await run({ setup: () => { test('inner', () => {}) } }); });")).toEqual(['empty']);
  });

  it('counts a callback that throws on a path the code must not take', () => {
    expect(classes("test('gc', async () => { const r = new Response(new ReadableStream({ cancel () { throw new Error('unreachable') } })); await r.text() })")).toEqual(['real']);
    expect(classes("test('guard', async () => { if (!hasGC) throw new Error('no gc'); run() })")).toEqual(['no-assertion']);
    // The same throw last checks what the test measured.
    expect(classes("test('no ReDoS', () => { const before = performance.now(); TAG.test('a-----!'); const after = performance.now(); if (after - before > 10) { throw new Error('vulnerable to ReDoS'); } })")).toEqual(['real']);
    expect(classes("test('rethrows last', () => { const error = run(); if (error) throw error; })")).toEqual(['no-assertion']);
    // graphql-yoga's audits: the result's own error, thrown where the result is not the one expected.
    expect(classes("test('audit', async () => { const result = await audit.fn(); if (result.status !== 'ok') { throw result.reason; } })")).toEqual(['real']);
    // For each item of a loop that ends the test (helmet's check of every source file's bytes); a loop that ends otherwise checks nothing.
    expect(classes("test('ascii', async () => { for (const { path, contents } of await sources()) { const index = contents.findIndex(abnormal); if (index !== -1) { throw new Error(`${path} at ${index}`); } } })")).toEqual(['real']);
    expect(classes("test('each', () => { for (const file of files) { if (!file) throw new Error('missing'); read(file); } })")).toEqual(['no-assertion']);
    // Thrown when the condition does not hold, and a message thrown as it is (mobx's type guard test).
    expect(classes("test('guards', () => { const o = observable({}); if (isObservableObject(o)) { o.stuff = 'new' } else { throw 'failure' } })")).toEqual(['real']);
    expect(classes("test('guard first', () => { if (!ready()) throw `not ready`; run() })")).toEqual(['no-assertion']);
    // Jasmine's global fail, in a callback the code must not call (mobx's aborted `when`); not a function of the file of that name.
    expect(classes("test('aborts', () => { const ac = new AbortController(); when(() => x.get() === 3, () => { fail('should abort') }, { signal: ac.signal }); ac.abort(); x.set(3) })")).toEqual(['real']);
    expect(classes("function fail(message) { log(message) }\ntest('logs', () => { run(() => { fail('x') }) })")).toEqual(['no-assertion']);
    expect(classes("test('no warning', async () => { function onWarning () { throw new Error('warned') }\nprocess.on('warning', onWarning); await run() })")).toEqual(['real']);
    // Error(…) without `new` builds an error as well; an error caught and thrown on is no sentinel.
    expect(classes("test('no mixin', () => { const log = logger({ mixin () { throw Error('should not be called') } }); log.info('x') })")).toEqual(['real']);
    expect(classes("test('no write', () => { const log = logger(sink(() => { throw TypeError('no data') })); log.debug('x') })")).toEqual(['real']);
    expect(classes("test('rethrow', () => { run((error) => { throw error }) })")).toEqual(['no-assertion']);
    expect(classes("test('made', () => { run(() => { throw makeError() }) })")).toEqual(['no-assertion']);
    // A sinon stub made to throw an error made on the spot (ioredis's lazy connect); not one given an error, nor another object's throws.
    expect(classes("it('does not connect', () => { sinon.stub(Redis.prototype, 'connect').throws(new Error('connect should not be called')); new Redis({ lazyConnect: true }); });")).toEqual(['real']);
    expect(classes("it('a', () => { sinon.stub(api, 'get').rejects(error); run(); });\nit('b', () => { parser.throws(new Error('x')); run(); });")).toEqual(['no-assertion', 'no-assertion']);
    // Rejecting with an error made on the spot is the same path, in a promise.
    expect(classes("test('concurrency', async () => { const queue = new Queue(5); let running = 0;\nawait Promise.all([1, 2, 3].map(() => queue.push(() => { running++; if (running > 5) return Promise.reject(new Error('too many')); running--; return Promise.resolve(); }))); })")).toEqual(['real']);
    expect(classes("test('passes on', async () => { await run((error) => Promise.reject(error)) })")).toEqual(['no-assertion']);
  });

  it('counts a module loaded with mocks that throw on the path the test must not take', () => {
    // The mock in a variable of the file, throwing in one of its functions; t.pass beside it does not make it a tautology.
    const tap = "const t = require('tap')\nconst chown = Object.assign((p, cb) => cb(new Error('no')), { sync: () => { throw new Error('should not chown') } })\nconst Store = t.mock('../lib/store.js', { chown })\n";
    expect(classes(`${tap}t.test('mkdir', async t => { await new Store({ path: 'x' }).save(); t.pass('did not chown') })\nt.test('other', async t => { await other(); t.pass('ok') })`)).toEqual(['real', 'tautology']);
    // Written in the call, through tap 18's mockImport, proxyquire's chains and esmock.
    expect(classes("import t from 'tap';\nconst { save } = await t.mockImport('../lib/store.js', { fs: { chownSync() { throw new Error('should not chown') } } });\nt.test('save', async () => { await save() })")).toEqual(['real']);
    expect(classes("const proxyquire = require('proxyquire').noCallThru();\nconst run = proxyquire('../run', { './net': { fetch: () => Promise.reject(new Error('offline')) } });\nit('runs offline', async () => { await run() })")).toEqual(['real']);
    expect(classes("import esmock from 'esmock';\nfunction noWrite() { throw new Error('should not write') }\nconst cli = await esmock('../cli.js', { 'node:fs': { writeFileSync: noWrite } });\ntest('dry run', () => { cli(['--dry-run']) })")).toEqual(['real']);
    // A test that loads the module itself, with mocks that do not throw, does not use another test's load of the same name.
    expect(classes("import t from 'tap';\nt.test('fails', async t => { const { save } = await t.mockImport('../store.js', { fs: { chownSync() { throw new Error('x') } } }); await save() })\nt.test('present', async t => { const { save } = await t.mockImport('../store.js', { fs: { chownSync() {} } }); await save() })")).toEqual(['real', 'no-assertion']);
    // Mocks that do not throw, or a load that is no mocking, leave the test without an assertion.
    expect(classes("const t = require('tap')\nconst Store = t.mock('../lib/store.js', { chown: () => {} })\nt.test('mkdir', async () => { await new Store().save() })")).toEqual(['no-assertion']);
    expect(classes("const load = require('./load')\nconst Store = load('../lib/store.js', { chown: () => { throw new Error('x') } })\ntest('mkdir', async () => { await new Store().save() })")).toEqual(['no-assertion']);
  });

  it('leaves out what the line above accepts with eslint-disable-next-line, and counts it', () => {
    const code = "// eslint-disable-next-line jest/no-focused-tests\ntest.only('on a broken platform', () => { expect(f()).toBe(1) });\n// eslint-disable-next-line vitest/no-disabled-tests\ntest.skip('later', () => {});\n// eslint-disable-next-line jest/no-disabled-tests\ntest.only('other rule', () => {});";
    expect(analyzeWithBoth(code, 'a.test.js').tests.map((test) => `${test.testClass}${test.acknowledged ? ' (acknowledged)' : ''}`)).toEqual(['focused (acknowledged)', 'skipped (acknowledged)', 'focused']);
    // Above a skipped suite, for the tests it skips (stylelint's `describe.skip('standard config', …)`); not for another class of test in it.
    const suite = "// eslint-disable-next-line jest/no-disabled-tests -- until the new rule is documented\ndescribe.skip('standard config', () => {\n  test('lists every rule', () => { expect(rules()).toEqual(listed) });\n  describe('nested', () => { it('runs', () => { expect(f()).toBe(1) }) });\n});\ndescribe.skip('other', () => { it('x', () => { expect(f()).toBe(1) }) });";
    expect(analyzeWithBoth(suite, 'a.test.js').tests.map((test) => `${test.testClass}${test.acknowledged ? ' (acknowledged)' : ''}`)).toEqual(['skipped (acknowledged)', 'skipped (acknowledged)', 'skipped']);
  });

  it("counts tap's t.end called back by the code under test, as a done callback, and not at the end of the test", () => {
    const tap = "const t = require('tap');\n";
    expect(classes(`${tap}t.test('main calls cb', t => new Base({}).main(() => t.end()))\nt.test('handed', t => { server.close(t.end) })`)).toEqual(['real', 'real']);
    expect(classes(`${tap}t.test('ends', t => { new Base({}).main(); t.end() })\nt.test('pass and end', t => { run(); t.pass('ran'); t.end() })\nt.test('fast', t => t.end())`)).toEqual(['no-assertion', 'tautology', 'no-assertion']);
    expect(classes("it('ends at once', (done) => done())")).toEqual(['no-assertion']);
  });

  it("takes nodeunit's tests, the functions of the objects a module exports, and no helper module's functions", () => {
    // grunt's own suite, which grunt-contrib-nodeunit runs.
    const code = [
      "var grunt = require('../../lib/grunt');",
      'exports.file = {',
      "  setUp: function (done) { this.dir = mkdtemp(); done(); },",
      "  'read': function (test) { test.expect(1); test.equal(grunt.file.read('a.txt'), 'a'); test.done(); },",
      "  'nested': { 'write': function (test) { grunt.file.write('b.txt', 'b'); test.done(); } },",
      "  'reads later': function (test) { grunt.util.spawn({ cmd: 'ls' }, function (error, result) { test.ok(result.stdout); test.done(); }); },",
      '};',
    ].join('\n');
    expect(classes(code, 'test/grunt/file_test.js')).toEqual(['real', 'no-assertion', 'real']);
    // Functions that take an argument and end no test through it are a module's API.
    expect(classes("module.exports = { read: function (file) { return fs.readFileSync(file); }, write: function (file, data) { fs.writeFileSync(file, data); } };", 'test/helpers.js')).toEqual([]);
  });

  it("counts japa's test chained with .throws() or .fails(), which the runner checks, and not one chained otherwise", () => {
    const code = [
      "import { test } from '@japa/runner';",
      // adonis's: the runner fails the test unless its function throws that error.
      "test('dump and die', () => { dd({ a: 1 }); }).throws('Dump and Die exception', E_DUMP_DIE_EXCEPTION);",
      "test('known bug', () => { parse('x'); }).fails('see #12');",
      "test('tagged', () => { parse('x'); }).tags(['slow']);",
    ].join('\n');
    expect(classes(code, 'a.spec.ts')).toEqual(['real', 'real', 'no-assertion']);
  });

  it("counts mocha-sugar-free's context.done() called back by the code in a test told it is asynchronous, and not in one that is not", () => {
    const sugar = "const { specify } = require('mocha-sugar-free');\n";
    const code = [
      // jsdom's: the test times out unless the window calls back, whatever constant it asserts first.
      "specify('calls rAF', { async: true }, (context) => { const { window } = new JSDOM(''); window.requestAnimationFrame(() => { context.done(); }); });",
      "specify('loads later', { async: true }, (t) => { window.addEventListener('load', () => { assert.ok(true); t.done(); }); });",
      "specify('ends at once', { async: true }, (t) => { new JSDOM(''); t.done(); });",
      "specify('not waited for', { slow: true }, (t) => { window.requestAnimationFrame(() => { t.done(); }); });",
      "specify('synchronous', { async: false }, (t) => { window.requestAnimationFrame(() => { t.done(); }); });",
    ].join('\n');
    expect(classes(`${sugar}${code}`)).toEqual(['real', 'real', 'no-assertion', 'no-assertion', 'no-assertion']);
  });

  it("counts a test context's assertion chosen by the test's own check: t[ok ? 'pass' : 'fail'](…)", () => {
    expect(classes("const t = require('tap');\nt.test('equal', t => { const found = run(); t[found === 'a' ? 'pass' : 'fail']('should be equal', { found }); t.end() })")).toEqual(['real']);
    // Not a choice of assertions, or not on the context: no assertion.
    expect(classes("const t = require('tap');\nt.test('log', t => { t[verbose ? 'comment' : 'log']('x'); t.end() })\nt.test('other', t => { reporter[ok ? 'pass' : 'fail']('x'); t.end() })")).toEqual(['no-assertion', 'no-assertion']);
  });

  it('does not take a promise waited on through done for an assertion, unless the code under test calls back first', () => {
    expect(classes("it('t', (done) => { f().then(() => done()) });")).toEqual(['no-assertion']);
    expect(classes("it('t', (done) => { f(); done(); });")).toEqual(['no-assertion']);
    // Ended in a method the test replaces, which the code must call (ioredis's `db: 2` selected on connect).
    expect(classes("it('selects', (done) => { const redis = new Redis({ db: 2 }); const select = redis.select; redis.select = function () { return select.apply(redis, arguments).then(() => { redis.select = select; done(); }); }; });")).toEqual(['real']);
    // Ended only in a catch, the test checks that the promise rejects (ioredis's failing connect); `.catch(done)` hands the error on.
    expect(classes("it('rejects', (done) => { const r = new Redis({ port: 1 }); r.connect().catch(() => { r.disconnect(); done(); }); });")).toEqual(['real']);
    expect(classes("it('t', (done) => { f().then(() => done()).catch(done); });\nit('u', (done) => { f().catch((error) => done(error)); });")).toEqual(['no-assertion', 'no-assertion']);
    // mongoose: the test ends only once the connection opens; socket.io: once the server closes the client.
    expect(classes("it('opens', function (done) { mong.connect(uri); mong.connection.on('open', function () { mong.disconnect().then(() => done()).catch((err) => done(err)); }); });")).toEqual(['real']);
    expect(classes("it('closes', (done) => { setupServer({ upgradeTimeout: 50 }, async ({ engine }) => { const client = connect(); client.closed.then(() => { success(engine, done); }); }); });")).toEqual(['real']);
    // node-red: once loaded, the code must call back, with the error the test expects or with another it fails on.
    expect(classes("it('fails', function (done) { load().then(function () { context.get('k', function (err) { if (err === 'e2') { done(); } else { done('An error occurred'); } }); }).catch(function (err) { done(err); }); });")).toEqual(['real']);
    expect(classes("it('loads', function (done) { load().then(function () { setUp(); done(); }).catch(done); });")).toEqual(['no-assertion']);
    // A rejection checked inside, or a failure the test makes of its own there, checks too; an error handed on does not.
    expect(classes("it('rejects', function (done) { flows.load().then(function () { flows.addFlow(cfg).then(function () { done(new Error('failed to reject')); }).catch(function () { done(); }); }); });")).toEqual(['real']);
    expect(classes("it('rejects, caught', function (done) { flows.load().then(function () { flows.addFlow(cfg).catch(function () { done(); }); }); });")).toEqual(['real']);
    expect(classes("it('finds specs', function (done) { walk(dir).then(function (errors) { if (errors.length > 0) { var error = new Error('missing'); done(error); } else { done(); } }); });")).toEqual(['real']);
    expect(classes("it('installs', function (done) { install().then(function () { done(); }).catch(function (err) { done(err); }); });")).toEqual(['no-assertion']);
    // node-red's sinon spies read and dropped, in a try whose catch hands the error on: nothing checks.
    expect(classes("it('reports', function (done) { start().then(function () { try { warn.calledWithMatch('errored'); done(); } catch (err) { done(err); } }); });")).toEqual(['no-assertion']);
  });
});

/** The classes of the tests of `entry`, in a project of `files` whose test code may patch methods onto objects. */
function classesWithPatches(files: Record<string, string>, entry: string): string[] {
  const analysis = analyzeWithBoth(files[entry]!, entry, (nativeParseUnits) => {
    const options: AnalyzeOptions = { nativeParseUnits };
    options.localModules = new LocalModules(new Set(Object.keys(files)), (file) => files[file], (code, file) => analyzeHelperModule(code, file, options));
    const patching = { ...options };
    options.patchedMethods = new PatchedMethods(Object.keys(files), (file) => files[file]!, (code, file) => assertingPatches(code, file, patching));
    return options;
  });
  return analysis.tests.map((test) => test.testClass);
}

describe('helpers', () => {
  it("counts a fixture of an extended test function that hands the test a function that asserts, wherever the test function comes from", () => {
    // ariakit's `visual` fixture, handed to tests through a helper's callback: nothing the test file imports names the extension.
    const files = {
      'src/test-utils/screens.ts': "import { expect } from '@playwright/test';\nexport async function compareScreens(page, name) { await expect(page).toHaveScreenshot(name); }",
      'src/test-utils/fixtures.ts': [
        "import { test as base } from '@playwright/test';",
        "import { compareScreens } from './screens.ts';",
        'export const test = base.extend({',
        '  screens: async ({ page }, use) => { await use((name) => compareScreens(page, name)); },',
        '  slow: [async ({}, use) => { await use(100); }, { scope: "test" }],',
        '  logs: async ({ page }, use) => { await use(() => page.evaluate(() => console.log("x"))); },',
        // sveltekit's clicknav: a function declared in the fixture, handed on by name, that waits for the URL it is told to reach.
        '  clicknav: async ({ page }, use) => {',
        '    async function clicknav(selector, { waitForURL } = {}) { await Promise.all([page.locator(selector).click(), page.waitForURL(waitForURL)]); }',
        '    const press = async (selector) => { await page.locator(selector).press("Enter"); };',
        '    await use(clicknav);',
        '  },',
        '  press: async ({ page }, use) => {',
        '    const press = async (selector) => { await page.locator(selector).press("Enter"); };',
        '    await use(press);',
        '  },',
        '});',
      ].join('\n'),
      'src/test-utils/preview.ts': "import { test } from './fixtures.ts';\nexport function withPreview(callback) { test.describe('preview', () => callback({ test })); }",
      'src/menu/test-browser.ts': [
        "import { withPreview } from '../test-utils/preview.ts';",
        'withPreview(({ test }) => {',
        "  test('hover', async ({ page, screens }) => { await page.hover('#menu'); await screens(); });",
        "  test('waits', async ({ page, slow }) => { await page.click('#menu'); await page.waitForTimeout(slow); });",
        "  test('logs', async ({ page, logs }) => { await page.click('#menu'); await logs(); });",
        "  test('navigates', async ({ page, clicknav }) => { await page.goto('/a'); await clicknav('a#b', { waitForURL: '/a#b' }); });",
        "  test('presses', async ({ page, press }) => { await page.goto('/a'); await press('#b'); });",
        '});',
      ].join('\n'),
    };
    expect(classesWithPatches(files, 'src/menu/test-browser.ts')).toEqual(['real', 'no-assertion', 'no-assertion', 'real', 'no-assertion']);
  });

  it('counts a method that asserts of what a helper returns, and not the helper for the methods it returns or the functions it declares for them', () => {
    // pnpm's `const project = prepareEmpty()`, which returns `assertProject(dir)`: `has` asserts, `storeHas` returns a path.
    const files = {
      'test/utils/assert-project.ts': [
        "import fs from 'node:fs';",
        "import { assertStore } from './assert-store';",
        'export function assertProject(dir: string) {',
        '  const ok = (value: unknown) => expect(value).toBeTruthy();',
        "  function getStore () { if (!fs.existsSync(dir)) { throw new Error('no store yet'); } return assertStore(dir); }",
        '  return {',
        '    has (pkg: string) { ok(fs.existsSync(pkg)); },',
        '    storeHas (pkg: string) { return getStore().resolve(pkg); },',
        '  };',
        '}',
      ].join('\n'),
      // Its store's methods, kept in a variable and returned.
      'test/utils/assert-store.ts': "export function assertStore(dir: string) {\n  const ok = (value: unknown) => expect(value).toBeTruthy();\n  const store = { cafsHas (pkg: string) { ok(read(dir, pkg)); }, resolve (pkg: string) { return `${dir}/${pkg}`; } };\n  return store;\n}",
      'test/utils/prepare.ts': "import { assertProject } from './assert-project';\nexport function prepareEmpty() { return assertProject('x'); }\nexport function preparePackages(pkgs) { const result = {}; for (const pkg of pkgs) { result[pkg.name] = assertProject(pkg.name); } return result; }",
      // unleash's: an app made in a hook, whose methods check the response's status with supertest.
      'test/utils/app.ts': "export async function setupApp() { const request = await start(); return { createSegment(data, status = 201) { return request.post('/segments').send(data).expect(status); } }; }",
      'test/segments.test.ts': [
        "import { setupApp } from './utils/app';",
        'let app;',
        'beforeAll(async () => { app = await setupApp(); });',
        "test('rejects', async () => { await app.createSegment({ name: 'x' }, 400); });",
        "test('lists', async () => { await app.listSegments(); });",
      ].join('\n'),
      'test/install.test.ts': [
        "import { prepareEmpty, preparePackages } from './utils/prepare';",
        "import { assertProject } from './utils/assert-project';",
        // A record of such projects, each checked by name.
        "test('installs each', async () => { const projects = preparePackages([{ name: 'a' }]); await install(); projects['a'].has('is-positive'); });",
        "test('stores each', async () => { const projects = preparePackages([{ name: 'a' }]); await install(); projects['a'].storeHas('is-positive'); });",
        "test('installs', async () => { const project = prepareEmpty(); await install(); project.has('is-positive'); });",
        "test('stores', async () => { const project = prepareEmpty(); await install(); project.storeHas('is-positive'); });",
        "test('links', async () => { await install(); assertProject(dir).has('is-positive'); });",
      ].join('\n'),
    };
    expect(classesIn(files, 'test/install.test.ts')).toEqual(['real', 'no-assertion', 'real', 'no-assertion', 'real']);
    expect(classesIn(files, 'test/segments.test.ts')).toEqual(['real', 'no-assertion']);
  });

  it("counts Detox's waits, which fail when the element does not meet the matcher in time", () => {
    const code = [
      "import { expect } from 'detox';",
      "it('shows', async () => { await element(by.id('open')).tap(); await waitFor(element(by.id('screen'))).toExist().withTimeout(10000); });",
      "it('scrolls to', async () => { await waitFor(element(by.id('post'))).toBeVisible().whileElement(by.id('list')).scroll(50, 'down'); });",
      // Without withTimeout or whileElement, Detox waits for nothing; and Testing Library's waitFor takes a callback.
      "it('never waits', async () => { await waitFor(element(by.id('screen'))).toExist(); });",
      "it('taps', async () => { await waitFor(() => ready()).withTimeout(100); });",
    ].join('\n');
    expect(classes(code, 'a.e2e.ts')).toEqual(['real', 'real', 'no-assertion', 'no-assertion']);
  });

  it('counts a method that asserts, of a page object the test code exports: an instance of a class of its module, or an object of functions', () => {
    // mattermost-mobile's Detox screens: `const pushScreen = new PushScreen(); export default pushScreen`, re-exported by an index,
    // whose `toBeVisible = async () => { await waitFor(this.screen).toExist().withTimeout(…) }` checks that the screen shows.
    const files = {
      'e2e/support/ui/screen/push.ts': "class PushScreen {\n  screen = element(by.id('push'));\n  toBeVisible = async () => {\n    await waitFor(this.screen).toExist().withTimeout(10000);\n    return this.screen;\n  };\n  back = async () => { await element(by.id('back')).tap(); };\n  async verifyTitle(title) { await expect(element(by.text(title))).toBeVisible(); }\n  open = async () => { await pushScreen.open(); };\n}\nconst pushScreen = new PushScreen();\nexport default pushScreen;\n",
      'e2e/support/ui/screen/index.ts': "import PushScreen from './push';\nexport { PushScreen };\n",
      'e2e/support/ui/menu.ts': "class Menu {\n  async verifyOpen() { await expect(element(by.id('menu'))).toBeVisible(); }\n}\nexport default new Menu();\n",
      'e2e/support/ui/login.ts': "export const loginPage = {\n  async verifySignedIn() { await expect(element(by.id('home'))).toBeVisible(); },\n  async fill(name) { await element(by.id('name')).typeText(name); },\n};\n",
      // An object of the code under test is not followed: its checks guard the code.
      'src/store.ts': "import assert from 'node:assert';\nclass Store { check(value) { assert(value > 0); } }\nexport default new Store();\n",
      'e2e/test/push.e2e.ts': [
        "import { expect } from 'detox';",
        "import { PushScreen } from '../support/ui/screen';",
        "import { loginPage } from '../support/ui/login';",
        "import store from '../../src/store';",
        "import Menu from '../support/ui/menu';",
        "it('opens', async () => { await element(by.id('open')).tap(); await PushScreen.toBeVisible(); });",
        "it('titles', async () => { await PushScreen.verifyTitle('Push'); });",
        "it('goes back', async () => { await PushScreen.back(); });",
        "it('reopens', async () => { await PushScreen.open(); });",
        "it('signs in', async () => { await loginPage.fill('ada'); await loginPage.verifySignedIn(); });",
        "it('fills', async () => { await loginPage.fill('ada'); });",
        "it('stores', () => { store.check(1); });",
        "it('opens the menu', async () => { await Menu.verifyOpen(); });",
      ].join('\n'),
    };
    expect(classesIn(files, 'e2e/test/push.e2e.ts')).toEqual(['real', 'real', 'no-assertion', 'no-assertion', 'real', 'no-assertion', 'no-assertion', 'real']);
  });

  it("counts Cypress's custom commands that assert, from the files of a cypress folder", () => {
    const files = {
      'cypress/support/commands.ts': [
        "Cypress.Commands.add('pickDateRange', (start, end) => {",
        "  cy.getBySelLike('filter-date-range-button').click({ force: true });",
        "  cy.get('.Cal__Header__root').should('be.visible');",
        '});',
        "Cypress.Commands.add('getBySel', (selector, ...args) => cy.get(`[data-test=${selector}]`, ...args));",
        "Cypress.Commands.add('login', { prevSubject: false }, (user) => { cy.visit('/signin'); cy.contains('Sign in') });",
      ].join('\n'),
      // The same call outside a cypress folder adds no command the gate reads.
      'src/commands.ts': "Cypress.Commands.add('pickTime', () => { cy.get('x').should('exist') });",
      'src/filter.cy.tsx': [
        "it('picks', () => { cy.mount(<Filter />); cy.pickDateRange(start, end) });",
        "it('selects', () => { cy.mount(<Filter />); cy.getBySel('button').click() });",
        "it('signs in', () => { cy.login(user) });",
        "it('picks a time', () => { cy.mount(<Filter />); cy.pickTime() });",
      ].join('\n'),
    };
    expect(classesWithPatches(files, 'src/filter.cy.tsx')).toEqual(['real', 'no-assertion', 'real', 'no-assertion']);
  });

  it('follows a helper through a barrel of test helpers that re-exports a module whole, in a test folder or one named for the tests, not under a namespace, nor through a barrel of the code under test', () => {
    const files = {
      'test/helpers/index.ts': "export * from './checks';\nexport * as more from './more';",
      'test/helpers/checks.ts': 'export function expectOk(res) { expect(res.status).toBe(200); }',
      'test/helpers/more.ts': 'export function expectCreated(res) { expect(res.status).toBe(201); }',
      // valibot's: a barrel of the package's helpers for its runner, in a folder named for it.
      'src/vitest/index.ts': "export * from './expectNoIssue.ts';",
      'src/vitest/expectNoIssue.ts': "import { expect } from 'vitest';\nexport function expectNoIssue(schema, values) { for (const value of values) expect(schema.run(value)).toStrictEqual({ value }); }",
      // trpc's `@trpc/client`: a guard of the code is no check of the test's.
      'src/index.ts': "export * from './links';",
      'src/links.ts': "export function httpLink(options) { assert(options.url, 'url is required'); return options; }",
      'test/api.test.ts': [
        "import { expectOk, expectCreated } from './helpers';",
        "import { httpLink } from '../src';",
        "import { expectNoIssue } from '../src/vitest/index.ts';",
        "it('gets', async () => { expectOk(await get('/')) });",
        "it('posts', async () => { expectCreated(await post('/')) });",
        "it('links', () => { httpLink({ url: '/' }) });",
        "it('parses', () => { expectNoIssue(schema, ['a']) });",
      ].join('\n'),
    };
    expect(classesIn(files, 'test/api.test.ts')).toEqual(['real', 'no-assertion', 'no-assertion', 'real']);
  });

  it('counts Cypress checks on a chain a page object starts, imported directly or through a barrel', () => {
    const files = {
      'e2e/support/app.po.ts': "export const getPage = () => cy.get('#root');\nexport function getRows() { return getPage().find('li'); }\nexport const getTotal = () => total;",
      'e2e/utils/index.ts': "export * from './lib/header';",
      'e2e/utils/lib/header.ts': "export const getHeader = () => cy.get('nx-example-header');",
      'e2e/src/cart.cy.ts': [
        "import { getHeader } from '../utils';",
        "import { getPage, getRows, getTotal } from '../support/app.po';",
        "const getButton = () => cy.get('button');",
        "it('shows the header', () => { getHeader().should('exist') });",
        "it('lists products', () => { getPage().get('li figure').should('have.length', 5) });",
        "it('totals', () => { getRows().last().contains('$500.00') });",
        "it('buys', () => { getButton().click().should('be.disabled') });",
        // Not a chain of Cypress commands: a helper that hands back something else, or a function not called.
        "it('reads', () => { getTotal().should('eq', 5) });",
        "it('clicks', () => { getPage().get('li select').first().select('3') });",
        "it('names', () => { getButton.contains('cy') });",
      ].join('\n'),
    };
    expect(classesIn(files, 'e2e/src/cart.cy.ts')).toEqual(['real', 'real', 'real', 'real', 'no-assertion', 'no-assertion', 'no-assertion']);
  });

  it("counts a helper's test that hands its caller's function expectations to finish (webpack's fn(expect(x)))", () => {
    const code = [
      'const test = (name, options, fn) => {',
      "  const itHere = canChdir ? it : it.skip;",
      '  itHere(`defaults from ${name}`, () => { const result = defaults(options); fn(expect(diff(base, result)), expect(result)); });',
      '};',
      "test('empty config', {}, (e) => e.toMatchInlineSnapshot('Compared'));",
      "test('development', { mode: 'development' }, (e, result) => result.toHaveProperty('mode'));",
    ].join('\n');
    expect(classes(code)).toEqual(['real']);
    expect(classes(code.replace("(e) => e.toMatchInlineSnapshot('Compared')", '() => {}').replace("(e, result) => result.toHaveProperty('mode')", '(e, result) => log(result)'))).toEqual(['no-assertion']);
  });

  it('counts a method that test code patches onto the objects tests are given, when it asserts; no import links them', () => {
    const files = {
      'test/support/record-queries.js': [
        "const assert = require('node:assert');",
        'module.exports = function recordQueries(db) {',
        '  function compareRows(query, dialect, expected) {',
        '    if (db.dialect !== dialect) return;',
        '    const originalThen = query.then;',
        '    query.then = function (resolve) { return originalThen.call(this, (rows) => { assert.deepStrictEqual(rows, expected); resolve(rows); }); };',
        '  }',
        '  const rowChecker = (query) => {',
        '    const compare = compareRows.bind(null, query);',
        '    return function (handler) { handler(compare); return query; };',
        '  };',
        '  const originalQuery = db.query;',
        '  db.query = function () {',
        '    const query = originalQuery.apply(this, arguments);',
        '    query.expectRows = rowChecker(query);',
        '    return query;',
        '  };',
        '  return db;',
        '};',
      ].join('\n'),
      // The same patch on a prototype, in a helpers folder.
      'helpers/query-checks.js': "const assert = require('assert');\nQuery.prototype.expectCount = function (count) { assert.strictEqual(this.count, count); };",
      'test/index.js': "const recordQueries = require('./support/record-queries');\nrequire('./query/rows')(recordQueries(connect()));",
      // A patch in a test is that test's own; a type test's patch checks nothing when called.
      'test/stream.test.js': "const assert = require('node:assert');\nit('ends', () => { const stream = open(); stream.finish = () => { assert.ok(stream.done); }; stream.end(); });",
      'test/types/hooks.ts': "import { expectTypeOf } from 'vitest';\nhooks.beforeSave = (...args) => { expectTypeOf(args).toEqualTypeOf<[string]>(); };",
      // Nor does a type test's, tstyche's included; and the code under test calling a method of a patched name checks nothing.
      'test/types/db.tst.ts': "import { expect } from 'tstyche';\nparent.onChild = (child) => { expect(child).type.not.toHaveProperty('x'); };",
      'src/logger.js': 'export function logger(opts) { const child = {}; opts.expectCount(1); return child; }',
      'test/query/rows.js': [
        "const { logger } = require('../../src/logger.js');",
        'module.exports = function (db) {',
        "  describe('rows', () => {",
        "    it('sums', () => db('accounts').sum('logins').expectRows((check) => { check('pg', [{ sum: 15 }]); }));",
        "    it('awaits', async () => { await db('accounts').select('*').then((rows) => rows); });",
        "    it('queries', () => { db.query('select 1'); });",
        "    it('finishes', () => { const stream = open(); stream.finish(); });",
        "    it('saves', () => { hooks.beforeSave('x'); });",
        "    it('counts', () => { db('accounts').expectCount(3); });",
        "    it('logs', () => { logger(options); });",
        "    it('adopts', () => { parent.onChild(child); });",
        '  });',
        '};',
      ].join('\n'),
    };
    expect(classesWithPatches(files, 'test/query/rows.js')).toEqual(['real', 'no-assertion', 'no-assertion', 'no-assertion', 'no-assertion', 'real', 'no-assertion', 'no-assertion']);
    // Outside the test folders (the code under test), and written in a test, a patch that asserts is none of these.
    const elsewhere = { ...files, 'test/support/record-queries.js': '', 'src/record-queries.js': files['test/support/record-queries.js'] };
    expect(classesWithPatches(elsewhere, 'test/query/rows.js')[0]).toBe('no-assertion');
    const inATest = { ...files, 'test/support/record-queries.js': `it('patches', () => { ${files['test/support/record-queries.js'].replace("const assert = require('node:assert');", '').replace('module.exports = ', 'const recordQueries = ')} });` };
    expect(classesWithPatches(inATest, 'test/query/rows.js')[0]).toBe('no-assertion');
  });

  it('counts an assertion a chai plugin of the test code adds as a property', () => {
    // node-fetch's test/utils/chai-timeout.js, for `return expect(fetch(url).then(…)).to.timeout`.
    const files = {
      'test/utils/chai-timeout.js': "export default ({ Assertion }, utils) => {\n  utils.addProperty(Assertion.prototype, 'timeout', async function () { this.assert(await timedOut(this._obj), 'expected a timeout'); });\n};",
      'test/support/chai-sorted.js': "module.exports = (chai) => { chai.Assertion.addChainableMethod('sorted', function (by) { new chai.Assertion(isSorted(this._obj, by)).to.be.true; }); };",
      'test/main.js': [
        "import chai from 'chai';",
        "import chaiTimeout from './utils/chai-timeout.js';",
        'chai.use(chaiTimeout);',
        'const { expect } = chai;',
        "it('times out', () => expect(fetch(url).then((res) => res.clone().buffer())).to.timeout);",
        "it('does not time out', () => expect(fetch(url)).not.to.timeout);",
        "it('is sorted', () => { expect(list()).to.be.sorted; });",
        "it('names another property', () => { expect(fetch(url)).to.slowly; });",
        "it('reads a property', () => { const res = fetch(url); res.timeout; });",
      ].join('\n'),
    };
    expect(classesWithPatches(files, 'test/main.js')).toEqual(['real', 'real', 'real', 'no-assertion', 'no-assertion']);
    // Added by code outside the test folders (the library's own plugin API), the name is none of the test code's.
    const { 'test/utils/chai-timeout.js': plugin, ...rest } = files;
    expect(classesWithPatches({ ...rest, 'src/chai-timeout.js': plugin }, 'test/main.js')).toEqual(['no-assertion', 'no-assertion', 'real', 'no-assertion', 'no-assertion']);
  });

  it("counts a part of what a factory of the file hands back, holding callbacks that assert, handed to the code", () => {
    const code = [
      "describe('die hard', () => {",
      '  const createModel = () => {',
      '    const machine = createMachine({});',
      '    return {',
      '      model: createTestModel(machine),',
      '      options: { states: { success: () => { expect(jugs.five).toEqual(4); } }, events: { FILL: async () => { await jugs.fill(); } } },',
      '      events: { FILL: async () => { await jugs.fill(); } },',
      '    };',
      '  };',
      '  const dieHard = createModel();',
      "  it('reaches the target', async () => { await dieHard.model.testPath(path, dieHard.options); });",
      "  it('runs the events', async () => { await dieHard.model.testPath(path, { events: dieHard.events }); });",
      "  it('takes a part of what is not made by a factory', async () => { await model.testPath(path, settings.options); });",
      '  const loop = () => ({ options: { check: () => run(looped.options) } });',
      '  const looped = loop();',
      "  it('hands on a part that hands on itself', () => { run(looped.options); });",
      '});',
    ].join('\n');
    expect(classes(code)).toEqual(['real', 'no-assertion', 'no-assertion', 'no-assertion']);
  });

  it('counts a helper passed as an argument or made with .bind', () => {
    const passed = "function check(x) { expect(f(x)).toBe(1) }\nit('t', () => { [1, 2].forEach(check) });";
    expect(classes(passed)).toEqual(['real']);
    const bound = "function check(x) { expect(f(x)).toBe(1) }\nit('t', () => { const one = check.bind(null, 1); one() });\nit('u', check.bind(null, 2));";
    expect(classes(bound)).toEqual(['real', 'real']);
    const silent = "function log(x) { console.log(x) }\nit('t', () => { [1].forEach(log) });\nit('u', log.bind(null, 2));";
    expect(classes(silent)).toEqual(['no-assertion', 'no-assertion']);
  });

  it('counts a checking function made by a factory that asserts, of the file or imported', () => {
    const files = {
      'test/utils/assert-render.ts': "import { assert } from 'chai';\nexport const makeAssertRender = (getContainer: () => HTMLElement) => (value: unknown, expected: string) => {\n  render(value, getContainer());\n  return assert.equal(getContainer().innerHTML, expected);\n};\nexport const makeRenderer = (getContainer: () => HTMLElement) => (value: unknown) => render(value, getContainer());",
      'test/join.test.ts': "import { makeAssertRender, makeRenderer } from './utils/assert-render.js';\nsuite('join', () => {\n  let container: HTMLElement;\n  const assertRender = makeAssertRender(() => container);\n  const assertPlain = makeRenderer(() => container);\n  test('joins', () => { assertRender(join(['a', 'b'], ','), 'a,b'); });\n  test('renders', () => { assertPlain(join(['a'], ',')); });\n});",
    };
    expect(classesIn(files, 'test/join.test.ts')).toEqual(['real', 'no-assertion']);
    const inFile = "function makeFixture(expected) { return (actual) => expect(actual).toEqual(expected) }\nconst checkOne = makeFixture(1);\nconst render = makeFixture(2);\nit('one', () => { checkOne(f()) });\nit('two', () => { render(f()) });";
    expect(classes(inFile)).toEqual(['real', 'no-assertion']);
    // Made of a class whose method asserts, declared in the suite or written in the call.
    const madeOfClass = [
      "import { assert } from 'chai';",
      "import { directive, Directive } from 'lit-html/directive.js';",
      "suite('parts', () => {",
      '  class CheckNodeProperties extends Directive { update(part) { assert.notEqual(part.startNode, null); return this.render(); } render() { return nothing; } }',
      '  const checkPart = directive(CheckNodeProperties);',
      '  const checkInline = directive(class extends Directive { update(part) { assert.ok(part.parentNode); } });',
      '  const renderPart = directive(CheckNodeProperties);',
      "  test('only child', () => { render(html`<div>${checkPart()}</div>`, container); });",
      "  test('inline', () => { render(html`<div>${checkInline()}</div>`, container); });",
      "  test('no check', () => { render(html`<div>${renderPart()}</div>`, container); });",
      '});',
    ].join('\n');
    expect(classes(madeOfClass, 'parts_test.ts')).toEqual(['real', 'real', 'no-assertion']);
  });

  it("takes a test that runs a test suite's command for a check, and not a runner's name alone", () => {
    expect(classes("it('loads with require', async function () { await exec(`npm test --prefix ${pkgPath}`); });\nit('node', () => { execSync('node --test fixtures/'); });\nit('runs jest', async () => { await execa.command(`npx jest --ci ${dir}`); });\nit('quiet', () => { execSync('npm --quiet test', { cwd }); });")).toEqual(['real', 'real', 'real', 'real']);
    expect(classes("it('loads jest', () => { require('jest'); });\nit('installs', async () => { await exec(`npm install --prefix ${pkgPath}`); });\nit('names it', () => { log(`run npm test to see`); });")).toEqual(['no-assertion', 'no-assertion', 'no-assertion']);
  });

  it('takes a test that runs the type checker over what it wrote for a check', () => {
    const generated = [
      "test('params', async ({ edit, $ }) => {",
      "  await edit({ 'app/routes/product.tsx': tsx`",
      '    import type { Route } from "./+types/product"',
      '    export function loader({ params }: Route.LoaderArgs) { type Test = Expect<Equal<typeof params, { id: string }>>; return null }',
      '  ` });',
      "  await $('pnpm typecheck');",
      '});',
      "test('builds', async ({ edit, $ }) => { await edit({ 'app/root.tsx': tsx`export default () => null` }); await $('pnpm typecheck'); });",
      "test('writes', async ({ edit, $ }) => { await edit({ 'app/a.ts': 'type T = Expect<Equal<A, B>>' }); await $('pnpm build'); });",
      "test('href', async ({ edit, $ }) => { await edit({ 'app/a.ts': tsx`href('/a')\n// @ts-expect-error\nhref('/b/:id')` }); await $('pnpm typecheck'); });",
    ].join('\n');
    expect(classes(generated, 'typegen.test.ts')).toEqual(['real', 'real', 'no-assertion', 'real']);
    expect(classes("test('checks', () => { execSync('npx tsc --noEmit -p fixtures/app'); });\ntest('names it', () => { log('run tsc to see'); });")).toEqual(['real', 'no-assertion']);
    // Scripts named for checking types, in either order (sveltekit's generated types: `execSync(\`pnpm testtypes${flags}\`, { cwd })`).
    const typeScripts = ['pnpm testtypes --skipLibCheck', 'npm run check:types', 'yarn types:check', 'pnpm test-types'].map((command) => `test('types', () => { generate(dir); execSync('${command}', { cwd: dir }); });`);
    expect(classes([...typeScripts, "test('tests', () => { generate(dir); execSync('pnpm testing', { cwd: dir }); });"].join('\n'))).toEqual(['real', 'real', 'real', 'real', 'no-assertion']);
  });

  it('counts a matcher or an assert method handed on as a function', () => {
    expect(classes("it('reports', () => { const stderr = build(); ['Server-only module', 'See the docs'].forEach(expect(stderr).toMatch); });")).toEqual(['real']);
    expect(classes("const assert = require('node:assert');\nit('all truthy', () => { values().forEach(assert.ok); });")).toEqual(['real']);
    expect(classes("it('logs', () => { values().forEach(console.log); });")).toEqual(['no-assertion']);
    // The test context's assertions, not its other methods.
    expect(classes("import test from 'ava';\ntest('truthy', (t) => { values().forEach(t.truthy); });\ntest('logs', (t) => { values().forEach(t.log); });\ntest('passes', (t) => { values().forEach(t.pass); });")).toEqual(['real', 'no-assertion', 'no-assertion']);
  });

  it('counts a helper run with .call or .apply', () => {
    const code = "async function sameOutput(reporter) { const { actual, expected } = await compare(reporter); expect(actual).toEqual(expected) }\nfunction log(x) { console.log(x) }\nit('doc', async function () { return sameOutput.call(this, 'doc') });\nit('tap', function () { return sameOutput.apply(this, ['tap']) });\nit('logs', function () { log.call(this, 'x') });";
    expect(classes(code)).toEqual(['real', 'real', 'no-assertion']);
  });

  it('takes a wait until a condition it is given holds for a check, in the file or imported', () => {
    const waits = {
      'test/host.ts': "export async function waitFor(condition: () => boolean, timeoutMs = 2000) {\n  const startedAt = Date.now();\n  while (!condition()) {\n    if (Date.now() - startedAt > timeoutMs) throw new Error('timed out');\n    await sleep(10);\n  }\n}\nexport async function settle(run: () => Promise<void>) {\n  let tries = 0;\n  while (tries < 3) { tries += 1; await run(); }\n}",
      'test/counters.test.ts': "import { settle, waitFor } from './host.js';\nit('counts', async () => { el.start(); await waitFor(() => el.count === 1); });\nit('settles', async () => { await settle(() => el.start()); });",
    };
    // settle loops on a counter, not on what it is given: it checks nothing.
    expect(classesIn(waits, 'test/counters.test.ts')).toEqual(['real', 'no-assertion']);
    const inFile = "async function until(ready) { do { await tick() } while (!ready()) }\nit('loads', async () => { load(); await until(() => page.loaded) });";
    expect(classes(inFile)).toEqual(['real']);
    // A loop on the clock that it leaves when the condition holds, then throws (trigger.dev's waitFor); not one that only runs it.
    const leaves = [
      'async function waitFor(check, timeoutMs = 10000) {',
      '  const start = Date.now();',
      '  while (Date.now() - start < timeoutMs) {',
      '    if (check()) return;',
      '    await sleep(20);',
      '  }',
      "  throw new Error('waitFor timed out');",
      '}',
      'async function repeat(step) { for (let i = 0; i < 3; i++) { if (i > 1) break; await step(); } }',
      "it('drains', async () => { send(); await waitFor(() => harness.sent.length === 1); });",
      "it('repeats', async () => { await repeat(() => send()); });",
    ].join('\n');
    expect(classes(leaves)).toEqual(['real', 'no-assertion']);
    // fresh's: the check in a try, polling on when the function throws.
    const throughTry = "async function waitFor(fn) {\n  const limit = Date.now() + 2000;\n  while (Date.now() < limit) {\n    try { if (await fn()) return; } catch { /* polls on */ } finally { await sleep(250); }\n  }\n  throw new Error('Timed out');\n}\nDeno.test('warns', async () => { await click('.update'); await waitFor(() => logs.find((line) => /not found/.test(line))); });";
    expect(classes(throughTry, 'partials_test.tsx')).toEqual(['real']);
  });

  it.each([
    ['@open-wc/testing', "import { waitUntil } from '@open-wc/testing';\nit('t', async () => { el.click(); await waitUntil(() => el.open, 'never opened'); });"],
    ['@ember/test-helpers', "import { waitUntil } from '@ember/test-helpers';\nit('t', async () => { await waitUntil(() => find('.done')); });"],
    ['p-wait-for', "import pWaitFor from 'p-wait-for';\nit('t', async () => { start(); await pWaitFor(() => server.listening); });"],
    ["Vitest's vi.waitUntil", "import { it, vi } from 'vitest';\nit('t', async () => { start(); await vi.waitUntil(() => server.ready, { timeout: 500 }); });"],
    ["WebdriverIO's browser.waitUntil", "it('t', async () => { await $('#save').click(); await browser.waitUntil(async () => (await $('#status').getText()) === 'Saved', { timeoutMsg: 'not saved' }); });"],
    ["WebdriverIO's waitForDisplayed", "it('t', async () => { await $('#open').click(); await $('#menu').waitForDisplayed(); });"],
    ["a harness's run.waitUntil", "test('reruns', async () => { const run = runContinuous(dir, ['--watch']); await run.waitUntil(({ stderr }) => stderr.includes('Ran all')); await run.end(); });"],
    ["Vitest's vi.waitFor", "import { it, vi } from 'vitest';\nit('t', async () => { start(); await vi.waitFor(() => server.connect(), 200); });"],
    // vitest's own e2e tests: a harness's wait for text its output must show, which rejects at its timeout.
    ["a harness's waitForStdout", "test('reruns', async () => { const { vitest } = await runVitest({ watch: true }); editFile('a.ts'); await vitest.waitForStdout('1 passed'); });"],
    ["a harness's waitForStderr with a pattern", "test('warns', async () => { const { cli } = await start(); await cli.waitForStderr(/deprecated/); });"],
  ])('takes %s waiting until a condition holds for a check', (_name, code) => {
    expect(classes(code)).toEqual(['real']);
  });

  it('does not take a wait of an unknown library for a check', () => {
    expect(classes("import { waitUntil } from 'timers-ext';\nit('t', async () => { start(); await waitUntil(() => server.ready); });")).toEqual(['no-assertion']);
    // Waiting until a time, not a condition:
    expect(classes("it('t', async () => { start(); await clock.waitUntil(Date.now() + 100); });")).toEqual(['no-assertion']);
    // A waitFor of another object, a wait for output not awaited, or given no text:
    expect(classes("it('t', async () => { await queue.waitFor(() => job.done()); });")).toEqual(['no-assertion']);
    expect(classes("test('t', async () => { const { vitest } = await runVitest(); vitest.waitForStdout('1 passed'); });")).toEqual(['no-assertion']);
    expect(classes("test('t', async () => { const { vitest } = await runVitest(); await vitest.waitForStdout(expected); });")).toEqual(['no-assertion']);
  });

  it('takes a promise the test returns for one it awaits last, resolved by a listener through a function of its own', () => {
    const code = [
      "it('broadcasts', () => {",
      '  return new Promise((resolve) => {',
      '    const partialResolve = times(3, () => { servers.forEach((server) => server.close()); resolve(); });',
      "    clients.forEach((client) => client.on('test', () => { client.disconnect(); partialResolve(); }));",
      "    emitter.emit('test');",
      '  });',
      '});',
      "it('arrives', () => new Promise((resolve) => { const done = () => resolve(); socket.on('message', done); }));",
      // A timer settles a promise whatever the code does.
      "it('waits', () => new Promise((resolve) => { const later = () => resolve(); setTimeout(later, 10); }));",
      // fastify: a property named resolve is not the executor's resolve, and the test resolves it at once.
      "it('resolves at once', async () => { await new Promise((resolve) => { const thenable = Promise.resolve(); wrapThenable(thenable, {}); resolve(); }); });",
    ].join('\n');
    expect(classes(code)).toEqual(['real', 'real', 'no-assertion', 'no-assertion']);
  });

  it('takes a test that ends awaiting a helper only an event settles, of the file or imported, for one that checks the event happens', () => {
    const files = {
      'test/ws/utils.ts': [
        'export const wsOpen = (ws: WebSocket) => new Promise((resolve) => { ws.onopen = resolve });',
        'export const wsClose = async (ws: WebSocket) => new Promise<CloseEvent>((resolve) => { ws.onclose = resolve });',
        'export const wsClosed = async (ws: WebSocket) => { const closed = wsClose(ws); ws.close(); await closed; };',
        'export const pause = () => new Promise((resolve) => { setTimeout(resolve, 10) });',
        'export const wsMessage = (ws: WebSocket) => new Promise((resolve) => { ws.onmessage = (event) => resolve(event.data) });',
      ].join('\n'),
      'test/ws/connection.test.ts': [
        "import { pause, wsClosed, wsMessage, wsOpen } from './utils';",
        "it('opens', async () => { const ws = connect(app); await wsOpen(ws); });",
        "it('closes', async () => { const ws = connect(app); await wsOpen(ws); await wsClosed(ws); app.stop(); });",
        "it('pauses', async () => { const ws = connect(app); await pause(); });",
        "it('opens and goes on', async () => { const ws = connect(app); await wsOpen(ws); ws.send('x'); await pause(); });",
        // Stopping the app after the wait is tear-down, not more to wait for.
        "it('closes, then stops', async () => { const ws = connect(app); await wsOpen(ws); await wsClosed(ws); await app.stop(true); });",
        "it('stops', async () => { await app.stop(true); });",
        "it('answers', async () => { const ws = connect(app); ws.send('ping'); await wsMessage(ws); });",
      ].join('\n'),
    };
    expect(classesIn(files, 'test/ws/connection.test.ts')).toEqual(['real', 'real', 'no-assertion', 'no-assertion', 'real', 'no-assertion', 'real']);
    const inFile = "function ready(emitter) { return new Promise((resolve) => emitter.once('ready', resolve)) }\nit('starts', async () => { const server = start(); await ready(server); });";
    expect(classes(inFile)).toEqual(['real']);
  });

  it('takes a test that ends awaiting an event for one that checks the event happens', () => {
    const helpers = [
      "function waitFor(socket, type) { return new Promise((resolve) => { socket.addEventListener(type, (event) => resolve(event), { once: true }) }) }",
      'function waitQueued(socket, type) { if (socket.buffer[type].length) return Promise.resolve(socket.buffer[type].shift()); else { return new Promise((resolve) => { socket.pending[type].push(resolve) }) } }',
      'function pause(socket, type) { return new Promise((resolve) => setTimeout(resolve, 10)) }',
    ].join('\n');
    const code = [
      helpers,
      "it('closes', async () => { const socket = connect(); socket.send('bad'); await waitFor(socket, 'close'); socket.close(); });",
      "it('closes, queued', async () => { const socket = connect(); const { data } = await waitQueued(socket, 'message'); await waitQueued(socket, 'close'); });",
      "it('emits close', async () => { server.stop(); await once(server, 'close'); });",
      "it('emits end', async () => { stream.resume(); await new Promise((resolve) => stream.on('end', resolve)); });",
      "it('opens, then sends', async () => { const socket = connect(); await waitFor(socket, 'open'); await socket.send('x'); });",
      "it('listens', async () => { await new Promise((resolve) => server.listen(0, resolve)); });",
      "it('pauses', async () => { await pause(socket, 'close'); });",
      "it('does not wait', async () => { waitFor(connect(), 'close'); });",
      // resolve handed to the code under test as its callback, as a done would be; closing after it is tear-down.
      "it('calls back', async () => { server.apply(compiler); await new Promise((resolve) => { server.invalidate(resolve) }); await new Promise((resolve) => { compiler.close(resolve) }); });",
      "it('only closes', async () => { await new Promise((resolve) => { compiler.close(resolve) }); });",
      // Or called in an observer the code is given: ngrx's `subscribe({ complete: () => { doneFn() } })`, as a done would be.
      "it('completes', () => new Promise((resolve) => { store.select().subscribe({ complete: () => { resolve(); } }); store.destroy(); }));",
      "it('listens, observed', async () => { await new Promise((resolve) => server.listen({ port: 0, ready: resolve })); });",
      // Events awaited together, then servers torn down together (ioredis's failovers); set-up or teardown alone waits for nothing.
      "it('fails over', async () => { const redis = connect(); await Promise.all([once(redis, 'close'), once(newMaster, 'connect')]); redis.disconnect(); await Promise.all([s1.disconnectPromise(), master.disconnectPromise()]); });",
      "it('starts', async () => { await Promise.all([start(a), start(b)]); });",
      "it('tears down', async () => { run(); await Promise.all([a.closeAsync(), b.stop()]); });",
    ].join('\n');
    expect(classes(code)).toEqual(['real', 'real', 'real', 'real', 'no-assertion', 'no-assertion', 'no-assertion', 'no-assertion', 'real', 'no-assertion', 'real', 'no-assertion', 'real', 'no-assertion', 'no-assertion']);
  });

  it("takes a test that ends awaiting a stream's value that only a matching one gives, for one that checks the code emits it", () => {
    // NgRx's: the effects must dispatch both actions for the promise to settle.
    const code = [
      "it('runs the effects', async () => {",
      '  const done = firstValueFrom(forkJoin([actions$.pipe(ofType(simpleDone), take(1)), actions$.pipe(ofType(fnDone), take(1))]));',
      '  store.dispatch(simple());',
      '  await done;',
      '});',
      "it('emits a ready state', async () => { service.start(); await lastValueFrom(service.state$.pipe(filter((state) => state.ready), take(1))); });",
      // Any value settles these: set-up, nothing checked.
      "it('loads', async () => { await firstValueFrom(service.load()); });",
      "it('takes one', async () => { const first = firstValueFrom(actions$.pipe(take(1))); store.dispatch(load()); await first; });",
      // Held, then replaced: what is awaited is not that stream's value.
      "it('replaced', async () => { let done = firstValueFrom(actions$.pipe(ofType(loaded))); done = Promise.resolve(); await done; });",
    ].join('\n');
    expect(classes(code)).toEqual(['real', 'real', 'no-assertion', 'no-assertion', 'no-assertion']);
  });

  it('takes a test that ends awaiting a promise it holds, settled by a method it hands the code, for one that checks the code calls it', () => {
    // juice-shop's handler tests: `res.json` resolves the promise; the handler must call it, or the test times out.
    const code = [
      "it('responds', async () => { const responded = new Promise((resolve) => { res.json = (data) => { resolve(data) } }); placeOrder()(req, res, next); await responded; assert.ok(true); });",
      "it('closes', async () => { const closed = new Promise((resolve) => { ws.onclose = resolve }); ws.close(); await closed; });",
      "it('listens', async () => { const listening = new Promise((resolve) => server.listen(0, resolve)); await listening; assert.ok(true); });",
      "it('pauses', async () => { const paused = new Promise((resolve) => { setTimeout(resolve, 10) }); await paused; });",
      // Held, then replaced: the promise awaited is not the one made first.
      "it('replaced', async () => { let p = new Promise((resolve) => { res.json = resolve }); p = Promise.resolve(); handler(req, res); await p; });",
    ].join('\n');
    expect(classes(code)).toEqual(['real', 'real', 'tautology', 'no-assertion', 'no-assertion']);
  });

  it("takes an AVA macro for the test's function, not the functions given to it as input", () => {
    const code = [
      "import test from 'ava';",
      'const checkStdout = async (t, run, expected) => { const { stdout } = await run(); t.is(stdout, expected); };',
      'const runOnly = async (t, run) => { await run(); };',
      "test('echoes', checkStdout, () => $`echo foo`, 'foo');",
      "test('runs', runOnly, () => $`true`);",
      "test('inline', async (t) => { t.true(await ok()); }, 'ignored');",
    ].join('\n');
    expect(classes(code)).toEqual(['real', 'no-assertion', 'real']);
    // A macro with a title of its own comes first.
    expect(classes("import test from 'ava';\nconst normalizes = (t, input, expected) => { t.deepEqual(normalize(input), expected); };\nnormalizes.title = (_, input) => `normalizes ${input}`;\ntest(normalizes, { stdio: 'pipe' }, ['pipe']);")).toEqual(['real']);
    // AVA 4's macros, made with test.macro of a function or of an object with its exec and title (ava's examples/macros).
    const made = "import test from 'ava';\nconst sums = test.macro({\n  exec(t, a, b, expected) { t.is(sum(a, b), expected); },\n  title: (given, a, b) => `${a}+${b}`,\n});\nconst runs = test.macro((t, input) => { run(input); });\ntest(sums, 2, 2, 4);\ntest('titled', sums, 4, 4, 8);\ntest(runs, 1);";
    expect(classes(made)).toEqual(['real', 'real', 'no-assertion']);
    // An imported macro given a function runs it as the test, with what it set up.
    expect(classes("import test from 'ava';\nimport withServer from './helpers/with-server.js';\ntest('a', withServer, async (t, server) => { t.is(await get(server.url), 'ok'); });\ntest('b', withServer, async (t, server) => { await get(server.url); t.pass(); });")).toEqual(['real', 'tautology']);
    // node:test's options come before the function.
    expect(classes("import test from 'node:test';\nimport assert from 'node:assert';\ntest('t', { concurrency: true }, () => { assert.ok(f()) });\ntest('u', { concurrency: true }, () => { f() });")).toEqual(['real', 'no-assertion']);
    // So do data a wrapper takes: the dialects a test runs for (knex's `const test = harness('table', knex)`).
    expect(classes("const test = harness('t', db);\ntest('streams', 'postgresql', (t) => { t.equal(count, 5); });\ntest('joins', ['mysql', 'pg'], (t) => { run(); });\ntest('named', `pg`, function (t) { t.end(); });")).toEqual(['real', 'no-assertion', 'no-assertion']);
  });

  it('follows helpers imported from the project, through re-exports, and not those that do not assert', () => {
    const files = {
      'test/a.test.ts': "import { expectOk, logIt } from './helpers';\nimport * as h from './helpers/index.js';\nimport { verifyTree } from '../src/verify';\nit('a', () => { expectOk(f()) });\nit('b', () => { logIt(f()) });\nit('c', () => { h.expectOk(f()) });\nit('d', () => { verifyTree(f()) });",
      'test/helpers/index.ts': "export { expectOk } from './expect-ok';\nexport function logIt(x) { console.log(x) }",
      'test/helpers/expect-ok.ts': "import { expect } from 'vitest';\nexport const expectOk = (x) => deeper(x);\nfunction deeper(x) { expect(x.ok).toBe(true) }",
      'src/verify.js': "const assert = require('node:assert');\nexports.verifyTree = function (x) { assert.ok(x) };",
    };
    expect(classesIn(files, 'test/a.test.ts')).toEqual(['real', 'no-assertion', 'real', 'real']);
  });

  it('answers for a helper past the depth bound the same whichever test file asks first', () => {
    // h1 → h2 → h3 → h4 → h5, where h5 asserts: four modules deep from a.test.js, two from b.test.js. The same with g5 declaring tests.
    const files: Record<string, string> = {
      'test/a.test.js': "import { run1 } from './h1.js';\nimport { run1 as declare1 } from './g1.js';\nit('a', () => { run1() });\ndescribe('s', () => { declare1() });",
      'test/b.test.js': "import { run3 } from './h3.js';\nimport { run3 as declare3 } from './g3.js';\nit('b', () => { run3() });\ndescribe('s', () => { declare3() });",
      'test/h5.js': 'export function run5() { expect(f()).toBe(1) }',
      'test/g5.js': "export function run5() { it('x', () => { expect(f()).toBe(1) }) }",
    };
    for (let level = 1; level <= 4; level += 1) {
      for (const chain of ['h', 'g']) files[`test/${chain}${level}.js`] = `import { run${level + 1} } from './${chain}${level + 1}.js';\nexport function run${level}() { run${level + 1}() }`;
    }
    const inOrder = (order: string[]) => {
      const options = projectOptions(files, 10_000);
      return Object.fromEntries(order.map((file) => [file, analyzeTestFile(files[file]!, file, options).tests.map((test) => test.testClass)]));
    };
    const expected = { 'test/a.test.js': ['no-assertion'], 'test/b.test.js': ['real', 'real'] };
    expect(inOrder(['test/b.test.js', 'test/a.test.js'])).toEqual(expected);
    expect(inOrder(['test/a.test.js', 'test/b.test.js'])).toEqual(expected);
  });

  it("does not take the guards of the code under test, reached through a relative import, for the test's checks", () => {
    const guarded = "import assert from 'node:assert';\nexport function resolveConfig(c) { assert(c.root); return build(c) }\nexport function build(c) { if (!c.ok) throw new Error('bad'); return c }\nexport function log(level) { switch (level) { case 'info': return 1; default: level satisfies never } }";
    const files = {
      'src/config.test.ts': "import { resolveConfig, log } from './config';\nimport { setUp } from './test-utils';\nit('resolves', () => { resolveConfig({ root: '/' }) });\nit('logs', () => { log('info') });\nit('sets up', () => { setUp() });",
      'src/config.ts': guarded,
      'src/test-utils.ts': "import { expect } from 'vitest';\nexport function setUp() { expect(1 + f()).toBe(2) }",
      'packages/core/__tests__/create.test.ts': "import { createStub } from '../lib/stub';\nimport { create } from './helpers/create';\nit('stubs', () => { createStub() });\nit('creates', () => { create() });",
      'packages/core/lib/stub.js': "export function createStub() { if (arguments.length > 2) throw new TypeError('too many'); return () => 1 }",
      'packages/core/__tests__/helpers/create.js': "import assert from 'node:assert';\nexport function create() { assert(make()) }",
    };
    expect(classesIn(files, 'src/config.test.ts')).toEqual(['no-assertion', 'no-assertion', 'real']);
    expect(classesIn(files, 'packages/core/__tests__/create.test.ts')).toEqual(['no-assertion', 'real']);
  });

  it('counts a matcher on the expectation a helper of the file hands back, never as a tautology', () => {
    const code = [
      "import { expect } from 'chai';",
      'function expectErrors(result) { return expect(result.errors); }',
      'const expectValue = (result) => expect(result.value);',
      'function expectDeep(x) { return expectErrors(x); }',
      'function loop(x) { return loop(x); }',
      "it('errors', () => { expectErrors(coerce(null)).to.deep.equal([]) });",
      "it('value', () => { expectValue(coerce('1')).to.equal(1) });",
      "it('constant argument', () => { expectErrors(['']).to.deep.equal([]) });",
      "it('deep', () => { expectDeep(coerce(1)).to.be.empty });",
      "it('loop', () => { loop(1).to.equal(1) });",
    ].join('\n');
    expect(classes(code)).toEqual(['real', 'real', 'real', 'real', 'no-assertion']);
    // Matchers of its own, handed back by a function named to check; an object of methods from any other is no expectation.
    const own = [
      "import { invariant } from '../jsutils/invariant';",
      'function expectStripped(doc) { return { toEqual(expected) { invariant(strip(doc) === expected); }, toStayTheSame() { this.toEqual(doc); } }; }',
      'function makeStore(path) { return { save() { write(path); } }; }',
      "it('strips', () => { expectStripped(' a ').toEqual('a') });",
      "it('keeps', () => { expectStripped('a').toStayTheSame() });",
      "it('saves', () => { makeStore('x').save() });",
    ].join('\n');
    expect(classes(own)).toEqual(['real', 'real', 'no-assertion']);
  });

  it("counts the checks of Applitools' Eyes, which compare the page with its baseline, however Eyes is imported", () => {
    // rxjs.dev's protractor suite: `const Eyes = require('eyes.selenium').Eyes; const eyes = new Eyes();`, then eyes.checkWindow(…) and eyes.close().
    const test = "it('shows the page', async () => { eyes.open(browser, 'App', 'Home'); await browser.get('/'); eyes.checkWindow('Home'); await eyes.close(); });";
    for (const made of [
      "const Eyes = require('eyes.selenium').Eyes;\nconst eyes = new Eyes();",
      "import { Eyes } from '@applitools/eyes-playwright';\nconst eyes = new Eyes(runner);",
      "const applitools = require('eyes.protractor');\nconst eyes = new applitools.Eyes();",
      "const eyes = new (require('@applitools/eyes-webdriverio').Eyes)();",
    ]) expect(classes(`${made}\n${test}`)).toEqual(['real']);
    // An Eyes of any other module checks nothing known.
    expect(classes(`import { Eyes } from './camera';\nconst eyes = new Eyes();\n${test}`)).toEqual(['no-assertion']);
  });

  it('counts a matcher on what a function named for an expectation made, wherever the function comes from (marble tests)', () => {
    const code = [
      "import { rxTest } from '@acme/rx-test';",
      "import { TestScheduler } from 'rxjs/testing';",
      'const scheduler = new TestScheduler(compare);',
      // TestScheduler.run and a wrapper of it hand their callback the marble helpers.
      "it('maps', () => { scheduler.run(({ cold, expectObservable }) => { expectObservable(cold('a|').pipe(map(double))).toBe('b|'); }); });",
      "it('subscribes', async () => { await rxTest(({ hot, expectSubscriptions }) => { const e1 = hot('a|'); e1.subscribe(); expectSubscriptions(e1.subscriptions).not.toBe('^'); }); });",
      "it('flushes', () => { scheduler.expectObservable(source$).toBe('a|'); scheduler.flush(); });",
      "it('chains', () => { expectResult(run()).to.equal(1); });",
      // handlebars's: the expectation held in a variable, its matchers called later.
      "it('holds', () => { var xt = expectTemplate('{{@hello}}').withCompileOptions({ strict: true }); xt.toThrow(Error); });",
      // A value's own method, or no matcher at all, checks nothing; nor does a name that is no expectation's.
      "it('prints', () => { expectObservable(source$).toString(); });",
      "it('makes', () => { scheduler.run(({ expectObservable }) => { expectObservable(source$); }); });",
      "it('expected', () => { expected(source$).toBe('a|'); });",
      "it('held otherwise', () => { var xt = template('{{@hello}}'); xt.toThrow(Error); });",
    ].join('\n');
    expect(classes(code)).toEqual(['real', 'real', 'real', 'real', 'real', 'no-assertion', 'no-assertion', 'no-assertion', 'no-assertion']);
  });

  it('counts the methods of an object of a class named to assert, and of what they give, held or chained', () => {
    const code = [
      "import { TestSchema } from 'effect/testing';",
      'function verifyGeneration(schema) { new TestSchema.Asserts(schema).arbitrary().verifyGeneration(); }',
      "it('make', async () => { const asserts = new TestSchema.Asserts(Schema.Symbol); const make = asserts.make(); await make.succeed(Symbol('a')); });",
      "it('generates', () => { verifyGeneration(Schema.BigInt) });",
      "it('chained', () => { new SchemaAssertions(Schema.String).decodes('a') });",
      // A page object named to expect, held at the top of the file: logto's `new ExpectOrganizations(page)`.
      'const expectOrg = new ExpectOrganizations(await browser.newPage());',
      "it('tabs', async () => { await expectOrg.toExpectTabs('Settings', 'Members') });",
      // Made in one test for the next.
      'let experience;',
      "it('starts', async () => { experience = new ExpectExperience(await browser.newPage()); await experience.startWith(url, 'sign-in'); });",
      "it('signs in', async () => { await experience.toProcessSocialSignIn({ id }); experience.toBeAt('sign-in'); });",
      // Named for something else, a class's object only runs code.
      "it('builds', () => { const builder = new SchemaBuilder(); const made = builder.make(); made.succeed(1); });",
      "it('fails', () => { new AssertionError({ message: 'x' }).toString() });",
      "it('expected', () => { new ExpectedConditions(page).visit('/') });",
    ].join('\n');
    expect(classes(code, 'a.test.ts')).toEqual(['real', 'real', 'real', 'real', 'real', 'real', 'no-assertion', 'no-assertion', 'no-assertion']);
  });

  it('counts static methods of a class named to assert, called or held, and fast-check under another name', () => {
    const code = [
      "import { FastCheck, TestSchema } from 'effect/testing';",
      'const equals = TestSchema.Asserts.ast.fields.equals;',
      'const build = TestSchema.Builder.make;',
      "it('fields', () => { TestSchema.Asserts.ast.fields.equals(pick(a), { b: 1 }) });",
      "it('held', () => { equals(rename(a), { B: 1 }) });",
      // A method the gate does not know is never a tautology, whatever it is given.
      "it('constants', () => { equals({ a: 1 }, { a: 1 }) });",
      "it('property', () => { FastCheck.assert(FastCheck.property(arbitrary, (a) => a.length > 0)) });",
      "it('made', () => { build(schema) });",
      // assert on a module that asserts no property is not fast-check's.
      "it('other assert', () => { Schema.assert(Other.property(x)) });",
    ].join('\n');
    expect(classes(code, 'a.test.ts')).toEqual(['real', 'real', 'real', 'real', 'no-assertion', 'no-assertion']);
  });

  it('takes a loop that spins until what the code returns meets a condition for a check, and not one that works', () => {
    // logto's: "If it can't generate uppercase, it will timeout".
    const code = [
      "it('generates uppercase', () => {\n  while (!/[A-Z]/.test(generateSecret())) {}\n});",
      "it('generates digits', () => {\n  do ; while (!/\\d/.test(generateSecret()));\n});",
      "it('drains', () => {\n  while (queue.size() > 0) { queue.pop(); }\n});",
      "it('spins on a flag', () => {\n  let i = 0;\n  while (i++ < 10) {}\n});",
    ].join('\n');
    expect(classes(code)).toEqual(['real', 'real', 'no-assertion', 'no-assertion']);
  });

  it('takes an Effect that dies on a path a check fails for a check, and not an expected failure of a fake', () => {
    const code = [
      "import { it } from '@effect/vitest';",
      "import { Effect } from 'effect';",
      // effect's terminal tests: a helper that resumes with a defect unless the child printed the result.
      "const assertOpen = (expected) => Effect.callback((resume) => {\n  const child = spawn(process.execPath, [fixture]);\n  child.on('exit', (code) => {\n    resume(code === 0 && out.includes(expected) ? Effect.void : Effect.die(new Error(out)));\n  });\n});",
      "it.effect('opens', () => assertOpen('RESULT 1'));",
      "it.effect('waits', () => Effect.gen(function* () {\n  const fiber = yield* client.process(payload);\n  yield* Fiber.join(fiber).pipe(Effect.timeoutOrElse({ duration: '1 second', orElse: () => Effect.die('waited for the reply') }));\n}));",
      "it.effect('waits for nothing', () => Effect.gen(function* () {\n  yield* Fiber.join(fiber).pipe(Effect.timeoutOrElse({ duration: '1 second', orElse: () => Effect.void }));\n}));",
      "it.effect('clears', () => Effect.gen(function* () {\n  const redis = Redis.of({ send: (command) => (command === 'DEL' ? Effect.fail(new RedisError()) : Effect.succeed([])) });\n  yield* clear(redis);\n}));",
    ].join('\n');
    expect(classes(code, 'a.test.ts')).toEqual(['real', 'real', 'no-assertion', 'no-assertion']);
  });

  it('takes a property that returns a condition for a check: fast-check fails it on a counterexample', () => {
    // @effect/vitest's `it.prop(title, arbitraries, fn)`, and @fast-check/vitest's curried `test.prop(arbitraries)(title, fn)`.
    const effect = [
      "import { it } from '@effect/vitest';",
      "it.prop('symmetry', [FastCheck.integer(), FastCheck.integer()], ([a, b]) => a + b === b + a);",
      "it.prop('sign', { a: FastCheck.integer() }, ({ a }) => { return a >= 0 || a < 0; });",
      "it.prop('runs', [FastCheck.integer()], ([a]) => { format(a); });",
      "it.prop('negates', [FastCheck.string()], ([s]) => !isEmpty(s + 'x'));",
    ].join('\n');
    expect(classes(effect, 'a.test.ts')).toEqual(['real', 'real', 'no-assertion', 'real']);
    const curried = [
      "import { test, fc } from '@fast-check/vitest';",
      "test.prop([fc.integer(), fc.integer()])('symmetry', (a, b) => a + b === b + a);",
      "test.prop([fc.integer()])('runs', (a) => { format(a); });",
      "test.prop([fc.integer()])('expects', (a) => { expect(parse(format(a))).toBe(a); });",
      "test.skip.prop([fc.integer()])('later', (a) => a === a);",
      // fast-check's own example: a predicate's call returned.
      "test.prop([fc.string(), fc.string()])('substring', (a, b) => { return (a + b).includes(b); });",
    ].join('\n');
    expect(classes(curried, 'a.test.ts')).toEqual(['real', 'no-assertion', 'real', 'skipped', 'real']);
    // A comparison a test returns elsewhere is what the test hands back, not a check.
    expect(classes("it('compares', () => a === b);", 'a.test.ts')).toEqual(['no-assertion']);
  });

  it('counts the functions a factory named to make checks makes, and a checking helper that throws an error of its own on a condition', () => {
    const code = [
      "import { deepStrictEqual } from 'node:assert';",
      'function makeAsserts(getter) { return async (input, expected) => { deepStrictEqual(await run(getter, input), expected); }; }',
      'function makeRunner(getter) { return async (input) => run(getter, input); }',
      "const assertPath = (actual, expected) => { const found = render(actual); if (found !== expected) { throw new AssertionError({ message: 'wrong path' }); } };",
      "const prepare = (input) => { if (!input) throw new Error('no input'); return input; };",
      // unleash's: a helper of the file named to validate, which throws when the database breaks a rule.
      "async function validateTablesHavePrimaryKeys(db) { const tables = await query(db); if (tables.rowCount > 0) { throw new Error('no primary key'); } }",
      "const decoding = makeAsserts(decodeFormData());",
      "const running = makeRunner(decodeFormData());",
      // Named for something else that starts alike: a checkbox, not a check.
      "const checkbox = getCheckbox(() => { expect(1).toBe(1); });",
      "it('decodes', async () => { await decoding(form, { a: '1' }) });",
      "it('runs', async () => { await running(form) });",
      "it('finds a path', () => { assertPath(dijkstra(graph), '1:1;↓↓') });",
      "it('prepares', () => { prepare(graph) });",
      "it('ticks', () => { checkbox(form) });",
      "it('migrates', async () => { const db = await init(); await validateTablesHavePrimaryKeys(db); });",
    ].join('\n');
    expect(classes(code)).toEqual(['real', 'no-assertion', 'real', 'no-assertion', 'no-assertion', 'real']);
  });

  it('counts a helper of the file, whatever its name, that throws an error of its own when what it got differs from what it expected', () => {
    const code = [
      // validator.js's sanitizer tests: the comparison is in a callback the helper hands to forEach.
      'function test(options) {',
      '  Object.keys(options.expect).forEach((input) => {',
      '    const result = validator[options.sanitizer](input);',
      "    if (result !== options.expect[input]) throw new Error(format('returned %s', result));",
      '  });',
      '}',
      // Comparisons with constants guard the helper's input; a check it only makes and returns is not run.
      "function load(name) { if (typeof name !== 'string') throw new Error('a name'); if (fixtures[name] === undefined) throw new Error('no fixture'); return fixtures[name]; }",
      'function later(a, b) { const check = () => { if (a !== b) throw new Error(`${a} is not ${b}`); }; return check; }',
      "it('sanitizes', () => { test({ sanitizer: 'toBoolean', expect: { 0: false, 1: true } }); });",
      "it('loads', () => { sanitize(load('blank')); });",
      "it('waits', () => { later(sanitize('a'), 'a'); });",
    ].join('\n');
    expect(classes(code, 'sanitizers.test.js')).toEqual(['real', 'no-assertion', 'no-assertion']);
  });

  it('follows the function a wrapper runs under a checking name', () => {
    const code = [
      "import { assert, it } from '@effect/vitest';",
      'const expectMarkdown = Effect.fnUntraced(function* (source, expected) { const printed = yield* print(source); assert.strictEqual(printed, expected); });',
      "const expectTraced = Effect.fn('expectTraced')(function* (source) { assert.ok(yield* trace(source)); });",
      'const printAll = Effect.fnUntraced(function* (source) { yield* print(source); assert.ok(true); });',
      "it.effect('prints', () => Effect.gen(function* () { yield* expectMarkdown(parse('a'), '## a'); }));",
      "it.effect('traces', () => Effect.gen(function* () { yield* expectTraced(parse('a')); }));",
      "it.effect('prints all', () => Effect.gen(function* () { yield* printAll(parse('a')); }));",
    ].join('\n');
    expect(classes(code, 'a.test.ts')).toEqual(['real', 'real', 'no-assertion']);
  });

  it('takes an Effect test that waits last for a latch or deferred only a callback handed to the code opens for a check', () => {
    const code = [
      "import { it } from '@effect/vitest';",
      "it.effect('replies', () => Effect.gen(function* () {",
      '  const latch = yield* Latch.make();',
      '  const fiber = yield* storage.onReply({ respond: () => latch.open }).pipe(Effect.forkChild);',
      '  yield* storage.saveReply(reply);',
      '  yield* latch.await;',
      '  yield* Fiber.await(fiber);',
      '}).pipe(Effect.provide(MemoryLayer)));',
      "it.effect('posts', () => Effect.gen(function* () {",
      '  const posted = yield* Deferred.make();',
      '  yield* client.run({ onPost() { return Deferred.succeed(posted, undefined); } });',
      '  yield* Deferred.await(posted);',
      '}));',
      // The test opens it itself: the wait is set-up, and nothing is checked.
      "it.effect('adjusts', () => Effect.gen(function* () {",
      '  const latch = yield* Deferred.make();',
      '  const fiber = yield* Deferred.await(latch).pipe(Effect.forkChild);',
      '  yield* Deferred.succeed(latch, undefined);',
      '  yield* Fiber.join(fiber);',
      '}));',
      "it.effect('opens itself', () => Effect.gen(function* () {",
      '  const posted = yield* Deferred.make();',
      '  yield* client.run({ onPost: () => Deferred.succeed(posted, undefined) });',
      '  yield* Deferred.succeed(posted, undefined);',
      '  yield* Deferred.await(posted);',
      '}));',
      // Waiting for the signal and going on is set-up too.
      "it.effect('waits first', () => Effect.gen(function* () {",
      '  const latch = yield* Latch.make();',
      '  yield* storage.onReply({ respond: () => latch.open });',
      '  yield* latch.await;',
      '  yield* storage.saveReply(reply);',
      '}));',
    ].join('\n');
    expect(classes(code, 'a.test.ts')).toEqual(['real', 'real', 'no-assertion', 'no-assertion', 'no-assertion']);
  });

  it('takes a test that waits last for a plain latch only a callback handed to the code opens, or for an event promise it holds, for a check', () => {
    const code = [
      "const Teamwork = require('@hapi/teamwork');",
      // hapi's: the extension the server must run lets the test through; the server's stop after it is teardown.
      "it('aborts', async () => {",
      '  const team = new Teamwork.Team();',
      "  server.ext('onPreHandler', (request, h) => { client.destroy(); team.attend(); return h.continue; });",
      '  await server.start();',
      '  await team.work;',
      '  await server.stop();',
      '});',
      "it('defers', async () => {",
      '  const deferred = pDefer();',
      "  emitter.on('ready', () => deferred.resolve());",
      '  await deferred.promise;',
      '});',
      // An event promise taken in a callback of the code, awaited last.
      "it('finishes', async () => {",
      '  let finish;',
      "  server.ext('onRequest', (request, h) => { finish = request.events.once('finish'); return h.continue; });",
      "  await server.inject('/');",
      '  await finish;',
      '});',
      // The test lets itself through: set-up, nothing checked.
      "it('attends itself', async () => {",
      '  const team = new Teamwork.Team();',
      "  server.ext('onPreHandler', (request, h) => { team.attend(); return h.continue; });",
      '  team.attend();',
      '  await team.work;',
      '});',
      "it('holds a value', async () => {",
      '  const result = server.start();',
      '  await result;',
      '});',
      "it('holds an emitter', async () => {",
      "  const emitter = server.events.once('finish', () => {});",
      '  await emitter;',
      '});',
    ].join('\n');
    expect(classes(code)).toEqual(['real', 'real', 'real', 'no-assertion', 'no-assertion', 'no-assertion']);
  });

  it("takes a test that waits last for a deferred's promise, whose resolve it hands to the code, for a check", () => {
    const code = [
      // xstate's: the actor must complete for the test to end.
      "it('completes', () => {",
      '  const { resolve, promise } = Promise.withResolvers();',
      '  const actor = createActor(machine);',
      '  actor.subscribe({ complete: () => { resolve(); } });',
      '  actor.start();',
      '  return promise;',
      '});',
      "it('is called back', async () => {",
      '  const { promise: called, resolve: done } = Promise.withResolvers();',
      "  emitter.on('ready', done);",
      '  await called;',
      '});',
      // p-defer's, destructured.
      "it('is called back by a deferred', async () => {",
      '  const { promise, resolve } = pDefer();',
      "  emitter.on('ready', resolve);",
      '  await promise;',
      '});',
      // Resolved by the test itself, or another promise awaited last: set-up, nothing checked.
      "it('resolves itself', async () => {",
      '  const { resolve, promise } = Promise.withResolvers();',
      '  actor.subscribe({ complete: () => resolve() });',
      '  resolve();',
      '  await promise;',
      '});',
      "it('awaits something else', async () => {",
      '  const { resolve, promise } = Promise.withResolvers();',
      "  emitter.on('ready', resolve);",
      '  await start();',
      '});',
      "it('keeps resolve', async () => {",
      '  const { promise } = Promise.withResolvers();',
      '  await promise;',
      '});',
    ].join('\n');
    expect(classes(code)).toEqual(['real', 'real', 'real', 'no-assertion', 'no-assertion', 'no-assertion']);
    // node-redis's: a promise's resolve kept in a variable outside it, called from a listener.
    const kept = [
      "it('adds a replica', async function () {",
      '  let nodeAdded: (value: Node) => void;',
      '  const added = new Promise((res) => { nodeAdded = res as (value: Node) => void; });',
      "  sentinel.on('topology-change', (event) => { if (event.type === 'REPLICA_ADD') nodeAdded(event.node); });",
      '  await frame.addNode();',
      '  await added;',
      '});',
      "it('resolves itself', async () => {",
      '  let done;',
      '  const finished = new Promise((res) => (done = res));',
      '  done();',
      '  await finished;',
      '});',
      "it('keeps it', async () => {",
      '  let done;',
      '  const finished = new Promise((res) => { done = res; });',
      '  await finished;',
      '});',
      // urql's: the wait sets up what the test does next, and checks nothing of it.
      "it('flushes the queue', async () => {",
      '  let called;',
      '  const onOnlineCalled = new Promise((resolve) => (called = resolve));',
      '  storage.onOnline.mockImplementation((cb) => { flush = cb; called(); });',
      '  next(operation);',
      '  await onOnlineCalled;',
      '  flush();',
      '});',
    ].join('\n');
    expect(classes(kept, 'a.test.ts')).toEqual(['real', 'no-assertion', 'no-assertion', 'no-assertion']);
    // bullmq's: a function that resolves when the code has called it enough, kept outside the executor and handed to the code.
    const handed = [
      "it('processes both', async () => {",
      '  let counter = 0;',
      '  let processor;',
      '  const processing = new Promise((resolve) => { processor = async () => { if (++counter === 2) resolve(); }; });',
      '  const worker = new Worker(queueName, processor);',
      '  await processing;',
      '  await worker.close();',
      '});',
      "it('calls it itself', async () => {",
      '  let processor;',
      '  const processing = new Promise((resolve) => { processor = () => resolve(); });',
      '  new Worker(queueName, processor);',
      '  processor();',
      '  await processing;',
      '});',
    ].join('\n');
    expect(classes(handed)).toEqual(['real', 'no-assertion']);
  });

  it("takes a helper's test that runs its caller's function as a promise's executor for the caller's test", () => {
    const code = [
      "const assert = require('node:assert');",
      'function itAsync(message, testFn) {',
      '  return it(message, () => new Promise(testFn).finally(() => clearTimeout(timer)));',
      '}',
      'function itWaits(message) {',
      '  return it(message, () => new Promise(setup));',
      '}',
      "itAsync('collects', (resolve) => { assert.strictEqual(collect(), 1); resolve(); });",
      "itAsync('runs', (resolve) => { collect(); resolve(); });",
      "itWaits('sets up');",
    ].join('\n');
    expect(classes(code, 'tests.cts')).toEqual(['real', 'no-assertion', 'real', 'no-assertion']);
  });

  it("takes a helper's test that calls a function its callers give it, when one given asserts", () => {
    const code = [
      "describe('validation', () => {",
      '  const createTestCase = (name, config, fn) => {',
      '    it(`fails for ${name}`, () => { const message = validate(config); fn(message); });',
      '  };',
      '  function logCase(name, config, log) {',
      '    it(`logs ${name}`, () => { const result = validate(config); log(result); });',
      '  }',
      '  const renderCase = (name, render) => { it(`renders ${name}`, () => { const element = render(); document.body.append(element); }); };',
      "  createTestCase('empty', {}, (message) => expect(message).toBe('x'));",
      "  logCase('empty', {}, (message) => console.log(message));",
      "  renderCase('div', () => document.createElement('div'));",
      '});',
    ].join('\n');
    expect(classes(code)).toEqual(['real', 'no-assertion', 'no-assertion']);
  });

  it('follows a helper taken off a project module required whole, and a wrapper around it', () => {
    const files = {
      'test/unit/select.test.js': "const Support = require('../support');\nconst expectsql = Support.expectsql;\nconst log = Support.log;\nfunction expectSelect(options, expected) { return expectsql(select(options), expected); }\nit('a', () => { expectsql(select({}), { default: 'SELECT 1;' }) });\nit('b', () => expectSelect({}, { default: 'SELECT 1;' }));\nit('c', () => { log(select({})) });",
      'test/support.ts': "import { expect } from 'chai';\nexport function expectsql(query, expected) { expect(query).to.equal(expected.default); }\nexport function log(x) { console.log(x); }",
    };
    expect(classesIn(files, 'test/unit/select.test.js')).toEqual(['real', 'real', 'no-assertion']);
  });

  it('follows helpers imported through tsconfig paths and baseUrl, along its extends, and package.json imports', () => {
    const helper = "import { expect } from 'vitest';\nexport async function untilLogged(run, logs) { await run(); expect(seen()).toEqual(logs) }\nexport function quiet() {}";
    const test = (source: string) => `import { untilLogged, quiet } from '${source}';\ntest('a', async () => { await untilLogged(edit, ['ok']) });\ntest('b', () => { quiet() });`;
    // tsconfig comments and trailing commas, as TypeScript accepts them.
    const tsconfig = (options: string) => `{\n  // shared\n  "compilerOptions": { ${options} },\n}`;
    const projects: Array<[string, Record<string, string>, string]> = [
      ['an exact pattern, relative to the config without baseUrl', { 'playground/tsconfig.json': tsconfig('"paths": { "~utils": ["./test-utils.ts"] }'), 'playground/test-utils.ts': helper }, '~utils'],
      ['a wildcard pattern relative to baseUrl', { 'tsconfig.json': tsconfig('"baseUrl": "src", "paths": { "@test/*": ["../test/support/*"] }'), 'test/support/logs.ts': helper }, '@test/logs'],
      ['the longest matching prefix', { 'tsconfig.json': tsconfig('"paths": { "@/*": ["./src/*"], "@/test/*": ["./test/*"] }'), 'test/logs/index.ts': helper }, '@/test/logs'],
      ['paths inherited through extends', { 'tsconfig.base.json': tsconfig('"paths": { "#t/*": ["./tools/*"] }'), 'playground/tsconfig.json': '{ "extends": "../tsconfig.base" }', 'tools/logs.js': helper }, '#t/logs'],
      ['a bare import under baseUrl', { 'tsconfig.json': tsconfig('"baseUrl": "."'), 'test/helpers/logs.ts': helper }, 'test/helpers/logs'],
      ['package.json imports with conditions', { 'package.json': JSON.stringify({ name: 'p', imports: { '#helpers/*': { types: './types/*.d.ts', default: './test/helpers/*.js' } } }), 'test/helpers/logs.js': helper }, '#helpers/logs'],
    ];
    for (const [name, files, source] of projects) {
      const entry = 'playground/hmr/__tests__/hmr.spec.ts';
      expect(classesIn({ ...files, [entry]: test(source) }, entry), name).toEqual(['real', 'no-assertion']);
    }
    // A name no alias maps is a package, never a project file by accident.
    const unmapped = { 'tsconfig.json': tsconfig('"paths": { "~utils": ["./test-utils.ts"] }'), 'test-utils.ts': helper, 'a.test.ts': test('test-utils') };
    expect(classesIn(unmapped, 'a.test.ts')).toEqual(['no-assertion', 'no-assertion']);
  });

  it('follows helpers imported by the name of a package of the repository, to its entry or a subpath, at their sources', () => {
    const helper = "import { expect } from 'vitest';\nexport async function untilLogged(run, logs) { await run(); expect(seen()).toEqual(logs) }\nexport function quiet() {}";
    const test = (source: string) => `import { untilLogged, quiet } from '${source}';\ntest('a', async () => { await untilLogged(edit, ['ok']) });\ntest('b', () => { quiet() });`;
    const manifests: Record<string, Record<string, unknown>> = {
      '@acme/logs': { main: './dist/index.js' },
      '@acme/matchers': { exports: { '.': './dist/index.js', './logs': { types: './dist/logs.d.ts', import: './dist/logs.js' } } },
      'plain-helpers': { exports: { import: './lib/entry.mjs' } },
    };
    const packageNamed: PackageNamed = (name) => (manifests[name] ? { dir: `tools/${name.replace('@acme/', '')}`, manifest: manifests[name] } : undefined);
    const projects: Array<[string, Record<string, string>, string]> = [
      ['main at its source under src/', { 'tools/logs/src/index.ts': helper }, '@acme/logs'],
      ['a subpath of exports, with conditions', { 'tools/matchers/src/logs.ts': helper }, '@acme/matchers/logs'],
      ['a subpath not in exports, as a file of the package', { 'tools/logs/helpers/logs.js': helper }, '@acme/logs/helpers/logs'],
      ['exports given as conditions only', { 'tools/plain-helpers/lib/entry.mjs': helper }, 'plain-helpers'],
      ['a subpath the build writes to the package folder, at its source under src/', { 'tools/logs/src/utils/logs.ts': helper }, '@acme/logs/utils/logs.js'],
    ];
    for (const [name, files, source] of projects) {
      expect(classesIn({ ...files, 'a.test.ts': test(source) }, 'a.test.ts', packageNamed), name).toEqual(['real', 'no-assertion']);
    }
    // A package the repository does not hold is never a project file by accident.
    expect(classesIn({ 'tools/logs/src/index.ts': helper, 'a.test.ts': test('@other/logs') }, 'a.test.ts', packageNamed)).toEqual(['no-assertion', 'no-assertion']);
  });

  it('follows any module of a package under test that imports a runner, and only its testing subpaths otherwise', () => {
    // next-auth's private `utils`: `runBasicTests` in utils/adapter.ts, with vitest hoisted to the root.
    const packageNamed: PackageNamed = (name) => (name === 'utils' ? { dir: 'packages/utils', manifest: { name: 'utils', private: true }, testingOnly: true } : undefined);
    const test = "import { checkAdapter } from 'utils/adapter';\ntest('adapter', async () => { await checkAdapter(adapter) });";
    const helper = (imports: string) => `${imports}\nexport async function checkAdapter(adapter) { assert.ok(await adapter.get('1')) }`;
    for (const imports of ["import { expect } from 'vitest';\nimport assert from 'node:assert';", "const { test } = require('@jest/globals');\nconst assert = require('node:assert');"]) {
      expect(classesIn({ 'packages/utils/adapter.ts': helper(imports), 'a.test.ts': test }, 'a.test.ts', packageNamed), imports).toEqual(['real']);
    }
    // Its code under test guards itself with `assert`: that checks nothing for the test.
    expect(classesIn({ 'packages/utils/adapter.ts': helper("import assert from 'node:assert';"), 'a.test.ts': test }, 'a.test.ts', packageNamed)).toEqual(['no-assertion']);
  });

  it('follows a helper assigned after its declaration: in a hook, in the suite body, at the top level, or on mocha\'s this', () => {
    // Suites made per renderer, as enzyme's are: the gate does not see a suite there, so the hooks do not assert for its tests.
    const suite = (body: string, test = "it('t', () => { check(f()) });") => `[shallow, mount].forEach((render) => {\n  describeWith(render, () => {\n${body}\n    ${test}\n  });\n});`;
    const assigned: Array<[string, string]> = [
      ['in beforeEach', suite('    let check;\n    beforeEach(() => { check = (x) => { expect(render(x)).to.equal(1) }; });')],
      ['in before, as a function expression', suite('    var check;\n    before(function () { check = function (x) { assert.ok(render(x)) }; });')],
      ['in several hooks, one of them asserting', suite('    let check;\n    beforeAll(() => { check = (x) => log(x); });\n    beforeEach(() => { check = (x) => expect(x).toBe(1); });')],
      ['in the suite body', "describe('s', () => {\n  let check;\n  check = (x) => expect(x).toBe(1);\n  it('t', () => { check(f()) });\n});"],
      ['at the top level', "let check;\ncheck = (x) => expect(x).toBe(1);\nit('t', () => { check(f()) });"],
      ["on mocha's this", suite('    beforeEach(function () { this.check = (x) => expect(x).toBe(1); });', "it('t', function () { this.check(f()) });")],
    ];
    for (const [where, code] of assigned) expect(classes(code), where).toEqual(['real']);
  });

  it('does not take a helper assigned later for asserting when none of its functions asserts', () => {
    const code = "describe('s', () => {\n  let check;\n  beforeEach(() => { check = (x) => log(x); });\n  afterEach(() => { check = undefined; });\n  it('t', () => { check(f()) });\n});";
    expect(classes(code)).toEqual(['no-assertion']);
  });

  it('takes a helper called for the hook it registers, one that asserts, for a hook of the suite', () => {
    // vue-router's mockWarn(): its afterEach throws when a test warned without expecting it, so "shows no warnings" checks.
    const files = {
      'src/tests/mock-warn.ts': [
        "import { afterEach, beforeEach, vi } from 'vitest';",
        'export function mockWarn() {',
        '  const asserted = new Set<string>();',
        "  beforeEach(() => { asserted.clear(); vi.spyOn(console, 'warn'); });",
        "  afterEach(() => { const unexpected = warnings().filter((message) => !asserted.has(message)); if (unexpected.length) throw new Error('test case threw unexpected warnings'); });",
        '}',
        "export function quiet() { beforeEach(() => { vi.spyOn(console, 'warn').mockImplementation(() => {}); }); }",
      ].join('\n'),
      'src/parsers.spec.ts': [
        "import { mockWarn, quiet } from './tests/mock-warn';",
        "describe('warned', () => { mockWarn(); it('shows no warnings', () => { warnMissing(tree) }); });",
        "describe('quiet', () => { quiet(); it('says nothing', () => { warnMissing(tree) }); });",
        "function localWarn() { afterEach(() => { if (warned()) throw new Error('warned'); }); localWarn(); }",
        "describe('local', () => { localWarn(); it('warns not', () => { warnMissing(tree) }); });",
        "it('outside', () => { warnMissing(tree) });",
        // A helper that calls itself registers nothing by that call.
        "function again() { again(); }\ndescribe('again', () => { again(); it('loops not', () => { warnMissing(tree) }); });",
      ].join('\n'),
    };
    expect(classesIn(files, 'src/parsers.spec.ts')).toEqual(['real', 'no-assertion', 'real', 'no-assertion', 'no-assertion']);
    // At the top of the file, for every test in it.
    const top = { ...files, 'src/parsers.spec.ts': "import { mockWarn } from './tests/mock-warn';\nmockWarn();\nit('shows no warnings', () => { warnMissing(tree) });" };
    expect(classesIn(top, 'src/parsers.spec.ts')).toEqual(['real']);
    // The same throw before each test guards its set-up, and checks nothing of what the test did.
    expect(classes("describe('s', () => { beforeEach(() => { if (!db) throw new Error('no database'); }); it('t', () => { f() }); });")).toEqual(['no-assertion']);
    expect(classes("describe('s', () => { afterEach(() => { if (leaked()) throw new Error('leaked'); }); it('t', () => { f() }); });")).toEqual(['real']);
    // A test of constants beside a hook that checks stands for the hook's checks (lexical's examples: install and build
    // before all, then `test('build succeeded', () => { expect(true).toBe(true) })`); without one it cannot fail.
    const carrier = "describe('example', () => {\n  beforeAll(async () => { await expect(build('example')).resolves.toBe(0); });\n  test('build succeeded', () => { expect(true).toBe(true); });\n});";
    expect(classes(carrier)).toEqual(['real']);
    expect(classes(carrier.replace('await expect(build(\'example\')).resolves.toBe(0)', "await build('example')"))).toEqual(['tautology']);
  });

  it('does not loop on modules that import each other', () => {
    const files = {
      'a.test.js': "import { one } from './one';\nit('t', () => { one() });",
      'one.js': "import { two } from './two';\nexport function one() { two() }",
      'two.js': "import { one } from './one';\nexport function two() { one() }",
    };
    expect(classesIn(files, 'a.test.js')).toEqual(['no-assertion']);
  });

  it('follows a chain of 1,000 helpers without running out of stack', () => {
    const helpers = Array.from({ length: 1000 }, (_, index) => `function h${index}() { h${index + 1}() }`).join('\n');
    const code = `${helpers}\nfunction h1000() { expect(f()).toBe(1) }\nit('t', () => { h0() });`;
    expect(classes(code)).toEqual(['real']);
    expect(classes(code.replace('expect(f()).toBe(1)', 'f()'))).toEqual(['no-assertion']);
  });

  it('follows the page objects of a chain of modules a few modules deep, and no further', () => {
    const pages: Record<string, string> = {};
    for (let index = 0; index < 50; index += 1) {
      pages[`e2e/pages/p${index}.ts`] = `import next from './p${index + 1}';\nclass Page { check = async () => { await next.check(); }; }\nexport default new Page();\n`;
    }
    pages['e2e/pages/p50.ts'] = "class Page { check = async () => { await expect(element(by.id('done'))).toBeVisible(); }; }\nexport default new Page();\n";
    const files = { ...pages, 'e2e/a.e2e.ts': "import first from './pages/p0';\nimport near from './pages/p48';\nit('far', async () => { await first.check(); });\nit('near', async () => { await near.check(); });\n" };
    expect(classesIn(files, 'e2e/a.e2e.ts')).toEqual(['no-assertion', 'real']);
  });

  it('follows a chain of 5,000 helpers handing back an expectation without running out of stack', () => {
    const helpers = Array.from({ length: 5000 }, (_, index) => `function h${index}(x) { return h${index + 1}(x) }`).join('\n');
    const code = `${helpers}\nfunction h5000(x) { return expect(x) }\nit('t', () => { h0(f()).to.equal(1) });`;
    expect(classes(code)).toEqual(['real']);
    expect(classes(code.replace('return expect(x)', 'return x'))).toEqual(['no-assertion']);
  });
});

describe('tautologies: only known value matchers on constants', () => {
  it.each([
    ["expect('msg').toHaveBeenWarned()", 'real'],
    ['expect(1).toMatchCustom(1)', 'real'],
    ['assert.ifError(1)', 'real'],
    ['assert.equal(1, 1)', 'tautology'],
    ['assert.notEqual(1, 2)', 'tautology'],
    ['expect({ a: [1] }).toEqual({ a: [1] })', 'tautology'],
    ['expect([1]).toBe([1])', 'real'],
    ['expectTypeOf(1).toEqualTypeOf<number>()', 'real'],
    ['expectTypeOf<string>().toBeString()', 'real'],
    ['const result = f(); expectTypeOf<string>(result)', 'real'],
    ['function C() { assertType<unknown>(f()) }', 'real'],
    ['const expectation = expectTypeOf(f).returns; expectation.toMatchTypeOf<{ a: 1 }>()', 'real'],
    ['expect<string>("a").type.toBe<string>()', 'real'],
  ])('%s → %s', (body, expected) => {
    expect(classes(`it('t', () => {\n${body}\n});`, 'a.test.ts')).toEqual([expected]);
  });

  it("follows a helper written as a method of an object of the file's own into the helpers it imports", () => {
    // joi's: `const internals = {}`, `internals.test = function (…) { … Helper.equal(a, b) }`, with Helper.equal expecting.
    const files = {
      'test/helper.js': "const { expect } = require('@hapi/code');\nexports.equal = function (a, b) { expect(a).to.equal(b); };\n",
      'test/manifest.js': "const Helper = require('./helper');\nconst internals = {};\nconst { it } = exports.lab = require('@hapi/lab').script();\nit('describes', () => { internals.test([1, 2]); });\nit('renders', () => { internals.render(1); });\ninternals.test = function (values) { for (const value of values) Helper.equal(describe(value), value); };\ninternals.render = function (value) { return render(value); };\n",
    };
    expect(classesIn(files, 'test/manifest.js')).toEqual(['real', 'no-assertion']);
  });

  it("takes a test function a helper's callback binds for its own, not a test of the runner's", () => {
    // slate's: `fixtures(dir, fn)` declares a test per fixture file and hands it the module, whose own `test` the callback runs.
    const files = {
      'support/fixtures.js': "export const fixtures = (dir, fn) => { describe(dir, () => { for (const file of list(dir)) it(file, () => fn({ module: load(file) })); }); };\n",
      'test/index.js': "import assert from 'node:assert';\nimport { fixtures } from '../support/fixtures.js';\nfixtures(__dirname, 'interfaces', ({ module }) => {\n  const { input, test, output } = module;\n  const result = test(input);\n  assert.deepEqual(result, output);\n});\n",
    };
    expect(classesIn(files, 'test/index.js')).toEqual(['real']);
  });

  it('takes a test file that asserts as it runs, with no test declared, for one test', () => {
    // solid's babel-preset-solid: `"test": "node test.js"`, asserting at the top level.
    const script = "const assert = require('assert');\nconst { transformSync } = require('@babel/core');\nconst { code } = transformSync('<div/>', { presets: ['./index.js'] });\nassert.equal(code.includes('template'), true, 'compiles JSX');\nfor (const name of names) assert.ok(code.includes(name));\n";
    expect(analyzeWithBoth(script, 'test.js').tests).toEqual([{ title: '(assertions of the file)', line: 1, column: 1, testClass: 'real' }]);
    // What only declares, or hands its checks to a call, is no such test.
    expect(classes("const assert = require('assert');\nfunction check(code) { assert.ok(code); }\nmodule.exports = { check };\n", 'test.js')).toEqual([]);
    expect(classes("import { check } from './check';\ncheck(() => { assert.ok(f()); });\n", 'test.js')).toEqual([]);
  });

  it("counts the assertions of a QUnit module's hooks for its tests, in its options of the flat form too", () => {
    const flat = (hook: string) => `QUnit.module('async', { beforeEach: function (assert) { ${hook} } });\nQUnit.test('runs the hook', function () {});\nQUnit.test('and more', function () { run(); });`;
    expect(classes(flat("assert.throws(function () { boom(); }, /boom/);"))).toEqual(['real', 'real']);
    expect(classes(flat('this.el = make();'))).toEqual(['empty', 'no-assertion']);
    // Outside QUnit an empty test beside an asserting hook is still empty: no other runner counts the hook's assertions as the test's.
    expect(classes("describe('s', () => { beforeEach(() => { expect(setup()).toBe(true); }); it('later', () => {}); });")).toEqual(['empty']);
  });

  it('takes a skipped suite or test titled as type tests, in TypeScript, for type tests the compiler checks', () => {
    // apollo-client's: `describe.skip("type tests")` so that jest does not run what tsc checks.
    const suite = (title: string) => `describe.skip('${title}', () => {\n  test('infers the data', () => {\n    expectTypeOf(useQuery(QUERY).data).toEqualTypeOf<Data | undefined>();\n  });\n  test('rejects a variable', () => {\n    // @ts-expect-error\n    useQuery(QUERY, { variables: { id: 1 } });\n  });\n});\ntest.skip('type tests', () => {\n  useQuery(QUERY, { variables: { id: '1' } });\n});`;
    expect(classes(suite('type tests'), 'useQuery.test.tsx')).toEqual(['real', 'real', 'real']);
    expect(classes(suite('Type Tests'), 'src/__tests__/client.ts')).toEqual(['real', 'real', 'real']);
    // Any other title skips, and so does JavaScript, which no compiler checks.
    expect(classes(suite('later'), 'useQuery.test.tsx')).toEqual(['skipped', 'skipped', 'real']);
    expect(classes(suite('type tests').replace(/<Data \| undefined>/, '').replace("test.skip('type tests'", "test.skip('later'"), 'useQuery.test.js')).toEqual(['skipped', 'skipped', 'skipped']);
    // lit's: titled type-only, or under a comment that says so.
    const lit = [
      "test.skip('type-only: infers the cases from the value', () => {\n  const step = 'register' as Step;\n  choose(step, [['register', () => html``]]);\n});",
      '// Type only test to be caught at build time.',
      "test.skip('accepts props with the right types', async () => {\n  // @ts-expect-error bool only takes a boolean\n  <Typed bool={'string'} />;\n});",
      '// TODO: no longer relevant.',
      "test.skip('is instantiable', () => {\n  new Element();\n});",
    ].join('\n');
    expect(classes(lit, 'create-component_test.tsx')).toEqual(['real', 'real', 'skipped']);
  });

  it('takes type assertions written as helpers, annotated unused bindings and satisfies for type tests, never as missing assertions', () => {
    const type = (body: string) => classes(`it('t', () => {\n${body}\n});`, 'a.test.ts')[0];
    // zod's util.assertEqual<A, B>(true) and assertIs<T>(x): the compiler checks the type arguments.
    expect(type('util.assertEqual<z.infer<typeof schema>, { a: string }>(true);')).toBe('real');
    expect(type('assertIs<string>(value);')).toBe('real');
    expect(type('staticAssertExtends<TemplateResult, ReturnType<typeof svg>>();')).toBe('real');
    // A generic function of the file that only takes or returns its argument, given type arguments: lit's accept<T>(x).
    expect(type('const accept = <T,>(x: T) => x;\nconst el = new TestElement();\naccept<number | undefined>(el.task.render({ initial: () => 123 }));')).toBe('real');
    expect(type('function is<T>(_value: T) {}\nis<string>(name());')).toBe('real');
    expect(type('const wrap = <T,>(x: T) => [x];\nwrap<number>(count());')).toBe('no-assertion');
    expect(type('reassertion<TemplateResult>();')).toBe('no-assertion');
    // type-plus names its assertions by namespace: isType.equal<true, A, B>(), testType.equal<A, B>(true).
    expect(type('type A = Draft<Input>;\nisType.equal<true, Input, A>();')).toBe('real');
    expect(type('testType.equal<Output, { a: string }>(true);')).toBe('real');
    expect(type('const _schema: StandardSchemaV1<string> = z.string();')).toBe('real');
    expect(type('makeConfig() satisfies Config;')).toBe('real');
    // zod's exhaustiveness check: the compiler fails while a case is missing, and it throws for a value no case took.
    expect(type('const def = make()._def;\nswitch (def.typeName) {\n  case Kind.String: break;\n  default: util.assertNever(def);\n}')).toBe('real');
    expect(type('switch (kind()) { case 1: break; default: unreachable(kind()) }')).toBe('real');
    expect(type('switch (kind()) { case 1: break; default: assertNeverCalled(log) }')).toBe('no-assertion');
    expect(type('switch (kind()) { case 1: break; default: assertNever() }')).toBe('no-assertion');
    // type-challenges' idiom, as vueuse writes it: a cast to Expect<…> fails to compile unless the type holds.
    expect(type("async () => { const x = await until(ref).toBe(1 as const);\n'test' as any as Expect<Equal<typeof x, 1>>; };")).toBe('real');
    expect(type('const y = x as Expected; use(y);')).toBe('no-assertion');
    expect(type("'test' as any as Expectation;")).toBe('no-assertion');
    // The same as a type alias beside code that runs (hono's type verify = Expect<…>), or a tuple of them.
    expect(type("const client = hc<AppType>('/');\ntype Actual = InferResponseType<typeof client.index.$get>;\ntype verify = Expect<Equal<{ id: number }, Actual>>;")).toBe('real');
    expect(type('const value = parse(input);\ntype cases = [Expect<Equal<typeof value, string>>, ExpectTrue<IsAny<typeof input>>];')).toBe('real');
    expect(type('const value = parse(input);\ntype Parsed = Expected<typeof value>;')).toBe('no-assertion');
    expect(type('type _Deep<T> = T extends object ? _Deep<T[keyof T]> : T;\ninterface Shape { a: _Deep<Input> }')).toBe('real');
    expect(type('interface Shape { a: string }\nconst shape = make();')).toBe('no-assertion');
    // A class declared or returned and never made: its fields and methods are for the compiler (lit's task tests).
    expect(type("return class MyElement extends ReactiveElement { task = new Task(this, ([a, b]) => [a * 2, b.split('')], () => [1, 'b'] as const); };")).toBe('real');
    expect(type('class Checked extends Base { value: Input = parse(raw); }')).toBe('real');
    expect(type('return class Registered extends Base { static { register(this); } };')).toBe('no-assertion');
    expect(type('class Counted extends Base { static count = start(); }')).toBe('no-assertion');
    // Handed to a function of the file that does nothing, to silence linters (lit's markAsUsed).
    const markAsUsed = 'function markAsUsed(val: unknown) {\n  if (false as boolean) {\n    console.log(val);\n  }\n}\n';
    expect(classes(`${markAsUsed}test('provides', () => { class El extends ReactiveElement { @provide({ context }) value = 0; } markAsUsed(El); });`, 'a.test.ts')).toEqual(['real']);
    expect(classes("function register(c: unknown) { customElements.define('x-el', c as CustomElementConstructor); }\ntest('registers', () => { class El extends HTMLElement {} register(El); });", 'a.test.ts')).toEqual(['no-assertion']);
    // Or named in an `if` that does nothing (lit's "Suppress no-unused-vars warnings"); an `if` that runs something is no such statement.
    expect(type('class A extends Base { override update(changed: Map<string, unknown>) {} }\nclass B extends Base {}\nif (A || B) {\n  // Suppress no-unused-vars warnings\n}')).toBe('real');
    expect(type('class A extends Base {}\nif (A) { register(A); }')).toBe('no-assertion');
    expect(type('class A extends Base {}\nif (ready()) {}')).toBe('no-assertion');
    // A value handed to a function of the file that runs nothing, its parameters typed: the compiler checks the value (xstate's tag and state tests).
    expect(type("const machine = createMachine({});\ntype Tags = TagsFrom<typeof machine>;\nconst acceptTag = (_tag: Tags) => {};\nacceptTag('a');")).toBe('real');
    expect(type("const machine = createMachine({});\nfunction matches(_value: StateValueFrom<typeof machine>) {}\nmatches('anything');")).toBe('real');
    expect(type("const machine = createMachine({});\nconst acceptTag = (_tag: Tags) => { record(_tag); };\nacceptTag('a');")).toBe('no-assertion');
    expect(classes("it('t', () => { const acceptTag = (_tag) => {};\nacceptTag('a'); });", 'a.test.js')).toEqual(['no-assertion']);
    expect(type('const machine = createMachine({});\nconst acceptTag = (_tag: Tags) => {};\nacceptTag();')).toBe('no-assertion');
    // Code under `if (false)`, which only the compiler reads (mikro-orm's "Type-only check"); a branch that may run is run.
    expect(type("if (false as boolean) {\n  const qb = em.createQueryBuilder(Child, 'c');\n  qb.where({ 'p.id': { $eq: new MyId('a') } });\n}")).toBe('real');
    expect(type('if (false as boolean) { run(); } else { other(); }')).toBe('no-assertion');
    expect(type('if (flag) { run(); }')).toBe('no-assertion');
    // Without type arguments, a name alone proves nothing; nor does a binding that is used, or one without a type.
    expect(type('util.assertEqual(a, b);')).toBe('no-assertion');
    expect(type('isType.equal(a, b);')).toBe('no-assertion');
    // Nor does a runtime check that happens to take a type argument, outside those namespaces.
    expect(type('schema.isType<string>(value);')).toBe('no-assertion');
    // A name that only starts like one is not a type assertion.
    expect(type('const value = expected<string>(f());')).toBe('no-assertion');
    expect(type('const result: string = f(); log(result);')).toBe('no-assertion');
    expect(type('const _unused = f();')).toBe('no-assertion');
    expect(type('const config = makeConfig() satisfies Config; use(config);')).toBe('no-assertion');
  });

  it('takes a test that says it checks compilation for a type test, in a TypeScript file that expects type errors', () => {
    const code = [
      "it('rejects a number', () => {\n  // @ts-expect-error a name is a string\n  workflow(1);\n});",
      "it('should compile when returning undefined for a default', async () => {\n  workflow('x', async ({ step }) => { await step.delay('d', async () => ({ type: undefined })); });\n});",
      "it('accepts valid state keys', () => {\n  const snapshot = createActor(machine).getSnapshot();\n  // This should compile without errors\n  mapState(snapshot, { map: ({ context }) => context.foo });\n});",
      "it('registers the workflow', () => {\n  workflow('y');\n});",
      // trpc's: `good initialData does not typeerror` beside `invalid initialData should typeerror`, and a suite of `typedefs on createClient`.
      "it('good initialData does not typeerror', () => {\n  workflow('z');\n});",
      "describe('typedefs on workflow', () => {\n  it('ok to pass only a name', () => {\n    workflow('w');\n  });\n});",
      // zod's `z.pipe type enforcement`.
      "it('pipe type enforcement', () => {\n  pipe(pipe(string(), transform((v) => new Date(v))), date());\n});",
    ].join('\n');
    expect(classes(code, 'workflow.test.ts')).toEqual(['real', 'real', 'real', 'no-assertion', 'real', 'real', 'real']);
    // Without a type error expected anywhere, or in JavaScript, "compile" is the code under test's word (a compiler that should compile x).
    const untyped = code.replace(/ *\/\/ @ts-expect-error.*\n/, '');
    expect(classes(untyped, 'workflow.test.ts')).toEqual(['no-assertion', 'no-assertion', 'no-assertion', 'no-assertion', 'no-assertion', 'no-assertion', 'no-assertion']);
    expect(classes(code, 'workflow.test.js')).toEqual(['real', 'no-assertion', 'no-assertion', 'no-assertion', 'no-assertion', 'no-assertion', 'no-assertion']);
  });

  it('takes a TypeScript test that only declares functions it never calls for a check by the compiler', () => {
    const type = (body: string, file = 'a.test.ts') => classes(`it('t', () => {\n${body}\n});`, file)[0];
    // date-fns's idiom: the call inside must compile for every type the parameters allow.
    expect(type('function _test<D extends Date>(arg: D | number, options?: Options<D>) {\n  startOfDay(arg, { in: options?.in });\n}')).toBe('real');
    expect(type('type State = { readonly done: boolean };\nconst _check = (state: State) => { apply(state, (draft) => { draft.done = true }) };')).toBe('real');
    // What runs is no declaration: a function the test calls, a value computed beside it.
    expect(type('function check(value: number) { f(value) }\ncheck(1);')).toBe('no-assertion');
    expect(type('const run = (value: number) => f(value);\nconst result = run(1);')).toBe('no-assertion');
    // Unless it is generic: its type parameters are the compiler's, called or not (date-fns's `_test("2014-02-11", …, { in: tz(…) })`
    // after its declaration; zod's generic arrows in "generic assignability in objects", one of them a bare statement).
    expect(type('function _test<D extends Date>(arg: DateArg<D>) {\n  isSameQuarter(arg, arg);\n}\n_test("2014-02-11");')).toBe('real');
    expect(type('const make = <T extends ZodType<string>>(key: T) => object({ key });')).toBe('real');
    expect(type('<T extends ZodType<string>>(key: T, sortBy: Item<output<T>>[] = []) => make(key).array().default(sortBy);')).toBe('real');
    // Not one that calls nothing for the compiler to check, nor a generic function inside a call.
    expect(type('const wrap = <T,>(x: T) => [x];\nwrap(1);')).toBe('no-assertion');
    expect(type('items.forEach(<T,>(item: T) => { use(item); });')).toBe('no-assertion');
    // JavaScript has no compiler to check a function that never runs.
    expect(type('function _test(arg) { startOfDay(arg) }', 'a.test.js')).toBe('no-assertion');
    // ajv's idiom: values written for their annotations, kept from the linter with `void`.
    expect(type("const str: JTDSchemaType<string> = { type: 'string' };\nconst list: Schema<number[]> = { elements: { type: 'int32' }, nullable: false as const };\nvoid [str, list];")).toBe('real');
    expect(type("const schema: JSONSchemaType<Rec> = { type: 'object' };\n// eslint-disable-next-line no-void\nvoid schema;")).toBe('real');
    expect(type("const numSchema = { type: 'float64' } as const;\nconst num: TypeEquality<JTDDataType<typeof numSchema>, number> = true;\nvoid [num];")).toBe('real');
    // A value that runs code to be built, an unannotated one, or a void of a call: the test runs it.
    expect(type("const schema: Schema<string> = compile({ type: 'string' });\nvoid schema;")).toBe('no-assertion');
    expect(type("const schema = { type: 'string' };\nvoid schema;")).toBe('no-assertion');
    expect(type("const schema: Schema = { type: 'string' };\nvoid validate(schema);")).toBe('no-assertion');
    expect(type("const schema: Schema = { type: 'string' };\nvoid schema;", 'a.test.js')).toBe('no-assertion');
    // react-hook-form's idiom: untyped values written out beside typed ones, assigned, and read bare to silence the linter.
    expect(type("type Errors = FieldErrors<{ steps?: { action: string }[] }>;\nconst error = { type: 'test', message: 'test' };\nlet errors: Errors = { steps: error };\nerrors = { steps: [{ action: error }] };\nerrors;")).toBe('real');
    expect(type('function Input<T extends FieldValues>({ name, register }: InputProps<T>) {\n  return register(name);\n}\nInput;')).toBe('real');
    // Without a type, or with a value that runs code, there is nothing for the compiler to check.
    expect(type("const error = { type: 'test' };\nerror;")).toBe('no-assertion');
    expect(type("type Errors = FieldErrors<{ a: string }>;\nlet errors: Errors = { a: 'x' };\nerrors = validate(errors);\nerrors;")).toBe('no-assertion');
  });

  it("reads chai's whole-module forms: destructured assert, chai.expect, the should object", () => {
    const cls = (code: string) => classes(code)[0];
    expect(cls("import * as chai from 'chai';\nconst should = chai.should();\nit('t', () => { should.equal(f(), 1) });")).toBe('real');
    expect(cls("var should = require('chai').Should();\nit('t', () => { should.not.exist(f()) });")).toBe('real');
    // should.js's own module is one: node-red's `var should = require('should')`, then `should.equal(a, b)`, `should.exist(x)`.
    expect(cls("var should = require('should');\nit('t', () => { should.equal(load().name, 'a') });")).toBe('real');
    expect(cls("import should from 'should';\nit('t', () => { should.not.exist(read().error) });")).toBe('real');
    expect(cls("var should = require('shouldly');\nit('t', () => { should.equal(load().name, 'a') });")).toBe('no-assertion');
    // chai's own suite makes the should object of itself a global.
    expect(cls("import * as chai from '../index.js';\nconst theGlobal = typeof window !== 'undefined' ? window : global;\ntheGlobal.globalShould = chai.should();\nit('t', () => { globalShould.not.exist(f()) });")).toBe('real');
    expect(cls("import * as chai from 'chai';\nglobal.helper = chai.use(plugin);\nit('t', () => { helper.not.exist(f()) });")).toBe('no-assertion');
    expect(cls("import chai from 'chai';\nconst { assert } = chai;\nit('t', () => { assert.deepEqual({ a: 1 }, { a: 1 }) });")).toBe('tautology');
    // Taken from the project's own module, the library is the code under test: its constants are inputs.
    expect(cls("import * as chai from '../index.js';\nconst { assert } = chai;\nit('t', () => { assert.deepEqual(/a/, /a/) });")).toBe('real');
    expect(cls("import * as chai from '../index.js';\nconst expect = chai.expect;\nit('t', () => { expect(undefined).to.equal(null) });")).toBe('real');
    expect(cls("const { assert } = require('../lib');\nit('t', () => { assert(true) });")).toBe('real');
    // Only what is taken from the project's module is under test: vitest's expect beside it still compares constants.
    expect(cls("import { expect } from 'vitest';\nconst { assert } = require('./helpers');\nit('t', () => { expect(true).toBe(true) });")).toBe('tautology');
    // Calling something of another module is not asserting.
    expect(cls("import * as lib from 'lib';\nconst should = lib.shouldRun();\nit('t', () => { should.equal(f(), 1) });")).toBe('no-assertion');
  });

  it("reads referee's refute and sinon's mock verification", () => {
    const cls = (code: string) => classes(code)[0];
    expect(cls("const referee = require('@sinonjs/referee');\nconst refute = referee.refute;\nit('t', () => { refute.exception(() => f()) });")).toBe('real');
    expect(cls("const { assert, refute } = require('@sinonjs/referee');\nit('t', () => { refute(f()) });")).toBe('real');
    expect(cls("it('t', function () { const mock = this.sandbox.mock(api); mock.expects('get').once(); run(api); mock.verify() });")).toBe('real');
    expect(cls("it('t', () => { const sandbox = sinon.createSandbox(); sandbox.mock(api).expects('get'); run(api); sandbox.verifyAndRestore() });")).toBe('real');
    // Setting expectations without verifying them asserts nothing.
    expect(cls("it('t', () => { const mock = sinon.mock(api); mock.expects('get').once(); run(api) });")).toBe('no-assertion');
    expect(cls("it('t', () => { jwt.verify(token) });")).toBe('no-assertion');
  });

  it('takes t.pass() in a callback for a check that the code called back, and at the top of a test for a tautology', () => {
    const ava = (body: string) => classes(`import test from 'ava';\ntest('t', async t => {\n${body}\n});`)[0];
    expect(ava("await got('', { hooks: { init: [async () => { t.pass() }] } });")).toBe('real');
    expect(ava("emitter.on('done', () => t.pass()); run(emitter);")).toBe('real');
    expect(ava("await got('');\nt.pass();")).toBe('tautology');
    expect(ava("if (ready) { t.pass() }")).toBe('tautology');
  });

  it('keeps a check of the test\'s own shape when constants are asserted beside it', () => {
    // node:test's `end` called from the listener: the test times out unless the code emits, whatever `ok('…')` says.
    expect(classes("test('errors', (t, end) => { const s = open('missing'); s.on('error', () => { assert.ok('error received'); end() }) });")).toEqual(['real']);
    expect(classes("it('closes', async () => { const s = start(); assert.ok(true); await once(s, 'close') });")).toEqual(['real']);
    expect(classes("test('no call', () => { assert.ok(true); run({ onCall () { throw new Error('unexpected') } }) });")).toEqual(['real']);
    // Calling `done` itself, or awaiting nothing the code does, checks nothing: the constants are all there is.
    expect(classes("it('t', (done) => { run(); assert.ok(true); done() });")).toEqual(['tautology']);
    expect(classes("it('t', async () => { await run(); assert.ok(true) });")).toEqual(['tautology']);
    // A `// @ts-expect-error` beside constants more likely silences an error than checks a type.
    expect(classes("test('no Symbol', () => {\n  // @ts-expect-error\n  globalThis.Symbol = undefined;\n  expect({}).toEqual({});\n});", 'a.test.ts')).toEqual(['tautology']);
  });

  it("reads Cypress's should chains, nock's scope.done(), testdouble's verify and Testing Library's throwing queries", () => {
    const cls = (code: string, file = 'a.test.js') => classes(code, file)[0];
    expect(cls("it('t', () => { cy.visit('/'); cy.get('h1').should('contain', 'Hi').and('be.visible') });", 'a.cy.ts')).toBe('real');
    expect(cls("it('t', () => { cy.visit('/'); cy.get('button').click() });", 'a.cy.ts')).toBe('no-assertion');
    // .contains(…) fails unless the text shows; so does waiting for a routed request, not waiting for time.
    expect(cls("it('t', () => { cy.getBySel('delete').click(); cy.getBySel('item').children().contains('Deleted') });", 'a.cy.ts')).toBe('real');
    expect(cls("it('t', () => { cy.visit('/'); cy.contains('Welcome') });", 'a.cy.ts')).toBe('real');
    expect(cls("it('t', () => { cy.get('form').submit(); cy.wait('@createUser') });", 'a.cy.ts')).toBe('real');
    expect(cls("it('t', () => { cy.get('form').submit(); cy.wait(['@login', '@profile']) });", 'a.cy.ts')).toBe('real');
    expect(cls("it('t', () => { cy.get('form').submit(); cy.wait(500) });", 'a.cy.ts')).toBe('no-assertion');
    expect(cls("it('t', () => { const list = items(); list.contains('x') });", 'a.cy.ts')).toBe('no-assertion');
    expect(cls("it('t', async () => { const scope = nock('http://x').get('/').reply(200); await get(); scope.done() });")).toBe('real');
    expect(cls("it('t', async () => { const scope = nock('http://x').get('/').reply(200); await get(); scope.isDone() });")).toBe('no-assertion');
    expect(cls("it('t', () => { run(); td.verify(save(2)) });")).toBe('real');
    expect(cls("it('t', async () => { render(<App />); await screen.findByText('Hi') });")).toBe('real');
    expect(cls("it('t', () => { render(<App />); screen.queryByText('Hi') });")).toBe('no-assertion');
    expect(cls("it('t', () => { const { getByRole } = render(<List />); within(getByRole('list')).getAllByRole('item') });")).toBe('real');
    // Playwright's page.getByRole() is a locator that checks nothing until something acts on it or expects.
    expect(cls("test('t', async ({ page }) => { page.getByRole('button') });", 'a.spec.ts')).toBe('no-assertion');
  });

  it("never calls constants compared with an expect under test (the project's own) a tautology", () => {
    expect(classes("import jestExpect from '../';\nit('escapes', () => { jestExpect('a?').toMatch('a?') });")).toEqual(['real']);
    expect(classes("import { expect } from 'vitest';\nit('escapes', () => { expect('a?').toMatch('a?') });")).toEqual(['tautology']);
  });

  it('counts an expectation held in a variable, and a matcher chosen at run time', () => {
    expect(classes("it('t', () => { let expector = expect(f()); if (!ok) expector = expector.not; expector.toHaveProperty('a', 1) });")).toEqual(['real']);
    expect(classes("import jestExpect from 'expect';\nit('t', () => { const fn = jest.fn(); fn(); jestExpect(fn)[matcher]() });")).toEqual(['real']);
    expect(classes("it('t', () => { const x = expect(f()) });")).toEqual(['no-assertion']);
  });

  it('takes constants in a file that tests its own expect for inputs, under any expect', () => {
    const code = "const {expect: jestExpect} = require('../');\nit('a', () => { expect([{ a: undefined }]).not.toStrictEqual([{}]) });";
    expect(classes(code)).toEqual(['real']);
  });

  it('takes every expectation in a type-test file for a type check', () => {
    const code = "test('t', () => { expect(1).toBe(1) });";
    expect(classes(code, 'types.test-d.ts')).toEqual(['real']);
    expect(classes(code, '__typetests__/x.ts')).toEqual(['real']);
    expect(classes(code, 'x.test.ts')).toEqual(['tautology']);
  });

  it('takes a TypeScript test file named for types for a type-test file: by its qualifier, or named types.test.ts with a @ts-expect-error', () => {
    const accepts = "it('accepts a valid event', () => {\n  createMachine({ types: {} as { events: { type: 'FOO' } }, entry: raise({ type: 'FOO' }) });\n});";
    const rejects = "it('rejects an unknown event', () => {\n  createMachine({ types: {} as { events: { type: 'FOO' } }, entry: raise({\n    // @ts-expect-error\n    type: 'BAR'\n  }) });\n});";
    expect(classes(`${accepts}\n${rejects}`, 'test/types.test.ts')).toEqual(['real', 'real']);
    expect(classes(accepts, 'test/spawn.types.test.ts')).toEqual(['real']);
    expect(classes(accepts, 'src/setup.type.spec.tsx')).toEqual(['real']);
    // Without the evidence, a types.test.ts may test a types.ts at run time; nor does a word inside a name qualify it.
    expect(classes(accepts, 'test/types.test.ts')).toEqual(['no-assertion']);
    expect(classes(accepts, 'test/data-types.test.ts')).toEqual(['no-assertion']);
    expect(classes(`${accepts}\n${rejects}`, 'test/machine.test.ts')).toEqual(['no-assertion', 'real']);
  });

  it('takes a test of a type-test file for checked by the compiler, even with an empty body', () => {
    expect(classes("test('testName', () => {});\ntest.skip('later', () => {});", '__typetests__/globals.test.ts')).toEqual(['real', 'skipped']);
  });

  it("finds chai's should chain inside expect(…), as typeorm writes it", () => {
    expect(classes("it('loads', async () => { const posts = await load(); expect(posts[0].should.be.eql({ id: 1 })); });")).toEqual(['real']);
    expect(classes("it('loads', async () => { const posts = await load(); expect(posts[0]); });")).toEqual(['no-assertion']);
  });

  it('does not take a test call under check by expect for a declaration', () => {
    expect(classes("test('throws without a body', () => { expect(() => { test('inner') }).toThrow() });")).toEqual(['real']);
    expect(classes("import { expect, test } from 'tstyche';\nexpect(test.only('name', fn)).type.toBe<void>();\ntest('x', () => { expect(test.todo('y')).type.toBe<void>() });", '__typetests__/globals.test.ts')).toEqual(['real']);
  });

  it('counts the tests a table-driven library declares (babel-plugin-tester, RuleTester)', () => {
    expect(classes("import pluginTester from 'babel-plugin-tester';\ndescribe('babel 7', () => { pluginTester({ plugin, tests: { a: 'x' } }) });")).toEqual(['real']);
    expect(classes("const ruleTester = new RuleTester();\nruleTester.run('no-x', rule, { valid: [], invalid: [] });")).toEqual(['real']);
    // Under any name, by its table (react-three-fiber's `const tester = new RuleTester(…)`); a run of something else is no test.
    expect(classes("const tester = new RuleTester({ parserOptions });\ntester.run('no-new-in-loop', rule, { valid: ['x'], invalid: [{ code: 'y', errors: 1 }] });")).toEqual(['real']);
    expect(classes("new RuleTester().run('no-x', rule, { invalid: [] });")).toEqual(['real']);
    expect(classes("const runner = new Runner();\nrunner.run('build', task, { watch: false });")).toEqual([]);
    // eslint-vitest-rule-tester's, the table in one object (unocss's eslint-plugin); an object without a rule is no table.
    expect(classes("import { run } from 'eslint-vitest-rule-tester';\nrun({ name: 'order', rule, valid: ['a'], invalid: [{ code: 'b', errors: 1 }] });")).toEqual(['real']);
    expect(classes("const { run } = createRuleTester({ name: 'order', rule });\nrun({ name: 'order', rule, invalid: [] });")).toEqual(['real']);
    expect(classes("run({ name: 'build', valid: true });")).toEqual([]);
    // Run in a test, the tester checks its rows there.
    expect(classes("const ruleTester = new RuleTester();\nit('reports x', () => { ruleTester.run('no-x', rule, { valid: ['y'], invalid: [{ code: 'x', errors: 1 }] }) });")).toEqual(['real']);
    expect(classes("it('reports x', () => { pluginTester({ plugin, tests: { a: 'x' } }) });")).toEqual(['real']);
    // jest-preset-stylelint's global, as stylelint's rules and its plugins test themselves.
    expect(classes("import { messages, ruleName } from '../index.mjs';\ntestRule({ ruleName, config: [true], accept: [{ code: 'a {}' }], reject: [{ code: 'a { }', message: messages.rejected }] });", 'lib/rules/block-no-empty/__tests__/index.mjs')).toEqual(['real']);
    // jest-in-case, whatever it is imported or required as; a function of the same name from elsewhere declares nothing.
    expect(classes("import cases from 'jest-in-case';\ncases('add', (row) => { expect(add(row.a, row.b)).toBe(row.sum) }, [{ a: 1, b: 2, sum: 3 }]);")).toEqual(['real']);
    expect(classes("const runCases = require('jest-in-case');\ndescribe.skip('later', () => { runCases('add', check, rows) });")).toEqual(['skipped']);
    expect(classes("import cases from './cases';\ncases('add', check, rows);\nit('t', () => { expect(1 + 1).toBe(f()) });")).toEqual(['real']);
  });

  it('counts the tests an imported helper declares where the file calls it, not a helper that declares none', () => {
    const files = {
      'scripts/tester/index.ts': "import jestInCase from 'jest-in-case';\nexport default (name, dirname) => jestInCase(name, tester(dirname), readFixtures(dirname));",
      'test/helpers/shared.js': "export function describeRendering(render) {\n  describe('render', () => { it('renders', () => { expect(render()).toBeTruthy() }) });\n}\nexport { default as plainTester } from '../../scripts/tester';\nexport function setup() { return {} }",
      'test/plugin.test.js': "import tester from '../scripts/tester';\nimport { describeRendering, plainTester, setup } from './helpers/shared';\nsetup();\ntester('plugin', __dirname);\ndescribeRendering(() => 1);\nplainTester('again', __dirname);",
    };
    expect(analysisIn(files, 'test/plugin.test.js').tests.map((test) => `${test.testClass} ${test.title}`)).toEqual(['real plugin', 'real describeRendering(…)', 'real again']);
  });

  it("judges the function a test helper runs as its test's body where the file calls the helper", () => {
    const files = {
      'test/helpers/with-page.ts': [
        "import test from 'ava';",
        'export const browserTest = (title, browsers, run) => {',
        '  for (const browser of browsers) {',
        '    test.serial(`${browser} - ${title}`, async (t) => { const page = await open(browser); t.teardown(() => page.close()); await run(t, page); });',
        '  }',
        '};',
        'export function itIf(condition, title, fn) { if (condition) it(title, fn); else it.skip(title, fn); }',
      ].join('\n'),
      'test/browser.ts': [
        "import { browserTest, itIf } from './helpers/with-page';",
        "browserTest('downloads', [chromium], async (t, page) => { t.is(await page.evaluate(run), 'ok'); });",
        "browserTest('only loads', [chromium], async (t, page) => { await page.goto(url); });",
        "itIf(process.env.CI !== undefined, 'on CI', () => { expect(ci()).toBe(true) });",
      ].join('\n'),
    };
    expect(analysisIn(files, 'test/browser.ts').tests.map((test) => `${test.testClass} ${test.title}`)).toEqual(['real downloads', 'no-assertion only loads', 'real on CI']);
  });

  it('judges the function a helper of a module bound whole runs, as luxon\'s Helpers.withNow(title, dt, fn)', () => {
    const files = {
      'test/helpers.js': "exports.withNow = function (name, dt, f) {\n  test(name, () => {\n    const now = Settings.now;\n    try { Settings.now = () => dt; f(); } finally { Settings.now = now; }\n  });\n};\n",
      'test/datetime/diff.test.js': "const Helpers = require('../helpers');\nHelpers.withNow('diffs from now', dt, () => { expect(dt.diffNow().days).toBe(0); });\nHelpers.withNow('only builds', dt, () => { DateTime.now(); });\n",
      'test/other.test.mjs': "import * as h from './helpers';\nh.withNow('builds', dt, () => {});\n",
    };
    expect(analysisIn(files, 'test/datetime/diff.test.js').tests.map((test) => `${test.testClass} ${test.title}`)).toEqual(['real diffs from now', 'no-assertion only builds']);
    expect(analysisIn(files, 'test/other.test.mjs').tests.map((test) => `${test.testClass} ${test.title}`)).toEqual(['empty builds']);
  });

  it('lets assert-functions clear a custom matcher by its name', () => {
    const code = "it('t', () => { setup(); toHaveBeenWarnedLast('x') });";
    expect(classes(code)).toEqual(['no-assertion']);
    expect(classes(code, 'a.test.js', { assertPatterns: compileAssertPatterns(['toHaveBeenWarnedLast']) })).toEqual(['real']);
  });
});

describe('todo and skip together', () => {
  it('takes a skipped suite with a todo reason for skipped, and a todo with a body for a todo, as node:test runs them', () => {
    const code = [
      "import { describe, it } from 'node:test';",
      "import assert from 'node:assert/strict';",
      "describe.skip('build', { todo: 'find why it throws' }, () => {",
      "  it('renders', async () => { assert.equal(await render(), 'ok'); });",
      '});',
      "it('updates', { skip: isWindows, todo: 'hangs on Windows' }, async () => { assert.equal(await update(), 1); });",
      "it('reloads', { skip: 'flaky', todo: 'fix' }, async () => { assert.equal(await reload(), 1); });",
      "it.todo('streams');",
    ].join('\n');
    expect(classes(code, 'a.test.mjs')).toEqual(['skipped', 'todo', 'skipped', 'todo']);
  });
});

describe('skipIf and runIf', () => {
  it.each([
    ["test.skipIf(true)('t', () => { expect(f()).toBe(1) })", 'skipped'],
    ["test.skipIf(false)('t', () => { expect(f()).toBe(1) })", 'real'],
    ["test.runIf(false)('t', () => { expect(f()).toBe(1) })", 'skipped'],
    ["test.runIf(!true)('t', () => { expect(f()).toBe(1) })", 'skipped'],
    ["test.skipIf(process.platform === 'win32')('t', () => { expect(f()).toBe(1) })", 'real'],
    ["it.runIf(isCI)('t', () => { expect(f()).toBe(1) })", 'real'],
    // Chained with a table (nuxt's `it.skipIf(isDev).each([…])('%s', async (path) => { … })`): one test of the table, not a todo titled by the condition.
    ["it.skipIf(isDev).each([['/a'], ['/b']])('%s', (path) => { expect(f(path)).toBe(1) })", 'real'],
    ["it.skipIf(true).each([['/a']])('%s', (path) => { expect(f(path)).toBe(1) })", 'skipped'],
    ["test.runIf(isCI).for([1, 2])('%i', (n) => { f(n) })", 'no-assertion'],
  ])('%s → %s', (code, expected) => {
    expect(classes(code)).toEqual([expected]);
  });
});

describe('test functions picked by a condition', () => {
  it.each([
    ['inline, read at run time', "(isIE ? test.skip : test)('t', () => { expect(f()).toBe(1) });", ['real']],
    ['inline, as a suite', "(isIE ? describe.skip : describe)('s', () => { it('t', () => { expect(f()).toBe(1) }) });", ['real']],
    ['a name for the choice', "const dstOnly = hasDst ? it : it.skip;\ndstOnly('t', () => { expect(f()).toBe(1) });", ['real']],
    ['a name, judged as any test', "const itNode = isNode ? it : it.skip;\nitNode('t', () => { f() });", ['no-assertion']],
    ['nested choices', "const itFn = skip ? it.skip : solo ? it.only : it;\nitFn('t', () => { expect(f()).toBe(1) });", ['real']],
    ['a function of the file returning the choice', "const itIf = (condition) => (condition ? it : it.skip);\nitIf(isCI)('t', () => { expect(f()).toBe(1) });", ['real']],
    ['skipped either way', "const never = isCI ? it.skip : xit;\nnever('t', () => { expect(f()).toBe(1) });", ['skipped']],
    ['a constant condition', "(true ? it.skip : it)('t', () => { expect(f()).toBe(1) });", ['skipped']],
    ['focused only where it holds', "(options.only ? it.only : it)('t', () => { expect(f()).toBe(1) });", ['real']],
    ['focused either way', "(a ? it.only : fit)('t', () => { expect(f()).toBe(1) });", ['focused']],
    ['a choice of other functions', "const run = fast ? quick : slow;\nrun('t', () => { expect(f()).toBe(1) });", []],
    // Test functions extended with fixtures, and a framework's imported under another name.
    ['vitest test.extend', "const todoTest = test.extend({ todos: async ({}, use) => use([]) });\ntodoTest('t', ({ todos }) => { expect(todos).toEqual([]) });\ntodoTest.skip('u', () => { expect(f()).toBe(1) });", ['real', 'skipped']],
    ['extended twice', "const it2 = test.extend({}).extend({});\nit2('t', () => { f() });", ['no-assertion']],
    ['imported under another name', "import { it as vit } from 'vitest';\nvit('t', () => { expect(f()).toBe(1) });", ['real']],
    [
      "Playwright's fixtures on test imported as base",
      "import { test as base, expect } from '@playwright/test';\nconst test = base.extend({});\nexport const authTest = test.extend({});\ntest('t', async ({ page }) => { await page.goto('/') });\nauthTest.describe('s', () => { authTest('u', async ({ page }) => { await expect(page).toHaveURL('/') }) });\nconst adminTest = base.extend({});\nadminTest('v', async ({ page }) => { await expect(page).toHaveTitle('Admin') });",
      ['no-assertion', 'real', 'real'],
    ],
    ['a local module of that name', "import { it as check } from './check';\ncheck('t', () => { expect(f()).toBe(1) });", []],
    ["Playwright's setup steps", "import { test as setup } from '@playwright/test';\nsetup('authenticate', async ({ page }) => { await page.goto('/login') });", []],
    // uvu's suite, called for a test function: not one extended.
    ["uvu's suite", "import { suite } from 'uvu';\nimport * as assert from 'uvu/assert';\nconst test = suite('math');\ntest('adds', () => { assert.is(add(1, 2), 3) });\ntest.run();", ['real']],
  ])('%s', (_name, code, expected) => {
    expect(classes(code, 'a.test.ts')).toEqual(expected);
  });

  it('leaves out a pending test in one branch of an if decided as it runs, whose other branch loads a module of the tests', () => {
    // async's: the suite of async functions where the runtime has them, a pending test where it has not.
    const code = [
      "describe('async function support', function () {",
      '  if (supportsAsync()) {',
      "    require('./es2017/asyncFunctions.js').call(this);",
      "    describe('awaitable functions', () => { require('./es2017/awaitableFunctions.js').call(this); });",
      '  } else {',
      "    it('should not test async functions in this environment');",
      '  }',
      "  if (supportsGenerators()) { loadGenerators(this); } else { it('should not test generators here'); }",
      "  if (hasIntl()) { require('intl-tests'); } else { it('should not test Intl here'); }",
      '});',
    ].join('\n');
    expect(classes(code, 'test/asyncFunctions.js')).toEqual(['todo', 'todo']);
  });

  it('a skipped test standing in for one that runs in the other branch of an if is that one test', () => {
    const code = [
      "if (typeof window !== 'undefined') {",
      "  it('works across frames', () => { expect(f()).toBe(1) });",
      '} else {',
      "  it.skip('works across frames', () => {});",
      '}',
      "if (isWindows) it.skip('paths', () => {}); else it('paths', () => { expect(g()).toBe(1) });",
    ].join('\n');
    expect(classes(code)).toEqual(['real', 'real']);
  });

  it.each([
    ['of another title', "if (a) { it('one', () => { expect(f()).toBe(1) }) } else { it.skip('two', () => {}) }", ['real', 'skipped']],
    ['skipped in both branches', "if (a) { it.skip('one', () => {}) } else { it.skip('one', () => {}) }", ['skipped', 'skipped']],
    ['in the same branch', "if (a) { it('one', () => { expect(f()).toBe(1) }); it.skip('one', () => {}) }", ['real', 'skipped']],
  ])('a skipped test %s stays skipped', (_name, code, expected) => {
    expect(classes(code)).toEqual(expected);
  });

  it('an empty test in an if that returns, before the tests that run otherwise, is no test of its own', () => {
    // webpack's conformance suites: a placeholder where the data's git submodule is missing, then the tests of its cases.
    const suite = (condition: string, after: string) => [
      "describe('css parsing', () => {",
      `  if (${condition}) {`,
      "    it('submodule not initialized (run git submodule update --init)', () => {});",
      '    return;',
      '  }',
      `  ${after}`,
      '});',
    ].join('\n');
    expect(classes(suite('cases.length === 0', "for (const c of cases) it(c.name, () => { expect(parse(c.input)).toEqual(c.output) });"))).toEqual(['real']);
    // Decided before it runs, or with no test that runs after it, or not returning: the empty test is one.
    expect(classes(suite('true', "it('parses', () => { expect(parse('a')).toEqual(['a']) });"))).toEqual(['empty', 'real']);
    expect(classes(suite('cases.length === 0', "it.todo('parses');"))).toEqual(['empty', 'todo']);
    expect(classes("describe('s', () => { if (cases.length === 0) { it('placeholder', () => {}) }\n it('parses', () => { expect(parse('a')).toEqual(['a']) }); });")).toEqual(['empty', 'real']);
    // Or in the other branch: webpack's `if (!hasCorpus()) { it(NO_CORPUS, () => {}) } else { it('should have a corpus…', …) }`.
    expect(classes("if (!hasCorpus()) { it(NO_CORPUS, () => {}) } else { it('reads the corpus', () => { expect(read()).toBeTruthy() }) }")).toEqual(['real']);
    expect(classes("if (!hasCorpus()) { it(NO_CORPUS, () => {}) } else { it.skip('reads the corpus', () => {}) }")).toEqual(['empty', 'skipped']);
  });

  it('a focused test in one branch of an if decided as the file runs, beside one that is not, is that one test', () => {
    // xstate-tools's: a fixture named `*.only` focuses its own test; none is.
    const code = [
      "for (const file of readdirSync(join(__dirname, '__examples__'))) {",
      "  const name = file.replace(/\\.ts$/, '');",
      '  const run = () => { expect(generate(read(file))).toMatchSnapshot(); };',
      '  if (/\\.only$/.test(name)) {',
      "    it.only(name.replace(/\\.only$/, ''), run);",
      '  } else {',
      '    it(name, run);',
      '  }',
      '}',
    ].join('\n');
    expect(classes(code)).toEqual(['real']);
    // A constant condition focuses; so does .only with no unfocused test in the other branch.
    expect(classes("if (true) { it.only('a', () => { expect(f()).toBe(1) }) } else { it('a', () => { expect(f()).toBe(1) }) }")).toEqual(['focused', 'real']);
    expect(classes("if (debug) { it.only('a', () => { expect(f()).toBe(1) }) } else { it.skip('a', () => {}) }")).toEqual(['focused']);
  });
});

describe('valid syntax parses', () => {
  it.each([
    ['Flow types in a .js file', "// @flow\ntype A = {| a: number |};\nfunction f(x: ?string): A { return { a: 1 } }\nit('t', () => { expect(f('')).toEqual({ a: 1 }) });", 'a.test.js'],
    ['Flow generics without the pragma', "const id = <T>(x: T): T => x;\nit('t', () => { expect(id(1)).toBe(1) });", 'a.test.js'],
    ['JSX in a .js file', "it('t', () => { expect(render(<A b=\"1\" />)).toBeTruthy() });", 'a.test.js'],
    ['current decorators', "class A { @dec accessor x = 1 }\nit('t', () => { expect(new A().x).toBe(1) });", 'a.test.ts'],
    ['import source', "import source mod from './x.wasm';\nit('t', () => { expect(mod).toBeDefined() });", 'a.test.mjs'],
    ['satisfies and const type parameters', "const f = <const T,>(x: T) => x satisfies unknown;\nusing r = open();\nit('t', () => { expect(f(1)).toBe(1) });", 'a.test.ts'],
  ])('%s', (_name, code, file) => {
    const analysis = analyzeWithBoth(code, file);
    expect(analysis.parseError).toBeUndefined();
    expect(analysis.tests.map((test) => test.testClass)).toEqual(['real']);
  });
});

describe('what real suites also do', () => {
  it('takes fail() imported from node:assert for a live assertion, not a constant one', () => {
    const code = "const { fail, strictEqual } = require('node:assert');\ntest('t', async () => { store.write = () => { fail('unreachable') }; await run(); });\ntest('u', () => { strictEqual(1, 1) });";
    expect(classes(code)).toEqual(['real', 'tautology']);
  });

  it("does not take calls of the file's own function named test for test declarations", () => {
    const code = "function test(app) { it('responds', (done) => { request(app).get('/').expect(200, done) }) }\ndescribe('format', () => { test(app1); test(app2); });";
    // The test the function declares is counted once, where it is written.
    expect(classes(code)).toEqual(['real']);
  });

  it('takes a method of an assert object under a name of its own for an assertion', () => {
    // atproto's dag-cbor tests: `import { assert } from 'vitest'; const same = assert.deepStrictEqual`.
    const member = "import { assert, test } from 'vitest';\nconst same = assert.deepStrictEqual;\ntest('round-trips', () => { same(decode(encode(x)), x) });\ntest('constant', () => { same(1, 1) });";
    expect(classes(member)).toEqual(['real', 'tautology']);
    const destructured = "import { assert } from 'chai';\nconst { deepStrictEqual: same, ok } = assert;\ntest('a', () => { same(decode(b), x) });\ntest('b', () => { ok(valid(x)) });";
    expect(classes(destructured)).toEqual(['real', 'real']);
    // A member of anything else is no assertion.
    const other = "import { test } from 'vitest';\nimport { codec } from './lib';\nconst same = codec.deepStrictEqual;\ntest('round-trips', () => { same(decode(encode(x)), x) });";
    expect(classes(other)).toEqual(['no-assertion']);
  });

  it("takes ts-snippet's expecters for expects: the compiler checks the snippet", () => {
    // ngrx's type tests: `const expectSnippet = expecter((code) => wrap(code), options)`, then `expectSnippet(code).toFail(/…/)`.
    const made = "import { expecter } from 'ts-snippet';\nconst expectSnippet = expecter((code) => `import { add } from './add';\n${code}`);\nit('rejects a string', () => { expectSnippet(`add('1', 2)`).toFail(/not assignable/); });\nit('infers', () => { expectSnippet('const n = add(1, 2);').toInfer('n', 'number'); });";
    expect(classes(made, 'add.spec.ts')).toEqual(['real', 'real']);
    const direct = "import { snippet as check } from 'ts-snippet';\nit('compiles', () => { check('add(1, 2)').toSucceed(); });";
    expect(classes(direct, 'add.spec.ts')).toEqual(['real']);
    // From another module, a function named for no expectation asserts nothing known (one named for one does: see the marble tests).
    const other = made.replace("'ts-snippet'", "'snippets'").replaceAll('expectSnippet', 'checkSnippet');
    expect(classes(other, 'add.spec.ts')).toEqual(['no-assertion', 'no-assertion']);
    expect(classes(other.replace("from 'snippets'", "from 'ts-snippet'"), 'add.spec.ts')).toEqual(['real', 'real']);
  });

  it('does not take a call of a parameter named for a test function, with no function given, for a declaration', () => {
    // The AI SDK's e2e suites: extra checks handed in, each called with the model; `test` is the callback's parameter.
    const handed = "describe.each(models)('$name', ({ model }) => {\n  it('generates', async () => { expect(await generate(model)).toBeTruthy() });\n  extraTests.forEach((test) => test(model));\n});";
    expect(classes(handed)).toEqual(['real']);
    const helper = "function run(describe, it) { it(model); describe(name); }\nrun(suite, check);\nit('a', () => { expect(f()).toBe(1) });";
    expect(classes(helper)).toEqual(['real']);
    // A parameter that stands for a test function still declares the tests it is given a body for.
    const table = "[it, it.skip].forEach((test) => { test('adds', () => { expect(add(1, 2)).toBe(3) }) });";
    expect(classes(table)).toEqual(['real']);
  });

  it('does not take calls of a test or suite name that a test or suite body binds to another value for declarations', () => {
    // react-hook-form: `const test = jest.fn()` in a test, called from a handler of the component it renders.
    const inTest = "it('sets the value first', () => {\n  const test = jest.fn();\n  render(() => input({ onChange: () => { test(getValues()); } }));\n  change();\n  expect(test).toHaveBeenCalledWith({ a: 1 });\n});";
    expect(classes(inTest)).toEqual(['real']);
    const inSuite = "describe('resolver', () => {\n  const test = jest.fn();\n  it('runs', () => { resolve((a, b) => test(a, b)); expect(test).toHaveBeenCalled(); });\n});\ntest('later', () => { expect(f()).toBe(1) });";
    expect(classes(inSuite)).toEqual(['real', 'real']);
    // A name for the test function itself still declares, and only the body that binds the name is affected.
    const aliased = "describe('x', () => {\n  const test = process.env.CI ? it.skip : it;\n  test('on CI or not', () => { expect(f()).toBe(1) });\n});\ndescribe('y', () => { const it = 1; });\nit('runs', () => { expect(f()).toBe(1) });";
    expect(classes(aliased)).toEqual(['real', 'real']);
    // A test function a helper hands back still declares its titled tests (vite's `const it = await createModuleRunnerTester()`).
    const handedBack = "import { createTester } from './utils';\ndescribe('runner', async () => {\n  const it = await createTester();\n  it('imports', async ({ runner }) => { expect(await runner.import('/a.js')).toBeDefined(); });\n  it.skip(`later`, async () => {});\n});";
    expect(classes(handedBack, 'a.spec.ts')).toEqual(['real', 'skipped']);
    // So do a test context's own methods, destructured (tap's `const { test, end } = t`).
    const subtests = analyzeWithBoth("import t from 'tap';\nt.test('parent', (t) => {\n  const { test } = t;\n  test('child', (t) => { t.equal(f(), 1); t.end(); });\n});", 'a.test.js');
    expect(subtests.tests.map((test) => `${test.title}: ${test.testClass}`)).toEqual(['child: real']);
    // tape's own tests: a harness under test, whose focused and todo tests are the input whose output the test checks.
    const harness = "var t = require('tap');\nvar tape = require('../');\nt.test('only', function (tt) {\n  var test = tape.createHarness();\n  test.createStream().pipe(concat(function (rows) { tt.same(rows, expected); tt.end(); }));\n  test('x', { todo: true }, function (t) { t.end(); });\n  test.only('y', function (t) { t.end(); });\n});";
    expect(analyzeWithBoth(harness, 'test/only.js').tests.map((test) => `${test.title}: ${test.testClass}`)).toEqual(['only: real']);
    // A subtest of a test's context given a function a call makes (tap's `t.test('with diags', bufferedTest({ some: 'diags' }))`).
    const made = analyzeWithBoth("import t from 'tap';\nconst check = (input) => (t) => { t.same(parse(input), input); t.end(); };\nt.test('parses', (t) => {\n  t.test('with diags', check({ diags: 1 }));\n  t.end();\n});", 'a.test.js');
    expect(made.tests.map((test) => test.title)).toEqual(['with diags']);
    // Or the function a factory's promise gives (npm's arborist: `t.test('x', await runTest({ … }))`).
    const awaited = analyzeWithBoth("import t from 'tap';\nconst runTest = async (options) => async (t) => { t.same(await load(options), options); };\nt.test('loads', async (t) => {\n  t.test('with links', await runTest({ links: true }));\n});", 'a.test.js');
    expect(awaited.tests.map((test) => `${test.title}: ${test.testClass}`)).toEqual(['with links: real']);
  });

  it('counts // @ts-expect-error in a test as a type assertion', () => {
    expect(classes("test('rejects a number', () => {\n  // @ts-expect-error not a string\n  greet(1);\n});", 'a.test.ts')).toEqual(['real']);
    expect(classes("test('compiles', () => {\n  greet(1);\n});", 'a.test.ts')).toEqual(['no-assertion']);
  });

  it('counts the top-level expectations of a type-test file, also inside suites', () => {
    expect(classes("import { expectType } from 'tsd';\nexpectType<string>(greet('a'));", 'index.test-d.ts')).toEqual(['real']);
    expect(classes("describe('greet', () => { expectType<string>(greet('a')) });", 'dts/greet.test-d.ts')).toEqual(['real']);
    expect(classes("const x = 1;", 'dts/empty.test-d.ts')).toEqual([]);
    // tsd's folder of type tests, whatever the files are named (type-fest's test-d/and.ts).
    expect(classes("import { expectType } from 'tsd';\nexpectType<true>(and(true, true));", 'test-d/and.ts')).toEqual(['real']);
  });
});

describe('bad input', () => {
  it('reports a binary file as one that does not parse, in one line', () => {
    const analysis = analyzeWithBoth("it('t', () => {});\n\0\x01\x02", 'a.test.js');
    expect(analysis.parseError).toEqual({ message: 'it is binary, not JavaScript or TypeScript', line: 2, column: 1 });
    expect(analysis.tests).toEqual([]);
  });

  it('parses a valid file with NUL bytes in a string or template literal (a blob of control characters)', () => {
    const analysis = analyzeWithBoth("it('blob', async () => {\n  const blob = new Blob([`\u0005\0\0\u0010data`, '\0']);\n  expect(await read(blob)).toBe('data');\n});", 'blob.test.ts');
    expect(analysis.parseError).toBeUndefined();
    expect(analysis.tests.map((test) => test.testClass)).toEqual(['real']);
  });
});
