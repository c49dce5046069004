import { boundNames, calleePath, isFunction, keyName, propertyValue, propertyName, requiredModule, returnedValues, rootName, rootOf, unwrapAwait, walk, type FunctionNode, type t } from './ast.js';
import { throwsInFunctionWithin } from './test-body.js';

/*
 * What the names of a test file stand for: the assert modules, `expect`s, test contexts and helper
 * functions it imports, requires, destructures or defines. The analysis asks; the walks bind.
 */

/** What assertion libraries export under these names asserts: node's and chai's `assert`, referee's `refute`. */
const ASSERT_OBJECTS = new Set(['assert', 'refute']);
/** Assert modules, imported whole or by name: node's and its wrappers, uvu's, and `ist` (ProseMirror's, CodeMirror's and Lezer's `ist(a, b)`, `ist.throws(f)`). */
export const ASSERT_MODULES = new Set(['assert', 'node:assert', 'assert/strict', 'node:assert/strict', 'power-assert', 'uvu/assert', 'ist']);
/**
 * The module of Deno's standard library an import names, however it names it: `@std/assert`, `jsr:@std/assert@^1`,
 * `https://deno.land/std@0.224.0/assert/mod.ts`; `testing/asserts` and `testing/mock` of the older layout.
 */
const DENO_STD = /^(?:jsr:)?@std\/([\w-]+(?:\/[\w-]+)?)(?:@[^/]*)?(?:\/mod\.ts)?$|^https:\/\/deno\.land\/std(?:@[^/]+)?\/([\w/-]+?)(?:\/mod)?\.ts$/;
function denoStdModule(source: string): string | undefined {
  const match = DENO_STD.exec(source);
  return match ? (match[1] ?? match[2])!.replace(/@[^/]*$/, '') : undefined;
}
/** Deno's assertions: all of `@std/assert` (`assertEquals`, `assertRejects`), and those of its mocks (`assertSpyCalls(stub, 0)`). */
function isDenoAssertion(source: string, imported: string): boolean {
  const module = denoStdModule(source);
  // A function's own module too: `https://deno.land/std@0.202.0/assert/assert_equals.ts`, `@std/assert/equals`.
  return module === 'assert' || module?.startsWith('assert/') === true || module === 'testing/asserts' || (module === 'testing/mock' && /^assert[A-Z]/.test(imported));
}
/** Modules that export one assertion as their default, by what it checks: nock's `assertRejects(promise, /No match/)`, tiny-invariant's `invariant(condition, message)`. */
const ASSERTION_FUNCTION_MODULES = new Map([['assert-rejects', 'rejects'], ['tiny-invariant', 'invariant'], ['invariant', 'invariant']]);
/**
 * Functions of packages that assert when given expectations among their options: cli-testlab's
 * `execCommand(cmd, { expectedOutput: '…' })` rejects with an AssertionError when the output differs.
 */
const ASSERTING_OPTIONS = new Map([['cli-testlab', new Map([['execCommand', new Set(['expectedOutput', 'notExpectedOutput', 'expectedErrorMessage'])]])]]);
/** Modules whose default export is an `expect` (jest's standalone one, and its wrappers). */
const EXPECT_MODULES = new Set(['expect', '@jest/expect', 'chai', 'unexpected', 'earl', 'assume', 'expect.js']);
/**
 * Exports of type-test libraries that are an `expect`, or make one: ts-snippet's `snippet(code).toSucceed()`, and
 * `const expectSnippet = expecter(wrap)`, then `expectSnippet(code).toFail(/not assignable/)` (ngrx's type tests).
 */
const EXPECT_EXPORTS = new Map([['ts-snippet', { expects: new Set(['snippet']), factories: new Set(['expecter']) }]]);
/** Modules whose default export is a should object: should.js's `should.equal(a, b)`, `should.exist(x)`, `should.not.exist(err)`. */
const SHOULD_MODULES = new Set(['should']);
/** Property-based testing: `fc.assert(property)` runs the property and fails on a counterexample. */
const PROPERTY_MODULES = new Set(['fast-check', '@fast-check/vitest', '@fast-check/jest']);
/** A local name of an `expect` entry point, whatever module it came from: `jestExpect`, `vExpect`, `expect2`. */
const EXPECT_LIKE_NAME = /^(?:[a-z]\w*)?expect\d*$|Expect\d*$/;
/** A name that says its function checks: `assertRender`, `expectValid`, `checkOutput`, graphql-js's `invariant(condition, message)`. */
export const CHECKING_NAME = /^(?:assert|expect|check|verify|invariant)(?:[A-Z_\d]|$)/;
/**
 * Classes named for the assertions their methods make: effect's `TestSchema.Asserts`, an `Assertions`, an `ExpectationVerifier`,
 * and page objects named to expect (logto's `new ExpectOrganizations(page)`, whose `toExpectTabs('Settings')` waits for the tabs).
 */
const ASSERTING_CLASS = /^(?:(?:[A-Z]\w*)?(?:Asserts|Assertions?|Asserter|Expectations?|Verifier)|(?:Expect|Assert)[A-Z]\w*)$/;
/**
 * Applitools Eyes (`eyes.selenium`, `eyes.protractor`, `@applitools/eyes-playwright`…): an Eyes object's checks
 * (`eyes.checkWindow('Home')`) compare the page with its baseline, and its close() throws on a difference.
 */
