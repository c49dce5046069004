import { appendFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { ConfigurationError, EnvironmentError, describeError } from '../core/errors.js';
import type { Gate, GateContext } from '../core/gate.js';
import { requireToken } from '../core/github-context.js';
import { createGitHubClient, type GitHubClient } from '../core/github.js';
import { mapConcurrently } from '../core/concurrency.js';
import { createReport, type Finding } from '../core/report.js';
import { RepositoryAccessError, RepositoryApi, listOrganizationRepositories, type WriteRequest } from './api.js';
import { isBranchPattern, matchesBranchPattern } from './branches.js';
import { parseOptions, selectShard, type BranchProtectionOptions, type ConfiguredBranch } from './options.js';
import { findLockout, planBranch, type BranchPlan, type BranchPolicy } from './planner.js';
import {
  adminsBypass,
  classicProtectionBody,
  describeValue,
  fromClassicProtection,
  fromRules,
  ownedRulesetName,
  restrictsPushesToNobody,
  rulesetBody,
  strongestOf,
  unprotectedState,
  type ProtectionState,
} from './protection.js';
import { WORKFLOW_DIRECTORY, deriveRequiredChecks } from './workflows.js';

const CHECK_HELP = 'Run with mode: apply and a token with Administration: write to restore it, or change the config if the new value is intended.';

export const branchProtectionGate: Gate = {
  name: 'branch-protection',
  async run(settings, context) {
    const startedAt = performance.now();
    const options = parseOptions(settings, context);
    const token = requireToken(context.token, 'branch protection');
    let requests = 0;
    const client = createGitHubClient({ token, env: context.env, log: context.log, onRequest: () => (requests += 1) });
    const repositories = await selectRepositories(options, client, context);
    const findings: Finding[] = [];
    const local = localWorkflowChecks(options, repositories, context, findings);
    const backup = new BackupFile(options.backupPath);
    context.log.info(`branch-protection: ${options.mode} ${repositories.length} repositor${repositories.length === 1 ? 'y' : 'ies'} through the ${options.api} API`);

    const results = await mapConcurrently(repositories, options.concurrency, (repository) =>
      checkRepository(new RepositoryApi(client, repository), options, local.get(repository), backup, context),
    );
    for (const result of results) findings.push(...result.findings);
    if (backup.entries > 0) {
      findings.push({ rule: 'backup/saved', level: 'notice', message: `saved the previous protection of ${backup.entries} branch(es) to ${backup.file} before writing; each line holds the requests that restore one branch` });
    }
    const failed = results.filter((result) => result.failed).length;
    const report = createReport('branch-protection', findings, {
      repositories: repositories.length,
      branches: results.reduce((sum, result) => sum + result.branches, 0),
      drifted: results.filter((result) => result.drifted).length,
      applied: results.filter((result) => result.applied).length,
      failed,
      requests,
      'backed-up': backup.entries,
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

interface LocalChecks {
  /** Per configured branch: the check names `auto` resolved to. */
  resolved: Map<string, string[]>;
  /** Every check the checkout's workflows produce, for lock-out and orphan checks. */
  produced: Set<string>;
}

/**
 * The checkout's workflows describe one repository: the current one (GITHUB_REPOSITORY) or the
 * only one a run covers. `auto` needs them, so it cannot serve a run over many repositories.
 */
function localWorkflowChecks(options: BranchProtectionOptions, repositories: string[], context: GateContext, findings: Finding[]): Map<string, LocalChecks> {
  const usesAuto = options.branches.filter((branch) => branch['required-checks'] === 'auto');
  const owner = repositories.length === 1 ? repositories[0] : repositories.find((repository) => repository === context.env.GITHUB_REPOSITORY);
  if (usesAuto.length > 0 && (repositories.length !== 1 || !owner)) {
    throw new ConfigurationError(`required-checks: auto (branch ${usesAuto[0]!.name}) reads the workflows of the checkout, so it serves one repository only; list the check names for a run over ${repositories.length} repositories`);
  }
  const result = new Map<string, LocalChecks>();
  if (!owner) return result;
  const local: LocalChecks = { resolved: new Map(), produced: new Set() };
  const unresolved = new Set<string>();
  let found = false;
  for (const branch of options.branches) {
    const derived = deriveRequiredChecks(context.cwd, branch.name);
    found ||= derived.found;
    for (const check of derived.checks) local.produced.add(check.name);
    for (const job of derived.unresolved) {
      // Every configured branch reads the same workflows; say each job once.
      const key = `${job.file}#${job.job}`;
      if (unresolved.has(key)) continue;
      unresolved.add(key);
      findings.push({ rule: 'checks/unresolved', level: 'warning', file: job.file, message: `job ${job.job} runs on pull requests but its check names cannot be derived: ${job.reason}; list them under required-checks by name` });
    }
    if (branch['required-checks'] === 'auto') {
      if (!derived.found) throw new ConfigurationError(`required-checks: auto (branch ${branch.name}) found no workflow in ${WORKFLOW_DIRECTORY}; check out the repository first (actions/checkout) or list the check names`);
      if (derived.checks.length === 0) throw new ConfigurationError(`required-checks: auto (branch ${branch.name}) derived no check from the workflows in ${WORKFLOW_DIRECTORY}: none runs a job on pull requests to ${branch.name} whose check name can be derived; list the check names`);
      local.resolved.set(branch.name, derived.checks.map((check) => check.name));
    }
  }
  if (!found) return result;
  for (const branch of options.branches) {
    const configured = branch['required-checks'];
    if (!Array.isArray(configured)) continue;
    const orphaned = configured.filter((name) => !local.produced.has(name));
    if (orphaned.length > 0) {
      findings.push({
        rule: 'checks/unproduced',
        level: 'warning',
        file: context.configFile,
        message: `branch ${branch.name} requires ${orphaned.join(', ')}, which no workflow in ${WORKFLOW_DIRECTORY} produces on pull requests; every pull request would wait for ${orphaned.length === 1 ? 'it' : 'them'} forever`,
        help: 'Use the check run name as GitHub shows it (job name, `job (matrix, values)`, `caller / callee`), or required-checks: auto.',
      });
    }
  }
  result.set(owner, local);
  return result;
}

interface RepositoryResult {
  findings: Finding[];
  branches: number;
  drifted: boolean;
  applied: boolean;
  failed: boolean;
}

/** One result row per repository; its failure is its own error finding and the run goes on. */
async function checkRepository(api: RepositoryApi, options: BranchProtectionOptions, local: LocalChecks | undefined, backup: BackupFile, context: GateContext): Promise<RepositoryResult> {
  const result: RepositoryResult = { findings: [], branches: 0, drifted: false, applied: false, failed: false };
  try {
    const ownedRulesets = options.api === 'rulesets' ? await api.listRepositoryRulesets() : [];
    let branchNames: string[] | undefined;
    for (const configured of options.branches) {
      const policy = resolvePolicy(configured, local);
      let targets = [configured.name];
      if (options.api === 'classic' && isBranchPattern(configured.name)) {
        branchNames ??= await api.listBranchNames();
        targets = branchNames.filter((name) => matchesBranchPattern(configured.name, name));
        if (targets.length === 0) result.findings.push({ rule: 'branch/no-match', level: 'warning', message: `${api.fullName}: no branch matches ${configured.name}, so nothing is protected by it` });
      }
      for (const branch of targets) {
        const protection = options.api === 'classic'
          ? await readClassic(api, branch)
          : await readOwnedRuleset(api, branch, ownedRulesets.find((ruleset) => ruleset.name === ownedRulesetName(branch))?.id);
        const outcome = await handleBranch(api, branch, { ...policy, name: branch }, protection, options, local, backup, context);
        result.branches += 1;
        result.findings.push(...outcome.findings);
        result.drifted ||= outcome.drifted;
        result.applied ||= outcome.applied;
      }
    }
    if (result.branches === 0) {
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

function resolvePolicy(configured: ConfiguredBranch, local: LocalChecks | undefined): BranchPolicy {
  const checks = configured['required-checks'];
  if (checks !== 'auto') return { ...configured, 'required-checks': checks };
  const resolved = local?.resolved.get(configured.name);
  if (!resolved) throw new ConfigurationError(`required-checks: auto (branch ${configured.name}) was not derived for this repository; list the check names`);
  return { ...configured, 'required-checks': resolved };
}

/** The gate's own source of protection for one branch, read, plus how to write and re-read it. */
interface OwnedProtection {
  managed: ProtectionState;
  /** The API's answer, carried into writes and the backup; null when there is none yet. */
  raw: unknown;
  pushesRestrictedToNobody: boolean;
  /** What every other source (rulesets the gate does not own) enforces; read only when needed. */
  readOthers: () => Promise<ProtectionState[]>;
  writes: (plan: BranchPlan) => WriteRequest[];
  restore: () => WriteRequest[];
  reread: (createdId: number | undefined) => Promise<ProtectionState>;
}

async function readClassic(api: RepositoryApi, branch: string): Promise<OwnedProtection> {
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
    pushesRestrictedToNobody: restrictsPushesToNobody(raw),
    readOthers: async () => [fromRules(await api.readEffectiveRules(branch))],
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
  };
}

async function readOwnedRuleset(api: RepositoryApi, branch: string, id: number | undefined): Promise<OwnedProtection> {
  const raw = id === undefined ? null : await api.readRuleset(id);
  const stateOf = (ruleset: unknown): ProtectionState => {
    const active = (ruleset as { enforcement?: string }).enforcement === 'active';
    return active ? fromRules((ruleset as { rules?: unknown }).rules, !adminsBypass(ruleset)) : unprotectedState();
  };
  const rulesetRoute = '/repos/{owner}/{repo}/rulesets';
  const write = (target: ProtectionState): WriteRequest => (id === undefined
    ? { method: 'POST', route: rulesetRoute, parameters: {}, body: rulesetBody(branch, target, raw), purpose: `create ruleset ${ownedRulesetName(branch)}` }
    : { method: 'PUT', route: `${rulesetRoute}/{ruleset_id}`, parameters: { ruleset_id: id }, body: rulesetBody(branch, target, raw), purpose: `update ruleset ${ownedRulesetName(branch)}` });
  return {
    managed: raw === null ? unprotectedState() : stateOf(raw),
    raw,
    pushesRestrictedToNobody: false,
    // Effective rules need a branch name; for a pattern only the gate's own ruleset is compared.
    readOthers: async () => (isBranchPattern(branch) ? [] : [fromRules((await api.readEffectiveRules(branch)).filter((rule) => (rule as { ruleset_id?: number }).ruleset_id !== id))]),
    writes: (plan) => [write(plan.target)],
    restore: () => {
      // The id of a ruleset the run creates is not known before the write; the line keeps the placeholder.
      if (raw === null) return [{ method: 'DELETE', route: `${rulesetRoute}/{ruleset_id}`, parameters: {}, purpose: `delete ruleset ${ownedRulesetName(branch)}` }];
      const { name, target, enforcement, bypass_actors, conditions, rules } = raw as Record<string, unknown>;
      return [{ method: 'PUT', route: `${rulesetRoute}/{ruleset_id}`, parameters: { ruleset_id: id! }, body: { name, target, enforcement, bypass_actors, conditions, rules }, purpose: `restore ruleset ${ownedRulesetName(branch)}` }];
    },
    reread: async (createdId) => {
      const rulesetId = createdId ?? id;
      if (rulesetId === undefined) throw new RepositoryAccessError('access/failed', `${api.fullName}: GitHub did not answer the id of the ruleset ${ownedRulesetName(branch)} it created, so the write cannot be verified; check Settings → Rules`);
      return stateOf(await api.readRuleset(rulesetId));
    },
  };
}

interface BranchOutcome {
  findings: Finding[];
  drifted: boolean;
  applied: boolean;
}

async function handleBranch(api: RepositoryApi, branch: string, policy: BranchPolicy, owned: OwnedProtection, options: BranchProtectionOptions, local: LocalChecks | undefined, backup: BackupFile, context: GateContext): Promise<BranchOutcome> {
  const where = `${api.fullName} ${branch}`;
  const planOptions = { prune: options.prune, allowWeaken: options.allowWeaken, appId: options.appId };
  let others: ProtectionState[] = [];
  let plan = planBranch(policy, owned.managed, owned.managed, planOptions);
  // What the gate's own source satisfies needs no second look; only then are the other
  // sources read, so an unchanged branch costs one request.
  if (plan.changes.length > 0) {
    others = await owned.readOthers();
    plan = planBranch(policy, owned.managed, strongestOf([owned.managed, ...others]), planOptions);
  }
  const findings: Finding[] = plan.kept.map((kept) => ({ rule: `kept/${kept.setting}`, level: 'notice', message: `${where}: ${kept.message}` }));
  if (plan.changes.length === 0) return { findings, drifted: false, applied: false };

  const lockout = findLockout({ target: plan.target, produced: local?.produced, pushesRestrictedToNobody: owned.pushesRestrictedToNobody });
  if (lockout) {
    findings.push({ rule: 'safety/lockout', level: 'error', message: `${where}: refusing this protection: ${lockout}`, help: 'Make a workflow produce the check, drop it from required-checks, or set enforce-admins: false so an admin can still merge.' });
  }
  const writes = owned.writes(plan);
  if (options.mode === 'check') {
    for (const change of plan.changes) {
      findings.push({ rule: `drift/${change.setting}`, level: 'error', message: `${where}: ${change.setting} is ${describeValue(change.setting, change.from)}${owned.raw === null && options.api === 'classic' ? ' (the branch is not protected)' : ''}, the config wants ${describeValue(change.setting, change.to)}`, help: CHECK_HELP });
    }
    return { findings, drifted: true, applied: false };
  }
  if (options.mode === 'plan' || lockout) {
    for (const change of plan.changes) findings.push({ rule: `plan/${change.setting}`, level: 'notice', message: `${where}: would ${change.weakens ? 'weaken' : 'set'} ${change.setting} from ${describeValue(change.setting, change.from)} to ${describeValue(change.setting, change.to)}` });
    for (const write of writes) context.log.info(`plan ${api.fullName}: ${formatWrite(api, write)}`);
    return { findings, drifted: true, applied: false };
  }

  backup.save({ repository: api.fullName, branch, api: options.api, previous: owned.raw, restore: owned.restore().map((write) => formatWrite(api, write)) });
  let createdId: number | undefined;
  for (const write of writes) {
    context.log.info(`apply ${api.fullName}: ${formatWrite(api, write).split(' ', 2).join(' ')}`);
    createdId = (await api.send(write)) ?? createdId;
  }
  for (const change of plan.changes) findings.push({ rule: `applied/${change.setting}`, level: 'notice', message: `${where}: ${change.weakens ? 'weakened' : 'set'} ${change.setting} from ${describeValue(change.setting, change.from)} to ${describeValue(change.setting, change.to)}` });
  const after = await owned.reread(owned.raw === null ? createdId : undefined);
  const verified = planBranch(policy, after, strongestOf([after, ...others]), planOptions);
  for (const change of verified.changes) {
    findings.push({ rule: `verify/${change.setting}`, level: 'error', message: `${where}: ${change.setting} reads ${describeValue(change.setting, change.from)} after the write, not ${describeValue(change.setting, change.to)}; GitHub did not keep the change`, help: 'Another rule or an organisation policy may override it; check Settings → Rules and Branches.' });
  }
  return { findings, drifted: true, applied: true };
}

/** `PUT /repos/o/r/branches/main/protection {...}`: a write as plan prints it and the backup keeps it. */
function formatWrite(api: RepositoryApi, write: WriteRequest): string {
  const values: Record<string, string | number> = { owner: api.owner, repo: api.name, ...write.parameters };
  const url = write.route.replace(/\{(\w+)\}/g, (placeholder, key: string) => (values[key] === undefined ? placeholder : encodeURIComponent(String(values[key]))));
  return `${write.method} ${url}${write.body ? ` ${JSON.stringify(write.body)}` : ''}`;
}

/**
 * The previous protection of every branch the run writes, one JSON object a line, appended
 * before the write so that a run that dies half-way still has the backup of what it changed.
 */
class BackupFile {
  entries = 0;
  constructor(readonly file: string) {}

  save(entry: { repository: string; branch: string; api: string; previous: unknown; restore: string[] }): void {
    try {
      mkdirSync(path.dirname(this.file), { recursive: true });
      appendFileSync(this.file, `${JSON.stringify({ savedAt: new Date().toISOString(), ...entry })}\n`);
    } catch (error) {
      throw new EnvironmentError(`cannot save the backup to ${this.file} (${(error as NodeJS.ErrnoException).code ?? describeError(error)}), so nothing was written; set backup-path to a writable file`);
    }
    this.entries += 1;
  }
}
