import { boundNames, calleePath, canBeTitle, declarationPath, isFunction, isString, propertyValue, returnedValues, rootName, type FunctionNode, type t } from './ast.js';
import { QUNIT_FUNCTIONS, SUITE_BASES, TEST_BASES, type Bindings } from './bindings.js';
import { conditionSkips, constantCondition } from './test-body.js';

/*
 * Which calls declare a test or a suite, under whatever name the file gives the test function, and what they
 * declare it as: skipped, focused, a todo (file-analyzer.ts walks the file and classifies what they declare).
 */

/**
 * Chain members that keep a call a test declaration: `test.concurrent.each(…)(…)`, `it.only`, `test.describe.serial`;
 * and @effect/vitest's tests of an Effect (`it.effect`, `it.scoped`, `it.live`, `it.scopedLive`, property tests
 * `it.prop` and `it.effect.prop`) and its suites sharing a layer (`it.layer(TestLayer)('title', (it) => …)`).
 */
const MODIFIERS = new Set([
  'skip', 'only', 'todo', 'each', 'for', 'concurrent', 'sequential', 'serial', 'parallel', 'failing', 'fails', 'fixme', 'fail', 'runIf', 'skipIf', 'shuffle', 'describe', 'cb',
  'effect', 'scoped', 'live', 'scopedLive', 'prop', 'layer',
]);
/**
 * Members whose call returns the function that then takes the title: `test.each(table)(title, fn)`, and @fast-check/vitest's and
 * @fast-check/jest's property tests, `test.prop([fc.integer()])(title, (a) => …)`.
 */
export const CURRIED = new Set(['each', 'for', 'runIf', 'skipIf', 'layer', 'prop']);
/** Members that make a suite of a test function: `test.describe(…)`, @effect/vitest's `it.layer(TestLayer)(…)`. */
const SUITE_MODIFIERS = new Set(['describe', 'layer']);
const SKIP_MODIFIERS = new Set(['skip', 'fixme']);

/** A test or suite declaration: `it.skip('title', fn)`, `describe.each(table)('title', fn)`, `t.test('title', fn)`. */
export interface Declaration {
  kind: 'test' | 'suite';
  base: string;
  modifiers: string[];
  /** A helper declares the test and hands the function its own arguments (`run(t, page)`): a second parameter is no `done`. */
  runByHelper?: boolean;
}

export interface Flags {
  skipped: boolean;
  todo: boolean;
  focused: boolean;
}

/** Playwright's annotations that take a condition: `test.skip(condition)`, `test.fixme(…)`, `test.fail(…)`. */
const CONDITIONAL_ANNOTATIONS: ReadonlySet<string> = new Set(['skip', 'fixme', 'fail']);

/**
 * The branch of a choice of test functions that runs the test: a constant condition's, else the one that runs it
 * most plainly, as a condition read at run time holds somewhere (as `skipIf(cond)` may run its test). Plain
 * before focused before skipped: `skip ? it.skip : solo ? it.only : it` declares a test that runs.
 */
function runningBranch(node: t.Node): t.Node {
  if (node.type !== 'ConditionalExpression') return node;
  const constant = constantCondition(node.test);
  if (constant !== undefined) return runningBranch(constant ? node.consequent : node.alternate);
  const [consequent, alternate] = [runningBranch(node.consequent), runningBranch(node.alternate)];
  return plainness(alternate) < plainness(consequent) ? alternate : consequent;
}

/** `QUnit.test(…)`, `QUnit.module.skip(…)`: the test function QUnit's member stands for (see QUNIT_FUNCTIONS), with the modifiers after it. */
function qunitPath([, member = '', ...rest]: string[]): string[] | undefined {
  const path = Object.hasOwn(QUNIT_FUNCTIONS, member) ? QUNIT_FUNCTIONS[member] : undefined;
  return path && [...path, ...rest];
}

/** `Deno.test(…)`, `Deno.test.ignore(…)`, `Deno.test.only(…)`: Deno's test function, whose `ignore` skips. */
function denoPath([, member, ...rest]: string[]): string[] | undefined {
  return member === 'test' ? ['test', ...rest.map((modifier) => (modifier === 'ignore' ? 'skip' : modifier))] : undefined;
}

