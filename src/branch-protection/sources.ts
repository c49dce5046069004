import { RepositoryAccessError, type RepositoryApi, type WriteRequest } from './api.js';
import { isBranchPattern } from './branches.js';
import type { LockoutTarget } from './lockout.js';
import type { BranchPlan } from './planner.js';
import { classicProtectionBody, fromClassicProtection } from './classic.js';
import { allowanceNames, unprotectedState, type ProtectionState } from './protection.js';
import { adminsBypass, fromRules, otherBypassActors, ownedRulesetName, rulesetBody, type RefKind } from './rulesets.js';

/** What the rest of the branch's protection (rulesets the gate does not own) enforces. */
export interface OtherSources {
  states: ProtectionState[];
  /** Whether one of them puts the branch behind a merge queue. */
  mergeQueue: boolean;
}

/** The gate's own source of protection for one branch, read, plus how to write and re-read it. */
export interface OwnedProtection {
  managed: ProtectionState;
  /** The API's answer, carried into writes and the backup; null when there is none yet. */
  raw: unknown;
  /** Read only when needed. */
  readOthers: () => Promise<OtherSources>;
  writes: (plan: BranchPlan) => WriteRequest[];
  /** The requests that bring back what was read; `createdId` names a ruleset the run created. */
  restore: (createdId: number | undefined) => WriteRequest[];
  reread: (createdId: number | undefined) => Promise<ProtectionState>;
  /** What the lock-out guard judges, for a state written over what was read. */
  lockoutTarget: (state: ProtectionState, others: OtherSources) => LockoutTarget;
}

async function readOtherRules(api: RepositoryApi, branch: string, ownId?: number): Promise<OtherSources> {
  // Effective rules need a branch name; for a pattern only the gate's own source is compared.
  if (isBranchPattern(branch)) return { states: [], mergeQueue: false };
  const rules = (await api.readEffectiveRules(branch)).filter((rule) => ownId === undefined || (rule as { ruleset_id?: number }).ruleset_id !== ownId);
  return { states: [fromRules(rules)], mergeQueue: rules.some((rule) => (rule as { type?: string }).type === 'merge_queue') };
}

export async function readClassic(api: RepositoryApi, branch: string): Promise<OwnedProtection> {
  const raw = await api.readClassicProtection(branch);
  const parameters = { branch };
  const protectionRoute = '/repos/{owner}/{repo}/branches/{branch}/protection';
  const signaturesRoute = `${protectionRoute}/required_signatures`;
  const put = (state: ProtectionState, from: unknown): WriteRequest => ({ method: 'PUT', route: protectionRoute, parameters, body: classicProtectionBody(state, from), purpose: `write the protection of ${branch}` });
  const signatures = (required: boolean): WriteRequest => ({ method: required ? 'POST' : 'DELETE', route: signaturesRoute, parameters, purpose: `${required ? 'require' : 'stop requiring'} signed commits on ${branch}` });
  const managed = raw === null ? unprotectedState() : fromClassicProtection(raw);
  return {
    managed,
    raw,
    readOthers: () => readOtherRules(api, branch),
    writes: (plan) => {
      const requests: WriteRequest[] = [];
      // The protection PUT does not carry signed commits, and they need a protected branch first.
      if (raw === null || plan.changes.some((change) => change.setting !== 'signed-commits')) requests.push(put(plan.target, raw));
      if (plan.changes.some((change) => change.setting === 'signed-commits')) requests.push(signatures(plan.target['signed-commits']));
      return requests;
    },
    restore: () => (raw === null
      ? [{ method: 'DELETE', route: protectionRoute, parameters, purpose: `remove the protection of ${branch}` }]
      : [put(managed, raw), signatures(managed['signed-commits'])]),
    reread: async () => {
      const after = await api.readClassicProtection(branch);
      return after === null ? unprotectedState() : fromClassicProtection(after);
    },
    lockoutTarget: (state, others) => ({
      state,
      bypassable: !state['enforce-admins'],
      pushBlocked: state['push-restrictions'] !== null && allowanceNames(state['push-restrictions']).length === 0 ? 'pushes are restricted to nobody' : state['lock-branch'] ? 'the branch is locked (lock-branch)' : undefined,
      mergeQueue: others.mergeQueue,
    }),
  };
}

