import { parse, type ParserPlugin } from '@babel/parser';
import type * as t from '@babel/types';
import VISITOR_KEYS from './visitor-keys.json' with { type: 'json' };
import { compileAssertPatterns, type AssertPatterns } from './assert-patterns.js';

/** What a test case amounts to. Every class but `real` is a way for CI to be green without checking anything. */
export type TestClass = 'real' | 'empty' | 'no-assertion' | 'tautology' | 'skipped' | 'todo' | 'focused';

export const TEST_CLASSES: readonly TestClass[] = ['real', 'empty', 'no-assertion', 'tautology', 'skipped', 'todo', 'focused'];

export interface SourceLocation {
  line: number;
  /** 1-based. */
  column: number;
}

export interface TestCase extends SourceLocation {
  title: string;
  testClass: TestClass;
}

export interface FileAnalysis {
  tests: TestCase[];
  /** `describe.only`, `fdescribe`, `test.describe.only`: they silence every test outside them. */
  focusedSuites: Array<SourceLocation & { title: string }>;
  parseError?: SourceLocation & { message: string };
}

export interface AnalyzeOptions {
  assertPatterns?: AssertPatterns;
}

const TEST_BASES = new Set(['it', 'test', 'specify', 'xit', 'xtest', 'xspecify', 'fit']);
const SUITE_BASES = new Set(['describe', 'context', 'suite', 'xdescribe', 'xcontext', 'xsuite', 'fdescribe']);
const HOOKS = new Set(['beforeEach', 'afterEach', 'beforeAll', 'afterAll', 'before', 'after', 'setup', 'teardown', 'suiteSetup', 'suiteTeardown']);
/** Chain members that keep a call a test declaration: `test.concurrent.each(…)(…)`, `it.only`, `test.describe.serial`. */
const MODIFIERS = new Set(['skip', 'only', 'todo', 'each', 'for', 'concurrent', 'sequential', 'serial', 'parallel', 'failing', 'fails', 'fixme', 'fail', 'runIf', 'skipIf', 'shuffle', 'describe', 'cb']);
/** Members whose call returns the function that then takes the title: `test.each(table)(title, fn)`. */
const CURRIED = new Set(['each', 'for', 'runIf', 'skipIf']);
const SKIP_MODIFIERS = new Set(['skip', 'fixme']);

/** Methods of a test context (`t` of ava, node:test, tap) that assert. */
const CONTEXT_ASSERTIONS = new Set([
  'is', 'not', 'deepEqual', 'notDeepEqual', 'like', 'notLike', 'true', 'false', 'truthy', 'falsy', 'throws', 'throwsAsync',
  'notThrows', 'notThrowsAsync', 'regex', 'notRegex', 'snapshot', 'assert', 'pass', 'fail', 'plan', 'equal', 'equals',
  'notEqual', 'strictEqual', 'notStrictEqual', 'deepStrictEqual', 'notDeepStrictEqual', 'same', 'notSame', 'strictSame',
  'ok', 'notOk', 'match', 'notMatch', 'error', 'ifError', 'rejects', 'resolves', 'resolveMatch', 'type', 'has', 'hasStrict',
  'expect', 'deepEquals', 'matchSnapshot', 'doesNotThrow', 'doesNotReject', 'strictNotSame', 'hasProp', 'hasProps', 'hasOwnProps',
  'notHas', 'emits', 'resolveMatchSnapshot', 'notThrow', 'notThrows',
]);
/** Assertions that prove something whatever their arguments (they count the assertions or fail a path). */
const LIVE_WHATEVER_ARGUMENTS = new Set(['plan', 'fail', 'assertions', 'hasAssertions', 'throws', 'rejects', 'doesNotThrow', 'doesNotReject']);
/** Assertions that pass whatever the code does. */
const ALWAYS_PASSING = new Set(['pass']);
/** chai assertions written as properties, without a call: `expect(x).to.be.true`. */
const CHAI_PROPERTY_ASSERTIONS = new Set([
  'ok', 'true', 'false', 'null', 'undefined', 'NaN', 'exist', 'empty', 'arguments', 'extensible', 'sealed', 'frozen', 'finite',
  'called', 'calledOnce', 'calledTwice', 'calledThrice', 'notCalled', 'fulfilled', 'rejected',
]);
const EXPECT_NAMES = new Set(['expect', 'expectTypeOf']);
/** `expect.soft(x).toBe(…)`, `expect.poll(fn).toBe(…)` (Playwright), `chai.expect(x)`, `ctx.expect(x)` (vitest). */
const EXPECT_MEMBERS = new Set(['expect', 'soft', 'poll']);
const ASSERT_MODULES = new Set(['assert', 'node:assert', 'assert/strict', 'node:assert/strict']);
/** Statements that skip the test they stand in, unconditionally: `this.skip()`, `t.skip()`, `pending()`, `test.skip()`. */
const RUNTIME_SKIPS = new Set(['skip', 'fixme']);

