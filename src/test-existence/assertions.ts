import type { AssertPatterns } from './assert-patterns.js';
import { boundNames, calleePath, hasNot, isFunction, isShouldChain, isString, keyName, propertyValue, literalValue, propertyName, requiredModule, returnedValues, rootName, rootOf, typeArgumentsOf, unwrapAwait, walk, withoutTypeAssertions, type FunctionNode, type t } from './ast.js';
import { ASSERT_MODULES, CHECKING_NAME, CONTEXT_ASSERTIONS, isAssertingPath, TYPE_ASSERTIONS, type Bindings, type HelperRef } from './bindings.js';
import { nodeScriptRun } from './child-scripts.js';
import { constantness, type AssertionKind } from './constants.js';
import type { LocalModules } from './local-modules.js';
import { BUILT_IN_METHODS, type PatchedMethods } from './patched-methods.js';
import { failsEffectOnPath, generatorOf, isBindCall, isWrittenFile, rejectsWithResolvers, settlesOnCallback, spinsUntil, throwsOnCondition, throwsOnMismatch } from './test-body.js';
import { isTypeCheck, isTypeCheckingFunction, isTypedSink, TYPE_ASSERTION_NAME, TYPE_ASSERTION_NAMESPACES } from './compiler-checks.js';

/*
 * Where a test asserts: the assertion libraries' calls and chains, the helpers that assert on its
 * behalf (in the file or imported from the project), and the assertions it hands to other code.
 */

/** Assertions that prove something whatever their arguments (they count the assertions or fail a path). */
const LIVE_WHATEVER_ARGUMENTS = new Set(['plan', 'fail', 'assertions', 'hasAssertions', 'throws', 'rejects', 'doesNotThrow', 'doesNotReject', 'completed']);
/** Assertions that pass whatever the code does. */
const ALWAYS_PASSING = new Set(['pass']);
/** chai assertions written as properties, without a call: `expect(x).to.be.true`. */
const CHAI_PROPERTY_ASSERTIONS = new Set([
  'ok', 'true', 'false', 'null', 'undefined', 'NaN', 'exist', 'empty', 'arguments', 'extensible', 'sealed', 'frozen', 'finite',
  'called', 'calledOnce', 'calledTwice', 'calledThrice', 'notCalled', 'fulfilled', 'rejected',
]);
/** The words of an expectation's chain that assert nothing by themselves: chai's language chains and flags, jest's and chai-as-promised's. */
const CHAIN_WORDS = new Set([
  'to', 'be', 'been', 'is', 'that', 'which', 'and', 'has', 'have', 'with', 'at', 'of', 'same', 'but', 'does', 'still', 'also',
  'not', 'deep', 'nested', 'own', 'ordered', 'any', 'all', 'itself', 'resolves', 'rejects', 'eventually', 'should',
]);
const QUERY_THAT_THROWS = /^(?:get|find)(?:All)?By[A-Z]/;
/** What fails a Cypress test when it does not hold: its assertions, and the query for a text. */
const CYPRESS_CHECKS = new Set(['should', 'and', 'contains']);
const PLAYWRIGHT_WAITS = new Set(['waitForSelector', 'waitForURL', 'waitForFunction', 'waitForResponse', 'waitForRequest']);
const HTTP_EXPECTATIONS = new Set(['expectOne', 'expectNone']);
/**
 * unexpected's assertions, written as the second argument of one call: `expect(x, 'to equal', y)`,
 * `expect(fn, 'not to throw')`, `expect(spy, 'was called with', 1)`, `expect(f, 'when called with', [1], 'to be', 2)`.
 * chai's `expect(x, 'message')` takes a message there, which does not start so.
 */
const UNEXPECTED_ASSERTION = /^(?:not )?(?:to|when|was) [a-z]/;
/** WebdriverIO's waits on an element, which throw when it is not so by their timeout. */
const WEBDRIVERIO_WAITS = new Set(['waitForDisplayed', 'waitForExist', 'waitForClickable', 'waitForEnabled', 'waitForStable']);
/**
 * Waits that end only when the condition they are given holds, called with that condition alone: mobx's
 * `await when(() => store.loaded)` (given an effect too, `when` is a reaction and waits for nothing).
 */
const PREDICATE_WAITS = new Map<string, ReadonlySet<string>>([['mobx', new Set(['when'])]]);
/**
 * Waits of test libraries that end only when the condition they poll holds, and reject at their
 * timeout (p-wait-for's is none: the runner's fails the test): `await waitUntil(() => el.ready)`.
 */
const CONDITION_WAITS = new Map<string, ReadonlySet<string>>([
  ['@open-wc/testing', new Set(['waitUntil'])],
  ['@open-wc/testing-helpers', new Set(['waitUntil'])],
  ['@ember/test-helpers', new Set(['waitUntil'])],
  ['p-wait-for', new Set(['default'])],
]);

/** What the finder knows of the file it reads. */
export interface AssertingFile {
  /** Relative to the project root: where imported helpers are looked up from. */
  path: string;
  /** A type-test file (`*.test-d.ts`…): its expectations are checked by the compiler. */
  typeTests: boolean;
  assertPatterns: AssertPatterns;
  localModules: LocalModules | undefined;
  /** The methods the project's test code patches onto objects, that assert (see PatchedMethods). */
  patchedMethods?: PatchedMethods | undefined;
  /** Whether a call declares a test or a suite: what it declares asserts nothing for the code around it. */
  isDeclaration(call: t.CallExpression): boolean;
  /** QUnit's file: QUnit fails a test that runs no assertion, as AVA does. */
  failsWithoutAssertions?: boolean;
}

/** The calls that start a Detox wait, after its matcher. */
const DETOX_WAIT_ENDS = new Set(['withTimeout', 'whileElement']);
/** Detox's matchers: `toExist`, `toBeVisible`, `toHaveText`, `toBeNotVisible`. */
const DETOX_MATCHER = /^to[A-Z]/;

/** Playwright's predicate of an event: a function, or `{ predicate, timeout }`. */
function isEventPredicate(argument: t.Node): boolean {
  return isFunction(argument) || (argument.type === 'ObjectExpression' && propertyValue(argument, 'predicate') !== undefined);
}

function isUnexpectedAssertion(argument: t.Node | undefined): boolean {
  const value = argument && literalValue(argument)?.value;
  return typeof value === 'string' && UNEXPECTED_ASSERTION.test(value);
}

