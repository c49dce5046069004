import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { ConfigurationError, causeOf } from '../core/errors.js';
import { isBranchPattern, matchesBranchPattern } from './branches.js';
import { escapeRegExp, expandMatrix, hasStructuredValue, namePattern, nameCombination } from './matrix.js';

export const WORKFLOW_DIRECTORY = '.github/workflows';

/** A check run name a workflow produces on every pull request (or merge group), and the workflow that produces it. */
export interface ProducedCheck {
  name: string;
  file: string;
}

/**
 * A job `auto` does not require, and why: it runs only on some pull requests (its known
 * `names`), or its names cannot be known before it runs (`pattern` matches what it may produce).
 */
export interface NotRequiredJob {
  file: string;
  job: string;
  names: string[];
  pattern?: RegExp;
  reason: string;
  /** Its checks never reach a pull request's head commit (pull_request_target): requiring one locks. */
  never?: boolean;
}

export interface WorkflowChecks {
  checks: ProducedCheck[];
  notRequired: NotRequiredJob[];
  /** Environments a job that runs on every pull request deploys to (`environment:`), for required deployments. */
  environments: string[];
  /** Whether the directory holds any workflow at all (no workflows: nothing to compare with). */
  found: boolean;
}

/** The events whose checks a branch can require: pull requests, and merge groups for a merge queue. */
export type CheckEvent = 'pull_request' | 'merge_group';

type Json = Record<string, unknown>;

const TRIGGERS: Record<CheckEvent, string[]> = { pull_request: ['pull_request', 'pull_request_target'], merge_group: ['merge_group'] };
/** The activity types a pull_request trigger runs on by default; a `types` list without all three skips some pull requests. */
const EVERY_PULL_REQUEST = ['opened', 'synchronize', 'reopened'];
/** Job conditions that run the job even when a job it needs was skipped. */
const ALWAYS = /^(\$\{\{\s*)?(always\(\)|!\s*cancelled\(\))(\s*\}\})?$/;
/** Job conditions that add nothing to the implicit `success()`: the job runs when the jobs it needs ran. */
const DEFAULT_CONDITION = /^(\$\{\{\s*)?(true|success\(\))(\s*\}\})?$/;

/** Whether the workflow runs on every event of that kind into the branch, on some, or on none. */
type TriggerVerdict = ({ runs: 'always' } | { runs: 'sometimes'; reason: string; never?: boolean } | { runs: 'never' }) & {
  /** The events that start the workflow (what `github.event_name` can be in its jobs). */
  events?: string[];
};

/**
 * The check names the workflows under `cwd` report on every pull request into `branch` (or on
 * every merge group), named the way GitHub names check runs: the job `name` (matrix expressions
 * filled in) or the job id, `job (a, b)` for a matrix without an expression in the name,
 * `caller / callee` for a reusable workflow (another repository's read through `remote`). Checks
 * that run only on some pull requests, or whose names cannot be known before the run, are listed
 * apart with the reason.
 */
export function deriveRequiredChecks(cwd: string, branch: string, event: CheckEvent = 'pull_request', remote?: ReadonlyMap<string, RemoteWorkflow>): WorkflowChecks {
  const directory = path.join(cwd, WORKFLOW_DIRECTORY);
  const result: WorkflowChecks = { checks: [], notRequired: [], environments: [], found: false };
  if (!existsSync(directory)) return result;
  const files = readdirSync(directory).filter((name) => /\.ya?ml$/.test(name)).sort();
  result.found = files.length > 0;
  for (const name of files) {
    const file = `${WORKFLOW_DIRECTORY}/${name}`;
    const workflow = readWorkflow(cwd, file);
    const trigger = triggerVerdict(workflow.on, branch, event);
    if (trigger.runs === 'never') continue;
    const jobs = deriveJobs({ cwd, events: trigger.events ?? [], seen: new Set([file]), remote, inRemote: false }, file, workflow);
    for (const job of jobs) {
      const reason = trigger.runs === 'sometimes' ? trigger.reason : job.reason;
      if (reason !== undefined) {
        result.notRequired.push({ file: job.file, job: job.job, names: job.names, pattern: job.pattern, reason, ...(trigger.runs === 'sometimes' && trigger.never ? { never: true } : {}) });
        continue;
      }
      for (const check of job.names) if (!result.checks.some((known) => known.name === check)) result.checks.push({ name: check, file });
      if (job.environment !== undefined && !result.environments.includes(job.environment)) result.environments.push(job.environment);
    }
  }
  return result;
}