/** Children that hold types or decorators: they cannot contain tests or assertions. */
const SKIPPED_KEYS = new Set(['typeAnnotation', 'typeParameters', 'typeArguments', 'superTypeParameters', 'returnType', 'implements', 'decorators']);

type AssertionKind = 'live' | 'constant';

type FunctionNode = t.ArrowFunctionExpression | t.FunctionExpression | t.FunctionDeclaration | t.ObjectMethod | t.ClassMethod;

/** Flags a suite passes down to what it declares. */
interface Scope {
  skipped: boolean;
  todo: boolean;
  /** A hook (`beforeEach`, `afterEach` …) of an enclosing suite asserts, on behalf of every test. */
  hookAsserts: boolean;
}

/** A test or suite declaration: `it.skip('title', fn)`, `describe.each(table)('title', fn)`, `t.test('title', fn)`. */
interface Declaration {
  kind: 'test' | 'suite';
  base: string;
  modifiers: string[];
}

function parserPlugins(file: string): ParserPlugin[] {
  const typescript = /\.[cm]?tsx?$/.test(file);
  const plugins: ParserPlugin[] = ['decorators-legacy', 'explicitResourceManagement'];
  if (typescript) plugins.push('typescript');
  if (!typescript || file.endsWith('.tsx')) plugins.push('jsx');
  return plugins;
}

function parseSource(code: string, file: string): t.File {
  return parse(code, {
    sourceType: /\.[cm]?tsx?$/.test(file) ? 'module' : 'unambiguous',
    plugins: parserPlugins(file),
    errorRecovery: true,
    attachComment: false,
    allowReturnOutsideFunction: true,
    allowAwaitOutsideFunction: true,
    allowImportExportEverywhere: true,
    allowUndeclaredExports: true,
  });
}

/** Parses one test file and classifies every test it declares. A file that does not parse says so, and where. */
export function analyzeTestFile(code: string, file: string, options: AnalyzeOptions = {}): FileAnalysis {
  let program: t.File;
  try {
    program = parseSource(code, file);
  } catch (error) {
    const { loc, message } = error as { loc?: { line: number; column: number }; message: string };
    return {
      tests: [],
      focusedSuites: [],
      parseError: { message: message.replace(/\s*\(\d+:\d+\)$/, ''), line: loc?.line ?? 1, column: (loc?.column ?? 0) + 1 },
    };
  }
  return new FileAnalyzer(code, options.assertPatterns ?? compileAssertPatterns([])).analyze(program.program);
}

/**
 * Where a tool's config file sets `name: true` (`passWithNoTests: true` in vitest.config.ts), or
 * undefined. A config that does not parse breaks its runner anyway and is left to it.
 */
export function findEnabledOption(code: string, file: string, name: string): SourceLocation | undefined {
  let program: t.File;
  try {
    program = parseSource(code, file);
  } catch {
    return undefined;
  }
  let found: SourceLocation | undefined;
  walk(program, (node) => {
    if (found) return false;
    if (node.type === 'ObjectProperty' && !node.computed && keyName(node.key) === name && node.value.type === 'BooleanLiteral' && node.value.value) found = location(node);
    return true;
  });
  return found;
}

function keyName(key: t.ObjectProperty['key']): string | undefined {
  if (key.type === 'Identifier') return key.name;
  return key.type === 'StringLiteral' ? key.value : undefined;
}

class FileAnalyzer {
  private readonly tests: TestCase[] = [];
  private readonly focusedSuites: FileAnalysis['focusedSuites'] = [];
  /** Local names bound to an assert module or function (`import assert from 'node:assert/strict'`, `{ strictEqual }`). */
  private readonly assertNames = new Set(['assert']);
  /** Local names of `expect`-style entry points (chai's `expect` imported under another name). */
  private readonly expectNames = new Set(EXPECT_NAMES);
  /** Test-context methods destructured from the context parameter, by local name: tap's `({ equal })`. */
  private readonly contextMethods = new Map<string, string>();
  /** Names of test-context parameters: `t` of ava and node:test, `ctx` … */
  private readonly contextNames = new Set(['t']);
  /** Functions and methods defined in the file, by name, for helpers that assert on a test's behalf. */
  private readonly helpers = new Map<string, FunctionNode[]>();
  private readonly assertingHelpers = new Map<FunctionNode, boolean>();

  constructor(
    private readonly code: string,
    private readonly assertPatterns: AssertPatterns,
  ) {}

