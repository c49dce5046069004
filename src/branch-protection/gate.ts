import { ConfigurationError, describeError } from '../core/errors.js';
import type { Gate, GateContext } from '../core/gate.js';
import { requireToken } from '../core/github-context.js';
import { createGitHubClient, type GitHubClient } from '../core/github.js';
import { mapConcurrently } from '../core/concurrency.js';
import { createReport, type Finding } from '../core/report.js';
import { RepositoryAccessError, RepositoryApi, listOrganizationRepositories } from './api.js';
import { BackupFile, formatWrite, readBackup, type BackupEntry } from './backup.js';
import { restoreBranch } from './restore.js';
import { lockoutEvidence } from './evidence.js';
import { localWorkflowChecks, type LocalChecks } from './local-checks.js';
import { findLockouts, type Lockout, type LockoutEvidence } from './lockout.js';
import { DEFAULT_BRANCH, isBranchPattern, matchesBranchPattern } from './branches.js';
import { parseOptions, selectShard, type BranchProtectionOptions, type ConfiguredActor, type ConfiguredBranch, type ProtectionApi } from './options.js';
import { planBranch, type BranchPolicy } from './planner.js';
import { REPOSITORY_ROLE_IDS, describeValue, strongestOf, type BypassActor } from './protection.js';
import { ownedRulesetName, type RefKind } from './rulesets.js';
import { readClassic, readOwnedRuleset, type OtherSources, type OwnedProtection } from './sources.js';
import { deriveRequiredChecks } from './workflows.js';

const CHECK_HELP = 'Run with mode: apply and a token with Administration: write to restore it, or change the config if the new value is intended.';

export const branchProtectionGate: Gate = {
  name: 'branch-protection',
  async run(settings, context) {
    const startedAt = performance.now();
    const options = parseOptions(settings, context);
    const token = requireToken(context.token, 'branch protection');
    let requests = 0;
    const client = createGitHubClient({ token, env: context.env, log: context.log, onRequest: () => (requests += 1) });
    const findings: Finding[] = [];
    const backup = new BackupFile(options.backupPath);
    let repositories: string[];
    let results: RepositoryResult[];
    if (options.mode === 'restore') {
      const entries = readBackup(options.backupPath);
      repositories = [...new Set(entries.map((entry) => entry.repository))];
      context.log.info(`branch-protection: restore ${entries.length} branch(es) of ${repositories.length} repositor${repositories.length === 1 ? 'y' : 'ies'} from ${options.backupPath}`);
      results = await mapConcurrently(repositories, options.concurrency, (repository) =>
        restoreRepository(new RepositoryApi(client, repository), entries.filter((entry) => entry.repository === repository), options, backup, context),
      );
    } else {
      repositories = await selectRepositories(options, client, context);
      const local = await localWorkflowChecks(options, repositories, client, context, findings);
      context.log.info(`branch-protection: ${options.mode} ${repositories.length} repositor${repositories.length === 1 ? 'y' : 'ies'} through the ${options.api} API`);
      results = await mapConcurrently(repositories, options.concurrency, (repository) =>
        checkRepository(new RepositoryApi(client, repository), options, local.get(repository), backup, context),
      );
    }
    for (const result of results) findings.push(...result.findings);
    if (backup.written > 0) {
      findings.push({ rule: 'backup/saved', level: 'notice', message: `saved the previous protection of ${backup.written} branch(es) to ${backup.file} before writing; each line holds the requests that restore one branch (mode: restore replays them)` });
    }
    const failed = results.filter((result) => result.failed).length;
    const report = createReport('branch-protection', findings, {
      repositories: repositories.length,
      branches: results.reduce((sum, result) => sum + result.branches, 0),
      tags: results.reduce((sum, result) => sum + result.tags, 0),
      drifted: results.filter((result) => result.drifted).length,
      applied: results.filter((result) => result.applied).length,
      failed,
      requests,
      'backed-up': backup.written,
    }, startedAt);
    // A repository that could not be read has not been checked: the run cannot pass, and a
    // `fail` would say "drift found" where the truth is "could not look". Its rows stay in the report.
    return failed > 0 ? { ...report, status: 'error' } : report;
  },
};

