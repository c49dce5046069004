import type { ParserPlugin } from '@babel/parser';
import { compileAssertPatterns, type AssertPatterns } from './assert-patterns.js';
import {
  babelTree, calleePath, canBeTitle, declarationPath, hasNot, isFunction, isShouldChain, keyName, parseSource, pluginSets, propertyName, requiredModule,
  rootName, rootOf, SourceLines, typeArgumentsOf, unwrapAwait, walk, type FunctionNode, type ParsedSource, type SourceLocation, type t,
} from './ast.js';
import { constantness, type AssertionKind } from './constants.js';
import { ASSERT_MODULES, Bindings, CONTEXT_ASSERTIONS, SUITE_BASES, TEST_BASES, TYPE_ASSERTIONS, type HelperRef } from './bindings.js';
import { acknowledge, awaitsCallback, conditionSkips, generatorOf, isBindCall, settlesOnCallback, throwsInCallback } from './test-body.js';
import type { ExportAsserts, LocalModules } from './local-modules.js';
import { parseRun, SplitStatement, statementRuns } from './statement-runs.js';

export type { SourceLocation } from './ast.js';

/** What a test case amounts to. Every class but `real` is a way for CI to be green without checking anything. */
export type TestClass = 'real' | 'empty' | 'no-assertion' | 'tautology' | 'skipped' | 'todo' | 'focused';

export const TEST_CLASSES: readonly TestClass[] = ['real', 'empty', 'no-assertion', 'tautology', 'skipped', 'todo', 'focused'];

export interface TestCase extends SourceLocation {
  title: string;
  testClass: TestClass;
  /** The line above disables the matching ESLint rule (`eslint-disable-next-line jest/no-focused-tests`): the author chose this. */
  acknowledged?: boolean;
}

export interface FileAnalysis {
  tests: TestCase[];
  /** `describe.only`, `fdescribe`, `test.describe.only`: they silence every test outside them. */
  focusedSuites: Array<SourceLocation & { title: string }>;
  parseError?: SourceLocation & { message: string };
}

export interface AnalyzeOptions {
  assertPatterns?: AssertPatterns;
  /** Files longer than `chars` characters are parsed in runs of about `runChars` (tests lower both). */
  largeFile?: { chars: number; runChars: number };
  /** Called between the parses of a large file's runs (the analysis pool bounds the thread's memory). */
  betweenRuns?: () => void;
  /** The project's modules, to follow helpers a test imports from them. */
  localModules?: LocalModules;
  /** Files up to this many characters are parsed with oxc (see nativeParseLimit); by default every file is left to babel. */
  nativeParseChars?: number;
}

const HOOKS = new Set(['beforeEach', 'afterEach', 'beforeAll', 'afterAll', 'before', 'after', 'setup', 'teardown', 'suiteSetup', 'suiteTeardown']);
/** Chain members that keep a call a test declaration: `test.concurrent.each(…)(…)`, `it.only`, `test.describe.serial`. */
const MODIFIERS = new Set(['skip', 'only', 'todo', 'each', 'for', 'concurrent', 'sequential', 'serial', 'parallel', 'failing', 'fails', 'fixme', 'fail', 'runIf', 'skipIf', 'shuffle', 'describe', 'cb']);
/** Members whose call returns the function that then takes the title: `test.each(table)(title, fn)`. */
const CURRIED = new Set(['each', 'for', 'runIf', 'skipIf']);
const SKIP_MODIFIERS = new Set(['skip', 'fixme']);

/** Assertions that prove something whatever their arguments (they count the assertions or fail a path). */
const LIVE_WHATEVER_ARGUMENTS = new Set(['plan', 'fail', 'assertions', 'hasAssertions', 'throws', 'rejects', 'doesNotThrow', 'doesNotReject', 'completed']);
/** Assertions that pass whatever the code does. */
const ALWAYS_PASSING = new Set(['pass']);
/** chai assertions written as properties, without a call: `expect(x).to.be.true`. */
const CHAI_PROPERTY_ASSERTIONS = new Set([
  'ok', 'true', 'false', 'null', 'undefined', 'NaN', 'exist', 'empty', 'arguments', 'extensible', 'sealed', 'frozen', 'finite',
  'called', 'calledOnce', 'calledTwice', 'calledThrice', 'notCalled', 'fulfilled', 'rejected',
]);
/** Statements that skip the test they stand in, unconditionally: `this.skip()`, `t.skip()`, `pending()`, `test.skip()`. */
const RUNTIME_SKIPS = new Set(['skip', 'fixme']);
const QUERY_THAT_THROWS = /^(?:get|find)(?:All)?By[A-Z]/;
const PLAYWRIGHT_WAITS = new Set(['waitForSelector', 'waitForURL', 'waitForFunction', 'waitForResponse', 'waitForRequest']);
/** `assert`, `expect` or a name that goes on with a capital: `assertEqual`, `expectType`; not `expected`, `assertion`. */
const TYPE_ASSERTION_NAME = /^(?:assert|expect)(?:$|[A-Z_])/;