/**
 * A helper that waits until a function it is given holds: a loop whose test calls one of its
 * parameters, `while (!ready()) await sleep(10)`, or that it leaves when one holds, `if (check()) return;`
 * (trigger.dev's `waitFor`, which throws once its time is up). Past the loop the condition holds, or the
 * helper threw, or it hung until the runner's timeout failed the test: a check, as vi.waitUntil is.
 */
function pollsParameter(fn: FunctionNode): boolean {
  const parameters = new Set(fn.params.flatMap(boundNames));
  let polls = false;
  if (parameters.size === 0) return polls;
  const callsParameter = (node: t.Node) => {
    let calls = false;
    walk(node, (part) => {
      if (part.type === 'CallExpression' && part.callee.type === 'Identifier' && parameters.has(part.callee.name)) calls = true;
      return !calls;
    });
    return calls;
  };
  walk(fn.body, (node) => {
    if (!polls && (node.type === 'WhileStatement' || node.type === 'DoWhileStatement' || node.type === 'ForStatement')) {
      // The `if` may sit in a `try` that goes on polling when the function throws (fresh's `waitFor`).
      const body = (node.body.type === 'BlockStatement' ? node.body.body : [node.body]).flatMap((statement) => (statement.type === 'TryStatement' ? statement.block.body : [statement]));
      polls = (node.test !== null && node.test !== undefined && callsParameter(node.test)) || body.some((statement) => statement.type === 'IfStatement' && leavesLoop(statement.consequent) && callsParameter(statement.test));
    }
    return !polls;
  });
  return polls;
}

/** `return;`, `break;`, or a block of only one. */
function leavesLoop(statement: t.Node): boolean {
  if (statement.type === 'BlockStatement') return statement.body.length === 1 && leavesLoop(statement.body[0]!);
  return statement.type === 'ReturnStatement' || statement.type === 'BreakStatement';
}

/** Finds the assertions of a file's tests and helpers; whether a helper asserts is worked out once per helper. */
export class AssertionFinder {
  /** Per depth of the question (see LocalModules.depth): past the depth bound a helper may assert that does not seem to. */
  private readonly assertingHelpersAt: Array<Map<FunctionNode, boolean>> = [];
  /** Whether what a function returns has an asserting method, by function name and method (see returnsAssertingMethod). */
  private readonly assertingMethods = new Map<string, boolean>();
  /** Whether an object the file declares or imports has an asserting method, by object name and method (see hasAssertingMethod). */
  private readonly objectMethods = new Map<string, boolean>();
  /** How many searches of hasAssertingMethod are under way, one in another. */
  private objectsSearched = 0;
  /** The factories whose parts are being searched (see isHandedFactoryPart). */
  private readonly factoriesHandingOn = new Set<FunctionNode>();

  constructor(
    private readonly names: Bindings,
    private readonly file: AssertingFile,
  ) {}

  /**
   * The kinds of assertion under `node`: `live` ones check the code, `constant` ones compare constants
   * only. Tests declared under it are not its assertions; given `visitDeclaration`, they are handed
   * to it. Helpers it calls count as live assertions when they assert, however deep they call each other.
   */
  assertions(node: t.Node, visitDeclaration?: (call: t.CallExpression) => void): Set<AssertionKind> {
    const helpers: HelperRef[] = [];
    const found = this.directAssertions(node, helpers, visitDeclaration);
    if (!found.has('live') && helpers.length > 0 && this.helpersAssert(helpers)) found.add('live');
    return found;
  }

  /** The assertions written under `node` itself; the helpers it calls (or hands on) are added to `helpers`. */
  private directAssertions(node: t.Node, helpers: HelperRef[], visitDeclaration?: (call: t.CallExpression) => void): Set<AssertionKind> {
    const found = new Set<AssertionKind>();
    // Where the functions nested in `node` are: what runs in them runs when some code calls back.
    const callbacks: Array<{ start: number; end: number }> = [];
    // What `expect(…)` checks: `expect(() => test('x')).toThrow()` declares no test, `expect(x.should.be.eql(y))` still asserts.
    let checkedEnd = -1;
    // The methods of an object a function returns run when the caller calls them, not when it calls the function (see madeByHelper);
    // so do the functions it declares for them (pnpm's assertProject: `const ok = (value) => expect(value).toBeTruthy()`, `has (name) { ok(…) }`).
    const returnedMethods = methodsReturned(node);
    walk(node, (child) => {
      if (child.type === 'CallExpression' && this.file.isDeclaration(child)) {
        if (child.start >= checkedEnd) visitDeclaration?.(child);
        return false;
      }
      if (isWrittenFile(child) || returnedMethods.has(child)) return false;
      if (returnedMethods.size > 0 && child.type === 'VariableDeclarator' && child.init && isFunction(child.init)) {
        this.names.bind(child);
        return false;
      }
      if (child !== node && isFunction(child)) callbacks.push({ start: child.start, end: child.end });
      this.names.bind(child);
      let kind = child.type === 'CallExpression' ? this.assertionOfCall(child, helpers) : child.type === 'MemberExpression' ? this.propertyAssertionOf(child) : (child.type === 'NewExpression' && settlesOnCallback(child)) || (child.type === 'VariableDeclarator' && rejectsWithResolvers(child, node)) || isTypeCheck(child) || failsEffectOnPath(child) || spinsUntil(child) ? 'live' : undefined;
      // t.pass() in a callback checks that the code called back: AVA fails a test that made no assertion, tap a plan left short.
      // So does QUnit, whatever the constant assertion of its context (backbone's `model.validate = function () { assert.ok(true) }`).
      if (kind === 'constant' && child.type === 'CallExpression' && this.marksCallback(child) && callbacks.some(({ start, end }) => child.start >= start && child.start < end)) kind = 'live';
      // An awaited method named to assert, of a page object or a harness: novu's `await editor.assertEmailSubjectContains(subject)`.
      // Awaited, it checks a page or a service the test drives; a method of that name the test calls and does not wait for may be the code's own.
      // The assertions of what a test tool ran, which throw node's AssertionError: Ace's `command.assertExitCode(1)`, yeoman-test's
      // `result.assertFileContent('foo.js', 'bar')`.
      if (!kind && child.type === 'CallExpression' && child.callee.type === 'MemberExpression' && RESULT_ASSERTIONS.has(propertyName(child.callee) ?? '')) kind = 'live';
      // So is a step of an awaited chain that declares what the run must give, which the chain's end checks: sentry's
      // `await createRunner(__dirname, 'scenario.ts').expectHeader({ … }).start().completed()`.
      if (!kind && child.type === 'AwaitExpression' && awaitsAssertingStep(child.argument)) kind = 'live';
      // So is a harness's wait for text (or a pattern) its output must show, which rejects at its timeout: vitest's `await vitest.waitForStdout('1 passed')`.
      if (!kind && child.type === 'AwaitExpression' && child.argument.type === 'CallExpression' && child.argument.callee.type === 'MemberExpression' && OUTPUT_WAIT.test(propertyName(child.argument.callee) ?? '') && ['Literal', 'TemplateLiteral'].includes(child.argument.arguments[0]?.type ?? '')) kind = 'live';
      // So is a script the test runs with Node, that asserts as it runs: the child's failure rejects the run (vite's `await execFileAsync('node', ['test-ssr-dev.js'])`).
      if (!kind && this.runsAssertingScript(child)) kind = 'live';
      if (kind) found.add(kind);
      else if (child.type === 'CallExpression' && this.handsAssertionOn(child, helpers)) found.add('live');
      if (child.type === 'CallExpression' && this.names.isExpectEntry(child.callee)) checkedEnd = Math.max(checkedEnd, child.end);
      // The walk goes on below assertions: a helper that asserts may get a callback that declares subtests.
      return true;
    });
    return found;
  }

