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
];

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
  };
}

/** The settings that hold a list, which the planner merges name by name. */
export type ListSetting = 'required-checks' | 'required-deployments' | 'bypass-actors';
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

type Json = Record<string, unknown>;

function asObject(value: unknown): Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : {};
}

function enabled(value: unknown): boolean {
  return asObject(value).enabled === true;
}

/**
 * The classic GET answer: `{enabled}` objects, url fields, user/team/app objects and checks
 * listed twice (`contexts` and `checks`) become the plain state.
 */
export function fromClassicProtection(raw: unknown): ProtectionState {
  const protection = asObject(raw);
  const state = unprotectedState();
  const statusChecks = protection.required_status_checks;
  if (statusChecks) {
    const checks = asObject(statusChecks);
    const detailed = Array.isArray(checks.checks) ? checks.checks.map(asObject) : [];
    const contexts = Array.isArray(checks.contexts) ? checks.contexts.map(String) : [];
    const required: RequiredCheck[] = detailed.map((check) => ({ context: String(check.context), appId: typeof check.app_id === 'number' ? check.app_id : null }));
    for (const context of contexts) if (!required.some((check) => check.context === context)) required.push({ context, appId: null });
    state['required-checks'] = required;
    state.strict = checks.strict === true;
  }
  const reviews = protection.required_pull_request_reviews;
  if (reviews) {
    const review = asObject(reviews);
    state['required-reviews'] = typeof review.required_approving_review_count === 'number' ? review.required_approving_review_count : 0;
    state['code-owner-reviews'] = review.require_code_owner_reviews === true;
    state['dismiss-stale-reviews'] = review.dismiss_stale_reviews === true;
    state['require-last-push-approval'] = review.require_last_push_approval === true;
  }
  state['enforce-admins'] = enabled(protection.enforce_admins);
  state['linear-history'] = enabled(protection.required_linear_history);
  state['conversation-resolution'] = enabled(protection.required_conversation_resolution);
  state['allow-force-pushes'] = enabled(protection.allow_force_pushes);
  state['allow-deletions'] = enabled(protection.allow_deletions);
  state['signed-commits'] = enabled(protection.required_signatures);
  state['lock-branch'] = enabled(protection.lock_branch);
  state.enforcement = 'active';
  return state;
}

/** Ruleset rules without parameters, each the value one setting takes while the rule is present. */
const FLAG_RULES: ReadonlyArray<readonly [type: string, setting: 'allow-force-pushes' | 'allow-deletions' | 'linear-history' | 'signed-commits' | 'lock-branch', whenPresent: boolean]> = [
  ['non_fast_forward', 'allow-force-pushes', false],
  ['deletion', 'allow-deletions', false],
  ['required_linear_history', 'linear-history', true],
  ['required_signatures', 'signed-commits', true],
  ['update', 'lock-branch', true],
];

/**
 * The parameters of a new `merge_queue` rule: GitHub's defaults in the settings page. A queue
 * the ruleset already has keeps its own.
 */
const MERGE_QUEUE_DEFAULTS = {
  check_response_timeout_minutes: 60,
  grouping_strategy: 'ALLGREEN',
  max_entries_to_build: 5,
  max_entries_to_merge: 5,
  merge_method: 'MERGE',
  min_entries_to_merge: 1,
  min_entries_to_merge_wait_minutes: 5,
};

/**
 * Rules, as a ruleset holds them or as the effective rules of a branch list them. `bypass`
 * says whether admins may bypass (a ruleset's bypass actors); effective rules do not say, so
 * they never claim `enforce-admins`.
 */
