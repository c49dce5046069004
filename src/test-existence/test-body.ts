import { boundNames, calleePath, isFunction, isString, keyName, propertyValue, propertyName, returnedValues, rootName, unwrapAwait, walk, withoutTypeAssertions, type FunctionNode, type SourceLines, type t } from './ast.js';
import type { TestCase, TestClass } from './analyze.js';
import { isScriptFile } from './files.js';

/*
 * What a test body does besides calling assertions, read from its syntax: the callbacks it waits
 * for or fails in, the conditions that skip it, the libraries that declare tests for it, and the
 * ESLint comments that accept what it is.
 */

const PROMISE_METHODS = new Set(['then', 'catch', 'finally']);

/**
 * Libraries that declare and check a test per row of a table: babel-plugin-tester, jscodeshift, ESLint's RuleTester (and
 * eslint-vitest-rule-tester's, given the table in one object), and
 * jest-preset-stylelint's globals (`testRule({ ruleName, config, accept: […], reject: […] })`, stylelint's and its plugins').
 */
const TEST_GENERATORS = new Set(['pluginTester', 'defineTest', 'defineInlineTest', 'defineSnapshotTest', 'testRule', 'testRuleConfigs']);
/** Modules whose default export declares a test per row of a table, whatever it is imported as: `cases(title, tester, rows)`. */
export const GENERATOR_MODULES: ReadonlySet<string> = new Set(['jest-in-case']);

export function generatorOf(call: t.CallExpression): string | undefined {
  const callee = call.callee;
  if (callee.type === 'Identifier' && TEST_GENERATORS.has(callee.name)) return callee.name;
  // eslint-vitest-rule-tester's `run({ name, rule, valid: […], invalid: […] })` and `tester.run({ … })` (unocss's eslint-plugin): the table in one object.
  const options = call.arguments[0];
  if ((callee.type === 'Identifier' || (callee.type === 'MemberExpression' && propertyName(callee) === 'run')) && options?.type === 'ObjectExpression' && propertyValue(options, 'rule') !== undefined && (propertyValue(options, 'valid') !== undefined || propertyValue(options, 'invalid') !== undefined)) {
    return callee.type === 'Identifier' ? callee.name : `${rootName(callee) ?? 'tester'}.run`;
  }
  if (callee.type !== 'MemberExpression' || propertyName(callee) !== 'run') return undefined;
  if (callee.object.type === 'Identifier' && /ruleTester$/i.test(callee.object.name)) return `${callee.object.name}.run`;
  // A rule tester under any name, by its table: react-three-fiber's `tester.run('no-new-in-loop', rule, { valid, invalid })`.
  const table = call.arguments[2];
  if (table?.type === 'ObjectExpression' && (propertyValue(table, 'valid') !== undefined || propertyValue(table, 'invalid') !== undefined)) return `${rootName(callee) ?? 'tester'}.run`;
  return undefined;
}

/** `fn.bind(thisArg, …args)` */
export function isBindCall(node: t.Node): node is t.CallExpression & { callee: t.MemberExpression } {
  return node.type === 'CallExpression' && node.callee.type === 'MemberExpression' && propertyName(node.callee) === 'bind';
}

/** `test.skipIf(true)(…)`, `it.runIf(false)(…)`: a constant condition that leaves the test out. A condition read at run time may run it. */
export function conditionSkips(callee: t.Node): boolean {
  for (let current: t.Node = callee; ;) {
    if (current.type === 'CallExpression' && current.callee.type === 'MemberExpression') {
      const modifier = propertyName(current.callee);
      const condition = current.arguments[0];
      if ((modifier === 'skipIf' || modifier === 'runIf') && condition) {
        const value = constantCondition(condition);
        if (value !== undefined) return modifier === 'skipIf' ? value : !value;
      }
      current = current.callee.object;
    } else if (current.type === 'MemberExpression') current = current.object;
    else return false;
  }
}

/** The value of a condition fixed in the source (`true`, `!0`, `undefined`), or undefined when it is read at run time. */
export function constantCondition(node: t.Node): boolean | undefined {
  if (node.type === 'Literal' && !('regex' in node)) return Boolean(node.value);
  if (node.type === 'Identifier' && node.name === 'undefined') return false;
  if (node.type === 'UnaryExpression' && node.operator === '!') {
    const inner = constantCondition(node.argument);
    return inner === undefined ? undefined : !inner;
  }
  return undefined;
}

/** How awaitsCallback reads the callback: `anyUse` counts a call at the top of the body too; `method` is a method of `done`. */
interface CallbackReading {
  anyUse?: boolean;
  method?: string;
}

/**
 * Whether a test ends through its `done` callback from inside other code: handed on
 * (`server.close(done)`, `.expect(200, done)`) or called in a callback (`next = () => done()`).
 * A `done()` at the top of the test body proves nothing. With `method`, the callback is that
 * method of `done`: tap's `t.end` (`main(() => t.end())`).
 */