  analyze(program: t.Program): FileAnalysis {
    this.collectBindings(program);
    this.visitSuiteBody(program.body, { skipped: false, todo: false, hookAsserts: false });
    return { tests: this.tests, focusedSuites: this.focusedSuites };
  }

  /**
   * One pass over the file for imports of assertion libraries and for helper functions. Test
   * bodies are left to the walk that classifies the test, which binds what they define.
   */
  private collectBindings(program: t.Program): void {
    walk(program, (node) => {
      if (node.type === 'CallExpression') return this.declarationOf(node)?.kind !== 'test';
      this.bind(node);
      return true;
    });
  }

  private bind(node: t.Node): void {
    switch (node.type) {
      case 'ImportDeclaration':
        this.bindImport(node);
        break;
      case 'VariableDeclarator':
        if (node.init && isRequireOf(node.init, (source) => ASSERT_MODULES.has(source) || source === 'chai' || source === 'sinon')) {
          this.bindPattern(node.id, isRequireOf(node.init, (source) => ASSERT_MODULES.has(source)));
        }
        if (node.id.type === 'Identifier' && node.init && isFunction(node.init)) this.addHelper(node.id.name, node.init);
        break;
      case 'FunctionDeclaration':
        if (node.id) this.addHelper(node.id.name, node);
        break;
      case 'ClassMethod':
      case 'ObjectMethod':
        if (node.key.type === 'Identifier') this.addHelper(node.key.name, node);
        break;
      case 'ObjectProperty':
      case 'ClassProperty':
        if (node.key.type === 'Identifier' && node.value && isFunction(node.value)) this.addHelper(node.key.name, node.value);
        break;
    }
  }

  private bindImport(node: t.ImportDeclaration): void {
    const source = node.source.value;
    const fromAssert = ASSERT_MODULES.has(source);
    if (!fromAssert && source !== 'chai' && source !== 'sinon') return;
    for (const specifier of node.specifiers) {
      if (specifier.type !== 'ImportSpecifier') {
        if (fromAssert) this.assertNames.add(specifier.local.name);
        continue;
      }
      const imported = specifier.imported.type === 'Identifier' ? specifier.imported.name : specifier.imported.value;
      if (fromAssert || imported === 'assert') this.assertNames.add(specifier.local.name);
      else if (imported === 'expect') this.expectNames.add(specifier.local.name);
    }
  }

  /** `const assert = require('assert')`, `const { strictEqual: eq } = require('node:assert')`, `const { expect } = require('chai')`. */
  private bindPattern(pattern: t.Node, fromAssert: boolean): void {
    if (pattern.type === 'Identifier') {
      if (fromAssert) this.assertNames.add(pattern.name);
      return;
    }
    if (pattern.type !== 'ObjectPattern') return;
    for (const property of pattern.properties) {
      if (property.type !== 'ObjectProperty' || property.key.type !== 'Identifier' || property.value.type !== 'Identifier') continue;
      if (fromAssert || property.key.name === 'assert') this.assertNames.add(property.value.name);
      else if (property.key.name === 'expect') this.expectNames.add(property.value.name);
    }
  }

  private addHelper(name: string, fn: FunctionNode): void {
    const list = this.helpers.get(name);
    if (!list) this.helpers.set(name, [fn]);
    else if (!list.includes(fn)) list.push(fn);
  }

  /** Visits the statements of a suite (or the file): its hooks first, as they assert for every test in it. */
  private visitSuiteBody(statements: t.Node[], scope: Scope): void {
    const hookAsserts = scope.hookAsserts || statements.some((statement) => this.isAssertingHook(statement));
    const inner = hookAsserts === scope.hookAsserts ? scope : { ...scope, hookAsserts };
    for (const statement of statements) this.visit(statement, inner);
  }

  private isAssertingHook(statement: t.Node): boolean {
    if (statement.type !== 'ExpressionStatement') return false;
    const call = unwrapAwait(statement.expression);
    if (call?.type !== 'CallExpression') return false;
    const path = calleePath(call.callee);
    const name = path?.at(-1);
    if (!path || !name || !HOOKS.has(name) || (path.length > 1 && path[0] !== 'test')) return false;
    const callback = call.arguments.find(isFunction);
    return callback !== undefined && this.assertions(callback.body).size > 0;
  }

  /** Finds the test and suite declarations under `node`, wherever they are (loops, helper functions, blocks). */
  private visit(node: t.Node, scope: Scope): void {
    walk(node, (child) => {
      if (child.type !== 'CallExpression') return true;
      const declaration = this.declarationOf(child);
      if (!declaration) return true;
      this.visitDeclaration(child, declaration, scope);
      return false;
    });
  }

