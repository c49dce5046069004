import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { ConfigurationError, causeOf } from '../core/errors.js';
import { matchesBranchPattern } from './branches.js';

export const WORKFLOW_DIRECTORY = '.github/workflows';

/** A check run name a workflow produces on pull requests, and the workflow that produces it. */
export interface ProducedCheck {
  name: string;
  file: string;
}

/** A job whose check names cannot be known without running it (a `fromJSON` matrix, a remote reusable workflow…). */
export interface UnresolvedJob {
  file: string;
  job: string;
  reason: string;
}

export interface WorkflowChecks {
  checks: ProducedCheck[];
  unresolved: UnresolvedJob[];
  /** Whether the directory holds any workflow at all (no workflows: nothing to compare with). */
  found: boolean;
}

type Json = Record<string, unknown>;
type Combination = Array<[string, unknown]>;

const PULL_REQUEST_EVENTS = ['pull_request', 'pull_request_target'];

/**
 * The check names the workflows under `cwd` report on a pull request into `branch`, named the
 * way GitHub names check runs: the job `name` (matrix expressions filled in) or the job id,
 * `job (a, b)` for a matrix without an expression in the name, `caller / callee` for a local
 * reusable workflow.
 */
export function deriveRequiredChecks(cwd: string, branch: string): WorkflowChecks {
  const directory = path.join(cwd, WORKFLOW_DIRECTORY);
  const result: WorkflowChecks = { checks: [], unresolved: [], found: false };
  if (!existsSync(directory)) return result;
  const files = readdirSync(directory).filter((name) => /\.ya?ml$/.test(name)).sort();
  result.found = files.length > 0;
  for (const name of files) {
    const file = `${WORKFLOW_DIRECTORY}/${name}`;
    const workflow = readWorkflow(cwd, file);
    if (!runsOnPullRequest(workflow.on, branch)) continue;
    for (const [jobId, job] of Object.entries(asObject(workflow.jobs))) {
      for (const check of jobCheckNames(cwd, file, jobId, asObject(job), result.unresolved, new Set([file]))) {
        if (!result.checks.some((known) => known.name === check)) result.checks.push({ name: check, file });
      }
    }
  }
  return result;
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

function runsOnPullRequest(on: unknown, branch: string): boolean {
  if (typeof on === 'string') return PULL_REQUEST_EVENTS.includes(on);
  if (Array.isArray(on)) return on.some((event) => PULL_REQUEST_EVENTS.includes(String(event)));
  const events = asObject(on);
  return PULL_REQUEST_EVENTS.some((event) => event in events && targetsBranch(asObject(events[event]), branch));
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

function jobCheckNames(cwd: string, file: string, jobId: string, job: Json, unresolved: UnresolvedJob[], seen: Set<string>): string[] {
  const combinations = expandMatrix(asObject(job.strategy).matrix);
  if (combinations === undefined) {
    unresolved.push({ file, job: jobId, reason: 'its matrix is computed at run time' });
    return [];
  }
  const template = typeof job.name === 'string' ? job.name : undefined;
  const names: string[] = [];
  for (const combination of combinations) {
    const name = nameJob(template ?? jobId, combination);
    if (name === undefined) {
      unresolved.push({ file, job: jobId, reason: `its name ${JSON.stringify(template)} uses an expression other than matrix values` });
      return [];
    }
    names.push(name);
  }
  if (typeof job.uses !== 'string') return names;
  const callees = calleeCheckNames(cwd, file, jobId, job.uses, unresolved, seen);
  return names.flatMap((caller) => callees.map((callee) => `${caller} / ${callee}`));
}

function calleeCheckNames(cwd: string, file: string, jobId: string, uses: string, unresolved: UnresolvedJob[], seen: Set<string>): string[] {
  if (!uses.startsWith('./')) {
    unresolved.push({ file, job: jobId, reason: `it calls ${uses}, a workflow outside this repository` });
    return [];
  }
  const callee = uses.slice(2).replace(/@.*$/, '');
  if (seen.has(callee) || !existsSync(path.join(cwd, callee))) {
    unresolved.push({ file, job: jobId, reason: `it calls ${callee}, which ${seen.has(callee) ? 'calls itself' : 'does not exist'}` });
    return [];
  }
  const workflow = readWorkflow(cwd, callee);
  return Object.entries(asObject(workflow.jobs)).flatMap(([id, job]) => jobCheckNames(cwd, callee, id, asObject(job), unresolved, new Set([...seen, callee])));
}

/**
 * The default name GitHub gives a matrix job is `name (v1, v2)`; a name that mentions the matrix
 * in an expression is used as it is, with the expressions filled in.
 */
function nameJob(template: string, combination: Combination): string | undefined {
  const expressions = [...template.matchAll(/\$\{\{\s*([^}]*?)\s*\}\}/g)];
  if (expressions.length === 0) {
    return combination.length === 0 ? template : `${template} (${combination.map(([, value]) => formatMatrixValue(value)).join(', ')})`;
  }
  let name = template;
  for (const [text, expression] of expressions) {
    const key = /^matrix\.([\w-]+)$/.exec(expression ?? '')?.[1];
    const entry = key === undefined ? undefined : combination.find(([name]) => name === key);
    if (!entry) return undefined;
    name = name.replace(text, formatMatrixValue(entry[1]));
  }
  return name;
}

function formatMatrixValue(value: unknown): string {
  return typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value);
}