const VISUAL_CHECK_MODULE = /^(?:@applitools\/eyes(?:-|$)|eyes\.)/;
/** `TestSchema.Asserts.ast.fields.equals`: a member of a class named to assert (the method itself may be named anything). */
export function isAssertingPath(path: readonly string[] | undefined): boolean {
  return path !== undefined && path.slice(0, -1).some((segment) => ASSERTING_CLASS.test(segment));
}
/** Factories named for the checking functions they make: effect's `const decoding = makeAsserts(getter)`. */
const CHECK_FACTORY = /^(?:make|create|build|get)(?:Asserts?|Assertions?|Asserter|Expects?|Expectations?|Checks?|Checker|Verify|Verifier)(?:[A-Z\d]|$)/;
/** Test-context methods that load a module with some of its imports replaced: tap's `t.mock(path, mocks)`. */
const MOCKED_LOAD_METHODS = new Set(['mock', 'mockRequire', 'mockImport']);
/** Modules whose calls load a module with mocks: `proxyquire(path, stubs)`, `esmock(path, mocks)`, `rewiremock.proxy(path, mocks)`. */
const MOCKED_LOAD_MODULES = new Set(['proxyquire', 'esmock', 'rewiremock']);
/** Names mocha, jest and node:test users give the callback that ends an asynchronous test. */
const DONE_NAMES = new Set(['done', 'cb', 'callback', 'next', 'end', 'finish']);
/** Methods of a test context (`t` of ava, node:test, tap; `p` of tspl) that assert. */
export const CONTEXT_ASSERTIONS = new Set([
  'is', 'not', 'deepEqual', 'notDeepEqual', 'like', 'notLike', 'true', 'false', 'truthy', 'falsy', 'throws', 'throwsAsync',
  'notThrows', 'notThrowsAsync', 'regex', 'notRegex', 'snapshot', 'assert', 'pass', 'fail', 'plan', 'equal', 'equals',
  'notEqual', 'strictEqual', 'notStrictEqual', 'deepStrictEqual', 'notDeepStrictEqual', 'same', 'notSame', 'strictSame',
  'ok', 'notOk', 'match', 'notMatch', 'error', 'ifError', 'rejects', 'resolves', 'resolveMatch', 'type', 'has', 'hasStrict',
  'expect', 'deepEquals', 'matchSnapshot', 'doesNotThrow', 'doesNotReject', 'strictNotSame', 'hasProp', 'hasProps', 'hasOwnProps',
  'notHas', 'emits', 'resolveMatchSnapshot', 'notThrow', 'notThrows', 'completed',
  // zora's
  'eq', 'notEq', 'isNot', 'notEquals',
]);
/** Type assertions (vitest, expect-type, tsd): checked by the compiler, never tautologies. */
export const TYPE_ASSERTIONS = new Set(['expectTypeOf', 'assertType', 'expectType', 'expectError', 'expectAssignable', 'expectNotAssignable', 'expectNotType']);
/** `expect.soft(x).toBe(…)`, `expect.poll(fn).toBe(…)` (Playwright), `chai.expect(x)`, `ctx.expect(x)` (vitest). */
/** `expect.soft(…)`, `expect.poll(…)`, vitest browser mode's `expect.element(locator)`: entries that take a matcher like `expect(…)`. */
const EXPECT_MEMBERS = new Set(['expect', 'soft', 'poll', 'element']);
export const TEST_BASES = new Set(['it', 'test', 'specify', 'xit', 'xtest', 'xspecify', 'fit']);
export const SUITE_BASES = new Set(['describe', 'context', 'suite', 'xdescribe', 'xcontext', 'xsuite', 'fdescribe']);
/**
 * QUnit's functions as the test functions they are, imported (`import { module, test, skip } from 'qunit'`, ember's) or
 * on its global namespace (jQuery's `QUnit.module('core', hooks)`, `QUnit.test('title', (assert) => …)`).
 */
export const QUNIT_FUNCTIONS: Readonly<Record<string, readonly string[]>> = { test: ['test'], module: ['suite'], skip: ['test', 'skip'], only: ['test', 'only'], todo: ['test', 'todo'] };

/** A function a name may stand for: defined in the file, or imported from one of the project's modules. */
export type HelperRef = FunctionNode | { module: string; name: string };

/** What `test.extend({ … })` (also extended again) extends; any other value is itself. */
function extendedTestFunction(value: t.Node): t.Node {
  let current = value;
  while (current.type === 'CallExpression' && current.callee.type === 'MemberExpression' && propertyName(current.callee) === 'extend') current = current.callee.object;
  return current;
}

/** The `exec` of an AVA macro's object: `{ exec(t, input) { … }, title }`. */
function execOf(macro: t.ObjectExpression): FunctionNode | undefined {
  const exec = propertyValue(macro, 'exec');
  return exec && isFunction(exec) ? exec : undefined;
}

/** An object of methods: the matchers a checking function hands back. */
function makesMatchers(value: t.Node): boolean {
  return value.type === 'ObjectExpression' && value.properties.some((property) => property.type === 'Property' && isFunction(property.value));
}