  /** An awaited run of a Node script, or a synchronous one that throws on its exit code, where the script asserts (see nodeScriptRun). */
  private runsAssertingScript(node: t.Node): boolean {
    const awaited = node.type === 'AwaitExpression' && node.argument.type === 'CallExpression';
    const call = awaited ? (node.argument as t.CallExpression) : node.type === 'CallExpression' ? node : undefined;
    // `const run = promisify(exec)`, `util.promisify(cp.execFile)`.
    const promisifiedRun = (name: string) => {
      const value = this.names.lastValueOf(name);
      const promisified = value?.type === 'CallExpression' && calleePath(value.callee)?.at(-1) === 'promisify' ? value.arguments[0] : undefined;
      return promisified !== undefined && ['exec', 'execFile'].includes(calleePath(promisified)?.at(-1) ?? '');
    };
    const script = call && nodeScriptRun(call, awaited, promisifiedRun);
    return script !== undefined && (this.file.localModules?.scriptAsserts(this.file.path, script) ?? false);
  }

  /** A constant assertion that fails the test when it never runs: `t.pass()`, or any of QUnit's context. */
  private marksCallback(call: t.CallExpression): boolean {
    const path = calleePath(call.callee);
    return path?.at(-1) === 'pass' || (this.file.failsWithoutAssertions === true && path?.length === 2 && this.names.contextNames.has(path[0]!));
  }

  /** Whether a function asserts in its own body (or in callbacks there), the helpers it calls aside. */
  assertsInBody(fn: FunctionNode): boolean {
    return this.directAssertions(fn.body, []).has('live');
  }

  /**
   * Whether any of the functions asserts, directly or through the helpers it calls: a search over
   * the call graph with a list of work, so that a chain of a thousand helpers needs no deep stack.
   */
  helpersAssert(refs: readonly HelperRef[]): boolean {
    const pending = [...refs];
    const assertingHelpers = (this.assertingHelpersAt[this.file.localModules?.depth ?? 0] ??= new Map());
    const seen = new Set<FunctionNode | string>();
    const searched: FunctionNode[] = [];
    while (pending.length > 0) {
      const ref = pending.pop()!;
      if ('type' in ref) {
        const known = assertingHelpers.get(ref);
        if (known) return true;
        if (known === false || seen.has(ref)) continue;
        seen.add(ref);
        searched.push(ref);
        const calls: HelperRef[] = [];
        if (pollsParameter(ref) || this.directAssertions(ref.body, calls).size > 0) {
          assertingHelpers.set(ref, true);
          return true;
        }
        pending.push(...calls);
      } else if (ref.module === '') {
        if (seen.has(ref.name)) continue;
        seen.add(ref.name);
        const helpers = this.names.helpers.get(ref.name) ?? [];
        // assertPath(…), whose `if (found !== wanted) throw new AssertionError(…)` is its check; so is a helper of the file's named to validate
        // (unleash's `validateTablesHavePrimaryKeys(db)`, which throws when a table has none).
        if ((CHECKING_NAME.test(ref.name) || LOCAL_CHECKING_NAME.test(ref.name)) && helpers.some((helper) => 'type' in helper && throwsOnCondition(helper))) return true;
        // Whatever its name, one that throws when what it got differs from what it expected (validator.js's `test(options)`).
        if (helpers.some((helper) => 'type' in helper && throwsOnMismatch(helper))) return true;
        pending.push(...helpers);
      } else if (CONDITION_WAITS.get(ref.module)?.has(ref.name) || this.file.localModules?.asserts(this.file.path, ref.module, ref.name)) {
        return true;
      }
    }
    // Nothing reachable asserts: that holds for every function the search went through.
    for (const fn of searched) assertingHelpers.set(fn, false);
    return false;
  }

