import { parseSource, requiredModule, type t } from './ast.js';
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
  return program.body.every(passesOn);
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