/** The `name` and `fn` of Deno's object form, `Deno.test({ name: 'adds', fn() { … }, ignore: true })`. */
export function denoTestObject(call: t.CallExpression): { name: t.Node | undefined; fn: FunctionNode } | undefined {
  const [first] = call.arguments;
  if (first?.type !== 'ObjectExpression' || rootName(call.callee) !== 'Deno') return undefined;
  const fn = propertyValue(first, 'fn');
  return fn && isFunction(fn) ? { name: propertyValue(first, 'name'), fn } : undefined;
}

/** 0 for a plain test function, 1 for a focused one, 2 for a skipped one. */
function plainness(callee: t.Node): number {
  const [base = '', ...modifiers] = declarationPath(callee, CURRIED) ?? [];
  if (base.startsWith('x') || modifiers.some((modifier) => SKIP_MODIFIERS.has(modifier))) return 2;
  return base.startsWith('f') || modifiers.includes('only') ? 1 : 0;
}

/** The declarations of one file, by the names its bindings give test functions. */
export class Declarations {
  /** Test and suite names that the functions being walked bind to other values (see within). */
  private readonly localNames: string[] = [];
  /** Names the functions being walked bind to a test harness of their own, whose tests are input (see within). */
  private readonly harnessNames: string[] = [];
  /** How many test bodies the walk is in (see within). */
  private testDepth = 0;

  constructor(private readonly names: Bindings) {}

  /**
   * Runs `walk` over the body of a test or suite `fn`, where a test or suite name the body binds to another value
   * declares only a titled test with its function: react-hook-form's `const test = jest.fn()`, then `test(getValues())`
   * in a handler, declares nothing; vite's `const it = await createModuleRunnerTester()`, a test function a helper
   * hands back, still declares `it('runs', async ({ runner }) => …)`, as tap's `const { test } = t` declares subtests.
   * In a test's body (`isTest`), a call of a test function with no function declares nothing: Playwright's
   * `test.skip(javaScriptEnabled)` skips the running test where the condition holds, and no runner takes a test declared
   * in another without a body. A subtest of the test's context may take one made by a call (tap's `t.test('x', check({}))`).
   */
  within<T>(fn: FunctionNode, walk: () => T, isTest = false): T {
    const statements = fn.body.type === 'BlockStatement' ? fn.body.body : [];
    const declarators = statements.flatMap((statement) => (statement.type === 'VariableDeclaration' ? statement.declarations : []));
    const bound = declarators.flatMap((declarator) => boundNames(declarator.id)).filter((name) => TEST_BASES.has(name) || SUITE_BASES.has(name));
    // tape's `var test = tape.createHarness()`: tests of the harness under test, whose output the test checks, are its input.
    const harnesses = declarators.filter((declarator) => declarator.init?.type === 'CallExpression' && calleePath(declarator.init.callee)?.at(-1) === 'createHarness').flatMap((declarator) => boundNames(declarator.id));
    this.localNames.push(...bound);
    this.harnessNames.push(...harnesses);
    if (isTest) this.testDepth += 1;
    try {
      return walk();
    } finally {
      this.localNames.length -= bound.length;
      this.harnessNames.length -= harnesses.length;
      if (isTest) this.testDepth -= 1;
    }
  }