/**
 * The combinations of a `strategy.matrix`, as GitHub builds them: the product of the list keys,
 * less `exclude`, then each `include` entry added to every combination it does not contradict,
 * or as a combination of its own. Undefined when the matrix comes from an expression.
 */
export function expandMatrix(matrix: unknown): Combination[] | undefined {
  if (matrix === undefined || matrix === null) return [[]];
  if (typeof matrix === 'string') return undefined;
  const spec = asObject(matrix);
  let combinations: Combination[] = [[]];
  for (const [key, values] of Object.entries(spec)) {
    if (key === 'include' || key === 'exclude') continue;
    if (!Array.isArray(values)) return undefined;
    combinations = combinations.flatMap((combination) => values.map((value): Combination => [...combination, [key, value]]));
  }
  if (Array.isArray(spec.exclude)) {
    const excludes = spec.exclude.map(asObject);
    combinations = combinations.filter((combination) => !excludes.some((exclude) => Object.entries(exclude).every(([key, value]) => sameValue(valueOf(combination, key), value))));
  }
  const originalKeys = new Set(Object.keys(spec).filter((key) => key !== 'include' && key !== 'exclude'));
  const hasProduct = originalKeys.size > 0 && combinations.length > 0;
  if (Array.isArray(spec.include)) {
    const extended = combinations.map((combination): Combination => [...combination]);
    for (const include of spec.include.map(asObject)) {
      let merged = false;
      if (hasProduct) {
        for (const combination of extended.slice(0, combinations.length)) {
          const contradicts = Object.entries(include).some(([key, value]) => originalKeys.has(key) && !sameValue(valueOf(combination, key), value));
          if (contradicts) continue;
          for (const [key, value] of Object.entries(include)) if (!originalKeys.has(key)) setValue(combination, key, value);
          merged = true;
        }
      }
      if (!merged) extended.push(Object.entries(include));
    }
    combinations = extended;
  }
  return combinations.length === 0 ? [[]] : combinations;
}

function valueOf(combination: Combination, key: string): unknown {
  return combination.find(([name]) => name === key)?.[1];
}

function setValue(combination: Combination, key: string, value: unknown): void {
  const entry = combination.find(([name]) => name === key);
  if (entry) entry[1] = value;
  else combination.push([key, value]);
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function asObject(value: unknown): Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : {};
}
