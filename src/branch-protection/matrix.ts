/**
 * A job's `strategy.matrix` and the check names GitHub gives its combinations.
 */

type Json = Record<string, unknown>;
export type Combination = Array<[string, unknown]>;

/** Why a matrix cannot be expanded before the run, or its combinations. */
export type Expansion = { combinations: Combination[] } | { unknown: string };

/**
 * The combinations of a `strategy.matrix`, as GitHub builds them: the product of the list keys,
 * less `exclude`; then each `include` entry is added to every original combination whose
 * original values it does not overwrite (values added by an earlier include may be overwritten),
 * and becomes a combination of its own only when it fits none. A matrix of includes alone is
 * exactly its entries: there is no empty base combination.
 */
export function expandMatrix(matrix: unknown): Expansion {
  if (matrix === undefined || matrix === null) return { combinations: [[]] };
  if (typeof matrix === 'string') return { unknown: 'its matrix is computed at run time' };
  if (typeof matrix !== 'object' || Array.isArray(matrix)) return { unknown: 'its matrix is not a mapping' };
  const spec = matrix as Json;
  const keys = Object.keys(spec).filter((key) => key !== 'include' && key !== 'exclude');
  for (const key of [...keys, 'include', 'exclude']) {
    const values = spec[key];
    if (values === undefined) continue;
    if (!Array.isArray(values)) return { unknown: `its matrix ${key} is computed at run time` };
    if (values.some((value) => typeof value === 'string' && value.includes('${{'))) return { unknown: `its matrix ${key} holds an expression` };
  }
  let combinations: Combination[] = keys.length === 0 ? [] : [[]];
  for (const key of keys) {
    combinations = combinations.flatMap((combination) => (spec[key] as unknown[]).map((value): Combination => [...combination, [key, value]]));
  }
  const excludes = ((spec.exclude as unknown[] | undefined) ?? []).map(asObject);
  combinations = combinations.filter((combination) => !excludes.some((exclude) => Object.entries(exclude).every(([key, value]) => sameValue(valueOf(combination, key), value))));
  const original = new Set(keys);
  const originals = combinations.length;
  for (const include of ((spec.include as unknown[] | undefined) ?? []).map(asObject)) {
    let merged = false;
    for (const combination of combinations.slice(0, originals)) {
      const overwrites = Object.entries(include).some(([key, value]) => original.has(key) && !sameValue(valueOf(combination, key), value));
      if (overwrites) continue;
      for (const [key, value] of Object.entries(include)) if (!original.has(key)) setValue(combination, key, value);
      merged = true;
    }
    if (!merged) combinations.push(Object.entries(include));
  }
  if (combinations.length === 0) return { unknown: 'its matrix has no combination left after exclude' };
  return { combinations };
}

/**
 * The check name of one combination. GitHub appends ` (v1, v2, …)` with the combination's values
 * unless the name holds an expression; `${{ matrix.key }}` is filled in. Undefined when the name
 * needs another expression, or a key the combination lacks (how GitHub spaces an empty value is
 * not documented, so such a name is not guessed).
 */
export function nameCombination(template: string, combination: Combination): string | undefined {
  const expressions = [...template.matchAll(/\$\{\{\s*([^}]*?)\s*\}\}/g)];
  if (expressions.length === 0) {
    return combination.length === 0 ? template : `${template} (${combination.map(([, value]) => String(value)).join(', ')})`;
  }
  let name = template;
  for (const [text, expression] of expressions) {
    const key = /^matrix\.([\w-]+)$/.exec(expression ?? '')?.[1];
    if (key === undefined) return undefined;
    const value = valueOf(combination, key);
    if (value === undefined || (typeof value === 'object' && value !== null)) return undefined;
    name = name.replace(text, String(value));
  }
  return name;
}

/** Whether a combination holds a mapping or a list, whose rendering in a check name GitHub does not document. */
export function hasStructuredValue(combination: Combination): boolean {
  return combination.some(([, value]) => typeof value === 'object' && value !== null);
}

/**
 * The names a job with this name template could produce when its values are not known: every
 * expression may become anything, and a matrix may append its values.
 */
export function namePattern(template: string, mayAppendValues: boolean): RegExp {
  const parts = template.split(/\$\{\{[^}]*\}\}/).map(escapeRegExp);
  const hasExpression = parts.length > 1;
  return new RegExp(`^${parts.join('.*')}${mayAppendValues && !hasExpression ? '( \\(.*\\))?' : ''}$`);
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function valueOf(combination: Combination, key: string): unknown {
  return combination.find(([name]) => name === key)?.[1];
}

function setValue(combination: Combination, key: string, value: unknown): void {
  const entry = combination.find(([name]) => name === key);
  if (entry) entry[1] = value;
  else combination.push([key, value]);
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function asObject(value: unknown): Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : {};
}