  private assertionOfCall(call: t.CallExpression, helpers: HelperRef[]): AssertionKind | undefined {
    const callee = call.callee;
    const path = calleePath(callee);
    if (path && this.file.assertPatterns.matches(path)) return 'live';
    // util.assertEqual<A, B>(true), assertIs<T>(x), isType.equal<true, A, B>(): an assert or expect helper, or a method of
    // a type-assertion namespace, given type arguments asserts on types, for the compiler.
    if (path && typeArgumentsOf(call) && (TYPE_ASSERTION_NAME.test(path.at(-1) ?? '') || (path.length === 2 && TYPE_ASSERTION_NAMESPACES.has(path[0]!)))) return 'live';
    // A table's tester run inside a test checks every row there: lexical's `it('reports', () => { ruleTester.run(name, rule, { valid, invalid }) })`,
    // where ESLint's RuleTester, finding no describe and it of the runner's, runs the rows itself and throws on a mismatch.
    if (generatorOf(call)) return 'live';
    // require('node:assert')(x), require('node:assert').strictEqual(a, b)
    if (callee.type === 'CallExpression' && ASSERT_MODULES.has(requiredModule(callee) ?? '')) return constantness(call.arguments, 'assert');
    if (callee.type === 'Identifier') {
      if (TYPE_ASSERTIONS.has(callee.name)) return 'live';
      // accept<number | undefined>(el.task.render(…)) with `const accept = <T>(x: T) => x`: a function that does nothing, given types to check.
      if (typeArgumentsOf(call) && isTypeCheckingFunction(this.names.localFunction(callee.name))) return 'live';
      // acceptTag('a') with `const acceptTag = (_tag: Tags) => {}`: given a value, a function of typed parameters that runs nothing is the compiler's check.
      if (call.arguments.length > 0 && isTypedSink(this.names.localFunction(callee.name))) return 'live';
      // assert(x), and what was imported from an assert module: strictEqual(a, b), fail('unreachable')
      const assertion = this.names.assertNames.get(callee.name);
      if (assertion) return LIVE_WHATEVER_ARGUMENTS.has(assertion) || this.names.expectsUnderTest.has(callee.name) ? 'live' : constantness(call.arguments, assertion);
      // execCommand('knex migrate:latest', { expectedOutput: 'Batch 1 run' }) of cli-testlab
      const options = this.names.optionAssertions.get(callee.name);
      if (options) return call.arguments.some((argument) => argument.type === 'ObjectExpression' && argument.properties.some((property) => property.type === 'Property' && options.has(keyName(property.key) ?? ''))) ? 'live' : undefined;
      const contextMethod = this.names.contextMethods.get(callee.name);
      if (contextMethod) return contextAssertion(contextMethod, call.arguments);
      const fixture = this.names.fixtureNames.get(callee.name);
      if (fixture && !this.names.helpers.has(callee.name) && this.file.patchedMethods?.fixtureAsserts(fixture)) return 'live';
      // Testing Library's queries taken from render(…): const { getByText } = render(<App />)
      if (QUERY_THAT_THROWS.test(callee.name) && call.arguments.length > 0 && !this.names.helpers.has(callee.name)) return 'live';
      // unexpected (mocha's own suite sets global.expect to it): expect(run.slow(), 'to be', 100)
      if (this.names.expectNames.has(callee.name) && isUnexpectedAssertion(call.arguments[1])) return 'live';
      const imported = this.names.helpers.get(callee.name)?.find((ref): ref is { module: string; name: string } => !('type' in ref) && ref.module !== '');
      if (imported && this.waitsForPredicate(call, imported)) return 'live';
      // Jasmine's global `fail('should abort')` (jest's jasmine runner too), where the file binds no function of that name: it fails the test on the
      // path it is on, as assert.fail does (mobx's `when(cond, () => { fail('should abort') }, { signal })`).
      if (callee.name === 'fail' && !this.names.helpers.has('fail')) return 'live';
      helpers.push({ module: '', name: callee.name });
      return undefined;
    }
    if (callee.type !== 'MemberExpression') return undefined;
    const method = propertyName(callee);
    const root = rootOf(callee);
    // jestExpect(fn)[matcher](…), expector.toHaveProperty(…) with `let expector = expect(x)`: matchers the source does not name, or on a held expectation.
    if (root.type === 'Identifier' && this.names.expectations.has(root.name)) return 'live';
    // new TestSchema.Asserts(schema).arbitrary().verifyGeneration()
    if (root.type === 'NewExpression' && this.names.isAssertingObject(root)) return 'live';
    if (!method) return callee.computed && (this.names.expectCallOf(callee.object) || this.choosesContextAssertion(callee)) ? 'live' : undefined;
    if (ASSERT_MODULES.has(requiredModule(callee.object) ?? '')) return LIVE_WHATEVER_ARGUMENTS.has(method) ? 'live' : constantness(call.arguments, method);

    const expectCall = this.names.expectCallOf(callee.object);
    if (expectCall) {
      if (LIVE_WHATEVER_ARGUMENTS.has(method) || this.isTypeExpectation(expectCall, callee.object) || this.isExpectUnderTest(expectCall)) return 'live';
      return constantness([...expectCall.arguments, ...call.arguments], method, hasNot(callee.object));
    }
    // expectErrors(result).to.deep.equal([…]): a helper of the file made the expectation of what it was given.
    if (this.names.expectationHelperCallOf(callee.object)) return 'live';
    // expectObservable(result).toBe(expected): a matcher of what a function named for an expectation made, wherever it
    // comes from (rxjs's marble helpers, which TestScheduler.run and rxTest hand their callback; `scheduler.expectObservable(…)`).
    if (isNamedExpectationMatcher(callee, (name) => this.names.valueOf(name))) return 'live';
    if (root.type === 'Identifier' && this.names.expectNames.has(root.name) && callee.object === root) {
      return method === 'assertions' || method === 'hasAssertions' || method === 'fail' ? 'live' : undefined;
    }
    if (isShouldChain(callee.object)) return 'live';
    // Detox's waits fail the test when the element does not meet the matcher in time: `waitFor(element(by.id('list'))).toExist().withTimeout(2000)`,
    // or `.whileElement(by.id('scroll')).scroll(50, 'down')` when the scroll ends first. Testing Library's `waitFor(callback)` has no matchers of its own.
    if (root.type === 'Identifier' && root.name === 'waitFor' && DETOX_WAIT_ENDS.has(method) && path?.some((name) => DETOX_MATCHER.test(name))) return 'live';

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
      // Cypress asserts with .should(…) and .and(…) on a chain from cy: cy.get('h1').should('contain', 'Hi'); and with .contains(…),
      // which fails the test unless the text shows by its timeout (cy.getBySel('list-item').contains('Deleted')). So does waiting
      // for a routed request, cy.wait('@createUser'). A query that finds an element to act on (cy.get('button').click()) checks nothing of it.
      if (root.name === 'cy' && call.arguments.length > 0 && (CYPRESS_CHECKS.has(method) || (method === 'wait' && callee.object === root && waitsForRoutes(call.arguments[0]!)))) return 'live';
      // The same on a chain a page object starts: nx's `getPage().get('li figure').should('have.length', 5)`, `getPage = () => cy.get('#root')`.
      if (CYPRESS_CHECKS.has(method) && call.arguments.length > 0 && callee.object.type !== 'Identifier' && this.returnsCypressChain(root.name)) return 'live';
      if (this.names.contextNames.has(root.name) && path.length === 2 && CONTEXT_ASSERTIONS.has(method)) return contextAssertion(method, call.arguments);
      // fc.assert(fc.property(…)): runs the property and throws on a counterexample; so does fast-check re-exported
      // under another name (effect's `FastCheck.assert(FastCheck.property(…))`).
      if (method === 'assert' && (this.names.propertyModules.has(root.name) || checksProperty(call.arguments[0], root.name))) return 'live';
      // TestSchema.Asserts.ast.fields.equals(a, b): a static method of a class named to assert.
      if (isAssertingPath(path)) return constantness(call.arguments, method);
      const module = this.names.moduleNames.get(root.name);
      if (module && path.length === 2 && this.waitsForPredicate(call, { module, name: method })) return 'live';
      if (module && path.length === 2) helpers.push({ module, name: method });
    }
    // Playwright's waits fail the test when what they wait for never comes: page.waitForSelector('text=Done').
    if (PLAYWRIGHT_WAITS.has(method) && call.arguments.length > 0) return 'live';
    // So does waiting for an event that must meet a predicate: astro's `page.waitForEvent('console', (message) => message.text() === 'Hello')`.
    if (method === 'waitForEvent' && call.arguments.slice(1).some(isEventPredicate)) return 'live';
    // And a locator's wait for a state (visible by default): documenso's `page.getByTestId('dialog-create-team-button').waitFor({ state: 'hidden' })`,
    // and astral's for the element (fresh's `page.locator('.done').wait()`, in Deno).
    if ((method === 'waitFor' || method === 'wait') && isLocatorChain(callee.object)) return 'live';
    // An action on what the page shows waits for it and fails unless it shows, as Cypress's .contains(…) does: insomnia's
    // `page.getByText('Env (Copy)').click()`, `page.click('text=Request was cancelled')`, `getByRole('cell', { name: 'foo=bar' }).click()`.
    // An action on a control found to act on (`getByRole('button', { name: 'Send' })`, a CSS selector) checks nothing of it.
    if (LOCATOR_ACTIONS.has(method) && (showsContent(callee.object) || (root.type === 'Identifier' && root.name !== 'cy' && call.arguments[0] !== undefined && isTextSelector(call.arguments[0]) && !isControlSelector(call.arguments[0])))) return 'live';
    // Waits until a condition holds, and fails at a timeout: Vitest's vi.waitUntil(() => server.ready), WebdriverIO's
    // browser.waitUntil(…) and $('#menu').waitForDisplayed(), a test harness's run.waitUntil(({ stderr }) => …).
    // Vitest's vi.waitFor(() => …) too, which retries the callback until it stops throwing and throws at its timeout.
    if (((method === 'waitUntil' || (method === 'waitFor' && root.type === 'Identifier' && root.name === 'vi')) && call.arguments[0] !== undefined && isFunction(call.arguments[0])) || WEBDRIVERIO_WAITS.has(method)) return 'live';
    // Angular's HttpTestingController fails the test unless one request matches, or none does: httpMock.expectOne('/api/en.json').flush({}).
    if (HTTP_EXPECTATIONS.has(method) && call.arguments.length > 0) return 'live';
    // Testing Library's queries that throw when nothing matches: screen.getByText('Hi'), within(list).findByRole('item')
    if (QUERY_THAT_THROWS.test(method) && call.arguments.length > 0 && (rootName(callee) === 'screen' || isWithinCall(callee.object))) return 'live';
    // supertest, also when the request is held in a variable: request(app).get('/').expect(200), test.expect(413, done)
    if (method === 'expect' && call.arguments.length > 0 && !(root.type === 'Identifier' && this.names.contextNames.has(root.name) && callee.object === root)) return 'live';
    // check.call(this, 'doc'), check.apply(null, args): the helper runs (mocha's assertReporterOutputEquality.call(this, 'dot')).
    if ((method === 'call' || method === 'apply') && callee.object.type === 'Identifier') helpers.push({ module: '', name: callee.object.name });
    else if (!this.names.helpers.has(method) && this.file.patchedMethods?.asserts(method)) return 'live';
    else if (this.madeByHelper(callee.object, method)) return 'live';
    else if (callee.object.type === 'Identifier' && this.hasAssertingMethod(callee.object.name, method)) return 'live';
    else helpers.push({ module: '', name: method });
    return undefined;
  }

  /** Whether the function of the file or the helper it imports as `name` hands back a chain of Cypress commands, a few functions deep. */
  returnsCypressChain(name: string, depth = 0): boolean {
    const local = this.names.localFunction(name);
    if (!local) {
      const ref = this.names.exported(name).find((candidate): candidate is { module: string; name: string } => !('type' in candidate) && candidate.module !== '');
      return ref !== undefined && (this.file.localModules?.returnsCypressChain(this.file.path, ref.module, ref.name) ?? false);
    }
    return returnedValues(local).some((value) => {
      const root = rootOf(value);
      return root.type === 'Identifier' && (root.name === 'cy' || (depth < 4 && root.name !== name && this.returnsCypressChain(root.name, depth + 1)));
    });
  }

  /**
   * Whether what the function of the file, or the helper it imports, as `name` returns has a method `method` that asserts, a few
   * functions deep: pnpm's `prepareEmpty()`, which returns `assertProject(dir)`, whose `{ has (pkg) { ok(fs.existsSync(…)) } }` checks
   * with `const ok = (value) => expect(value).toBeTruthy()`. Its `storeHas`, which returns a path, checks nothing.
   */
  returnsAssertingMethod(name: string, method: string, depth = 0): boolean {
    const key = `${name}\0${method}`;
    const known = this.assertingMethods.get(key);
    if (known !== undefined) return known;
    // Marked first: a method that asks the same of what it makes asserts nothing through that.
    this.assertingMethods.set(key, false);
    const asserts = this.searchAssertingMethod(name, method, depth);
    this.assertingMethods.set(key, asserts);
    return asserts;
  }

  private searchAssertingMethod(name: string, method: string, depth: number): boolean {
    const local = this.names.localFunction(name);
    if (!local) {
      const ref = this.names.exported(name).find((candidate): candidate is { module: string; name: string } => !('type' in candidate) && candidate.module !== '');
      return ref !== undefined && (this.file.localModules?.returnsAssertingMethod(this.file.path, ref.module, ref.name, method) ?? false);
    }
    return returnedValues(local).some((value) => {
      const made = withoutTypeAssertions(value);
      if (made.type === 'ObjectExpression') {
        const fn = propertyValue(made, method);
        return fn !== undefined && isFunction(fn) && this.helpersAssert([fn]);
      }
      // A record of what it made (pnpm's preparePackages: `result[pkg.name] = prepare(pkg)`, `return result`), for `projects['a'].has(…)`.
      const calls = made.type === 'Identifier' ? elementsMade(local, made.name) : made.type === 'CallExpression' ? [made] : [];
      return calls.some((call) => call.callee.type === 'Identifier' && call.callee.name !== name && depth < 4 && this.returnsAssertingMethod(call.callee.name, method, depth + 1));
    });
  }

  /**
   * Whether the object the file declares or imports as `name` has a method `method` that asserts, a few names deep: a page object, an
   * instance of a class of its module (mattermost's `const pushScreen = new PushScreen(); export default pushScreen`, whose
   * `toBeVisible = async () => { await waitFor(this.screen).toExist().withTimeout(…) }`), or an object of functions.
   */
  hasAssertingMethod(name: string, method: string): boolean {
    const key = `${name}\0${method}`;
    const known = this.objectMethods.get(key);
    if (known !== undefined) return known;
    // Marked first: a method that calls the same method of the same object asserts nothing through that. Methods that call
    // other objects' methods, and names that stand for other objects, are followed a few objects deep: a chain of them, a
    // thousand long, needs no deep stack.
    if (this.objectsSearched >= 4) return false;
    this.objectMethods.set(key, false);
    this.objectsSearched += 1;
    try {
      const asserts = this.searchObjectMethod(name, method);
      this.objectMethods.set(key, asserts);
      return asserts;
    } finally {
      this.objectsSearched -= 1;
    }
  }

  private searchObjectMethod(name: string, method: string): boolean {
    const value = this.names.lastValueOf(name);
    if (value?.type === 'NewExpression' && value.callee.type === 'Identifier') {
      const member = this.names.classNamed(value.callee.name)?.body.body.find((candidate) => (candidate.type === 'MethodDefinition' || candidate.type === 'PropertyDefinition') && !candidate.static && keyName(candidate.key) === method);
      const fn = member && 'value' in member ? member.value : undefined;
      return fn !== undefined && fn !== null && isFunction(fn) && this.helpersAssert([fn]);
    }
    if (value?.type === 'ObjectExpression') {
      const fn = propertyValue(value, method);
      return fn !== undefined && isFunction(fn) && this.helpersAssert([fn]);
    }
    return this.names.exported(name).some((ref) => {
      if ('type' in ref) return false;
      if (ref.module === '') return ref.name !== name && this.hasAssertingMethod(ref.name, method);
      return this.file.localModules?.hasAssertingMethod(this.file.path, ref.module, ref.name, method) ?? false;
    });
  }

  /**
   * `project.has('x')` with `const project = prepareEmpty()`, or `prepareEmpty().has('x')`: a method that asserts, of what a helper made;
   * made in a hook too (unleash's `app = await setupAppWithCustomConfig(…)`, then `await app.createSegment(segment, 400)`).
   */
  private madeByHelper(object: t.Node, method: string): boolean {
    // An element of it too: `projects['project-1'].has('is-positive')` with `const projects = preparePackages([…])`.
    const record = object.type === 'MemberExpression' && object.computed ? object.object : object;
    const held = record.type === 'Identifier' ? this.names.lastValueOf(record.name) : record;
    const made = held && unwrapAwait(withoutTypeAssertions(held));
    return made?.type === 'CallExpression' && made.callee.type === 'Identifier' && this.returnsAssertingMethod(made.callee.name, method);
  }

  /** A file that imports the project's own `expect` tests an assertion library: its constant expectations are its inputs. */
  private isExpectUnderTest(_expectCall: t.CallExpression): boolean {
    for (const name of this.names.expectsUnderTest) if (this.names.expectNames.has(name)) return true;
    return false;
  }

  /** tap's `t[found === wanted ? 'pass' : 'fail']('equal', …)`: the test's own check, choosing the assertion. */
  private choosesContextAssertion(callee: t.MemberExpression): boolean {
    const choice = callee.property;
    if (callee.object.type !== 'Identifier' || !this.names.contextNames.has(callee.object.name) || choice.type !== 'ConditionalExpression') return false;
    return [choice.consequent, choice.alternate].every((branch) => CONTEXT_ASSERTIONS.has(String(literalValue(branch)?.value)));
  }

  /** `expectTypeOf(x).toEqualTypeOf<Y>()`, tstyche's `expect<X>().type.toBe<Y>()`, anything in a `*.test-d.ts`: checked by the compiler. */
  private isTypeExpectation(expectCall: t.CallExpression, chain: t.Node): boolean {
    if (this.file.typeTests || typeArgumentsOf(expectCall) || (expectCall.callee.type === 'Identifier' && TYPE_ASSERTIONS.has(expectCall.callee.name))) return true;
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
    // [a, b].forEach(expect(stderr).toMatch), lines.forEach(assert.ok): an assertion handed on as a function.
    if (node.type === 'MemberExpression' && this.isAssertionMethod(node)) return true;
    // helper.bind(null, expected)
    if (isBindCall(node) && node.callee.object.type === 'Identifier') {
      helpers.push({ module: '', name: node.callee.object.name });
      return false;
    }
    if (node.type === 'MemberExpression') return this.isHandedFactoryPart(node, helpers);
    if (node.type === 'ObjectExpression') return node.properties.some((property) => property.type === 'Property' && this.isHandedAssertion(property.value, helpers));
    return node.type === 'ArrayExpression' && node.elements.some((element) => element !== null && this.isHandedAssertion(element, helpers));
  }

  /**
   * A part of what a factory of the file hands back, with callbacks in it that assert: xstate's model-based tests
   * give `dieHardModel.options`, made by `const dieHardModel = createDieHardModel()`, whose `options` hold
   * `states: { success: () => { expect(jugs.five).toEqual(4) } }`, to `model.testPath(path, options)`, which runs them.
   */
  private isHandedFactoryPart(member: t.MemberExpression, helpers: HelperRef[]): boolean {
    const part = propertyName(member);
    const made = member.object.type === 'Identifier' ? this.names.valueOf(member.object.name) : undefined;
    const factory = made?.type === 'CallExpression' && made.callee.type === 'Identifier' ? this.names.localFunction(made.callee.name) : undefined;
    // A factory whose parts hand on its own parts is not followed round again.
    if (part === undefined || !factory || this.factoriesHandingOn.has(factory)) return false;
    this.factoriesHandingOn.add(factory);
    try {
      return returnedValues(factory).some((value) => {
        const held = value.type === 'ObjectExpression' ? propertyValue(value, part) : undefined;
        return held !== undefined && this.directAssertions(held, helpers).has('live');
      });
    } finally {
      this.factoriesHandingOn.delete(factory);
    }
  }

  /** A matcher or an assertion method taken as a function: `expect(stderr).toMatch`, `assert.ok`, `t.truthy`; not `t.log` or `t.pass`. */
  private isAssertionMethod(member: t.MemberExpression): boolean {
    if (this.names.expectCallOf(member.object)) return true;
    if (member.object.type !== 'Identifier') return false;
    if (this.names.assertNames.has(member.object.name)) return true;
    const method = propertyName(member);
    return this.names.contextNames.has(member.object.name) && method !== undefined && CONTEXT_ASSERTIONS.has(method) && !ALWAYS_PASSING.has(method);
  }

  /** A wait of PREDICATE_WAITS given its condition alone, imported from its package, or by the package's own tests from its source. */
  private waitsForPredicate(call: t.CallExpression, imported: { module: string; name: string }): boolean {
    const [condition, ...rest] = call.arguments;
    if (!condition || rest.length > 0 || !isFunction(condition)) return false;
    const module = imported.module.startsWith('.') ? this.file.localModules?.packageOf(this.file.path, imported.module) : imported.module;
    return module !== undefined && (PREDICATE_WAITS.get(module)?.has(imported.name) ?? false);
  }

  /** chai property assertions: `expect(x).to.be.true`, `x.should.exist`. */
  private propertyAssertionOf(member: t.MemberExpression): AssertionKind | undefined {
    const name = propertyName(member);
    if (!name) return undefined;
    // A property a chai plugin of the project adds asserts too (`.to.timeout`): a word after the chain's words, for which the
    // project's test code is read once. Not jest's matchers (`.not.toBe`), which are called.
    const known = CHAI_PROPERTY_ASSERTIONS.has(name);
    if (!known && (member.object.type !== 'MemberExpression' || !/^[a-z]+$/.test(name) || CHAIN_WORDS.has(name) || !this.file.patchedMethods)) return undefined;
    const expectCall = this.names.expectCallOf(member.object);
    if (!expectCall && !isShouldChain(member.object) && !this.names.expectationHelperCallOf(member.object)) return undefined;
    if (!known && !this.file.patchedMethods?.addsChaiProperty(name)) return undefined;
    return expectCall ? constantness(expectCall.arguments, name) : 'live';
  }
}

