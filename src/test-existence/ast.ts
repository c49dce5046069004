import { parse, type ParserPlugin } from '@babel/parser';
import type * as t from 'oxc-parser';
import { fitsNativeStack } from './native-stack.js';
import { parseWithOxc } from './oxc.js';
import VISITOR_KEYS from './visitor-keys.json' with { type: 'json' };

export type * as t from 'oxc-parser';

export interface SourceLocation {
  line: number;
  /** 1-based. */
  column: number;
}

/** A function with a body: not a TypeScript overload or `declare function`. */
export type FunctionNode = t.ArrowFunctionExpression | (t.Function & { body: t.FunctionBody });

/** A parsed file: the ESTree program (TS-ESTree for TypeScript) and its comments, positions in UTF-16 offsets. */
export interface ParsedSource {
  program: t.Program;
  comments: ReadonlyArray<{ value: string; start: number; end: number }>;
}

export const TYPESCRIPT_FILE = /\.[cm]?tsx?$/;

/** TypeScript files are modules; a .js file may be a script or CommonJS, which both parsers tell from its content. */
function sourceTypeOf(file: string): 'module' | 'unambiguous' {
  return TYPESCRIPT_FILE.test(file) ? 'module' : 'unambiguous';
}

/** Proposals that current code uses and that no syntax of its own conflicts with. */
const COMMON_PLUGINS: ParserPlugin[] = ['explicitResourceManagement', 'sourcePhaseImports', 'deferredImportEvaluation', 'importReflection'];
/** babel builds the tree oxc builds: ESTree, with class fields and `import()` as ESTree has them. */
const ESTREE: ParserPlugin = ['estree', { classFeatures: true }];

/**
 * The plugin sets to try, most likely first. A .js file may hold JSX, Flow types (jest, React
 * Native) or TypeScript-only syntax in a project that compiles it with babel; decorators come in
 * the legacy and the current form. The first set that parses wins.
 */
function parserAttempts(file: string): ParserPlugin[][] {
  const typescript = TYPESCRIPT_FILE.test(file);
  const decorators: ParserPlugin[][] = [['decorators-legacy'], [['decorators', { decoratorsBeforeExport: true }], 'decoratorAutoAccessors']];
  const syntaxes: ParserPlugin[][] = typescript
    ? file.endsWith('.tsx') ? [['typescript', 'jsx']] : [['typescript'], ['typescript', 'jsx']]
    : [['jsx', ['flow', { all: false }]], ['jsx', ['flow', { all: true }]], ['typescript', 'jsx'], ['typescript']];
  return syntaxes.flatMap((syntax) => decorators.map((decorator) => [ESTREE, ...COMMON_PLUGINS, ...syntax, ...decorator]));
}

/**
 * JavaScript without Flow types, the most common .js file, parses a fifth quicker without babel's
 * Flow plugin, to the same tree. Files with a `@flow` pragma, and those this does not parse, take
 * the full list of attempts.
 */
const PLAIN_JAVASCRIPT: ParserPlugin[] = [ESTREE, ...COMMON_PLUGINS, 'jsx', 'decorators-legacy'];

/**
 * Parses a JS/TS file: with oxc when it has at most `nativeParseUnits` nesting units (see
 * native-stack.ts) and oxc reads it without an error, else with babel's first plugin set that
 * accepts it; throws the first attempt's error otherwise. babel reads what oxc does not (Flow,
 * TypeScript in a .js file) and says where a file is broken.
 */
export function parseSource(code: string, file: string, nativeParseUnits = 0): ParsedSource {
  // A TypeScript file is never Flow, however it mentions the pragma (a docblock parser's tests do).
  if (fitsNativeStack(code, nativeParseUnits) && (TYPESCRIPT_FILE.test(file) || !code.includes('@flow'))) {
    const parsed = oxcParse(code, file);
    if (parsed && parsed.errors.length === 0) return parsed;
  }
  let firstError: unknown;
  for (const plugins of pluginSets(code, file)) {
    try {
      return babelTree(parseWith(code, file, plugins));
    } catch (error) {
      // Running out of stack is not a syntax error another plugin set could fix.
      if (error instanceof RangeError) throw error;
      if (plugins !== PLAIN_JAVASCRIPT) firstError ??= error;
    }
  }
  throw firstError;
}