/** Type-test files (vitest `*.test-d.ts`, tstyche `__typetests__` and `*.tst.ts`): their expectations are checked by the compiler. */
const TYPE_TEST_FILE = /(?:\.test-d\.[cm]?tsx?|\.tst\.[cm]?tsx?)$|(?:^|\/)__typetests__\//;


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

interface Flags {
  skipped: boolean;
  todo: boolean;
  focused: boolean;
}

const TOO_DEEP = 'it nests deeper than the parser can follow';
/** Comments the analysis reads: those that disable a lint rule for the next line, and `@ts-expect-error`. */
const ACTIVE_COMMENT = /eslint-disable-next-line|@ts-expect-error/;
/**
 * Files longer than `chars` are parsed in runs of top-level statements of about `runChars` each:
 * babel's tree of an 8 kB run (~0.6 MB) dies in the young generation, that of a 5 MB file takes
 * ~370 MB. Every ordinary test file is parsed whole.
 */
const LARGE_FILE = { chars: 1024 * 1024, runChars: 8 * 1024 };

/** Whether the file nests deeper than this thread's stack let the parser follow: a thread with a larger stack may read it. */
export function isTooDeep(analysis: FileAnalysis): boolean {
  return analysis.parseError?.message === TOO_DEEP;
}

/** Parses one test file and classifies every test it declares. A file that does not parse says so, and where. */
export function analyzeTestFile(code: string, file: string, options: AnalyzeOptions = {}): FileAnalysis {
  const large = options.largeFile ?? LARGE_FILE;
  if (code.length > large.chars) {
    const analysis = analyzeInRuns(code, file, options, large.runChars);
    if (analysis) return analysis;
  }
  const parsed = parseOrError(code, file, options.nativeParseChars);
  if ('parseError' in parsed) return { tests: [], focusedSuites: [], parseError: parsed.parseError };
  return new FileAnalyzer(code, file, options).analyze([() => parsed.source]);
}

/**
 * A large file, a run of top-level statements at a time (see statement-runs.ts): the same analysis
 * as of the whole file. Undefined when the file must be parsed whole: it does not split into runs,
 * a run split a statement, or no plugin set reads every run (the whole parse says where it fails).
 */
function analyzeInRuns(code: string, file: string, options: AnalyzeOptions, runChars: number): FileAnalysis | undefined {
  if (code.includes('\0')) return undefined;
  const runs = statementRuns(code, runChars);
  if (runs.length < 2) return undefined;
  const parse = (plugins: ParserPlugin[], index: number) => babelTree(parseRun(code, file, plugins, runs[index]!, index === runs.length - 1));
  /** The runs an earlier plugin set could not read: a later set is tried only when it reads them, not from the start. */
  const unread: number[] = [];
  for (const plugins of pluginSets(code, file)) {
    let current = 0;
    try {
      if (!unread.every((index) => parses(() => parse(plugins, index)))) continue;
      const parts = runs.map((_, index) => () => {
        options.betweenRuns?.();
        current = index;
        return parse(plugins, index);
      });
      return new FileAnalyzer(code, file, options).analyze(parts);
    } catch (error) {
      if (error instanceof SplitStatement || error instanceof RangeError) return undefined;
      // Another plugin set may read what this one does not (Flow, TypeScript in a .js file).
      if (!(error instanceof SyntaxError)) throw error;
      unread.push(current);
    }
  }
  return undefined;
}

/** Whether `parse` succeeds; a syntax error is an answer, any other error is thrown. */
function parses(parse: () => unknown): boolean {
  try {
    parse();
    return true;
  } catch (error) {
    if (error instanceof SyntaxError) return false;
    throw error;
  }
}

/** Reads a helper module of the project: whether each export asserts. Undefined when it does not parse. */
export function analyzeHelperModule(code: string, file: string, options: AnalyzeOptions = {}): ExportAsserts | undefined {
  const parsed = parseOrError(code, file, options.nativeParseChars);
  if ('parseError' in parsed) return undefined;
  const analyzer = new FileAnalyzer(code, file, options);
  analyzer.collectBindings(parsed.source.program);
  return (name) => analyzer.exportAsserts(name);
}

