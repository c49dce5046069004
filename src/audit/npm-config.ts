import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { load } from 'js-yaml';
import { ConfigurationError, EnvironmentError, causeOf } from '../core/errors.js';

/** One configuration value, as written (variables not yet expanded), and where it was read. */
interface RawValue {
  values: string[];
  source: string;
}

/**
 * A package manager's configuration as layers, the first that has a key wins: for npm the
 * environment (`npm_config_*`, any case), then the project's .npmrc, the user's, the global one.
 * Values are expanded (`${VAR}`) only when read, so an unset variable in an unused key is no error.
 */
export interface PackageManagerConfig {
  get(key: string): string | undefined;
  /** Every value of a key written as `key[]=` (npm's `ca[]`), else its one value. */
  getAll(key: string): string[];
  /** Where the value came from: a file path or an environment variable. */
  sourceOf(key: string): string | undefined;
  /** Keys present in any layer, for lookups by prefix (scopes, credentials). */
  keys(): string[];
}

/** npm's layers for a project in `cwd`: environment, project, user, global. */
export function readNpmConfig(cwd: string, env: NodeJS.ProcessEnv): PackageManagerConfig {
  const layers: Array<Map<string, RawValue>> = [npmEnvironment(env)];
  const userFile = env.NPM_CONFIG_USERCONFIG || env.npm_config_userconfig || (env.HOME ? path.join(env.HOME, '.npmrc') : undefined);
  const prefix = env.NPM_CONFIG_PREFIX || env.npm_config_prefix || env.PREFIX || npmPrefix(env.PATH);
  const globalFile = env.NPM_CONFIG_GLOBALCONFIG || env.npm_config_globalconfig || (prefix ? path.join(prefix, 'etc', 'npmrc') : undefined);
  for (const file of [path.join(cwd, '.npmrc'), userFile, globalFile]) if (file) layers.push(readNpmrc(file, env));
  return layered(layers, env, expandNpm);
}

/** npm's prefix is the installation holding the `npm` on PATH: its global npmrc is `<prefix>/etc/npmrc`. */
function npmPrefix(searchPath: string | undefined): string | undefined {
  for (const dir of (searchPath ?? '').split(path.delimiter).filter(Boolean)) {
    if (existsSync(path.join(dir, 'npm'))) return path.dirname(dir);
  }
  return undefined;
}

/** `npm_config_https_proxy` → `https-proxy`; `NPM_CONFIG_REGISTRY` → `registry`. npm's own paths and flags are not settings here. */
function npmEnvironment(env: NodeJS.ProcessEnv): Map<string, RawValue> {
  const entries = new Map<string, RawValue>();
  for (const [name, value] of Object.entries(env)) {
    const match = /^npm_config_(.+)$/i.exec(name);
    if (!match || value === undefined || value === '') continue;
    const key = match[1]!.toLowerCase().replace(/(?!^)_/g, '-');
    if (!entries.has(key)) entries.set(key, { values: [value], source: name });
  }
  return entries;
}

/**
 * An npmrc or .yarnrc.yml, or undefined where there is none. One that exists but cannot be read is
 * an error: without it the audit could ask another registry, with other credentials, than npm does.
 */
function readConfigFile(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw new EnvironmentError(`cannot read ${file} (${code ?? causeOf(error)}); give the job read access to it, or remove it`);
  }
}

