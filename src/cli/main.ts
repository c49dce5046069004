import { statSync } from 'node:fs';
import path from 'node:path';
import { GATES } from '../all/gates.js';
import { describeConfigSource, loadEffectiveConfig } from '../core/base-config.js';
import { coerceSetting, describeText, scalarSettings, type ConfigSection, type SettingKind } from '../core/config.js';
import { ExitCode, UsageError, describeError, isExpectedError } from '../core/errors.js';
import { exitCodeForStatus } from '../core/exit-code.js';
import type { GateContext } from '../core/gate.js';
import { resolveToken } from '../core/github-context.js';
import type { Logger } from '../core/logger.js';
import { Redactor } from '../core/redact.js';
import { FORMATS, renderReport, type Format } from '../core/render/index.js';
import { combineReports, errorReport, GATE_NAMES, type GateName } from '../core/report.js';
import { runGate, selectEnabledGates } from '../core/run.js';
import { closestMatch } from '../core/suggest.js';
import { VERSION } from '../core/version.js';
import { allHelp, gateHelp, mainHelp } from './help.js';
import { parseArgs, type FlagSpec } from './args.js';
import { createProgress, type ProgressMode } from './progress.js';

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** Colours in text output; the entry point sets it for a terminal without NO_COLOR. */
  color?: boolean;
  /** How long work is shown on stderr; the entry point picks it for a terminal or GitHub Actions. */
  progress?: ProgressMode;
}

type Command = GateName | 'all';

const COMMON_FLAGS: Record<string, FlagSpec> = {
  cwd: { boolean: false, repeatable: false },
  config: { boolean: false, repeatable: false },
  format: { boolean: false, repeatable: false },
  help: { boolean: true, repeatable: false },
  version: { boolean: true, repeatable: false },
};
const ALIASES = { '-h': '--help', '-V': '--version', '-v': '--version' };

/** Settings that can be flags, per gate (`enabled` only makes sense in the config file). */
function gateFlagKinds(gate: GateName): Map<string, SettingKind> {
  return new Map(scalarSettings(gate).filter((setting) => setting.key !== 'enabled').map((setting) => [setting.key, setting.kind]));
}

function allFlagSpecs(): Map<string, FlagSpec> {
  const specs = new Map(Object.entries(COMMON_FLAGS));
  for (const gate of GATE_NAMES) {
    for (const [key, kind] of gateFlagKinds(gate)) specs.set(key, { boolean: kind === 'boolean', repeatable: kind === 'string-list' });
  }
  return specs;
}

/** The CLI: returns the exit code; never throws. */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const redactor = new Redactor();
  const out = (text: string) => io.stdout(redactor.redact(text));
  const err = (text: string) => io.stderr(redactor.redact(text));
  let format: Format = 'text';
  let gatesToReport: GateName[] = [];
  let command: Command | undefined;
  try {
    const { positionals, flags } = parseArgs(argv, allFlagSpecs(), ALIASES);
    if (flags.has('version')) {
      out(`${VERSION}\n`);
      return ExitCode.Pass;
    }
    const [name, ...extra] = positionals;
    if (name === undefined) {
      if (flags.has('help')) {
        out(mainHelp());
        return ExitCode.Pass;
      }
      throw new UsageError('missing command; use one of secret-scan, audit, test-existence, branch-protection, hygiene, all (see --help)');
    }
    command = parseCommand(name);
    if (flags.has('help')) {
      out(command === 'all' ? allHelp() : gateHelp(command));
      return ExitCode.Pass;
    }
    if (extra.length) throw new UsageError(`unexpected argument (${describeText(extra[0]!)}); ${command} takes flags only (see --help)`);
    format = parseFormat(flags.get('format'));
    if (command !== 'all') gatesToReport = [command];
    checkFlagsBelongTo(command, flags);

    const cwd = resolveCwd(io.cwd, flags.get('cwd'));
    const loaded = await loadEffectiveConfig(cwd, singleValue(flags.get('config')), io.env);
    const gates = command === 'all' ? selectEnabledGates(loaded.config) : [command];
    gatesToReport = gates;
    const token = resolveToken(undefined, io.env);
    redactor.add(token);
    const log = cliLogger(err, redactor, io.env);
    if (loaded.base) log.info(describeConfigSource(loaded));
    const context: GateContext = { cwd, env: io.env, log, configFile: loaded.file, token, inAction: false };
    const progress = createProgress(io.progress ?? 'off', err);
    const reports = await Promise.all(
      gates.map(async (gate) => {
        progress.start(gate);
        const gateLog = cliLogger((text) => progress.log(gate, `[${gate}] ${text}`), redactor, io.env);
        const report = await runGate(await GATES[gate].load(), loaded.config, { values: overridesFor(gate, flags, io.cwd), nameOf: (key) => `--${key}` }, { ...context, log: gateLog }, loaded.changes);
        progress.finish(report);
        return report;
      }),
    ).finally(() => progress.close());
    for (const report of reports) {
      if (report.status === 'error') err(`readiness-gates: ${report.gate}: error: ${report.findings[0]?.message ?? 'could not decide'}\n`);
    }
    const result = command === 'all' ? combineReports(reports) : reports[0]!;
    // A single gate that could not decide has said why on stderr; its text report would say it again.
    if (!(format === 'text' && command !== 'all' && result.status === 'error')) {
      out(renderReport(result, format, { color: io.color && format === 'text', fallbackUri: loaded.file, configChanges: loaded.changes }));
    }
    return exitCodeForStatus(result.status);
  } catch (error) {
    err(`readiness-gates: ${describeError(error)}\n`);
    if (!isExpectedError(error) && io.env.RG_DEBUG && error instanceof Error) err(`${error.stack}\n`);
    // Machine-readable formats still get a report, so a consumer of stdout sees the error too.
    if ((format === 'json' || format === 'sarif') && command) {
      const startedAt = performance.now();
      const reports = gatesToReport.map((gate) => errorReport(gate, error, startedAt));
      const result = command === 'all' ? { ...combineReports(reports), status: 'error' as const } : reports[0];
      if (result) out(renderReport(result, format));
    }
    return ExitCode.Error;
  }
}

