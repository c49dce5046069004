import { realpathSync } from 'node:fs';
import path from 'node:path';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { isMap, isNode, isScalar, LineCounter, parseDocument } from 'yaml';
import schema from '../../schema/readiness-gates.schema.json' with { type: 'json' };
import { ConfigurationError } from './errors.js';
import { GATE_NAMES, type GateName } from './report.js';
import { closestMatch } from './suggest.js';

export type ConfigSection = Record<string, unknown>;
export type ReadinessConfig = Partial<Record<GateName, ConfigSection>>;


interface JsonSchema {
  type?: string | string[];
  enum?: unknown[];
  default?: unknown;
  description?: string;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  $ref?: string;
}

// Each validator checks one small document once per run: compiling it without Ajv's code
// optimisation passes halves the compile time (~50 ms of every action's start-up) and changes no result.
// The schema is checked against JSON Schema's meta-schema by the tests, not on every run (35 ms more).
export const AJV_OPTIONS = { allErrors: true, verbose: true, strict: true, strictRequired: false, allowUnionTypes: true, code: { optimize: false } } as const;
const ajv = new Ajv({ ...AJV_OPTIONS, validateSchema: false });
let validateConfigDocument: ValidateFunction | undefined;
const validateSectionByGate = new Map<GateName, ValidateFunction>();

function configValidator(): ValidateFunction {
  validateConfigDocument ??= ajv.compile(schema);
  return validateConfigDocument;
}

function sectionValidator(gate: GateName): ValidateFunction {
  let validate = validateSectionByGate.get(gate);
  if (!validate) {
    validate = ajv.compile({ ...schema, properties: undefined, $id: `${schema.$id}#${gate}`, ...gateSchema(gate) });
    validateSectionByGate.set(gate, validate);
  }
  return validate;
}

function gateSchema(gate: GateName): JsonSchema {
  const section = (schema.properties as Record<string, JsonSchema>)[gate];
  if (!section) throw new Error(`no schema section for gate ${gate}`);
  return section;
}

/** The settings of a gate section that can be given as a flag or an action input (scalars and string lists). */
export function scalarSettings(gate: GateName): Array<{ key: string; schema: JsonSchema; kind: SettingKind }> {
  const settings: Array<{ key: string; schema: JsonSchema; kind: SettingKind }> = [];
  for (const [key, property] of Object.entries(gateSchema(gate).properties ?? {})) {
    const resolved = resolveRef(property);
    const kind = settingKind(resolved);
    if (kind) settings.push({ key, schema: resolved, kind });
  }
  return settings;
}

export type SettingKind = 'string' | 'boolean' | 'integer' | 'string-list';

function settingKind(property: JsonSchema): SettingKind | undefined {
  if (property.type === 'string' || property.type === 'boolean' || property.type === 'integer') return property.type;
  if (property.type === 'array' && resolveRef(property.items ?? {}).type === 'string') return 'string-list';
  return undefined;
}

function resolveRef(property: JsonSchema): JsonSchema {
  if (!property.$ref) return property;
  const name = property.$ref.replace('#/definitions/', '');
  const target = (schema.definitions as Record<string, JsonSchema>)[name];
  if (!target) throw new Error(`unresolved $ref ${property.$ref}`);
  return { ...target, ...property, $ref: undefined };
}

/** Aliases a config may resolve; a few are handy, thousands are an alias bomb ("billion laughs"). */
const MAX_ALIAS_COUNT = 50;

/** Parses and validates the text of a config file; `source` names it in errors. */
export function parseConfig(text: string, source: string): ReadinessConfig {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { prettyErrors: false, uniqueKeys: true, lineCounter });
  const [problem] = document.errors;
  if (problem) {
    if (problem.code === 'MULTIPLE_DOCS') throw new ConfigurationError(`${source}: holds more than one YAML document (a \`---\` line); keep every gate section in one document`);
    const position = lineCounter.linePos(problem.pos[0]);
    const where = position ? `${source}:${position.line}:${position.col}` : source;
    throw new ConfigurationError(`${where}: invalid YAML: ${problem.message.split('\n', 1)[0]}`);
  }
  let value: unknown;
  try {
    value = document.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) ?? {};
  } catch (error) {
    // yaml throws a ReferenceError for an alias bomb and for an alias to an anchor that is not defined.
    const excessive = /excessive alias count/i.test((error as Error).message);
    throw new ConfigurationError(
      excessive
        ? `${source}: expands YAML aliases more than ${MAX_ALIAS_COUNT} times (an alias bomb); write the values out`
        : `${source}: invalid YAML: an alias (*name) refers to an anchor (&name) that is not defined before it`,
    );
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new ConfigurationError(`${source}: the file must be a mapping of gate sections (${GATE_NAMES.join(', ')})`);
  }
  const validate = configValidator();
  if (!validate(value)) throw new ConfigurationError(`${source}: ${describeSchemaErrors(validate.errors ?? [], jsonPointerToKeyPath)}`);
  return value as ReadinessConfig;
}