export function awaitsCallback(fn: FunctionNode, done: string, { anyUse = false, method }: CallbackReading = {}): boolean {
  const isDone = (node: t.Node) =>
    method === undefined ? node.type === 'Identifier' && node.name === done : node.type === 'MemberExpression' && node.object.type === 'Identifier' && node.object.name === done && propertyName(node) === method;
  const direct = new Set<t.Node>();
  if (!anyUse) {
    // `(done) => done()` ends the test at once too.
    const statements = fn.body.type === 'BlockStatement' ? fn.body.body.map((statement) => (statement.type === 'ExpressionStatement' ? statement.expression : statement)) : [fn.body];
    for (const expression of statements) if (expression.type === 'CallExpression' && isDone(expression.callee)) direct.add(expression.callee);
  }
  // `promise.then(() => done())` only waits, like `await promise`; not in a callback the code under test calls back
  // (mongoose's `connection.on('open', () => { mong.disconnect().then(() => done()) })`).
  const isPromiseCall = (node: t.Node) => node.type === 'CallExpression' && node.callee.type === 'MemberExpression' && PROMISE_METHODS.has(propertyName(node.callee) ?? '');
  const callbacks: t.Node[] = [];
  walk(fn.body, (node) => {
    if (node.type === 'CallExpression' && !isPromiseCall(node)) callbacks.push(...node.arguments.filter(isFunction));
    // A method the test replaces is called back by the code too (ioredis's `redis.select = function () { … done() }`).
    if (node.type === 'AssignmentExpression' && node.left.type === 'MemberExpression' && isFunction(node.right)) callbacks.push(node.right);
    return true;
  });
  const within = (node: t.Node, outer: t.Node) => node.start >= outer.start && node.end <= outer.end;
  const calledBack = (node: t.Node) => callbacks.some((callback) => within(node, callback));
  const waits: t.Node[] = [];
  const rejections: t.Node[] = [];
  // The functions and catch clauses the walk is in, innermost last: what their parameters hold, given to `done`, is an error handed on.
  const enclosing: Array<{ end: number; names: string[] }> = [];
  // `done` given a failure of the test's own (`done(new Error('should reject'))`), by its callee.
  const ownFailures = new Set<t.Node>();
  let deferred = false;
  walk(fn.body, (node) => {
    if (deferred) return false;
    while (enclosing.length > 0 && enclosing.at(-1)!.end <= node.start) enclosing.pop();
    if (isFunction(node)) enclosing.push({ end: node.end, names: node.params.flatMap(boundNames) });
    if (node.type === 'CatchClause' && node.param) enclosing.push({ end: node.end, names: boundNames(node.param) });
    if (node.type === 'CallExpression' && isDone(node.callee) && node.arguments.length > 0) {
      const given = node.arguments[0]!;
      if (!(given.type === 'Identifier' && enclosing.some(({ names }) => names.includes(given.name)))) ownFailures.add(node.callee);
    }
    if (node.type === 'CallExpression' && isPromiseCall(node) && !calledBack(node)) {
      // `connect().catch(() => { …; done() })` ends the test only if the promise rejects: it checks the rejection (ioredis's
      // failing connections). `.catch(done)` hands the error on, and fails the test with it.
      const rejects = node.callee.type === 'MemberExpression' && propertyName(node.callee) === 'catch';
      for (const argument of node.arguments) (rejects && isFunction(argument) && callsDoneBare(argument, isDone) ? rejections : waits).push(argument);
    }
    if (!isDone(node) || direct.has(node)) return true;
    // In what a promise waits for, a callback handed to the code there calls back (node-red's `load().then(() => { context.get(key,
    // (err) => { … done() }) })`), a rejection checked there is checked, and so is a failure the test makes of its own
    // (`then(() => done(new Error('should reject')))`, `if (errors.length > 0) done(error)`): it is not the error handed on.
    const wait = waits.find((argument) => within(node, argument));
    if (!wait || ownFailures.has(node) || rejections.some((rejection) => within(node, rejection)) || callbacks.some((callback) => within(callback, wait) && within(node, callback))) deferred = true;
    return true;
  });
  return deferred;
}

/** Whether a function calls `done` given nothing: it ends the test as passed. */
function callsDoneBare(fn: FunctionNode, isDone: (node: t.Node) => boolean): boolean {
  let found = false;
  walk(fn.body, (node) => {
    if (node.type === 'CallExpression' && node.arguments.length === 0 && isDone(node.callee)) found = true;
    return !found;
  });
  return found;
}

/**
 * Whether the test does nothing but call one of `names`: `() => factory(testCase)`,
 * `async () => { await run(row) }`. A test that calls one among other work (renders with it, say) is judged on its own.
 */
export function onlyCalls(fn: FunctionNode, names: ReadonlySet<string>): boolean {
  let body: t.Node = fn.body;
  if (body.type === 'BlockStatement') {
    const [statement, ...others] = body.body;
    if (others.length > 0) return false;
    if (statement?.type === 'ExpressionStatement') body = statement.expression;
    else if (statement?.type === 'ReturnStatement' && statement.argument) body = statement.argument;
    else return false;
  }
  const call = unwrapAwait(body);
  return call.type === 'CallExpression' && call.callee.type === 'Identifier' && names.has(call.callee.name);
}

/**
 * Whether the test a declaration makes is the caller's, run through one of `names` (a helper's
 * parameters): given as the test's function (`it(title, fn)`) or as a promise's executor in its body
 * (`it(title, () => new Promise(fn))`), or handed the test's context in its
 * body (`test(title, async (t) => { …; await run(t, page) })`), or as a statement of its own given nothing
 * (`f();`). A helper's test that calls a function it was given for a value (`expect(render()).toBeTruthy()`) checks on its own.
 */
export function runsCallersTest(call: t.CallExpression, names: ReadonlySet<string>): boolean {
  return call.arguments.slice(1).some((argument) => {
    if (argument.type === 'Identifier') return names.has(argument.name);
    if (!isFunction(argument)) return false;
    const context = new Set(argument.params.flatMap(boundNames));
    let found = false;
    walk(argument.body, (child) => {
      if (child.type === 'CallExpression' && child.callee.type === 'Identifier' && names.has(child.callee.name)) {
        found = child.arguments.some((value) => value.type === 'Identifier' && context.has(value.name));
      }
      // `try { f(); } finally { … }`: run as a statement of its own, given nothing, the caller's function is the test's body (luxon's `withNow`).
      if (child.type === 'ExpressionStatement') {
        const run = unwrapAwait(child.expression);
        if (run.type === 'CallExpression' && run.arguments.length === 0 && run.callee.type === 'Identifier' && names.has(run.callee.name)) found = true;
      }
      // `() => new Promise(testFn)`: the caller's function is the executor, the test's body (apollo-client's `itAsync`).
      if (child.type === 'NewExpression' && child.callee.type === 'Identifier' && child.callee.name === 'Promise' && child.arguments[0]?.type === 'Identifier' && names.has(child.arguments[0].name)) found = true;
      return !found;
    });
    return found;
  });
}

/** Functions that return a promise an event settles: node:events' `once(emitter, 'close')`, p-event's `pEvent(emitter, 'close')`. */
const EVENT_PROMISES = new Set(['once', 'pEvent', 'pEventMultiple']);
/** Methods that register a listener for an event. */
const LISTENERS = new Set(['on', 'once', 'addEventListener', 'addListener']);
/** Timers settle a promise whatever the code does. */
const TIMERS = new Set(['setTimeout', 'setImmediate', 'queueMicrotask', 'nextTick']);

/**
 * Whether the last thing the test awaits is an event: `await once(socket, 'close')`, `await new
 * Promise((resolve) => ws.on('close', resolve))`, or `await waitFor(socket, 'close')` with a function
 * of the file that returns a promise whose `resolve` it hands to a listener or keeps for one. The
 * test fails by its timeout unless the code makes the event happen, as with a `done` handed on.
 * Waiting for an event and going on (`await waitFor(socket, 'open')`, then more awaits) is set-up.
 */