/** A job's check names, and why it may not report them (undefined: on every run of its workflow). */
interface DerivedJob {
  file: string;
  job: string;
  names: string[];
  pattern?: RegExp;
  reason?: string;
  /** The environment it deploys to, when its name is written out. */
  environment?: string;
}

function readWorkflow(cwd: string, file: string): Json {
  let value: unknown;
  try {
    value = parse(readFileSync(path.join(cwd, file), 'utf8'));
  } catch (error) {
    throw new ConfigurationError(`${file}: cannot derive required checks, the workflow is not valid YAML (${causeOf(error)}); fix it or list required-checks by name`);
  }
  return asObject(value);
}

function triggerVerdict(on: unknown, branch: string, event: CheckEvent): TriggerVerdict {
  const triggers = TRIGGERS[event];
  // `on: [pull_request]` is `on: {pull_request: {}}` without filters.
  const filters = typeof on === 'string' || Array.isArray(on) ? Object.fromEntries((Array.isArray(on) ? on.map(String) : [on]).map((name) => [name, {}])) : asObject(on);
  const verdicts = triggers.filter((trigger) => trigger in filters).map((trigger) => ({ trigger, verdict: filterVerdict(trigger, asObject(filters[trigger]), branch) }));
  const events = verdicts.filter(({ verdict }) => verdict.runs !== 'never').map(({ trigger }) => trigger);
  const always = verdicts.find(({ verdict }) => verdict.runs === 'always');
  const verdict = always?.verdict ?? verdicts.find(({ verdict }) => verdict.runs === 'sometimes')?.verdict ?? { runs: 'never' };
  return { ...verdict, events };
}

/** What a trigger's filters mean for pull requests into `branch`. */
function filterVerdict(trigger: string, filter: Json, branch: string): TriggerVerdict {
  const verdict = filterVerdictOfEvent(trigger, filter, branch);
  // GitHub reports a pull_request_target run on the base branch's commit, which is not the one
  // branch protection looks at: its checks never count for the pull request.
  if (trigger === 'pull_request_target' && verdict.runs !== 'never') {
    return { runs: 'sometimes', never: true, reason: "it runs on pull_request_target, whose checks GitHub reports on the base branch's commit, never on the pull request's head" };
  }
  return verdict;
}

function filterVerdictOfEvent(trigger: string, filter: Json, branch: string): TriggerVerdict {
  const branchFilter = filter.branches ?? filter['branches-ignore'];
  if (Array.isArray(branchFilter)) {
    const key = filter.branches !== undefined ? 'branches' : 'branches-ignore';
    // A pattern stands for several branches, which a filter may treat differently.
    if (isBranchPattern(branch)) return { runs: 'sometimes', reason: `its ${trigger} trigger filters base branches (${key}), and ${branch} stands for several` };
    // It never runs for this branch: its checks are not produced at all, not produced sometimes.
    if (!targetsBranch(filter, branch)) return { runs: 'never' };
  }
  if (Array.isArray(filter.paths)) return { runs: 'sometimes', reason: `it runs only when a pull request changes files matching paths: ${filter.paths.map(String).join(', ')}` };
  if (Array.isArray(filter['paths-ignore'])) return { runs: 'sometimes', reason: `it is skipped when a pull request changes only files matching paths-ignore: ${filter['paths-ignore'].map(String).join(', ')}` };
  const types = filter.types;
  if (types !== undefined && trigger !== 'merge_group') {
    const list = Array.isArray(types) ? types.map(String) : [String(types)];
    if (!EVERY_PULL_REQUEST.every((type) => list.includes(type))) return { runs: 'sometimes', reason: `it runs only on pull request activity types ${list.join(', ')}, not on every push to a pull request` };
  }
  return { runs: 'always' };
}