function parseOrError(code: string, file: string, nativeParseChars = 0): { source: ParsedSource } | { parseError: NonNullable<FileAnalysis['parseError']> } {
  // A NUL byte is in no JavaScript source: the file is binary (a build artefact or a misnamed asset).
  const nul = code.indexOf('\0');
  if (nul !== -1) return { parseError: { message: 'it is binary, not JavaScript or TypeScript', line: code.slice(0, nul).split('\n').length, column: 1 } };
  try {
    return { source: parseSource(code, file, nativeParseChars) };
  } catch (error) {
    if (error instanceof RangeError) return { parseError: { message: TOO_DEEP, line: 1, column: 1 } };
    const { loc, message } = error as { loc?: { line: number; column: number }; message: string };
    return { parseError: { message: message.replace(/\s*\(\d+:\d+\)$/, ''), line: loc?.line ?? 1, column: (loc?.column ?? 0) + 1 } };
  }
}

/**
 * Where a tool's config file sets `name: true` (`passWithNoTests: true` in vitest.config.ts), or
 * undefined. A config that does not parse breaks its runner anyway and is left to it.
 */
export function findEnabledOption(code: string, file: string, name: string): SourceLocation | undefined {
  let program: t.Program;
  try {
    program = parseSource(code, file).program;
  } catch {
    return undefined;
  }
  let found: SourceLocation | undefined;
  walk(program, (node) => {
    if (found) return false;
    if (node.type === 'Property' && !node.computed && keyName(node.key) === name && node.value.type === 'Literal' && node.value.value === true) found = new SourceLines(code).at(node.start);
    return true;
  });
  return found;
}

class FileAnalyzer {
  private readonly tests: TestCase[] = [];
  private readonly focusedSuites: FileAnalysis['focusedSuites'] = [];
  private readonly names = new Bindings();
  private readonly assertingHelpers = new Map<FunctionNode, boolean>();
  private readonly typeTests: boolean;
  private readonly assertPatterns: AssertPatterns;
  private readonly lines: SourceLines;

  /** Where `// @ts-expect-error` comments are: the compiler fails when the line under one compiles. */
  private typeErrorExpectations: number[] = [];

  constructor(
    private readonly code: string,
    private readonly file: string,
    private readonly options: AnalyzeOptions,
  ) {
    this.typeTests = TYPE_TEST_FILE.test(file);
    this.assertPatterns = options.assertPatterns ?? compileAssertPatterns([]);
    this.lines = new SourceLines(code);
  }

  /**
   * Analyses a file given as the parses of its parts, in order: one for the whole file, or runs of
   * top-level statements parsed again on each pass, so that one run's tree is alive at a time. Every
   * pass goes over the file as the whole file's walk would.
   */
  analyze(parts: ReadonlyArray<() => ParsedSource>): FileAnalysis {
    const comments: ParsedSource['comments'][number][] = [];
    const withHooks: Array<() => ParsedSource> = [];
    for (const part of parts) {
      const parsed = part();
      for (const comment of parsed.comments) if (ACTIVE_COMMENT.test(comment.value)) comments.push(comment);
      this.collectBindings(parsed.program);
      if (parsed.program.body.some((statement) => this.hookCallback(statement))) withHooks.push(part);
    }
    this.typeErrorExpectations = comments.filter((comment) => comment.value.includes('@ts-expect-error')).map((comment) => comment.start);
    // The file's own hooks assert for every test in it: known before the first test is judged.
    const hookAsserts = withHooks.some((part) => part().program.body.some((statement) => this.isAssertingHook(statement)));
    const scope: Scope = { skipped: false, todo: false, hookAsserts };
    for (const part of parts) for (const statement of part().program.body) this.visit(statement, scope);
    // tsd and tstyche files may assert at the top level, with no test around: the file is one type test.
    if (this.typeTests && this.tests.length === 0 && parts.some((part) => this.hasTypeAssertions(part().program))) this.tests.push({ title: '(type assertions of the file)', line: 1, column: 1, testClass: 'real' });
    acknowledge(this.tests, comments, this.lines);
    return { tests: this.tests, focusedSuites: this.focusedSuites };
  }

  /**
   * One pass over the file for imports of assertion libraries and for helper functions. Test
   * bodies are left to the walk that classifies the test, which binds what they define.
   */
  collectBindings(program: t.Program): void {
    walk(program, (node) => {
      if (node.type === 'CallExpression') return this.declarationOf(node)?.kind !== 'test';
      this.names.bind(node);
      return true;
    });
  }

