import { boundNames, calleePath, isFunction, isString, literalValue, walk, withoutTypeAssertions, type FunctionNode, type t } from './ast.js';

/*
 * What the TypeScript compiler checks in a test: type assertions, a run of the type checker, and
 * statements that only declare for the compiler; and, beside the type checker, the other commands
 * whose exit code is the check: a run of a test suite.
 */

/**
 * `assert`, `expect` or a name that goes on with a capital: `assertEqual`, `expectType`, also after a word
 * (lit's `staticAssertExtends<A, B>()`); not `expected`, `assertion`.
 */
export const TYPE_ASSERTION_NAME = /^(?:assert|expect|[a-z]+(?:Assert|Expect))(?:$|[A-Z_])/;
/** type-plus's namespaces of type assertions, whose methods say what they check: `isType.equal<true, A, B>()`, `testType.never<T>(true)`. */
export const TYPE_ASSERTION_NAMESPACES = new Set(['isType', 'testType']);
/** A type that fails to compile unless its argument holds: `Expect<…>`, `ExpectTrue<…>`, `Assert<…>`, `AssertEqual<…>`. */
const ASSERTION_TYPE_NAME = /^(?:Assert|Expect)(?:$|[A-Z_])/;

/** A function whose parameter is `never` by its name: the compiler fails where a value can reach it, and it throws where one does. */
const EXHAUSTIVENESS_CHECK = /^(?:assert(?:Never|Unreachable|Exhaustive|Exhaustiveness)|exhaustive(?:Check|nessCheck)?|unreachable|absurd)$/;

/**
 * A statement kept for the compiler: `const _check: Expected = value` (a binding named as unused,
 * with a type), `value satisfies Expected;`, or a cast to an assertion type (`'test' as any as
 * Expect<Equal<typeof x, Ref<'x'>>>`, type-challenges' idiom) asserts that the value has the type;
 * an exhaustiveness check (zod's `default: util.assertNever(def)`) that no value is left over.
 */
export function isTypeCheck(node: t.Node): boolean {
  if (node.type === 'VariableDeclarator') return node.id.type === 'Identifier' && node.id.name.startsWith('_') && Boolean(node.id.typeAnnotation) && Boolean(node.init);
  // type verify = Expect<Equal<Expected, Actual>> (hono), type cases = [Expect<Equal<A, B>>, …]: the compiler checks them.
  if (node.type === 'TSTypeAliasDeclaration') return isAssertionType(node.typeAnnotation) || (node.typeAnnotation.type === 'TSTupleType' && node.typeAnnotation.elementTypes.some(isAssertionType));
  if (node.type !== 'ExpressionStatement') return false;
  const expression = node.expression;
  if (expression.type === 'TSSatisfiesExpression') return true;
  if (expression.type === 'CallExpression') return expression.arguments.length === 1 && EXHAUSTIVENESS_CHECK.test(calleePath(expression.callee)?.at(-1) ?? '');
  return expression.type === 'TSAsExpression' && isAssertionType(expression.typeAnnotation);
}

function isAssertionType(type: t.Node): boolean {
  return type.type === 'TSTypeReference' && type.typeName.type === 'Identifier' && ASSERTION_TYPE_NAME.test(type.typeName.name);
}

/** A generic function that does nothing but take its argument, or return it: `<T>(x: T) => x`, `function is<T>(_: T) {}`. */
export function isTypeCheckingFunction(fn: FunctionNode | undefined): boolean {
  if (!fn?.typeParameters) return false;
  const parameters = new Set(fn.params.flatMap(boundNames));
  const [only, ...more] = fn.body.type === 'BlockStatement' ? fn.body.body : [];
  if (fn.body.type === 'BlockStatement' && !only) return true;
  const returned = fn.body.type !== 'BlockStatement' ? fn.body : more.length === 0 && only?.type === 'ReturnStatement' ? only.argument : undefined;
  return returned?.type === 'Identifier' && parameters.has(returned.name);
}

/**
 * Whether a test's body declares a generic function that calls code: the compiler checks that call for every type the parameters
 * allow, called or not (date-fns's `function _test<DateType extends Date>(arg: DateArg<DateType>) { isSameQuarter(arg, …) }`, zod's
 * `<T extends z.ZodType<string>>(schema: T, sortBy: SortItem<z.output<T>>[] = []) => make(schema).default(sortBy)`).
 */
