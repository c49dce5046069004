import path from 'node:path';
import { LineCounter, parseDocument, type Document } from 'yaml';
import { readProjectFile } from '../core/project-files.js';

/** A step of a job, with what it inherits from the job and workflow. */
export interface WorkflowStep {
  file: string;
  line: number;
  uses?: string;
  run?: string;
  with: Record<string, unknown>;
  /** Relative to the repository root ('' for it); undefined when written as an expression we cannot expand. */
  workingDirectory: string | undefined;
}

export interface WorkflowJob {
  id: string;
  line: number;
  /** A job that calls a reusable workflow (`jobs.<id>.uses`). */
  uses?: string;
  hasPermissions: boolean;
  steps: WorkflowStep[];
}

export interface Workflow {
  file: string;
  triggers: Set<string>;
  /** Line of `permissions:` at the top, undefined when the workflow declares none. */
  permissionsLine?: number;
  writeAllLines: number[];
  jobs: WorkflowJob[];
  /** The YAML does not parse. */
  error?: string;
}

const WORKFLOW_FILE = /^\.github\/workflows\/[^/]+\.ya?ml$/;
const MAX_MATRIX_BINDINGS = 32;

export function isWorkflowFile(file: string): boolean {
  return WORKFLOW_FILE.test(file);
}

interface Parsed {
  document: Document;
  lines: LineCounter;
}

function parseYamlFile(text: string): Parsed | string {
  const lines = new LineCounter();
  const document = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  const [problem] = document.errors;
  if (problem) return `${problem.message.split('\n', 1)[0]} (line ${lines.linePos(problem.pos[0]).line})`;
  return { document, lines };
}

function lineAt(parsed: Parsed, keyPath: Array<string | number>): number {
  const node = parsed.document.getIn(keyPath, true) as { range?: [number, number, number] } | undefined;
  return node?.range ? parsed.lines.linePos(node.range[0]).line : 1;
}

/** Reads a workflow; a file that does not parse comes back with `error` set. */
export function readWorkflow(root: string, file: string): Workflow {
  const parsed = parseYamlFile(readProjectFile(root, file));
  if (typeof parsed === 'string') return { file, triggers: new Set(), writeAllLines: [], jobs: [], error: parsed };
  const value = (parsed.document.toJS() ?? {}) as Record<string, unknown>;
  const triggers = readTriggers(value.on);
  const defaultsDirectory = readDefaultDirectory(value.defaults);
  const writeAllLines: number[] = [];
  if (value.permissions === 'write-all') writeAllLines.push(lineAt(parsed, ['permissions']));
  const jobs: WorkflowJob[] = [];
  const jobMap = (value.jobs ?? {}) as Record<string, Record<string, unknown>>;
  for (const [id, job] of Object.entries(typeof jobMap === 'object' && jobMap ? jobMap : {})) {
    if (!job || typeof job !== 'object') continue;
    if (job.permissions === 'write-all') writeAllLines.push(lineAt(parsed, ['jobs', id, 'permissions']));
    const jobDirectory = readDefaultDirectory(job.defaults) ?? defaultsDirectory;
    const steps: WorkflowStep[] = [];
    const rawSteps = Array.isArray(job.steps) ? (job.steps as Array<Record<string, unknown>>) : [];
    for (const binding of matrixBindings(job)) {
      rawSteps.forEach((step, index) => {
        if (!step || typeof step !== 'object') return;
        const retried = retriedCommand(step);
        const directory = retried ? retried.directory : typeof step['working-directory'] === 'string' ? step['working-directory'] : jobDirectory;
        const run = retried ? retried.command : step.run;
        steps.push({
          file,
          line: lineAt(parsed, ['jobs', id, 'steps', index]),
          ...(typeof step.uses === 'string' ? { uses: step.uses } : {}),
          ...(typeof run === 'string' ? { run: substitute(run, binding) } : {}),
          with: (step.with && typeof step.with === 'object' ? step.with : {}) as Record<string, unknown>,
          workingDirectory: directory === undefined ? '' : toRepositoryDirectory(substitute(directory, binding)),
        });
      });
    }
    jobs.push({ id, line: lineAt(parsed, ['jobs', id]), ...(typeof job.uses === 'string' ? { uses: job.uses } : {}), hasPermissions: job.permissions !== undefined, steps });
  }
  return { file, triggers, writeAllLines, jobs, ...(value.permissions !== undefined ? { permissionsLine: lineAt(parsed, ['permissions']) } : {}) };
}

/**
 * The shell command of a step using an action that runs it until it passes (graphql-yoga's `nick-fields/retry` with
 * `command: pnpm run test:unit --ci`), and the folder it runs in: the workspace, as `defaults.run` applies to `run` steps only.
 */