  private visitDeclaration(call: t.CallExpression, declaration: Declaration, scope: Scope): void {
    if (declaration.kind === 'suite') this.visitSuite(call, declaration, scope);
    else this.visitTest(call, declaration, scope);
  }

  private visitSuite(call: t.CallExpression, declaration: Declaration, scope: Scope): void {
    const flags = this.flagsOf(call, declaration);
    if (flags.focused) this.focusedSuites.push({ title: this.titleOf(call), ...location(call) });
    const callback = call.arguments.find(isFunction);
    if (!callback) return;
    const inner: Scope = { ...scope, skipped: scope.skipped || flags.skipped, todo: scope.todo || flags.todo };
    if (callback.body.type === 'BlockStatement') this.visitSuiteBody(callback.body.body, inner);
    else this.visit(callback.body, inner);
  }

  private visitTest(call: t.CallExpression, declaration: Declaration, scope: Scope): void {
    const flags = this.flagsOf(call, declaration);
    const callback = this.callbackOf(call);
    const before = this.tests.length;
    const inner: Scope = { ...scope, skipped: scope.skipped || flags.skipped, todo: scope.todo || flags.todo };
    if (callback && callback !== 'opaque' && !declaration.modifiers.some((modifier) => CURRIED.has(modifier))) this.bindContext(callback.params[0]);
    // Functions declared in the body are hoisted: bound before the walk meets their calls.
    if (callback && callback !== 'opaque' && callback.body.type === 'BlockStatement') for (const statement of callback.body.body) this.bind(statement);
    const assertions = callback && callback !== 'opaque' ? this.assertions(callback.body, inner) : new Set<AssertionKind>();
    // A test that declares subtests (`t.test(…)` of node:test) is a suite: its subtests are the tests.
    if (this.tests.length > before) {
      if (flags.focused) this.focusedSuites.push({ title: this.titleOf(call), ...location(call) });
      return;
    }
    this.tests.push({ title: this.titleOf(call), ...location(call), testClass: this.classify(callback, flags, scope, assertions) });
  }

  /**
   * The first parameter of a test function is its context (`t` of ava and node:test, `ctx`), or
   * destructures it (vitest's `({ expect })`, tap's `({ equal, same })`). The parameters of `.each`
   * callbacks are table rows.
   */
  private bindContext(parameter: t.Node | undefined): void {
    if (parameter?.type === 'Identifier' && parameter.name !== 'done') this.contextNames.add(parameter.name);
    if (parameter?.type !== 'ObjectPattern') return;
    for (const property of parameter.properties) {
      if (property.type !== 'ObjectProperty' || property.key.type !== 'Identifier' || property.value.type !== 'Identifier') continue;
      const method = property.key.name;
      if (method === 'expect') this.expectNames.add(property.value.name);
      else if (CONTEXT_ASSERTIONS.has(method)) this.contextMethods.set(property.value.name, method);
    }
  }

  private classify(callback: FunctionNode | 'opaque' | undefined, flags: Flags, scope: Scope, assertions: Set<AssertionKind>): TestClass {
    if (flags.todo || scope.todo || !callback) return 'todo';
    if (flags.skipped || scope.skipped) return 'skipped';
    if (flags.focused) return 'focused';
    // A test function imported from another module cannot be judged here; it gets the benefit of the doubt.
    if (callback === 'opaque') return 'real';
    const body = callback.body;
    if (body.type === 'BlockStatement') {
      if (body.body.length === 0) return 'empty';
      const skip = body.body.map((statement) => this.runtimeSkipOf(statement)).find(Boolean);
      if (skip) return skip;
    }
    if (assertions.size === 0) return scope.hookAsserts ? 'real' : 'no-assertion';
    return assertions.has('live') ? 'real' : 'tautology';
  }

  /** `this.skip()`, `t.skip()`, `pending()`, `test.skip()` as a statement of its own: the test never runs its checks. */
  private runtimeSkipOf(statement: t.Statement): TestClass | undefined {
    if (statement.type !== 'ExpressionStatement') return undefined;
    const call = unwrapAwait(statement.expression);
    if (call?.type !== 'CallExpression') return undefined;
    if (call.callee.type === 'Identifier' && call.callee.name === 'pending') return 'skipped';
    if (call.callee.type !== 'MemberExpression' || call.arguments.length > 0) return undefined;
    const name = propertyName(call.callee);
    const object = call.callee.object;
    const onContext = object.type === 'ThisExpression' || (object.type === 'Identifier' && (this.contextNames.has(object.name) || object.name === 'test'));
    if (!onContext || !name) return undefined;
    if (RUNTIME_SKIPS.has(name)) return 'skipped';
    return name === 'todo' ? 'todo' : undefined;
  }

