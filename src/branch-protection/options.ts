import os from 'node:os';
import path from 'node:path';
import { ConfigurationError } from '../core/errors.js';
import type { GateContext, GateSettings } from '../core/gate.js';
import { CLASSIC_ONLY_SETTINGS, RULESET_ONLY_SETTINGS, type ProtectionState } from './protection.js';

export type Mode = 'plan' | 'check' | 'apply' | 'restore';
export type ProtectionApi = 'classic' | 'rulesets';

/** A configured branch as written in the config: `required-checks` may still say `auto`. */
export type ConfiguredBranch = Partial<Omit<ProtectionState, 'required-checks' | 'bypass-actors'>> & {
  name: string;
  'required-checks'?: string[] | 'auto';
  /** Teams by slug, resolved to ids against the repository's owner. */
  'bypass-actors'?: ConfiguredActor[];
  /** Branches the name's pattern (or ~DEFAULT_BRANCH) would match that are left out. */
  exclude?: string[];
};

/** One bypass actor as the config names it: exactly one of role, team, app or deploy-keys. */
export interface ConfiguredActor {
  role?: 'maintain' | 'write';
  team?: string;
  app?: number;
  'deploy-keys'?: boolean;
  mode?: 'always' | 'pull_request';
}

export interface BranchProtectionOptions {
  mode: Mode;
  api: ProtectionApi;
  repo?: string;
  repositories: string[];
  org?: string;
  nameFilter?: RegExp;
  topic?: string;
  shard?: { index: number; count: number };
  concurrency: number;
  prune: boolean;
  allowWeaken: boolean;
  /** Write even a protection the lock-out guard finds no pull request could merge under. */
  acceptLockout: boolean;
  appId: number;
  backupPath: string;
  branches: ConfiguredBranch[];
  /** Tag patterns protected by rulesets of `target: tag`. */
  tags: ConfiguredBranch[];
}

/** What a tag rule can say: no checks, reviews or merge settings, as tags take no pull requests. */
const TAG_SETTINGS = new Set(['name', 'exclude', 'allow-deletions', 'allow-force-pushes', 'signed-commits', 'lock-branch', 'enforce-admins', 'bypass-actors', 'enforcement']);

function checkActors(entry: ConfiguredBranch, section: string): void {
  for (const [index, actor] of (entry['bypass-actors'] ?? []).entries()) {
    const kinds = (['role', 'team', 'app', 'deploy-keys'] as const).filter((kind) => actor[kind] !== undefined);
    if (kinds.length !== 1) throw new ConfigurationError(`branch-protection.${section}: ${entry.name} bypass-actors[${index}] names ${kinds.length === 0 ? 'no actor' : `${kinds.join(' and ')}`}; give exactly one of role, team, app or deploy-keys (admins are enforce-admins: false)`);
  }
}

