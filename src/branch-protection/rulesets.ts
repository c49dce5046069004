/** Rulesets: their rules and bypass actors read into the common state, and the body written from it. */
import { asObject, unprotectedState, type BypassActor, type Enforcement, type Json, type ProtectionState, type Setting } from './protection.js';

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

/** The name of the ruleset this gate owns for a branch or pattern; other rulesets are never touched. */
export function ownedRulesetName(branch: string, kind: RefKind = 'branch'): string {
  return kind === 'tag' ? `readiness-gates: tag ${branch}` : `readiness-gates: ${branch}`;
}

/** What a ruleset of the gate protects: branches, or tags (`target: tag`, `refs/tags/…`). */
export type RefKind = 'branch' | 'tag';

/**
 * The body of a ruleset for `target`. Review settings and conversation resolution live in one
 * `pull_request` rule, so asking for any of them requires pull requests. Rules of types this gate
 * does not manage are carried over from the current ruleset.
 */
export function rulesetBody(branch: string, target: ProtectionState, currentRaw: unknown, exclude: string[] = [], kind: RefKind = 'branch'): Json {
  const prefix = kind === 'tag' ? 'refs/tags/' : 'refs/heads/';
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
    // A new queue under a linear history squashes: merge commits would be refused.
    rules.push({ type: 'merge_queue', parameters: queue?.parameters ?? { ...MERGE_QUEUE_DEFAULTS, merge_method: target['linear-history'] ? 'SQUASH' : 'MERGE' } });
  }
  const environments = target['required-deployments'];
  if (environments !== null) rules.push({ type: 'required_deployments', parameters: { required_deployment_environments: environments } });
  const carried = (Array.isArray(current.rules) ? current.rules.map(asObject) : []).filter((rule) => !managed.has(String(rule.type)));
  const otherActors = (target['bypass-actors'] ?? otherBypassActors(current)).map((actor) => ({ actor_id: actor.id, actor_type: actor.type, bypass_mode: actor.mode }));
  return {
    name: ownedRulesetName(branch, kind),
    target: kind,
    // A new ruleset whose enforcement the config leaves open is enforced.
    enforcement: target.enforcement === 'disabled' ? 'active' : target.enforcement,
    bypass_actors: target['enforce-admins'] ? otherActors : [...otherActors, { actor_id: ADMIN_ROLE_ID, actor_type: 'RepositoryRole', bypass_mode: 'always' }],
    conditions: { ref_name: { include: [branch.startsWith('~') ? branch : `${prefix}${branch}`], exclude: exclude.map((pattern) => `${prefix}${pattern}`) } },
    rules: [...rules, ...carried],
  };
}