  /** `expectTypeOf(…)`, `expectType<…>(…)`, `expect<…>()` or `// @ts-expect-error` anywhere in a type-test file, suites included. */
  private hasTypeAssertions(program: t.Program): boolean {
    if (this.typeErrorExpectations.length > 0) return true;
    let found = false;
    walk(program, (node) => {
      if (found) return false;
      if (node.type === 'CallExpression' && node.callee.type === 'Identifier' && (TYPE_ASSERTIONS.has(node.callee.name) || this.names.expectNames.has(node.callee.name))) found = true;
      return true;
    });
    return found;
  }

  /** Whether the module's export `name` (or `default`) asserts, when this file is a helper module. */
  exportAsserts(name: string): boolean {
    return this.refsAssert(this.names.helpers.get(name) ?? []);
  }












  /** Visits the statements of a suite (or the file): its hooks first, as they assert for every test in it. */
  private visitSuiteBody(statements: t.Node[], scope: Scope): void {
    const hookAsserts = scope.hookAsserts || statements.some((statement) => this.isAssertingHook(statement));
    const inner = hookAsserts === scope.hookAsserts ? scope : { ...scope, hookAsserts };
    for (const statement of statements) this.visit(statement, inner);
  }

  private isAssertingHook(statement: t.Node): boolean {
    const callback = this.hookCallback(statement);
    return callback !== undefined && this.assertions(callback.body).size > 0;
  }

  /** The function a hook (`beforeEach(() => …)`, `test.afterAll(…)`) runs, when `statement` declares one. */
  private hookCallback(statement: t.Node): FunctionNode | undefined {
    if (statement.type !== 'ExpressionStatement') return undefined;
    const call = unwrapAwait(statement.expression);
    if (call.type !== 'CallExpression') return undefined;
    const path = calleePath(call.callee);
    const name = path?.at(-1);
    if (!path || !name || !HOOKS.has(name) || (path.length > 1 && path[0] !== 'test')) return undefined;
    return call.arguments.find(isFunction);
  }

