import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { tempDir } from './temp.js';

export const ROOT = path.resolve(import.meta.dirname, '../..');

export interface ActionRun {
  exitCode: number;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
}

export interface ActionRunOptions {
  /** Action inputs by their action.yml names. */
  inputs?: Record<string, string>;
  /** The checked-out repository (GITHUB_WORKSPACE). */
  workspace: string;
  eventName?: string;
  event?: unknown;
  env?: Record<string, string>;
}

interface PreparedRun {
  script: string;
  env: Record<string, string>;
  collect: (exitCode: number, stdout: string, stderr: string) => ActionRun;
}

function prepare(entry: string, options: ActionRunOptions, script = path.join(ROOT, 'dist', entry, 'index.js')): PreparedRun {
  const runnerDir = tempDir();
  const outputFile = path.join(runnerDir, 'output');
  const summaryFile = path.join(runnerDir, 'summary.md');
  const eventFile = path.join(runnerDir, 'event.json');
  writeFileSync(outputFile, '');
  writeFileSync(summaryFile, '');
  writeFileSync(eventFile, JSON.stringify(options.event ?? {}));
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? runnerDir,
    GITHUB_ACTIONS: 'true',
    CI: 'true',
    GITHUB_WORKSPACE: options.workspace,
    // Not a pull request unless a test says so: on one, the config is read from the base commit of a real repository.
    GITHUB_EVENT_NAME: options.eventName ?? 'workflow_dispatch',
    GITHUB_EVENT_PATH: eventFile,
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_REPOSITORY: 'octo-org/octo-repo',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567',
    RUNNER_TEMP: runnerDir,
    RUNNER_TOOL_CACHE: path.join(runnerDir, 'tool-cache'),
    ...options.env,
  };
  for (const [name, value] of Object.entries(options.inputs ?? {})) env[`INPUT_${name.toUpperCase()}`] = value;
  return {
    script,
    env,
    collect: (exitCode, stdout, stderr) => ({
      exitCode,
      stdout,
      stderr,
      outputs: parseOutputFile(readFileSync(outputFile, 'utf8')),
      summary: existsSync(summaryFile) ? readFileSync(summaryFile, 'utf8') : '',
    }),
  };
}

/**
 * Runs a bundled action the way the runner does: inputs as INPUT_<NAME> variables (upper-cased,
 * hyphens kept), the event payload in a file, outputs and the job summary in files.
 */
export function runBundledAction(entry: string, options: ActionRunOptions): ActionRun {
  const prepared = prepare(entry, options);
  const result = spawnSync(process.execPath, [prepared.script], { cwd: options.workspace, env: prepared.env, encoding: 'utf8', timeout: 120_000 });
  return prepared.collect(result.status ?? -1, result.stdout, result.stderr);
}

/** The same with the action's TypeScript source (through tsx), for tests of code the bundles do not hold yet. */
export function runSourceAction(entry: string, options: ActionRunOptions): ActionRun {
  const prepared = prepare(entry, options, path.join(ROOT, 'src', entry, 'index.ts'));
  const result = spawnSync(path.join(ROOT, 'node_modules/.bin/tsx'), [prepared.script], { cwd: options.workspace, env: prepared.env, encoding: 'utf8', timeout: 120_000 });
  return prepared.collect(result.status ?? -1, result.stdout, result.stderr);
}

/**
 * The same, without blocking the test's event loop: needed when the action talks to a server
 * (a fake registry or GitHub) that runs inside the test process.
 */
export function runBundledActionAsync(entry: string, options: ActionRunOptions): Promise<ActionRun> {
  return runAsync(process.execPath, prepare(entry, options), options);
}

/** The source counterpart of runBundledActionAsync. */
export function runSourceActionAsync(entry: string, options: ActionRunOptions): Promise<ActionRun> {
  return runAsync(path.join(ROOT, 'node_modules/.bin/tsx'), prepare(entry, options, path.join(ROOT, 'src', entry, 'index.ts')), options);
}

function runAsync(command: string, prepared: PreparedRun, options: ActionRunOptions): Promise<ActionRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, [prepared.script], { cwd: options.workspace, env: prepared.env, timeout: 120_000 });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve(prepared.collect(code ?? -1, stdout, stderr)));
  });
}

/** The runner's file command format: `name<<DELIMITER\nvalue\nDELIMITER\n`. */
export function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split('\n');
  for (let index = 0; index < lines.length; index += 1) {
    const match = /^([^<=]+)<<(.+)$/.exec(lines[index]!);
    if (!match) continue;
    const [, name, delimiter] = match;
    const value: string[] = [];
    for (index += 1; index < lines.length && lines[index] !== delimiter; index += 1) value.push(lines[index]!);
    outputs[name!] = value.join('\n');
  }
  return outputs;
}