  /** What `call` declares: a test or a suite, by the test function it calls; undefined for any other call. */
  of(call: t.CallExpression): Declaration | undefined {
    const callee = this.chosenCallee(call.callee);
    // Most calls are not declarations; their root name says so without building the path.
    const root = rootName(callee);
    if (root === undefined || this.names.shadowed.has(root) || this.harnessNames.includes(root)) return undefined;
    const alias = this.names.testAliases.has(root) || this.names.importedTests.has(root);
    if (!(TEST_BASES.has(root) || SUITE_BASES.has(root) || this.names.contextNames.has(root) || alias || root === 'QUnit' || root === 'Deno')) return undefined;
    let path = declarationPath(callee, CURRIED);
    if (root === 'QUnit' && path) path = qunitPath(path);
    if (root === 'Deno' && path) path = denoPath(path);
    if (!path) return undefined;
    // `dstOnly(…)`, `todoTest.skip(…)`: the test function the name stands for, with the modifiers the call adds.
    if (alias) {
      const aliased = this.aliasedPath(root);
      if (!aliased) return undefined;
      path = [...aliased, ...path.slice(1)];
    }
    let [base, ...modifiers] = path;
    if (!base) return undefined;
    // node:test subtests: t.test('title', fn)
    if (this.names.contextNames.has(base) && modifiers[0] === 'test') [base, ...modifiers] = modifiers as [string, ...string[]];
    if (!modifiers.every((modifier) => MODIFIERS.has(modifier))) return undefined;
    const first = call.arguments[0];
    if (!first || !(canBeTitle(first) || (root === 'Deno' && denoTestObject(call)))) return undefined;
    if (this.localNames.includes(root) && !((isString(first) || first.type === 'TemplateLiteral') && call.arguments.some(isFunction))) return undefined;
    if (this.testDepth > 0 && !this.names.contextNames.has(root) && !call.arguments.some(isFunction)) return undefined;
    // Playwright's conditional annotations, `test.skip(isMobile, 'reason')`, declare no test; nor does `test.skip(isPlainText)` in a
    // hook or a suite, which skips the tests there where the condition holds: a test without a body is titled in words.
    if (!call.arguments.some(isFunction) && (isString(call.arguments[1]) || (call.arguments.length === 1 && CONDITIONAL_ANNOTATIONS.has(modifiers.at(-1) ?? '') && !isString(first) && first.type !== 'TemplateLiteral'))) return undefined;
    if (SUITE_BASES.has(base)) return { kind: 'suite', base, modifiers };
    if (!TEST_BASES.has(base)) return undefined;
    return { kind: modifiers.some((modifier) => SUITE_MODIFIERS.has(modifier)) ? 'suite' : 'test', base, modifiers };
  }

  /**
   * The test function a call runs where the condition that picks it holds: `(isIE ? test.skip : test)(…)`, or one a
   * function of the file returns (`itIf(cond)(…)`, `const itIf = (condition) => (condition ? it : it.skip)`). Any other
   * callee is itself; names for such a choice are the Bindings' testAliases.
   */
  private chosenCallee(callee: t.Node): t.Node {
    let choice: t.Node | undefined;
    if (callee.type === 'ConditionalExpression') choice = callee;
    else if (callee.type === 'CallExpression' && callee.callee.type === 'Identifier') {
      const fn = this.names.localFunction(callee.callee.name);
      choice = fn && returnedValues(fn).find((value) => value.type === 'ConditionalExpression');
    }
    return choice && this.names.picksTestFunction(choice) ? runningBranch(choice) : callee;
  }

  /** The test function a name stands for, through names for names: `authTest = base.extend(…)` with `import { test as base }`. */
  private aliasedPath(name: string, depth = 0): string[] | undefined {
    const imported = this.names.importedTests.get(name);
    if (imported) return [...imported];
    const alias = this.names.testAliases.get(name);
    if (!alias) return [name];
    const path = declarationPath(runningBranch(alias), CURRIED);
    const inner = path && path[0] !== name && depth < 4 ? this.aliasedPath(path[0]!, depth + 1) : undefined;
    return inner && [...inner, ...path!.slice(1)];
  }

  /** How the declaration runs its test or suite: skipped, a todo or focused, by its modifiers and node:test's options. */
  flagsOf(call: t.CallExpression, declaration: Declaration): Flags {
    const { base, modifiers } = declaration;
    const flags: Flags = {
      skipped: base.startsWith('x') || modifiers.some((modifier) => SKIP_MODIFIERS.has(modifier)) || conditionSkips(call.callee),
      todo: modifiers.includes('todo'),
      focused: base.startsWith('f') || modifiers.includes('only'),
    };
    // node:test options: test('title', { skip: true }, fn); Deno's `ignore`, in its options or its object form.
    const options = call.arguments.find((argument): argument is t.ObjectExpression => argument.type === 'ObjectExpression');
    for (const property of options?.properties ?? []) {
      if (property.type !== 'Property' || property.key.type !== 'Identifier') continue;
      const value = property.value;
      const set = value.type === 'Literal' && typeof value.value === 'boolean' ? value.value : isString(value) || value.type === 'TemplateLiteral';
      if (!set) continue;
      if (property.key.name === 'skip' || property.key.name === 'ignore') flags.skipped = true;
      else if (property.key.name === 'todo') flags.todo = true;
      else if (property.key.name === 'only') flags.focused = true;
    }
    return flags;
  }
}