export function endsAwaitingEvent(fn: FunctionNode, localFunction: (name: string) => FunctionNode | undefined, importedSettlesOnEvent: (name: string) => boolean): boolean {
  const awaited: t.Node[] = [];
  walk(fn.body, (child) => {
    if (child.type === 'AwaitExpression') awaited.push(child.argument);
    return !isFunction(child);
  });
  // A promise the test returns is awaited last by its runner: `() => new Promise((resolve) => …)`, `return new Promise(…)`.
  const returned = fn.body.type === 'BlockStatement' ? fn.body.body.at(-1) : fn.body;
  if (returned?.type === 'ReturnStatement' && returned.argument) awaited.push(returned.argument);
  else if (returned && fn.body.type !== 'BlockStatement') awaited.push(returned);
  // Tearing down after the wait (`await wsClosed(ws); await app.stop()`) does not make the wait set-up.
  while (awaited.length > 1 && isTeardown(awaited.at(-1)!)) awaited.pop();
  const last = awaited.at(-1);
  if (last !== undefined && (endsAwaitingEffectSignal(last) || awaitsLatchOpenedInCallbacks(fn, last) || awaitsResolversHandedOn(fn, last) || awaitsHeldEventPromise(fn, last) || awaitsFilteredStream(fn, last))) return true;
  // resolve handed to a listener, or to the code under test as its callback (`server.invalidate(resolve)`, as a `done`
  // would be) or as a method of what the test hands it (`res.json = (body) => resolve(body)`); not to a timer, nor to what
  // calls back whatever happens (`server.listen(0, resolve)`, `compiler.close(resolve)`). The promise may be held until the
  // test has set the code going (`const responded = new Promise(…); handler(req, res); await responded`).
  const promise = last?.type === 'Identifier' ? promiseHeldAs(fn, last.name) ?? last : last;
  if (promise?.type === 'NewExpression') return resolvesIn(promise, (call) => !CALLS_BACK_ANYWAY.has(calleePath(call.callee)?.at(-1) ?? '')) || setsResolver(promise, () => true) || resolvingFunctionHandedOn(fn, promise);
  if (last?.type !== 'CallExpression') return false;
  const callee = last.callee;
  // `await wsClosed(ws)`: a helper whose promise only an event settles, whatever it is asked (elysia's ws tests).
  if (callee.type === 'Identifier') {
    const local = localFunction(callee.name);
    if (local ? settlesOnEvent(local, localFunction) : importedSettlesOnEvent(callee.name)) return true;
  }
  // Events awaited together: ioredis's `await Promise.all([once(redis, 'close'), once(newMaster, 'connect')])`.
  if (combinedPromises(last)?.some(isEventPromise)) return true;
  if (isEventPromise(last)) return true;
  if (!last.arguments.some(isString)) return false;
  const helper = callee.type === 'Identifier' ? localFunction(callee.name) : undefined;
  if (!helper) return false;
  // The helper is asked for an event by name (`'close'`), and hands `resolve` on: to a listener, or to a list the socket's listener empties.
  let found = false;
  walk(helper.body, (child) => {
    if (child.type === 'NewExpression' && resolvesIn(child, (call) => !TIMERS.has(calleePath(call.callee)?.at(-1) ?? ''))) found = true;
    return !found;
  });
  return found;
}

/** Effect's waits for a fiber the test forked: after the signal, they only join what the test started. */
const FIBER_JOINS = new Set(['await', 'join', 'interrupt']);
/** What lets a latch or a deferred through: `latch.open`, `Deferred.succeed(deferred, value)`. */
const SIGNALS = new Set(['open', 'release', 'unsafeOpen', 'succeed', 'complete', 'completeWith', 'done', 'fail', 'die', 'interrupt']);

/**
 * An Effect test (`() => Effect.gen(function* () { … })`, piped or not) whose last wait, joins of
 * forked fibers aside, is for a latch or a deferred that only a callback the test hands to the code
 * under test opens: effect's `respond: () => latch.open`, then `yield* latch.await`. The test hangs
 * to its timeout unless the code calls back, as with a `done` handed on. A signal the test gives
 * itself (`yield* Deferred.succeed(latch, void 0)`) makes the wait set-up.
 */
function endsAwaitingEffectSignal(returned: t.Node): boolean {
  const generator = effectGenerator(returned);
  if (!generator) return false;
  const waits: t.Node[] = [];
  walk(generator.body, (node) => {
    if (node.type === 'YieldExpression' && node.delegate && node.argument) waits.push(node.argument);
    return !isFunction(node);
  });
  while (waits.length > 1 && isFiberJoin(waits.at(-1)!)) waits.pop();
  const signal = signalAwaited(waits.at(-1));
  if (signal === undefined) return false;
  return openedOnlyInCallbacks(generator.body, (node) => {
    if (node.type === 'MemberExpression' && node.object.type === 'Identifier' && node.object.name === signal && SIGNALS.has(propertyName(node) ?? '')) return true;
    return node.type === 'CallExpression' && SIGNALS.has(calleePath(node.callee)?.at(-1) ?? '') && node.arguments[0]?.type === 'Identifier' && node.arguments[0].name === signal;
  });
}

/** Whether `opens` holds for a node inside a function under `body`, and for none outside one: only a callback lets the test through. */
function openedOnlyInCallbacks(body: t.Node, opens: (node: t.Node) => boolean): boolean {
  let inCallback = false;
  let inBody = false;
  walk(body, (node) => {
    if (isFunction(node)) {
      walk(node.body, (inner) => {
        if (opens(inner)) inCallback = true;
        return !inCallback;
      });
      return false;
    }
    if (opens(node)) inBody = true;
    return true;
  });
  return inCallback && !inBody;
}

/** What lets a latch of plain promises through: Teamwork's `team.attend()`, p-defer's `deferred.resolve()`. */
const LATCH_SIGNALS = new Set([...SIGNALS, 'attend', 'resolve']);

/**
 * A test whose last wait is for a latch (`await team.work`, `await deferred.promise`) that only a callback
 * the test hands to the code opens: hapi's `server.ext('onPreHandler', () => { team.attend(); … })`, then
 * `await team.work`. The Effect latch's neighbour (endsAwaitingEffectSignal), with plain promises.
 */
