import { ConfigurationError, EnvironmentError } from '../core/errors.js';
import { gitResult, resolveCommit } from '../core/git.js';
import type { EventContext } from '../core/github-context.js';
import { parseLockfileText, type LoadedLockfile } from './lockfile.js';

/** What the pull request's base branch already installed, to judge only what the PR adds or changes. */
export interface Baseline {
  /** `name@version` of every package the base lockfile holds. */
  installed: Set<string>;
  /** For the log and messages: `the base commit 1a2b3c4`. */
  description: string;
}

const PULL_REQUEST_EVENTS = new Set(['pull_request', 'pull_request_target']);

/**
 * For `scope: changed` on a pull request: the base commit's version of the lockfile, read with git
 * and parsed like the head's. Undefined when the event is no pull request (push and schedule runs
 * judge everything). A base commit the clone lacks is an error with the fix: without it the gate
 * cannot tell old advisories from new ones, and must not guess.
 */
export async function readBaseline(cwd: string, lock: LoadedLockfile, event: Pick<EventContext, 'eventName' | 'payload'>): Promise<Baseline | undefined> {
  if (!PULL_REQUEST_EVENTS.has(event.eventName)) return undefined;
  const base = (event.payload.pull_request as { base?: { sha?: unknown } } | undefined)?.base?.sha;
  if (typeof base !== 'string' || !/^[0-9a-f]{7,64}$/i.test(base)) {
    throw new ConfigurationError(`scope: changed needs the pull request's base commit, but the ${event.eventName} event payload has no pull_request.base.sha; run the gate on pull_request events, or set scope: all`);
  }
  const short = base.slice(0, 7);
  if (!(await resolveCommit(cwd, base))) {
    throw new EnvironmentError(`scope: changed compares with the base commit ${short}, which this clone does not have; check out with fetch-depth: 0 (actions/checkout), or set scope: all`);
  }
  const shown = await gitResult(cwd, ['show', `${base}:./${lock.file}`]);
  if (shown.exitCode !== 0) {
    // The pull request adds the lockfile: everything in it is new.
    return { installed: new Set(), description: `the base commit ${short} (which has no ${lock.file})` };
  }
  const parsed = parseLockfileText(lock.file, shown.stdout, lock.format, lock.directory);
  return { installed: new Set(parsed.packages.map((pkg) => `${pkg.name}@${pkg.version}`)), description: `the base commit ${short}` };
}
