import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { LineCounter, parseDocument } from 'yaml';
import schema from '../../schema/readiness-gates.schema.json' with { type: 'json' };
import { ConfigurationError } from './errors.js';
import type { GateName } from './report.js';
import { closestMatch } from './suggest.js';

/** Paths tried, in order, when no `--config` / `config` input names the file. */
const CONFIG_FILE_CANDIDATES = ['.github/readiness-gates.yml', '.github/readiness-gates.yaml'];

export type ConfigSection = Record<string, unknown>;
export type ReadinessConfig = Partial<Record<GateName, ConfigSection>>;

export interface LoadedConfig {
  /** The file read, relative to the working directory; undefined when there is none. */
  file?: string;
  config: ReadinessConfig;
}

interface JsonSchema {
  type?: string | string[];
  enum?: unknown[];
  default?: unknown;
  description?: string;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  $ref?: string;
}

const ajv = new Ajv({ allErrors: true, verbose: true, strict: true, strictRequired: false, allowUnionTypes: true });
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

export function loadConfig(cwd: string, explicitPath?: string): LoadedConfig {
  const file = explicitPath ? path.resolve(cwd, explicitPath) : CONFIG_FILE_CANDIDATES.map((candidate) => path.join(cwd, candidate)).find((candidate) => existsSync(candidate));
  if (!file) return { config: {} };
  const shown = toDisplayPath(cwd, file);
  let text: string;
  try {
    if (statSync(file).isDirectory()) throw new ConfigurationError(`config file ${shown} is a directory; name the YAML file itself`);
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if (error instanceof ConfigurationError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new ConfigurationError(`config file ${shown} does not exist; fix the path or drop --config to use ${CONFIG_FILE_CANDIDATES[0]}`);
    throw new ConfigurationError(`config file ${shown} cannot be read (${code ?? 'unknown error'}); check its permissions`);
  }
  return { file: shown, config: parseConfig(text, shown) };
}

function toDisplayPath(cwd: string, file: string): string {
  const relative = path.relative(cwd, file);
  return (relative.startsWith('..') || path.isAbsolute(relative) ? file : relative).split(path.sep).join('/');
}

/** Parses and validates the text of a config file; `source` names it in errors. */
export function parseConfig(text: string, source: string): ReadinessConfig {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { prettyErrors: false, uniqueKeys: true, lineCounter });
  const [problem] = document.errors;
  if (problem) {
    const position = lineCounter.linePos(problem.pos[0]);
    const where = position ? `${source}:${position.line}:${position.col}` : source;
    throw new ConfigurationError(`${where}: invalid YAML: ${problem.message.split('\n', 1)[0]}`);
  }
  const value: unknown = document.toJS() ?? {};
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw new ConfigurationError(`${source}: the file must be a mapping of gate sections (secret-scan, audit, test-existence, branch-protection)`);
  }
  const validate = configValidator();
  if (!validate(value)) throw new ConfigurationError(`${source}: ${describeSchemaErrors(validate.errors ?? [], jsonPointerToKeyPath)}`);
  return value as ReadinessConfig;
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
      throw new ConfigurationError(`${name}: "${text}" is not a boolean; use true or false`);
    }
    case 'integer': {
      const text = values.at(-1)!.trim();
      if (!/^-?\d+$/.test(text)) throw new ConfigurationError(`${name}: "${text}" is not a whole number`);
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
      const hint = closestMatch(key, known);
      const child = namer(`${error.instancePath}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`);
      return `${child}: unknown key${hint ? `; did you mean ${hint}?` : known.length ? `; allowed keys are ${known.join(', ')}` : ''}`;
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

function article(type: string): string {
  const names: Record<string, string> = { object: 'a mapping', array: 'a list', string: 'a string', boolean: 'true or false', integer: 'a whole number', number: 'a number' };
  return type.split(',').map((name) => names[name] ?? name).join(' or ');
}

function formatValue(value: unknown): string {
  if (value === null || value === undefined) return 'empty value';
  if (typeof value === 'object') return Array.isArray(value) ? 'a list' : 'a mapping';
  return JSON.stringify(value);
}