function awaitsLatchOpenedInCallbacks(fn: FunctionNode, awaited: t.Node): boolean {
  if (awaited.type !== 'MemberExpression' || awaited.object.type !== 'Identifier') return false;
  const latch = awaited.object.name;
  return openedOnlyInCallbacks(fn.body, (node) => node.type === 'CallExpression' && node.callee.type === 'MemberExpression' && node.callee.object.type === 'Identifier' && node.callee.object.name === latch && LATCH_SIGNALS.has(propertyName(node.callee) ?? ''));
}

/**
 * A test whose last wait is for the promise of a deferred whose `resolve` it hands to the code, in a callback or as
 * one, and never calls itself: xstate's `const { resolve, promise } = Promise.withResolvers(); actor.subscribe({
 * complete: () => resolve() }); …; return promise`, p-defer's `const { promise, resolve } = pDefer()`, node-redis's
 * `let added; const addedPromise = new Promise((res) => { added = res }); sentinel.on('topology-change', (event) => { … added(event.node) })`.
 * The test times out unless the code calls back. Held whole (`deferred.promise`, `deferred.resolve()`), it is a latch
 * (awaitsLatchOpenedInCallbacks).
 */
function awaitsResolversHandedOn(fn: FunctionNode, awaited: t.Node): boolean {
  if (awaited.type !== 'Identifier') return false;
  let resolve: string | undefined;
  walk(fn.body, (node) => {
    if (node.type === 'VariableDeclarator' && node.id.type === 'ObjectPattern' && node.init?.type === 'CallExpression') {
      const pattern = node.id;
      const promise = propertyValue(pattern, 'promise');
      const resolver = propertyValue(pattern, 'resolve');
      if (promise?.type === 'Identifier' && promise.name === awaited.name && resolver?.type === 'Identifier') resolve = resolver.name;
    }
    return resolve === undefined && !isFunction(node);
  });
  // A promise kept so is the check only where the test ends on it: urql's `await onOnlineCalled; flush!()` waits to act, and checks nothing of what it does.
  const held = resolve === undefined && endsAwaiting(fn, awaited.name) ? promiseHeldAs(fn, awaited.name) : undefined;
  const executor = held?.arguments[0];
  resolve ??= held && resolverKeptOutside(held);
  if (resolve === undefined) return false;
  const resolver = resolve;
  let handedOn = false;
  let calledHere = false;
  walk(fn.body, (node) => {
    // The executor that keeps it hands it to nobody.
    if (node === executor) return false;
    if (isFunction(node)) {
      if (mentions(node.body, resolver)) handedOn = true;
      return false;
    }
    if (node.type === 'CallExpression') {
      if (node.callee.type === 'Identifier' && node.callee.name === resolver) calledHere = true;
      else if (node.arguments.some((argument) => !isFunction(argument) && mentions(argument, resolver))) handedOn = true;
    }
    return true;
  });
  return handedOn && !calledHere;
}

/** Whether the test's last statement awaits or returns the promise held as `name`. */
function endsAwaiting(fn: FunctionNode, name: string): boolean {
  const last = fn.body.type === 'BlockStatement' ? fn.body.body.at(-1) : undefined;
  const value = last?.type === 'ExpressionStatement' && last.expression.type === 'AwaitExpression' ? last.expression.argument : last?.type === 'ReturnStatement' ? last.argument : undefined;
  return value?.type === 'Identifier' && value.name === name;
}

/** `new Promise((res) => { added = res })`: the name outside the executor that its `resolve` is kept under. */
function resolverKeptOutside(promise: t.NewExpression): string | undefined {
  const executor = promiseExecutor(promise);
  if (!executor) return undefined;
  let kept: string | undefined;
  walk(executor.body, (node) => {
    if (node.type === 'AssignmentExpression' && node.left.type === 'Identifier') {
      const value = withoutTypeAssertions(node.right);
      if (value.type === 'Identifier' && value.name === executor.resolve) kept = node.left.name;
    }
    return kept === undefined && !isFunction(node);
  });
  return kept;
}

/**
 * A test whose last wait is for an event promise it holds: `finish = request.events.once('finish')`, taken in a
 * callback of the code (hapi's extensions) or in the body, then `await finish`. The test times out unless the
 * code emits, as with `await once(socket, 'close')`.
 */
function awaitsHeldEventPromise(fn: FunctionNode, awaited: t.Node): boolean {
  if (awaited.type !== 'Identifier') return false;
  let found = false;
  walk(fn.body, (node) => {
    const value = node.type === 'AssignmentExpression' && node.left.type === 'Identifier' && node.left.name === awaited.name ? node.right : node.type === 'VariableDeclarator' && node.id.type === 'Identifier' && node.id.name === awaited.name ? node.init : undefined;
    // Given a listener, `once` returns its emitter, not a promise: awaiting that waits for nothing.
    if (value?.type === 'CallExpression' && value.arguments.some(isString) && !value.arguments.some(isFunction) && EVENT_PROMISES.has(calleePath(value.callee)?.at(-1) ?? '')) found = true;
    return !found;
  });
  return found;
}

/** The generator of `Effect.gen(function* () { … })`, also piped: `Effect.gen(…).pipe(Effect.provide(layer))`. */
function effectGenerator(node: t.Node): FunctionNode | undefined {
  for (let current: t.Node = node; current.type === 'CallExpression'; ) {
    const path = calleePath(current.callee);
    if (path?.length === 2 && path[1] === 'gen') {
      const generator = current.arguments.find((argument) => argument.type === 'FunctionExpression' && argument.generator);
      return generator && isFunction(generator) ? generator : undefined;
    }
    if (current.callee.type !== 'MemberExpression' || propertyName(current.callee) !== 'pipe') return undefined;
    current = current.callee.object;
  }
  return undefined;
}

/** `Fiber.await(fiber)`, `Fiber.join(fiber)`: waiting for what the test forked. */
function isFiberJoin(node: t.Node): boolean {
  const path = node.type === 'CallExpression' ? calleePath(node.callee) : undefined;
  return path?.length === 2 && path[0] === 'Fiber' && FIBER_JOINS.has(path[1]!);
}

