import path from 'node:path';
import { parse as parseJsonc, type ParseError } from 'jsonc-parser';
import { parse as parseYaml } from 'yaml';
import { boundNames, calleePath, keyName, literalValue, parseSource, propertyName, requiredModule, rootName, walk, type t } from './ast.js';
import { threadNativeParseLimit } from './native-stack.js';

/*
 * What a runner's config file sets, read without running it: its literal values, and the paths it
 * builds from its own location (`path.join(import.meta.dirname, 'test')`, `resolve(__dirname, 'src')`).
 */

/**
 * A fixed absolute prefix for the project's root: jest's path regexes (`/e2e/`, `<rootDir>/x`) see a
 * path like the one jest matches, and a config's own folder (`__dirname`) is a path below it.
 */
export const ROOT = '/__root__';
export const UNREADABLE = Symbol('unreadable');
export type Literal = string | number | boolean | null | Literal[] | { [key: string]: Literal } | typeof UNREADABLE;
/**
 * What a name stands for: its declaration, a value known in advance (the config's own location), or the config a local
 * module exports (read when used).
 */
type Binding = t.Node | string | (() => Literal);
type Bindings = ReadonlyMap<string, Binding>;

/**
 * Where a path a config built points, relative to `base` (project-relative): its paths under ROOT are the
 * project's own. Undefined for an absolute path elsewhere (`/srv/app/test`): where it lies in the checkout is unknown.
 */
export function projectPath(value: string, base: string): string | undefined {
  const own = value === ROOT || value.startsWith(`${ROOT}/`);
  if (!own && value.startsWith('/')) return undefined;
  const within = own ? value.slice(ROOT.length + 1) : path.posix.join(base, value);
  return path.posix.normalize(within || '.').replace(/\/+$/, '').replace(/^\.$/, '');
}

/**
 * A JSON config as its runner reads it: jest and mocha strip comments from theirs (jest.config.json,
 * .mocharc.json, .mocharc.jsonc) before JSON.parse, npm takes package.json as it is; undefined where
 * the runner could not read it either.
 */
export function parseJsonConfig(code: string, file: string): unknown {
  if (path.posix.basename(file) === 'package.json') {
    try {
      return JSON.parse(code) as unknown;
    } catch {
      return undefined;
    }
  }
  const errors: ParseError[] = [];
  const value = parseJsonc(code, errors, { allowTrailingComma: false, disallowComments: false }) as unknown;
  return errors.length > 0 ? undefined : value;
}

/**
 * The config a file (project-relative) exports as `name` (its default export unless asked), as literal values;
 * UNREADABLE where it is computed. `load` reads what it imports or re-exports, by module and export name.
 */
