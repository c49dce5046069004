import { setTimeout as sleep } from 'node:timers/promises';
import { Agent, ProxyAgent, request, type Dispatcher } from 'undici';
import { ConfigurationError, EnvironmentError } from './errors.js';

/** Per attempt: a server that takes longer than this is taken as not answering. */
export const DEFAULT_TIMEOUT_MS = 10_000;
/** All attempts, waits and redirects together: a dead server fails within this (with room under 30 s for the rest of the run). */
export const DEFAULT_DEADLINE_MS = 25_000;
/** The longest Retry-After honoured; a longer one ends the retries (the deadline would pass anyway). */
const MAX_RETRY_AFTER_MS = 20_000;
const MAX_REDIRECTS = 5;

export interface HttpRequestOptions {
  method?: string;
  headers?: Record<string, string>;
  body?: Buffer | string;
  /** Per attempt; default DEFAULT_TIMEOUT_MS. */
  timeoutMs?: number;
  /** For the whole request with retries and redirects; default the larger of DEFAULT_DEADLINE_MS and timeoutMs. */
  deadlineMs?: number;
  /** Further attempts after a network error, a timeout, a 408, 429 or 5xx. */
  retries?: number;
  /** First back-off delay; doubles each attempt unless the server sends Retry-After. */
  backoffMs?: number;
  /** Names the service in errors, e.g. "the advisory endpoint". */
  service?: string;
  /** The setting that holds the URL, named in fixes (e.g. "`registry`"). */
  setting?: string;
  /** How to connect: a proxy or a custom CA (see network settings); default direct, Node's CAs. */
  dispatcher?: Dispatcher;
}

export interface HttpResponse {
  status: number;
  headers: Headers;
  body: Buffer;
  /** The URL that answered, after redirects. */
  url: string;
  /** Attempts made, the answered one included. */
  attempts: number;
}

const RETRYABLE_STATUS = new Set([408, 429, 500, 502, 503, 504]);
/** Headers that carry credentials: never sent on to another origin by a redirect. */
const CREDENTIAL_HEADERS = ['authorization', 'cookie', 'proxy-authorization'];

/**
 * One HTTP request with retries, redirects and a deadline. 307/308 re-send the method and body;
 * 301/302/303 are followed for GET only (for a POST they would silently drop the body); credentials
 * never follow a redirect to another origin. Network failures and timeouts that outlast the retries
 * become an EnvironmentError naming the service, the URL (credentials stripped), what happened and the
 * fix; any HTTP status is returned for the caller to judge, after retries for the transient ones.
 */
export async function httpRequest(url: string, options: HttpRequestOptions = {}): Promise<HttpResponse> {
  const retries = options.retries ?? 2;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const deadlineMs = options.deadlineMs ?? Math.max(DEFAULT_DEADLINE_MS, timeoutMs);
  const deadline = performance.now() + deadlineMs;
  const service = options.service ?? 'the server';
  const method = (options.method ?? 'GET').toUpperCase();
  const fail = (attempts: number, problem: string, fix: string) =>
    new EnvironmentError(`${service} at ${safeUrl(url)} could not be reached after ${attempts} attempt${attempts === 1 ? '' : 's'} (${problem}); ${fix}`);

  let lastProblem = { problem: '', fix: '' };
  for (let attempt = 0; attempt <= retries; attempt += 1) {
    const remaining = deadline - performance.now();
    if (remaining <= 0) throw fail(attempt, `${lastProblem.problem}; deadline of ${deadlineMs} ms reached`, lastProblem.fix);
    const attemptMs = Math.max(1, Math.floor(Math.min(timeoutMs, remaining)));
    let response: HttpResponse;
    try {
      response = { ...(await followRedirects(url, method, options, attemptMs, service)), attempts: attempt + 1 };
    } catch (error) {
      if (error instanceof EnvironmentError) throw error;
      lastProblem = describeNetworkError(error, attemptMs);
      if (attempt < retries) await waitWithin(deadline, backoff(options.backoffMs, attempt));
      continue;
    }
    if (RETRYABLE_STATUS.has(response.status) && attempt < retries) {
      lastProblem = { problem: `HTTP ${response.status}`, fix: 'retry later' };
      const asked = response.status === 429 || response.status === 503 ? retryAfterMs(response.headers) : undefined;
      if (asked !== undefined && (asked > MAX_RETRY_AFTER_MS || performance.now() + asked >= deadline)) {
        // The server's own wait outlasts what the gate may spend: answer now rather than sleep past the deadline.
        return response;
      }
      await waitWithin(deadline, asked ?? backoff(options.backoffMs, attempt));
      continue;
    }
    return response;
  }
  const spent = performance.now() >= deadline - 1 ? `; deadline of ${deadlineMs} ms reached` : '';
  throw fail(retries + 1, `${lastProblem.problem}${spent}`, lastProblem.fix);
}