/** The latch or deferred a wait is for: `latch.await`, `Deferred.await(deferred)`, `Latch.await(latch)`. */
function signalAwaited(node: t.Node | undefined): string | undefined {
  if (node?.type === 'MemberExpression' && node.object.type === 'Identifier' && propertyName(node) === 'await') return node.object.name;
  if (node?.type !== 'CallExpression') return undefined;
  const path = calleePath(node.callee);
  const first = node.arguments[0];
  return path?.length === 2 && (path[0] === 'Deferred' || path[0] === 'Latch') && path[1] === 'await' && first?.type === 'Identifier' ? first.name : undefined;
}

/** `once(emitter, 'close')`, `pEvent(emitter, 'close')`: a promise an event of that name settles. */
function isEventPromise(node: t.Node): boolean {
  if (node.type !== 'CallExpression' || !node.arguments.some(isString)) return false;
  const callee = node.callee;
  const name = callee.type === 'Identifier' ? callee.name : callee.type === 'MemberExpression' ? propertyName(callee) : undefined;
  return name !== undefined && EVENT_PROMISES.has(name);
}

/** Methods that end what a test started: `await app.stop()`, `await server.close()`. */
const TEARDOWNS = new Set(['stop', 'close', 'destroy', 'dispose', 'end', 'shutdown', 'terminate', 'disconnect', 'quit', 'cleanup', 'teardown', 'restore']);

/** A teardown method, also named for what it returns: `disconnectPromise()`, `closeAsync()`. */
const TEARDOWN_NAME = new RegExp(`^(?:${[...TEARDOWNS].join('|')})(?:[A-Z]|$)`);
/** What waits for several promises at once. */
const PROMISE_COMBINATORS = new Set(['all', 'race', 'allSettled', 'any']);

/** Calls that call back whatever the code does: timers, starting a server, tearing down. */
const CALLS_BACK_ANYWAY = new Set([...TIMERS, 'listen', ...TEARDOWNS]);

/** `await app.stop()`, `await new Promise((resolve) => compiler.close(resolve))`. */
function isTeardown(node: t.Node): boolean {
  if (node.type === 'NewExpression') return resolvesIn(node, (call) => TEARDOWNS.has(calleePath(call.callee)?.at(-1) ?? ''));
  // Several at once: ioredis's `await Promise.all([sentinel.disconnectPromise(), master.disconnectPromise()])`.
  const together = combinedPromises(node);
  if (together) return together.length > 0 && together.every(isTeardown);
  return node.type === 'CallExpression' && node.callee.type === 'MemberExpression' && TEARDOWN_NAME.test(propertyName(node.callee) ?? '');
}

/** rxjs's promises of a stream's value. */
const STREAM_PROMISES = new Set(['firstValueFrom', 'lastValueFrom']);
/** Operators that let through only what matches: an action of a type, a value that meets a predicate. */
const FILTERING_OPERATORS = new Set(['ofType', 'filter', 'first', 'find']);

/**
 * Whether the test ends awaiting the first (or last) value of a stream that lets through only what matches, itself or held:
 * NgRx's `const done = firstValueFrom(forkJoin([actions$.pipe(ofType(loaded), take(1)), …])); store.dispatch(load()); await done`.
 * Unless the code emits such a value, rxjs rejects the promise or the runner's timeout fails the test, as with `await once(emitter, 'close')`.
 */
function awaitsFilteredStream(fn: FunctionNode, awaited: t.Node): boolean {
  const promise = awaited.type === 'Identifier' ? valueHeldAs(fn, awaited.name) : awaited;
  if (promise?.type !== 'CallExpression' || !STREAM_PROMISES.has(calleePath(promise.callee)?.at(-1) ?? '') || !promise.arguments[0]) return false;
  let filters = false;
  walk(promise.arguments[0], (node) => {
    if (node.type === 'CallExpression' && node.callee.type === 'Identifier' && FILTERING_OPERATORS.has(node.callee.name) && node.arguments.length > 0) filters = true;
    return !filters && !isFunction(node);
  });
  return filters;
}

/** The promises `Promise.all([…])` (or `race`, `allSettled`, `any`) waits for, written in its array. */
function combinedPromises(node: t.Node): t.Node[] | undefined {
  if (node.type !== 'CallExpression') return undefined;
  const path = calleePath(node.callee);
  const list = node.arguments[0];
  if (path?.length !== 2 || path[0] !== 'Promise' || !PROMISE_COMBINATORS.has(path[1]!) || list?.type !== 'ArrayExpression') return undefined;
  return list.elements.filter((element): element is t.Expression => element !== null && element.type !== 'SpreadElement');
}

/** How many helpers deep settlesOnEvent follows one that awaits or returns another. */
const EVENT_HELPER_DEPTH = 3;

/**
 * Whether a helper returns a promise that only an event settles: its `resolve` handed to a listener
 * (`ws.on('close', resolve)`) or set as an event handler (`ws.onopen = resolve`), or it ends
 * awaiting or returning such a helper of its file (elysia's `wsClosed`, awaiting what `wsClose(ws)` gave).
 */
export function settlesOnEvent(helper: FunctionNode, localFunction: (name: string) => FunctionNode | undefined, depth = 0): boolean {
  let found = false;
  let last: t.Node | undefined;
  const bound = new Map<string, t.Node>();
  walk(helper.body, (child) => {
    if (found) return false;
    if (child.type === 'NewExpression' && (resolvesIn(child, (call) => LISTENERS.has(calleePath(call.callee)?.at(-1) ?? '')) || setsResolver(child, (name) => EVENT_HANDLER.test(name)))) found = true;
    if (child.type === 'VariableDeclarator' && child.id.type === 'Identifier' && child.init) bound.set(child.id.name, child.init);
    if (child.type === 'AwaitExpression' || (child.type === 'ReturnStatement' && child.argument)) last = child.type === 'AwaitExpression' ? child.argument : child.argument!;
    return !found && !(child !== helper.body && isFunction(child));
  });
  if (found || depth >= EVENT_HELPER_DEPTH) return found;
  if (last?.type === 'Identifier') last = bound.get(last.name);
  const next = last?.type === 'CallExpression' && last.callee.type === 'Identifier' ? localFunction(last.callee.name) : undefined;
  return next !== undefined && next !== helper && settlesOnEvent(next, localFunction, depth + 1);
}

