/** Classic branch protection: its GET shape read into the common state, and the PUT body written from it. */
import { asObject, unprotectedState, type Json, type ProtectionState, type RequiredCheck } from './protection.js';

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
  state['push-restrictions'] = actorNames(protection.restrictions) ?? null;
  return state;
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

/**
 * The body of `PUT .../branches/{branch}/protection` for `target`. Whatever this gate does not
 * manage (dismissal restrictions, bypass allowances, lock and fork-sync flags)
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
    restrictions: target['push-restrictions'],
    required_linear_history: target['linear-history'],
    allow_force_pushes: target['allow-force-pushes'],
    allow_deletions: target['allow-deletions'],
    block_creations: enabled(current.block_creations),
    required_conversation_resolution: target['conversation-resolution'],
    lock_branch: target['lock-branch'],
    allow_fork_syncing: enabled(current.allow_fork_syncing),
  };
}