async function selectRepositories(options: BranchProtectionOptions, client: GitHubClient, context: GateContext): Promise<string[]> {
  const listed = [...(options.repo ? [options.repo] : []), ...options.repositories];
  if (options.org) {
    const repositories = await listOrganizationRepositories(client, options.org);
    const matching = repositories.filter((repository) => (!options.nameFilter || options.nameFilter.test(repository.fullName.split('/')[1]!)) && (!options.topic || repository.topics.includes(options.topic)));
    // Checked on its own: repositories listed beside the org must not hide a filter that matches nothing.
    if (matching.length === 0) throw new ConfigurationError(`org ${options.org} has no repository matching the name-filter and topic; loosen the filters`);
    listed.push(...matching.map((repository) => repository.fullName));
  }
  if (listed.length === 0) {
    const current = context.env.GITHUB_REPOSITORY;
    if (!current) throw new ConfigurationError('no repository to check; set repo (owner/name), repositories or org, or run in GitHub Actions where GITHUB_REPOSITORY names the current one');
    listed.push(current);
  }
  const selected = selectShard(listed, options.shard);
  // An empty shard would report a pass over nothing; more shards than repositories is a config mistake.
  if (selected.length === 0) throw new ConfigurationError(`shard ${options.shard?.index}/${options.shard?.count} gets none of the ${new Set(listed).size} repositories, so it would check nothing; use at most ${new Set(listed).size} shards`);
  return selected;
}

interface RepositoryResult {
  findings: Finding[];
  branches: number;
  /** Tag rules checked. */
  tags: number;
  drifted: boolean;
  applied: boolean;
  failed: boolean;
}

/**
 * Replays the backup lines of one repository. The checkout's workflows count for the lock-out
 * guard only when they are this repository's (the `repo` setting or GITHUB_REPOSITORY).
 */
async function restoreRepository(api: RepositoryApi, entries: BackupEntry[], options: BranchProtectionOptions, backup: BackupFile, context: GateContext): Promise<RepositoryResult> {
  const result: RepositoryResult = { findings: [], branches: 0, tags: 0, drifted: false, applied: false, failed: false };
  const ownCheckout = api.fullName === (options.repo ?? context.env.GITHUB_REPOSITORY);
  try {
    for (const entry of entries) {
      const pullRequest = ownCheckout ? deriveRequiredChecks(context.cwd, entry.branch) : undefined;
      const workflows = pullRequest?.found ? { pullRequest, mergeGroup: deriveRequiredChecks(context.cwd, entry.branch, 'merge_group') } : undefined;
      const outcome = await restoreBranch(api, entry, workflows, (where, lockouts, findings) => lockoutFindings(where, lockouts, options.acceptLockout, findings), backup, context);
      result.branches += 1;
      result.findings.push(...outcome.findings);
      result.drifted ||= outcome.findings.some((finding) => finding.rule !== 'restore/unchanged');
      result.applied ||= outcome.restored;
    }
  } catch (error) {
    result.failed = true;
    result.findings.push(error instanceof RepositoryAccessError
      ? { rule: error.rule, level: 'error', message: error.message, help: error.help }
      : { rule: 'access/failed', level: 'error', message: `${api.fullName}: ${describeError(error)}` });
  }
  return result;
}

