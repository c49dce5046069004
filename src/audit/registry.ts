import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Dispatcher } from 'undici';
import { ConfigurationError } from '../core/errors.js';
import { createDispatcher, type NetworkSettings } from '../core/http.js';
import type { Logger } from '../core/logger.js';
import { readNpmConfig, readYarnConfig, type PackageManagerConfig } from './npm-config.js';

export const DEFAULT_REGISTRY = 'https://registry.npmjs.org/';

export interface RegistryAccess {
  /** Base URL, ending with a slash. */
  url: string;
  /** Where the URL came from, for the log. */
  source: string;
  /** `authorization` header when the configuration holds credentials for this registry (and only this one). */
  authorization?: string;
  /** How to connect (proxy, CA) when the configuration asks for more than a direct connection. */
  dispatcher?: Dispatcher;
  /** Registries of scopes (`@acme`) that have their own: their packages are asked there, never elsewhere. */
  scopes?: Map<string, RegistryAccess>;
}

/** Whose configuration applies: yarn berry reads .yarnrc.yml and ignores .npmrc; everyone else reads npm's. */
export type ConfigFlavour = 'npm' | 'berry';

/**
 * The registry to ask, how to authenticate and how to connect, as the project's package manager
 * would: the `registry` setting, else npm's configuration (NPM_CONFIG_* variables, the project's,
 * the user's and the global npmrc, with `${VAR}` expanded) or, for yarn berry, .yarnrc.yml and
 * YARN_* variables; else the public registry. Proxies come from that configuration or
 * HTTPS_PROXY/HTTP_PROXY/NO_PROXY, CAs from cafile/ca (caFilePath), strict-ssl (enableStrictSsl).
 * Every credential found is registered as a secret before it is used.
 */
export function resolveRegistry(setting: string | undefined, cwd: string, env: NodeJS.ProcessEnv, log: Logger, flavour: ConfigFlavour = 'npm'): RegistryAccess {
  const plan = flavour === 'berry' ? berryPlan(readYarnConfig(cwd, env), env) : npmPlan(readNpmConfig(cwd, env), env, cwd);
  for (const proxy of [plan.network.httpsProxy, plan.network.httpProxy]) {
    const password = proxy && URL.canParse(proxy) ? new URL(proxy).password : '';
    if (password) log.secret(decodeURIComponent(password));
  }
  const access = (url: string, source: string, authorization: (base: string) => string | undefined): RegistryAccess => {
    // Credentials in the URL itself (https://user:pass@host/) become basic auth: logs must not show them.
    const withCredentials = new URL(parseRegistryUrl(url, source));
    const inline = withCredentials.username || withCredentials.password ? `${decodeURIComponent(withCredentials.username)}:${decodeURIComponent(withCredentials.password)}` : undefined;
    if (withCredentials.password) log.secret(decodeURIComponent(withCredentials.password));
    withCredentials.username = '';
    withCredentials.password = '';
    const base = withCredentials.toString();
    const header = authorization(base) ?? (inline ? `Basic ${Buffer.from(inline).toString('base64')}` : undefined);
    if (header) log.secret(header.replace(/^\w+ /, ''));
    const dispatcher = createDispatcher(base, plan.network);
    return { url: base, source, ...(header ? { authorization: header } : {}), ...(dispatcher ? { dispatcher } : {}) };
  };
  const main = setting ? access(setting, 'the registry setting', plan.authorization) : access(plan.registry.url, plan.registry.source, plan.authorization);
  const scopes = new Map<string, RegistryAccess>();
  for (const [scope, { url, source }] of plan.scopes) {
    const scoped = access(url, source, plan.authorization);
    if (scoped.url !== main.url) scopes.set(scope, scoped);
  }
  return { ...main, ...(scopes.size > 0 ? { scopes } : {}) };
}

interface Plan {
  registry: { url: string; source: string };
  scopes: Map<string, { url: string; source: string }>;
  /** The header for a registry base URL, from credentials written for that registry only. */
  authorization(base: string): string | undefined;
  network: NetworkSettings;
}