  /** Finds the test and suite declarations under `node`, wherever they are (loops, helper functions, blocks). */
  private visit(node: t.Node, scope: Scope): void {
    walk(node, (child) => {
      if (child.type !== 'CallExpression') return true;
      // expect(() => test('x')).toThrow(), tstyche's expect(test.each(table)(…)).type: values under check, not declarations.
      if (this.names.isExpectEntry(child.callee)) return false;
      const declaration = this.declarationOf(child);
      if (!declaration) {
        const generator = generatorOf(child);
        // pluginTester({ … }), ruleTester.run(…): a library declares the tests from a table, and checks each.
        if (generator) this.tests.push({ title: `${generator}(…)`, ...this.lines.at(child.start), testClass: scope.skipped ? 'skipped' : 'real' });
        return !generator;
      }
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
    if (flags.focused) this.focusedSuites.push({ title: this.titleOf(call), ...this.lines.at(call.start) });
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
    const fn = callback && callback !== 'opaque' ? callback : undefined;
    // The parameters of `.each` callbacks are table rows, and those of a bound function its bound arguments.
    const takesContext = !declaration.modifiers.some((modifier) => CURRIED.has(modifier)) && !call.arguments.some(isBindCall);
    const done = fn && takesContext ? this.names.bindContext(fn.params) : undefined;
    // Functions declared in the body are hoisted: bound before the walk meets their calls.
    if (fn?.body.type === 'BlockStatement') for (const statement of fn.body.body) this.names.bind(statement);
    const assertions = fn ? this.assertions(fn.body, inner) : new Set<AssertionKind>();
    // A test that ends through its `done` callback from inside other code checks that the code called back.
    if (fn && done && assertions.size === 0 && awaitsCallback(fn, done)) assertions.add('live');
    // cancel () { throw new Error('should be unreachable') }: a callback that fails the test when the code calls it.
    if (fn && assertions.size === 0 && throwsInCallback(fn)) assertions.add('live');
    // A type test in a test file: `// @ts-expect-error` asserts that the next line does not compile.
    if (fn && assertions.size === 0 && this.typeErrorExpectations.some((at) => at > fn.start && at < fn.end)) assertions.add('live');
    // A test that declares subtests (`t.test(…)` of node:test) is a suite: its subtests are the tests.
    if (this.tests.length > before) {
      if (flags.focused) this.focusedSuites.push({ title: this.titleOf(call), ...this.lines.at(call.start) });
      return;
    }
    this.tests.push({ title: this.titleOf(call), ...this.lines.at(call.start), testClass: this.classify(callback, flags, scope, assertions) });
  }


  private classify(callback: FunctionNode | 'opaque' | undefined, flags: Flags, scope: Scope, assertions: Set<AssertionKind>): TestClass {
    if (flags.todo || scope.todo || !callback) return 'todo';
    if (flags.skipped || scope.skipped) return 'skipped';
    if (flags.focused) return 'focused';
    // A test function imported from another module cannot be judged here; it gets the benefit of the doubt.
    if (callback === 'opaque') return 'real';
    const body = callback.body;
    if (body.type === 'BlockStatement') {
      if (body.body.length === 0) return this.typeTests ? 'real' : 'empty';
      // Nothing but types (zod's `type _Refined<T> = …` that must not recurse too deep): the compiler checks them.
      if (body.body.every((statement) => statement.type === 'TSTypeAliasDeclaration' || statement.type === 'TSInterfaceDeclaration')) return 'real';
      const skip = body.body.map((statement) => this.runtimeSkipOf(statement)).find(Boolean);
      if (skip) return skip;
    }
    // A type test is checked by the compiler, body and all: jest's own `test('name', () => {})` type-checks `test`.
    if (assertions.size === 0) return scope.hookAsserts || this.typeTests ? 'real' : 'no-assertion';
    return assertions.has('live') ? 'real' : 'tautology';
  }

  /** `this.skip()`, `t.skip()`, `pending()`, `test.skip()` as a statement of its own: the test never runs its checks. */
  private runtimeSkipOf(statement: t.Statement): TestClass | undefined {
    if (statement.type !== 'ExpressionStatement') return undefined;
    const call = unwrapAwait(statement.expression);
    if (call.type !== 'CallExpression') return undefined;
    if (call.callee.type === 'Identifier' && call.callee.name === 'pending') return 'skipped';
    if (call.callee.type !== 'MemberExpression' || call.arguments.length > 0) return undefined;
    const name = propertyName(call.callee);
    const object = call.callee.object;
    const onContext = object.type === 'ThisExpression' || (object.type === 'Identifier' && (this.names.contextNames.has(object.name) || object.name === 'test'));
    if (!onContext || !name) return undefined;
    if (RUNTIME_SKIPS.has(name)) return 'skipped';
    return name === 'todo' ? 'todo' : undefined;
  }

  /**
   * The kinds of assertion under `node`: `live` ones check the code, `constant` ones compare constants
   * only. Tests declared under it are not its assertions; with a `scope`, they are visited as tests.
   * Helpers it calls count as live assertions when they assert, however deep they call each other.
   */
  private assertions(node: t.Node, scope?: Scope): Set<AssertionKind> {
    const helpers: HelperRef[] = [];
    const found = this.directAssertions(node, helpers, scope);
    if (!found.has('live') && helpers.length > 0 && this.refsAssert(helpers)) found.add('live');
    return found;
  }

  /** The assertions written under `node` itself; the helpers it calls (or hands on) are added to `helpers`. */
  private directAssertions(node: t.Node, helpers: HelperRef[], scope?: Scope): Set<AssertionKind> {
    const found = new Set<AssertionKind>();
    // Where the functions nested in `node` are: what runs in them runs when some code calls back.
    const callbacks: Array<{ start: number; end: number }> = [];
    walk(node, (child) => {
      if (child.type === 'CallExpression') {
        const declaration = this.declarationOf(child);
        if (declaration && scope) this.visitDeclaration(child, declaration, scope);
        if (declaration) return false;
      }
      if (child !== node && isFunction(child)) callbacks.push({ start: child.start, end: child.end });
      this.names.bind(child);
      let kind = child.type === 'CallExpression' ? this.assertionOfCall(child, helpers) : child.type === 'MemberExpression' ? this.propertyAssertionOf(child) : (child.type === 'NewExpression' && settlesOnCallback(child)) || isTypeCheck(child) ? 'live' : undefined;
      // t.pass() in a callback checks that the code called back: AVA fails a test that made no assertion, tap a plan left short.
      if (kind === 'constant' && child.type === 'CallExpression' && calleePath(child.callee)?.at(-1) === 'pass' && callbacks.some(({ start, end }) => child.start >= start && child.start < end)) kind = 'live';
      if (kind) found.add(kind);
      else if (child.type === 'CallExpression' && this.handsAssertionOn(child, helpers)) found.add('live');
      // expect(() => test('x')).toThrow(): what expect checks declares no test of this suite.
      if (child.type === 'CallExpression' && scope && this.names.isExpectEntry(child.callee)) return false;
      // The walk goes on below assertions: a helper that asserts may get a callback that declares subtests.
      return true;
    });
    return found;
  }

  /**
   * Whether any of the functions asserts, directly or through the helpers it calls: a search over
   * the call graph with a list of work, so that a chain of a thousand helpers needs no deep stack.
   */
  private refsAssert(refs: readonly HelperRef[]): boolean {
    const pending = [...refs];
    const seen = new Set<FunctionNode | string>();
    const searched: FunctionNode[] = [];
    while (pending.length > 0) {
      const ref = pending.pop()!;
      if ('type' in ref) {
        const known = this.assertingHelpers.get(ref);
        if (known) return true;
        if (known === false || seen.has(ref)) continue;
        seen.add(ref);
        searched.push(ref);
        const calls: HelperRef[] = [];
        if (this.directAssertions(ref.body, calls).size > 0) {
          this.assertingHelpers.set(ref, true);
          return true;
        }
        pending.push(...calls);
      } else if (ref.module === '') {
        if (seen.has(ref.name)) continue;
        seen.add(ref.name);
        pending.push(...(this.names.helpers.get(ref.name) ?? []));
      } else if (this.options.localModules?.asserts(this.file, ref.module, ref.name)) {
        return true;
      }
    }
    // Nothing reachable asserts: that holds for every function the search went through.
    for (const fn of searched) this.assertingHelpers.set(fn, false);
    return false;
  }

  private assertionOfCall(call: t.CallExpression, helpers: HelperRef[]): AssertionKind | undefined {
    const callee = call.callee;
    const path = calleePath(callee);
    if (path && this.assertPatterns.matches(path)) return 'live';
    // util.assertEqual<A, B>(true), assertIs<T>(x): an assert or expect helper given type arguments asserts on types, for the compiler.
    if (path && typeArgumentsOf(call) && TYPE_ASSERTION_NAME.test(path.at(-1) ?? '')) return 'live';
    // require('node:assert')(x), require('node:assert').strictEqual(a, b)
    if (callee.type === 'CallExpression' && ASSERT_MODULES.has(requiredModule(callee) ?? '')) return constantness(call.arguments, 'assert');
    if (callee.type === 'Identifier') {
      if (TYPE_ASSERTIONS.has(callee.name)) return 'live';
      // assert(x), and what was imported from an assert module: strictEqual(a, b), fail('unreachable')
      const assertion = this.names.assertNames.get(callee.name);
      if (assertion) return LIVE_WHATEVER_ARGUMENTS.has(assertion) || this.names.expectsUnderTest.has(callee.name) ? 'live' : constantness(call.arguments, assertion);
      const contextMethod = this.names.contextMethods.get(callee.name);
      if (contextMethod) return contextAssertion(contextMethod, call.arguments);
      // Testing Library's queries taken from render(…): const { getByText } = render(<App />)
      if (QUERY_THAT_THROWS.test(callee.name) && call.arguments.length > 0 && !this.names.helpers.has(callee.name)) return 'live';
      helpers.push({ module: '', name: callee.name });
      return undefined;
    }
    if (callee.type !== 'MemberExpression') return undefined;
    const method = propertyName(callee);
    const root = rootOf(callee);
    // jestExpect(fn)[matcher](…), expector.toHaveProperty(…) with `let expector = expect(x)`: matchers the source does not name, or on a held expectation.
    if (root.type === 'Identifier' && this.names.expectations.has(root.name)) return 'live';
    if (!method) return callee.computed && this.names.expectCallOf(callee.object) ? 'live' : undefined;
    if (ASSERT_MODULES.has(requiredModule(callee.object) ?? '')) return LIVE_WHATEVER_ARGUMENTS.has(method) ? 'live' : constantness(call.arguments, method);

    const expectCall = this.names.expectCallOf(callee.object);
    if (expectCall) {
      if (LIVE_WHATEVER_ARGUMENTS.has(method) || this.isTypeExpectation(expectCall, callee.object) || this.isExpectUnderTest(expectCall)) return 'live';
      return constantness([...expectCall.arguments, ...call.arguments], method, hasNot(callee.object));
    }
    if (root.type === 'Identifier' && this.names.expectNames.has(root.name) && callee.object === root) {
      return method === 'assertions' || method === 'hasAssertions' || method === 'fail' ? 'live' : undefined;
    }
    if (isShouldChain(callee.object)) return 'live';

    if (root.type === 'Identifier' && path) {
      // assert.equal(…), sinon.assert.calledOnce(…), chai.assert.isTrue(…), t.assert.ok(…)
      if (this.names.assertNames.has(root.name) || ((root.name === 'sinon' || root.name === 'chai' || this.names.contextNames.has(root.name)) && path[1] === 'assert')) {
        return LIVE_WHATEVER_ARGUMENTS.has(method) || this.names.expectsUnderTest.has(root.name) ? 'live' : constantness(call.arguments, method);
      }
      // chai's should.equal(a, b), should.not.exist(x)
      if (this.names.shouldNames.has(root.name)) return 'live';
      // sinon's mock.verify() and sandbox.verify(), testdouble's td.verify(…), nock's scope.done(): the mocks' expectations are checked
      if ((method === 'verify' || method === 'verifyAndRestore') && (this.names.mockNames.has(root.name) || /^(?:sinon|sandbox|td)$/.test(root.name) || path.includes('sandbox'))) return 'live';
      if (method === 'done' && call.arguments.length === 0 && this.names.mockNames.has(root.name)) return 'live';
      // Cypress asserts with .should(…) and .and(…) on a chain from cy: cy.get('h1').should('contain', 'Hi')
      if (root.name === 'cy' && (method === 'should' || method === 'and') && call.arguments.length > 0) return 'live';
      if (this.names.contextNames.has(root.name) && path.length === 2 && CONTEXT_ASSERTIONS.has(method)) return contextAssertion(method, call.arguments);
      // fc.assert(fc.property(…)): runs the property and throws on a counterexample.
      if (this.names.propertyModules.has(root.name) && method === 'assert') return 'live';
      const module = this.names.moduleNames.get(root.name);
      if (module && path.length === 2) helpers.push({ module, name: method });
    }
    // Playwright's waits fail the test when what they wait for never comes: page.waitForSelector('text=Done').
    if (PLAYWRIGHT_WAITS.has(method) && call.arguments.length > 0) return 'live';
    // Testing Library's queries that throw when nothing matches: screen.getByText('Hi'), within(list).findByRole('item')
    if (QUERY_THAT_THROWS.test(method) && call.arguments.length > 0 && (rootName(callee) === 'screen' || isWithinCall(callee.object))) return 'live';
    // supertest, also when the request is held in a variable: request(app).get('/').expect(200), test.expect(413, done)
    if (method === 'expect' && call.arguments.length > 0 && !(root.type === 'Identifier' && this.names.contextNames.has(root.name) && callee.object === root)) return 'live';
    helpers.push({ module: '', name: method });
    return undefined;
  }

  /** A file that imports the project's own `expect` tests an assertion library: its constant expectations are its inputs. */
  private isExpectUnderTest(_expectCall: t.CallExpression): boolean {
    for (const name of this.names.expectsUnderTest) if (this.names.expectNames.has(name)) return true;
    return false;
  }

  /** `expectTypeOf(x).toEqualTypeOf<Y>()`, tstyche's `expect<X>().type.toBe<Y>()`, anything in a `*.test-d.ts`: checked by the compiler. */
  private isTypeExpectation(expectCall: t.CallExpression, chain: t.Node): boolean {
    if (this.typeTests || typeArgumentsOf(expectCall) || (expectCall.callee.type === 'Identifier' && TYPE_ASSERTIONS.has(expectCall.callee.name))) return true;
    for (let current: t.Node = chain; current.type === 'MemberExpression'; current = current.object) if (propertyName(current) === 'type') return true;
    return false;
  }

  /**
   * A call that hands an assertion to other code asserts through it: `check(equal, line)`,
   * `helper(t)`, `pino({ browser: { write: fail } })`, `cases.forEach(checkCase)` with a helper that asserts.
   */
  private handsAssertionOn(call: t.CallExpression, helpers: HelperRef[]): boolean {
    for (const argument of call.arguments) if (this.isHandedAssertion(argument, helpers)) return true;
    return false;
  }

  private isHandedAssertion(node: t.Node, helpers: HelperRef[]): boolean {
    if (node.type === 'Identifier') {
      if (this.names.contextNames.has(node.name) || this.names.contextMethods.has(node.name) || this.names.assertNames.has(node.name) || this.names.expectNames.has(node.name)) return true;
      helpers.push({ module: '', name: node.name });
      return false;
    }
    // helper.bind(null, expected)
    if (isBindCall(node) && node.callee.object.type === 'Identifier') {
      helpers.push({ module: '', name: node.callee.object.name });
      return false;
    }
    if (node.type === 'ObjectExpression') return node.properties.some((property) => property.type === 'Property' && this.isHandedAssertion(property.value, helpers));
    return node.type === 'ArrayExpression' && node.elements.some((element) => element !== null && this.isHandedAssertion(element, helpers));
  }

  /** chai property assertions: `expect(x).to.be.true`, `x.should.exist`. */
  private propertyAssertionOf(member: t.MemberExpression): AssertionKind | undefined {
    const name = propertyName(member);
    if (!name || !CHAI_PROPERTY_ASSERTIONS.has(name)) return undefined;
    const expectCall = this.names.expectCallOf(member.object);
    if (expectCall) return constantness(expectCall.arguments, name);
    return isShouldChain(member.object) ? 'live' : undefined;
  }



  private declarationOf(call: t.CallExpression): Declaration | undefined {
    // Most calls are not declarations; their root name says so without building the path.
    const root = rootName(call.callee);
    if (root === undefined || !(TEST_BASES.has(root) || SUITE_BASES.has(root) || this.names.contextNames.has(root)) || this.names.shadowed.has(root)) return undefined;
    const path = declarationPath(call.callee, CURRIED);
    if (!path) return undefined;
    let [base, ...modifiers] = path;
    if (!base) return undefined;
    // node:test subtests: t.test('title', fn)
    if (this.names.contextNames.has(base) && modifiers[0] === 'test') [base, ...modifiers] = modifiers as [string, ...string[]];
    if (!modifiers.every((modifier) => MODIFIERS.has(modifier))) return undefined;
    const first = call.arguments[0];
    if (!first || !canBeTitle(first)) return undefined;
    // Playwright's conditional annotations, `test.skip(isMobile, 'reason')`, declare no test.
    if (isString(call.arguments[1]) && !call.arguments.some(isFunction)) return undefined;
    if (SUITE_BASES.has(base)) return { kind: 'suite', base, modifiers };
    if (!TEST_BASES.has(base)) return undefined;
    return { kind: modifiers.includes('describe') ? 'suite' : 'test', base, modifiers };
  }

  private flagsOf(call: t.CallExpression, declaration: Declaration): Flags {
    const { base, modifiers } = declaration;
    const flags: Flags = {
      skipped: base.startsWith('x') || modifiers.some((modifier) => SKIP_MODIFIERS.has(modifier)) || conditionSkips(call.callee),
      todo: modifiers.includes('todo'),
      focused: base.startsWith('f') || modifiers.includes('only'),
    };
    // node:test options: test('title', { skip: true }, fn)
    const options = call.arguments.find((argument): argument is t.ObjectExpression => argument.type === 'ObjectExpression');
    for (const property of options?.properties ?? []) {
      if (property.type !== 'Property' || property.key.type !== 'Identifier') continue;
      const value = property.value;
      const set = value.type === 'Literal' && typeof value.value === 'boolean' ? value.value : isString(value) || value.type === 'TemplateLiteral';
      if (!set) continue;
      if (property.key.name === 'skip') flags.skipped = true;
      else if (property.key.name === 'todo') flags.todo = true;
      else if (property.key.name === 'only') flags.focused = true;
    }
    return flags;
  }

  /** The test function: the last function argument, a function of the file passed by name (or bound), or `opaque` (imported). */
  private callbackOf(call: t.CallExpression): FunctionNode | 'opaque' | undefined {
    const args = call.arguments.slice(1);
    const inline = args.findLast(isFunction);
    if (inline) return inline;
    const named = args.find((argument) => argument.type === 'Identifier' || argument.type === 'MemberExpression' || argument.type === 'CallExpression');
    if (!named) return undefined;
    // it('works', check.bind(null, input))
    const target = isBindCall(named) ? named.callee.object : named;
    if (target.type === 'Identifier') return this.names.localFunction(target.name) ?? 'opaque';
    return 'opaque';
  }


  private titleOf(call: t.CallExpression): string {
    const first = call.arguments[0];
    if (!first) return '(untitled)';
    if (isString(first)) return first.value;
    if (first.type === 'TemplateLiteral' && first.expressions.length === 0) return first.quasis.map((quasi) => quasi.value.cooked ?? quasi.value.raw).join('');
    const text = this.code.slice(first.start, first.end).replace(/\s+/g, ' ');
    return text.length > 80 ? `${text.slice(0, 77)}...` : text;
  }
}

/** A test-context assertion (`t.is(…)`, or `equal(…)` destructured from the context). */
function contextAssertion(method: string, values: readonly t.Node[]): AssertionKind {
  if (ALWAYS_PASSING.has(method)) return 'constant';
  return LIVE_WHATEVER_ARGUMENTS.has(method) ? 'live' : constantness(values, method);
}

/**
 * A statement kept for the compiler: `const _check: Expected = value` (a binding named as unused,
 * with a type) or `value satisfies Expected;` asserts that the value has the type.
 */
function isTypeCheck(node: t.Node): boolean {
  if (node.type === 'VariableDeclarator') return node.id.type === 'Identifier' && node.id.name.startsWith('_') && Boolean(node.id.typeAnnotation) && Boolean(node.init);
  return node.type === 'ExpressionStatement' && node.expression.type === 'TSSatisfiesExpression';
}

function isString(node: t.Node | undefined): node is t.StringLiteral {
  return node?.type === 'Literal' && typeof node.value === 'string';
}

function isWithinCall(node: t.Node): boolean {
  return node.type === 'CallExpression' && node.callee.type === 'Identifier' && node.callee.name === 'within';
}