/**
 * The line of a key in a config file's text (`['audit', 'allow', 1]`), or of the nearest parent
 * that exists, so that a finding about a setting lands on it in the pull request's diff.
 */
export function lineOfKey(text: string, keyPath: ReadonlyArray<string | number>): number | undefined {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter });
  if (document.errors.length) return undefined;
  for (let depth = keyPath.length; depth > 0; depth -= 1) {
    const node = document.getIn(keyPath.slice(0, depth), true);
    const range = isNode(node) ? node.range : undefined;
    if (!range) continue;
    // A mapping value's own range starts at the value; the key sits on that line or the one before.
    const parent = depth > 1 ? document.getIn(keyPath.slice(0, depth - 1), true) : document.contents;
    const pair = isMap(parent) ? parent.items.find((item) => isScalar(item.key) && item.key.value === keyPath[depth - 1]) : undefined;
    const start = pair && isScalar(pair.key) && pair.key.range ? pair.key.range[0] : range[0];
    return lineCounter.linePos(start).line;
  }
  return undefined;
}

/** How a settings source names a key in an error: `audit.fail-on`, `--fail-on`, `input fail-on`. */
type KeyNamer = (instancePath: string) => string;

function jsonPointerToKeyPath(pointer: string): string {
  let keyPath = '';
  for (const part of pointer.split('/').slice(1)) {
    const key = part.replace(/~1/g, '/').replace(/~0/g, '~');
    keyPath += /^\d+$/.test(key) ? `[${key}]` : keyPath ? `.${key}` : key;
  }
  return keyPath || '(top level)';
}

/**
 * Merges a gate's settings: overrides (flags or inputs, already typed) > config section > schema
 * defaults. Overrides are validated on their own so that their errors name the flag or input.
 */
export function resolveSettings(
  gate: GateName,
  configSection: ConfigSection | undefined,
  overrides: ConfigSection,
  nameOverride: (key: string) => string,
): ConfigSection {
  const validate = sectionValidator(gate);
  if (!validate(overrides)) {
    throw new ConfigurationError(describeSchemaErrors(validate.errors ?? [], (pointer) => {
      const [key, ...rest] = pointer.split('/').slice(1);
      return nameOverride(key ?? '') + (rest.length ? jsonPointerToKeyPath(`/${rest.join('/')}`).replace(/^(?!\[)/, '.') : '');
    }));
  }
  const merged: ConfigSection = { ...(configSection ?? {}), ...overrides };
  for (const [key, property] of Object.entries(gateSchema(gate).properties ?? {})) {
    const fallback = resolveRef(property).default;
    if (merged[key] === undefined && fallback !== undefined) merged[key] = structuredClone(fallback);
  }
  return merged;
}

/**
 * Turns a raw flag or input value (text) into the setting's type; `name` is how the source names it.
 * Lists accept new lines or commas, as action inputs are written both ways.
 */
export function coerceSetting(kind: SettingKind, raw: string | string[], name: string): unknown {
  const values = Array.isArray(raw) ? raw : [raw];
  switch (kind) {
    case 'string-list':
      return values.flatMap((value) => value.split(/[\n,]/)).map((item) => item.trim()).filter(Boolean);
    case 'boolean': {
      const text = values.at(-1)!.trim();
      if (/^(true|True|TRUE)$/.test(text)) return true;
      if (/^(false|False|FALSE)$/.test(text)) return false;
      throw new ConfigurationError(`${name}: ${describeText(text)} is not a boolean; use true or false`);
    }
    case 'integer': {
      const text = values.at(-1)!.trim();
      if (!/^-?\d+$/.test(text)) throw new ConfigurationError(`${name}: ${describeText(text)} is not a whole number`);
      return Number(text);
    }
    case 'string':
      return values.at(-1)!.trim();
  }
}

/** One line for the most useful schema error, with a count of the rest. */
function describeSchemaErrors(errors: ErrorObject[], namer: KeyNamer): string {
  // anyOf/oneOf wrappers report after their branches; a branch's own error is the more precise one
  // unless every branch failed on type, where the wrapper says what the value should be.
  const meaningful = errors.filter((error) => !(error.keyword === 'if'));
  const specific = meaningful.filter((error) => !isBranchNoise(error, meaningful));
  const chosen = specific[0] ?? meaningful[0];
  if (!chosen) return 'invalid configuration';
  const more = specific.length - 1;
  return describeSchemaError(chosen, namer) + (more > 0 ? ` (and ${more} more problem${more === 1 ? '' : 's'})` : '');
}

function isBranchNoise(error: ErrorObject, all: ErrorObject[]): boolean {
  const parent = all.find((other) => (other.keyword === 'oneOf' || other.keyword === 'anyOf') && error.schemaPath.startsWith(other.schemaPath.replace(/\/(oneOf|anyOf)$/, `/${other.keyword}/`)));
  return parent !== undefined;
}

function describeSchemaError(error: ErrorObject, namer: KeyNamer): string {
  const where = namer(error.instancePath);
  const value = formatValue(error.data);
  const parentSchema = error.parentSchema as JsonSchema | undefined;
  switch (error.keyword) {
    case 'enum':
      return `${where}: ${value} is not one of ${(error.params.allowedValues as unknown[]).join(', ')}`;
    case 'additionalProperties': {
      const key = error.params.additionalProperty as string;
      const known = Object.keys(parentSchema?.properties ?? {});
      const allowed = known.length ? `; allowed keys are ${known.join(', ')}` : '';
      // A key that does not look like one (a pasted token) is described, not shown.
      if (!looksLikeKey(key)) return `${where}: unknown key (${describeText(key)})${allowed}`;
      const hint = closestMatch(key, known);
      const child = namer(`${error.instancePath}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`);
      return `${child}: unknown key${hint ? `; did you mean ${hint}?` : allowed}`;
    }
    case 'type':
      return `${where}: ${value} should be ${article(String(error.params.type))}`;
    case 'required':
      return `${where}: missing required key ${String(error.params.missingProperty)}`;
    case 'anyOf':
      if (error.schemaPath.endsWith('/items/anyOf')) {
        const keys = ((error.schema as Array<{ required: string[] }>) ?? []).flatMap((branch) => branch.required ?? []);
        return `${where}: needs one of ${keys.join(', ')}`;
      }
      return `${where}: ${value} is not allowed here`;
    case 'oneOf':
      return `${where}: ${value} should be a list of names or "auto"`;
    case 'pattern':
      return `${where}: ${value} is not valid${parentSchema?.description ? ` (${parentSchema.description.replace(/\.$/, '')})` : ` (expected to match ${String(error.params.pattern)})`}`;
    case 'minLength':
      return `${where}: must not be empty`;
    case 'minimum':
    case 'maximum':
      return `${where}: ${value} is ${error.keyword === 'minimum' ? 'below the minimum' : 'above the maximum'} ${String(error.params.limit)}`;
    default:
      return `${where}: ${error.message ?? 'is invalid'}`;
  }
}

/** Keys are short words joined by dashes; a long unbroken run of letters and digits is more likely a pasted token. */
function looksLikeKey(key: string): boolean {
  return /^[A-Za-z][A-Za-z0-9_./-]{0,63}$/.test(key) && key.split(/[-_./]/).every((part) => part.length <= 20);
}

function article(type: string): string {
  const names: Record<string, string> = { object: 'a mapping', array: 'a list', string: 'a string', boolean: 'true or false', integer: 'a whole number', number: 'a number' };
  return type.split(',').map((name) => names[name] ?? name).join(' or ');
}

/**
 * A value in an error: words the schema allows may be shown, anything else is described by its
 * kind and length, since a token pasted into the wrong key must not end up in a log.
 */
function formatValue(value: unknown): string {
  if (value === null || value === undefined) return 'empty value';
  if (typeof value === 'object') return Array.isArray(value) ? 'a list' : 'a mapping';
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'number') return 'a number';
  return describeText(String(value));
}