export function fromRules(rules: unknown, adminsEnforced = false, enforcement: Enforcement = 'disabled'): ProtectionState {
  const state = unprotectedState();
  state['enforce-admins'] = adminsEnforced;
  state.enforcement = enforcement;
  for (const rule of Array.isArray(rules) ? rules.map(asObject) : []) {
    const parameters = asObject(rule.parameters);
    switch (rule.type) {
      case 'pull_request':
        state['required-reviews'] = Math.max(state['required-reviews'] ?? 0, Number(parameters.required_approving_review_count ?? 0));
        state['code-owner-reviews'] ||= parameters.require_code_owner_review === true;
        state['dismiss-stale-reviews'] ||= parameters.dismiss_stale_reviews_on_push === true;
        state['require-last-push-approval'] ||= parameters.require_last_push_approval === true;
        state['conversation-resolution'] ||= parameters.required_review_thread_resolution === true;
        break;
      case 'required_status_checks': {
        const checks = Array.isArray(parameters.required_status_checks) ? parameters.required_status_checks.map(asObject) : [];
        const merged = [...(state['required-checks'] ?? [])];
        for (const check of checks) {
          if (!merged.some((known) => known.context === check.context)) merged.push({ context: String(check.context), appId: typeof check.integration_id === 'number' ? check.integration_id : -1 });
        }
        state['required-checks'] = merged;
        state.strict ||= parameters.strict_required_status_checks_policy === true;
        break;
      }
      case 'merge_queue':
        state['merge-queue'] = true;
        break;
      case 'required_deployments': {
        const environments = Array.isArray(parameters.required_deployment_environments) ? parameters.required_deployment_environments.map(String) : [];
        state['required-deployments'] = [...new Set([...(state['required-deployments'] ?? []), ...environments])];
        break;
      }
      default: {
        const flag = FLAG_RULES.find(([type]) => type === rule.type);
        if (flag) (state as unknown as Record<Setting, boolean>)[flag[1]] = flag[2];
      }
    }
  }
  return state;
}

/** The repository role id of `admin`, the bypass actor that stands for "admins are not enforced". */
const ADMIN_ROLE_ID = 5;

function isAdminActor(actor: Json): boolean {
  return (actor.actor_type === 'RepositoryRole' && actor.actor_id === ADMIN_ROLE_ID) || actor.actor_type === 'OrganizationAdmin';
}

/** Whether a ruleset lets admins bypass it, the rulesets' way of not enforcing it for admins. */
export function adminsBypass(ruleset: unknown): boolean {
  const actors = asObject(ruleset).bypass_actors;
  return Array.isArray(actors) && actors.map(asObject).some(isAdminActor);
}

/** A ruleset's bypass actors other than admins: roles, teams, apps, deploy keys. */
export function otherBypassActors(ruleset: unknown): BypassActor[] {
  const actors = asObject(ruleset).bypass_actors;
  return (Array.isArray(actors) ? actors.map(asObject).filter((actor) => !isAdminActor(actor)) : []).map((actor) => ({
    type: actor.actor_type as BypassActor['type'],
    id: typeof actor.actor_id === 'number' ? actor.actor_id : null,
    mode: actor.bypass_mode === 'pull_request' ? 'pull_request' : 'always',
  }));
}

/** Logins, slugs: what the PUT takes for the user/team/app objects the GET returns. */
function actorNames(value: unknown): { users: string[]; teams: string[]; apps: string[] } | undefined {
  if (!value) return undefined;
  const actors = asObject(value);
  const names = (list: unknown, key: string): string[] => (Array.isArray(list) ? list.map((item) => String(asObject(item)[key])) : []);
  return { users: names(actors.users, 'login'), teams: names(actors.teams, 'slug'), apps: names(actors.apps, 'slug') };
}

function hasActors(actors: { users: string[]; teams: string[]; apps: string[] } | undefined): boolean {
  return actors !== undefined && actors.users.length + actors.teams.length + actors.apps.length > 0;
}

/** Whether the classic protection limits pushes to a list of nobody. */
export function restrictsPushesToNobody(raw: unknown): boolean {
  const restrictions = actorNames(asObject(raw).restrictions);
  return restrictions !== undefined && !hasActors(restrictions);
}

/**
 * The body of `PUT .../branches/{branch}/protection` for `target`. Whatever this gate does not
 * manage (push restrictions, dismissal restrictions, bypass allowances, lock and fork-sync flags)
 * is carried over from the current protection, so a write never drops it. Checks go as `checks`
 * only: the API refuses `contexts` and `checks` together.
 */
export function classicProtectionBody(target: ProtectionState, currentRaw: unknown): Json {
  const current = asObject(currentRaw);
  const currentReviews = asObject(current.required_pull_request_reviews);
  const reviews: Json | null = target['required-reviews'] === null ? null : {
    dismiss_stale_reviews: target['dismiss-stale-reviews'],
    require_code_owner_reviews: target['code-owner-reviews'],
    required_approving_review_count: target['required-reviews'],
    require_last_push_approval: target['require-last-push-approval'],
  };
  if (reviews) {
    const dismissal = actorNames(currentReviews.dismissal_restrictions);
    if (hasActors(dismissal)) reviews.dismissal_restrictions = dismissal;
    const bypass = actorNames(currentReviews.bypass_pull_request_allowances);
    if (hasActors(bypass)) reviews.bypass_pull_request_allowances = bypass;
  }
  const checks = target['required-checks'];
  return {
    required_status_checks: checks === null ? null : {
      strict: target.strict,
      checks: checks.map((check) => (check.appId === null ? { context: check.context } : { context: check.context, app_id: check.appId })),
    },
    enforce_admins: target['enforce-admins'],
    required_pull_request_reviews: reviews,
    restrictions: actorNames(current.restrictions) ?? null,
    required_linear_history: target['linear-history'],
    allow_force_pushes: target['allow-force-pushes'],
    allow_deletions: target['allow-deletions'],
    block_creations: enabled(current.block_creations),
    required_conversation_resolution: target['conversation-resolution'],
    lock_branch: target['lock-branch'],
    allow_fork_syncing: enabled(current.allow_fork_syncing),
  };
}