/** Applies the trigger's `branches` / `branches-ignore` filters to the pull request's base branch. */
function targetsBranch(filter: Json, branch: string): boolean {
  const include = filter.branches;
  if (Array.isArray(include)) {
    let matched = false;
    // A `!pattern` after a match excludes again; order matters, as in GitHub's filter.
    for (const pattern of include.map(String)) {
      if (pattern.startsWith('!')) {
        if (matchesBranchPattern(pattern.slice(1), branch)) matched = false;
      } else if (matchesBranchPattern(pattern, branch)) {
        matched = true;
      }
    }
    return matched;
  }
  const ignore = filter['branches-ignore'];
  if (Array.isArray(ignore)) return !ignore.map(String).some((pattern) => matchesBranchPattern(pattern, branch));
  return true;
}

/**
 * Every job of a workflow with its names. A job is conditional when its `if:` may skip it or when
 * a job it needs is conditional (a skipped dependency skips it too, unless its `if:` says always).
 */
/** Where a walk through workflows and the workflows they call stands. */
interface Walk {
  cwd: string;
  /** What `github.event_name` can be (a called workflow sees its caller's event). */
  events: string[];
  /** Workflows on the way here, to stop a loop. */
  seen: Set<string>;
  remote?: ReadonlyMap<string, RemoteWorkflow>;
  /** Inside a workflow of another repository, where `./` paths are that repository's. */
  inRemote: boolean;
}

/** A reusable workflow of another repository, as read through the API: its text, or why it could not be read. */
export type RemoteWorkflow = { text: string } | { error: string };

function deriveJobs(walk: Walk, file: string, workflow: Json): DerivedJob[] {
  const jobs = asObject(workflow.jobs);
  const derived = new Map<string, DerivedJob[]>();
  const conditionOf = new Map<string, string | undefined>();
  const visiting = new Set<string>();
  const condition = (jobId: string): string | undefined => {
    if (conditionOf.has(jobId)) return conditionOf.get(jobId);
    if (visiting.has(jobId)) return undefined;
    visiting.add(jobId);
    const job = asObject(jobs[jobId]);
    const test = job.if === undefined ? undefined : String(job.if).trim();
    const known = test === undefined ? undefined : eventCondition(test, walk.events);
    let reason: string | undefined;
    if (known === false) reason = `its job condition \`if: ${test}\` is false on ${walk.events.join(' and ')}`;
    else if (test !== undefined && known === undefined && !ALWAYS.test(test) && !DEFAULT_CONDITION.test(test)) reason = `its job condition \`if: ${test}\` may skip it`;
    else if (test === undefined || known === true || DEFAULT_CONDITION.test(test)) {
      const needs = Array.isArray(job.needs) ? job.needs.map(String) : typeof job.needs === 'string' ? [job.needs] : [];
      const skipped = needs.find((need) => condition(need) !== undefined);
      if (skipped !== undefined) reason = `it needs job ${skipped}, which may be skipped`;
    }
    conditionOf.set(jobId, reason);
    return reason;
  };
  for (const [jobId, job] of Object.entries(jobs)) derived.set(jobId, deriveJob(walk, file, jobId, asObject(job)));
  return [...derived.entries()].flatMap(([jobId, list]) => {
    const reason = condition(jobId);
    return list.map((job) => (reason !== undefined && job.reason === undefined ? { ...job, reason } : job));
  });
}

function deriveJob(walk: Walk, file: string, jobId: string, job: Json): DerivedJob[] {
  const template = typeof job.name === 'string' ? job.name : jobId;
  const unknown = (reason: string, callee = false): DerivedJob[] => [{ file, job: jobId, names: [], pattern: callee ? new RegExp(`${namePattern(template, true).source.slice(0, -1)} / .+$`) : namePattern(template, true), reason }];
  const expansion = expandMatrix(asObject(job.strategy).matrix);
  if ('unknown' in expansion) return unknown(expansion.unknown, typeof job.uses === 'string');
  const names: string[] = [];
  for (const combination of expansion.combinations) {
    const name = nameCombination(template, combination);
    if (name === undefined) return unknown(`its name ${JSON.stringify(template)} uses an expression other than a matrix value`, typeof job.uses === 'string');
    if (!template.includes('${{') && hasStructuredValue(combination)) return unknown('its matrix holds mappings or lists, whose rendering in the check name GitHub does not document', typeof job.uses === 'string');
    names.push(name);
  }
  if (typeof job.uses !== 'string') {
    const environment = typeof job.environment === 'string' ? job.environment : asObject(job.environment).name;
    return [{ file, job: jobId, names, ...(typeof environment === 'string' && !environment.includes('${{') ? { environment } : {}) }];
  }
  return callerJobs(walk, file, jobId, job.uses, names, unknown);
}

