import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { PackageDiscovery, ProjectPackage } from '../core/packages.js';
import { readProjectFile } from '../core/project-files.js';
import type { ScriptCoverage } from './coverage.js';
import { lineOf, type Emit } from './emit.js';
import { SAMPLE_FOLDER } from './folders.js';
import { SCRIPT_KINDS, type ScriptKind } from './options.js';
import { shellCommands } from './shell.js';
import { followPullRequestRuns } from './pull-request-runs.js';
import { isWorkflowFile, readCompositeSteps, readWorkflow, type Workflow, type WorkflowStep } from './workflows.js';

const FIRST_PARTY_OWNERS = new Set(['actions', 'github']);
const FULL_SHA = /^[0-9a-f]{40}$/;
const PLACEHOLDER_SCRIPT = /no test specified|^\s*(?:echo\b[^&|;]*|true|exit 0)\s*$/;
const OTHER_CI = /^(?:\.travis\.ya?ml|\.circleci\/config\.ya?ml|\.gitlab-ci\.ya?ml|azure-pipelines\.ya?ml|Jenkinsfile|bitbucket-pipelines\.ya?ml|\.buildkite\/pipeline\.ya?ml|\.drone\.ya?ml|\.woodpecker\.ya?ml)$/;

const SECRET_SCAN_ACTIONS = /^(?:gitleaks\/gitleaks-action|zricethezav\/gitleaks-action|trufflesecurity\/trufflehog|gitguardian\/ggshield(?:-action)?|readiness-gates\/readiness-gates(?:\/actions\/secret-scan)?(?:\/\.github\/workflows\/readiness\.ya?ml)?)@/i;
const AUDIT_ACTIONS = /^(?:actions\/dependency-review-action|snyk\/actions\/[\w-]+|google\/osv-scanner-action\/[\w./-]+|readiness-gates\/readiness-gates(?:\/actions\/audit)?(?:\/\.github\/workflows\/readiness\.ya?ml)?)@/i;
const SECRET_SCAN_TOOLS = new Set(['gitleaks', 'trufflehog', 'ggshield', 'detect-secrets', 'secretlint']);
const AUDIT_TOOLS = new Set(['audit-ci', 'better-npm-audit', 'osv-scanner', 'npm-audit-resolver', 'improved-yarn-audit']);
const HEAD_REF = /github\.event\.pull_request\.head\.(?:sha|ref)|github\.head_ref|refs\/pull\//;

export interface CiOptions {
  scripts: Record<ScriptKind, string[]>;
}

/** ci/*: what the workflows run on pull requests, and how safely they are written. */
export function checkWorkflows(root: string, files: readonly string[], discovery: PackageDiscovery, options: CiOptions, emit: Emit, context: { note(message: string): void }): { workflows: number } {
  const fileSet = new Set(files);
  const workflows = files.filter(isWorkflowFile).map((file) => readWorkflow(root, file));
  // Jobs use the same local actions again and again (a setup action in every job): read each once.
  const composites = new Map<string, WorkflowStep[] | undefined>();
  const compositeSteps = (uses: string) => {
    if (!composites.has(uses)) composites.set(uses, readCompositeSteps(root, fileSet, uses));
    return composites.get(uses);
  };
  const pinChecked = new Set<string>();
  for (const workflow of workflows) {
    if (workflow.error) {
      emit({ rule: 'ci/invalid-workflow', message: `${workflow.file} is not valid YAML: ${workflow.error}.`, file: workflow.file, fingerprint: `${workflow.file}:ci/invalid-workflow` });
      continue;
    }
    checkPermissions(workflow, emit);
    checkPullRequestTarget(workflow, emit);
    for (const job of workflow.jobs) {
      if (job.uses) checkPinned(job.uses, workflow.file, job.line, emit, pinChecked);
      for (const step of job.steps) if (step.uses) checkPinned(step.uses, step.file, step.line, emit, pinChecked);
    }
  }
  for (const file of files) {
    if (!/(?:^|\/)action\.ya?ml$/.test(file)) continue;
    const folder = path.posix.dirname(file);
    for (const step of compositeSteps(folder === '.' ? '.' : folder) ?? []) if (step.uses) checkPinned(step.uses, step.file, step.line, emit, pinChecked);
  }

  const pullRequestWorkflows = workflows.filter((workflow) => workflow.triggers.has('pull_request'));
  const judged = discovery.packages.filter((entry) => !SAMPLE_FOLDER.test(entry.dir));
  if (pullRequestWorkflows.length === 0) {
    // CI on another service checks pull requests where this gate cannot see; it judges GitHub workflows only.
    const otherCi = files.find((file) => OTHER_CI.test(file));
    if (otherCi) context.note(`hygiene: ${otherCi} runs CI outside GitHub Actions; ci/* checks of scripts were skipped`);
    else if (judged.length > 0 || workflows.length > 0) {
      emit({ rule: 'ci/no-pull-request-workflow', message: 'No workflow runs on pull_request, so nothing checks a change before it merges.', ...(workflows[0] ? { file: workflows[0].file } : {}), fingerprint: 'ci/no-pull-request-workflow' });
    }
    return { workflows: workflows.length };
  }

  const { coverage, uses } = followPullRequestRuns(root, fileSet, discovery, workflows, pullRequestWorkflows, compositeSteps);

  const where = pullRequestWorkflows.map((workflow) => workflow.file).join(', ');
  const firstFile = pullRequestWorkflows[0]!.file;
  const commandNames = coverage.commands.map((words) => words.map((word) => path.posix.basename(word)));
  // This suite's own actions used from the checkout (`uses: ./actions/audit`), as its repository does.
  const localSuite = uses.filter((action) => action.startsWith('./')).map((action) => suiteActionName(root, fileSet, action));
  const secretScan = localSuite.some((name) => name === 'readiness-gates' || name === 'readiness-gates: secret scan') || uses.some((action) => SECRET_SCAN_ACTIONS.test(action)) || commandNames.some((words) => SECRET_SCAN_TOOLS.has(words[0] ?? '') || isReadinessCommand(words, 'secret-scan'));
  if (!secretScan) emit({ rule: 'ci/no-secret-scan', message: `No workflow on pull_request (${where}) runs a secret scan, so a committed credential is only found after it merged.`, file: firstFile, fingerprint: 'ci/no-secret-scan' });
  const audit = localSuite.some((name) => name === 'readiness-gates' || name === 'readiness-gates: dependency audit') || uses.some((action) => AUDIT_ACTIONS.test(action)) || commandNames.some((words) => isAuditCommand(words) || isReadinessCommand(words, 'audit'));
  if (!audit && discovery.packages.length > 0) emit({ rule: 'ci/no-dependency-audit', message: `No workflow on pull_request (${where}) audits dependencies, so a change can bring in a known-vulnerable package.`, file: firstFile, fingerprint: 'ci/no-dependency-audit' });

  for (const entry of judged) checkPackageScripts(entry, discovery, coverage, options, where, emit);
  return { workflows: workflows.length };
}