export class Bindings {
  /** Local names bound to an assert module or function (`import assert from 'node:assert/strict'`, `{ strictEqual }`). */
  readonly assertNames = new Map([['assert', 'assert']]);
  /**
   * Local names of `expect`-style entry points (`import { expect as vExpect }`, `const { expect: jestExpect } = require('../')`),
   * and jasmine's global for promises: `await expectAsync(load()).toBeRejectedWithError(TypeError)`.
   */
  readonly expectNames = new Set(['expect', 'expectAsync']);
  /** Local names of property-testing modules: `fc` of fast-check. */
  readonly propertyModules = new Set(['fc']);
  /** Package functions that assert when given one of these options, by local name (see ASSERTING_OPTIONS). */
  readonly optionAssertions = new Map<string, ReadonlySet<string>>();
  /** Test-context methods destructured from the context parameter, by local name: tap's `({ equal })`. */
  readonly contextMethods = new Map<string, string>();
  /** What variables were last assigned, by name (see lastValueOf). */
  private readonly assigned = new Map<string, t.Node>();
  /** Other fixtures destructured from the context parameter, by local name: Playwright's `({ page, visual })`. */
  readonly fixtureNames = new Map<string, string>();
  /** Names of test-context parameters and of what asserts like one: `t` of ava and node:test, tspl's `p = tspl(t)`. */
  readonly contextNames = new Set(['t']);
  /** Functions and methods defined in the file, by name, for helpers that assert on a test's behalf. */
  readonly helpers = new Map<string, HelperRef[]>();
  /** Names bound to the project's modules as a whole (`import * as h from './helpers'`, `const h = require('./helpers')`). */
  readonly moduleNames = new Map<string, string>();
  /** `test`, `it`, `describe` defined as functions of the file (express's `function test(app)`): calling them declares nothing. */
  readonly shadowed = new Set<string>();
  /** Modules the file re-exports whole, for the names it does not bind itself: a barrel's `export * from './lib/e2e-utils'` (see exported). */
  private readonly reexportedWhole: string[] = [];
  /**
   * Names for test functions: one picked at run time (webpack's `const itSkipBun = process.versions.bun ? it.skip : it`),
   * or one extended with fixtures, which is the test function it extends (vitest's `const todoTest = test.extend({ … })`).
   */
  readonly testAliases = new Map<string, t.Node>();
  /** A test framework's functions imported under another name, by local name: `import { test as base } from '@playwright/test'`. */
  readonly importedTests = new Map<string, readonly string[]>();
  /**
   * `expect`s and `assert`s from the project's own modules (`import jestExpect from '../'`, chai's
   * `const { assert } = chai` with `import * as chai from '../index.js'`): the matchers are the code under test.
   */
  readonly expectsUnderTest = new Set<string>();
  /** Whether a runner or an assertion library imported by its name is a package of the repository (see LocalModules.isOwnTestLibrary). */
  isOwnTestLibrary: (source: string) => boolean = () => false;
  /** Imported functions that make an `expect`, by local name, with their module (see EXPECT_EXPORTS). */
  private readonly expectFactories = new Map<string, string>();
  /** chai's should object, `const should = chai.should()`: `should.equal(a, b)`, `should.not.exist(x)` assert. */
  readonly shouldNames = new Set<string>();
  /** Modules imported or required whole, by local name and source, for what is taken from them later. */
  private readonly wholeModules = new Map<string, string>();
  /** Mocks with expectations: `const mock = sinon.mock(api)` (`mock.verify()` asserts them), nock's `const scope = nock(url)…` (`scope.done()`). */
  readonly mockNames = new Set<string>();
  /**
   * Variables holding an expectation: `let expector = expect(x)`, then `expector.not.toBe(…)`; or an
   * object of a class named to assert, and what its methods give: effect's
   * `const asserts = new TestSchema.Asserts(schema)`, `const make = asserts.make()`, then `make.succeed(…)`.
   */
  readonly expectations = new Set<string>();
  /** The classes the file declares, for the checking functions factories make of them (see bindValue). */
  private readonly classes = new Map<string, t.Class>();
  /** What the file's variables were given, by name, for the mocks a module is loaded with (see throwingMocks). */
  private readonly values = new Map<string, t.Node>();
  /**
   * What was loaded with mocks that throw when called: npm's `const Arborist = t.mock('../lib/arborist', { chownr })`,
   * chownr throwing 'should not chown', so that a test that reifies fails if the code chowns.
   */
  private readonly throwingMocks = new Set<string>();
  /** Whether each function of the file hands back an expectation (see expectationHelperCallOf), once asked. */
  private readonly expectationHelpers = new Map<FunctionNode, boolean>();
  /** The loads with mocks that throw, for the names a test declares itself (see usesThrowingMock). */
  private readonly throwingLoads = new Set<t.Node>();

