import { SETTINGS, allowanceNames, compareStrength, describeActor, describeValue, type BypassActor, type ProtectionState, type PushAllowances, type RequiredCheck, type Setting } from './protection.js';

/** The settings of one configured branch; an absent setting is left as it is. */
export type BranchPolicy = Partial<Omit<ProtectionState, 'required-checks'>> & {
  name: string;
  /** Resolved names (`auto` already derived from the workflows). */
  'required-checks'?: string[];
};

export interface PlanOptions {
  prune: boolean;
  allowWeaken: boolean;
  /** App id given to checks the plan adds. */
  appId: number;
}

export interface Change {
  setting: Setting;
  /** The effective value now (every source). */
  from: unknown;
  /** The value the gate will write. */
  to: unknown;
  weakens: boolean;
}

/** A setting where the branch is stronger than the config, left as it is. */
export interface Kept {
  setting: Setting;
  message: string;
}

export interface BranchPlan {
  /** What the gate's own source (classic protection or its ruleset) should hold. */
  target: ProtectionState;
  changes: Change[];
  kept: Kept[];
}

/**
 * The one planner behind plan, check and apply. Compares the config with the effective
 * protection (so what a ruleset already enforces is not drift) and merges over the gate's own
 * source: checks are only added and protections only raised unless `prune` / `allow-weaken`.
 */
export function planBranch(policy: BranchPolicy, managed: ProtectionState, effective: ProtectionState, options: PlanOptions): BranchPlan {
  const target: ProtectionState = structuredClone(managed);
  const changes: Change[] = [];
  const kept: Kept[] = [];
  for (const setting of SETTINGS) {
    if (setting === 'required-checks') {
      const wanted = policy['required-checks'];
      if (wanted !== undefined) planChecks(wanted, managed, effective, options, target, changes, kept);
      continue;
    }
    if (setting === 'push-restrictions') {
      const wanted = policy['push-restrictions'];
      if (wanted !== undefined && wanted !== null) planPushRestrictions(wanted, managed, options, target, changes, kept);
      continue;
    }
    if (setting === 'bypass-actors') {
      const wanted = policy['bypass-actors'];
      if (wanted !== undefined && wanted !== null) planBypass(wanted, managed, options, target, changes, kept);
      continue;
    }
    if (setting === 'required-deployments') {
      const wanted = policy['required-deployments'];
      if (wanted !== undefined && wanted !== null) planDeployments(wanted, managed, effective, options, target, changes, kept);
      continue;
    }
    const desired = policy[setting];
    if (desired === undefined) continue;
    const now = effective[setting];
    const strength = compareStrength(setting, desired, now);
    if (strength === 0) continue;
    if (strength > 0) {
      (target as unknown as Record<Setting, unknown>)[setting] = desired;
      changes.push({ setting, from: now, to: desired, weakens: false });
    } else if (options.allowWeaken && compareStrength(setting, desired, managed[setting]) < 0) {
      (target as unknown as Record<Setting, unknown>)[setting] = desired;
      changes.push({ setting, from: now, to: desired, weakens: true });
    } else {
      kept.push({
        setting,
        message: compareStrength(setting, desired, managed[setting]) < 0
          ? `${setting} is ${describeValue(setting, now)}, stronger than the config's ${describeValue(setting, desired)}; kept (set allow-weaken: true to lower it)`
          : `${setting} is ${describeValue(setting, now)} through a ruleset this gate does not own, stronger than the config's ${describeValue(setting, desired)}`,
      });
    }
  }
  // Review flags live inside the pull-request rule and strict inside the checks: asking for
  // one means requiring the container, or the API has nowhere to put it.
  const reviewFlags = target['code-owner-reviews'] || target['dismiss-stale-reviews'] || target['require-last-push-approval'];
  if (reviewFlags && target['required-reviews'] === null) target['required-reviews'] = 0;
  if (target.strict && target['required-checks'] === null) target['required-checks'] = [];
  return { target, changes, kept };
}