function readNpmrc(file: string, env: NodeJS.ProcessEnv): Map<string, RawValue> {
  const text = readConfigFile(file);
  if (text === undefined) return new Map();
  const entries = new Map<string, RawValue>();
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith('#') || line.startsWith(';')) continue;
    const equals = line.indexOf('=');
    if (equals === -1) continue;
    // Keys rarely hold variables; an unset one there just makes the key match nothing.
    let key = line.slice(0, equals).trim().replace(/\$\{([^}?]+)\??\}/g, (whole, name: string) => env[name] ?? whole);
    let value = line.slice(equals + 1).trim();
    if (/^(["']).*\1$/.test(value)) value = value.slice(1, -1);
    const list = key.endsWith('[]');
    if (list) key = key.slice(0, -2);
    const existing = entries.get(key);
    if (list && existing) existing.values.push(value);
    else entries.set(key, { values: [value], source: file });
  }
  return entries;
}

/**
 * Berry's layers: `YARN_*` variables, then .yarnrc.yml from the project up to the filesystem root, then
 * the home one. Keys are berry's own (npmRegistryServer, npmScopes…); a nested key reads with dots
 * (`npmScopes.acme.npmAuthToken`).
 */
export function readYarnConfig(cwd: string, env: NodeJS.ProcessEnv): PackageManagerConfig {
  const layers: Array<Map<string, RawValue>> = [yarnEnvironment(env)];
  const files: string[] = [];
  for (let dir = path.resolve(cwd); ; dir = path.dirname(dir)) {
    files.push(path.join(dir, '.yarnrc.yml'));
    if (path.dirname(dir) === dir) break;
  }
  const home = env.HOME ?? os.homedir();
  if (home && !files.includes(path.join(home, '.yarnrc.yml'))) files.push(path.join(home, '.yarnrc.yml'));
  for (const file of files) layers.push(readYarnrc(file));
  return layered(layers, env, expandYarn);
}

/** `YARN_NPM_REGISTRY_SERVER` → `npmRegistryServer`. */
function yarnEnvironment(env: NodeJS.ProcessEnv): Map<string, RawValue> {
  const entries = new Map<string, RawValue>();
  for (const [name, value] of Object.entries(env)) {
    const match = /^YARN_(.+)$/.exec(name);
    if (!match || value === undefined || value === '') continue;
    const key = match[1]!.toLowerCase().replace(/_([a-z])/g, (_whole, letter: string) => letter.toUpperCase());
    entries.set(key, { values: [value], source: name });
  }
  return entries;
}

function readYarnrc(file: string): Map<string, RawValue> {
  const text = readConfigFile(file);
  if (text === undefined) return new Map();
  let document: unknown;
  try {
    document = load(text);
  } catch (error) {
    throw new ConfigurationError(`${file} is not valid YAML (${causeOf(error)}); fix it, or yarn itself cannot read it either`);
  }
  const entries = new Map<string, RawValue>();
  const flatten = (value: unknown, prefix: string) => {
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      for (const [key, child] of Object.entries(value)) flatten(child, prefix ? `${prefix}.${key}` : key);
    } else if (value !== null && value !== undefined && prefix) {
      entries.set(prefix, { values: (Array.isArray(value) ? value : [value]).map(String), source: file });
    }
  };
  flatten(document, '');
  return entries;
}

function layered(layers: Array<Map<string, RawValue>>, env: NodeJS.ProcessEnv, expand: (text: string, env: NodeJS.ProcessEnv, source: string) => string): PackageManagerConfig {
  const find = (key: string) => layers.find((layer) => layer.has(key))?.get(key);
  return {
    get(key) {
      const found = find(key);
      return found === undefined ? undefined : expand(found.values.at(-1)!, env, found.source);
    },
    getAll(key) {
      const found = find(key);
      return found === undefined ? [] : found.values.map((value) => expand(value, env, found.source));
    },
    sourceOf: (key) => find(key)?.source,
    keys: () => [...new Set(layers.flatMap((layer) => [...layer.keys()]))],
  };
}

/** npm: `${VAR}` must be set when the value is used (npm fails otherwise); `${VAR?}` may be empty. */
function expandNpm(text: string, env: NodeJS.ProcessEnv, source: string): string {
  return text.replace(/(\\*)\$\{([^}?]+)(\?)?\}/g, (whole, escapes: string, name: string, optional: string | undefined) => {
    if (escapes.length % 2 === 1) return whole.slice(1);
    const value = env[name];
    if (value === undefined && !optional) {
      throw new ConfigurationError(`${path.basename(source)} uses \${${name}} but it is not set; set ${name} in the environment (e.g. from a secret), or write \${${name}?} to allow it empty`);
    }
    return `${escapes}${value ?? ''}`;
  });
}

/** berry: `${VAR}`, `${VAR:-fallback}` and `${VAR-fallback}`; an unset variable without fallback is an error, as in yarn. */
function expandYarn(text: string, env: NodeJS.ProcessEnv, source: string): string {
  return text.replace(/\$\{([A-Za-z_][\w]*)(?:(:?-)([^}]*))?\}/g, (_whole, name: string, operator: string | undefined, fallback: string | undefined) => {
    const value = env[name];
    if (value !== undefined && (value !== '' || operator !== ':-')) return value;
    if (operator !== undefined) return fallback ?? '';
    throw new ConfigurationError(`${path.basename(source)} uses \${${name}} but it is not set; set ${name} in the environment (e.g. from a secret), or write \${${name}:-} to allow it empty`);
  });
}