export function declaresGenericFunction(fn: FunctionNode): boolean {
  if (fn.body.type !== 'BlockStatement') return false;
  const checked = (node: t.Node | null | undefined) => node !== null && node !== undefined && isFunction(node) && Boolean(node.typeParameters) && callsCode(node.body);
  return fn.body.body.some((statement) => {
    if (statement.type === 'FunctionDeclaration') return Boolean(statement.typeParameters) && statement.body !== null && callsCode(statement.body);
    if (statement.type === 'VariableDeclaration') return statement.declarations.some(({ init }) => checked(init));
    return statement.type === 'ExpressionStatement' && checked(statement.expression);
  });
}

function callsCode(body: t.Node): boolean {
  let found = false;
  walk(body, (node) => {
    found ||= node.type === 'CallExpression' || node.type === 'NewExpression';
    return !found;
  });
  return found;
}

/**
 * A command that runs the type checker: `pnpm typecheck`, `tsc --noEmit`, `vue-tsc`, or a script named for checking types in
 * either order (sveltekit's `pnpm testtypes`, `npm run check:types`, `yarn types:check`).
 */
const TYPE_CHECK_COMMAND = /^(?:(?:npx|pnpm|yarn|npm|bun)(?: run| exec)? )?(?:type-?check|(?:test|check)[:-]?types|types?[:-]?check|tsc|vue-tsc|tsd|tstyche)(?:\s|$)/;
/**
 * A command that runs a test suite, whose failing tests fail it: `npm test --prefix ./cjs`, `npm --quiet test`, `node --test`,
 * `npx jest`. A runner's bare name is left out: `require('jest')` names a package.
 */
const TEST_SUITE_COMMAND = /^(?:(?:npm|pnpm|yarn|bun)(?: --?[\w-]+)*(?: run)? (?:test|t)|node --test|vitest run|(?:npx|pnpm exec|yarn) (?:vitest|jest|mocha|ava|tap))(?:\s|$)/;

/**
 * Whether the test runs a command whose exit code is the check, the commands failing the test as
 * the runners throw on a failed command (execa, `exec` promisified, zx's `$`):
 * - the type checker (react-router's typegen tests write routes, often with `type Test = Expect<Equal<…>>`
 *   or `// @ts-expect-error` in them, then `await $('pnpm typecheck')`), as the compiler checks a type test;
 * - a test suite (axios loads its build in fixture projects with `await exec(`npm test --prefix ${pkgPath}`)`),
 *   whose own tests assert.
 * A template's command is its text before the first expression.
 */
export function runsCheckingCommand(fn: FunctionNode): boolean {
  let found = false;
  walk(fn.body, (node) => {
    const text = node.type === 'TemplateLiteral' ? node.quasis[0]!.value.raw : isString(node) ? node.value : undefined;
    const command = text?.trim();
    if (command !== undefined && (TYPE_CHECK_COMMAND.test(command) || TEST_SUITE_COMMAND.test(command))) found = true;
    return !found;
  });
  return found;
}

/**
 * A function that runs nothing and gives its parameters types: the compiler checks what a call hands it (xstate's
 * `const acceptTag = (_tag: TagsFrom<typeof machine>) => {}`, then `acceptTag('a')`).
 */
export function isTypedSink(fn: FunctionNode | undefined): boolean {
  return fn !== undefined && doesNothing(fn) && fn.params.some((parameter) => parameter.type !== 'TSParameterProperty' && Boolean((parameter.type === 'AssignmentPattern' ? parameter.left : parameter).typeAnnotation));
}

/** A function that runs nothing: an empty body, or statements all under `if (false)` (lit's `markAsUsed`, `if (false as boolean) console.log(val)`). */
function doesNothing(fn: FunctionNode): boolean {
  if (fn.body.type !== 'BlockStatement') return false;
  return fn.body.body.every((statement) => {
    if (statement.type !== 'IfStatement' || statement.alternate) return false;
    return literalValue(withoutTypeAssertions(statement.test))?.value === false;
  });
}

