import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Dispatcher } from 'undici';
import { ConfigurationError } from '../core/errors.js';
import type { Logger } from '../core/logger.js';

export const DEFAULT_REGISTRY = 'https://registry.npmjs.org/';

export interface RegistryAccess {
  /** Base URL, ending with a slash. */
  url: string;
  /** Where the URL came from, for the log. */
  source: string;
  /** `authorization` header when the npmrc files hold credentials for this registry. */
  authorization?: string;
  /** How to connect (proxy, CA) when the configuration asks for more than a direct connection. */
  dispatcher?: Dispatcher;
}

/** Raw values by key, with the file each came from; values are expanded only when used. */
type Npmrc = Map<string, { value: string; file: string }>;

/**
 * The registry to ask and how to authenticate, as npm would: the `registry` setting, else
 * `registry=` of the project's .npmrc, else of the user's npmrc (NPM_CONFIG_USERCONFIG, as
 * actions/setup-node writes it, or ~/.npmrc), else the public registry. Credentials are looked up
 * by the registry's `//host/path/:_authToken` key, walking up the path, with `${VAR}` expanded
 * from the environment. Every credential found is registered as a secret before it is used.
 */
export function resolveRegistry(setting: string | undefined, cwd: string, env: NodeJS.ProcessEnv, log: Logger): RegistryAccess {
  const files = [
    path.join(cwd, '.npmrc'),
    env.NPM_CONFIG_USERCONFIG || env.npm_config_userconfig || (env.HOME ? path.join(env.HOME, '.npmrc') : undefined),
  ].filter((file): file is string => Boolean(file));
  const config: Npmrc = new Map();
  for (const file of files) for (const [key, value] of readNpmrc(file, env)) if (!config.has(key)) config.set(key, value);
  const get = (key: string): string | undefined => {
    const entry = config.get(key);
    return entry === undefined ? undefined : expandEnv(entry.value, env, entry.file);
  };

  let url: string;
  let source: string;
  if (setting) {
    url = setting;
    source = 'the registry setting';
  } else if (config.has('registry')) {
    url = get('registry')!;
    source = config.get('registry')!.file === files[0] ? '.npmrc' : config.get('registry')!.file;
  } else {
    url = DEFAULT_REGISTRY;
    source = 'the default';
  }
  // Credentials in the URL itself (https://user:pass@host/) become basic auth: fetch refuses them in URLs, and logs must not show them.
  const withCredentials = new URL(parseRegistryUrl(url, source));
  const inline = withCredentials.username || withCredentials.password ? `${decodeURIComponent(withCredentials.username)}:${decodeURIComponent(withCredentials.password)}` : undefined;
  if (withCredentials.password) log.secret(decodeURIComponent(withCredentials.password));
  withCredentials.username = '';
  withCredentials.password = '';
  const base = withCredentials.toString();
  const authorization = authorizationFor(base, get) ?? (inline ? `Basic ${Buffer.from(inline).toString('base64')}` : undefined);
  if (authorization) log.secret(authorization.replace(/^\w+ /, ''));
  return { url: base, source, ...(authorization ? { authorization } : {}) };
}

/** The registry URL with a trailing slash, or a ConfigurationError naming where it came from. */
export function parseRegistryUrl(url: string, source: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new ConfigurationError(`registry: "${url}" from ${source} is not a URL; use e.g. https://npm.example.com/`);
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') throw new ConfigurationError(`registry: "${url}" from ${source} is not an http(s) URL`);
  const text = parsed.toString();
  return text.endsWith('/') ? text : `${text}/`;
}

function readNpmrc(file: string, env: NodeJS.ProcessEnv): Npmrc {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return new Map();
  }
  const entries: Npmrc = new Map();
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith('#') || line.startsWith(';')) continue;
    const equals = line.indexOf('=');
    if (equals === -1) continue;
    // Keys rarely hold variables; an unset one there just makes the key match nothing.
    const key = line.slice(0, equals).trim().replace(/\$\{([^}?]+)\??\}/g, (whole, name: string) => env[name] ?? whole);
    let value = line.slice(equals + 1).trim();
    if (/^(["']).*\1$/.test(value)) value = value.slice(1, -1);
    entries.set(key, { value, file });
  }
  return entries;
}

/** `${VAR}` must be set when the value is used (npm fails otherwise); `${VAR?}` may be empty. */
function expandEnv(text: string, env: NodeJS.ProcessEnv, file: string): string {
  return text.replace(/(\\*)\$\{([^}?]+)(\?)?\}/g, (whole, escapes: string, name: string, optional: string | undefined) => {
    if (escapes.length % 2 === 1) return whole.slice(1);
    const value = env[name];
    if (value === undefined && !optional) {
      throw new ConfigurationError(`${path.basename(file)} uses \${${name}} but it is not set; set ${name} in the environment (e.g. from a secret), or write \${${name}?} to allow it empty`);
    }
    return `${escapes}${value ?? ''}`;
  });
}

/** npm's "nerf dart" lookup: `//host/path/:key`, then each shorter path, down to `//host/:key`. */
function authorizationFor(registry: string, get: (key: string) => string | undefined): string | undefined {
  const url = new URL(registry);
  const segments = url.pathname.split('/').filter(Boolean);
  for (let depth = segments.length; depth >= 0; depth -= 1) {
    const prefix = `//${url.host}/${segments.slice(0, depth).map((segment) => `${segment}/`).join('')}`;
    const token = get(`${prefix}:_authToken`);
    if (token) return `Bearer ${token}`;
    const auth = get(`${prefix}:_auth`);
    if (auth) return `Basic ${auth}`;
    const username = get(`${prefix}:username`);
    const password = get(`${prefix}:_password`);
    if (username && password) return `Basic ${Buffer.from(`${username}:${Buffer.from(password, 'base64').toString('utf8')}`).toString('base64')}`;
  }
  return undefined;
}
