import { compileAssertPatterns } from './assert-patterns.js';
import { AssertionFinder } from './assertions.js';
import {
  boundNames, calleePath, isFunction, isString, keyName, literalValue, packageImported, propertyName, propertyValue, requiredModule, returnedValues, rootName, rootOf, SourceLines, TYPESCRIPT_FILE, unwrapAwait, walk, withoutTypeAssertions,
  type FunctionNode, type ParsedSource, type t,
} from './ast.js';
import type { AssertionKind } from './constants.js';
import { Bindings, CHECKING_NAME, SUITE_BASES, TEST_BASES, TYPE_ASSERTIONS, type HelperRef } from './bindings.js';
import { isTestCodePath } from './files.js';
import { CURRIED, Declarations, denoTestObject, type Declaration, type Flags } from './declarations.js';
import { acknowledge, awaitsCallback, endsAwaitingEvent, endsThrowingIf, generatorOf, GENERATOR_MODULES, isBindCall, isWrittenFile, onlyCalls, returnsCondition, runsCallersTest, settlesOnEvent, throwsInFunctionWithin, throwsOnCondition } from './test-body.js';
import { compilerReading, declaresGenericFunction, runsCheckingCommand } from './compiler-checks.js';
import type { AnalyzeOptions, FileAnalysis, TestCase, TestClass } from './analyze.js';
import type { DeclaredTests } from './local-modules.js';

/*
 * The walk over one file's declarations: suites, tests, hooks and the helpers that declare tests or
 * assert, each test classified (analyze.ts parses the file and hands its tree here).
 */

/** A test's own timeout up to this is a limit on its speed, not room for slow work (the runners' defaults are 2–5 s). */
const TIGHT_TIMEOUT_MS = 1000;
/** The runners whose `expect` is a global of the tests they run. */
const GLOBAL_EXPECT_MODULES = ['jest', 'expect', '@jest/globals', 'vitest'];
const HOOKS = new Set(['beforeEach', 'afterEach', 'beforeAll', 'afterAll', 'before', 'after', 'setup', 'teardown', 'suiteSetup', 'suiteTeardown']);
const AFTER_HOOKS = new Set(['afterEach', 'afterAll', 'after', 'teardown', 'suiteTeardown']);
/** The properties that hold a helper's focused and skipped forms: `helper.only = function (…) { describe.only(…) }`. */
const VARIANT_PROPERTIES = new Set(['only', 'skip']);
/** Statements that declare what runs later rather than run: a helper module's top level. */
const DECLARING_STATEMENTS = new Set(['FunctionDeclaration', 'ClassDeclaration', 'VariableDeclaration', 'ImportDeclaration', 'ExportNamedDeclaration', 'ExportDefaultDeclaration', 'ExportAllDeclaration', 'TSTypeAliasDeclaration', 'TSInterfaceDeclaration', 'TSModuleDeclaration', 'TSEnumDeclaration']);
/** QUnit's hooks, a module's options or the methods of the `hooks` its callback is given. */
const QUNIT_HOOKS = new Set(['before', 'beforeEach', 'afterEach', 'after']);

/** Statements that skip the test they stand in, unconditionally: `this.skip()`, `t.skip()`, `pending()`, `test.skip()`. */
const RUNTIME_SKIPS = new Set(['skip', 'fixme']);