function planChecks(wanted: string[], managed: ProtectionState, effective: ProtectionState, options: PlanOptions, target: ProtectionState, changes: Change[], kept: Kept[]): void {
  const effectiveChecks = effective['required-checks'] ?? [];
  const managedChecks = managed['required-checks'] ?? [];
  const missing = wanted.filter((name) => !effectiveChecks.some((check) => check.context === name));
  const extra = managedChecks.filter((check) => !wanted.includes(check.context));
  const pruned = options.prune ? extra : [];
  if (extra.length > 0 && !options.prune) {
    kept.push({ setting: 'required-checks', message: `also requires ${extra.map((check) => check.context).join(', ')}, which the config does not list; kept (set prune: true to remove)` });
  }
  if (missing.length === 0 && pruned.length === 0) return;
  const next: RequiredCheck[] = [
    ...managedChecks.filter((check) => !pruned.includes(check)),
    ...missing.map((context) => ({ context, appId: options.appId })),
  ];
  target['required-checks'] = next;
  changes.push({ setting: 'required-checks', from: effective['required-checks'], to: next, weakens: pruned.length > 0 });
}

/** Like checks: environments are only added, and one the config does not list is kept unless `prune`. */
function planDeployments(wanted: string[], managed: ProtectionState, effective: ProtectionState, options: PlanOptions, target: ProtectionState, changes: Change[], kept: Kept[]): void {
  const now = effective['required-deployments'] ?? [];
  const owned = managed['required-deployments'] ?? [];
  const missing = wanted.filter((environment) => !now.includes(environment));
  const extra = owned.filter((environment) => !wanted.includes(environment));
  if (extra.length > 0 && !options.prune) kept.push({ setting: 'required-deployments', message: `also requires deployments to ${extra.join(', ')}, which the config does not list; kept (set prune: true to remove)` });
  const pruned = options.prune ? extra : [];
  if (missing.length === 0 && pruned.length === 0) return;
  const next = [...owned.filter((environment) => !pruned.includes(environment)), ...missing];
  target['required-deployments'] = next;
  changes.push({ setting: 'required-deployments', from: effective['required-deployments'], to: next, weakens: pruned.length > 0 });
}

/**
 * Bypass actors loosen a ruleset: removing one the config does not list strengthens it (a
 * change), adding one weakens it (only with `allow-weaken`). Compared with the gate's own
 * ruleset, the only source that tells them.
 */
function planBypass(wanted: BypassActor[], managed: ProtectionState, options: PlanOptions, target: ProtectionState, changes: Change[], kept: Kept[]): void {
  const now = managed['bypass-actors'] ?? [];
  const key = (actor: BypassActor) => `${actor.type}:${actor.id}:${actor.mode}`;
  const added = wanted.filter((actor) => !now.some((known) => key(known) === key(actor)));
  const removed = now.filter((actor) => !wanted.some((known) => key(known) === key(actor)));
  if (added.length === 0 && removed.length === 0) return;
  if (added.length > 0 && !options.allowWeaken) {
    kept.push({ setting: 'bypass-actors', message: `would let ${added.map(describeActor).join(', ')} bypass the ruleset, which weakens it; not added (set allow-weaken: true to add)` });
    if (removed.length === 0) return;
  }
  const next = options.allowWeaken ? wanted : now.filter((actor) => !removed.includes(actor));
  target['bypass-actors'] = next;
  changes.push({ setting: 'bypass-actors', from: now, to: next, weakens: options.allowWeaken && added.length > 0 });
}

/**
 * Push restrictions as the config lists them: restricting an open branch or taking someone off
 * the list strengthens it (a change); letting someone more push weakens it (only with `allow-weaken`).
 */
function planPushRestrictions(wanted: PushAllowances, managed: ProtectionState, options: PlanOptions, target: ProtectionState, changes: Change[], kept: Kept[]): void {
  const now = managed['push-restrictions'];
  const wantedNames = allowanceNames(wanted);
  const nowNames = now === null ? undefined : allowanceNames(now);
  const added = nowNames === undefined ? [] : wantedNames.filter((name) => !nowNames.includes(name));
  const removed = nowNames === undefined ? ['anyone with write access'] : nowNames.filter((name) => !wantedNames.includes(name));
  if (added.length === 0 && removed.length === 0) return;
  if (added.length > 0 && !options.allowWeaken) {
    kept.push({ setting: 'push-restrictions', message: `would let ${added.join(', ')} push, which weakens the restriction; not added (set allow-weaken: true to add)` });
    if (removed.length === 0) return;
  }
  const next = options.allowWeaken || now === null
    ? wanted
    : { users: now.users.filter((name) => wanted.users.includes(name)), teams: now.teams.filter((name) => wanted.teams.includes(name)), apps: now.apps.filter((name) => wanted.apps.includes(name)) };
  target['push-restrictions'] = next;
  changes.push({ setting: 'push-restrictions', from: now, to: next, weakens: options.allowWeaken && added.length > 0 });
}
