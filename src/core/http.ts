import { setTimeout as sleep } from 'node:timers/promises';
import { EnvironmentError } from './errors.js';

export interface HttpRequestOptions {
  method?: string;
  headers?: Record<string, string>;
  body?: Buffer | string;
  /** Per attempt. */
  timeoutMs?: number;
  /** Further attempts after a network error, a timeout, a 429 or a 5xx. */
  retries?: number;
  /** First back-off delay; doubles each attempt unless the server sends Retry-After. */
  backoffMs?: number;
  /** Names the service in errors, e.g. "the advisory endpoint". */
  service?: string;
}

export interface HttpResponse {
  status: number;
  headers: Headers;
  body: Buffer;
  url: string;
}

const RETRYABLE_STATUS = new Set([408, 429, 500, 502, 503, 504]);

/**
 * One HTTP request with retries. Network failures and timeouts that outlast the retries become an
 * EnvironmentError naming the service and the URL (credentials stripped); any HTTP status is
 * returned for the caller to judge, after retries for the transient ones.
 */
export async function httpRequest(url: string, options: HttpRequestOptions = {}): Promise<HttpResponse> {
  const retries = options.retries ?? 2;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const service = options.service ?? 'the server';
  let lastProblem = '';
  for (let attempt = 0; attempt <= retries; attempt += 1) {
    let response: Response;
    try {
      response = await fetch(url, {
        method: options.method ?? 'GET',
        headers: options.headers,
        body: options.body,
        signal: AbortSignal.timeout(timeoutMs),
        redirect: 'follow',
      });
    } catch (error) {
      lastProblem = describeFetchError(error, timeoutMs);
      if (attempt < retries) await sleep(backoff(options.backoffMs, attempt));
      continue;
    }
    let body: Buffer;
    try {
      body = Buffer.from(await response.arrayBuffer());
    } catch (error) {
      // The connection broke or timed out mid-body: a truncated download, retried like a network error.
      lastProblem = `response body incomplete: ${describeFetchError(error, timeoutMs)}`;
      if (attempt < retries) await sleep(backoff(options.backoffMs, attempt));
      continue;
    }
    if (RETRYABLE_STATUS.has(response.status) && attempt < retries) {
      lastProblem = `HTTP ${response.status}`;
      await sleep(retryAfterMs(response.headers) ?? backoff(options.backoffMs, attempt));
      continue;
    }
    return { status: response.status, headers: response.headers, body, url: response.url || url };
  }
  throw new EnvironmentError(`${service} at ${safeUrl(url)} could not be reached after ${retries + 1} attempts (${lastProblem}); check the URL and the network, or retry later`);
}

function backoff(base = 500, attempt: number): number {
  return base * 2 ** attempt;
}

function retryAfterMs(headers: Headers): number | undefined {
  const value = headers.get('retry-after');
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.min(seconds, 60) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.min(Math.max(0, date - Date.now()), 60_000);
}

function describeFetchError(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) return `no answer within ${timeoutMs} ms`;
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
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
