import { describe, expect, it } from 'vitest';
import { planBranch } from '../../src/branch-protection/planner.js';
import { classicProtectionBody, fromClassicProtection } from '../../src/branch-protection/classic.js';
import { strongestOf, unprotectedState, type ProtectionState } from '../../src/branch-protection/protection.js';
import { fromRules, rulesetBody } from '../../src/branch-protection/rulesets.js';

describe('normalising the GET shapes', () => {
  it('reads classic protection with legacy contexts, enabled objects and actor objects', () => {
    const state = fromClassicProtection({
      url: 'u',
      required_status_checks: { url: 'u', strict: true, contexts: ['lint', 'legacy'], contexts_url: 'u', checks: [{ context: 'lint', app_id: 15368 }] },
      required_pull_request_reviews: { url: 'u', dismiss_stale_reviews: true, require_code_owner_reviews: false, required_approving_review_count: 2, dismissal_restrictions: { users: [{ login: 'a' }], teams: [], apps: [] } },
      enforce_admins: { url: 'u', enabled: true },
      required_signatures: { url: 'u', enabled: false },
      allow_force_pushes: { enabled: false },
      allow_deletions: { enabled: true },
    });
    expect(state).toMatchObject({
      'required-checks': [{ context: 'lint', appId: 15368 }, { context: 'legacy', appId: null }],
      strict: true,
      'required-reviews': 2,
      'dismiss-stale-reviews': true,
      'enforce-admins': true,
      'allow-force-pushes': false,
      'allow-deletions': true,
      'linear-history': false,
    });
  });

  it('writes checks only as `checks`, carrying over what the gate does not manage', () => {
    const current = {
      required_pull_request_reviews: { required_approving_review_count: 1, dismissal_restrictions: { users: [{ login: 'lead', id: 1 }], teams: [{ slug: 'core', id: 2 }], apps: [] } },
      restrictions: { users: [], teams: [{ slug: 'release', id: 3 }], apps: [{ slug: 'bot', id: 4 }] },
      lock_branch: { enabled: true },
    };
    const body = classicProtectionBody({ ...fromClassicProtection(current), 'required-checks': [{ context: 'lint', appId: null }, { context: 'test', appId: -1 }] }, current);
    expect(body.required_status_checks).toEqual({ strict: false, checks: [{ context: 'lint' }, { context: 'test', app_id: -1 }] });
    expect(body.restrictions).toEqual({ users: [], teams: ['release'], apps: ['bot'] });
    expect((body.required_pull_request_reviews as Record<string, unknown>).dismissal_restrictions).toEqual({ users: ['lead'], teams: ['core'], apps: [] });
    expect(body.lock_branch).toBe(true);
  });

  it('reads back from a ruleset exactly what it writes into one', () => {
    const strong: ProtectionState = {
      'required-checks': [{ context: 'lint', appId: 15368 }], strict: true, 'required-reviews': 2, 'code-owner-reviews': true, 'dismiss-stale-reviews': true,
      'require-last-push-approval': true, 'enforce-admins': true, 'linear-history': true, 'conversation-resolution': true,
      'allow-force-pushes': false, 'allow-deletions': false, 'signed-commits': true, 'lock-branch': true, 'merge-queue': true, 'required-deployments': ['staging'],
      enforcement: 'evaluate', 'bypass-actors': null, 'push-restrictions': null,
    };
    // A state that enforces nothing is written as an active ruleset without rules.
    for (const state of [strong, { ...unprotectedState(), enforcement: 'active' as const }]) {
      const body = rulesetBody('main', state, null);
      expect(body.enforcement).toBe(state.enforcement);
      expect(fromRules(body.rules, state['enforce-admins'], state.enforcement)).toEqual(state);
    }
    expect(rulesetBody('main', strong, null).rules).toEqual(expect.arrayContaining([{ type: 'non_fast_forward' }, { type: 'deletion' }, { type: 'required_linear_history' }, { type: 'required_signatures' }]));
  });

  it('takes the strongest of several sources', () => {
    const fromRuleset = fromRules([{ type: 'pull_request', parameters: { required_approving_review_count: 2 } }, { type: 'non_fast_forward' }]);
    const classic = { ...unprotectedState(), 'required-reviews': 1, 'linear-history': true, 'allow-force-pushes': true };
    expect(strongestOf([classic, fromRuleset])).toMatchObject({ 'required-reviews': 2, 'linear-history': true, 'allow-force-pushes': false, 'enforce-admins': false });
  });
});

describe('planBranch', () => {
  const options = { prune: false, allowWeaken: false, appId: 15368 };

  it('asks for the containers of review flags and strict', () => {
    const plan = planBranch({ name: 'main', 'code-owner-reviews': true, strict: true }, unprotectedState(), unprotectedState(), options);
    expect(plan.changes.map((change) => change.setting)).toEqual(['strict', 'code-owner-reviews']);
    expect(plan.target).toMatchObject({ 'required-reviews': 0, 'required-checks': [], strict: true });
  });

  it('cannot weaken what another source enforces, and says so', () => {
    const effective = { ...unprotectedState(), 'linear-history': true };
    const plan = planBranch({ name: 'main', 'linear-history': false }, unprotectedState(), effective, { ...options, allowWeaken: true });
    expect(plan.changes).toEqual([]);
    expect(plan.kept[0]!.message).toBe("linear-history is true through a ruleset this gate does not own, stronger than the config's false");
  });
});