/** One result row per repository; its failure is its own error finding and the run goes on. */
async function checkRepository(api: RepositoryApi, options: BranchProtectionOptions, local: LocalChecks | undefined, backup: BackupFile, context: GateContext): Promise<RepositoryResult> {
  const result: RepositoryResult = { findings: [], branches: 0, tags: 0, drifted: false, applied: false, failed: false };
  try {
    const ownedRulesets = options.api === 'rulesets' ? await api.listRepositoryRulesets() : [];
    let branchNames: string[] | undefined;
    for (const configured of options.branches) {
      const policy = await resolvePolicy(configured, local, api, options.api);
      const exclude = configured.exclude ?? [];
      const defaultBranch = configured.name === DEFAULT_BRANCH ? await api.defaultBranch() : undefined;
      let targets = [configured.name];
      if (options.api === 'classic' && defaultBranch !== undefined) {
        targets = exclude.some((pattern) => matchesBranchPattern(pattern, defaultBranch)) ? [] : [defaultBranch];
      } else if (options.api === 'classic' && isBranchPattern(configured.name)) {
        branchNames ??= await api.listBranchNames();
        targets = branchNames.filter((name) => matchesBranchPattern(configured.name, name) && !exclude.some((pattern) => matchesBranchPattern(pattern, name)));
      }
      if (targets.length === 0) result.findings.push({ rule: 'branch/no-match', level: 'warning', message: `${api.fullName}: no branch matches ${configured.name}, so nothing is protected by it` });
      for (const branch of targets) {
        // A ruleset for ~DEFAULT_BRANCH is read against the branch it stands for today.
        const ref = options.api === 'rulesets' && defaultBranch !== undefined ? defaultBranch : branch;
        const protection = options.api === 'classic'
          ? await readClassic(api, branch)
          : await readOwnedRuleset(api, branch, ownedRulesets.find((ruleset) => ruleset.name === ownedRulesetName(branch))?.id, { exclude, ref });
        const evidence = lockoutEvidence(api, ref, local?.workflows.get(configured.name));
        const outcome = await handleBranch(api, branch, { ...policy, name: branch }, protection, options, evidence, backup, context);
        result.branches += 1;
        result.findings.push(...outcome.findings);
        result.drifted ||= outcome.drifted;
        result.applied ||= outcome.applied;
      }
    }
    for (const tag of options.tags) {
      const policy = await resolvePolicy(tag, undefined, api, options.api);
      const protection = await readOwnedRuleset(api, tag.name, ownedRulesets.find((ruleset) => ruleset.name === ownedRulesetName(tag.name, 'tag'))?.id, { exclude: tag.exclude ?? [], kind: 'tag' });
      const outcome = await handleBranch(api, tag.name, policy, protection, options, NO_PULL_REQUESTS, backup, context, 'tag');
      result.tags += 1;
      result.findings.push(...outcome.findings);
      result.drifted ||= outcome.drifted;
      result.applied ||= outcome.applied;
    }
    if (result.branches === 0 && result.tags === 0) {
      throw new RepositoryAccessError('branch/no-match', `${api.fullName}: no configured branch matches a branch of the repository, so nothing was checked; fix the names or patterns in branch-protection.branches`);
    }
  } catch (error) {
    result.failed = true;
    result.findings.push(error instanceof RepositoryAccessError
      ? { rule: error.rule, level: 'error', message: error.message, help: error.help }
      : { rule: 'access/failed', level: 'error', message: `${api.fullName}: ${describeError(error)}` });
  }
  const verdict = result.failed ? 'could not be checked' : result.applied ? 'written' : result.drifted ? 'drifted' : 'matches the config';
  context.log.info(`${api.fullName}: ${result.branches} branch(es), ${verdict}`);
  return result;
}

async function resolvePolicy(configured: ConfiguredBranch, local: LocalChecks | undefined, api: RepositoryApi, kind: ProtectionApi): Promise<BranchPolicy> {
  const { 'required-checks': checks, 'bypass-actors': actors, ...rest } = configured;
  // A ruleset the config does not put in evaluate mode must enforce: one in evaluate is drift.
  const policy: BranchPolicy = kind === 'rulesets' ? { enforcement: 'active', ...rest } : { ...rest };
  if (actors !== undefined) policy['bypass-actors'] = await Promise.all(actors.map((actor) => resolveActor(actor, api)));
  if (checks !== 'auto') return { ...policy, 'required-checks': checks };
  const resolved = local?.resolved.get(configured.name);
  if (!resolved) throw new ConfigurationError(`required-checks: auto (branch ${configured.name}) was not derived for this repository; list the check names`);
  return { ...policy, 'required-checks': resolved };
}

async function resolveActor(actor: ConfiguredActor, api: RepositoryApi): Promise<BypassActor> {
  const mode = actor.mode ?? 'always';
  if (actor.role !== undefined) return { type: 'RepositoryRole', id: REPOSITORY_ROLE_IDS[actor.role], mode };
  if (actor.team !== undefined) return { type: 'Team', id: await api.teamId(actor.team), mode };
  if (actor.app !== undefined) return { type: 'Integration', id: actor.app, mode };
  return { type: 'DeployKey', id: null, mode };
}

interface BranchOutcome {
  findings: Finding[];
  drifted: boolean;
  applied: boolean;
}

/** The guard's questions for a tag rule, never asked: a tag takes no pull request it could block. */
const NO_PULL_REQUESTS: LockoutEvidence = {
  missingProducer: async () => undefined,
  missingInMergeQueue: () => undefined,
  missingDeployment: async () => undefined,
  noMergeMethod: async () => undefined,
  approvers: async () => ({ count: 0, atLeast: true }),
  missingCodeOwners: async () => undefined,
};

