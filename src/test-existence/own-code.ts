import { boundNames, calleePath, parseSource, requiredModule, type t } from './ast.js';
import { threadNativeParseLimit } from './native-stack.js';

/*
 * A package whose sources only pass on other modules (lit's `lit`: `export * from 'lit-element/lit-element.js'`
 * in every file) holds no code of its own to test: the packages it re-exports are where the tests belong.
 */

/**
 * Whether `code` runs nothing of its own: imports, re-exports, types and console notices only. A
 * file that does not parse is taken for code.
 */
export function onlyReexports(code: string, file: string): boolean {
  let program: t.Program;
  try {
    program = parseSource(code, file, threadNativeParseLimit()).program;
  } catch {
    return false;
  }
  const imported = new Set<string>();
  for (const statement of program.body) {
    if (statement.type === 'ImportDeclaration') for (const specifier of statement.specifiers) imported.add(specifier.local.name);
  }
  return program.body.every((statement) => passesOn(statement) || wires(statement, imported));
}

/**
 * Whether a statement only wires together what the file imports (Chart.js's `auto` entry: `Chart.register(...registerables)`,
 * `module.exports = Object.assign(Chart, chartjs)`): a call of an import given imports, a binding of one, an export of one.
 * What a binding takes from imports counts as imported for the statements after it.
 */
function wires(statement: t.Node, imported: Set<string>): boolean {
  if (statement.type === 'VariableDeclaration') {
    if (!statement.declarations.every((declarator) => declarator.init && isWiring(declarator.init, imported))) return false;
    for (const declarator of statement.declarations) for (const name of boundNames(declarator.id)) imported.add(name);
    return true;
  }
  if (statement.type !== 'ExpressionStatement') return false;
  const expression = statement.expression;
  if (expression.type === 'CallExpression') return isWiring(expression, imported);
  if (expression.type !== 'AssignmentExpression' || expression.operator !== '=') return false;
  let target: t.Node = expression.left;
  while (target.type === 'MemberExpression') target = target.object;
  return target.type === 'Identifier' && (target.name === 'module' || target.name === 'exports') && isWiring(expression.right, imported);
}

/** A value made of imports only: one of them, a member of one, a `require(…)`, or a call of one (or `Object.assign`) given only such values. */
function isWiring(node: t.Node, imported: ReadonlySet<string>): boolean {
  if (node.type === 'Identifier') return imported.has(node.name);
  if (node.type === 'MemberExpression') return !node.computed && isWiring(node.object, imported);
  if (node.type === 'SpreadElement') return isWiring(node.argument, imported);
  if (node.type !== 'CallExpression') return false;
  if (requiredModule(node) !== undefined) return true;
  const merges = calleePath(node.callee)?.join('.') === 'Object.assign';
  return (merges || isWiring(node.callee, imported)) && node.arguments.every((argument) => isWiring(argument, imported));
}

function passesOn(statement: t.Node): boolean {
  switch (statement.type) {
    case 'ImportDeclaration':
    case 'ExportAllDeclaration':
    case 'EmptyStatement':
    case 'TSTypeAliasDeclaration':
    case 'TSInterfaceDeclaration':
    case 'TSDeclareFunction':
      return true;
    // `export { a } from 'x'`, `export { a }` of what the file imported, `export type …`.
    case 'ExportNamedDeclaration':
      return statement.declaration === null || statement.declaration === undefined || passesOn(statement.declaration);
    case 'ExportDefaultDeclaration':
      return statement.declaration.type === 'Identifier';
    // `declare const x: T`, `declare module 'x' {}`: types.
    case 'VariableDeclaration':
    case 'TSModuleDeclaration':
      return statement.declare === true;
    case 'ExpressionStatement':
      // oxc's TypeScript tree gives every expression statement a `directive`: null unless it is one ('use strict').
      return typeof statement.directive === 'string' || exportsRequired(statement.expression) || logs(statement.expression);
    // A notice beside the re-exports (lit's bundle: `if (!window.litDisableBundleWarning) console.warn(…)`, a deprecation warning).
    case 'IfStatement':
      return passesOn(statement.consequent) && (!statement.alternate || passesOn(statement.alternate));
    case 'BlockStatement':
      return statement.body.every(passesOn);
    default:
      return false;
  }
}

/** `console.warn('…')`: a notice, no behaviour to test. */
function logs(expression: t.Node): boolean {
  return expression.type === 'CallExpression' && expression.callee.type === 'MemberExpression' && expression.callee.object.type === 'Identifier' && expression.callee.object.name === 'console';
}

/** `module.exports = require('x')`, `exports.a = require('./a').a`: CommonJS re-exports. */
function exportsRequired(expression: t.Node): boolean {
  if (expression.type !== 'AssignmentExpression' || expression.operator !== '=') return false;
  let value: t.Node = expression.right;
  while (value.type === 'MemberExpression') value = value.object;
  if (requiredModule(value) === undefined) return false;
  let target: t.Node = expression.left;
  while (target.type === 'MemberExpression') target = target.object;
  return target.type === 'Identifier' && (target.name === 'module' || target.name === 'exports');
}