/** The body of the executor of `new Promise((resolve) => …)`, and the name it gives `resolve`. */
function promiseExecutor(node: t.NewExpression): { body: t.Node; resolve: string } | undefined {
  const executor = node.arguments[0];
  if (node.callee.type !== 'Identifier' || node.callee.name !== 'Promise' || !executor || !isFunction(executor)) return undefined;
  const resolve = executor.params[0];
  return resolve?.type === 'Identifier' ? { body: executor.body, resolve: resolve.name } : undefined;
}

/** An event handler's property: `onclose`, `onmessage`. */
const EVENT_HANDLER = /^on[a-z]/;

/**
 * `new Promise((resolve) => { ws.onclose = resolve })`, `res.json = (body) => resolve(body)`: `resolve` set as a method
 * of an object, `property` by its name, to be called when the code calls that method.
 */
function setsResolver(node: t.NewExpression, property: (name: string) => boolean): boolean {
  const executor = promiseExecutor(node);
  if (!executor) return false;
  const resolves = (value: t.Node) => (value.type === 'Identifier' && value.name === executor.resolve) || (isFunction(value) && mentions(value.body, executor.resolve));
  let found = false;
  walk(executor.body, (child) => {
    if (child.type === 'AssignmentExpression' && child.left.type === 'MemberExpression' && property(propertyName(child.left) ?? '') && resolves(child.right)) found = true;
    return !found;
  });
  return found;
}

/**
 * `new Promise((resolve) => { processor = async () => { if (++counter === 2) resolve() } })`, then `new Worker(queue, processor)`
 * (bullmq): a function that resolves, kept outside the executor and handed to the code, which the test never calls itself.
 */
function resolvingFunctionHandedOn(fn: FunctionNode, promise: t.NewExpression): boolean {
  const executor = promiseExecutor(promise);
  if (!executor) return false;
  const kept = new Set<string>();
  walk(executor.body, (node) => {
    if (node.type === 'AssignmentExpression' && node.left.type === 'Identifier' && isFunction(node.right) && mentions(node.right.body, executor.resolve)) kept.add(node.left.name);
    return !isFunction(node);
  });
  if (kept.size === 0) return false;
  let handedOn = false;
  let calledHere = false;
  walk(fn.body, (node) => {
    if (node === promise) return false;
    if (node.type === 'CallExpression' || node.type === 'NewExpression') {
      if (node.callee.type === 'Identifier' && kept.has(node.callee.name)) calledHere = true;
      if (node.arguments.some((argument) => argument.type === 'Identifier' && kept.has(argument.name))) handedOn = true;
    }
    return true;
  });
  return handedOn && !calledHere;
}

/** What the test holds as `name` where it declares it (`const responded = new Promise(…)`), when nothing assigns that name again. */
function valueHeldAs(fn: FunctionNode, name: string): t.Node | undefined {
  let value: t.Node | undefined;
  let assigned = false;
  walk(fn.body, (node) => {
    if (node.type === 'VariableDeclarator' && node.id.type === 'Identifier' && node.id.name === name && node.init) value = node.init;
    if (node.type === 'AssignmentExpression' && node.left.type === 'Identifier' && node.left.name === name) assigned = true;
    return !assigned && !isFunction(node);
  });
  return assigned ? undefined : value;
}

/** The `new Promise(…)` the test holds as `name` (see valueHeldAs). */
function promiseHeldAs(fn: FunctionNode, name: string): t.NewExpression | undefined {
  const value = valueHeldAs(fn, name);
  return value?.type === 'NewExpression' ? value : undefined;
}

/**
 * `new Promise((resolve) => ws.on('close', resolve))`: `resolve` is handed to a call `takes` accepts, not called right
 * away; or a function of the executor that calls it is (socket.io's `const partialResolve = times(3, () => resolve())`).
 */
function resolvesIn(node: t.NewExpression, takes: (call: t.CallExpression) => boolean): boolean {
  const executor = promiseExecutor(node);
  if (!executor) return false;
  const resolvers = new Set([executor.resolve]);
  walk(executor.body, (child) => {
    if (child.type === 'VariableDeclarator' && child.id.type === 'Identifier' && child.init && [...resolvers].some((name) => mentions(child.init!, name))) resolvers.add(child.id.name);
    return true;
  });
  // Or in an observer the call is given: ngrx's `selector.subscribe({ complete: () => { resolve(); } })`, as a `done` would be.
  const resolves = (argument: t.Node): boolean =>
    (argument.type === 'Identifier' && resolvers.has(argument.name)) ||
    (isFunction(argument) && [...resolvers].some((name) => mentions(argument.body, name))) ||
    (argument.type === 'ObjectExpression' && argument.properties.some((property) => property.type === 'Property' && resolves(property.value)));
  let handedOn = false;
  walk(executor.body, (child) => {
    if (handedOn || child.type !== 'CallExpression') return !handedOn;
    if (!takes(child)) return false;
    handedOn = child.arguments.some(resolves);
    return !handedOn;
  });
  return handedOn;
}

/** Whether `node` refers to the variable `name`: not a property of that name (`Promise.resolve()`, `{ resolve: 1 }`). */
function mentions(node: t.Node, name: string): boolean {
  let found = false;
  const properties = new Set<t.Node>();
  walk(node, (child) => {
    if (child.type === 'MemberExpression' && !child.computed) properties.add(child.property);
    if (child.type === 'Property' && !child.computed && !child.shorthand) properties.add(child.key);
    if (child.type === 'Identifier' && child.name === name && !properties.has(child)) found = true;
    return !found;
  });
  return found;
}

/** `Error(…)` and the other built-in errors build one without `new` too (pino's `throw Error('should not call mixin')`). */
const ERROR_CONSTRUCTOR = /^(?:[A-Z][A-Za-z]*)?Error$/;

/** sinon's stubs that throw or reject with what they are given: `sinon.stub(Redis.prototype, 'connect').throws(new Error('…'))`. */
const STUB_THROWS = new Set(['throws', 'rejects']);

/**
 * Whether a function written within `node` (a test's body, the mocks a module is loaded with) throws
 * a new error, or rejects with one (yarn's `return Promise.reject(new Error('Concurrency is broken'))`),
 * and so does a stub made to (ioredis's ``sinon.stub(Redis.prototype, 'connect').throws(new Error('`connect` should not be called'))``):
 * a path the code under test must not take.
 */