/** oxc's parse, or undefined where oxc cannot: its deserializer, which recurses in JavaScript, may run out of stack where babel does not. */
function oxcParse(code: string, file: string): ReturnType<typeof parseWithOxc> {
  try {
    // JSX in a .js file, as babel reads one: an expression never starts with `<` in plain JavaScript.
    return parseWithOxc(code, file, sourceTypeOf(file), TYPESCRIPT_FILE.test(file) ? undefined : 'jsx');
  } catch (error) {
    if (error instanceof RangeError) return undefined;
    throw error;
  }
}

/** The plugin sets to parse `file` with, in the order to try them. */
export function pluginSets(code: string, file: string): ParserPlugin[][] {
  const attempts = parserAttempts(file);
  return !TYPESCRIPT_FILE.test(file) && !code.includes('@flow') ? [PLAIN_JAVASCRIPT, ...attempts] : attempts;
}

/** Where a part of a file starts, when only that part is parsed: positions stay those of the whole file. */
export interface PartOfFile {
  sourceType: 'module';
  startIndex: number;
  startLine: number;
  startColumn: number;
}

export type BabelParse = ReturnType<typeof parse>;

export function parseWith(code: string, file: string, plugins: ParserPlugin[], part?: PartOfFile): BabelParse {
  return parse(code, {
    sourceType: sourceTypeOf(file),
    plugins,
    errorRecovery: true,
    attachComment: false,
    createImportExpressions: true,
    allowReturnOutsideFunction: true,
    allowAwaitOutsideFunction: true,
    allowImportExportEverywhere: true,
    allowUndeclaredExports: true,
    ...part,
  });
}

/** babel's tree, built by its estree plugin: the shape of oxc's. */
export function babelTree(parsed: BabelParse): ParsedSource {
  return { program: parsed.program as unknown as t.Program, comments: (parsed.comments ?? []) as ParsedSource['comments'] };
}

/** Children that hold types or decorators: they cannot contain tests or assertions. */
const SKIPPED_KEYS = new Set(['typeAnnotation', 'typeParameters', 'typeArguments', 'superTypeParameters', 'superTypeArguments', 'returnType', 'implements', 'decorators']);

/** The keys that hold child nodes, per node type (oxc's ESTree table, and babel's for Flow): faster and surer than enumerating. */
const CHILD_KEYS: Record<string, string[]> = Object.fromEntries(Object.entries(VISITOR_KEYS as Record<string, string[]>).map(([type, keys]) => [type, keys.filter((key) => !SKIPPED_KEYS.has(key))]));

/**
 * Depth-first walk over the AST, in source order; `visit` returning false skips the node's children.
 * Iterative, so a file nested deeper than the call stack allows is walked all the same.
 */
export function walk(node: t.Node, visit: (node: t.Node) => boolean | void): void {
  const pending: t.Node[] = [node];
  while (pending.length > 0) {
    const current = pending.pop()!;
    if (visit(current) === false) continue;
    const keys = CHILD_KEYS[current.type] ?? [];
    for (let index = keys.length - 1; index >= 0; index -= 1) {
      const value = (current as unknown as Record<string, unknown>)[keys[index]!];
      if (value === null || value === undefined) continue;
      if (Array.isArray(value)) {
        for (let item = value.length - 1; item >= 0; item -= 1) if (value[item] !== null) pending.push(value[item] as t.Node);
      } else pending.push(value as t.Node);
    }
  }
}

/** Lines and columns of offsets in one file: the trees carry offsets only. */
export class SourceLines {
  private readonly starts: number[] = [0];

  constructor(code: string) {
    for (let index = code.indexOf('\n'); index !== -1; index = code.indexOf('\n', index + 1)) this.starts.push(index + 1);
  }

  /** The line and 1-based column of `offset`. */
  at(offset: number): SourceLocation {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.starts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: offset - this.starts[low]! + 1 };
  }
}

export function isFunction(node: t.Node): node is FunctionNode {
  return node.type === 'ArrowFunctionExpression' || (node.type === 'FunctionExpression' && node.body !== null);
}

