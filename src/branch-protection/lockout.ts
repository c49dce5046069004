import type { ProtectionState, RequiredCheck } from './protection.js';

/**
 * What the guard asks about a repository, each answered only when a lock-out is possible, so a
 * write that raises nothing risky costs no request.
 */
export interface LockoutEvidence {
  /** Why nothing would report this check on pull requests into the branch, or undefined when something does. */
  missingProducer: (check: RequiredCheck) => Promise<string | undefined>;
  /** Why this check would never run in a merge queue, or undefined when it does (or cannot be known). */
  missingInMergeQueue: (check: RequiredCheck) => string | undefined;
  /** Why no pull request would be deployed to this environment, or undefined when one is. */
  missingDeployment: (environment: string) => Promise<string | undefined>;
  /**
   * Why none of the merge methods the repository allows could merge under these rules, or undefined:
   * a linear history forbids merge commits, and GitHub cannot sign the commits a rebase merge writes.
   */
  noMergeMethod: (rules: MergeRules) => Promise<string | undefined>;
  /** People who may approve a pull request (collaborators with write access); `atLeast` when the list was cut. */
  approvers: () => Promise<{ count: number; atLeast: boolean }>;
  /** Why code owner reviews could never be given (no CODEOWNERS file, or one that owns nothing), or undefined. */
  missingCodeOwners: () => Promise<string | undefined>;
}

/** The rules that rule out merge methods. */
export interface MergeRules {
  linear: boolean;
  signed: boolean;
}

/** The protection the write leaves, and what it carries besides the managed settings. */
export interface LockoutTarget {
  state: ProtectionState;
  /** Whether someone (admins, a bypass actor) can still merge past the rules. */
  bypassable: boolean;
  /** Why nobody may push to the branch (push restrictions to nobody, a locked branch, an `update` rule), or undefined. */
  pushBlocked?: string;
  /** Whether a merge queue (a `merge_queue` rule of any ruleset) serves the branch. */
  mergeQueue: boolean;
}

export interface Lockout {
  /** What would lock the branch, one sentence. */
  problem: string;
  /** How to avoid it. */
  fix: string;
}

/**
 * Every way the write would leave a branch that no pull request can merge, judged against what
 * the branch enforces now, so that a write is refused only for what it brings: a lock-out the
 * branch already has is not the write's doing. Nothing locks while someone can bypass.
 */
export async function findLockouts(before: LockoutTarget, after: LockoutTarget, evidence: LockoutEvidence): Promise<Lockout[]> {
  if (after.bypassable) return [];
  // Someone could bypass before: every rule is new to the people who relied on that.
  const newlyEnforced = before.bypassable;
  const lockouts: Lockout[] = [];
  const previous = new Set((before.state['required-checks'] ?? []).map((check) => check.context));
  const checks = (after.state['required-checks'] ?? []).filter((check) => newlyEnforced || !previous.has(check.context));
  for (const check of checks) {
    const missing = await evidence.missingProducer(check);
    if (missing !== undefined) lockouts.push({ problem: `required check ${check.context}: ${missing}`, fix: `make a workflow report ${check.context} on every pull request, or drop it from required-checks` });
  }
  if (after.mergeQueue) {
    for (const check of newlyEnforced || !before.mergeQueue ? after.state['required-checks'] ?? [] : checks) {
      const missing = evidence.missingInMergeQueue(check);
      if (missing !== undefined) lockouts.push({ problem: `the merge queue requires ${check.context}, but ${missing}`, fix: `add \`merge_group\` to the \`on:\` of the workflow that reports ${check.context}` });
    }
  }
  const previousEnvironments = new Set(before.state['required-deployments'] ?? []);
  for (const environment of after.state['required-deployments'] ?? []) {
    if (!newlyEnforced && previousEnvironments.has(environment)) continue;
    const missing = await evidence.missingDeployment(environment);
    if (missing !== undefined) lockouts.push({ problem: `a deployment to ${environment} would be required but ${missing}`, fix: `deploy every pull request to ${environment} (a job with \`environment: ${environment}\` on pull_request), or drop it from required-deployments` });
  }
  const rules: MergeRules = { linear: after.state['linear-history'] === true, signed: after.state['signed-commits'] === true };
  const newRule = (rules.linear && (newlyEnforced || !before.state['linear-history'])) || (rules.signed && (newlyEnforced || !before.state['signed-commits']));
  if (newRule) {
    const missing = await evidence.noMergeMethod(rules);
    if (missing !== undefined) lockouts.push({ problem: `${describeRules(rules)} would be required but ${missing}`, fix: mergeMethodFix(rules) });
  }
  const reviews = after.state['required-reviews'] ?? 0;
  if (reviews > 0 && (newlyEnforced || reviews > (before.state['required-reviews'] ?? 0))) {
    const { count, atLeast } = await evidence.approvers();
    // The author of a pull request cannot approve it, so a team of n can give n - 1 approvals.
    if (!atLeast && count - 1 < reviews) {
      lockouts.push({
        problem: `${reviews} approval${reviews === 1 ? '' : 's'} would be required but only ${count} ${count === 1 ? 'person has' : 'people have'} write access, and an author cannot approve their own pull request`,
        fix: `lower required-reviews to ${Math.max(0, count - 1)}, give more people write access, or set enforce-admins: false`,
      });
    }
  }
  if (after.state['code-owner-reviews'] && (newlyEnforced || !before.state['code-owner-reviews'])) {
    const missing = await evidence.missingCodeOwners();
    if (missing !== undefined) lockouts.push({ problem: `code owner reviews would be required but ${missing}`, fix: 'add a CODEOWNERS file that owns the code (.github/CODEOWNERS), or set code-owner-reviews: false' });
  }
  if (after.pushBlocked !== undefined && (newlyEnforced || before.pushBlocked === undefined)) {
    lockouts.push({ problem: `${after.pushBlocked}, so with nobody able to bypass, nobody could push or merge`, fix: 'allow someone to push (push restrictions, lock-branch: false), or set enforce-admins: false' });
  }
  return lockouts;
}

function describeRules(rules: MergeRules): string {
  return [rules.linear && 'linear history', rules.signed && 'signed commits'].filter(Boolean).join(' and ');
}

/** Squash merging satisfies both rules: GitHub signs the one commit it writes. */
function mergeMethodFix(rules: MergeRules): string {
  const allow = rules.signed ? 'allow squash merging' : 'allow squash or rebase merging';
  const drop = [rules.linear && 'linear-history: false', rules.signed && 'signed-commits: false'].filter(Boolean).join(' or ');
  return `${allow} in the repository settings, or set ${drop}`;
}