async function handleBranch(api: RepositoryApi, branch: string, policy: BranchPolicy, owned: OwnedProtection, options: BranchProtectionOptions, evidence: LockoutEvidence, backup: BackupFile, context: GateContext, kind: RefKind = 'branch'): Promise<BranchOutcome> {
  const where = `${api.fullName} ${kind === 'tag' ? 'tag ' : ''}${branch}`;
  const planOptions = { prune: options.prune, allowWeaken: options.allowWeaken, appId: options.appId };
  let others: OtherSources = { states: [], mergeQueue: false };
  let plan = planBranch(policy, owned.managed, owned.managed, planOptions);
  // What the gate's own source satisfies needs no second look; only then are the other
  // sources read, so an unchanged branch costs one request.
  if (plan.changes.length > 0) {
    others = await owned.readOthers();
    plan = planBranch(policy, owned.managed, strongestOf([owned.managed, ...others.states]), planOptions);
  }
  const findings: Finding[] = plan.kept.map((kept) => ({ rule: `kept/${kept.setting}`, level: 'notice', message: `${where}: ${kept.message}` }));
  if (plan.changes.length === 0) return { findings, drifted: false, applied: false };

  const before = owned.lockoutTarget(strongestOf([owned.managed, ...others.states]), others);
  const refused = lockoutFindings(where, await findLockouts(before, owned.lockoutTarget(plan.target, others), evidence), options.acceptLockout, findings);
  const writes = owned.writes(plan);
  if (options.mode === 'check') {
    for (const change of plan.changes) {
      findings.push({ rule: `drift/${change.setting}`, level: 'error', message: `${where}: ${change.setting} is ${describeValue(change.setting, change.from)}${owned.raw === null && options.api === 'classic' ? ' (the branch is not protected)' : ''}, the config wants ${describeValue(change.setting, change.to)}`, help: CHECK_HELP });
    }
    return { findings, drifted: true, applied: false };
  }
  if (options.mode === 'plan' || refused) {
    for (const change of plan.changes) findings.push({ rule: `plan/${change.setting}`, level: 'notice', message: `${where}: would ${change.weakens ? 'weaken' : 'set'} ${change.setting} from ${describeValue(change.setting, change.from)} to ${describeValue(change.setting, change.to)}` });
    for (const write of writes) context.log.info(`plan ${api.fullName}: ${formatWrite(api, write)}`);
    return { findings, drifted: true, applied: false };
  }

  const createsRuleset = owned.raw === null && options.api === 'rulesets';
  const saveBackup = (createdId?: number) => backup.save({ repository: api.fullName, branch, api: options.api, ...(kind === 'tag' ? { kind } : {}), previous: owned.raw, restore: owned.restore(createdId).map((write) => formatWrite(api, write)) });
  if (!createsRuleset) saveBackup();
  let createdId: number | undefined;
  for (const [index, write] of writes.entries()) {
    context.log.info(`apply ${api.fullName}: ${formatWrite(api, write).split(' ', 2).join(' ')}`);
    createdId = (await api.send(write)) ?? createdId;
    // Only a write that went through makes the backup worth announcing.
    if (index === 0) backup.written += 1;
  }
  if (createsRuleset) {
    if (createdId === undefined) throw new RepositoryAccessError('access/failed', `${api.fullName}: GitHub did not answer the id of the ruleset ${ownedRulesetName(branch)} it created, so it cannot be backed up or verified; check Settings → Rules`);
    saveBackup(createdId);
  }
  for (const change of plan.changes) findings.push({ rule: `applied/${change.setting}`, level: 'notice', message: `${where}: ${change.weakens ? 'weakened' : 'set'} ${change.setting} from ${describeValue(change.setting, change.from)} to ${describeValue(change.setting, change.to)}` });
  const after = await owned.reread(owned.raw === null ? createdId : undefined);
  const verified = planBranch(policy, after, strongestOf([after, ...others.states]), planOptions);
  for (const change of verified.changes) {
    findings.push({ rule: `verify/${change.setting}`, level: 'error', message: `${where}: ${change.setting} reads ${describeValue(change.setting, change.from)} after the write, not ${describeValue(change.setting, change.to)}; GitHub did not keep the change`, help: 'Another rule or an organisation policy may override it; check Settings → Rules and Branches.' });
  }
  return { findings, drifted: true, applied: true };
}

/** Adds a finding for each lock-out: an error that stops the write, or a warning when the config accepts it. Whether the write must stop. */
function lockoutFindings(where: string, lockouts: Lockout[], accepted: boolean, findings: Finding[]): boolean {
  for (const lockout of lockouts) {
    findings.push(accepted
      ? { rule: 'safety/lockout-accepted', level: 'warning', message: `${where}: written although ${lockout.problem} (accept-lockout: true)`, help: `To undo it: ${lockout.fix}, or run mode: restore.` }
      : { rule: 'safety/lockout', level: 'error', message: `${where}: refusing this protection: ${lockout.problem}; ${lockout.fix}`, help: 'Set accept-lockout: true only if the branch may stay unmergeable until you fix it.' });
  }
  return lockouts.length > 0 && !accepted;
}
