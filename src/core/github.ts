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
}

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
  const { onRequest } = options;
  options.log.secret(options.token);
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
    retry: { retries },
    request: onRequest ? { fetch: countingFetch(onRequest) } : undefined,
    throttle: {
      write: writeLimiter(options.env),
      onRateLimit: (retryAfter: number, request: { method: string; url: string }, _octokit: unknown, retryCount: number) => {
        options.log.warning(`rate limit reached for ${request.method} ${request.url}; retrying in ${retryAfter}s`);
        return retryCount < retries;
      },
      onSecondaryRateLimit: (retryAfter: number, request: { method: string; url: string }, _octokit: unknown, retryCount: number) => {
        options.log.warning(`secondary rate limit for ${request.method} ${request.url}; retrying in ${retryAfter}s`);
        return retryCount < retries;
      },
    },
  });
}

function countingFetch(onRequest: NonNullable<GitHubClientOptions['onRequest']>): typeof fetch {
  return (input, init) => {
    onRequest({ method: init?.method ?? 'GET', url: input instanceof Request ? input.url : String(input) });
    return fetch(input, init);
  };
}