export function throwsInFunctionWithin(node: t.Node): boolean {
  let found = false;
  walk(node, (child) => {
    if (found) return false;
    if (child.type === 'CallExpression' && child.callee.type === 'MemberExpression' && STUB_THROWS.has(propertyName(child.callee) ?? '') && child.arguments[0] && isNewError(child.arguments[0]) && calleePath(child.callee)?.includes('stub')) {
      found = true;
      return false;
    }
    if ((child.type === 'ArrowFunctionExpression' || child.type === 'FunctionExpression' || child.type === 'FunctionDeclaration') && child.body) {
      walk(child.body, (inner) => {
        if (inner.type === 'ThrowStatement' && isNewError(inner.argument)) found = true;
        if (inner.type === 'CallExpression' && calleePath(inner.callee)?.join('.') === 'Promise.reject' && inner.arguments[0] && isNewError(inner.arguments[0])) found = true;
        return !found;
      });
      return false;
    }
    return true;
  });
  return found;
}

/**
 * Whether the test ends throwing an error it makes when a condition holds (svelte's `if (after - before > 10)
 * throw new Error('vulnerable to ReDoS')`), or any error when a comparison fails, also for each item of a loop: a check of what the test measured. The same
 * throw first is a guard.
 */
export function endsThrowingIf(fn: FunctionNode): boolean {
  return fn.body.type === 'BlockStatement' && endsThrowing(fn.body.body.at(-1));
}

const COMPARISONS = new Set(['===', '!==', '==', '!=', '<', '<=', '>', '>=']);

/**
 * Whether a property test's function returns a condition, which fast-check fails on a counterexample that makes it false:
 * @effect/vitest's `it.prop('symmetry', [realNumber, FastCheck.integer()], ([a, b]) => a + b === b + a)`.
 */
export function returnsCondition(fn: FunctionNode): boolean {
  return returnedValues(fn).some(isCondition);
}

/** A method or function that answers a question: `includes`, `startsWith`, `Number.isInteger`, `Object.is`, `set.has`. */
const PREDICATE_NAME = /^(?:includes|startsWith|endsWith|every|some|test|(?:is|has)(?:[A-Z]\w*)?)$/;

function isCondition(node: t.Node): boolean {
  if (node.type === 'BinaryExpression') return COMPARISONS.has(node.operator) || node.operator === 'instanceof' || node.operator === 'in';
  if (node.type === 'LogicalExpression') return isCondition(node.left) && isCondition(node.right);
  if (node.type === 'CallExpression') return PREDICATE_NAME.test((node.callee.type === 'MemberExpression' ? propertyName(node.callee) : node.callee.type === 'Identifier' ? node.callee.name : undefined) ?? '');
  return node.type === 'UnaryExpression' && node.operator === '!';
}

/** An `if` that throws in a branch, or a loop whose body ends in one (helmet's check of every source file, byte by byte). */
function endsThrowing(last: t.Node | undefined): boolean {
  if (last?.type === 'ForStatement' || last?.type === 'ForOfStatement' || last?.type === 'ForInStatement' || last?.type === 'WhileStatement' || last?.type === 'DoWhileStatement') {
    return endsThrowing(last.body.type === 'BlockStatement' ? last.body.body.at(-1) : last.body);
  }
  if (last?.type !== 'IfStatement') return false;
  // Or when it does not hold: mobx's `if (isObservableObject(o)) { o.stuff = 'x' } else { throw 'failure' }`. Where the condition
  // compares what the test got with what it expects, what it throws may be the result's own error (graphql-yoga's
  // `if (result.status !== 'ok') throw result.reason`); `if (error) throw error` only hands an error on.
  const compares = last.test.type === 'BinaryExpression' && COMPARISONS.has(last.test.operator);
  return [last.consequent, last.alternate].some((branch) => {
    const end = branch?.type === 'BlockStatement' ? branch.body.at(-1) : branch;
    return end?.type === 'ThrowStatement' && (compares || isNewError(end.argument));
  });
}

/**
 * Whether a function throws an error it makes when a condition holds: effect's `assertPath`, which
 * throws `new AssertionError(…)` when the path found is not the one expected.
 */
export function throwsOnCondition(fn: FunctionNode): boolean {
  return throwsIf(fn, () => true, false);
}

/**
 * Whether a function throws an error it makes when two values it computed differ, also in a callback it passes on: validator.js's
 * sanitizer tests, whose `test(options)` runs `Object.keys(options.expect).forEach((input) => { … if (result !== expected) throw new
 * Error(warning) })`. A comparison with a constant (`typeof input !== 'string'`, `args.length !== 2`) guards the helper's input.
 */
export function throwsOnMismatch(fn: FunctionNode): boolean {
  return throwsIf(fn, comparesComputed, true);
}

/**
 * Whether an `if` of the function whose test `holds` throws an error it makes, and with `intoCallbacks`, of a function it hands a call.
 * Not in a function it declares (pnpm's assertProject, whose `function getStoreInstance ()` throws when there is no store yet).
 */
function throwsIf(fn: FunctionNode, holds: (test: t.Node) => boolean, intoCallbacks: boolean): boolean {
  const bodies: t.Node[] = [fn.body];
  let found = false;
  for (let body = bodies.pop(); body !== undefined && !found; body = bodies.pop()) {
    walk(body, (child) => {
      if (found || isFunction(child) || child.type === 'FunctionDeclaration') return false;
      if (intoCallbacks && child.type === 'CallExpression') for (const argument of child.arguments) if (isFunction(argument)) bodies.push(argument.body);
      if (child.type === 'IfStatement' && holds(child.test)) {
        const consequent = child.consequent.type === 'BlockStatement' ? child.consequent.body : [child.consequent];
        found = consequent.some((statement) => statement.type === 'ThrowStatement' && isNewError(statement.argument));
      }
      return !found;
    });
  }
  return found;
}

/** `result !== expected`, `a.length != b.length`: equality between two values neither of which is a constant. */
function comparesComputed(test: t.Node): boolean {
  if (test.type !== 'BinaryExpression' || !EQUALITIES.has(test.operator)) return false;
  return [test.left, test.right].every((side) => !isConstantOperand(side));
}

const EQUALITIES = new Set(['===', '!==', '==', '!=']);

function isConstantOperand(node: t.Node): boolean {
  if (node.type === 'Literal' || node.type === 'UnaryExpression') return true;
  if (node.type === 'TemplateLiteral') return node.expressions.length === 0;
  return node.type === 'Identifier' && (node.name === 'undefined' || node.name === 'NaN');
}

