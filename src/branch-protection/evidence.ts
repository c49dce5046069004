import type { RepositoryApi, ReportedCheck } from './api.js';
import { isBranchPattern } from './branches.js';
import type { LockoutEvidence, MergeRules } from './lockout.js';
import { GITHUB_ACTIONS_APP_ID, type RequiredCheck } from './protection.js';
import { WORKFLOW_DIRECTORY, whyNotAlways, type WorkflowChecks } from './workflows.js';

/** What the checkout's workflows report for one configured branch, on pull requests and in a merge queue. */
export interface BranchWorkflows {
  pullRequest: WorkflowChecks;
  mergeGroup: WorkflowChecks;
}

/** Where GitHub looks for CODEOWNERS, in its order. */
const CODEOWNERS_PATHS = ['.github/CODEOWNERS', 'CODEOWNERS', 'docs/CODEOWNERS'];

/**
 * The lock-out guard's questions, answered from the checkout's workflows where they are known
 * and from GitHub otherwise: a check counts as produced when a workflow reports it on every pull
 * request, or when some app reported it on the branch or on its latest pull request (a check
 * from Codecov, Vercel or a CI outside Actions). Each answer is asked once.
 */
export function lockoutEvidence(api: RepositoryApi, branch: string, workflows: BranchWorkflows | undefined): LockoutEvidence {
  let reported: Promise<{ checks: ReportedCheck[]; pull: boolean }> | undefined;
  let writers: Promise<{ count: number; atLeast: boolean }> | undefined;
  let codeOwners: Promise<string | undefined> | undefined;
  const concrete = !isBranchPattern(branch);
  let head: Promise<string | undefined> | undefined;
  const latestHead = (): Promise<string | undefined> => (head ??= concrete ? api.latestPullRequestHead(branch) : Promise.resolve(undefined));
  // Only a pull request's head counts: a check the branch's own commits carry may come from a
  // push workflow that never runs on pull requests.
  const reportedOnGitHub = async (): Promise<{ checks: ReportedCheck[]; pull: boolean }> => {
    const sha = await latestHead();
    return { checks: sha ? await api.reportedChecks(sha) : [], pull: sha !== undefined };
  };
  return {
    async missingProducer(check: RequiredCheck) {
      const fromActions = check.appId === null || check.appId === -1 || check.appId === GITHUB_ACTIONS_APP_ID;
      let neverThere: string | undefined;
      if (workflows && fromActions) {
        if (workflows.pullRequest.checks.some((produced) => produced.name === check.context)) return undefined;
        // A check that runs on some pull requests is warned about where it is configured; one
        // that never reaches the pull request's head is a lock-out.
        const job = whyNotAlways(workflows.pullRequest.notRequired, check.context);
        if (job && !job.never) return undefined;
        neverThere = job?.never ? job.reason : undefined;
      }
      reported ??= reportedOnGitHub();
      const { checks, pull } = await reported;
      const seen = checks.some((known) => known.name === check.context && (check.appId === null || check.appId === -1 || known.appId === check.appId));
      if (seen) return undefined;
      const app = check.appId === null || check.appId === -1 ? 'any app' : check.appId === GITHUB_ACTIONS_APP_ID ? 'GitHub Actions' : `app ${check.appId}`;
      const local = neverThere ?? (workflows ? `no workflow in ${WORKFLOW_DIRECTORY} reports it on every pull request into ${branch}` : 'the workflows of this repository are not in the checkout');
      const remote = !concrete ? `and ${branch} is not one branch, so no pull request shows what reports it` : pull ? `and ${app} did not report it on the latest pull request into ${branch}` : `and no pull request into ${branch} shows what reports it`;
      return `${local}, ${remote}, so every pull request would wait for it`;
    },
    missingInMergeQueue(check: RequiredCheck) {
      if (!workflows) return 'the workflows of this repository are not in the checkout, so nothing shows that it runs on merge_group';
      if (workflows.mergeGroup.checks.some((produced) => produced.name === check.context)) return undefined;
      if (whyNotAlways(workflows.mergeGroup.notRequired, check.context)) return undefined;
      return `no workflow in ${WORKFLOW_DIRECTORY} runs it on merge_group, so every queued pull request would wait for it`;
    },
    async missingDeployment(environment: string) {
      if (workflows?.pullRequest.environments.includes(environment)) return undefined;
      const sha = await latestHead();
      if (sha !== undefined && (await api.deployedTo(environment, sha))) return undefined;
      const local = workflows ? `no workflow in ${WORKFLOW_DIRECTORY} deploys every pull request there` : 'the workflows of this repository are not in the checkout';
      return `${local}, and ${sha === undefined ? `no pull request into ${branch} shows a deployment` : `the latest pull request into ${branch} was not deployed there`}, so every pull request would wait for it`;
    },
    async noMergeMethod(rules: MergeRules) {
      const methods = await api.mergeMethods();
      // A method the answer leaves out (a token without admin view) may be allowed: nothing is claimed then.
      if (methods.squash !== false || (methods.merge !== false && !rules.linear) || (methods.rebase !== false && !rules.signed)) return undefined;
      const allowed = [methods.merge && 'merge commits', methods.rebase && 'rebase merging'].filter((method) => typeof method === 'string');
      const reasons = [methods.merge && 'a linear history forbids merge commits', methods.rebase && 'GitHub cannot sign the commits a rebase merge writes'].filter((reason) => typeof reason === 'string');
      return `the repository allows ${allowed.join(' and ')} only (${reasons.join('; ')}), so no pull request could merge`;
    },
    approvers() {
      writers ??= api.countWriters();
      return writers;
    },
    missingCodeOwners() {
      codeOwners ??= (async () => {
        for (const file of CODEOWNERS_PATHS) {
          const text = await api.readFile(file, concrete ? branch : undefined);
          if (text === undefined) continue;
          return ownsSomething(text) ? undefined : `${file} assigns no owner to any path`;
        }
        return `the repository has no CODEOWNERS file (${CODEOWNERS_PATHS.join(', ')})${concrete ? ` on ${branch}` : ''}`;
      })();
      return codeOwners;
    },
  };
}

/** Whether a CODEOWNERS file has a rule with at least one owner (a pattern alone un-owns). */
function ownsSomething(text: string): boolean {
  return text.split('\n').some((line) => {
    const rule = line.replace(/(^|\s)#.*$/, '').trim();
    return rule.split(/\s+/).filter((part) => part.startsWith('@') || part.includes('@')).length > 0 && rule.split(/\s+/).length > 1;
  });
}