/** A test-context assertion (`t.is(…)`, or `equal(…)` destructured from the context). */
function contextAssertion(method: string, values: readonly t.Node[]): AssertionKind {
  if (ALWAYS_PASSING.has(method)) return 'constant';
  return LIVE_WHATEVER_ARGUMENTS.has(method) ? 'live' : constantness(values, method);
}

function isWithinCall(node: t.Node): boolean {
  return node.type === 'CallExpression' && node.callee.type === 'Identifier' && node.callee.name === 'within';
}

/** `X.property(…)` or `X.asyncProperty(…)` of the module `X` whose `assert` is called: fast-check, whatever it is imported as. */
function checksProperty(argument: t.Node | undefined, module: string): boolean {
  if (argument?.type !== 'CallExpression' || argument.callee.type !== 'MemberExpression') return false;
  const path = calleePath(argument.callee);
  return path?.length === 2 && path[0] === module && (path[1] === 'property' || path[1] === 'asyncProperty');
}

/** Playwright's ways to make a locator: `page.locator(…)`, `getByRole(…)`, `frameLocator(…)`, refined by `filter`, `nth`… */
const LOCATOR_METHODS = /^(?:locator|frameLocator|getBy[A-Z]\w*)$/;

/** `assertVisible`, `expectRowCount`: a method named for the check it makes. */
const ASSERTING_METHOD = /^(?:assert|expect)[A-Z]/;