/** `a 4-character string`: what a rejected value looked like, without the value. */
export function describeText(text: string): string {
  return text.length === 0 ? 'an empty string' : `a ${text.length}-character string`;
}

/**
 * Settings that name files or globs of files to read. A relative one must stay inside the checked
 * directory: a config that reads `../outside/package-lock.json` judges something else than the
 * repository. An absolute path is taken as meant.
 */
const PATH_SETTINGS: Partial<Record<GateName, readonly string[]>> = {
  'secret-scan': ['gitleaks-config', 'baseline-path'],
  audit: ['lockfile'],
  'test-existence': ['reports', 'test-patterns'],
};

/** Throws when a relative path setting of `gate` leads out of `cwd`, by `..` or through a symbolic link. */
export function checkPathSettings(gate: GateName, settings: ConfigSection, cwd: string, nameOf: (key: string) => string): void {
  for (const key of PATH_SETTINGS[gate] ?? []) {
    const value = settings[key];
    const values = Array.isArray(value) ? value : value === undefined ? [] : [value];
    for (const item of values) {
      if (typeof item !== 'string') continue;
      const pattern = item.replace(/^!/, '').replace(/\\/g, '/');
      if (path.isAbsolute(pattern) || path.win32.isAbsolute(pattern)) continue;
      const fix = 'give a path inside it, or an absolute path to read a file elsewhere on purpose';
      if (pattern.split('/').includes('..')) throw new ConfigurationError(`${nameOf(key)}: a relative path that leaves the checked directory (..); ${fix}`);
      if (escapesThroughLink(cwd, pattern)) throw new ConfigurationError(`${nameOf(key)}: a path that leads out of the checked directory through a symbolic link; ${fix}`);
    }
  }
}

function escapesThroughLink(cwd: string, relative: string): boolean {
  let target: string;
  let root: string;
  try {
    target = realpathSync(path.resolve(cwd, relative));
    root = realpathSync(cwd);
  } catch {
    return false; // a glob or a file that does not exist (yet): the gate says what it finds there
  }
  const inside = path.relative(root, target);
  return inside === '..' || inside.startsWith(`..${path.sep}`) || path.isAbsolute(inside);
}