/** One attempt: the request and the redirects it leads to, each bounded by the attempt's timeout. */
async function followRedirects(url: string, method: string, options: HttpRequestOptions, timeoutMs: number, service: string): Promise<HttpResponse> {
  const signal = AbortSignal.timeout(timeoutMs);
  let current = new URL(url);
  let headers = { ...options.headers };
  for (let hop = 0; ; hop += 1) {
    const answer = await request(current, {
      method: method as Dispatcher.HttpMethod,
      headers,
      body: method === 'GET' || method === 'HEAD' ? null : (options.body ?? null),
      signal,
      ...(options.dispatcher ? { dispatcher: options.dispatcher } : {}),
    });
    let body: Buffer;
    try {
      body = Buffer.from(await answer.body.arrayBuffer());
    } catch (error) {
      // The connection broke or timed out mid-body: a truncated download, retried like a network error.
      throw new IncompleteBody(error);
    }
    const responseHeaders = toHeaders(answer.headers);
    const location = responseHeaders.get('location');
    if (![301, 302, 303, 307, 308].includes(answer.statusCode) || !location) {
      return { status: answer.statusCode, headers: responseHeaders, body, url: current.toString(), attempts: 0 };
    }
    const target = new URL(location, current);
    const setting = options.setting ? `set ${options.setting} to the new address` : 'use the new address';
    if (answer.statusCode < 307 && method !== 'GET' && method !== 'HEAD') {
      throw new EnvironmentError(
        `${service} at ${safeUrl(current.toString())} answered the ${method} with HTTP ${answer.statusCode}, a redirect to ${safeUrl(target.toString())} that would drop the request body; ${setting}`,
      );
    }
    if (hop >= MAX_REDIRECTS) throw new EnvironmentError(`${service} at ${safeUrl(url)} redirected more than ${MAX_REDIRECTS} times (last to ${safeUrl(target.toString())}); ${setting}`);
    if (target.origin !== current.origin) headers = Object.fromEntries(Object.entries(headers).filter(([name]) => !CREDENTIAL_HEADERS.includes(name.toLowerCase())));
    current = target;
  }
}

class IncompleteBody extends Error {
  constructor(readonly reason: unknown) {
    super('response body incomplete');
  }
}

function toHeaders(raw: Record<string, string | string[] | undefined>): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(raw)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
  }
  return headers;
}

async function waitWithin(deadline: number, ms: number): Promise<void> {
  const wait = Math.max(0, Math.min(ms, deadline - performance.now()));
  if (wait > 0) await sleep(wait);
}

function backoff(base = 500, attempt: number): number {
  return base * 2 ** attempt;
}