export function readConfigFile(code: string, file: string, load: (source: string, name: string) => Literal, name = 'default'): Literal {
  if (/\.jsonc?$/.test(file)) return (parseJsonConfig(code, file) as Literal | undefined) ?? UNREADABLE;
  if (/\.ya?ml$/.test(file) || /\.mocharc$/.test(file)) {
    try {
      return parseYaml(code) as Literal;
    } catch {
      return UNREADABLE;
    }
  }
  let program: t.Program;
  try {
    program = parseSource(code, file, threadNativeParseLimit()).program;
  } catch {
    return UNREADABLE;
  }
  const own = `${ROOT}/${file}`;
  // The config's own location, in CommonJS and ES modules; a declaration of the same name replaces it.
  const bindings = new Map<string, Binding>([
    ['__filename', own],
    ['__dirname', path.posix.dirname(own)],
    ['import.meta.filename', own],
    ['import.meta.dirname', path.posix.dirname(own)],
    ['import.meta.url', `file://${own}`],
  ]);
  let exported: t.Node | undefined;
  for (const statement of program.body) {
    const declaration = statement.type === 'ExportNamedDeclaration' ? statement.declaration : statement;
    if (declaration?.type === 'VariableDeclaration') bindDeclarators(declaration, bindings);
    // The config of another module, spread or extended (jest's jest.config.ci.mjs: `import baseConfig from './jest.config.mjs'`, `{ ...baseConfig }`).
    if (statement.type === 'ImportDeclaration') {
      for (const specifier of statement.specifiers) {
        const imported = specifier.type === 'ImportDefaultSpecifier' ? 'default' : specifier.type === 'ImportSpecifier' ? keyName(specifier.imported) : undefined;
        if (imported !== undefined) bindings.set(specifier.local.name, once(() => load(statement.source.value, imported)));
      }
    }
    if (declaration?.type === 'VariableDeclaration') {
      for (const declarator of declaration.declarations) {
        const required = declarator.init ? requiredModule(declarator.init) : undefined;
        if (declarator.id.type === 'Identifier' && required !== undefined) bindings.set(declarator.id.name, once(() => load(required, 'default')));
        // `export const config = { … }`, the export asked for by name (sveltekit's test apps: `export { config as default } from '../../utils.js'`).
        if (statement.type === 'ExportNamedDeclaration' && declarator.id.type === 'Identifier' && declarator.id.name === name && declarator.init) exported = declarator.init;
      }
    }
    if (statement.type === 'ExportDefaultDeclaration' && name === 'default') exported = statement.declaration as t.Node;
    if (statement.type === 'ExportNamedDeclaration' && statement.source) {
      const reexported = statement.specifiers.find((specifier) => keyName(specifier.exported) === name);
      if (reexported) return load(statement.source.value, keyName(reexported.local) ?? 'default');
    }
    if (name === 'default' && statement.type === 'ExpressionStatement' && statement.expression.type === 'AssignmentExpression') {
      const left = statement.expression.left;
      if (left.type === 'MemberExpression' && left.object.type === 'Identifier' && left.object.name === 'module' && keyName(left.property) === 'exports') exported = statement.expression.right;
    }
  }
  // What the module changes after declaring it is computed: graphql-yoga's `const testMatch = []`, pushed to under `if (process.env…)`;
  // `config.test.include.push(…)` leaves the rest of `config` read.
  const changed = changedPaths(program);
  for (const [changedName, paths] of changed) {
    if (changedName === 'module') continue;
    const bound = bindings.get(changedName);
    const declared = (): Literal => (typeof bound === 'string' ? bound : typeof bound === 'function' ? bound() : bound ? literalOf(bound, bindings, 0) : UNREADABLE);
    bindings.set(changedName, once(() => withUnreadable(declared(), paths)));
  }
  const exportedValue = exported ? literalOf(exported, bindings, 0) : UNREADABLE;
  const exportsChanged = (changed.get('module') ?? []).filter((path) => path[0] === 'exports' && path.length > 1).map((path) => path.slice(1));
  return name === 'default' && exportsChanged.length > 0 ? withUnreadable(exportedValue, exportsChanged) : exportedValue;
}

/** `value` with what is at each path (property names) made UNREADABLE; an empty path makes all of it so. */
function withUnreadable(value: Literal, paths: readonly string[][]): Literal {
  if (paths.some((path) => path.length === 0)) return UNREADABLE;
  if (!isObject(value)) return value;
  const copy = { ...value };
  for (const key of new Set(paths.map((path) => path[0]!))) {
    const below = paths.filter((path) => path[0] === key).map((path) => path.slice(1));
    copy[key] = withUnreadable(copy[key] ?? {}, below);
  }
  return copy;
}

export function isObject(value: Literal | undefined): value is { [key: string]: Literal } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Methods that change the list, set or map they are called on. */
const CHANGING_METHODS = new Set(['push', 'unshift', 'splice', 'pop', 'shift', 'fill', 'copyWithin', 'add', 'set', 'delete', 'clear']);

/**
 * What the statements of a module change, by the name they start from: the property paths below it (none where the name's whole
 * value changes, or a computed property does). Not in a function declaring that name of its own, and not `module.exports = …`.
 */
function changedPaths(program: t.Program): Map<string, string[][]> {
  const changed = new Map<string, string[][]>();
  const visitScope = (scope: t.Node, shadowed: ReadonlySet<string>): void =>
    walk(scope, (node) => {
      if (node !== scope && (node.type === 'ArrowFunctionExpression' || node.type === 'FunctionExpression' || node.type === 'FunctionDeclaration')) {
        visitScope(node, new Set([...shadowed, ...declaredNames(node)]));
        return false;
      }
      const target = changedTarget(node);
      const root = target && rootName(target);
      if (!root || shadowed.has(root)) return;
      const path = target.type === 'Identifier' ? [] : (memberNames(target) ?? []);
      if (root === 'module' && path.length === 1 && node.type === 'AssignmentExpression') return;
      changed.set(root, [...(changed.get(root) ?? []), path]);
    });
  visitScope(program, new Set());
  return changed;
}