  bind(node: t.Node): void {
    switch (node.type) {
      case 'ImportDeclaration':
        this.bindImport(node);
        break;
      case 'VariableDeclarator':
        if (node.init) this.bindValue(node.id, node.init);
        break;
      case 'AssignmentExpression':
        this.bindAssignment(node);
        break;
      case 'FunctionDeclaration':
        if (node.id && node.body) this.addHelper(node.id.name, node as FunctionNode);
        if (node.id) this.shadow(node.id.name);
        break;
      case 'ClassDeclaration':
        if (node.id) this.classes.set(node.id.name, node);
        break;
      case 'ExportDefaultDeclaration':
        if (node.declaration.type === 'Identifier') this.alias('default', node.declaration.name);
        // `export default new LoginPage()`: an object, whose methods a test calls.
        else if (node.declaration.type === 'NewExpression' || node.declaration.type === 'ObjectExpression') this.values.set('default', node.declaration);
        else if ((node.declaration.type === 'FunctionDeclaration' && node.declaration.body) || isFunction(node.declaration)) this.addHelper('default', node.declaration as FunctionNode);
        break;
      case 'ExportNamedDeclaration':
        if (node.source) for (const specifier of node.specifiers) this.bindReexport(node.source.value, specifier);
        break;
      case 'ExportAllDeclaration':
        if (!node.exported) this.reexportedWhole.push(node.source.value);
        break;
      // Methods of objects and classes are properties whose values are functions.
      case 'MethodDefinition':
      case 'Property':
      case 'PropertyDefinition':
        if (node.key.type === 'Identifier' && node.value) {
          if (isFunction(node.value)) this.addHelper(node.key.name, node.value);
          else if (node.value.type === 'Identifier' && node.value.name !== node.key.name) this.alias(node.key.name, node.value.name);
        }
        break;
    }
  }
  private bindImport(node: t.ImportDeclaration): void {
    const source = node.source.value;
    const fromAssert = ASSERT_MODULES.has(source) || isDenoAssertion(source, 'assert');
    for (const specifier of node.specifiers) {
      const local = specifier.local.name;
      if (specifier.type !== 'ImportSpecifier') {
        this.wholeModules.set(local, source);
        // import assert from 'node:assert'; import jestExpect from '../'; import * as fc from 'fast-check'
        if (fromAssert) this.addAssert(local, 'assert', source);
        else if (ASSERTION_FUNCTION_MODULES.has(source) && specifier.type === 'ImportDefaultSpecifier') this.assertNames.set(local, ASSERTION_FUNCTION_MODULES.get(source)!);
        else if (EXPECT_MODULES.has(source) || EXPECT_LIKE_NAME.test(local)) this.addExpect(local, source);
        else if (SHOULD_MODULES.has(source) && specifier.type === 'ImportDefaultSpecifier') this.shouldNames.add(local);
        else if (PROPERTY_MODULES.has(source)) this.propertyModules.add(local);
        else if (specifier.type === 'ImportNamespaceSpecifier') this.moduleNames.set(local, source);
        else this.addImported(local, source, 'default');
        continue;
      }
      const imported = keyName(specifier.imported) ?? 'default';
      if (fromAssert || ASSERT_OBJECTS.has(imported) || isDenoAssertion(source, imported)) this.addAssert(local, imported === 'default' ? 'assert' : imported, source);
      else if (imported === 'expect' || EXPECT_LIKE_NAME.test(local) || EXPECT_EXPORTS.get(source)?.expects.has(imported)) this.addExpect(local, source);
      else if (EXPECT_EXPORTS.get(source)?.factories.has(imported)) this.expectFactories.set(local, source);
      else if (imported === 'fc' && PROPERTY_MODULES.has(source)) this.propertyModules.add(local);
      // import { test as base } from '@playwright/test': a test framework's function under another name. Not Playwright's
      // setup projects' `import { test as setup }` (nuxt's global.setup.ts): steps that prepare the suite, not tests.
      else if (local !== imported && (TEST_BASES.has(imported) || SUITE_BASES.has(imported)) && !source.startsWith('.') && !/setup|teardown/i.test(local)) this.importedTests.set(local, [imported]);
      else if (source === 'qunit' && Object.hasOwn(QUNIT_FUNCTIONS, imported) && imported !== 'test') this.importedTests.set(local, QUNIT_FUNCTIONS[imported]!);
      else if (!this.addOptionAssertion(local, source, imported)) this.addImported(local, source, imported);
    }
  }
  private bindReexport(source: string, specifier: t.ExportSpecifier): void {
    const exported = keyName(specifier.exported);
    const local = keyName(specifier.local);
    if (exported && local) this.addImported(exported, source, local);
  }
  /**
   * What a declaration binds: `const assert = require('assert')`, `const { expect: jestExpect } = require('../')`,
   * `const p = tspl(t, { plan: 2 })`, `const check = verify.bind(null, x)`, `const helper = () => …`.
   */
  private bindValue(pattern: t.Node, init: t.Node): void {
    const value = unwrapAwait(init);
    if (pattern.type === 'Identifier') this.values.set(pattern.name, value);
    if (this.loadsWithThrowingMocks(value)) {
      this.throwingLoads.add(value);
      for (const name of boundNames(pattern)) this.throwingMocks.add(name);
    }
    const source = requiredModule(value);
    if (source !== undefined) {
      this.bindRequire(pattern, source);
      return;
    }
    if (pattern.type === 'Identifier' && value.type === 'MemberExpression' && isAssertingPath(calleePath(value))) {
      // const equals = TestSchema.Asserts.ast.fields.equals
      this.assertNames.set(pattern.name, propertyName(value) ?? 'assert');
      return;
    }
    if (this.bindLibraryMember(pattern, value)) return;
    if (pattern.type !== 'Identifier') return;
    const name = pattern.name;
    if (isFunction(value)) {
      this.addHelper(name, value);
      this.shadow(name);
    } else if ((value.type === 'ConditionalExpression' || extendedTestFunction(value) !== value) && this.picksTestFunction(extendedTestFunction(value))) {
      this.testAliases.set(name, extendedTestFunction(value));
    } else if (this.expectCallOf(value) && !(value.type === 'CallExpression' && value.callee.type === 'MemberExpression' && this.expectCallOf(value.callee.object))) {
      this.expectations.add(name);
    } else if (this.isAssertingObject(value)) {
      this.expectations.add(name);
    } else if (value.type === 'Identifier') this.alias(name, value.name);
    else if (value.type === 'CallExpression') {
      const callee = value.callee;
      // tspl: const p = tspl(t, { plan: 1 }); p.equal(…)
      const first = value.arguments[0];
      if ((callee.type === 'Identifier' && callee.name === 'tspl') || (first?.type === 'Identifier' && this.contextNames.has(first.name) && callee.type === 'Identifier' && /plan|tspl/i.test(callee.name))) {
        this.contextNames.add(name);
      } else if (callee.type === 'MemberExpression' && propertyName(callee) === 'bind' && callee.object.type === 'Identifier') {
        this.alias(name, callee.object.name);
      } else if (callee.type === 'MemberExpression' && propertyName(callee) === 'macro' && this.picksTestFunction(callee.object)) {
        // AVA's `const macro = test.macro((t, a, b) => …)` or `test.macro({ exec(t, a, b) { … }, title })`, then `test(macro, 2, 2)`.
        const exec = first && isFunction(first) ? first : first?.type === 'ObjectExpression' ? execOf(first) : undefined;
        if (exec) this.addHelper(name, exec);
      } else if (callee.type === 'MemberExpression' && propertyName(callee) === 'mock') {
        this.mockNames.add(name);
      } else if (calleePath(value)?.[0] === 'nock') {
        // const scope = nock(url).get('/').reply(200): scope.done() asserts that every request was made
        this.mockNames.add(name);
      } else if (callee.type === 'Identifier' && this.expectFactories.has(callee.name)) {
        this.addExpect(name, this.expectFactories.get(callee.name)!);
      } else if (callee.type === 'Identifier' && (CHECKING_NAME.test(name) || CHECK_FACTORY.test(callee.name))) {
        // const assertRender = makeAssertRender(() => container): a checking function a factory made asserts as the factory's code does,
        // or as what it is made of: lit's `const checkPart = directive(CheckNodePropertiesBehavior)`, whose update() asserts. A factory
        // named to make them makes one under any name: effect's `const decoding = makeAsserts(getter)`.
        this.alias(name, callee.name);
        for (const argument of value.arguments) this.addMadeOf(name, argument);
      } else if (CHECKING_NAME.test(name)) {
        // const expectMarkdown = Effect.fnUntraced(function* (…) { … }): under a checking name, the function a wrapper runs.
        for (const argument of value.arguments) if (isFunction(argument)) this.addHelper(name, argument);
      }
    }
  }
  /** An object of a class named to assert (`new TestSchema.Asserts(schema)`), or what a method of one held in a variable gives. */
  isAssertingObject(value: t.Node): boolean {
    if (value.type === 'NewExpression') return ASSERTING_CLASS.test(calleePath(value.callee)?.at(-1) ?? '') || this.isVisualChecker(value.callee);
    if (value.type !== 'CallExpression' || value.callee.type !== 'MemberExpression') return false;
    const root = rootOf(value.callee);
    return root.type === 'Identifier' && this.expectations.has(root.name) && !this.expectCallOf(value);
  }
  /** Applitools' Eyes, however imported or required: `new Eyes()`, `new (require('eyes.selenium').Eyes)()`, `new applitools.Eyes()`. */
  private isVisualChecker(callee: t.Node): boolean {
    let module: string | undefined;
    if (callee.type === 'Identifier') module = this.helpers.get(callee.name)?.find((ref): ref is { module: string; name: string } => !('type' in ref) && ref.module !== '')?.module;
    else if (callee.type === 'MemberExpression') module = callee.object.type === 'Identifier' ? (this.wholeModules.get(callee.object.name) ?? this.moduleNames.get(callee.object.name)) : requiredModule(callee.object);
    return module !== undefined && VISUAL_CHECK_MODULE.test(module);
  }
  /** `t.mock(path, mocks)`, `proxyquire(path, stubs)`, `await esmock(path, mocks)`, where a function of the mocks throws a new error. */
  private loadsWithThrowingMocks(value: t.Node): boolean {
    if (value.type !== 'CallExpression') return false;
    const callee = value.callee;
    const fromContext = callee.type === 'MemberExpression' && MOCKED_LOAD_METHODS.has(propertyName(callee) ?? '') && callee.object.type === 'Identifier' && (this.contextNames.has(callee.object.name) || this.wholeModules.get(callee.object.name) === 'tap');
    const root = rootName(callee);
    const fromLoader = root !== undefined && (MOCKED_LOAD_MODULES.has(root) || MOCKED_LOAD_MODULES.has(this.wholeModules.get(root) ?? ''));
    const mocks = value.arguments[1];
    if (!mocks || !(fromContext || fromLoader)) return false;
    if (throwsInFunctionWithin(mocks)) return true;
    // `{ chownr }`, `{ fs: { chown: noChown } }`: mocks made before, in variables or functions of the file.
    let found = false;
    walk(mocks, (node) => {
      if (node.type === 'Property' && node.value.type === 'Identifier') {
        const given = this.values.get(node.value.name) ?? this.localFunction(node.value.name);
        if (given && throwsInFunctionWithin(given)) found = true;
      }
      return !found;
    });
    return found;
  }
  /**
   * Whether `node` uses what was loaded with mocks that throw (see throwingMocks). A name it declares
   * itself is its own load (tap's tests each `const { plugin } = await t.mockImport(…)` with mocks of their own).
   */
  usesThrowingMock(node: t.Node): boolean {
    if (this.throwingMocks.size === 0) return false;
    const declared = new Map<string, boolean>();
    walk(node, (child) => {
      if (child.type === 'VariableDeclarator') {
        const throwing = child.init !== null && child.init !== undefined && this.throwingLoads.has(unwrapAwait(child.init));
        for (const name of boundNames(child.id)) declared.set(name, throwing || (declared.get(name) ?? false));
      }
    });
    let found = false;
    walk(node, (child) => {
      if (child.type === 'Identifier' && (declared.get(child.name) ?? this.throwingMocks.has(child.name))) found = true;
      return !found;
    });
    return found;
  }
  /**
   * What is taken from a module imported whole: `const { assert, expect } = chai`,
   * `const expect = chai.expect`, `const should = chai.should()` (or `require('chai').should()`).
   */
  private bindLibraryMember(pattern: t.Node, value: t.Node): boolean {
    if (value.type === 'Identifier' && this.wholeModules.has(value.name)) {
      if (pattern.type !== 'ObjectPattern') return false;
      this.bindRequire(pattern, this.wholeModules.get(value.name)!);
      return true;
    }
    // A method of an assert object under a name of its own: `const same = assert.deepStrictEqual` (vitest's assert), `const { equal } = assert`.
    if (value.type === 'Identifier' && this.assertNames.has(value.name) && pattern.type === 'ObjectPattern') {
      for (const property of pattern.properties) {
        if (property.type === 'Property' && property.value.type === 'Identifier') this.aliasAssert(property.value.name, value.name, keyName(property.key) ?? 'assert');
      }
      return true;
    }
    if (pattern.type !== 'Identifier') return false;
    if (value.type === 'MemberExpression' && value.object.type === 'Identifier' && this.assertNames.has(value.object.name)) {
      this.aliasAssert(pattern.name, value.object.name, propertyName(value) ?? 'assert');
      return true;
    }
    const call = value.type === 'CallExpression' && value.callee.type === 'MemberExpression' ? value.callee : undefined;
    const member = call ?? (value.type === 'MemberExpression' ? value : undefined);
    if (!member) return false;
    const source = member.object.type === 'Identifier' ? this.wholeModules.get(member.object.name) : requiredModule(member.object);
    const name = propertyName(member);
    if (source === undefined || !name) return false;
    if (call && (name === 'should' || name === 'Should')) this.shouldNames.add(pattern.name);
    else if (call) return false;
    else if (name === 'expect') this.addExpect(pattern.name, source);
    // const equal = require('assert').equal
    else if (ASSERT_OBJECTS.has(name) || ASSERT_MODULES.has(source)) this.addAssert(pattern.name, name, source);
    // sequelize's `const expectsql = Support.expectsql` with `const Support = require('../support')`
    else if (!this.addOptionAssertion(pattern.name, source, name)) this.addImported(pattern.name, source, name);
    return true;
  }
  /** A function of ASSERTING_OPTIONS, bound to `local`; false for any other. */
  private addOptionAssertion(local: string, source: string, imported: string): boolean {
    const options = ASSERTING_OPTIONS.get(source)?.get(imported);
    if (options) this.optionAssertions.set(local, options);
    return options !== undefined;
  }
  private addAssert(local: string, method: string, source: string): void {
    this.assertNames.set(local, method);
    if (source.startsWith('.') || this.isOwnTestLibrary(source)) this.expectsUnderTest.add(local);
  }
  /** `local` is the `method` of the assert object `object`, and is the code under test where that is. */
  private aliasAssert(local: string, object: string, method: string): void {
    this.assertNames.set(local, method);
    if (this.expectsUnderTest.has(object)) this.expectsUnderTest.add(local);
  }
  private bindRequire(pattern: t.Node, source: string): void {
    const fromAssert = ASSERT_MODULES.has(source);
    if (pattern.type === 'Identifier') {
      this.wholeModules.set(pattern.name, source);
      if (fromAssert) this.addAssert(pattern.name, 'assert', source);
      else if (ASSERTION_FUNCTION_MODULES.has(source)) this.assertNames.set(pattern.name, ASSERTION_FUNCTION_MODULES.get(source)!);
      else if (EXPECT_MODULES.has(source) || EXPECT_LIKE_NAME.test(pattern.name)) this.addExpect(pattern.name, source);
      else if (SHOULD_MODULES.has(source)) this.shouldNames.add(pattern.name);
      else if (PROPERTY_MODULES.has(source)) this.propertyModules.add(pattern.name);
      else {
        this.moduleNames.set(pattern.name, source);
        this.addImported(pattern.name, source, 'default');
      }
      return;
    }
    if (pattern.type !== 'ObjectPattern') return;
    for (const property of pattern.properties) {
      if (property.type !== 'Property' || property.value.type !== 'Identifier') continue;
      const key = keyName(property.key);
      const local = property.value.name;
      if (fromAssert || ASSERT_OBJECTS.has(key ?? '')) this.addAssert(local, key ?? 'assert', source);
      else if (key === 'expect' || EXPECT_LIKE_NAME.test(local)) this.addExpect(local, source);
      else if (key && !this.addOptionAssertion(local, source, key)) this.addImported(local, source, key);
    }
  }
  /**
   * A helper assigned after its declaration (`let check; beforeEach(() => { check = (x) => … })`,
   * mocha's `this.check = …` shared by a hook with its tests), and the CommonJS exports of a helper
   * module: `module.exports = fn`, `exports.check = fn`, `module.exports.check = check`.
   */
  private bindAssignment(node: t.AssignmentExpression): void {
    const left = node.left;
    // `app = await setupApp(config)` in a hook, for `app.createSegment(…)` in the tests (see AssertionFinder.madeByHelper).
    if (left.type === 'Identifier' && !isFunction(node.right)) this.assigned.set(left.name, node.right);
    // `this.check = …`, and a method of an object of the file's own (hapi's `const internals = {}`, then `internals.test = function (…) { … }`).
    const ownObject = left.type === 'MemberExpression' && !left.computed && (left.object.type === 'ThisExpression' || (left.object.type === 'Identifier' && this.values.get(left.object.name)?.type === 'ObjectExpression'));
    const assigned = left.type === 'Identifier' ? left.name : ownObject ? propertyName(left as t.MemberExpression) : undefined;
    // Every function assigned to the name is one it may stand for when called: any that asserts, asserts.
    if (assigned !== undefined && isFunction(node.right)) {
      this.addHelper(assigned, node.right);
      return;
    }
    // A page object named to expect, made in one test for the next: logto's `experience = new ExpectExperience(await browser.newPage())`.
    if (left.type === 'Identifier' && this.isAssertingObject(unwrapAwait(node.right))) {
      this.expectations.add(left.name);
      return;
    }
    // chai's own `theGlobal.globalShould = chai.should()`, then `globalShould.not.exist(x)`: a should object made a global.
    if (node.left.type === 'MemberExpression' && this.makesShould(node.right)) {
      const global = propertyName(node.left);
      if (global) this.shouldNames.add(global);
      return;
    }
    const target = node.left.type === 'MemberExpression' ? calleePath(node.left) : undefined;
    if (!target) return;
    const name = target.length === 2 && target[0] === 'module' && target[1] === 'exports' ? 'default' : target.at(-1);
    if (!name || !(target[0] === 'exports' || (target[0] === 'module' && target[1] === 'exports'))) return;
    if (isFunction(node.right)) this.addHelper(name, node.right);
    else if (node.right.type === 'Identifier') this.alias(name, node.right.name);
  }
  /** `chai.should()`, `require('chai').Should()`: the should object of a module (chai, or chai's own `../index.js`), as bindLibraryMember binds it. */
  private makesShould(value: t.Node): boolean {
    if (value.type !== 'CallExpression' || value.callee.type !== 'MemberExpression') return false;
    const object = value.callee.object;
    const source = object.type === 'Identifier' ? this.wholeModules.get(object.name) : requiredModule(object);
    const name = propertyName(value.callee);
    return source !== undefined && (name === 'should' || name === 'Should');
  }
  /**
   * An `expect` from the project's own modules (`import jestExpect from '../'`), or from a runner that is a package of the
   * repository (vitest's `import { expect } from 'vitest'` in vitest's own tests), is the code under test: comparing constants with
   * it checks the matcher, so it is never a tautology.
   */
  private addExpect(local: string, source: string): void {
    this.expectNames.add(local);
    if (source.startsWith('.') || this.isOwnTestLibrary(source)) this.expectsUnderTest.add(local);
    else this.expectsUnderTest.delete(local);
  }
  /** A function of the file named `test` or `it` (express's `function test(app)`) declares no test when called. */
  private shadow(name: string): void {
    if (TEST_BASES.has(name) || SUITE_BASES.has(name)) this.shadowed.add(name);
  }
  /** A test or suite function (`it.skip`, a name for one), or a choice between them: `cond ? it : it.skip`, `skip ? it.skip : solo ? it.only : it`. */
  picksTestFunction(node: t.Node): boolean {
    if (node.type === 'ConditionalExpression') return this.picksTestFunction(node.consequent) && this.picksTestFunction(node.alternate);
    const root = rootName(node);
    return root !== undefined && (TEST_BASES.has(root) || SUITE_BASES.has(root) || this.testAliases.has(root) || this.importedTests.has(root));
  }
  /** What the module exports as `name`: what it binds to it, else the name from a module it re-exports whole (`export * from './lib/e2e-utils'`). */
  exported(name: string): HelperRef[] {
    return this.helpers.get(name) ?? (name === 'default' ? [] : this.reexportedWhole.map((module) => ({ module, name })));
  }
  addHelper(name: string, fn: HelperRef): void {
    const list = this.helpers.get(name);
    if (!list) this.helpers.set(name, [fn]);
    else if (!list.includes(fn)) list.push(fn);
  }
  /** `name` stands for whatever `target` stands for, now or once bound later in the file. */
  /** The functions of what a factory is given: a function, or the methods of a class (written there, or declared in the file). */
  private addMadeOf(name: string, argument: t.Node): void {
    if (isFunction(argument)) this.addHelper(name, argument);
    const made = argument.type === 'ClassExpression' ? argument : argument.type === 'Identifier' ? this.classes.get(argument.name) : undefined;
    for (const member of made?.body.body ?? []) if (member.type === 'MethodDefinition' && isFunction(member.value)) this.addHelper(name, member.value);
  }
  private alias(name: string, target: string): void {
    this.addHelper(name, { module: '', name: target });
  }
  /** Relative imports, and bare ones that may be the project's own through an alias (`~utils`, `#helpers`). */
  private addImported(local: string, source: string, imported: string): void {
    if (!source.startsWith('node:')) this.addHelper(local, { module: source, name: imported });
  }
  /**
   * The first parameter of a test function is its context (`t` of ava and node:test, `ctx`), or
   * destructures it (vitest's `({ expect })`, tap's `({ equal, same })`), or is mocha's `done`.
   * Returns the name of the `done` callback.
   */
  bindContext(params: FunctionNode['params']): string | undefined {
    const [first, second] = params;
    if (first?.type === 'Identifier') {
      if (DONE_NAMES.has(first.name)) return first.name;
      this.contextNames.add(first.name);
      // node:test: (t, done) => …
      return second?.type === 'Identifier' ? second.name : undefined;
    }
    if (first?.type !== 'ObjectPattern') return undefined;
    for (const property of first.properties) {
      if (property.type !== 'Property' || property.value.type !== 'Identifier') continue;
      const method = keyName(property.key);
      if (method === 'expect') this.expectNames.add(property.value.name);
      else if (method && CONTEXT_ASSERTIONS.has(method)) this.contextMethods.set(property.value.name, method);
      else if (method) this.fixtureNames.set(property.value.name, method);
    }
    return undefined;
  }
  /** The `expect(…)` call a matcher chain starts from, when `node` is such a chain (`expect(x).resolves.not`). */
  expectCallOf(node: t.Node): t.CallExpression | undefined {
    let current: t.Node = node;
    for (;;) {
      if (current.type === 'MemberExpression') current = current.object;
      else if (current.type === 'CallExpression') {
        if (this.isExpectEntry(current.callee)) return current;
        current = current.callee;
      } else if (current.type === 'TSNonNullExpression') current = current.expression;
      else return undefined;
    }
  }
  /**
   * The call of a function of the file that hands back an expectation, where a matcher chain starts
   * from one: graphql-js's `expectErrors(result).to.deep.equal([…])` with
   * `function expectErrors(result) { return expect(result.errors) }`, or `expectStripped(doc).toEqual(…)`
   * where a function named to check returns matchers of its own (`{ toEqual(expected) { invariant(…) } }`).
   */
  expectationHelperCallOf(node: t.Node): t.CallExpression | undefined {
    return this.callsAlong(node).find(({ name }) => this.returnsExpectation(name))?.call;
  }
  /** The calls of a name along a chain, outermost first: `a(x).b(y)` gives the call of `a`. */
  private callsAlong(node: t.Node): Array<{ call: t.CallExpression; name: string }> {
    const calls: Array<{ call: t.CallExpression; name: string }> = [];
    for (let current: t.Node | undefined = node; current;) {
      if (current.type === 'MemberExpression') current = current.object;
      else if (current.type === 'TSNonNullExpression') current = current.expression;
      else if (current.type === 'CallExpression') {
        if (current.callee.type === 'Identifier') calls.push({ call: current, name: current.callee.name });
        current = current.callee;
      } else current = undefined;
    }
    return calls;
  }
  /** Whether a function of the file hands back an expectation, through other functions to any depth: followed with a work list. */
  private returnsExpectation(name: string): boolean {
    const start = this.localFunction(name);
    if (!start) return false;
    const known = this.expectationHelpers.get(start);
    if (known !== undefined) return known;
    let hands = false;
    const seen = new Set<FunctionNode>([start]);
    const pending: Array<{ fn: FunctionNode; name: string }> = [{ fn: start, name }];
    while (!hands && pending.length > 0) {
      const { fn, name: fnName } = pending.pop()!;
      for (const value of returnedValues(fn)) {
        if (this.expectCallOf(value) !== undefined || (CHECKING_NAME.test(fnName) && makesMatchers(value))) hands = true;
        for (const { name: calledName } of this.callsAlong(value)) {
          const called = this.localFunction(calledName);
          if (called && !seen.has(called)) {
            seen.add(called);
            pending.push({ fn: called, name: calledName });
          }
        }
      }
    }
    this.expectationHelpers.set(start, hands);
    return hands;
  }
  isExpectEntry(callee: t.Node): boolean {
    if (callee.type === 'Identifier') return this.expectNames.has(callee.name) || TYPE_ASSERTIONS.has(callee.name);
    if (callee.type !== 'MemberExpression') return false;
    const name = propertyName(callee);
    if (name === undefined || !EXPECT_MEMBERS.has(name)) return false;
    // Playwright's `test.expect.poll(…)` and `test.expect.soft(…)`, of the test function's own `expect`.
    const object = callee.object;
    if (object.type === 'MemberExpression') return name !== 'expect' && object.object.type === 'Identifier' && propertyName(object) === 'expect';
    return object.type === 'Identifier' && (name === 'expect' || this.expectNames.has(object.name));
  }
  /** What a variable of the file was given where it was declared (`const model = createModel()`: the call). */
  valueOf(name: string): t.Node | undefined {
    return this.values.get(name);
  }
  /** What a variable was given last where it was declared or assigned (`let app; beforeAll(async () => { app = await setupApp() })`). */
  lastValueOf(name: string): t.Node | undefined {
    return this.assigned.get(name) ?? this.values.get(name);
  }

  /** The class the file declares under `name`. */
  classNamed(name: string): t.Class | undefined {
    return this.classes.get(name);
  }

  /** The function a name of the file stands for, through aliases (`const run = check`), if there is one. */
  localFunction(name: string): FunctionNode | undefined {
    const seen = new Set<string>();
    for (let current: string | undefined = name; current !== undefined && !seen.has(current);) {
      seen.add(current);
      const refs: HelperRef[] = this.helpers.get(current) ?? [];
      const fn = refs.find((ref): ref is FunctionNode => 'type' in ref);
      if (fn) return fn;
      current = refs.find((ref): ref is { module: string; name: string } => !('type' in ref) && ref.module === '')?.name;
    }
    return undefined;
  }
}