/** The assertions of what a test tool ran: AdonisJS Ace's `BaseCommand` (a command), yeoman-test's `RunResult` (a generator's run). */
const RESULT_ASSERTIONS = new Set([
  'assertExitCode', 'assertNotExitCode', 'assertSucceeded', 'assertFailed', 'assertLog', 'assertLogMatches', 'assertTableRows',
  'assertFile', 'assertNoFile', 'assertFileContent', 'assertNoFileContent', 'assertEqualsFileContent', 'assertNotEqualsFileContent',
  'assertJsonFileContent', 'assertNoJsonFileContent', 'assertTextEqual', 'assertObjectContent', 'assertNoObjectContent',
]);

/**
 * Whether an awaited call, or a call its chain goes through, is a method named to assert or expect (see ASSERTING_METHOD); or a step
 * named to ensure (sentry's `createRunner(…).ensureNoErrorOutput().start().completed()`), not the awaited call, `await fs.ensureDir(dir)`.
 */
function awaitsAssertingStep(awaited: t.Node): boolean {
  for (let current: t.Node = awaited; current.type === 'CallExpression' && current.callee.type === 'MemberExpression'; current = current.callee.object) {
    const method = propertyName(current.callee) ?? '';
    if (ASSERTING_METHOD.test(method) || (current !== awaited && ENSURING_METHOD.test(method))) return true;
  }
  return false;
}