function checkPackageScripts(entry: ProjectPackage, discovery: PackageDiscovery, coverage: ScriptCoverage, options: CiOptions, where: string, emit: Emit): void {
  const scripts = entry.manifest.scripts ?? {};
  const manifestFile = entry.dir ? `${entry.dir}/package.json` : 'package.json';
  const workspaceRoot = entry.workspaceRoot === undefined ? undefined : discovery.packages.find((candidate) => candidate.dir === entry.workspaceRoot);
  for (const kind of SCRIPT_KINDS) {
    const defined = options.scripts[kind].filter((name) => typeof scripts[name] === 'string' && !PLACEHOLDER_SCRIPT.test(scripts[name] as string));
    if (defined.length === 0) continue;
    const covered = defined.some((name) => coverage.hasRun(entry, name) || coverage.ranVariant(entry, name) || coverage.ranEveryPart(entry, scripts[name] as string) || coverage.ranAsTool(entry, scripts[name] as string) || handsOffToWorkspaces(entry, scripts[name] as string))
      || (kind === 'typecheck' && coverage.ranTypeCheck(entry))
      // A root runner (vitest projects, eslint ., tsc -b) that CI runs covers the workspace members.
      || (workspaceRoot !== undefined && options.scripts[kind].some((name) => coverage.ranItself(workspaceRoot, name)));
    if (covered) continue;
    const label = entry.dir ? `Package ${entry.name} (${entry.dir})` : `Package ${entry.name}`;
    emit({
      rule: `ci/${kind}-not-run`,
      message: `${label} defines "${defined[0]}" but no workflow on pull_request (${where}) runs it, so a change that breaks it can merge.`,
      file: manifestFile,
      line: lineOf(entry.manifestText, new RegExp(`"${defined[0]!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"\\s*:`)) ?? 1,
      fingerprint: `${manifestFile}:ci/${kind}-not-run`,
    });
  }
}

/** A workspace root's script that only runs the members' scripts (`turbo run test`): the members are judged instead. */
function handsOffToWorkspaces(entry: ProjectPackage, body: string): boolean {
  if (entry.workspaces.length === 0) return false;
  const words = shellCommands(body).map((command) => command.words.map((word) => path.posix.basename(word)));
  return words.length > 0 && words.every((command) => /^(?:turbo|nx|lerna)$/.test(command[0] ?? '') || command.includes('-r') || command.includes('--recursive') || command.includes('--workspaces') || command.includes('-ws') || command.some((word) => word.startsWith('--filter')) || (command[0] === 'yarn' && command[1] === 'workspaces'));
}

