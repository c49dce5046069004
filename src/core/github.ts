import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { Octokit } from '@octokit/rest';
import Bottleneck from 'bottleneck';
import { ConfigurationError } from './errors.js';
import type { Logger } from './logger.js';

const GitHubClient = Octokit.plugin(retry, throttling);
export type GitHubClient = InstanceType<typeof GitHubClient>;

const DEFAULT_API_URL = 'https://api.github.com';

export interface GitHubClientOptions {
  token: string;
  env: NodeJS.ProcessEnv;
  log: Logger;
  /** Retries after a rate limit or a 5xx before giving up. */
  retries?: number;
  userAgent?: string;
  /** Called for every HTTP request sent, retries included: request budgets and metrics. */
  onRequest?: (request: { method: string; url: string }) => void;
  /** Most seconds the client waits in total for rate limits over its life; past it a limited request fails. */
  maxRateLimitWaitSeconds?: number;
  /** Test seam: how the client waits out a `retry-after`. */
  sleep?: (milliseconds: number) => Promise<void>;
}

/** Five minutes of waiting for limits in one run: enough for secondary limits, not a job that hangs for an hour. */
const DEFAULT_RATE_LIMIT_WAIT_SECONDS = 300;

/**
 * GitHub asks for a second between writes, which the throttling plugin keeps by default.
 * RG_GITHUB_WRITE_INTERVAL_MS changes it, for a GHES with other limits or a local fake.
 */
function writeLimiter(env: NodeJS.ProcessEnv): Bottleneck.Group | undefined {
  const text = env.RG_GITHUB_WRITE_INTERVAL_MS?.trim();
  if (!text) return undefined;
  if (!/^\d+$/.test(text)) throw new ConfigurationError(`RG_GITHUB_WRITE_INTERVAL_MS: "${text}" is not a whole number of milliseconds`);
  return new Bottleneck.Group({ id: 'readiness-gates-write', maxConcurrent: 1, minTime: Number(text) });
}

/**
 * An Octokit with retry and throttling. The base URL comes from GITHUB_API_URL, which the runner
 * sets to the GHES API on GitHub Enterprise Server.
 */
export function createGitHubClient(options: GitHubClientOptions): GitHubClient {
  const retries = options.retries ?? 3;
  options.log.secret(options.token);
  const budget = new WaitBudget(options.maxRateLimitWaitSeconds ?? DEFAULT_RATE_LIMIT_WAIT_SECONDS);
  // A limit the throttling plugin waits out is granted only while the run's total wait allows it.
  const waitFor = (kind: string, retryAfter: number, request: { method: string; url: string }, retryCount: number): boolean => {
    if (retryCount >= retries || !budget.take(retryAfter)) return false;
    options.log.warning(`${kind} for ${request.method} ${request.url}; retrying in ${retryAfter}s`);
    return true;
  };
  return new GitHubClient({
    auth: options.token,
    baseUrl: (options.env.GITHUB_API_URL || DEFAULT_API_URL).replace(/\/+$/, ''),
    userAgent: options.userAgent ?? 'readiness-gates',
    // Octokit logs every failed request to the console by default, past the redactor and the
    // CLI's stderr; callers report failures themselves, so they only show with debugging on.
    log: {
      debug: (message: string) => options.log.debug(message),
      info: (message: string) => options.log.debug(message),
      warn: (message: string) => options.log.warning(message),
      error: (message: string) => options.log.debug(message),
    },
    // A 429 is answered below, honouring its retry-after; the retry plugin's fixed 1, 4, 9 s
    // back-off would ignore what GitHub asked for.
    retry: { retries, doNotRetry: [400, 401, 403, 404, 410, 422, 429, 451] },
    request: { fetch: retryAfterFetch(options, retries, budget) },
    throttle: {
      write: writeLimiter(options.env),
      onRateLimit: (retryAfter: number, request: { method: string; url: string }, _octokit: unknown, retryCount: number) => waitFor('rate limit reached', retryAfter, request, retryCount),
      onSecondaryRateLimit: (retryAfter: number, request: { method: string; url: string }, _octokit: unknown, retryCount: number) => waitFor('secondary rate limit', retryAfter, request, retryCount),
    },
  });
}

/** Seconds of waiting left to a client; each wait is granted whole or not at all. */
class WaitBudget {
  constructor(private left: number) {}

  take(seconds: number): boolean {
    if (seconds > this.left) return false;
    this.left -= seconds;
    return true;
  }
}

/**
 * Sends each request, counting it, and waits out a 429 as long as its `retry-after` says (a
 * bare 429 waits 1, 4, 9 s), within the client's total budget; the last 429 goes up as it came.
 */
function retryAfterFetch(options: GitHubClientOptions, retries: number, budget: WaitBudget): typeof fetch {
  const sleep = options.sleep ?? ((milliseconds: number) => new Promise<void>((resolve) => setTimeout(resolve, milliseconds)));
  return async (input, init) => {
    const method = init?.method ?? 'GET';
    const url = input instanceof Request ? input.url : String(input);
    for (let attempt = 0; ; attempt += 1) {
      options.onRequest?.({ method, url });
      const response = await fetch(input, init);
      if (response.status !== 429 || attempt >= retries) return response;
      const header = Number(response.headers.get('retry-after'));
      const seconds = Number.isFinite(header) && header >= 0 && response.headers.has('retry-after') ? Math.ceil(header) : (attempt + 1) ** 2;
      if (!budget.take(seconds)) return response;
      options.log.warning(`too many requests (429) for ${method} ${new URL(url).pathname}; retrying in ${seconds}s as GitHub asked`);
      await response.body?.cancel();
      await sleep(seconds * 1000);
    }
  };
}
