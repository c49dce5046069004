import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ConfigurationError, EnvironmentError } from '../core/errors.js';
import { git, gitFailureReason, gitResult, isShallowRepository, listCommits, resolveCommits } from '../core/git.js';
import type { EventContext } from '../core/github-context.js';
import type { Logger } from '../core/logger.js';
import type { Level } from '../core/report.js';
import type { Scope } from './options.js';

const ZERO_SHA = /^0+$/;

/** What a scan covers. `commits` is `head` minus everything reachable from `exclude`. */
export type ScanTarget =
  | { kind: 'worktree'; description: string }
  | { kind: 'staged'; description: string }
  | { kind: 'history'; description: string }
  | {
      kind: 'commits';
      head: string;
      exclude: string[];
      /** Refspecs or commits to fetch when the clone lacks them. */
      fetch: string[];
      description: string;
      /**
       * How the file policy judges a dotenv file or key that was there before these commits: a
       * warning on a pull request (it did not bring it), an error on the default branch itself.
       */
      preExistingLevel: Level;
    }
  | { kind: 'nothing'; description: string };

/**
 * Decides from the scope setting and the triggering event what to scan. Pure: git is asked
 * nothing here; `prepareCommits` makes the chosen commits present afterwards.
 */
export function resolveScanRange(scope: Scope, since: string | undefined, event: Pick<EventContext, 'eventName' | 'payload'>, staged = false): ScanTarget {
  if (staged) {
    if (scope === 'history' || scope === 'range') throw new ConfigurationError(`staged scans the staged changes, not ${scope === 'history' ? 'the history' : 'a commit range'}; remove scope: ${scope} or staged`);
    return { kind: 'staged', description: 'the changes staged for the next commit' };
  }
  switch (scope) {
    case 'worktree':
      return { kind: 'worktree', description: 'the working tree' };
    case 'history':
      return { kind: 'history', description: 'the full history' };
    case 'range':
      if (!since) throw new ConfigurationError('scope "range" needs `since` (the ref to scan from, exclusive); set since, e.g. --since origin/main');
      return { kind: 'commits', head: 'HEAD', exclude: [since], fetch: [], description: `the commits ${since}..HEAD`, preExistingLevel: 'warning' };
    case 'auto':
      return targetForEvent(event.eventName, event.payload);
  }
}

/**
 * The code-scanning category of a scan: what part of the history its findings cover. An upload
 * replaces the previous analysis of its category, so a push scan (the pushed commits only) must
 * not share one with the full-history scan whose alerts it would otherwise close.
 */
export function scanCategory(target: ScanTarget, eventName: string): string {
  if (target.kind !== 'commits' && target.kind !== 'nothing') return target.kind;
  if (['pull_request', 'pull_request_target', 'merge_group'].includes(eventName)) return 'pull-request';
  return eventName === 'push' ? 'push' : 'range';
}

function targetForEvent(eventName: string, payload: Record<string, unknown>): ScanTarget {
  switch (eventName) {
    case 'pull_request':
    case 'pull_request_target': {
      const base = sha(payload, ['pull_request', 'base', 'sha'], eventName);
      const head = sha(payload, ['pull_request', 'head', 'sha'], eventName);
      const number = field(payload, ['pull_request', 'number']);
      return { kind: 'commits', head, exclude: [base], fetch: [base, head], description: `every commit of pull request #${String(number ?? '?')} (${short(base)}..${short(head)})`, preExistingLevel: 'warning' };
    }
    case 'merge_group': {
      const base = sha(payload, ['merge_group', 'base_sha'], eventName);
      const head = sha(payload, ['merge_group', 'head_sha'], eventName);
      return { kind: 'commits', head, exclude: [base], fetch: [base, head], description: `the merge group ${short(base)}..${short(head)}`, preExistingLevel: 'warning' };
    }
    case 'push':
      return targetForPush(payload);
    case 'schedule':
    case 'workflow_dispatch':
      return { kind: 'history', description: `the full history (${eventName} event)` };
    case '':
      // Outside GitHub Actions (the local CLI) there is no event: check the files as they are.
      return { kind: 'worktree', description: 'the working tree (no GitHub event)' };
    default:
      // An event that names no commits: scanning everything is the only answer that cannot miss one.
      return { kind: 'history', description: `the full history (${eventName} events name no commit range)` };
  }
}

function targetForPush(payload: Record<string, unknown>): ScanTarget {
  const after = sha(payload, ['after'], 'push');
  if (field(payload, ['deleted']) === true || ZERO_SHA.test(after)) {
    return { kind: 'nothing', description: 'nothing: the push deleted a ref' };
  }
  const before = field(payload, ['before']);
  const ref = field(payload, ['ref']);
  const defaultBranch = field(payload, ['repository', 'default_branch']);
  if (typeof before === 'string' && before && !ZERO_SHA.test(before)) {
    const onDefaultBranch = typeof defaultBranch === 'string' && ref === `refs/heads/${defaultBranch}`;
    return {
      kind: 'commits',
      head: after,
      exclude: [before],
      fetch: [before, after],
      description: `the pushed commits ${short(before)}..${short(after)}`,
      preExistingLevel: onDefaultBranch ? 'error' : 'warning',
    };
  }
  if (typeof defaultBranch !== 'string' || !defaultBranch) {
    throw new EnvironmentError('the push event payload has no repository.default_branch, so the commits of the new branch cannot be told apart; use scope: history');
  }
  if (ref === `refs/heads/${defaultBranch}`) {
    return { kind: 'commits', head: after, exclude: [], fetch: [after], description: `every commit of the new default branch ${defaultBranch}`, preExistingLevel: 'error' };
  }
  const remoteDefault = `refs/remotes/origin/${defaultBranch}`;
  return {
    kind: 'commits',
    head: after,
    exclude: [remoteDefault],
    fetch: [`+refs/heads/${defaultBranch}:${remoteDefault}`, after],
    description: `the commits of the new ref ${String(ref)} that are not on ${defaultBranch} (..${short(after)})`,
    preExistingLevel: 'warning',
  };
}