function isAuditCommand(words: string[]): boolean {
  const [tool, sub, third] = words;
  if (AUDIT_TOOLS.has(tool ?? '')) return true;
  if ((tool === 'npm' || tool === 'pnpm' || tool === 'bun') && sub === 'audit') return true;
  if (tool === 'yarn' && (sub === 'audit' || (sub === 'npm' && third === 'audit'))) return true;
  return tool === 'snyk' && sub === 'test';
}

function isReadinessCommand(words: string[], gate: string): boolean {
  const index = words.findIndex((word) => word === 'readiness-gates' || /readiness-gates\/dist\/cli\/index\.js$/.test(word));
  return index !== -1 && (words[index + 1] === gate || words[index + 1] === 'all');
}

function checkPermissions(workflow: Workflow, emit: Emit): void {
  for (const line of workflow.writeAllLines) {
    emit({ rule: 'ci/permissions', message: `${workflow.file} grants \`permissions: write-all\`, so every step can push code and change the repository.`, file: workflow.file, line, fingerprint: `${workflow.file}:ci/permissions:${line}` });
  }
  if (workflow.permissionsLine !== undefined) return;
  const open = workflow.jobs.filter((job) => !job.hasPermissions);
  if (open.length === 0) return;
  emit({
    rule: 'ci/permissions',
    message: `${workflow.file} declares no top-level \`permissions:\` and job${open.length === 1 ? '' : 's'} ${open.map((job) => job.id).join(', ')} none either, so ${open.length === 1 ? 'it runs' : 'they run'} with the repository's default token permissions, which may be write-all.`,
    file: workflow.file,
    line: 1,
    fingerprint: `${workflow.file}:ci/permissions`,
  });
}

function checkPullRequestTarget(workflow: Workflow, emit: Emit): void {
  if (!workflow.triggers.has('pull_request_target')) return;
  const seen = new Set<number>();
  for (const job of workflow.jobs) {
    for (const step of job.steps) {
      if (seen.has(step.line)) continue; // The same step again, for another matrix combination.
      const ref = step.with.ref;
      const checksOutHead = (step.uses?.toLowerCase().startsWith('actions/checkout@') && typeof ref === 'string' && HEAD_REF.test(ref))
        || (step.run !== undefined && checksOutInShell(step.run));
      if (checksOutHead) {
        seen.add(step.line);
        emit({ rule: 'ci/pull-request-target-checkout', message: `${workflow.file}: job ${job.id} runs on pull_request_target and checks out the pull request's code, which then runs with the base repository's secrets and write token.`, file: step.file, line: step.line, fingerprint: `${step.file}:ci/pull-request-target-checkout:${job.id}` });
      }
    }
  }
}

function checksOutInShell(script: string): boolean {
  const mentionsHead = HEAD_REF.test(script);
  return shellCommands(script).some(({ words }) => (words[0] === 'gh' && words[1] === 'pr' && words[2] === 'checkout') || (mentionsHead && words[0] === 'git' && /^(?:checkout|fetch|switch|pull)$/.test(words[1] ?? '')));
}

function checkPinned(uses: string, file: string, line: number, emit: Emit, seen: Set<string>): void {
  // A step repeated for each matrix combination is one place in the file.
  const place = `${file}:${line}:${uses}`;
  if (uses.startsWith('./') || uses.startsWith('docker://') || seen.has(place)) return;
  seen.add(place);
  // A remote action is always owner/repo[/path]@ref; anything else is local or not an action reference.
  const remote = /^([A-Za-z0-9-]+)\/[\w.-]+(?:\/[^@]*)?@(.+)$/.exec(uses);
  if (!remote) return;
  const [, owner, ref] = remote as unknown as [string, string, string];
  if (FIRST_PARTY_OWNERS.has(owner.toLowerCase()) || FULL_SHA.test(ref)) return;
  const action = uses.slice(0, uses.lastIndexOf('@'));
  emit({ rule: 'ci/unpinned-action', message: `${file}: ${uses} is a third-party action pinned to the movable ref ${ref}, so whoever controls it can change the code your workflow runs.`, file, line, fingerprint: `${file}:ci/unpinned-action:${action}` });
}

/** The `name:` of a local action's metadata, to recognise this suite's actions used from a checkout. */
function suiteActionName(root: string, files: ReadonlySet<string>, uses: string): string | undefined {
  const folder = path.posix.normalize(uses.replace(/^\.\//, '')).replace(/\/$/, '');
  const file = ['action.yml', 'action.yaml'].map((name) => (folder === '.' ? name : `${folder}/${name}`)).find((candidate) => files.has(candidate));
  if (!file) return undefined;
  const text = readProjectFile(root, file);
  try {
    const name = (parseYaml(text) as { name?: unknown } | null)?.name;
    return typeof name === 'string' ? name.trim().toLowerCase() : undefined;
  } catch {
    return undefined; // Not an action we can read; it counts for nothing.
  }
}