/** The name of the ruleset this gate owns for a branch or pattern; other rulesets are never touched. */
export function ownedRulesetName(branch: string): string {
  return `readiness-gates: ${branch}`;
}

/**
 * The body of a ruleset for `target`. Review settings and conversation resolution live in one
 * `pull_request` rule, so asking for any of them requires pull requests. Rules of types this gate
 * does not manage are carried over from the current ruleset.
 */
export function rulesetBody(branch: string, target: ProtectionState, currentRaw: unknown, exclude: string[] = []): Json {
  const current = asObject(currentRaw);
  const managed = new Set(['pull_request', 'required_status_checks', 'merge_queue', 'required_deployments', ...FLAG_RULES.map(([type]) => type)]);
  const rules: Json[] = [];
  const wantsPullRequest = target['required-reviews'] !== null || target['conversation-resolution'] || target['code-owner-reviews'] || target['dismiss-stale-reviews'] || target['require-last-push-approval'];
  if (wantsPullRequest) {
    rules.push({
      type: 'pull_request',
      parameters: {
        required_approving_review_count: target['required-reviews'] ?? 0,
        dismiss_stale_reviews_on_push: target['dismiss-stale-reviews'],
        require_code_owner_review: target['code-owner-reviews'],
        require_last_push_approval: target['require-last-push-approval'],
        required_review_thread_resolution: target['conversation-resolution'],
      },
    });
  }
  const checks = target['required-checks'];
  if (checks !== null) {
    rules.push({
      type: 'required_status_checks',
      parameters: {
        strict_required_status_checks_policy: target.strict,
        required_status_checks: checks.map((check) => (check.appId === null || check.appId === -1 ? { context: check.context } : { context: check.context, integration_id: check.appId })),
      },
    });
  }
  for (const [type, setting, whenPresent] of FLAG_RULES) if (target[setting] === whenPresent) rules.push({ type });
  if (target['merge-queue']) {
    const queue = (Array.isArray(current.rules) ? current.rules.map(asObject) : []).find((rule) => rule.type === 'merge_queue');
    rules.push({ type: 'merge_queue', parameters: queue?.parameters ?? MERGE_QUEUE_DEFAULTS });
  }
  const environments = target['required-deployments'];
  if (environments !== null) rules.push({ type: 'required_deployments', parameters: { required_deployment_environments: environments } });
  const carried = (Array.isArray(current.rules) ? current.rules.map(asObject) : []).filter((rule) => !managed.has(String(rule.type)));
  const otherActors = (target['bypass-actors'] ?? otherBypassActors(current)).map((actor) => ({ actor_id: actor.id, actor_type: actor.type, bypass_mode: actor.mode }));
  return {
    name: ownedRulesetName(branch),
    target: 'branch',
    // A new ruleset whose enforcement the config leaves open is enforced.
    enforcement: target.enforcement === 'disabled' ? 'active' : target.enforcement,
    bypass_actors: target['enforce-admins'] ? otherActors : [...otherActors, { actor_id: ADMIN_ROLE_ID, actor_type: 'RepositoryRole', bypass_mode: 'always' }],
    conditions: { ref_name: { include: [branch.startsWith('~') ? branch : `refs/heads/${branch}`], exclude: exclude.map((pattern) => `refs/heads/${pattern}`) } },
    rules: [...rules, ...carried],
  };
}

/** How a setting's value reads in a message. */
export function describeValue(setting: Setting, value: unknown): string {
  if (setting === 'required-checks') {
    const checks = value as RequiredCheck[] | null;
    return checks === null ? 'not required' : checks.length === 0 ? 'none' : checks.map((check) => check.context).join(', ');
  }
  if (setting === 'required-reviews') return value === null ? 'pull requests not required' : String(value);
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