  /**
   * The kinds of assertion under `node`: `live` ones check the code, `constant` ones compare constants
   * only. Tests declared under it are not its assertions; with a `scope`, they are visited as tests.
   */
  private assertions(node: t.Node, scope?: Scope): Set<AssertionKind> {
    const found = new Set<AssertionKind>();
    walk(node, (child) => {
      if (child.type === 'CallExpression') {
        const declaration = this.declarationOf(child);
        if (declaration && scope) this.visitDeclaration(child, declaration, scope);
        if (declaration) return false;
      }
      this.bind(child);
      const kind = child.type === 'CallExpression' ? this.assertionOfCall(child) : child.type === 'MemberExpression' ? this.propertyAssertionOf(child) : undefined;
      if (kind) found.add(kind);
      else if (child.type === 'CallExpression' && this.handsAssertionOn(child)) found.add('live');
      // The walk goes on below assertions: a helper that asserts may get a callback that declares subtests.
      return true;
    });
    return found;
  }

  private assertionOfCall(call: t.CallExpression): AssertionKind | undefined {
    const callee = call.callee;
    if (callee.type === 'Identifier') {
      if (this.assertNames.has(callee.name)) return constantness(call.arguments, 'assert');
      const contextMethod = this.contextMethods.get(callee.name);
      if (contextMethod) return contextAssertion(contextMethod, call.arguments);
      if (!this.assertPatterns.empty && this.assertPatterns.matches([callee.name])) return 'live';
      return this.helperAsserts(this.helpers.get(callee.name)) ? 'live' : undefined;
    }
    if (callee.type !== 'MemberExpression') return undefined;
    const method = propertyName(callee);
    if (!method) return undefined;
    const root = rootOf(callee);

    const expectCall = this.expectCallOf(callee.object);
    if (expectCall) {
      if (LIVE_WHATEVER_ARGUMENTS.has(method)) return 'live';
      return constantness([...expectCall.arguments, ...call.arguments], method, hasNot(callee.object));
    }
    if (root?.type === 'Identifier' && this.expectNames.has(root.name) && callee.object === root) {
      return method === 'assertions' || method === 'hasAssertions' || method === 'fail' ? 'live' : undefined;
    }
    if (isShouldChain(callee.object)) return 'live';

    const path = calleePath(callee);
    if (path && this.assertPatterns.matches(path)) return 'live';
    if (root?.type === 'Identifier' && path) {
      // assert.equal(…), sinon.assert.calledOnce(…), chai.assert.isTrue(…), t.assert.ok(…)
      if (this.assertNames.has(root.name) || ((root.name === 'sinon' || root.name === 'chai' || this.contextNames.has(root.name)) && path[1] === 'assert')) {
        return LIVE_WHATEVER_ARGUMENTS.has(method) ? 'live' : constantness(call.arguments, method);
      }
      if (this.contextNames.has(root.name) && path.length === 2 && CONTEXT_ASSERTIONS.has(method)) return contextAssertion(method, call.arguments);
    }
    // supertest: request(app).get('/').expect(200)
    if (method === 'expect' && callee.object.type === 'CallExpression') return 'live';
    return this.helperAsserts(this.helpers.get(method)) ? 'live' : undefined;
  }

  /**
   * A call that hands an assertion to other code asserts through it: `check(equal, line)`,
   * `helper(t)`, `pino({ browser: { write: fail } })`, as with tap and ava helpers imported from other files.
   */
  private handsAssertionOn(call: t.CallExpression): boolean {
    for (const argument of call.arguments) if (this.isHandedAssertion(argument)) return true;
    return false;
  }

  private isHandedAssertion(node: t.Node): boolean {
    if (node.type === 'Identifier') return this.contextNames.has(node.name) || this.contextMethods.has(node.name) || this.assertNames.has(node.name);
    if (node.type === 'ObjectExpression') return node.properties.some((property) => property.type === 'ObjectProperty' && this.isHandedAssertion(property.value));
    return node.type === 'ArrayExpression' && node.elements.some((element) => element !== null && this.isHandedAssertion(element));
  }

  /** chai property assertions: `expect(x).to.be.true`, `x.should.exist`. */
  private propertyAssertionOf(member: t.MemberExpression): AssertionKind | undefined {
    const name = propertyName(member);
    if (!name || !CHAI_PROPERTY_ASSERTIONS.has(name)) return undefined;
    const expectCall = this.expectCallOf(member.object);
    if (expectCall) return constantness(expectCall.arguments, name);
    return isShouldChain(member.object) ? 'live' : undefined;
  }