/** Retry-After in seconds or as a date, in ms; undefined when absent or unreadable. */
export function retryAfterMs(headers: Headers): number | undefined {
  const value = headers.get('retry-after');
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

const CERTIFICATE_CODES = /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|UNABLE_TO_GET_ISSUER|ERR_TLS/;

/** What went wrong on the wire, and the fix for that kind of failure. */
function describeNetworkError(error: unknown, timeoutMs: number): { problem: string; fix: string } {
  if (error instanceof IncompleteBody) {
    const inner = describeNetworkError(error.reason, timeoutMs);
    return { problem: `response body incomplete: ${inner.problem}`, fix: inner.fix };
  }
  const message = error instanceof Error ? error.message : String(error);
  // undici reports a refused CONNECT as an abort: the proxy's answer, not a timeout.
  if (/proxy/i.test(message)) {
    return { problem: `proxy: ${message}`, fix: 'check the proxy address and its credentials (HTTPS_PROXY, https-proxy in .npmrc), and NO_PROXY' };
  }
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
    return { problem: `no answer within ${timeoutMs} ms`, fix: 'check that the server is up and reachable from the runner; behind a proxy, set HTTPS_PROXY or https-proxy in .npmrc' };
  }
  const cause = error as { code?: string; message?: string; cause?: { code?: string; message?: string } };
  const code = cause.code && cause.code !== 'UND_ERR_SOCKET' ? cause.code : (cause.cause?.code ?? cause.code);
  if (code && CERTIFICATE_CODES.test(code)) {
    return { problem: `TLS certificate not trusted: ${code}`, fix: 'point cafile in .npmrc (or NODE_EXTRA_CA_CERTS) at the CA bundle that signed it' };
  }
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return { problem: `${code}: host not found`, fix: 'check the URL; behind a proxy, set HTTPS_PROXY or https-proxy in .npmrc' };
  return { problem: code ?? message, fix: 'check the URL and the network, or retry later' };
}

/** How to reach servers, as the user's package manager is configured to. */
export interface NetworkSettings {
  /** Proxy for https URLs (npm's https-proxy, HTTPS_PROXY). */
  httpsProxy?: string;
  /** Proxy for http URLs (npm's proxy, HTTP_PROXY). */
  httpProxy?: string;
  /** Hosts reached directly: `host`, `.domain` / `domain` (and its subdomains), `host:port`, or `*`. */
  noProxy: string[];
  /** PEM certificates trusted instead of Node's own (npm's cafile/ca). */
  ca?: string[];
  strictSsl: boolean;
}

/**
 * A dispatcher for requests to `target` under these settings: undici's ProxyAgent (CONNECT
 * tunnelling for https) when a proxy applies, an Agent with the CAs when only TLS differs, and
 * undefined for a plain direct connection. The CA list applies to the target and to an https proxy.
 */
export function createDispatcher(target: string, network: NetworkSettings): Dispatcher | undefined {
  const url = new URL(target);
  const proxy = bypassesProxy(url, network.noProxy) ? undefined : url.protocol === 'https:' ? network.httpsProxy : network.httpProxy;
  const tls = { ...(network.ca ? { ca: network.ca } : {}), rejectUnauthorized: network.strictSsl };
  if (proxy) {
    let proxyUrl: URL;
    try {
      proxyUrl = new URL(/^[a-z]+:\/\//i.test(proxy) ? proxy : `http://${proxy}`);
    } catch {
      throw new ConfigurationError(`the proxy setting is not a URL (${proxy.length} characters); set HTTPS_PROXY or https-proxy to e.g. http://proxy.example.com:3128`);
    }
    return new ProxyAgent({ uri: proxyUrl.toString(), requestTls: tls, proxyTls: tls });
  }
  return network.ca || !network.strictSsl ? new Agent({ connect: tls }) : undefined;
}

function bypassesProxy(url: URL, noProxy: readonly string[]): boolean {
  const host = url.hostname.toLowerCase();
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  return noProxy.some((raw) => {
    const entry = raw.toLowerCase();
    if (entry === '*') return true;
    const [name, entryPort] = entry.split(':') as [string, string | undefined];
    if (entryPort && entryPort !== port) return false;
    const domain = name.replace(/^\*?\./, '');
    return host === domain || host.endsWith(`.${domain}`);
  });
}

/** The URL without user, password or query, fit for an error message. */
export function safeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.username = '';
    parsed.password = '';
    parsed.search = '';
    return parsed.toString();
  } catch {
    return '(invalid URL)';
  }
}
