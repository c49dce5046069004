import { readFileSync } from 'node:fs';
import { ConfigurationError, causeOf } from './errors.js';

// What the runner tells an action about its repository, token and event, without loading an API
// client: most gates never call the API.

/** The token from the input, else GITHUB_TOKEN, else GH_TOKEN (the gh CLI's variable). */
export function resolveToken(input: string | undefined, env: NodeJS.ProcessEnv): string | undefined {
  return [input, env.GITHUB_TOKEN, env.GH_TOKEN].map((value) => value?.trim()).find((value) => value) || undefined;
}

export function requireToken(token: string | undefined, purpose: string): string {
  if (!token) {
    throw new ConfigurationError(
      `no GitHub token for ${purpose}; set the \`token\` input (or GITHUB_TOKEN / GH_TOKEN for the CLI)`,
    );
  }
  return token;
}

/** What the runner says about the triggering event. */
export interface EventContext {
  eventName: string;
  payload: Record<string, unknown>;
  /** owner/name */
  repository?: string;
  sha?: string;
  ref?: string;
}

export function readEventContext(env: NodeJS.ProcessEnv): EventContext {
  let payload: Record<string, unknown> = {};
  if (env.GITHUB_EVENT_PATH) {
    try {
      payload = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8')) as Record<string, unknown>;
    } catch (error) {
      throw new ConfigurationError(
        `GITHUB_EVENT_PATH ${env.GITHUB_EVENT_PATH} is not a readable JSON event payload (${causeOf(error)})`,
      );
    }
  }
  return {
    eventName: env.GITHUB_EVENT_NAME ?? '',
    payload,
    repository: env.GITHUB_REPOSITORY || undefined,
    sha: env.GITHUB_SHA || undefined,
    ref: env.GITHUB_REF || undefined,
  };
}