/**
 * What a ruleset holds, with its enforcement: an `evaluate` ruleset's rules are read as written
 * (so a dry run compares them), its enforcement says they only report.
 */
export function rulesetState(ruleset: unknown): ProtectionState {
  const enforcement = (ruleset as { enforcement?: string }).enforcement;
  if (enforcement !== 'active' && enforcement !== 'evaluate') return unprotectedState();
  return { ...fromRules((ruleset as { rules?: unknown }).rules, !adminsBypass(ruleset), enforcement), 'bypass-actors': otherBypassActors(ruleset) };
}

/**
 * The gate's ruleset for a branch, pattern or ~DEFAULT_BRANCH; `ref` is the branch whose
 * effective rules stand for the others (~DEFAULT_BRANCH resolved), `exclude` what it leaves out.
 */
export async function readOwnedRuleset(api: RepositoryApi, branch: string, id: number | undefined, { exclude = [], ref = branch, kind = 'branch' }: { exclude?: string[]; ref?: string; kind?: RefKind } = {}): Promise<OwnedProtection> {
  const raw = id === undefined ? null : await api.readRuleset(id);
  const stateOf = rulesetState;
  const rulesetRoute = '/repos/{owner}/{repo}/rulesets';
  const write = (target: ProtectionState): WriteRequest => (id === undefined
    ? { method: 'POST', route: rulesetRoute, parameters: {}, body: rulesetBody(branch, target, raw, exclude, kind), purpose: `create ruleset ${ownedRulesetName(branch, kind)}` }
    : { method: 'PUT', route: `${rulesetRoute}/{ruleset_id}`, parameters: { ruleset_id: id }, body: rulesetBody(branch, target, raw, exclude, kind), purpose: `update ruleset ${ownedRulesetName(branch, kind)}` });
  return {
    managed: raw === null ? unprotectedState() : stateOf(raw),
    raw,
    // Effective rules are a branch's: a tag's ruleset is compared on its own.
    readOthers: () => (kind === 'tag' ? Promise.resolve({ states: [], mergeQueue: false }) : readOtherRules(api, ref, id)),
    writes: (plan) => [write(plan.target)],
    restore: (createdId) => {
      if (raw === null) return [{ method: 'DELETE', route: `${rulesetRoute}/{ruleset_id}`, parameters: { ruleset_id: createdId! }, purpose: `delete ruleset ${ownedRulesetName(branch, kind)}` }];
      const { name, target, enforcement, bypass_actors, conditions, rules } = raw as Record<string, unknown>;
      return [{ method: 'PUT', route: `${rulesetRoute}/{ruleset_id}`, parameters: { ruleset_id: id! }, body: { name, target, enforcement, bypass_actors, conditions, rules }, purpose: `restore ruleset ${ownedRulesetName(branch, kind)}` }];
    },
    reread: async (createdId) => {
      const rulesetId = createdId ?? id;
      if (rulesetId === undefined) throw new RepositoryAccessError('access/failed', `${api.fullName}: GitHub did not answer the id of the ruleset ${ownedRulesetName(branch, kind)} it created, so the write cannot be verified; check Settings → Rules`);
      return stateOf(await api.readRuleset(rulesetId));
    },
    // Bypass actors other than admins and rules the gate does not manage are carried over by every write.
    lockoutTarget: (state, others) => ({
      state,
      // Tags take no pull requests: nothing a tag rule does can stop one from merging.
      bypassable: kind === 'tag' || state.enforcement !== 'active' || !state['enforce-admins'] || (state['bypass-actors'] ?? otherBypassActors(raw)).length > 0,
      pushBlocked: state['lock-branch'] ? 'the ruleset restricts updates (lock-branch)' : undefined,
      mergeQueue: others.mergeQueue || state['merge-queue'],
    }),
  };
}