const ENSURING_METHOD = /^ensure[A-Z]/;
/** Names of the file's own helpers that check by throwing, beside CHECKING_NAME: in the code under test, such a function guards its input. */
const LOCAL_CHECKING_NAME = /^(?:validate|ensure)[A-Z]/;
/** Waits for text in what a process or a page prints: `waitForStdout`, `waitForStderr`, `waitForOutput`, `waitForText`, `waitForLog`. */
const OUTPUT_WAIT = /^waitFor(?:Std(?:out|err)|Output|Text|Logs?|Message|Line|Content)$/;
/** A function named for the expectation it makes: `expectObservable`, `expectSubscriptions`. */
const EXPECTATION_NAME = /^expect[A-Z]/;
/** A matcher: `toBe`, `toEqual`, chai's `to` (not a value's own `toString`, `toFixed`…). */
const MATCHER_NAME = /^to(?:[A-Z]|$)/;

/**
 * Whether a member chain ends in a matcher called on what a function named for an expectation made:
 * `expectObservable(result).toBe(expected)`, `expectSubscriptions(e1.subscriptions).not.toBe(subs)`, `expectX(y).to.equal(z)`;
 * also held in a variable first (handlebars's `var xt = expectTemplate('{{@hello}}').withCompileOptions(…); xt.toThrow(Error)`).
 */