/** The property names of a member chain of plain names, after its root: `config.test.include` → test, include. */
function memberNames(node: t.Node): string[] | undefined {
  if (node.type !== 'MemberExpression') return undefined;
  const names: string[] = [];
  let current: t.Node = node;
  while (current.type === 'MemberExpression') {
    const name = propertyName(current);
    if (name === undefined) return undefined;
    names.unshift(name);
    current = current.object;
  }
  return current.type === 'Identifier' ? names : undefined;
}

/** What an expression changes: what it assigns to, updates or deletes, or the list it pushes to (`Object.assign`'s target). */
function changedTarget(node: t.Node): t.Node | undefined {
  switch (node.type) {
    case 'AssignmentExpression':
      return node.left;
    case 'UpdateExpression':
      return node.argument;
    case 'UnaryExpression':
      return node.operator === 'delete' ? node.argument : undefined;
    case 'CallExpression': {
      const callee = node.callee;
      if (callee.type !== 'MemberExpression') return undefined;
      if (CHANGING_METHODS.has(propertyName(callee) ?? '')) return callee.object;
      const called = calleePath(callee)?.join('.');
      return called === 'Object.assign' || called === 'Object.defineProperty' ? node.arguments[0] : undefined;
    }
    default:
      return undefined;
  }
}

/** The names a function declares: its parameters and the variables of its own body. */
function declaredNames(fn: t.Node): string[] {
  const names = 'params' in fn ? (fn.params as t.Node[]).flatMap(boundNames) : [];
  const body = 'body' in fn ? (fn.body as t.Node | null) : null;
  if (body)
    walk(body, (node) => {
      if (node !== body && (node.type === 'ArrowFunctionExpression' || node.type === 'FunctionExpression' || node.type === 'FunctionDeclaration')) return false;
      if (node.type === 'VariableDeclarator') names.push(...boundNames(node.id));
    });
  return names;
}

/** `read`, called once. */
function once(read: () => Literal): () => Literal {
  let value: Literal | undefined;
  return () => (value ??= read());
}

/** `const name = value` of a declaration, for values that name it later. */
function bindDeclarators(declaration: t.VariableDeclaration, bindings: Map<string, Binding>): void {
  for (const declarator of declaration.declarations) if (declarator.id.type === 'Identifier' && declarator.init) bindings.set(declarator.id.name, declarator.init);
}

/**
 * The value a config function returns: its expression body, or a body of declarations ending in a return. Where early returns
 * (`if (umd) return defineConfig({ build })`) make it one of several configs, the one that sets `test` is vitest's (formbricks's
 * surveys); without exactly one such, what it returns is unknown.
 */
function returnedLiteral(fn: t.ArrowFunctionExpression | t.Function, bindings: Bindings, depth: number): Literal {
  if (!fn.body) return UNREADABLE;
  if (fn.body.type !== 'BlockStatement') return literalOf(fn.body, bindings, depth + 1);
  const inner = new Map(bindings);
  const returned: t.Node[] = [];
  for (const statement of fn.body.body) {
    if (statement.type === 'VariableDeclaration') {
      bindDeclarators(statement, inner);
      continue;
    }
    const early = statement.type === 'IfStatement' && !statement.alternate ? onlyReturned(statement.consequent) : undefined;
    const last = onlyReturned(statement);
    if (early) returned.push(early);
    else if (last) {
      returned.push(last);
      const values = returned.map((node) => literalOf(node, inner, depth + 1));
      if (values.length === 1) return values[0]!;
      const testing = values.filter((value) => typeof value === 'object' && value !== null && !Array.isArray(value) && value.test !== undefined);
      return testing.length === 1 ? testing[0]! : UNREADABLE;
    } else if (!returnsWithin(statement)) {
      // A statement that works (react-admin's `for (const dirName of packages) { aliases[name] = … }` before `return { resolve: { alias: aliases } }`)
      // may change what every name it uses holds: from there on they are computed, and the rest of the config is read.
      walk(statement, (node) => {
        if (node.type === 'Identifier') inner.set(node.name, () => UNREADABLE);
        return true;
      });
    } else return UNREADABLE;
  }
  return UNREADABLE;
}