function field(payload: Record<string, unknown>, keys: readonly string[]): unknown {
  let value: unknown = payload;
  for (const key of keys) value = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
  return value;
}

function sha(payload: Record<string, unknown>, keys: readonly string[], eventName: string): string {
  const value = field(payload, keys);
  if (typeof value !== 'string' || !/^[0-9a-f]{40,64}$/i.test(value)) {
    throw new EnvironmentError(`the ${eventName} event payload has no commit at ${keys.join('.')}; the commit range cannot be known (set scope: history or worktree)`);
  }
  return value;
}

function short(commit: string): string {
  return commit.slice(0, 12);
}

const DEEPEN_STEPS = [50, 200, 1000, 5000];
const SHALLOW_FIX = 'set `fetch-depth: 0` on actions/checkout';

/**
 * Makes every commit of the target present with its parents, deepening a shallow clone as far
 * as needed. A range that cannot be completed is an error: a pass would cover unscanned commits.
 * Returns the number of commits the range holds.
 */
export async function prepareCommits(cwd: string, target: Extract<ScanTarget, { kind: 'commits' }>, log: Logger): Promise<number> {
  const needed = [...new Set([...target.fetch.map(fetchedRef), target.head, ...target.exclude])];
  let resolved = await resolveCommits(cwd, needed);
  const missing = target.fetch.filter((ref) => !resolved.get(fetchedRef(ref)));
  if (missing.length) {
    log.info(`fetching ${missing.join(', ')} from origin`);
    await fetchOrFail(cwd, ['fetch', '--no-tags', ...((await isShallowRepository(cwd)) ? [`--depth=${DEEPEN_STEPS[0]}`] : []), 'origin', ...missing], 'the commits of the range');
    resolved = await resolveCommits(cwd, needed);
  }
  for (const ref of [target.head, ...target.exclude]) {
    if (!resolved.get(ref)) throw new EnvironmentError(`${ref} is not in the repository; fetch it, or ${SHALLOW_FIX}`);
  }
  for (const depth of [...DEEPEN_STEPS, 'unshallow' as const]) {
    const [list, boundary] = await Promise.all([listCommits(cwd, target.head, target.exclude), shallowBoundary(cwd)]);
    if (!list.some((commit) => boundary.has(commit)) && (boundary.size === 0 || (await sharesHistory(cwd, target)))) return list.length;
    log.info(`the clone is shallow inside the range; deepening (${depth === 'unshallow' ? 'full history' : `${depth} commits`})`);
    await fetchOrFail(cwd, ['fetch', '--no-tags', depth === 'unshallow' ? '--unshallow' : `--deepen=${depth}`, 'origin'], 'more history');
  }
  const boundary = await shallowBoundary(cwd);
  if (boundary.size) throw new EnvironmentError(`the clone stays shallow inside the range ${target.description}; ${SHALLOW_FIX}`);
  return (await listCommits(cwd, target.head, target.exclude)).length;
}

/** Makes a shallow clone complete before a full-history scan. */
export async function prepareFullHistory(cwd: string, log: Logger): Promise<number> {
  if (await isShallowRepository(cwd)) {
    log.info('the clone is shallow; fetching the full history');
    await fetchOrFail(cwd, ['fetch', '--no-tags', '--unshallow', 'origin'], 'the full history');
  }
  return Number((await git(cwd, ['rev-list', '--count', '--all'])).trim());
}

/**
 * In a shallow clone, a base cut off above the fork point makes `head ^base` list old commits of
 * the base too; only once head and every excluded ref share a commit is the range exact.
 */
async function sharesHistory(cwd: string, target: Extract<ScanTarget, { kind: 'commits' }>): Promise<boolean> {
  for (const ref of target.exclude) {
    if ((await gitResult(cwd, ['merge-base', target.head, ref])).exitCode !== 0) return false;
  }
  return true;
}

function fetchedRef(ref: string): string {
  const colon = ref.indexOf(':');
  return colon === -1 ? ref : ref.slice(colon + 1);
}

async function fetchOrFail(cwd: string, args: string[], what: string): Promise<void> {
  const result = await gitResult(cwd, args);
  if (result.exitCode !== 0) {
    const reason = gitFailureReason(result.stderr, result.exitCode);
    throw new EnvironmentError(`could not fetch ${what} from origin (${reason}); ${SHALLOW_FIX}, or fetch them before the gate runs`);
  }
}

/** Commits whose parents a shallow clone cuts off; scanning one would diff it against nothing. */
async function shallowBoundary(cwd: string): Promise<Set<string>> {
  const file = path.resolve(cwd, (await git(cwd, ['rev-parse', '--git-path', 'shallow'])).trim());
  try {
    return new Set((await readFile(file, 'utf8')).split('\n').filter(Boolean));
  } catch (error) {
    // No shallow file: a complete clone. Any other failure must not be taken for one.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return new Set();
    throw new EnvironmentError(`cannot read ${file} to tell whether the clone is shallow: ${(error as Error).message}`);
  }
}
