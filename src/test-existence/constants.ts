import { isDeepStrictEqual } from 'node:util';
import { literalValue, type t } from './ast.js';

/** `live` assertions check the code; `constant` ones compare constants only and pass whatever it does. */
export type AssertionKind = 'live' | 'constant';

const TRUTHY_ASSERTIONS = new Set(['assert', 'ok', 'true', 'truthy', 'isTrue', 'isOk', 'toBeTruthy']);
const FALSY_ASSERTIONS = new Set(['false', 'falsy', 'notOk', 'isFalse', 'isNotOk', 'toBeFalsy']);
const IDENTITY_ASSERTIONS = new Set(['is', 'strictEqual', 'toBe', 'equal', 'equals']);
const DEEP_ASSERTIONS = new Set(['deepEqual', 'deepStrictEqual', 'same', 'strictSame', 'toEqual', 'toStrictEqual', 'eql', 'deepEquals']);
const NEGATED_ASSERTIONS: Record<string, string> = { notEqual: 'equal', notStrictEqual: 'strictEqual', notDeepEqual: 'deepEqual', notDeepStrictEqual: 'deepStrictEqual', not: 'is', notSame: 'same' };

/**
 * `constant` only when a known value matcher compares values fixed in the source and so passes
 * whatever the code does: `expect(1).toBe(1)`, `assert(true)`, `assert.equal(1, 1)`. A constant
 * assertion that always fails guards a path that must not be reached (like `assert.fail()`); an
 * unknown or custom matcher (`expect('msg').toHaveBeenWarned()`) checks what it likes. Both are live.
 */
export function constantness(values: readonly t.Node[], method: string, negated = false): AssertionKind {
  const evaluated = values.map(constantValue);
  if (evaluated.some((value) => value === UNKNOWN)) return 'live';
  return constantOutcome(method, evaluated) === (negated ? 'fail' : 'pass') ? 'constant' : 'live';
}

function constantOutcome(method: string, values: unknown[]): 'pass' | 'fail' | 'unknown' {
  const [first, second] = values;
  const verdict = (passes: boolean) => (passes ? 'pass' : 'fail');
  const inverse = NEGATED_ASSERTIONS[method];
  if (inverse) {
    const outcome = constantOutcome(inverse, values);
    return outcome === 'unknown' ? outcome : verdict(outcome === 'fail');
  }
  if (values.length === 0) return 'unknown';
  if (TRUTHY_ASSERTIONS.has(method)) return verdict(Boolean(first));
  if (FALSY_ASSERTIONS.has(method)) return verdict(!first);
  if (method === 'toBeUndefined') return verdict(first === undefined);
  if (method === 'toBeDefined') return verdict(first !== undefined);
  if (method === 'toBeNull') return verdict(first === null);
  if (values.length < 2) return 'unknown';
  if (IDENTITY_ASSERTIONS.has(method)) return verdict(Object.is(first, second) || (method.startsWith('equal') && first == second));
  if (DEEP_ASSERTIONS.has(method)) return verdict(isDeepStrictEqual(first, second));
  if ((method === 'toMatch' || method === 'match') && typeof first === 'string') {
    if (second instanceof RegExp) return verdict(second.test(first));
    if (typeof second === 'string') return verdict(first.includes(second));
  }
  return 'unknown';
}

const UNKNOWN = Symbol('not a constant');

/** The value of an expression fixed in the source, or UNKNOWN. */
function constantValue(node: t.Node): unknown {
  const literal = literalValue(node);
  if (literal) return literal.value;
  switch (node.type) {
    case 'Literal':
      // What literalValue leaves: regular expressions and bigints.
      if ('bigint' in node) return BigInt(node.bigint);
      try {
        return 'regex' in node ? new RegExp(node.regex.pattern, node.regex.flags) : UNKNOWN;
      } catch {
        return UNKNOWN;
      }
    case 'Identifier':
      return node.name === 'undefined' ? undefined : node.name === 'NaN' ? NaN : node.name === 'Infinity' ? Infinity : UNKNOWN;
    case 'UnaryExpression': {
      const value = constantValue(node.argument);
      if (value === UNKNOWN || typeof value === 'object') return UNKNOWN;
      if (node.operator === '-') return typeof value === 'number' ? -value : UNKNOWN;
      if (node.operator === '!') return !value;
      return UNKNOWN;
    }
    case 'ArrayExpression': {
      const items = node.elements.map((element) => (element === null || element.type === 'SpreadElement' ? UNKNOWN : constantValue(element)));
      return items.includes(UNKNOWN) ? UNKNOWN : items;
    }
    case 'ObjectExpression': {
      const entries: Array<[string, unknown]> = [];
      for (const property of node.properties) {
        if (property.type !== 'Property' || property.computed || property.kind !== 'init' || property.method) return UNKNOWN;
        const key = property.key.type === 'Identifier' ? property.key.name : property.key.type === 'Literal' && (typeof property.key.value === 'string' || typeof property.key.value === 'number') ? String(property.key.value) : undefined;
        const value = constantValue(property.value);
        if (key === undefined || value === UNKNOWN) return UNKNOWN;
        entries.push([key, value]);
      }
      return Object.fromEntries(entries);
    }
    case 'TSAsExpression':
    case 'TSSatisfiesExpression':
    case 'TSNonNullExpression':
    case 'TSTypeAssertion':
      return constantValue(node.expression);
    default:
      return UNKNOWN;
  }
}