function npmPlan(config: PackageManagerConfig, env: NodeJS.ProcessEnv, cwd: string): Plan {
  const sourceName = (key: string) => {
    const source = config.sourceOf(key)!;
    return source === path.join(cwd, '.npmrc') ? '.npmrc' : source;
  };
  const scopes = new Map<string, { url: string; source: string }>();
  for (const key of config.keys()) {
    const scope = /^(@[^:]+):registry$/.exec(key)?.[1];
    if (scope) scopes.set(scope, { url: config.get(key)!, source: sourceName(key) });
  }
  const strictSsl = config.get('strict-ssl');
  return {
    registry: config.get('registry') !== undefined ? { url: config.get('registry')!, source: sourceName('registry') } : { url: DEFAULT_REGISTRY, source: 'the default' },
    scopes,
    authorization: (base) => npmAuthorization(base, (key) => config.get(key)),
    network: {
      // npm's own defaults for its proxy settings are these variables.
      httpsProxy: config.get('https-proxy') || env.HTTPS_PROXY || env.https_proxy || env.HTTP_PROXY || env.http_proxy || undefined,
      httpProxy: config.get('proxy') || env.HTTP_PROXY || env.http_proxy || undefined,
      noProxy: splitList(config.get('noproxy') ?? env.NO_PROXY ?? env.no_proxy),
      ...certificates(config.get('cafile'), config.getAll('ca'), config.sourceOf('cafile')),
      strictSsl: strictSsl === undefined || !/^(false|0)$/i.test(strictSsl),
    },
  };
}

function berryPlan(config: PackageManagerConfig, env: NodeJS.ProcessEnv): Plan {
  const scopes = new Map<string, { url: string; source: string }>();
  for (const key of config.keys()) {
    const scope = /^npmScopes\.([^.]+)\.npmRegistryServer$/.exec(key)?.[1];
    if (scope) scopes.set(`@${scope.replace(/^@/, '')}`, { url: config.get(key)!, source: config.sourceOf(key)! });
  }
  const main = config.get('npmRegistryServer');
  const strictSsl = config.get('enableStrictSsl');
  const token = (prefix: string) => {
    const bearer = config.get(`${prefix}npmAuthToken`);
    if (bearer) return `Bearer ${bearer}`;
    const ident = config.get(`${prefix}npmAuthIdent`);
    if (ident) return `Basic ${ident.includes(':') ? Buffer.from(ident).toString('base64') : ident}`;
    return undefined;
  };
  const mainUrl = main ? parseRegistryUrl(main, config.sourceOf('npmRegistryServer')!) : DEFAULT_REGISTRY;
  return {
    registry: main ? { url: main, source: config.sourceOf('npmRegistryServer')! } : { url: DEFAULT_REGISTRY, source: 'the default' },
    scopes,
    authorization(base) {
      // npmRegistries["//host"] holds per-registry credentials; the top-level ones belong to the main registry, a scope's to its own.
      const url = new URL(base);
      const perRegistry = [`//${url.host}${url.pathname}`, `//${url.host}${url.pathname.replace(/\/$/, '')}`, `${url.protocol}//${url.host}${url.pathname.replace(/\/$/, '')}`];
      for (const key of perRegistry) {
        const found = token(`npmRegistries.${key}.`);
        if (found) return found;
      }
      for (const [scope, { url: scopeUrl }] of scopes) if (parseRegistryUrl(scopeUrl, scope) === base) return token(`npmScopes.${scope.slice(1)}.`);
      return base === mainUrl ? token('') : undefined;
    },
    network: {
      httpsProxy: config.get('httpsProxy') || env.HTTPS_PROXY || env.https_proxy || undefined,
      httpProxy: config.get('httpProxy') || env.HTTP_PROXY || env.http_proxy || undefined,
      noProxy: splitList(env.NO_PROXY ?? env.no_proxy),
      ...certificates(config.get('caFilePath'), [], config.sourceOf('caFilePath')),
      strictSsl: strictSsl === undefined || !/^(false|0)$/i.test(strictSsl),
    },
  };
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

/** A cafile's certificates (it replaces `ca`, as in npm), else the `ca` values; none means Node's own CAs. */
function certificates(cafile: string | undefined, ca: string[], source: string | undefined): { ca?: string[] } {
  if (cafile) {
    let text: string;
    try {
      text = readFileSync(cafile, 'utf8');
    } catch (error) {
      throw new ConfigurationError(`cafile ${cafile} (from ${source}) cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'}); point it at a PEM bundle the job can read`);
    }
    const pems = text.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g);
    if (!pems) throw new ConfigurationError(`cafile ${cafile} (from ${source}) holds no PEM certificate; point it at a PEM bundle`);
    return { ca: pems };
  }
  const values = ca.filter(Boolean).map((value) => value.replace(/\\n/g, '\n'));
  return values.length > 0 ? { ca: values } : {};
}

function splitList(value: string | undefined): string[] {
  return (value ?? '').split(/[,\s]+/).map((entry) => entry.trim()).filter(Boolean);
}

/** npm's "nerf dart" lookup: `//host/path/:key`, then each shorter path, down to `//host/:key`. */
function npmAuthorization(registry: string, get: (key: string) => string | undefined): string | undefined {
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