/** Settings (validated and defaulted by the schema) as typed options; what the schema cannot say is checked here. */
export function parseOptions(settings: GateSettings, context: GateContext): BranchProtectionOptions {
  // The config keys of a branch are the setting names of ProtectionState.
  const branches = settings.branches as ConfiguredBranch[];
  const tags = (settings.tags as ConfiguredBranch[] | undefined) ?? [];
  for (const tag of tags) {
    if (settings.api !== 'rulesets') throw new ConfigurationError(`branch-protection.tags: ${tag.name} needs api: rulesets (classic protection has no tag rules); set api: rulesets or remove tags`);
    const unsupported = Object.keys(tag).find((key) => !TAG_SETTINGS.has(key));
    if (unsupported) throw new ConfigurationError(`branch-protection.tags: ${tag.name} sets ${unsupported}, which a tag cannot take (tags take no pull requests); use allow-deletions, allow-force-pushes, signed-commits, lock-branch, enforce-admins, bypass-actors or enforcement`);
    if (Object.keys(tag).every((key) => key === 'name' || key === 'exclude')) throw new ConfigurationError(`branch-protection.tags: ${tag.name} sets no protection setting, so there is nothing to check; add one (e.g. allow-deletions: false)`);
    checkActors(tag, 'tags');
  }
  // A restore replays the branches of the backup file; it needs none configured.
  if (branches.length === 0 && tags.length === 0 && settings.mode !== 'restore') {
    throw new ConfigurationError('branch-protection.branches is empty, so there is nothing to check; list the branches to protect in the config file (e.g. `branches: [{name: main, required-reviews: 1}]`)');
  }
  const names = new Set<string>();
  for (const branch of branches) {
    if (names.has(branch.name)) throw new ConfigurationError(`branch-protection.branches: ${branch.name} is listed twice; merge its settings into one entry`);
    // An entry with no setting compares nothing, and would pass having checked nothing.
    if (Object.keys(branch).every((key) => key === 'name' || key === 'exclude')) throw new ConfigurationError(`branch-protection.branches: ${branch.name} sets no protection setting, so there is nothing to check; add one (e.g. required-reviews: 1)`);
    names.add(branch.name);
    checkActors(branch, 'branches');
    const rulesetOnly = RULESET_ONLY_SETTINGS.find((setting) => branch[setting] !== undefined);
    if (rulesetOnly && settings.api !== 'rulesets') throw new ConfigurationError(`branch-protection.branches: ${branch.name} sets ${rulesetOnly}, which classic branch protection cannot hold; set api: rulesets or remove it`);
    const allowances = branch['push-restrictions'];
    // A list left out of push-restrictions allows nobody of that kind.
    if (allowances) branch['push-restrictions'] = { users: allowances.users ?? [], teams: allowances.teams ?? [], apps: allowances.apps ?? [] };
    const classicOnly = CLASSIC_ONLY_SETTINGS.find((setting) => branch[setting] !== undefined);
    if (classicOnly && settings.api === 'rulesets') throw new ConfigurationError(`branch-protection.branches: ${branch.name} sets ${classicOnly}, which a ruleset cannot hold (use lock-branch with bypass-actors); set api: classic or remove it`);
  }
  const backupPath = typeof settings['backup-path'] === 'string' && settings['backup-path']
    ? path.resolve(context.cwd, settings['backup-path'])
    : path.join(context.env.RUNNER_TEMP || os.tmpdir(), 'readiness-gates', 'branch-protection-backup.jsonl');
  return {
    mode: settings.mode as Mode,
    api: settings.api as ProtectionApi,
    repo: settings.repo as string | undefined,
    repositories: (settings.repositories as string[] | undefined) ?? [],
    org: (settings.org as string | undefined) || undefined,
    nameFilter: parseNameFilter(settings['name-filter'] as string | undefined),
    topic: (settings.topic as string | undefined) || undefined,
    shard: parseShard(settings.shard as string | undefined),
    concurrency: settings.concurrency as number,
    prune: settings.prune as boolean,
    allowWeaken: settings['allow-weaken'] as boolean,
    acceptLockout: settings['accept-lockout'] as boolean,
    appId: settings['app-id'] as number,
    backupPath,
    branches,
    tags,
  };
}

function parseNameFilter(value: string | undefined): RegExp | undefined {
  if (!value) return undefined;
  try {
    return new RegExp(value);
  } catch (error) {
    throw new ConfigurationError(`name-filter: ${JSON.stringify(value)} is not a regular expression (${(error as Error).message}); fix the pattern`);
  }
}

function parseShard(value: string | undefined): { index: number; count: number } | undefined {
  if (!value) return undefined;
  const [index, count] = value.split('/').map(Number) as [number, number];
  if (count < 1 || index < 1 || index > count) throw new ConfigurationError(`shard: "${value}" is not a slice; use i/n with 1 ≤ i ≤ n, e.g. 1/4`);
  return { index, count };
}

/**
 * The repositories of one shard: the list sorted case-insensitively, then every n-th from i, so
 * each job of a matrix gets the same slice however the list was gathered.
 */
export function selectShard(repositories: string[], shard: { index: number; count: number } | undefined): string[] {
  const sorted = [...new Set(repositories)].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase()) || a.localeCompare(b));
  if (!shard) return sorted;
  return sorted.filter((_, position) => position % shard.count === shard.index - 1);
}