/** Whether a statement may return from the function it is in (not from a function inside it). */
function returnsWithin(statement: t.Node): boolean {
  let returns = false;
  walk(statement, (node) => {
    returns ||= node.type === 'ReturnStatement';
    return !returns && node.type !== 'ArrowFunctionExpression' && node.type !== 'FunctionExpression' && node.type !== 'FunctionDeclaration';
  });
  return returns;
}

/** The value `return x` or `{ return x }` returns. */
function onlyReturned(statement: t.Node): t.Node | undefined {
  if (statement.type === 'BlockStatement') return statement.body.length === 1 ? onlyReturned(statement.body[0]!) : undefined;
  return statement.type === 'ReturnStatement' && statement.argument ? statement.argument : undefined;
}

function literalOf(node: t.Node, bindings: Bindings, depth: number): Literal {
  if (depth > 20) return UNREADABLE;
  const literal = literalValue(node);
  if (literal) return literal.value;
  switch (node.type) {
    case 'Literal':
      // What literalValue leaves: regular expressions (jest's testRegex) and bigints.
      return 'regex' in node ? node.regex.pattern : UNREADABLE;
    case 'Identifier': {
      const bound = bindings.get(node.name);
      if (typeof bound === 'string') return bound;
      if (typeof bound === 'function') return bound();
      return bound ? literalOf(bound, bindings, depth + 1) : UNREADABLE;
    }
    case 'ArrayExpression':
      // `[...includeSolid, ...includeVue]` (xstate-store's exclude, of lists its sibling configs export): the lists' elements.
      return node.elements.flatMap((element) => {
        if (!element) return [UNREADABLE];
        if (element.type !== 'SpreadElement') return [literalOf(element, bindings, depth + 1)];
        const spread = literalOf(element.argument, bindings, depth + 1);
        return Array.isArray(spread) ? spread : [UNREADABLE];
      });
    case 'ObjectExpression': {
      const object: Record<string, Literal> = {};
      for (const property of node.properties) {
        // `{ ...baseConfig, reporters: [...] }` (jest's jest.config.ci.mjs): what the spread config sets, unless set after it.
        if (property.type === 'SpreadElement') {
          if (!spreadInto(object, property.argument, bindings, depth)) return UNREADABLE;
          continue;
        }
        if (property.computed) continue;
        const key = keyName(property.key);
        if (key) object[key] = literalOf(property.value, bindings, depth + 1);
      }
      return object;
    }
    case 'MemberExpression':
      return memberPath(node, bindings, depth) ?? UNREADABLE;
    case 'TemplateLiteral':
      return joinedTemplate(node, bindings, depth) ?? UNREADABLE;
    case 'NewExpression':
      return fileUrl(node, bindings, depth) ?? UNREADABLE;
    // defineConfig({ … }), mergeConfig(base, { … }) read as their last object argument.
    case 'CallExpression': {
      const built = builtPath(node, bindings, depth);
      if (built !== undefined) return built;
      // `Object.assign({}, baseConfig, { transformIgnorePatterns })` (emotion's jest.dist.js): the objects spread in turn.
      if (calleePath(node.callee)?.join('.') === 'Object.assign') {
        const object: Record<string, Literal> = {};
        return node.arguments.every((argument) => argument.type !== 'SpreadElement' && spreadInto(object, argument, bindings, depth)) ? object : UNREADABLE;
      }
      // `buildConfig(mode)` with `const buildConfig = (mode) => ({ base: '/app', plugins: [react()] })` (logto's apps): what the file's function returns.
      const local = node.callee.type === 'Identifier' ? bindings.get(node.callee.name) : undefined;
      if (typeof local === 'object' && (local.type === 'ArrowFunctionExpression' || local.type === 'FunctionExpression')) return returnedLiteral(local, bindings, depth);
      const last = node.arguments.findLast((argument) => ['ObjectExpression', 'Identifier', 'CallExpression', 'ArrowFunctionExpression', 'FunctionExpression'].includes(argument.type));
      return last ? literalOf(last, bindings, depth + 1) : UNREADABLE;
    }
    // defineConfig(({ command }) => ({ … })): what the function returns, where it can only return that.
    case 'ArrowFunctionExpression':
    case 'FunctionExpression':
      return returnedLiteral(node, bindings, depth);
    case 'TSAsExpression':
    case 'TSSatisfiesExpression':
      return literalOf(node.expression, bindings, depth + 1);
    default:
      return UNREADABLE;
  }
}