function retriedCommand(step: Record<string, unknown>): { command: string; directory: string | undefined } | undefined {
  const inputs = (step.with && typeof step.with === 'object' ? step.with : {}) as Record<string, unknown>;
  if (typeof step.uses !== 'string' || typeof inputs.command !== 'string') return undefined;
  if (/^nick-fields\/retry@/i.test(step.uses)) return { command: inputs.command, directory: undefined };
  if (/^wandalen\/wretry\.action@/i.test(step.uses)) return { command: inputs.command, directory: typeof inputs.current_path === 'string' ? inputs.current_path : undefined };
  return undefined;
}

function readTriggers(on: unknown): Set<string> {
  if (typeof on === 'string') return new Set([on]);
  if (Array.isArray(on)) return new Set(on.filter((item): item is string => typeof item === 'string'));
  if (on && typeof on === 'object') return new Set(Object.keys(on));
  return new Set();
}

function readDefaultDirectory(defaults: unknown): string | undefined {
  const directory = (defaults as { run?: { 'working-directory'?: unknown } } | undefined)?.run?.['working-directory'];
  return typeof directory === 'string' ? directory : undefined;
}

/** `working-directory` as a path from the repository root; undefined for an expression we could not expand. */
function toRepositoryDirectory(directory: string): string | undefined {
  if (directory.includes('${{')) return undefined;
  const normalized = path.posix.normalize(directory.replace(/^\$\{?GITHUB_WORKSPACE\}?\/?/, '').replace(/^\.\/?/, '') || '.');
  return normalized === '.' ? '' : normalized.replace(/\/$/, '');
}

/**
 * The values a job's `${{ matrix.x }}` expressions take: one binding per matrix combination, so that
 * a job run for backend and frontend counts for both. A job without a matrix has one empty binding.
 */
function matrixBindings(job: Record<string, unknown>): Array<Record<string, string>> {
  const matrix = (job.strategy as { matrix?: unknown } | undefined)?.matrix;
  if (!matrix || typeof matrix !== 'object' || Array.isArray(matrix)) return [{}];
  let bindings: Array<Record<string, string>> = [{}];
  for (const [key, values] of Object.entries(matrix as Record<string, unknown>)) {
    if (key === 'include' || key === 'exclude' || !Array.isArray(values)) continue;
    const scalars = values.filter((item) => typeof item === 'string' || typeof item === 'number' || typeof item === 'boolean').map(String);
    if (scalars.length === 0) continue;
    bindings = bindings.flatMap((binding) => scalars.map((item) => ({ ...binding, [key]: item }))).slice(0, MAX_MATRIX_BINDINGS);
  }
  const include = (matrix as { include?: unknown }).include;
  if (Array.isArray(include)) {
    for (const extra of include) {
      if (!extra || typeof extra !== 'object') continue;
      const values = Object.fromEntries(Object.entries(extra as Record<string, unknown>).filter(([, item]) => typeof item !== 'object').map(([key, item]) => [key, String(item)]));
      bindings.push(values);
    }
  }
  return bindings.slice(0, MAX_MATRIX_BINDINGS);
}

function substitute(text: string, binding: Record<string, string>): string {
  return text.replace(/\$\{\{\s*matrix\.([\w-]+)\s*\}\}/g, (expression, key: string) => binding[key] ?? expression);
}

/** Steps of a local composite action (`uses: ./path`), or undefined when it is not one. */
export function readCompositeSteps(root: string, files: ReadonlySet<string>, uses: string): WorkflowStep[] | undefined {
  const folder = path.posix.normalize(uses.replace(/^\.\//, '')).replace(/\/$/, '');
  const file = [`${folder}/action.yml`, `${folder}/action.yaml`].map((candidate) => candidate.replace(/^\.\//, '')).find((candidate) => files.has(candidate));
  if (!file) return undefined;
  const parsed = parseYamlFile(readProjectFile(root, file));
  if (typeof parsed === 'string') return undefined;
  const runs = (parsed.document.toJS() as { runs?: { using?: unknown; steps?: unknown } } | null)?.runs;
  if (runs?.using !== 'composite' || !Array.isArray(runs.steps)) return undefined;
  return (runs.steps as Array<Record<string, unknown>>).flatMap((step, index) => {
    if (!step || typeof step !== 'object') return [];
    const directory = typeof step['working-directory'] === 'string' ? toRepositoryDirectory(step['working-directory']) : '';
    return [{
      file,
      line: lineAt(parsed, ['runs', 'steps', index]),
      ...(typeof step.uses === 'string' ? { uses: step.uses } : {}),
      ...(typeof step.run === 'string' ? { run: step.run } : {}),
      with: (step.with && typeof step.with === 'object' ? step.with : {}) as Record<string, unknown>,
      workingDirectory: directory,
    }];
  });
}
