/**
 * One shape for branch protection, whichever API it comes from: the classic protection GET, a
 * ruleset, or the effective rules of a branch. Diffs and plans only ever see this shape.
 */

export const GITHUB_ACTIONS_APP_ID = 15368;

export interface RequiredCheck {
  context: string;
  /** The app that must report it; null lets GitHub pick (the classic API's `contexts`). -1 is any app. */
  appId: number | null;
}

export interface ProtectionState {
  /** null: status checks are not required at all. */
  'required-checks': RequiredCheck[] | null;
  strict: boolean;
  /** null: pull requests are not required; 0: a pull request without approvals. */
  'required-reviews': number | null;
  'code-owner-reviews': boolean;
  'dismiss-stale-reviews': boolean;
  'require-last-push-approval': boolean;
  'enforce-admins': boolean;
  'linear-history': boolean;
  'conversation-resolution': boolean;
  'allow-force-pushes': boolean;
  'allow-deletions': boolean;
  'signed-commits': boolean;
  /** The branch is read-only: classic `lock_branch`, a ruleset's `update` rule. */
  'lock-branch': boolean;
  /** Pull requests merge through a merge queue (rulesets only: a `merge_queue` rule). */
  'merge-queue': boolean;
  /** Environments a deployment must succeed to before merging (rulesets only); null: none required. */
  'required-deployments': string[] | null;
  /**
   * Whether the rules are enforced: `active`, `evaluate` (rulesets: a dry run that only reports),
   * `disabled` (nothing enforced). Classic protection is active once it exists.
   */
  enforcement: Enforcement;
  /**
   * Who may bypass a ruleset besides admins (admins are `enforce-admins`): repository roles,
   * teams, apps, each `always` or only through a `pull_request`. null where the source has none
   * to tell (classic protection, effective rules).
   */
  'bypass-actors': BypassActor[] | null;
  /** Who may push (classic only): users by login, teams and apps by slug; null: anyone with write access. */
  'push-restrictions': PushAllowances | null;
}

export interface PushAllowances {
  users: string[];
  teams: string[];
  apps: string[];
}

/** Every name of an allowance list, prefixed by its kind, for comparing and messages. */
export function allowanceNames(allowances: PushAllowances): string[] {
  return [...allowances.users.map((name) => `user ${name}`), ...allowances.teams.map((name) => `team ${name}`), ...allowances.apps.map((name) => `app ${name}`)];
}

export interface BypassActor {
  type: 'RepositoryRole' | 'Team' | 'Integration' | 'DeployKey';
  id: number | null;
  mode: 'always' | 'pull_request';
}

/** The ids GitHub gives its built-in repository roles in bypass lists (admin is enforce-admins). */
export const REPOSITORY_ROLE_IDS: Record<'maintain' | 'write', number> = { maintain: 2, write: 4 };

/** One text per actor, for comparing lists and for messages. */
export function describeActor(actor: BypassActor): string {
  const role = Object.entries(REPOSITORY_ROLE_IDS).find(([, id]) => id === actor.id)?.[0];
  const who = actor.type === 'RepositoryRole' ? `role ${role ?? actor.id}` : actor.type === 'Team' ? `team ${actor.id}` : actor.type === 'Integration' ? `app ${actor.id}` : 'deploy keys';
  return actor.mode === 'always' ? who : `${who} (pull requests)`;
}

export type Enforcement = 'active' | 'evaluate' | 'disabled';
const ENFORCEMENT_RANK: Record<Enforcement, number> = { disabled: 0, evaluate: 1, active: 2 };

export type Setting = keyof ProtectionState;

export const SETTINGS: readonly Setting[] = [
  'required-checks',
  'strict',
  'required-reviews',
  'code-owner-reviews',
  'dismiss-stale-reviews',
  'require-last-push-approval',
  'enforce-admins',
  'linear-history',
  'conversation-resolution',
  'allow-force-pushes',
  'allow-deletions',
  'signed-commits',
  'lock-branch',
  'merge-queue',
  'required-deployments',
  'enforcement',
  'bypass-actors',
  'push-restrictions',
];

/** Settings only classic protection holds (a ruleset restricts pushes with lock-branch and bypass-actors). */
export const CLASSIC_ONLY_SETTINGS: readonly Setting[] = ['push-restrictions'];

