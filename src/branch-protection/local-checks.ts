import { ConfigurationError, causeOf } from '../core/errors.js';
import type { GateContext } from '../core/gate.js';
import type { GitHubClient } from '../core/github.js';
import type { Finding } from '../core/report.js';
import { RepositoryAccessError, RepositoryApi } from './api.js';
import type { BranchWorkflows } from './evidence.js';
import type { BranchProtectionOptions } from './options.js';
import { WORKFLOW_DIRECTORY, deriveRequiredChecks, remoteWorkflowCalls, whyNotAlways, type RemoteWorkflow } from './workflows.js';

/** What the checkout's workflows tell about the one repository they belong to. */
export interface LocalChecks {
  /** Per configured branch: the check names `auto` resolved to. */
  resolved: Map<string, string[]>;
  /** Per configured branch: the checks of pull requests and merge groups, for the lock-out guard. */
  workflows: Map<string, BranchWorkflows>;
}

/**
 * The checkout's workflows describe one repository: the current one (GITHUB_REPOSITORY) or the
 * only one a run covers. `auto` needs them, so it cannot serve a run over many repositories.
 */
export async function localWorkflowChecks(options: BranchProtectionOptions, repositories: string[], client: GitHubClient, context: GateContext, findings: Finding[]): Promise<Map<string, LocalChecks>> {
  const usesAuto = options.branches.filter((branch) => branch['required-checks'] === 'auto');
  const owner = repositories.length === 1 ? repositories[0] : repositories.find((repository) => repository === context.env.GITHUB_REPOSITORY);
  if (usesAuto.length > 0 && (repositories.length !== 1 || !owner)) {
    throw new ConfigurationError(`required-checks: auto (branch ${usesAuto[0]!.name}) reads the workflows of the checkout, so it serves one repository only; list the check names for a run over ${repositories.length} repositories`);
  }
  const result = new Map<string, LocalChecks>();
  if (!owner) return result;
  const local: LocalChecks = { resolved: new Map(), workflows: new Map() };
  const remote = await readRemoteWorkflows(client, remoteWorkflowCalls(context.cwd));
  let found = false;
  for (const branch of options.branches) {
    const pullRequest = deriveRequiredChecks(context.cwd, branch.name, 'pull_request', remote);
    found ||= pullRequest.found;
    local.workflows.set(branch.name, { pullRequest, mergeGroup: deriveRequiredChecks(context.cwd, branch.name, 'merge_group', remote) });
    const configured = branch['required-checks'];
    if (configured === 'auto') {
      if (!pullRequest.found) throw new ConfigurationError(`required-checks: auto (branch ${branch.name}) found no workflow in ${WORKFLOW_DIRECTORY}; check out the repository first (actions/checkout) or list the check names`);
      if (pullRequest.checks.length === 0) throw new ConfigurationError(`required-checks: auto (branch ${branch.name}) derived no check from the workflows in ${WORKFLOW_DIRECTORY}: none runs a job on every pull request to ${branch.name} whose check name can be derived; list the check names`);
      local.resolved.set(branch.name, pullRequest.checks.map((check) => check.name));
      // The plan's "not required, and why": each job auto leaves out, with its reason.
      for (const job of pullRequest.notRequired) {
        const what = job.names.length > 0 ? job.names.join(', ') : `the checks of job ${job.job}`;
        findings.push({ rule: 'checks/not-required', level: 'notice', file: job.file, message: `branch ${branch.name}: auto does not require ${what}: ${job.reason}`, help: 'Checks that do not run on every pull request would hold the others forever; list one under required-checks by name if it must pass whenever it runs.' });
      }
    } else if (Array.isArray(configured) && pullRequest.found) {
      for (const name of configured) {
        if (pullRequest.checks.some((check) => check.name === name)) continue;
        const job = whyNotAlways(pullRequest.notRequired, name);
        findings.push(job?.never
          ? { rule: 'checks/unproduced', level: 'warning', file: job.file, message: `branch ${branch.name} requires ${name}, which never reaches a pull request: ${job.reason}; every pull request would wait for it`, help: 'Run the job on pull_request instead, or drop it from required-checks.' }
          : job
          ? { rule: 'checks/conditional', level: 'warning', file: job.file, message: `branch ${branch.name} requires ${name}, which is absent from some pull requests: ${job.reason}; those pull requests will wait for it`, help: 'Make the job run on every pull request (a path filter inside the job instead of the trigger), or drop it from required-checks.' }
          : { rule: 'checks/unproduced', level: 'warning', file: context.configFile, message: `branch ${branch.name} requires ${name}, which no workflow in ${WORKFLOW_DIRECTORY} produces on pull requests; every pull request would wait for it unless an app outside Actions reports it`, help: 'Use the check run name as GitHub shows it (job name, `job (matrix, values)`, `caller / callee`), or required-checks: auto.' });
      }
    }
  }
  if (found) result.set(owner, local);
  return result;
}

/**
 * Reusable workflows of other repositories, read through the API with the gate's token; one that
 * cannot be read keeps its reason, and its checks are then not required.
 */
async function readRemoteWorkflows(client: GitHubClient, calls: string[]): Promise<Map<string, RemoteWorkflow>> {
  const read = new Map<string, RemoteWorkflow>();
  for (const uses of calls) {
    const [, owner, repo, file, ref] = /^([^/]+)\/([^/]+)\/(.+)@(.+)$/.exec(uses)!;
    try {
      const text = await new RepositoryApi(client, `${owner}/${repo}`).readFile(file!, ref);
      read.set(uses, text === undefined ? { error: `${file} is not in ${owner}/${repo} at ${ref}` } : { text });
    } catch (error) {
      if (!(error instanceof RepositoryAccessError)) throw error;
      read.set(uses, { error: causeOf(error) });
    }
  }
  return read;
}
