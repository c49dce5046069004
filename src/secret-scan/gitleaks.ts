import { readFile } from 'node:fs/promises';
import { ConfigurationError, EnvironmentError } from '../core/errors.js';
import { execFile } from '../core/exec.js';

/**
 * gitleaks exits 1 on its own errors and, by default, on leaks too. We ask for this code on
 * leaks, so "leaks found" and "gitleaks failed" can never be confused.
 */
export const LEAKS_EXIT_CODE = 99;

/** A gitleaks that can be run: a native binary, or the WebAssembly build run by node. */
export interface GitleaksEngine {
  kind: 'native' | 'wasm';
  command: string;
  /** Arguments before gitleaks' own (the CLI script for the WebAssembly build). */
  prefixArgs: string[];
  /** Where it came from, for the log: `gitleaks-path`, `PATH`, `tool cache`, `download`, … */
  origin: string;
}

/** One entry of gitleaks' JSON report (the fields we use). */
export interface GitleaksLeak {
  RuleID: string;
  Description?: string;
  StartLine: number;
  EndLine: number;
  StartColumn: number;
  EndColumn: number;
  File: string;
  Commit?: string;
  Author?: string;
  Email?: string;
  Date?: string;
  Fingerprint?: string;
  Secret?: string;
  Match?: string;
}

/** Flags the gate sets itself; letting `extra-args` change them would break the verdict or leak secrets. */
const RESERVED_FLAGS = ['--report-path', '-r', '--report-format', '-f', '--report-template', '--exit-code', '--redact', '--log-opts', '--baseline-path', '-b', '--config', '-c'];

export interface GitleaksInvocation {
  mode: 'dir' | 'git';
  /** Directory gitleaks scans; it runs with this as its working directory and scans `.`. */
  source: string;
  reportPath: string;
  configPath?: string;
  /** `git` mode: the options gitleaks passes to `git log -p -U0`. */
  logOptions?: readonly string[];
  extraArgs: readonly string[];
}

export function buildGitleaksArgs(invocation: GitleaksInvocation): string[] {
  return [
    invocation.mode,
    '--redact',
    '--no-banner',
    '--no-color',
    '--report-format',
    'json',
    '--report-path',
    invocation.reportPath,
    '--exit-code',
    String(LEAKS_EXIT_CODE),
    ...(invocation.configPath ? ['--config', invocation.configPath] : []),
    // gitleaks splits --log-opts on spaces; refs and our options never contain one.
    ...(invocation.logOptions ? [`--log-opts=${invocation.logOptions.join(' ')}`] : []),
    ...invocation.extraArgs,
    '.',
  ];
}

export function checkExtraArgs(extraArgs: readonly string[]): void {
  for (const arg of extraArgs) {
    // `--flag=value`, or a short flag with its value attached (`-cother.toml`), as gitleaks' flag parser takes it.
    const flag = arg.startsWith('--') ? arg.split('=', 1)[0]! : arg.slice(0, 2);
    if (RESERVED_FLAGS.includes(flag)) {
      throw new ConfigurationError(
        `extra-args: ${flag} is set by the gate; use the gitleaks-config / baseline-path settings instead, or remove it`,
      );
    }
  }
}

/** Runs gitleaks and returns its leaks; any outcome other than "no leaks" or "leaks" is an EnvironmentError. */
export async function runGitleaks(engine: GitleaksEngine, invocation: GitleaksInvocation, env: NodeJS.ProcessEnv): Promise<GitleaksLeak[]> {
  const args = buildGitleaksArgs(invocation);
  const result = await execFile(engine.command, [...engine.prefixArgs, ...args], { cwd: invocation.source, env });
  if (result.exitCode !== 0 && result.exitCode !== LEAKS_EXIT_CODE) {
    throw new EnvironmentError(`gitleaks ${invocation.mode} failed with exit code ${result.exitCode}: ${gitleaksProblem(result.stderr)}`);
  }
  let text: string;
  try {
    text = await readFile(invocation.reportPath, 'utf8');
  } catch {
    throw new EnvironmentError(`gitleaks ${invocation.mode} exited ${result.exitCode} without writing its report; ${gitleaksProblem(result.stderr)}`);
  }
  const leaks = parseGitleaksReport(text);
  if (result.exitCode === LEAKS_EXIT_CODE && leaks.length === 0) {
    throw new EnvironmentError(`gitleaks ${invocation.mode} said it found leaks (exit code ${LEAKS_EXIT_CODE}) but its report lists none; the scan cannot be trusted`);
  }
  return leaks;
}

export function parseGitleaksReport(text: string): GitleaksLeak[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new EnvironmentError('the gitleaks report is not valid JSON; the scan cannot be trusted');
  }
  if (!Array.isArray(parsed) || !parsed.every(isLeak)) {
    throw new EnvironmentError('the gitleaks report is not a list of findings; the scan cannot be trusted');
  }
  return parsed;
}

export function isLeak(value: unknown): value is GitleaksLeak {
  if (typeof value !== 'object' || value === null) return false;
  const leak = value as Record<string, unknown>;
  return typeof leak.RuleID === 'string' && typeof leak.File === 'string' && typeof leak.StartLine === 'number';
}

/**
 * Why gitleaks failed, in one line. In `git` mode gitleaks ends with "stderr is not empty" whenever
 * git wrote to stderr, and prints git's own lines as `[git] …` before it: git's first line is the
 * reason. Otherwise gitleaks' last error line, without colour codes or its time stamp.
 */
export function gitleaksProblem(stderr: string): string {
  // eslint-disable-next-line no-control-regex
  const lines = stderr.replace(/\u001b\[[0-9;]*m/g, '').split('\n').map((line) => line.trim().replace(/^\d{1,2}:\d{2}(AM|PM)\s+/, '')).filter(Boolean);
  const gitLine = lines.map((line) => /^(?:ERR|FTL)\s+\[git\]\s+(.+)$/.exec(line)?.[1]).find(Boolean);
  if (gitLine) return `git log said: ${gitLine}`;
  const problem = lines.filter((line) => /^(FTL|ERR)\b/.test(line)).at(-1) ?? lines.at(-1) ?? 'no error message';
  // gitleaks before 8.19 has `detect` and `protect` only.
  return /unknown command "(git|dir)"/.test(problem) ? `${problem}: this gitleaks is older than 8.19; use gitleaks 8.19 or later (gitleaks-version)` : problem;
}