/**
 * Sets on `object` what spreading `value` sets (`{ ...baseConfig, reporters: [...] }`): false where a call computes it, which may set
 * any setting (ariakit's `test: { name: 'node', ...getProjectTestPatterns('node') }`).
 */
function spreadInto(object: Record<string, Literal>, value: t.Node, bindings: Bindings, depth: number): boolean {
  const spread = literalOf(value, bindings, depth + 1);
  if (isObject(spread)) Object.assign(object, spread);
  return spread !== UNREADABLE || value.type !== 'CallExpression';
}

/** Each argument's string value; undefined when one is not a string. */
function stringArguments(nodes: readonly t.Node[], bindings: Bindings, depth: number): string[] | undefined {
  const values = nodes.map((node) => (node.type === 'SpreadElement' ? UNREADABLE : literalOf(node, bindings, depth + 1)));
  return values.every((value) => typeof value === 'string') ? values : undefined;
}

/** `import.meta.dirname`, `import.meta.url`…, and the path of a file URL: `new URL('.', import.meta.url).pathname`. */
function memberPath(node: t.MemberExpression, bindings: Bindings, depth: number): string | undefined {
  const key = node.computed ? undefined : keyName(node.property);
  if (!key) return undefined;
  if (node.object.type === 'MetaProperty') {
    const bound = bindings.get(`import.meta.${key}`);
    return typeof bound === 'string' ? bound : undefined;
  }
  if (key !== 'pathname') return undefined;
  const url = literalOf(node.object, bindings, depth + 1);
  return typeof url === 'string' ? pathOfFileUrl(url) : undefined;
}

/** `${__dirname}/test`: a template of strings only. */
function joinedTemplate(node: t.TemplateLiteral, bindings: Bindings, depth: number): string | undefined {
  const values = stringArguments(node.expressions, bindings, depth);
  if (!values) return undefined;
  return node.quasis.map((quasi, index) => (quasi.value.cooked ?? quasi.value.raw) + (values[index] ?? '')).join('');
}

/** `new URL('./test', import.meta.url)`, as the URL's text. */
function fileUrl(node: t.NewExpression, bindings: Bindings, depth: number): string | undefined {
  if (node.callee.type !== 'Identifier' || node.callee.name !== 'URL') return undefined;
  const values = stringArguments(node.arguments, bindings, depth);
  if (!values || values.length !== 2 || !values[1]!.startsWith('file://')) return undefined;
  try {
    return new URL(values[0]!, values[1]!).href;
  } catch {
    return undefined;
  }
}

function pathOfFileUrl(url: string): string | undefined {
  if (!url.startsWith('file://')) return undefined;
  try {
    return decodeURIComponent(new URL(url).pathname);
  } catch {
    return undefined;
  }
}

/**
 * What node:path and node:url compute from strings: `path.join(__dirname, 'test')`, `resolve(root, 'src')`,
 * `dirname(fileURLToPath(import.meta.url))`. Undefined for other calls, and for a resolve from the working directory.
 */
function builtPath(node: t.CallExpression, bindings: Bindings, depth: number): string | undefined {
  const callee = calleePath(node.callee);
  const name = callee?.at(-1);
  if (!callee || callee.length > 3 || !name || !['join', 'resolve', 'dirname', 'normalize', 'fileURLToPath'].includes(name)) return undefined;
  const values = stringArguments(node.arguments, bindings, depth);
  if (!values || values.length === 0) return undefined;
  switch (name) {
    case 'join':
      return path.posix.join(...values);
    case 'resolve':
      return values.some((value) => value.startsWith('/')) ? path.posix.resolve(...values) : undefined;
    case 'dirname':
      return path.posix.dirname(values[0]!);
    case 'normalize':
      return path.posix.normalize(values[0]!);
    default:
      return pathOfFileUrl(values[0]!);
  }
}