/** What a function hands back: its arrow body, or what the return statements of its own body give. */
export function returnedValues(fn: FunctionNode): t.Node[] {
  return fn.body.type === 'BlockStatement' ? fn.body.body.flatMap((statement) => (statement.type === 'ReturnStatement' && statement.argument ? [statement.argument] : [])) : [fn.body];
}

export function isString(node: t.Node | undefined): node is t.StringLiteral {
  return node?.type === 'Literal' && typeof node.value === 'string';
}

export function keyName(key: t.Node): string | undefined {
  if (key.type === 'Identifier') return key.name;
  return isString(key) ? key.value : undefined;
}

/** The value of an object's property written under `key` (`{ fn() {} }`, `{ 'name': x }`; not `{ [key]: x }`), or what a pattern binds it to. */
export function propertyValue(object: t.ObjectExpression | t.ObjectPattern, key: string): t.Node | undefined {
  for (const property of object.properties) if (property.type === 'Property' && !property.computed && keyName(property.key) === key) return property.value;
  return undefined;
}

/** Titles are strings, names or expressions that make one; conditions and callbacks are not titles. */
export function canBeTitle(node: t.Node): boolean {
  switch (node.type) {
    case 'Literal':
      return typeof node.value === 'string';
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

/** The names a parameter or other binding pattern binds: `a`, `{ b, c: d }` (b, d), `[e = 1, ...f]`, TypeScript's `private g`. */
export function boundNames(pattern: t.Node): string[] {
  const names: string[] = [];
  const pending: t.Node[] = [pattern];
  while (pending.length > 0) {
    const node = pending.pop()!;
    if (node.type === 'Identifier') names.push(node.name);
    else if (node.type === 'AssignmentPattern') pending.push(node.left);
    else if (node.type === 'RestElement') pending.push(node.argument);
    else if (node.type === 'TSParameterProperty') pending.push(node.parameter);
    else if (node.type === 'ArrayPattern') {
      for (const element of node.elements) if (element) pending.push(element);
    } else if (node.type === 'ObjectPattern') {
      for (const property of node.properties) pending.push(property.type === 'Property' ? property.value : property);
    }
  }
  return names;
}

/** The expression under TypeScript's assertions of its type: `fn as Fn`, `fn!`, `value satisfies Shape`. */
export function withoutTypeAssertions(expression: t.Node): t.Node {
  let current = expression;
  while (current.type === 'TSAsExpression' || current.type === 'TSSatisfiesExpression' || current.type === 'TSNonNullExpression') current = current.expression;
  return current;
}

export function unwrapAwait(expression: t.Node): t.Node {
  return expression.type === 'AwaitExpression' ? expression.argument : expression;
}

export function propertyName(member: t.MemberExpression): string | undefined {
  const property = member.property;
  if (!member.computed && property.type === 'Identifier') return property.name;
  if (isString(property)) return property.value;
  return undefined;
}

/** A call's type arguments (`assertIs<T>(x)`): oxc names them `typeArguments`, babel `typeParameters`. */
export function typeArgumentsOf(call: t.CallExpression): unknown {
  return call.typeArguments ?? (call as { typeParameters?: unknown }).typeParameters;
}

/** What an optional chain holds: `a?.b()` is a chain around the call. */
function unchain(node: t.Node): t.Node {
  return node.type === 'ChainExpression' ? node.expression : node;
}

/**
 * The names along a member chain, root first; `through` says which node a call (or tagged
 * template) leads on to, given how many names were read, or ends the path.
 */
function namePath(node: t.Node, through: (node: t.Node, namesRead: readonly string[]) => t.Node | undefined): string[] | undefined {
  const names: string[] = [];
  let current: t.Node | undefined = unchain(node);
  while (current) {
    if (current.type === 'Identifier') {
      names.push(current.name);
      return names.reverse();
    }
    if (current.type === 'MemberExpression') {
      const name = propertyName(current);
      if (!name) return undefined;
      names.push(name);
      current = unchain(current.object);
    } else current = through(current, names);
  }
  return undefined;
}

/** The names of a callee read through calls: `request(app).get('/').expect` → request, get, expect. */
export function calleePath(node: t.Node): string[] | undefined {
  return namePath(node, (current) => (current.type === 'CallExpression' ? unchain(current.callee) : undefined));
}

/**
 * Like calleePath, but only through the call of a curried modifier: `test.each(table)` yes, `foo().it` no; and through one
 * curried modifier's call to another's (nuxt's `it.skipIf(isDev).each(table)(title, fn)`).
 */
export function declarationPath(node: t.Node, curried: ReadonlySet<string>): string[] | undefined {
  return namePath(node, (current, namesRead) => {
    if ((namesRead.length > 0 && !curried.has(namesRead.at(-1)!)) || (current.type !== 'CallExpression' && current.type !== 'TaggedTemplateExpression')) return undefined;
    const inner = current.type === 'CallExpression' ? current.callee : current.tag;
    return inner.type === 'MemberExpression' && curried.has(propertyName(inner) ?? '') ? inner : undefined;
  });
}

export function rootName(node: t.Node): string | undefined {
  const root = rootOf(node);
  return root.type === 'Identifier' ? root.name : undefined;
}

export function rootOf(node: t.Node): t.Node {
  let current: t.Node = node;
  for (;;) {
    if (current.type === 'MemberExpression') current = current.object;
    else if (current.type === 'CallExpression') current = current.callee;
    else if (current.type === 'TaggedTemplateExpression') current = current.tag;
    else if (current.type === 'TSNonNullExpression' || current.type === 'ChainExpression') current = current.expression;
    else return current;
  }
}

/** `expect(x).not.toBe(…)`, `expect(x).resolves.not.toThrow()`: the matcher is negated. */
export function hasNot(node: t.Node): boolean {
  let current: t.Node = node;
  while (current.type === 'MemberExpression') {
    if (propertyName(current) === 'not') return true;
    current = current.object;
  }
  return false;
}

/** `x.should.equal(1)`, `should(x).be.ok()`: a chain with a `should` in it. */
export function isShouldChain(node: t.Node): boolean {
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

/** The module `node` requires (`require('node:assert')`), if it is such a call. */
export function requiredModule(node: t.Node): string | undefined {
  if (node.type !== 'CallExpression' || node.callee.type !== 'Identifier' || node.callee.name !== 'require') return undefined;
  const first = node.arguments[0];
  return isString(first) ? first.value : undefined;
}

/** A specifier that names a package: not relative or absolute, not a builtin (`node:fs`), URL or subpath import (`#lib`). */
const PACKAGE_SPECIFIER = /^(?![./#]|[a-z][\w+.-]*:)(@[^/]+\/[^/]+|[^/]+)/;

/**
 * The package an import, re-export, `import()` or `require()` loads by name: `enzyme` for
 * `'enzyme/build/Utils'`, `@scope/a` for `'@scope/a/x'`. A type-only import loads no code.
 */
export function packageImported(node: t.Node): string | undefined {
  const specifier = moduleLoaded(node);
  return specifier === undefined ? undefined : packageNameOf(specifier);
}

/** The specifier of the module an import, re-export, `import()` or `require()` loads; a type-only import loads none. */
export function moduleLoaded(node: t.Node): string | undefined {
  if (node.type === 'ImportDeclaration') return node.importKind === 'type' ? undefined : node.source.value;
  if (node.type === 'ExportNamedDeclaration' || node.type === 'ExportAllDeclaration') return node.exportKind === 'type' ? undefined : node.source?.value;
  if (node.type === 'ImportExpression') return isString(node.source) ? node.source.value : undefined;
  return requiredModule(node);
}

/** The package a specifier names (`@scope/a` of `@scope/a/x`); undefined for a relative path, a builtin, a URL or a subpath import. */
export function packageNameOf(specifier: string): string | undefined {
  return PACKAGE_SPECIFIER.exec(specifier)?.[1];
}

/** The value of a literal (a string, number, boolean, null, or a template with no expressions), boxed; undefined for anything else. */
export function literalValue(node: t.Node): { value: string | number | boolean | null } | undefined {
  // Regular expressions and bigints are literals too, with values of their own kinds.
  if (node.type === 'Literal') return 'regex' in node || 'bigint' in node ? undefined : { value: node.value as string | number | boolean | null };
  if (node.type === 'TemplateLiteral') return node.expressions.length === 0 ? { value: node.quasis.map((quasi) => quasi.value.cooked ?? quasi.value.raw).join('') } : undefined;
  return undefined;
}