function parseCommand(name: string): Command {
  if (name === 'all' || (GATE_NAMES as readonly string[]).includes(name)) return name as Command;
  const hint = closestMatch(name, [...GATE_NAMES, 'all']);
  throw new UsageError(`unknown command (${describeText(name)})${hint ? `; did you mean ${hint}?` : ''} (commands: ${GATE_NAMES.join(', ')}, all)`);
}

function parseFormat(value: string | string[] | undefined): Format {
  const format = singleValue(value) ?? 'text';
  if ((FORMATS as readonly string[]).includes(format)) return format as Format;
  throw new UsageError(`--format: ${describeText(format)} is not one of ${FORMATS.join(', ')}`);
}

function checkFlagsBelongTo(command: Command, flags: Map<string, string | string[]>): void {
  const gates = command === 'all' ? GATE_NAMES : [command];
  for (const flag of flags.keys()) {
    if (flag in COMMON_FLAGS || gates.some((gate) => gateFlagKinds(gate).has(flag))) continue;
    const owner = GATE_NAMES.find((gate) => gateFlagKinds(gate).has(flag));
    throw new UsageError(`--${flag} is not a flag of ${command}${owner ? `; it belongs to ${owner}` : ''} (see ${command} --help)`);
  }
}

function resolveCwd(base: string, value: string | string[] | undefined): string {
  const cwd = path.resolve(base, singleValue(value) ?? '.');
  let isDirectory: boolean;
  try {
    isDirectory = statSync(cwd).isDirectory();
  } catch {
    throw new UsageError(`--cwd: ${cwd} does not exist; pass the project directory`);
  }
  if (!isDirectory) throw new UsageError(`--cwd: ${cwd} is not a directory; pass the project directory`);
  return cwd;
}

/**
 * Flags naming a program on this machine rather than a file of the checked repository: typed in a
 * shell, they are relative to the shell's directory, not to --cwd (in the config file they stay
 * relative to the repository).
 */
const SHELL_RELATIVE_FLAGS = new Set(['gitleaks-path']);

function overridesFor(gate: GateName, flags: Map<string, string | string[]>, shellDir: string): ConfigSection {
  const values: ConfigSection = {};
  for (const [key, kind] of gateFlagKinds(gate)) {
    const raw = flags.get(key);
    if (raw === undefined) continue;
    const value = coerceSetting(kind, raw, `--${key}`);
    values[key] = SHELL_RELATIVE_FLAGS.has(key) && typeof value === 'string' && value ? path.resolve(shellDir, value) : value;
  }
  return values;
}

function singleValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.at(-1) : value;
}

function cliLogger(write: (text: string) => void, redactor: Redactor, env: NodeJS.ProcessEnv): Logger {
  return {
    info: (message) => write(`${message}\n`),
    warning: (message) => write(`warning: ${message}\n`),
    debug: (message) => {
      if (env.RG_DEBUG) write(`debug: ${message}\n`);
    },
    secret: (value) => redactor.add(value),
  };
}