/** A class whose declaration runs code: a static block, or a static field with a value. */
function runsOnDeclaration(declared: t.Class): boolean {
  return declared.body.body.some((member) => member.type === 'StaticBlock' || (member.type === 'PropertyDefinition' && member.static && member.value !== null));
}

/**
 * What a statement of a test holds for the compiler, when it runs nothing: `types` for a type, or in a
 * TypeScript file (`typescript`) a function (declared, or bound to a name), a class never made, or a
 * value written for its annotation; `inert` for what only keeps values from the linter or writes them
 * out, untyped (`void [str]`, a call of a function of the file, `localFunction`, that does nothing,
 * react-hook-form's `const error = { type: 'required' }`, `errors = { steps: error }`, a bare `errors;`).
 */
export function compilerReading(statement: t.Statement, typescript: boolean, localFunction: (name: string) => FunctionNode | undefined): 'types' | 'inert' | undefined {
  if (statement.type === 'TSTypeAliasDeclaration' || statement.type === 'TSInterfaceDeclaration') return 'types';
  if (!typescript) return undefined;
  if (statement.type === 'FunctionDeclaration') return 'types';
  // A class the test declares or returns and never makes (lit's `return class MyElement extends ReactiveElement { task = new Task(…) }`).
  if (statement.type === 'ClassDeclaration') return runsOnDeclaration(statement) ? undefined : 'types';
  if (statement.type === 'ReturnStatement' && statement.argument?.type === 'ClassExpression') return runsOnDeclaration(statement.argument) ? undefined : 'types';
  if (statement.type === 'ExpressionStatement') {
    const expression = statement.expression;
    // markAsUsed(TestElement), with a function of the file that does nothing, to silence linters.
    if (expression.type === 'CallExpression' && expression.callee.type === 'Identifier') {
      const called = localFunction(expression.callee.name);
      return called !== undefined && doesNothing(called) ? 'inert' : undefined;
    }
    // ajv's `void [str]` after `const str: JTDSchemaType<string> = { type: 'string' }`.
    if (expression.type === 'UnaryExpression' && expression.operator === 'void') return runsNothing(expression.argument) ? 'inert' : undefined;
    if (expression.type === 'Identifier') return 'inert';
    return expression.type === 'AssignmentExpression' && expression.operator === '=' && expression.left.type === 'Identifier' && runsNothing(expression.right) ? 'inert' : undefined;
  }
  if (statement.type === 'IfStatement' && !statement.alternate) {
    // `if (false as boolean) { … }`: code the compiler checks and nothing runs (mikro-orm's "Type-only check").
    if (literalValue(withoutTypeAssertions(statement.test))?.value === false) return 'types';
    // `if (A || B) {}`, names kept from the linter (lit's "Suppress no-unused-vars warnings").
    return statement.consequent.type === 'BlockStatement' && statement.consequent.body.length === 0 && runsNothing(statement.test) ? 'inert' : undefined;
  }
  if (statement.type !== 'VariableDeclaration') return undefined;
  // A value given a type, or made `as const` for a type to be taken of it (`{ type: 'float64' } as const`).
  const declarations = statement.declarations;
  if (declarations.every(({ id, init }) => Boolean(init) && (isFunction(init!) || ((Boolean(id.typeAnnotation) || isConstAssertion(init!)) && runsNothing(init!))))) return 'types';
  return declarations.every(({ init }) => !init || runsNothing(init)) ? 'inert' : undefined;
}

function isConstAssertion(value: t.Node): boolean {
  return value.type === 'TSAsExpression' && value.typeAnnotation.type === 'TSTypeReference' && value.typeAnnotation.typeName.type === 'Identifier' && value.typeAnnotation.typeName.name === 'const';
}

/** A value written out (literals, objects, arrays, names, functions not called): building it runs no code of the project. */
function runsNothing(value: t.Node): boolean {
  let runs = false;
  walk(value, (node) => {
    if (isFunction(node)) return false;
    if (RUNNING.has(node.type)) runs = true;
    return !runs;
  });
  return !runs;
}

const RUNNING = new Set(['CallExpression', 'NewExpression', 'TaggedTemplateExpression', 'AwaitExpression', 'YieldExpression', 'AssignmentExpression', 'UpdateExpression', 'ImportExpression']);