  /** The `expect(…)` call a matcher chain starts from, when `node` is such a chain (`expect(x).resolves.not`). */
  private expectCallOf(node: t.Node): t.CallExpression | undefined {
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

  private isExpectEntry(callee: t.Node): boolean {
    if (callee.type === 'Identifier') return this.expectNames.has(callee.name);
    if (callee.type !== 'MemberExpression' || callee.object.type !== 'Identifier') return false;
    const name = propertyName(callee);
    return name !== undefined && EXPECT_MEMBERS.has(name) && (name === 'expect' || this.expectNames.has(callee.object.name));
  }

  private helperAsserts(functions: FunctionNode[] | undefined): boolean {
    if (!functions) return false;
    return functions.some((fn) => {
      const known = this.assertingHelpers.get(fn);
      if (known !== undefined) return known;
      // Recursion among helpers ends here: a helper does not assert through itself.
      this.assertingHelpers.set(fn, false);
      const asserts = this.assertions(fn.body).size > 0;
      this.assertingHelpers.set(fn, asserts);
      return asserts;
    });
  }

  private declarationOf(call: t.CallExpression): Declaration | undefined {
    // Most calls are not declarations; their root name says so without building the path.
    const root = rootName(call.callee);
    if (root === undefined || !(TEST_BASES.has(root) || SUITE_BASES.has(root) || this.contextNames.has(root))) return undefined;
    const path = declarationPath(call.callee);
    if (!path) return undefined;
    let [base, ...modifiers] = path;
    if (!base) return undefined;
    // node:test subtests: t.test('title', fn)
    if (this.contextNames.has(base) && modifiers[0] === 'test') [base, ...modifiers] = modifiers as [string, ...string[]];
    if (!modifiers.every((modifier) => MODIFIERS.has(modifier))) return undefined;
    const first = call.arguments[0];
    if (!first || !canBeTitle(first)) return undefined;
    // Playwright's conditional annotations, `test.skip(isMobile, 'reason')`, declare no test.
    if (call.arguments[1]?.type === 'StringLiteral' && !call.arguments.some(isFunction)) return undefined;
    if (SUITE_BASES.has(base)) return { kind: 'suite', base, modifiers };
    if (!TEST_BASES.has(base)) return undefined;
    return { kind: modifiers.includes('describe') ? 'suite' : 'test', base, modifiers };
  }

  private flagsOf(call: t.CallExpression, declaration: Declaration): Flags {
    const { base, modifiers } = declaration;
    const flags: Flags = {
      skipped: base.startsWith('x') || modifiers.some((modifier) => SKIP_MODIFIERS.has(modifier)),
      todo: modifiers.includes('todo'),
      focused: base.startsWith('f') || modifiers.includes('only'),
    };
    // node:test options: test('title', { skip: true }, fn)
    const options = call.arguments.find((argument): argument is t.ObjectExpression => argument.type === 'ObjectExpression');
    for (const property of options?.properties ?? []) {
      if (property.type !== 'ObjectProperty' || property.key.type !== 'Identifier') continue;
      const value = property.value;
      const set = value.type === 'BooleanLiteral' ? value.value : value.type === 'StringLiteral' || value.type === 'TemplateLiteral';
      if (!set) continue;
      if (property.key.name === 'skip') flags.skipped = true;
      else if (property.key.name === 'todo') flags.todo = true;
      else if (property.key.name === 'only') flags.focused = true;
    }
    return flags;
  }

  /** The test function: the last function argument, a function of the file passed by name, or `opaque` (imported). */
  private callbackOf(call: t.CallExpression): FunctionNode | 'opaque' | undefined {
    const args = call.arguments.slice(1);
    const inline = args.findLast(isFunction);
    if (inline) return inline;
    const named = args.find((argument) => argument.type === 'Identifier' || argument.type === 'MemberExpression' || argument.type === 'CallExpression');
    if (!named) return undefined;
    if (named.type === 'Identifier') return this.helpers.get(named.name)?.[0] ?? 'opaque';
    return 'opaque';
  }

  private titleOf(call: t.CallExpression): string {
    const first = call.arguments[0];
    if (!first) return '(untitled)';
    if (first.type === 'StringLiteral') return first.value;
    if (first.type === 'TemplateLiteral' && first.expressions.length === 0) return first.quasis.map((quasi) => quasi.value.cooked ?? quasi.value.raw).join('');
    const text = this.code.slice(first.start ?? 0, first.end ?? 0).replace(/\s+/g, ' ');
    return text.length > 80 ? `${text.slice(0, 77)}...` : text;
  }
}

interface Flags {
  skipped: boolean;
  todo: boolean;
  focused: boolean;
}

function location(node: t.Node): SourceLocation {
  return { line: node.loc?.start.line ?? 1, column: (node.loc?.start.column ?? 0) + 1 };
}

/**
 * Depth-first walk over the AST; `visit` returning false skips the node's children. Recursive, like
 * the parser that built the tree, so it goes no deeper than what parsed.
 */
function walk(node: t.Node, visit: (node: t.Node) => boolean | void): void {
  if (visit(node) === false) return;
  const keys = CHILD_KEYS[node.type] ?? [];
  for (let index = 0; index < keys.length; index += 1) {
    const value = (node as unknown as Record<string, unknown>)[keys[index]!];
    if (value === null || value === undefined) continue;
    if (Array.isArray(value)) {
      for (const item of value) if (item !== null) walk(item as t.Node, visit);
    } else walk(value as t.Node, visit);
  }
}

/** babel's own list of the keys that hold child nodes, per node type: faster and surer than enumerating. */
const CHILD_KEYS: Record<string, string[]> = Object.fromEntries(Object.entries(VISITOR_KEYS as Record<string, string[]>).map(([type, keys]) => [type, keys.filter((key) => !SKIPPED_KEYS.has(key))]));

function isFunction(node: t.Node): node is t.ArrowFunctionExpression | t.FunctionExpression {
  return node.type === 'ArrowFunctionExpression' || node.type === 'FunctionExpression';
}

/** Titles are strings, names or expressions that make one; conditions and callbacks are not titles. */
function canBeTitle(node: t.Node): boolean {
  switch (node.type) {
    case 'StringLiteral':
    case 'TemplateLiteral':
    case 'Identifier':
    case 'MemberExpression':
    case 'CallExpression':
      return true;
    case 'BinaryExpression':
      return node.operator === '+';
    default:
      return false;
  }
}

function unwrapAwait(expression: t.Expression): t.Expression | undefined {
  return expression.type === 'AwaitExpression' ? expression.argument : expression;
}

function propertyName(member: t.MemberExpression): string | undefined {
  const property = member.property;
  if (!member.computed && property.type === 'Identifier') return property.name;
  if (property.type === 'StringLiteral') return property.value;
  return undefined;
}

/**
 * The names along a member chain, root first; `through` says which node a call (or tagged
 * template) leads on to, given how many names were read, or ends the path.
 */
function namePath(node: t.Node, through: (node: t.Node, namesRead: number) => t.Node | undefined): string[] | undefined {
  const names: string[] = [];
  let current: t.Node | undefined = node;
  while (current) {
    if (current.type === 'Identifier') {
      names.push(current.name);
      return names.reverse();
    }
    if (current.type === 'MemberExpression') {
      const name = propertyName(current);
      if (!name) return undefined;
      names.push(name);
      current = current.object;
    } else current = through(current, names.length);
  }
  return undefined;
}

/** The names of a callee read through calls: `request(app).get('/').expect` → request, get, expect. */
function calleePath(node: t.Node): string[] | undefined {
  return namePath(node, (current) => (current.type === 'CallExpression' ? current.callee : undefined));
}

/** Like calleePath, but only through the call of a curried modifier: `test.each(table)` yes, `foo().it` no. */
function declarationPath(node: t.Node): string[] | undefined {
  return namePath(node, (current, namesRead) => {
    if (namesRead > 0 || (current.type !== 'CallExpression' && current.type !== 'TaggedTemplateExpression')) return undefined;
    const inner = current.type === 'CallExpression' ? current.callee : current.tag;
    return inner.type === 'MemberExpression' && CURRIED.has(propertyName(inner) ?? '') ? inner : undefined;
  });
}

function rootName(node: t.Node): string | undefined {
  let current: t.Node = node;
  for (;;) {
    if (current.type === 'Identifier') return current.name;
    if (current.type === 'MemberExpression') current = current.object;
    else if (current.type === 'CallExpression') current = current.callee;
    else if (current.type === 'TaggedTemplateExpression') current = current.tag;
    else return undefined;
  }
}

function rootOf(node: t.Node): t.Node | undefined {
  let current: t.Node = node;
  while (current.type === 'MemberExpression' || current.type === 'CallExpression') current = current.type === 'MemberExpression' ? current.object : current.callee;
  return current;
}

/** `expect(x).not.toBe(…)`, `expect(x).resolves.not.toThrow()`: the matcher is negated. */
function hasNot(node: t.Node): boolean {
  let current: t.Node = node;
  while (current.type === 'MemberExpression') {
    if (propertyName(current) === 'not') return true;
    current = current.object;
  }
  return false;
}

/** `x.should.equal(1)`, `should(x).be.ok()`: a chain with a `should` in it. */
function isShouldChain(node: t.Node): boolean {
  let current: t.Node = node;
  for (;;) {
    if (current.type === 'MemberExpression') {
      if (propertyName(current) === 'should') return true;
      current = current.object;
    } else if (current.type === 'CallExpression') {
      if (current.callee.type === 'Identifier' && current.callee.name === 'should') return true;
      current = current.callee;
    } else return false;
  }
}

function isRequireOf(node: t.Node, accepts: (source: string) => boolean): boolean {
  return (
    node.type === 'CallExpression' &&
    node.callee.type === 'Identifier' &&
    node.callee.name === 'require' &&
    node.arguments[0]?.type === 'StringLiteral' &&
    accepts(node.arguments[0].value)
  );
}

/** A test-context assertion (`t.is(…)`, or `equal(…)` destructured from the context). */
function contextAssertion(method: string, values: readonly t.Node[]): AssertionKind {
  if (ALWAYS_PASSING.has(method)) return 'constant';
  return LIVE_WHATEVER_ARGUMENTS.has(method) ? 'live' : constantness(values, method);
}

/**
 * `constant` when the assertion compares constants only and so passes whatever the code does. A
 * constant assertion that always fails (`ok(false)`, `expect(1).toBe(2)`) guards a path that must
 * not be reached: that is a live check, like `assert.fail()`.
 */
function constantness(values: readonly t.Node[], method: string, negated = false): AssertionKind {
  if (!values.every(isConstant)) return 'live';
  const outcome = constantOutcome(method, values.map(primitiveValue));
  return outcome === (negated ? 'pass' : 'fail') ? 'live' : 'constant';
}

const TRUTHY_ASSERTIONS = new Set(['assert', 'ok', 'true', 'truthy', 'isTrue', 'isOk', 'toBeTruthy']);
const FALSY_ASSERTIONS = new Set(['false', 'falsy', 'notOk', 'isFalse', 'isNotOk', 'toBeFalsy']);
const EQUALITY_ASSERTIONS = new Set(['equal', 'equals', 'is', 'strictEqual', 'deepEqual', 'deepStrictEqual', 'same', 'strictSame', 'toBe', 'toEqual', 'toStrictEqual', 'eql']);

/** What a constant assertion does, as far as its primitive arguments tell. */
function constantOutcome(method: string, values: unknown[]): 'pass' | 'fail' | 'unknown' {
  const [first, second] = values;
  const verdict = (passes: boolean) => (passes ? 'pass' : 'fail');
  if (values.length >= 1 && first !== NOT_PRIMITIVE) {
    if (TRUTHY_ASSERTIONS.has(method)) return verdict(Boolean(first));
    if (FALSY_ASSERTIONS.has(method)) return verdict(!first);
  }
  if (EQUALITY_ASSERTIONS.has(method) && values.length >= 2 && first !== NOT_PRIMITIVE && second !== NOT_PRIMITIVE) return verdict(first === second);
  return 'unknown';
}

const NOT_PRIMITIVE = Symbol('not a primitive');

function primitiveValue(node: t.Node): unknown {
  switch (node.type) {
    case 'StringLiteral':
    case 'NumericLiteral':
    case 'BooleanLiteral':
      return node.value;
    case 'NullLiteral':
      return null;
    case 'Identifier':
      return node.name === 'undefined' ? undefined : NOT_PRIMITIVE;
    default:
      return NOT_PRIMITIVE;
  }
}

/** A value fixed in the source: comparing such values cannot fail because of the code under test. */
function isConstant(node: t.Node): boolean {
  switch (node.type) {
    case 'StringLiteral':
    case 'NumericLiteral':
    case 'BooleanLiteral':
    case 'NullLiteral':
    case 'BigIntLiteral':
    case 'RegExpLiteral':
      return true;
    case 'Identifier':
      return node.name === 'undefined' || node.name === 'NaN' || node.name === 'Infinity';
    case 'TemplateLiteral':
      return node.expressions.every(isConstant);
    case 'UnaryExpression':
      return isConstant(node.argument);
    case 'BinaryExpression':
    case 'LogicalExpression':
      return isConstant(node.left) && isConstant(node.right);
    case 'ArrayExpression':
      return node.elements.every((element) => element !== null && isConstant(element));
    case 'ObjectExpression':
      return node.properties.every((property) => property.type === 'ObjectProperty' && !property.computed && isConstant(property.value));
    case 'TSAsExpression':
    case 'TSSatisfiesExpression':
    case 'TSNonNullExpression':
    case 'TSTypeAssertion':
    case 'ParenthesizedExpression':
      return isConstant(node.expression);
    default:
      return false;
  }
}