/** A reusable workflow's checks are `caller / callee`, for each caller name and each callee check. */
function callerJobs(walk: Walk, file: string, jobId: string, uses: string, callers: string[], unknown: (reason: string, callee: boolean) => DerivedJob[]): DerivedJob[] {
  const local = uses.startsWith('./');
  if (local && walk.inRemote) return unknown(`it calls ${uses} of the repository that holds its workflow, which is not read`, true);
  const callee = local ? uses.slice(2).replace(/@.*$/, '') : uses;
  if (walk.seen.has(callee)) return unknown(`it calls ${callee}, which calls itself`, true);
  let workflow: Json;
  if (local) {
    if (!existsSync(path.join(walk.cwd, callee))) return unknown(`it calls ${callee}, which does not exist`, true);
    workflow = readWorkflow(walk.cwd, callee);
  } else {
    const read = walk.remote?.get(uses);
    if (read === undefined) return unknown(`it calls ${uses}, a workflow outside this repository, whose jobs are not read`, true);
    if ('error' in read) return unknown(`it calls ${uses}, which could not be read (${read.error})`, true);
    try {
      workflow = asObject(parse(read.text));
    } catch (error) {
      return unknown(`it calls ${uses}, which is not valid YAML (${causeOf(error)})`, true);
    }
  }
  // A called workflow sees its caller's event.
  const jobs = deriveJobs({ ...walk, seen: new Set([...walk.seen, callee]), inRemote: walk.inRemote || !local }, callee, workflow);
  return jobs.map((job) => ({
    // Findings point at a file of this checkout: for another repository's jobs, the caller.
    file: local && !walk.inRemote ? job.file : file,
    job: `${jobId} / ${job.job}`,
    names: callers.flatMap((caller) => job.names.map((name) => `${caller} / ${name}`)),
    pattern: job.pattern && new RegExp(`^(${callers.map(escapeRegExp).join('|')}) / ${job.pattern.source.slice(1)}`),
    reason: job.reason,
    environment: job.environment,
  }));
}

/**
 * The reusable workflows of other repositories (`owner/repo/path@ref`) that the workflows under
 * `cwd` call, directly or through a local reusable workflow: what to read through the API.
 */
export function remoteWorkflowCalls(cwd: string): string[] {
  const directory = path.join(cwd, WORKFLOW_DIRECTORY);
  if (!existsSync(directory)) return [];
  const calls = new Set<string>();
  for (const name of readdirSync(directory).filter((entry) => /\.ya?ml$/.test(entry))) {
    for (const job of Object.values(asObject(readWorkflow(cwd, `${WORKFLOW_DIRECTORY}/${name}`).jobs))) {
      const uses = asObject(job).uses;
      if (typeof uses === 'string' && /^[^./][^/]*\/[^/]+\/.+@.+$/.test(uses)) calls.add(uses);
    }
  }
  return [...calls].sort();
}

/**
 * The value of `github.event_name == 'x'` (or `!=`) when the workflow starts only on `events`;
 * undefined for any other condition, or when the events disagree.
 */
function eventCondition(test: string, events: string[]): boolean | undefined {
  const match = /^(?:\$\{\{\s*)?github\.event_name\s*(==|!=)\s*'([\w-]+)'(?:\s*\}\})?$/.exec(test);
  if (!match || events.length === 0) return undefined;
  const [, operator, name] = match;
  const all = events.every((event) => event === name);
  const none = events.every((event) => event !== name);
  if (!all && !none) return undefined;
  return operator === '==' ? all : none;
}

/** Whether a job listed as not required may produce this check name, and why it is not always there. */
export function whyNotAlways(notRequired: NotRequiredJob[], name: string): NotRequiredJob | undefined {
  return notRequired.find((job) => job.names.includes(name)) ?? notRequired.find((job) => job.pattern?.test(name));
}

function asObject(value: unknown): Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : {};
}