function isNamedExpectationMatcher(callee: t.MemberExpression, valueOf: (name: string) => t.Node | undefined): boolean {
  let matcher = false;
  let held = false;
  for (let current: t.Node = callee; ; ) {
    if (current.type === 'MemberExpression') {
      const name = propertyName(current) ?? '';
      if (MATCHER_NAME.test(name) && !BUILT_IN_METHODS.has(name)) matcher = true;
      current = current.object;
    } else if (current.type === 'CallExpression') {
      const made = current.callee.type === 'Identifier' ? current.callee.name : current.callee.type === 'MemberExpression' ? propertyName(current.callee) : undefined;
      if (made !== undefined && EXPECTATION_NAME.test(made)) return matcher;
      current = current.callee;
    } else if (current.type === 'TSNonNullExpression') current = current.expression;
    else if (current.type === 'Identifier' && matcher && !held) {
      const value = valueOf(current.name);
      if (value === undefined) return false;
      held = true;
      current = value;
    } else return false;
  }
}
/** Playwright's actions, which wait for their element until a timeout. */
const LOCATOR_ACTIONS = new Set(['click', 'dblclick', 'tap', 'hover', 'focus', 'fill', 'type', 'press', 'pressSequentially', 'check', 'uncheck', 'setChecked', 'selectOption', 'selectText', 'setInputFiles', 'dragTo']);
/** ARIA roles of controls, which a test finds to act on; other roles (cell, heading, row, alert…) are content. */
const CONTROL_ROLES = new Set(['button', 'link', 'menuitem', 'menuitemcheckbox', 'menuitemradio', 'tab', 'checkbox', 'radio', 'switch', 'textbox', 'searchbox', 'combobox', 'listbox', 'option', 'slider', 'spinbutton', 'treeitem', 'menu', 'menubar', 'tablist']);
/**
 * Selectors by text: Playwright's `text=Done`, `'Done'` quoted, `button:has-text("Save")`, `:text-is("Ok")`; Puppeteer's
 * `::-p-text(Done)` and `text/Done`.
 */
const TEXT_SELECTOR = /^(?:text[=/]|["'])|:(?:has-)?text(?:-is|-matches)?\(|>>\s*text=|::-p-text\(/;

/** A selector of a control, whatever text it adds: `button`, `a:has-text("Docs")`, `[role=tab]`, `input[name="uri"]`. */
const CONTROL_SELECTOR = /^\s*(?:(?:button|a|input|select|textarea|option|summary)(?![\w-])|\[role=["']?(?:button|link|tab|menuitem|checkbox|radio|switch|option|combobox|textbox)\b)/i;

function isTextSelector(node: t.Node): boolean {
  return isString(node) && TEXT_SELECTOR.test(node.value);
}

function isControlSelector(node: t.Node): boolean {
  return isString(node) && CONTROL_SELECTOR.test(node.value);
}

/**
 * Whether `node` is a chain that makes a Playwright locator of what the page shows, judged by the call that picks the element
 * (the last one but `first`, `last`, `nth` and `filter`): `getByText('Saved')`, `getByAltText`, `getByTitle`, `getByRole('heading',
 * { name: 'Welcome' })` of a role that is no control, `locator('text=Saved')`, `getByLabel('Environments').getByText('Env (Copy)')`,
 * `locator('pre').filter({ hasText: '| 4444' })`; not a control, however found (sveltekit's `page.locator('button', { hasText:
 * 'Inside form' }).click()`, `getByRole('row', { name }).getByRole('button')`, `getByPlaceholder('Email')` unless filtered by a text).
 */
function showsContent(node: t.Node): boolean {
  let textFilter = false;
  for (let current = node; current.type === 'CallExpression' && current.callee.type === 'MemberExpression'; current = current.callee.object) {
    const method = propertyName(current.callee) ?? '';
    const [first, second] = current.arguments;
    if (method === 'first' || method === 'last' || method === 'nth') continue;
    if (method === 'filter') {
      textFilter ||= first?.type === 'ObjectExpression' && propertyValue(first, 'hasText') !== undefined;
      continue;
    }
    if (method === 'getByText' || method === 'getByAltText' || method === 'getByTitle') return first !== undefined;
    if (method === 'getByRole') return first !== undefined && isString(first) && !CONTROL_ROLES.has(first.value) && (textFilter || (second?.type === 'ObjectExpression' && propertyValue(second, 'name') !== undefined));
    if (method === 'locator') return first !== undefined && !isControlSelector(first) && (textFilter || isTextSelector(first) || (second?.type === 'ObjectExpression' && propertyValue(second, 'hasText') !== undefined));
    return textFilter && LOCATOR_METHODS.test(method);
  }
  return false;
}

/** `'@getUsers'` or `['@login', '@profile']`: the aliases of routes `cy.intercept(…).as(…)` named. */
function waitsForRoutes(node: t.Node): boolean {
  if (node.type === 'ArrayExpression') return node.elements.length > 0 && node.elements.every((element) => element !== null && waitsForRoutes(element));
  return isString(node) ? node.value.startsWith('@') : node.type === 'TemplateLiteral' && (node.quasis[0]?.value.cooked ?? '').startsWith('@');
}

/** Whether `node` is a chain of calls that makes a Playwright locator: `page.getByRole('row').filter({ hasText }).nth(1)`. */
function isLocatorChain(node: t.Node): boolean {
  for (let current = node; current.type === 'CallExpression' && current.callee.type === 'MemberExpression'; current = current.callee.object) {
    if (LOCATOR_METHODS.test(propertyName(current.callee) ?? '')) return true;
  }
  return false;
}

/** The calls whose values a function sets as elements of a variable: `result[pkg.name] = prepare(pkg)`. */
function elementsMade(fn: FunctionNode, name: string): t.CallExpression[] {
  const calls: t.CallExpression[] = [];
  walk(fn.body, (node) => {
    if (node.type === 'AssignmentExpression' && node.left.type === 'MemberExpression' && node.left.object.type === 'Identifier' && node.left.object.name === name) {
      const value = unwrapAwait(withoutTypeAssertions(node.right));
      if (value.type === 'CallExpression') calls.push(value);
    }
    return !isFunction(node);
  });
  return calls;
}

/** The methods of the objects a function's body returns: `return { has (name) { … } }`, or `const store = { … }; return store` (pnpm's assertStore). */
function methodsReturned(body: t.Node): Set<t.Node> {
  const methods = new Set<t.Node>();
  const statements = body.type === 'BlockStatement' ? body.body : [];
  const objects = new Map<string, t.ObjectExpression>();
  for (const statement of statements) {
    if (statement.type === 'VariableDeclaration') {
      for (const declarator of statement.declarations) if (declarator.id.type === 'Identifier' && declarator.init?.type === 'ObjectExpression') objects.set(declarator.id.name, declarator.init);
    }
    if (statement.type !== 'ReturnStatement' || !statement.argument) continue;
    const returned = statement.argument.type === 'Identifier' ? objects.get(statement.argument.name) : statement.argument;
    if (returned?.type !== 'ObjectExpression') continue;
    for (const property of returned.properties) if (property.type === 'Property' && isFunction(property.value)) methods.add(property.value);
  }
  return methods;
}