/** A file of QUnit's tests: its global, or its module. */
const QUNIT_FILE = /\bQUnit\.|['"]qunit['"]/;
/** Type-test files (vitest `*.test-d.ts`, tstyche `__typetests__` and `*.tst.ts`, tsd's `test-d/`): their expectations are checked by the compiler. */
const TYPE_TEST_FILE = /(?:\.test-d\.[cm]?tsx?|\.tst\.[cm]?tsx?)$|(?:^|\/)(?:__typetests__|test-d)\//;
/**
 * TypeScript test files named for types are type-test files too, whose tests that only compile are the accepted
 * cases beside the rejected ones (xstate's `it('should accept a valid event type', () => { createMachine({ types: …,
 * entry: raise({ type: 'FOO' }) }) })`): by the name's qualifier (`spawn.types.test.ts`), or named `types.test.ts`
 * and holding a `// @ts-expect-error` (a plain `types.test.ts` may test a `types.ts` at run time).
 */
const TYPES_QUALIFIED_TEST = /[^/]\.(?:types?|typings)\.(?:test|spec)\.[cm]?tsx?$/;
const TYPES_NAMED_TEST = /(?:^|\/)(?:types?|typings)\.(?:test|spec)\.[cm]?tsx?$/;
/**
 * A suite or test titled as type tests: `describe.skip('type tests', …)`, `test.skip('Type Tests', …)`, lit's
 * `test.skip('type-only: correctly infers …')`; or one under a comment that says so (lit's `// Type only test to be caught at build time.`).
 */
const TYPE_TESTS_TITLE = /\btype[- ]?(?:tests?|only)\b/i;
/**
 * A test's title or comment saying that it checks compilation: `should compile when …`, `This should compile without errors`, `Type-only check`,
 * trpc's `good initialData does not typeerror` beside `invalid initialData should typeerror`, zod's `z.pipe type enforcement`; or a suite's,
 * trpc's `describe('typedefs on createClient')`.
 */
const COMPILE_CHECK_NOTE = /\bshould (?:compile|type-?check)\b|\bcompiles? without (?:type )?errors?\b|\bcompile[- ]time\b|\btype[- ]only\b|\btype[- ]?errors?\b|\btype[- ]enforcement\b|\bassignab(?:le|ility)\b|\btypedefs?\b|\btypings\b/i;



/** Whether `fn` calls a method of one of its parameters at `positions`: `(e) => e.toMatchInlineSnapshot(…)`, handed an expectation there. */
function callsMatcherOn(fn: FunctionNode, positions: readonly number[]): boolean {
  const names = new Set(positions.flatMap((position) => {
    const param = fn.params[position];
    return param?.type === 'Identifier' ? [param.name] : [];
  }));
  if (names.size === 0) return false;
  let found = false;
  walk(fn.body, (node) => {
    if (found) return false;
    if (node.type === 'CallExpression' && node.callee.type === 'MemberExpression' && names.has(rootName(node.callee) ?? '')) found = true;
    return true;
  });
  return found;
}

/** `Cypress.Commands.add('login', { prevSubject: false }, (user) => { … })`: a method of `cy`, and the function it runs. */
function cypressCommand(call: t.CallExpression): { name: string; fn: FunctionNode } | undefined {
  const path = calleePath(call.callee);
  if (path?.length !== 3 || path[0] !== 'Cypress' || path[1] !== 'Commands' || (path[2] !== 'add' && path[2] !== 'overwrite')) return undefined;
  const [name] = call.arguments;
  const fn = call.arguments.at(-1);
  return isString(name) && fn && isFunction(fn) && fn.body ? { name: name.value, fn: fn as FunctionNode } : undefined;
}

/** The call of a function by its name that a statement makes, its value unused: `mockWarn()`, `setup()`. */
function helperCalled(statement: t.Node): { call: t.CallExpression; name: string } | undefined {
  const call = statement.type === 'ExpressionStatement' ? unwrapAwait(statement.expression) : undefined;
  return call?.type === 'CallExpression' && call.callee.type === 'Identifier' ? { call, name: call.callee.name } : undefined;
}

/** Flags a suite passes down to what it declares. */
interface Scope {
  skipped: boolean;
  /** The line of the suite that skips the tests in it, for an ESLint comment above it that accepts them (see acknowledge). */
  skippedBy?: number;
  todo: boolean;
  /** A hook (`beforeEach`, `afterEach` …) of an enclosing suite asserts, on behalf of every test. */
  hookAsserts: boolean;
  /** In a suite of type tests that the runner skips and the compiler checks (see compiledOnly). */
  typeTests?: boolean;
  /** In a suite whose title says it checks compilation (see COMPILE_CHECK_NOTE). */
  checksCompilation?: boolean;
  /**
   * The parameters of the helpers around: functions the file does not run as it loads (it hands
   * them to no call), such as enzyme's `function itIf(cond, a, b)`. What they hold is the caller's.
   */
  callerNames: ReadonlySet<string>;
  /** Those helpers, for the functions their callers hand them (see callsCallersCheck). */
  callers: readonly FunctionNode[];
}


/** Comments the analysis reads: those that disable a lint rule for the next line, and `@ts-expect-error`. */
const ACTIVE_COMMENT = /eslint-disable-next-line|@ts-expect-error/;

/**
 * A declaration of the test its caller passes: in a helper, with no function of its own, it
 * declares the test function (or, without one, the title) of a parameter, as enzyme's
 * `function itIf(cond, a, b) { if (cond) it(a, b); else it.skip(a, b); }` or `it(...args)`, also
 * made from them (svelte's `test.only = (text, fn) => { it.only(\`${text} (runes mode)\`, run_test(true, fn)) }`).
 * Each call declares a test, skipped or focused as the caller chooses; the helper by itself, none.
 */
function declaresCallersTest(call: t.CallExpression, callerNames: ReadonlySet<string>): boolean {
  if (callerNames.size === 0 || call.arguments.some(isFunction)) return false;
  const passed = (argument: t.Node): boolean => {
    const node = withoutTypeAssertions(argument);
    return (node.type === 'Identifier' && callerNames.has(node.name)) || (node.type === 'SpreadElement' && passed(node.argument)) || ((node.type === 'TemplateLiteral' || node.type === 'CallExpression') && mentionsAny(node, callerNames));
  };
  const [title, ...rest] = call.arguments;
  return rest.length > 0 ? rest.some(passed) : title !== undefined && passed(title);
}

/**
 * The names in a helper that hold what its caller passed: its parameters, and the constants it picks among them
 * (payload's `const testFn = typeof optionsOrFn === 'function' ? optionsOrFn : fn`, for `it(name, options?, fn)`).
 */
function callerNamesOf(helper: t.Function | t.ArrowFunctionExpression): string[] {
  const names = helper.params.flatMap(boundNames);
  const statements = helper.body?.type === 'BlockStatement' ? helper.body.body : [];
  const isPassed = (value: t.Node): boolean => {
    const node = withoutTypeAssertions(value);
    if (node.type === 'Identifier') return names.includes(node.name);
    if (node.type === 'ConditionalExpression') return isPassed(node.consequent) && isPassed(node.alternate);
    if (node.type === 'LogicalExpression') return isPassed(node.left) && isPassed(node.right);
    return false;
  };
  for (const statement of statements) {
    if (statement.type !== 'VariableDeclaration') continue;
    for (const declarator of statement.declarations) if (declarator.id.type === 'Identifier' && declarator.init && isPassed(declarator.init)) names.push(declarator.id.name);
  }
  return names;
}

/** Whether `node` names one of `names`, outside the functions in it. */
function mentionsAny(node: t.Node, names: ReadonlySet<string>): boolean {
  let found = false;
  walk(node, (child) => {
    if (child.type === 'Identifier' && names.has(child.name)) found = true;
    return !found && !isFunction(child);
  });
  return found;
}

/** Whether a branch requires or imports a module by a relative path (`require('./es2017/asyncFunctions.js').call(this)`). */
function loadsLocalModule(branch: t.Node): boolean {
  let found = false;
  walk(branch, (node) => {
    if ((requiredModule(node) ?? '').startsWith('.')) found = true;
    return !found;
  });
  return found;
}

/** nodeunit's hooks, beside its tests in an exported group. */
const NODEUNIT_HOOKS = new Set(['setUp', 'tearDown']);

/** Whether a function calls `method` of `name` anywhere in its body (`test.done()`). */
function callsMethodOf(fn: FunctionNode, name: string, method: string): boolean {
  let found = false;
  walk(fn.body, (node) => {
    if (node.type === 'CallExpression' && node.callee.type === 'MemberExpression' && node.callee.object.type === 'Identifier' && node.callee.object.name === name && propertyName(node.callee) === method) found = true;
    return !found;
  });
  return found;
}

/** japa's checks of a test's run, chained on its declaration: `.throws(message, ErrorClass)`, `.fails(reason)`. */
const RUNNER_CHECKS = new Set(['throws', 'fails']);

/** Test options of mocha-sugar-free that make a test wait for its context's `done()`: `{ async: true }`. */
function isAsyncOption(node: t.Node): boolean {
  if (node.type !== 'ObjectExpression') return false;
  const value = propertyValue(node, 'async');
  return value?.type === 'Literal' && value.value === true;
}

/** A literal, a template or an array: data, never the function a test runs. */
function isData(node: t.Node): boolean {
  return node.type === 'Literal' || node.type === 'TemplateLiteral' || node.type === 'ArrayExpression';
}

/** Whether a function calls `expectTypeOf`, `assertType` or another assertion the compiler checks, or tstyche's `expect(x).type…`. */
function callsTypeAssertion(fn: FunctionNode): boolean {
  let found = false;
  walk(fn.body, (node) => {
    if (node.type === 'CallExpression' && node.callee.type === 'Identifier' && TYPE_ASSERTIONS.has(node.callee.name)) found = true;
    if (node.type === 'MemberExpression' && propertyName(node) === 'type' && node.object.type === 'CallExpression' && rootName(node.object.callee) === 'expect') found = true;
    return !found;
  });
  return found;
}

/** A stretch of the file, by offsets. */
type Span = { start: number; end: number };

/** Whether a branch ends by returning: `{ it(…); return; }`. */
function endsReturning(branch: t.Node): boolean {
  const last = branch.type === 'BlockStatement' ? branch.body.at(-1) : branch;
  return last?.type === 'ReturnStatement';
}

export class FileAnalyzer {
  private readonly tests: TestCase[] = [];
  /** Where each test's declaration starts, for the branch it is in (see withoutPlaceholders). */
  private readonly testStarts = new Map<TestCase, number>();
  /** The line of the suite that skips each test a skipped suite holds (see acknowledge). */
  private readonly skippedBy = new Map<TestCase, number>();
  /** Test declarations chained with what their run must do, which the runner checks: japa's `test('…', fn).throws('message', ErrorClass)`. */
  private readonly checkedByRunner = new Set<t.Node>();
  /**
   * The two branches of each `if … else` the walk passes, outside tests, and their condition; and of each `if` that returns, with the
   * statements after it in its block for the other branch (`early`).
   */
  private readonly alternatives: Array<{ branches: [t.Node, t.Node | Span]; condition: t.Node; early: boolean }> = [];
  private readonly focusedSuites: FileAnalysis['focusedSuites'] = [];
  private readonly packageImports = new Set<string>();
  /** What calling each function of the file declares, once asked (see testsIn), per depth of the question (see LocalModules.depth). */
  private readonly declaredByFunctionAt: Array<Map<FunctionNode, DeclaredTests>> = [];
  /** How many declarations of their caller's tests the walks met (see declaresCallersTest). */
  private passedThrough = 0;
  private readonly names = new Bindings();
  private readonly declarations = new Declarations(this.names);
  private readonly typeTests: boolean;
  /** The lines right under a comment that calls what follows type tests (see TYPE_TESTS_TITLE). */
  private readonly typeTestNotes = new Set<number>();
  /** Where comments say that the code checks compilation (see COMPILE_CHECK_NOTE). */
  private readonly compileNotes: number[] = [];
  private readonly qunit: boolean;
  /** Functions a helper's focused or skipped form holds (rollup's `runTestSuiteWithSamples.only = function (name, …) { describe.only(name, …) }`). */
  private readonly helperVariants: Array<{ start: number; end: number }> = [];
  /** A TypeScript file: the compiler checks what its tests declare, even what they never run. */
  private readonly typescript: boolean;
  private readonly finder: AssertionFinder;
  private readonly lines: SourceLines;

  /** The file's tree, when it was parsed whole: where the calls of a helper are looked up (see callsCallersCheck). */
  private wholeProgram: t.Program | undefined;
  /** The helpers whose hooks are being looked up (see registersAssertingHook). */
  private readonly hookRegistrars = new Set<FunctionNode>();
  /** The calls of each helper of the file, once looked up. */
  private readonly callsOf = new Map<FunctionNode, t.CallExpression[]>();

  /** Where `// @ts-expect-error` comments are: the compiler fails when the line under one compiles. */
  private typeErrorExpectations: number[] = [];

  constructor(
    private readonly code: string,
    private readonly file: string,
    private readonly options: AnalyzeOptions,
  ) {
    this.typeTests = TYPE_TEST_FILE.test(file) || TYPES_QUALIFIED_TEST.test(file) || (TYPES_NAMED_TEST.test(file) && code.includes('@ts-expect-error'));
    this.typescript = TYPESCRIPT_FILE.test(file);
    this.qunit = QUNIT_FILE.test(code);
    const localModules = options.localModules;
    if (localModules) {
      this.names.isOwnTestLibrary = (source) => localModules.isOwnTestLibrary(source, file);
      // In the runner's own repository its global `expect` is the code under test too (jest's e2e `expect({}).toEqual({})` once Symbol is deleted).
      if (GLOBAL_EXPECT_MODULES.some((name) => localModules.isOwnTestLibrary(name, file))) this.names.expectsUnderTest.add('expect');
    }
    this.finder = new AssertionFinder(this.names, {
      path: file,
      typeTests: this.typeTests,
      assertPatterns: options.assertPatterns ?? compileAssertPatterns([]),
      localModules: options.localModules,
      patchedMethods: options.patchedMethods,
      isDeclaration: (call) => this.declarations.of(call) !== undefined,
      failsWithoutAssertions: this.qunit,
    });
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
      for (const comment of parsed.comments) {
        if (ACTIVE_COMMENT.test(comment.value)) comments.push(comment);
        if (TYPE_TESTS_TITLE.test(comment.value)) this.typeTestNotes.add(this.lines.at(comment.end).line + 1);
        if (COMPILE_CHECK_NOTE.test(comment.value)) this.compileNotes.push(comment.start);
      }
      this.collectBindings(parsed.program);
      if (parsed.program.body.some((statement) => this.hookOf(statement) || helperCalled(statement) || this.flatModuleHooks(statement).length > 0)) withHooks.push(part);
    }
    this.typeErrorExpectations = comments.filter((comment) => comment.value.includes('@ts-expect-error')).map((comment) => comment.start);
    // The file's own hooks assert for every test in it: known before the first test is judged.
    const hookAsserts = withHooks.some((part) => part().program.body.some((statement) => this.isAssertingHook(statement)));
    this.wholeProgram = parts.length === 1 ? parts[0]!().program : undefined;
    const scope: Scope = { skipped: false, todo: false, hookAsserts, callerNames: new Set(), callers: [] };
    for (const part of parts) for (const statement of part().program.body) this.visit(statement, scope);
    if (this.tests.length === 0) for (const part of parts) this.visitNodeunitTests(part().program, scope);
    // tsd and tstyche files may assert at the top level, with no test around: the file is one type test.
    if (this.typeTests && this.tests.length === 0 && parts.some((part) => this.hasTypeAssertions(part().program))) this.tests.push({ title: '(type assertions of the file)', line: 1, column: 1, testClass: 'real' });
    // A script that asserts as it runs, with no test declared (solid's babel-preset-solid: `node test.js`, `assert.equal(…)` at its top level), is one test.
    if (this.tests.length === 0 && parts.some((part) => this.assertsAsItRuns(part().program))) this.tests.push({ title: '(assertions of the file)', line: 1, column: 1, testClass: 'real' });
    const tests = this.withoutPlaceholders();
    acknowledge(tests, comments, this.lines, this.skippedBy);
    return { tests, focusedSuites: this.focusedSuites, ...(this.packageImports.size > 0 ? { packageImports: [...this.packageImports] } : {}) };
  }

  /**
   * One pass over the file for imports of assertion libraries and for helper functions. Test
   * bodies are left to the walk that classifies the test, which binds what they define.
   */
  collectBindings(program: t.Program): void {
    walk(program, (node) => {
      const imported = packageImported(node);
      if (imported) this.packageImports.add(imported);
      if (node.type === 'CallExpression' && node.callee.type === 'MemberExpression' && RUNNER_CHECKS.has(propertyName(node.callee) ?? '') && node.callee.object.type === 'CallExpression' && this.declarations.of(node.callee.object)?.kind === 'test') {
        this.checkedByRunner.add(node.callee.object);
      }
      if (node.type === 'CallExpression') return this.declarations.of(node)?.kind !== 'test';
      this.names.bind(node);
      return true;
    });
  }

  /** `expectTypeOf(…)`, `expectType<…>(…)`, `expect<…>()` or `// @ts-expect-error` anywhere in a type-test file, suites included. */
  /**
   * Whether a statement of the program that runs as it loads asserts, itself: not one that declares, nor one that hands a function
   * to a call, which may be a test function of a name the gate does not know (`run('t', () => { expect(…) })`).
   */
  assertsAsItRuns(program: t.Program): boolean {
    return program.body.some((statement) => {
      if (DECLARING_STATEMENTS.has(statement.type)) return false;
      let handsFunction = false;
      walk(statement, (node) => !(handsFunction ||= isFunction(node)));
      return !handsFunction && this.finder.assertions(statement).has('live');
    });
  }

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

  /**
   * Whether a helper's test calls a function the helper was given, where a caller hands it one that
   * asserts: webpack's `createTestCase(name, config, fn)` declares `it(…, () => { …; fn(err.message) })`,
   * and its callers pass `(msg) => expect(msg).toMatchInlineSnapshot(…)`.
   */
  /** Whether a test of a table (`test.each(rows)`, `test.for(rows)`) calls or hands on a function of its row that asserts. */
  private callsAssertingRowFunction(call: t.CallExpression, fn: FunctionNode): boolean {
    const curried = call.callee;
    if (curried.type !== 'CallExpression' || curried.callee.type !== 'MemberExpression' || !['each', 'for'].includes(propertyName(curried.callee) ?? '')) return false;
    const given = curried.arguments[0];
    const table = given?.type === 'Identifier' ? this.names.valueOf(given.name) : given;
    if (table?.type !== 'ArrayExpression') return false;
    // The keys of the rows' functions that assert: `{ name, $expect: () => { expect(…) } }`.
    const asserting = new Set<string>();
    for (const row of table.elements) {
      if (row?.type !== 'ObjectExpression') continue;
      for (const property of row.properties) {
        const key = property.type === 'Property' ? keyName(property.key) : undefined;
        if (key && property.type === 'Property' && isFunction(property.value) && this.finder.assertions(property.value.body).has('live')) asserting.add(key);
      }
    }
    if (asserting.size === 0) return false;
    const rowNames = new Set(fn.params.flatMap(boundNames));
    // `({ $expect }) => editor.read($expect)`, `(row) => row.check()`.
    const isAssertingValue = (node: t.Node) =>
      (node.type === 'Identifier' && rowNames.has(node.name) && asserting.has(node.name)) ||
      (node.type === 'MemberExpression' && rowNames.has(rootName(node) ?? '') && asserting.has(propertyName(node) ?? ''));
    let uses = false;
    walk(fn.body, (node) => {
      if (node.type === 'CallExpression' && (isAssertingValue(node.callee) || node.arguments.some(isAssertingValue))) uses = true;
      return !uses;
    });
    return uses;
  }

  private callsCallersCheck(fn: FunctionNode, callers: readonly FunctionNode[]): boolean {
    if (callers.length === 0 || !this.wholeProgram) return false;
    const positions: Array<{ helper: FunctionNode; index: number; expectations: number[] }> = [];
    walk(fn.body, (node) => {
      if (node.type !== 'CallExpression' || node.callee.type !== 'Identifier') return true;
      const name = node.callee.name;
      // webpack's `fn(expect(new Diff(diff)), expect(result))`: the function is handed expectations to finish.
      const expectations = node.arguments.flatMap((argument, position) => (this.names.expectCallOf(argument) ? [position] : []));
      for (const helper of callers) {
        const index = helper.params.findIndex((param) => param.type === 'Identifier' && param.name === name);
        if (index !== -1) positions.push({ helper, index, expectations });
      }
      return true;
    });
    return positions.some(({ helper, index, expectations }) =>
      this.callsOfHelper(helper).some((call) => {
        const given = call.arguments[index];
        return given !== undefined && isFunction(given) && (this.finder.helpersAssert([given]) || callsMatcherOn(given, expectations));
      }),
    );
  }

  /** The calls of a function of the file by the names it is bound to (`const createTestCase = (…) => …`). */
  private callsOfHelper(helper: FunctionNode): t.CallExpression[] {
    let calls = this.callsOf.get(helper);
    if (!calls) {
      const names = new Set([...this.names.helpers].filter(([, refs]) => refs.includes(helper)).map(([name]) => name));
      const found: t.CallExpression[] = [];
      if (names.size > 0) {
        walk(this.wholeProgram!, (node) => {
          if (node.type === 'CallExpression' && node.callee.type === 'Identifier' && names.has(node.callee.name)) found.push(node);
          return true;
        });
      }
      calls = found;
      this.callsOf.set(helper, calls);
    }
    return calls;
  }

  /**
   * What the module exports as `name`, when it is a helper module. A barrel of test helpers (`test/helpers/index.ts`:
   * `export * from './checks'`, valibot's `src/vitest/index.ts`) passes on what it re-exports whole; one of the code under
   * test (trpc's `@trpc/client`) does not: the guards of that code check nothing for a test.
   */
  private exportRefs(name: string): HelperRef[] {
    return isTestCodePath(this.file) ? this.names.exported(name) : (this.names.helpers.get(name) ?? []);
  }

  /**
   * Whether the module's export `name` (or `default`) asserts, when this file is a helper module; one named to check
   * that throws on a condition does, as a function of the test file does (graphql-js's `invariant(condition, message)`).
   */
  exportAsserts(name: string): boolean {
    const refs = this.exportRefs(name);
    return this.finder.helpersAssert(refs) || (CHECKING_NAME.test(name) && refs.some((ref) => 'type' in ref && throwsOnCondition(ref)));
  }

  /**
   * The methods the module patches onto objects (`qb.testSql = makeTestSQL(qb)`, `obj.check = function () { … }`)
   * that assert when called: a function asserting in its own body, or what a factory of the file makes,
   * when that asserts. A function that only patches others (knex's `client.queryBuilder = function () { … }`)
   * asserts nothing when called; nor does an export (`exports.check = …`), which tests import by name. A
   * patch in a test is that test's own (fastify's `stream.close = () => { t.assert.ok(…) }`): tests are not walked.
   */
  patchedAssertingMethods(program: t.Program): string[] {
    const names = new Set<string>();
    // Nothing in a type test runs: pino's `parentLogger.onChild = (child) => { expect(child).type.not.toHaveProperty('x') }`.
    if (this.typeTests) return [];
    walk(program, (node) => {
      if (node.type === 'CallExpression') {
        const command = cypressCommand(node);
        if (command && !names.has(command.name) && this.finder.assertsInBody(command.fn)) names.add(command.name);
        return this.declarations.of(node) === undefined;
      }
      if (node.type !== 'AssignmentExpression' || node.operator !== '=' || node.left.type !== 'MemberExpression' || node.left.object.type === 'ThisExpression') return true;
      const name = propertyName(node.left);
      const root = rootName(node.left);
      if (name && root !== 'module' && root !== 'exports' && !names.has(name) && this.assertsWhenCalled(node.right)) names.add(name);
      return true;
    });
    return [...names];
  }

  /**
   * The fixtures the module's extensions of a test function hand the tests a function that asserts with (see
   * PatchedMethods.fixtureAsserts): `name: async ({ page }, use) => { await use(() => …) }`, or `[fixture, { scope }]`.
   */
  assertingFixtures(program: t.Program): string[] {
    const names: string[] = [];
    walk(program, (node) => {
      if (node.type !== 'CallExpression' || node.callee.type !== 'MemberExpression' || propertyName(node.callee) !== 'extend' || node.arguments[0]?.type !== 'ObjectExpression') return true;
      for (const property of node.arguments[0].properties) {
        if (property.type !== 'Property') continue;
        const name = keyName(property.key);
        const value = property.value.type === 'ArrayExpression' ? property.value.elements[0] : property.value;
        if (name && value && isFunction(value) && this.handsAssertingFunction(value)) names.push(name);
      }
      return true;
    });
    return names;
  }

  /** Whether a fixture hands its `use` a function that asserts when called. */
  private handsAssertingFunction(fixture: FunctionNode): boolean {
    const use = fixture.params[1];
    if (use?.type !== 'Identifier') return false;
    let found = false;
    walk(fixture.body, (node) => {
      const argument = node.type === 'CallExpression' && node.callee.type === 'Identifier' && node.callee.name === use.name ? node.arguments[0] : undefined;
      // A function it declares and hands on by name: sveltekit's `async function clicknav(selector, { waitForURL }) { … }`, `await use(clicknav)`.
      const handed = argument?.type === 'Identifier' ? functionDeclaredIn(fixture.body, argument.name) : argument && isFunction(argument) ? argument : undefined;
      // Through the helpers it calls: ariakit's fixture hands on `(options) => visual(page, options, testInfo)`.
      if (handed && this.finder.helpersAssert([handed])) found = true;
      return !found;
    });
    return found;
  }

  private assertsWhenCalled(value: t.Node): boolean {
    // sequelize's type test of hooks, `hooks.beforeFind = (...args) => { expectTypeOf(args)… }`, checks nothing when it runs.
    if (isFunction(value)) return this.finder.assertsInBody(value) && !callsTypeAssertion(value);
    if (value.type !== 'CallExpression' || value.callee.type !== 'Identifier') return false;
    const factory = this.names.localFunction(value.callee.name);
    return factory !== undefined && returnedValues(factory).some((made) => isFunction(made) && this.finder.helpersAssert([made]));
  }

  /** Whether the module's export `name` hands back a Cypress chain, when this file is a helper module (see AssertionFinder.returnsCypressChain). */
  exportReturnsCypressChain(name: string): boolean {
    return this.finder.returnsCypressChain(name);
  }

  /** Whether what the module's export `name` returns has a method `method` that asserts, when this file is a helper module. */
  exportReturnsAssertingMethod(name: string, method: string): boolean {
    return this.finder.returnsAssertingMethod(name, method);
  }

  /** Whether the module's export `name` is an object with a method `method` that asserts, when this file is a helper module. */
  exportHasAssertingMethod(name: string, method: string): boolean {
    return this.finder.hasAssertingMethod(name, method);
  }

  /** Whether the module's export `name` returns a promise that only an event settles, when this file is a helper module. */
  exportSettlesOnEvent(name: string): boolean {
    const fn = this.names.localFunction(name);
    if (fn) return settlesOnEvent(fn, (local) => this.names.localFunction(local));
    return this.importedSettlesOnEvent(name);
  }

  /** Whether calling the module's export `name` registers a hook that asserts, when this file is a helper module. */
  exportRegistersAssertingHook(name: string): boolean {
    const fn = this.names.localFunction(name);
    if (fn) return this.registersAssertingHook(fn);
    const ref = this.names.helpers.get(name)?.find((candidate): candidate is { module: string; name: string } => !('type' in candidate) && candidate.module !== '');
    return ref !== undefined && (this.options.localModules?.registersAssertingHook(this.file, ref.module, ref.name) ?? false);
  }

  /** Whether a function registers, among its own statements, a hook that asserts. A function that calls itself back registers none that way. */
  private registersAssertingHook(fn: FunctionNode): boolean {
    if (fn.body.type !== 'BlockStatement' || this.hookRegistrars.has(fn)) return false;
    this.hookRegistrars.add(fn);
    try {
      return fn.body.body.some((statement) => this.isAssertingHook(statement));
    } finally {
      this.hookRegistrars.delete(fn);
    }
  }

  /** Whether what the file imports as `name` from a project module returns a promise that only an event settles. */
  private importedSettlesOnEvent(name: string): boolean {
    const ref = this.names.helpers.get(name)?.find((candidate): candidate is { module: string; name: string } => !('type' in candidate) && candidate.module !== '');
    return ref !== undefined && (this.options.localModules?.settlesOnEvent(this.file, ref.module, ref.name) ?? false);
  }

  /** The tests calling the module's export `name` declares, when this file is a helper module (see DeclaredTests). */
  exportTestsDeclared(name: string): DeclaredTests {
    let declared: DeclaredTests = 'none';
    for (const ref of this.exportRefs(name)) {
      const answer = 'type' in ref ? this.testsIn(ref) : (this.options.localModules?.testsDeclared(this.file, ref.module, ref.name) ?? 'none');
      if (answer === 'callers-test') return answer;
      if (answer === 'tests') declared = answer;
    }
    return declared;
  }

  /** The tests a helper function declares: a test that runs one of its parameters runs its caller's function. */
  private testsIn(fn: FunctionNode): DeclaredTests {
    const declaredByFunction = (this.declaredByFunctionAt[this.options.localModules?.depth ?? 0] ??= new Map());
    const known = declaredByFunction.get(fn);
    if (known) return known;
    const parameters = new Set(fn.params.flatMap(boundNames));
    let declared: DeclaredTests = 'none';
    walk(fn.body, (child) => {
      if (declared === 'callers-test') return false;
      if (child.type !== 'CallExpression') return true;
      const declaration = this.declarations.of(child);
      // A test of a title of its own that calls what the caller gives is the helper's (opentelemetry's `testDocumentHide(hide)`,
      // whose `it('should force flush spans', () => { …; hide(); … })` asserts itself): the caller's test has the caller's title.
      if (declaration?.kind === 'test' && !(child.arguments[0] && typeof literalValue(child.arguments[0])?.value === 'string') && runsCallersTest(child, parameters)) declared = 'callers-test';
      // Other functions of the file are not followed: helpers calling each other, a thousand deep, need no deep stack.
      else if (declaration || this.generatorOf(child, true, false)) declared = 'tests';
      return true;
    });
    declaredByFunction.set(fn, declared);
    return declared;
  }

  /**
   * A call of a table of tests: a library's (`pluginTester({…})`, `ruleTester.run(…)`, jest-in-case's
   * `cases(…)`), or, with `imported`, of a helper that declares tests: imported from the project's
   * helpers (emotion's `babelTester(title, __dirname)`, which hands its fixtures to jest-in-case), or a
   * function of the file (with `locals`) that declares its caller's test (`itIf(cond, title, fn)`). The
   * helper's own focused and skipped forms (`itIf.only(…)`, `describeIf.skip(…)`) give their `modifier`.
   */
  private generatorOf(call: t.CallExpression, imported = true, locals = true): { name: string; declared: DeclaredTests; modifier?: 'only' | 'skip' } | undefined {
    const known = generatorOf(call);
    if (known) return { name: known, declared: 'tests' };
    if (!imported) return undefined;
    const callee = call.callee;
    const property = callee.type === 'MemberExpression' && callee.object.type === 'Identifier' ? { of: callee.object.name, name: propertyName(callee) } : undefined;
    const modifier = property?.name === 'only' || property?.name === 'skip' ? property.name : undefined;
    // A helper of a module bound whole: luxon's `const Helpers = require('../helpers')`, then `Helpers.withNow(title, dt, () => { … })`.
    const module = property && !modifier ? this.names.moduleNames.get(property.of) : undefined;
    const name = callee.type === 'Identifier' ? callee.name : modifier ? property!.of : module !== undefined && property?.name ? `${property.of}.${property.name}` : undefined;
    if (name === undefined) return undefined;
    const ref = module !== undefined ? { module, name: property!.name! } : this.names.helpers.get(name)?.find((candidate) => !('type' in candidate));
    let declared: DeclaredTests;
    if (ref && !('type' in ref)) declared = GENERATOR_MODULES.has(ref.module) ? 'tests' : (this.options.localModules?.testsDeclared(this.file, ref.module, ref.name) ?? 'none');
    else {
      const local = locals ? this.names.localFunction(name) : undefined;
      declared = local ? this.testsIn(local) : 'none';
      // The tests a function of the file declares of its own were judged where it declares them.
      if (declared === 'tests' && !modifier) declared = 'none';
    }
    return declared === 'none' ? undefined : { name, declared, ...(modifier ? { modifier } : {}) };
  }

  /** Visits the statements of a suite (or the file): its hooks first, as they assert for every test in it. */
  private visitSuiteBody(statements: t.Node[], scope: Scope): void {
    this.noteEarlyReturns(statements);
    const hookAsserts = scope.hookAsserts || statements.some((statement) => this.isAssertingHook(statement));
    const inner = hookAsserts === scope.hookAsserts ? scope : { ...scope, hookAsserts };
    for (const statement of statements) this.visit(statement, inner);
  }

  /** Each `if` among `statements` that returns, with the statements after it for its other branch (see withoutPlaceholders). */
  private noteEarlyReturns(statements: readonly t.Node[]): void {
    const end = statements.at(-1)?.end ?? 0;
    for (const statement of statements) {
      if (statement.type === 'IfStatement' && !statement.alternate && endsReturning(statement.consequent)) this.alternatives.push({ branches: [statement.consequent, { start: statement.end, end }], condition: statement.test, early: true });
    }
  }

  private isAssertingHook(statement: t.Node): boolean {
    // A module of QUnit's flat form, `QUnit.module('x', { beforeEach(assert) { … } })`, holds the tests after it.
    const flat = this.flatModuleHooks(statement);
    if (flat.length > 0) return this.someAsserts(flat);
    const hook = this.hookOf(statement);
    // An after hook that ends throwing an error it makes checks what each test left (vue-router's unexpected warnings).
    if (hook) return this.someAsserts([hook.callback]) || (AFTER_HOOKS.has(hook.name) && endsThrowingIf(hook.callback));
    // A helper called for the hooks it registers: vue-router's `describe('…', () => { mockWarn(); … })`, whose afterEach fails a
    // test that warned unexpectedly, so that a test of no warning (`it('shows no warnings', () => { warnMissing(tree) })`) checks.
    const helper = helperCalled(statement);
    return helper !== undefined && this.declarations.of(helper.call) === undefined && this.exportRegistersAssertingHook(helper.name);
  }

  /** The hook `statement` declares (`beforeEach(() => …)`, `test.afterAll(…)`): its name, and the function it runs. */
  /** The hooks of a QUnit module's options: `QUnit.module('x', { beforeEach(assert) { … } }, …)`. */
  private optionHooks(call: t.CallExpression): FunctionNode[] {
    const options = call.arguments.find((argument) => argument.type === 'ObjectExpression');
    if (!this.qunit || !options || this.declarations.of(call)?.kind !== 'suite') return [];
    return options.properties.flatMap((property) => (property.type === 'Property' && QUNIT_HOOKS.has(keyName(property.key) ?? '') && isFunction(property.value) ? [property.value] : []));
  }

  /** The option hooks of a QUnit module of the flat form, which takes no function: the tests after it are its own. */
  private flatModuleHooks(statement: t.Node): FunctionNode[] {
    const call = statement.type === 'ExpressionStatement' ? statement.expression : undefined;
    return call?.type === 'CallExpression' && !call.arguments.some(isFunction) ? this.optionHooks(call) : [];
  }

  private someAsserts(hooks: readonly FunctionNode[]): boolean {
    return hooks.some((hook) => this.finder.assertions(hook.body).size > 0);
  }

  private hookOf(statement: t.Node): { name: string; callback: FunctionNode } | undefined {
    if (statement.type !== 'ExpressionStatement') return undefined;
    const call = unwrapAwait(statement.expression);
    if (call.type !== 'CallExpression') return undefined;
    const path = calleePath(call.callee);
    const name = path?.at(-1);
    // QUnit's `QUnit.module('x', function (hooks) { hooks.afterEach(…) })`.
    if (!path || !name || !HOOKS.has(name) || (path.length > 1 && path[0] !== 'test' && !(this.qunit && path.length === 2 && QUNIT_HOOKS.has(name)))) return undefined;
    const callback = call.arguments.find(isFunction);
    return callback ? { name, callback } : undefined;
  }

  /** Finds the test and suite declarations under `node`, wherever they are (loops, helper functions, blocks). */
  private visit(node: t.Node, scope: Scope): void {
    // The helpers the walk is in, innermost last. A function handed to a call (`cases.forEach(…)`, a
    // hook, an IIFE) may run as the file loads: its parameters are a table's rows, not a caller's test.
    const helpers: Array<t.Function | t.ArrowFunctionExpression> = [];
    const handed = new Set<t.Node>();
    // Calls made as statements, whose value nothing uses: only such a call of an imported helper may declare tests.
    const statements = new Set<t.Node>();
    // Functions whose parameters take a test function's name, innermost last (the AI SDK's `additionalTests.forEach(test => test(model))`).
    const shadowing: Array<{ end: number; names: string[] }> = [];
    walk(node, (child) => {
      if (child.type === 'ExpressionStatement') statements.add(unwrapAwait(child.expression));
      if (child.type === 'IfStatement' && child.alternate) this.alternatives.push({ branches: [child.consequent, child.alternate], condition: child.test, early: false });
      if (child.type === 'BlockStatement') this.noteEarlyReturns(child.body);
      while (helpers.length > 0 && helpers.at(-1)!.end <= child.start) helpers.pop();
      while (shadowing.length > 0 && shadowing.at(-1)!.end <= child.start) shadowing.pop();
      if (child.type === 'FunctionDeclaration' || child.type === 'FunctionExpression' || child.type === 'ArrowFunctionExpression') {
        if (!handed.has(child)) helpers.push(child);
        const names = child.params.flatMap(boundNames).filter((name) => TEST_BASES.has(name) || SUITE_BASES.has(name));
        if (names.length > 0) shadowing.push({ end: child.end, names });
        return true;
      }
      if (isWrittenFile(child)) return false;
      // Its caller chooses to focus or skip by calling it; defined, it focuses and skips nothing.
      if (child.type === 'AssignmentExpression' && child.left.type === 'MemberExpression' && VARIANT_PROPERTIES.has(propertyName(child.left) ?? '') && isFunction(child.right)) {
        this.helperVariants.push({ start: child.right.start, end: child.right.end });
      }
      if (child.type === 'NewExpression' || child.type === 'CallExpression') {
        handed.add(rootOf(child.callee));
        for (const argument of child.arguments) handed.add(argument);
      }
      if (child.type !== 'CallExpression') return true;
      // A parameter called with no function runs what it was given: it declares no test of its own, as a todo would.
      if (!child.arguments.some(isFunction) && shadowing.some(({ names }) => names.includes(rootName(child.callee) ?? ''))) return true;
      // expect(() => test('x')).toThrow(), tstyche's expect(test.each(table)(…)).type: values under check, not declarations.
      if (this.names.isExpectEntry(child.callee)) return false;
      const declaration = this.declarations.of(child);
      const callersHere = () => (helpers.length === 0 ? scope.callerNames : new Set([...scope.callerNames, ...helpers.flatMap(callerNamesOf)]));
      if (!declaration) {
        const generator = this.generatorOf(child, statements.has(child));
        if (!generator) return true;
        // `itIf.skip = (test, a, b) => { itIf(false, a, b); }`: a wrapper handing its caller's test to another.
        if (declaresCallersTest(child, callersHere())) return false;
        const modifiers = generator.modifier ? [generator.modifier] : [];
        const title = child.arguments.find(isString)?.value;
        // ky's `browserTest('title', browsers, async (t, page) => { … })`: the function is the body of the test the helper declares.
        if (generator.declared === 'callers-test' && child.arguments.some(isFunction)) {
          this.visitTest(child, { kind: 'test', base: 'it', modifiers, runByHelper: true }, scope, title);
          return false;
        }
        // A helper handed the caller's suite (enzyme's `describeIf(cond, 'title', () => { it(…) })`) declares the tests in it: they are judged here.
        if (generator.modifier === 'only') this.focusedSuites.push({ title: title ?? `${generator.name}.only(…)`, ...this.lines.at(child.start) });
        const inner = generator.modifier === 'skip' ? { ...scope, skipped: true } : scope;
        const before = this.tests.length;
        // A name the callback binds is its own: slate's `fixtures(dir, ({ module }) => { const { input, test } = module; test(input) })`.
        for (const argument of child.arguments) {
          if (isFunction(argument)) this.declarations.within(argument, () => this.visit(argument.body, inner));
        }
        // pluginTester({ … }), ruleTester.run(…), babelTester(title, __dirname): the tests come from a table, each checked.
        if (this.tests.length === before) this.addTest({ title: title ?? `${generator.name}(…)`, ...this.lines.at(child.start), testClass: inner.skipped ? 'skipped' : 'real' }, child.start);
        return false;
      }
      const callerNames = callersHere();
      this.visitDeclaration(child, declaration, callerNames === scope.callerNames ? scope : { ...scope, callerNames, callers: [...scope.callers, ...helpers.filter((helper): helper is FunctionNode => helper.body !== null)] });
      return false;
    });
  }

  /**
   * nodeunit's tests (grunt's own and its plugins', run by grunt-contrib-nodeunit): the functions of an object the module exports,
   * in groups of such objects, `exports.file = { 'read': function (test) { test.expect(1); test.equal(…); test.done(); } }`, with
   * setUp and tearDown for hooks. Taken from a file that declares no other test, where one of them ends through its `done()`.
   */
  private visitNodeunitTests(program: t.Program, scope: Scope): void {
    const groups: t.ObjectExpression[] = [];
    for (const statement of program.body) {
      const assignment = statement.type === 'ExpressionStatement' && statement.expression.type === 'AssignmentExpression' ? statement.expression : undefined;
      const target = assignment?.left.type === 'MemberExpression' ? calleePath(assignment.left) : undefined;
      if (assignment?.right.type === 'ObjectExpression' && (target?.[0] === 'exports' || (target?.[0] === 'module' && target[1] === 'exports'))) groups.push(assignment.right);
    }
    const tests: Array<{ title: string; fn: FunctionNode; context: string; start: number }> = [];
    for (let group = groups.pop(); group !== undefined; group = groups.pop()) {
      for (const property of group.properties) {
        const title = property.type === 'Property' ? keyName(property.key) : undefined;
        if (property.type !== 'Property' || title === undefined || NODEUNIT_HOOKS.has(title)) continue;
        const value = property.value;
        if (value.type === 'ObjectExpression') groups.push(value);
        const fn = isFunction(value) ? value : undefined;
        const first = fn?.params[0];
        if (fn && first?.type === 'Identifier') tests.push({ title, fn, context: first.name, start: property.start });
      }
    }
    if (!tests.some(({ fn, context }) => callsMethodOf(fn, context, 'done'))) return;
    for (const { title, fn, start } of tests.sort((a, b) => a.start - b.start)) {
      this.names.bindContext(fn.params);
      const assertions = this.finder.assertions(fn.body);
      this.addTest({ title, ...this.lines.at(start), testClass: this.classify(fn, { skipped: false, todo: false, focused: false }, scope, assertions) }, start);
    }
  }

  private addTest(test: TestCase, start: number): void {
    this.tests.push(test);
    this.testStarts.set(test, start);
  }

  /**
   * date-fns's `if (typeof window !== 'undefined') { it(title, …) } else { it.skip(title, () => {}) }`: a skipped test in one
   * branch of an `if` whose other branch declares a test of that title that runs stands in for it where the condition
   * fails. It is that one test, not a skipped one. So is a focused test in one branch of an `if` that a value read as it
   * runs decides, whose other branch declares one that is not: xstate-tools's `if (/\.only$/.test(fixture)) it.only(name, run)
   * else it(fixture, run)` over its fixtures, focused only by a fixture named so. And so is an empty test in a branch that a value
   * read as it runs decides, when a test that runs is in the other branch or after an `if` that returns: webpack's `if (cases.length
   * === 0) { it('submodule not initialized…', () => {}); return; }` before the tests of the submodule's cases, and its
   * `if (!hasCorpus()) { it(NO_CORPUS, () => {}) } else { it('should have a corpus…', …) }`.
   */
  private withoutPlaceholders(): TestCase[] {
    if (this.alternatives.length === 0) return this.tests;
    const within = (branch: Span, test: TestCase) => {
      const start = this.testStarts.get(test)!;
      return start >= branch.start && start < branch.end;
    };
    const decidedAsItRuns = (condition: t.Node) => literalValue(withoutTypeAssertions(condition)) === undefined;
    const runsElsewhere = (test: TestCase, stands: (candidate: TestCase) => boolean) =>
      this.alternatives.some(({ branches: [consequent, alternate], condition, early }) => {
        // Only a skipped test stands in for one of its title after an `if` that returns (an empty one, for any that runs).
        if (early && test.testClass !== 'empty' && test.testClass !== 'skipped') return false;
        const other = within(consequent, test) ? alternate : within(alternate, test) ? consequent : undefined;
        if (other === undefined || ((test.testClass === 'focused' || test.testClass === 'empty') && !decidedAsItRuns(condition))) return false;
        return this.tests.some((candidate) => stands(candidate) && within(other, candidate));
      });
    // async's `if (supportsAsync()) { require('./es2017/asyncFunctions.js').call(this) } else { it('should not test async functions in this environment') }`:
    // a pending test in one branch of an `if` decided as it runs, whose other branch loads a module of the tests, marks where they cannot run.
    const marksTestsElsewhere = (test: TestCase) =>
      this.alternatives.some(({ branches, condition, early }) => {
        const at = branches.findIndex((branch) => within(branch, test));
        const other = branches[1 - at];
        // An early return's other branch is the rest of its block, a span.
        return !early && at !== -1 && decidedAsItRuns(condition) && other !== undefined && 'type' in other && loadsLocalModule(other);
      });
    return this.tests.filter((test) => {
      if (test.testClass === 'todo') return !marksTestsElsewhere(test);
      if (test.testClass === 'skipped') return !runsElsewhere(test, (candidate) => candidate.title === test.title && candidate.testClass !== 'skipped');
      if (test.testClass === 'focused') return !runsElsewhere(test, (candidate) => candidate.testClass !== 'skipped' && candidate.testClass !== 'focused');
      if (test.testClass === 'empty') return !runsElsewhere(test, (candidate) => candidate.testClass === 'real');
      return true;
    });
  }

  private visitDeclaration(call: t.CallExpression, declaration: Declaration, scope: Scope): void {
    if (declaresCallersTest(call, scope.callerNames)) {
      this.passedThrough += 1;
      return;
    }
    if (declaration.kind === 'suite') this.visitSuite(call, declaration, scope);
    else this.visitTest(call, declaration, scope);
  }

  private visitSuite(call: t.CallExpression, declaration: Declaration, scope: Scope): void {
    const flags = this.ownFlags(call, declaration);
    const focusedBefore = this.focusedSuites.length;
    if (flags.focused) this.focusedSuites.push({ title: this.titleOf(call), ...this.lines.at(call.start) });
    const callback = call.arguments.find(isFunction);
    if (!callback) return;
    const skippedBy = scope.skipped || !flags.skipped ? scope.skippedBy : this.lines.at(call.start).line;
    const hookAsserts = scope.hookAsserts || this.someAsserts(this.optionHooks(call));
    const checksCompilation = scope.checksCompilation || COMPILE_CHECK_NOTE.test(this.titleOf(call));
    const inner: Scope = this.compiledOnly(call, flags) ? { ...scope, hookAsserts, typeTests: true, checksCompilation } : { ...scope, hookAsserts, skipped: scope.skipped || flags.skipped, skippedBy, todo: scope.todo || flags.todo, checksCompilation };
    const testsBefore = this.tests.length;
    const passedBefore = this.passedThrough;
    this.declarations.within(callback, () => {
      if (callback.body.type === 'BlockStatement') this.visitSuiteBody(callback.body.body, inner);
      else this.visit(callback.body, inner);
    });
    // A suite of nothing but its caller's tests is part of the helper that passes them through
    // (enzyme's `describeIf.only`: `describe.only('only:', () => { describe.skip(a, b) })`): its focus is the caller's too.
    if (this.passedThrough > passedBefore && this.tests.length === testsBefore && this.focusedSuites.length === focusedBefore + (flags.focused ? 1 : 0)) {
      this.focusedSuites.length = focusedBefore;
      this.passedThrough += 1;
    }
  }

  private visitTest(call: t.CallExpression, declaration: Declaration, scope: Scope, title = this.titleOf(call)): void {
    const declared = this.ownFlags(call, declaration);
    const flags = this.compiledOnly(call, declared) ? { ...declared, skipped: false } : declared;
    if (flags !== declared) scope = { ...scope, typeTests: true };
    const { callback, fromCaller } = this.callbackOf(call, declaration);
    const before = this.tests.length;
    const inner: Scope = { ...scope, skipped: scope.skipped || flags.skipped, todo: scope.todo || flags.todo };
    const fn = callback && callback !== 'opaque' ? callback : undefined;
    // The parameters of `.each` callbacks are table rows, and those of a bound function its bound arguments.
    const takesContext = !declaration.modifiers.some((modifier) => CURRIED.has(modifier)) && !call.arguments.some(isBindCall);
    const context = fn && takesContext ? this.names.bindContext(fn.params) : undefined;
    // A `done` named first (mocha's `function (done)`) is one whatever follows the function (jest's timeout).
    const first = fn?.params[0];
    const done = fromCaller && !(first?.type === 'Identifier' && first.name === context) ? undefined : context;
    // Functions declared in the body are hoisted: bound before the walk meets their calls.
    if (fn?.body.type === 'BlockStatement') for (const statement of fn.body.body) this.names.bind(statement);
    // Tests declared in the body (node:test subtests) are visited as tests, in this one's scope.
    const assertions = fn ? this.declarations.within(fn, () => this.finder.assertions(fn.body, (child) => this.visitDeclaration(child, this.declarations.of(child)!, inner)), true) : new Set<AssertionKind>();
    // A helper's test that only calls its caller's function (enzyme's `it(title, () => factory(testCase))`), or runs it as its body
    // (apollo-client's `it(message, () => new Promise(testFn))`), runs the caller's checks.
    if (fn && assertions.size === 0 && (onlyCalls(fn, scope.callerNames) || runsCallersTest(call, scope.callerNames))) assertions.add('live');
    if (fn && !assertions.has('live') && this.callsCallersCheck(fn, scope.callers)) assertions.add('live');
    // The three checks below hold whatever constants the test asserts beside them: pino's `instance.on('error', () => { assert.ok('error received'); end() })`
    // fails by its timeout unless the code emits, `ok('…')` or not.
    // A test that ends through its `done` callback from inside other code checks that the code called back.
    if (fn && done && !assertions.has('live') && awaitsCallback(fn, done)) assertions.add('live');
    // tap's `t.end()` called back by the code under test (`new Base().main(() => t.end())`) ends the test as a `done` does.
    if (fn && first?.type === 'Identifier' && this.names.contextNames.has(first.name) && !assertions.has('live') && awaitsCallback(fn, first.name, { method: 'end' })) assertions.add('live');
    // So does mocha-sugar-free's `context.done()` in a test it is told is asynchronous (jsdom's `specify(title, { async: true }, (context) => { … })`).
    if (fn && first?.type === 'Identifier' && !assertions.has('live') && call.arguments.some(isAsyncOption) && awaitsCallback(fn, first.name, { method: 'done' })) assertions.add('live');
    // japa fails a test chained with `.throws(…)` that does not throw so, and one chained with `.fails(…)` that passes.
    if (fn && !assertions.has('live') && this.checkedByRunner.has(call)) assertions.add('live');
    // `await once(socket, 'close')` last: the test times out unless the code makes the event happen.
    if (fn && !assertions.has('live') && endsAwaitingEvent(fn, (name) => this.names.localFunction(name), (name) => this.importedSettlesOnEvent(name))) assertions.add('live');
    // cancel () { throw new Error('should be unreachable') }: a callback that fails the test when the code calls it.
    if (fn && !assertions.has('live') && (throwsInFunctionWithin(fn.body) || endsThrowingIf(fn))) assertions.add('live');
    // npm's `const Arborist = t.mock('../lib/arborist', { chownr })`, chownr throwing 'should not chown': a test that uses
    // what was loaded with mocks that throw fails when the code takes the path they guard.
    if (fn && !assertions.has('live') && this.names.usesThrowingMock(fn.body)) assertions.add('live');
    // lexical's `test.for([{ name, $expect: () => { expect(…) } }])('$name', ({ $expect }) => { …; editor.read($expect) })`: a row's function that asserts, run.
    if (fn && !assertions.has('live') && this.callsAssertingRowFunction(call, fn)) assertions.add('live');
    // `await $('pnpm typecheck')` over the code the test wrote, `await exec('npm test --prefix ./cjs')`: the command is the assertion.
    if (fn && !assertions.has('live') && runsCheckingCommand(fn)) assertions.add('live');
    // A type test in a test file: `// @ts-expect-error` asserts that the next line does not compile.
    // Beside constant assertions it is more likely a silenced error than a check (jest's `// @ts-expect-error` over `globalThis.Symbol = undefined`).
    if (fn && assertions.size === 0 && this.typeErrorExpectations.some((at) => at > fn.start && at < fn.end)) assertions.add('live');
    // So is one that declares a generic function, whose calls the compiler checks (see declaresGenericFunction).
    if (fn && assertions.size === 0 && this.typescript && declaresGenericFunction(fn)) assertions.add('live');
    // In a file of type tests (it expects type errors), one that says it checks compilation is the compiler's: novu's
    // `it('should compile when returning undefined for …', () => { workflow(…) })`, xstate's `// This should compile without errors`.
    if (fn && assertions.size === 0 && this.typescript && this.typeErrorExpectations.length > 0 && (COMPILE_CHECK_NOTE.test(title) || scope.checksCompilation || this.compileNotes.some((at) => at > fn.start && at < fn.end))) assertions.add('live');
    // A property test's function that returns a condition: fast-check fails the test on a counterexample that makes it false.
    if (fn && assertions.size === 0 && declaration.modifiers.includes('prop') && returnsCondition(fn)) assertions.add('live');
    // A tight timeout of its own is a check of speed: unocss's `it('with incomplete element', async () => { await uno.generate(input) }, 20)`,
    // which replaced `expect(end - start).toBeLessThan(100)`; the runner fails the test once it takes that long.
    if (fn && assertions.size === 0 && (ownTimeout(call) ?? Infinity) <= TIGHT_TIMEOUT_MS) assertions.add('live');
    // A test that declares subtests (`t.test(…)` of node:test) is a suite: its subtests are the tests.
    if (this.tests.length > before) {
      if (flags.focused) this.focusedSuites.push({ title: this.titleOf(call), ...this.lines.at(call.start) });
      return;
    }
    const test: TestCase = { title, ...this.lines.at(call.start), testClass: this.classify(callback, flags, scope, assertions) };
    this.addTest(test, call.start);
    if (scope.skippedBy !== undefined && test.testClass === 'skipped') this.skippedBy.set(test, scope.skippedBy);
  }

  /** How the declaration runs its test or suite, but in a helper's focused or skipped form, which runs it as its caller chooses. */
  private ownFlags(call: t.CallExpression, declaration: Declaration): Flags {
    const flags = this.declarations.flagsOf(call, declaration);
    return this.helperVariants.some(({ start, end }) => call.start >= start && call.end <= end) ? { ...flags, focused: false, skipped: false } : flags;
  }

  /**
   * Whether a skipped suite or test is type tests that only the compiler runs: apollo-client's `describe.skip("type tests", () => {
   * test('infers the data', () => { expectTypeOf(result.data).toEqualTypeOf<Data>() }) })`, skipped so that jest does not run them.
   */
  private compiledOnly(call: t.CallExpression, flags: Flags): boolean {
    return flags.skipped && this.typescript && (TYPE_TESTS_TITLE.test(this.titleOf(call)) || this.typeTestNotes.has(this.lines.at(call.start).line));
  }

  private classify(callback: FunctionNode | 'opaque' | undefined, flags: Flags, scope: Scope, assertions: Set<AssertionKind>): TestClass {
    // Skipped wins over todo: astro's `describe.skip(title, { todo: 'why' }, …)` runs nothing; a todo alone may
    // run (node:test's `{ todo: 'reason' }`) without its failures failing the run.
    const skipped = flags.skipped || scope.skipped;
    if (!callback || ((flags.todo || scope.todo) && !skipped)) return 'todo';
    if (skipped) return 'skipped';
    if (flags.focused) return 'focused';
    // A test function imported from another module cannot be judged here; it gets the benefit of the doubt.
    if (callback === 'opaque') return 'real';
    const body = callback.body;
    if (body.type === 'BlockStatement') {
      // QUnit counts a hook's assertions towards the test it runs for: `QUnit.module(name, { beforeEach(assert) { assert.throws(…) } })` and `test('t', function () {})`.
      if (body.body.length === 0) return this.typeTests || scope.typeTests || (this.qunit && scope.hookAsserts) ? 'real' : 'empty';
      // Nothing but types (zod's `type _Refined<T> = …` that must not recurse too deep) and, in TypeScript, functions
      // the test never calls (date-fns's `function _test<D extends Date>(arg: D) { isMonday(arg) }`): nothing runs, the compiler checks them.
      // Values written out beside them, untyped, run nothing either (react-hook-form's `const error = {…}; errors = { steps: error }; errors;`).
      const readings = body.body.map((statement) => compilerReading(statement, this.typescript, (name) => this.names.localFunction(name)));
      if (readings.includes('types') && readings.every(Boolean)) return 'real';
      const skip = body.body.map((statement) => this.runtimeSkipOf(statement)).find(Boolean);
      if (skip) return skip;
    }
    // A type test is checked by the compiler, body and all: jest's own `test('name', () => {})` type-checks `test`.
    if (assertions.size === 0) return scope.hookAsserts || this.typeTests || scope.typeTests ? 'real' : 'no-assertion';
    // lexical's `beforeAll(() => build(example))` beside `test('build succeeded', () => { expect(true).toBe(true) })`: the test
    // stands for the hook's checks, as one with no assertion does, and fails with them.
    return assertions.has('live') || scope.hookAsserts ? 'real' : 'tautology';
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
   * The function a test runs: the first argument after its title, options (node:test's and
   * Playwright's `test(title, { skip }, fn)`) and data given before a function, a function of the file passed by name (or bound), or
   * `opaque`. An AVA macro of the file, after the title or in its place, takes the arguments after it
   * as input (execa's `test(title, checkStdout, () => $\`echo foo\`, 'foo')`, `test(stdioMacro, input)`);
   * an imported one that is given a function runs it as the test (got's `test(title, withServer, async (t, server) => { … })`).
   * `fromCaller`: the function's parameters after the first are what a macro or helper hands it, not node:test's `done`.
   */
  private callbackOf(call: t.CallExpression, declaration: Declaration): { callback: FunctionNode | 'opaque' | undefined; fromCaller: boolean } {
    const args = call.arguments;
    // A helper's call puts the caller's function where the helper wants it (`browserTest(title, browsers, fn)`).
    if (declaration.runByHelper) return { callback: args.findLast(isFunction), fromCaller: true };
    // it.prop(title, [FastCheck.integer()], fn): the arbitraries come before the property.
    if (declaration.modifiers.includes('prop')) return { callback: args.findLast(isFunction) ?? 'opaque', fromCaller: false };
    const first = args[0];
    const denoObject = denoTestObject(call);
    if (denoObject) return { callback: denoObject.fn, fromCaller: false };
    const titledMacro = first?.type === 'Identifier' ? this.names.localFunction(first.name) : undefined;
    if (titledMacro) return { callback: titledMacro, fromCaller: args.length > 1 };
    // Options, and data a wrapper of the file takes before the function (knex's `test(title, 'postgresql', (t) => …)`, the dialects it runs for).
    const index = args.findIndex((argument, position) => position > 0 && argument.type !== 'ObjectExpression' && !(isData(argument) && args.slice(position + 1).some(isFunction)));
    // npm's `t.test('x', await runTest(options))`: the function a factory's promise gives.
    const implementation = args[index] && unwrapAwait(args[index]);
    const fromCaller = index !== -1 && index < args.length - 1;
    if (!implementation) return { callback: undefined, fromCaller };
    if (isFunction(implementation)) return { callback: implementation, fromCaller };
    if (implementation.type !== 'Identifier' && implementation.type !== 'MemberExpression' && implementation.type !== 'CallExpression') return { callback: undefined, fromCaller };
    // it('works', check.bind(null, input))
    const target = isBindCall(implementation) ? implementation.callee.object : implementation;
    const local = target.type === 'Identifier' ? this.names.localFunction(target.name) : undefined;
    return { callback: local ?? args.findLast(isFunction) ?? 'opaque', fromCaller };
  }

  private titleOf(call: t.CallExpression): string {
    const first = denoTestObject(call)?.name ?? call.arguments[0];
    if (!first) return '(untitled)';
    if (isString(first)) return first.value;
    if (first.type === 'TemplateLiteral' && first.expressions.length === 0) return first.quasis.map((quasi) => quasi.value.cooked ?? quasi.value.raw).join('');
    const text = this.code.slice(first.start, first.end).replace(/\s+/g, ' ');
    return text.length > 80 ? `${text.slice(0, 77)}...` : text;
  }
}

/** The function a body declares under `name`: `function name() {}`, or `const name = () => {}`. */
function functionDeclaredIn(body: t.Node, name: string): FunctionNode | undefined {
  let declared: FunctionNode | undefined;
  walk(body, (node) => {
    if (node.type === 'FunctionDeclaration' && node.id?.name === name && node.body) declared = node as FunctionNode;
    else if (node.type === 'VariableDeclarator' && node.id.type === 'Identifier' && node.id.name === name && node.init && isFunction(node.init)) declared = node.init;
    return declared === undefined;
  });
  return declared;
}

/** The timeout a test call sets for itself: `it(title, fn, 20)`, `it(title, { timeout: 20 }, fn)`, `it(title, fn, { timeout: 20 })`. */
function ownTimeout(call: t.CallExpression): number | undefined {
  for (const [index, argument] of call.arguments.entries()) {
    // A number right after the test's function; elsewhere it is an argument of an AVA macro (`test(runs, 1)`).
    const value = argument.type === 'ObjectExpression' ? propertyValue(argument, 'timeout') : index > 0 && isFunction(call.arguments[index - 1]!) ? argument : undefined;
    const timeout = value && literalValue(value)?.value;
    if (typeof timeout === 'number') return timeout;
  }
  return undefined;
}
