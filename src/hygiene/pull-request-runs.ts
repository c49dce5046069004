import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { PackageDiscovery } from '../core/packages.js';
import { readProjectFile } from '../core/project-files.js';
import { ScriptCoverage } from './coverage.js';
import { isWorkflowFile, readCompositeSteps, readWorkflow, type Workflow, type WorkflowStep } from './workflows.js';

/** How many local actions and reusable workflows deep the runs are followed. */
const MAX_NESTING = 4;
const PRE_COMMIT_CONFIG = '.pre-commit-config.yaml';

/**
 * What `pullRequestWorkflows` run, followed into the local actions and reusable workflows they use (of `workflows`, the
 * project's), the local pre-commit hooks they run, and the package scripts all of those run; and the actions used.
 */
export function followPullRequestRuns(
  root: string,
  fileSet: ReadonlySet<string>,
  discovery: PackageDiscovery,
  workflows: readonly Workflow[],
  pullRequestWorkflows: readonly Workflow[],
  compositeSteps: (uses: string) => WorkflowStep[] | undefined,
): { coverage: ScriptCoverage; uses: string[] } {
  const byFile = new Map(workflows.map((workflow) => [workflow.file, workflow]));
  const coverage = new ScriptCoverage(discovery, (file) => (fileSet.has(file) ? readProjectFile(root, file) : undefined));
  const uses: string[] = [];
  const visit = (steps: WorkflowStep[], depth: number) => {
    for (const step of steps) {
      if (step.run !== undefined && step.workingDirectory !== undefined) coverage.addStepScript(step.run, step.workingDirectory);
      if (!step.uses) continue;
      uses.push(step.uses);
      if (step.uses.startsWith('./') && depth < MAX_NESTING) visit(compositeSteps(step.uses) ?? [], depth + 1);
    }
  };
  const seenWorkflows = new Set<string>();
  const visitWorkflow = (workflow: Workflow, depth: number) => {
    if (seenWorkflows.has(workflow.file)) return;
    seenWorkflows.add(workflow.file);
    for (const job of workflow.jobs) {
      visit(job.steps, depth);
      if (!job.uses) continue;
      uses.push(job.uses);
      const called = job.uses.startsWith('./') ? byFile.get(path.posix.normalize(job.uses.replace(/^\.\//, '').replace(/@.*$/, ''))) : undefined;
      if (called && depth < MAX_NESTING) visitWorkflow(called, depth + 1);
    }
  };
  for (const workflow of pullRequestWorkflows) visitWorkflow(workflow, 0);
  const runsPreCommit = uses.some((action) => /^pre-commit\/action@/i.test(action)) || coverage.commands.some((words) => {
    const [tool, sub] = words[0] === 'uvx' || words[0] === 'pipx' ? words.slice(words[1] === 'run' ? 2 : 1) : words[0] === 'uv' && words[1] === 'run' ? words.slice(2) : words;
    return (tool === 'pre-commit' || tool === 'prek') && sub === 'run';
  });
  if (runsPreCommit && fileSet.has(PRE_COMMIT_CONFIG)) for (const entry of preCommitEntries(root)) coverage.addStepScript(entry, '');
  return { coverage, uses };
}

/** What the project's workflows on pull_request run (see followPullRequestRuns); undefined when none runs on pull_request. */
export function pullRequestRuns(root: string, files: readonly string[], discovery: PackageDiscovery): ScriptCoverage | undefined {
  const fileSet = new Set(files);
  const workflows = files.filter(isWorkflowFile).map((file) => readWorkflow(root, file));
  const pullRequestWorkflows = workflows.filter((workflow) => workflow.triggers.has('pull_request'));
  if (pullRequestWorkflows.length === 0) return undefined;
  return followPullRequestRuns(root, fileSet, discovery, workflows, pullRequestWorkflows, (uses) => readCompositeSteps(root, fileSet, uses)).coverage;
}

/** The commands of pre-commit's local hooks, which pre-commit runs from the repository root. */
function preCommitEntries(root: string): string[] {
  let config: { repos?: Array<{ repo?: unknown; hooks?: Array<{ entry?: unknown }> }> } | undefined;
  const text = readProjectFile(root, PRE_COMMIT_CONFIG);
  try {
    config = parseYaml(text) as typeof config;
  } catch {
    return []; // pre-commit itself fails on a config it cannot read.
  }
  return (config?.repos ?? []).filter((repo) => repo?.repo === 'local').flatMap((repo) => (repo.hooks ?? []).map((hook) => hook?.entry).filter((entry): entry is string => typeof entry === 'string'));
}