/**
 * Effect's defects: an effect that dies, failing the fiber and the test that runs it, for what must not happen. Not its expected
 * failures (`Effect.fail(new NotFound())`), which a fake service of a test returns as the real one would.
 */
const EFFECT_DEFECTS = new Set(['die', 'dieMessage']);
/** The options of Effect's timeouts that give what to do when the time is up. */
const TIMEOUT_FALLBACKS = new Set(['orElse', 'onTimeout']);

/**
 * An Effect that dies on a path a test takes only when a check fails, as a throw in a branch: the branch of a condition
 * (effect's terminal tests: `resume(code === 0 && stderr.includes('RESULT …') ? Effect.void : Effect.die(new Error(stderr)))`), or
 * what a timeout falls back to (`Effect.timeoutOrElse({ duration: '1 second', orElse: () => Effect.die('volatile discard waited') })`).
 */
export function failsEffectOnPath(node: t.Node): boolean {
  if (node.type === 'ConditionalExpression') return isEffectFailure(node.consequent) || isEffectFailure(node.alternate);
  if (node.type !== 'Property' || !TIMEOUT_FALLBACKS.has(keyName(node.key) ?? '') || !isFunction(node.value)) return false;
  const fallback = node.value;
  return fallback.body.type !== 'BlockStatement' && isEffectFailure(fallback.body);
}

function isEffectFailure(node: t.Node): boolean {
  const path = node.type === 'CallExpression' ? calleePath(node.callee) : undefined;
  return path?.length === 2 && path[0] === 'Effect' && EFFECT_DEFECTS.has(path[1]!);
}

/**
 * A loop that does nothing but call the code until what it returns meets a condition: logto's
 * `while (!/[A-Z]/.test(generateStandardSecret())) {}` ("if it can't generate uppercase, it will time out"). The test goes on only
 * once the condition holds, and fails at the runner's timeout otherwise: a check, as vi.waitUntil is.
 */
export function spinsUntil(node: t.Node): boolean {
  if (node.type !== 'WhileStatement' && node.type !== 'DoWhileStatement') return false;
  const empty = node.body.type === 'EmptyStatement' || (node.body.type === 'BlockStatement' && node.body.body.length === 0);
  let calls = false;
  walk(node.test, (part) => {
    calls ||= part.type === 'CallExpression';
    return !calls;
  });
  return empty && calls;
}

/** A thrown value made on the spot (`new Error(…)`, `Error(…)`, a message: `throw 'failure'`), not an error caught and thrown on. */
function isNewError(node: t.Node): boolean {
  return node.type === 'NewExpression' || isString(node) || node.type === 'TemplateLiteral' || (node.type === 'CallExpression' && node.callee.type === 'Identifier' && ERROR_CONSTRUCTOR.test(node.callee.name));
}

/**
 * `new Promise((resolve, reject) => { ws.onerror = reject; ws.on('open', () => resolve()) })`: a test
 * that fails on the way that rejects checks, like a `done` callback.
 */
export function settlesOnCallback(node: t.NewExpression): boolean {
  const executor = node.arguments[0];
  if (node.callee.type !== 'Identifier' || node.callee.name !== 'Promise' || !executor || !isFunction(executor)) return false;
  // Handing `resolve` to a callback API only waits (`new Promise((resolve) => server.listen(0, resolve))`).
  const reject = executor.params[1];
  return reject?.type === 'Identifier' && awaitsCallback(executor, reject.name, { anyUse: true });
}

/**
 * `const { promise, resolve, reject } = Promise.withResolvers()`, its `reject` used within `scope`: the same check by other means
 * (undici's `pool.on('connectionError', () => setImmediate(() => pool.destroyed ? resolve() : reject(new Error('client not destroyed'))))`, then `await p`).
 */
export function rejectsWithResolvers(declarator: t.VariableDeclarator, scope: t.Node): boolean {
  const init = declarator.init;
  if (!init || init.type !== 'CallExpression' || calleePath(init.callee)?.join('.') !== 'Promise.withResolvers' || declarator.id.type !== 'ObjectPattern') return false;
  const property = declarator.id.properties.find((entry) => entry.type === 'Property' && keyName(entry.key) === 'reject');
  const reject = property?.type === 'Property' && property.value.type === 'Identifier' ? property.value.name : undefined;
  if (reject === undefined) return false;
  let used = false;
  walk(scope, (node) => {
    if (node.type === 'CallExpression') used ||= (node.callee.type === 'Identifier' && node.callee.name === reject) || node.arguments.some((argument) => argument.type === 'Identifier' && argument.name === reject);
    return !used;
  });
  return used;
}

/** The ESLint rules (eslint-plugin-jest, vitest, mocha, playwright) that say what a disable comment accepts, per class. */
const ACKNOWLEDGING_RULES: Partial<Record<TestClass, RegExp>> = {
  focused: /\bno-(?:focused|exclusive)-tests\b/,
  skipped: /\bno-(?:disabled|skipped|pending)-tests\b|\bno-skipped-test\b/,
  'no-assertion': /\bexpect-expect\b/,
  empty: /\bexpect-expect\b/,
};

/**
 * Marks tests whose line above disables the ESLint rule for their class: the author accepted it in review. A skipped test is
 * accepted too by such a line above the suite that skips it (`skippedBy`: stylelint's `describe.skip('standard config', …)`).
 */
export function acknowledge(tests: TestCase[], comments: ReadonlyArray<{ value: string; end: number }>, lines: SourceLines, skippedBy: ReadonlyMap<TestCase, number>): void {
  const disabled = new Map<number, string>();
  for (const comment of comments) if (/eslint-disable-next-line/.test(comment.value)) disabled.set(lines.at(comment.end).line + 1, comment.value);
  for (const test of tests) {
    const suite = skippedBy.get(test);
    const rules = disabled.get(test.line) ?? (suite === undefined ? undefined : disabled.get(suite));
    const pattern = ACKNOWLEDGING_RULES[test.testClass];
    if (rules && pattern?.test(rules)) test.acknowledged = true;
  }
}

/**
 * A function given as a file's content: the code of that file, written out for a run of the runner under test (vitest's own
 * `runInlineTests({ 'basic.test.ts': () => { test('x', () => {}) } })`). What it declares and asserts is the fixture's.
 */
export function isWrittenFile(node: t.Node): boolean {
  return node.type === 'Property' && isString(node.key) && isScriptFile(node.key.value) && isFunction(node.value);
}