/** Settings only a ruleset can hold: the classic protection API has no field for them. */
export const RULESET_ONLY_SETTINGS: readonly Setting[] = ['merge-queue', 'required-deployments', 'enforcement', 'bypass-actors'];

/** Settings where `true` loosens the protection. */
const LOOSENING_FLAGS = new Set<Setting>(['allow-force-pushes', 'allow-deletions']);

/** A branch nobody protects: anyone with write access may push, force-push and delete. */
export function unprotectedState(): ProtectionState {
  return {
    'required-checks': null,
    strict: false,
    'required-reviews': null,
    'code-owner-reviews': false,
    'dismiss-stale-reviews': false,
    'require-last-push-approval': false,
    'enforce-admins': false,
    'linear-history': false,
    'conversation-resolution': false,
    'allow-force-pushes': true,
    'allow-deletions': true,
    'signed-commits': false,
    'lock-branch': false,
    'merge-queue': false,
    'required-deployments': null,
    enforcement: 'disabled',
    'bypass-actors': null,
    'push-restrictions': null,
  };
}

/** The settings that hold a list, which the planner merges name by name. */
export type ListSetting = 'required-checks' | 'required-deployments' | 'bypass-actors' | 'push-restrictions';
export type ScalarSetting = Exclude<Setting, ListSetting>;

/** -1 weaker, 0 same, 1 stronger: how `a` compares with `b` for a scalar setting. */
export function compareStrength(setting: ScalarSetting, a: boolean | number | string | null, b: boolean | number | string | null): number {
  if (setting === 'enforcement') return Math.sign(ENFORCEMENT_RANK[a as Enforcement] - ENFORCEMENT_RANK[b as Enforcement]);
  if (setting === 'required-reviews') return Math.sign((a === null ? -1 : Number(a)) - (b === null ? -1 : Number(b)));
  if (a === b) return 0;
  const stronger = LOOSENING_FLAGS.has(setting) ? a === false : a === true;
  return stronger ? 1 : -1;
}

/** The protection of a branch as the strongest of its sources (classic protection and every ruleset). */
export function strongestOf(states: ProtectionState[]): ProtectionState {
  const result = unprotectedState();
  for (const state of states) {
    for (const setting of SETTINGS) {
      if (setting === 'required-checks') {
        const checks = state['required-checks'];
        if (checks === null) continue;
        const merged = [...(result['required-checks'] ?? [])];
        for (const check of checks) if (!merged.some((known) => known.context === check.context)) merged.push(check);
        result['required-checks'] = merged;
      } else if (setting === 'push-restrictions') {
        if (state['push-restrictions'] !== null) result['push-restrictions'] = state['push-restrictions'];
      } else if (setting === 'bypass-actors') {
        // Only the gate's own ruleset tells its bypass actors; other sources say nothing.
        if (state['bypass-actors'] !== null) result['bypass-actors'] = [...(result['bypass-actors'] ?? []), ...state['bypass-actors']];
      } else if (setting === 'required-deployments') {
        const environments = state['required-deployments'];
        if (environments !== null) result['required-deployments'] = [...new Set([...(result['required-deployments'] ?? []), ...environments])];
      } else if (compareStrength(setting, state[setting], result[setting]) > 0) {
        (result as unknown as Record<Setting, unknown>)[setting] = state[setting];
      }
    }
  }
  return result;
}

export type Json = Record<string, unknown>;

export function asObject(value: unknown): Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : {};
}

/** How a setting's value reads in a message. */
export function describeValue(setting: Setting, value: unknown): string {
  if (setting === 'required-checks') {
    const checks = value as RequiredCheck[] | null;
    return checks === null ? 'not required' : checks.length === 0 ? 'none' : checks.map((check) => check.context).join(', ');
  }
  if (setting === 'required-reviews') return value === null ? 'pull requests not required' : String(value);
  if (setting === 'push-restrictions') {
    const allowances = value as PushAllowances | null;
    return allowances === null ? 'anyone with write access' : allowanceNames(allowances).length === 0 ? 'nobody' : allowanceNames(allowances).join(', ');
  }
  if (setting === 'bypass-actors') {
    const actors = value as BypassActor[] | null;
    return actors === null || actors.length === 0 ? 'nobody besides admins' : actors.map(describeActor).join(', ');
  }
  if (setting === 'required-deployments') {
    const environments = value as string[] | null;
    return environments === null || environments.length === 0 ? 'none' : environments.join(', ');
  }
  return String(value);
}
