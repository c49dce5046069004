import type { Logger } from './logger.js';
import { errorReport, type GateName, type GateReport } from './report.js';

export interface GateContext {
  /** Absolute root the gate checks; finding paths are relative to it. */
  cwd: string;
  /** Environment of the run (GITHUB_* variables describe the triggering event). */
  env: NodeJS.ProcessEnv;
  log: Logger;
  /** The config file that was read, relative to `cwd`, for findings about the config itself. */
  configFile?: string;
  /** Token for the GitHub API, from the `token` input, GITHUB_TOKEN or GH_TOKEN. */
  token?: string;
  /** Whether the gate runs as a GitHub Action (true) or from the CLI (false). */
  inAction: boolean;
}

/** Settings of one gate after flags/inputs, the config section and the defaults were merged. */
export type GateSettings = Record<string, unknown>;

/** A gate is pure: settings in, report out. Adapters (action, CLI) do all I/O with the user. */
export interface Gate {
  name: GateName;
  run(settings: GateSettings, context: GateContext): Promise<GateReport>;
}

/** Runs a gate; what it throws becomes an `error` report, so no failure can read as a pass. */
export async function executeGate(gate: Gate, settings: GateSettings, context: GateContext): Promise<GateReport> {
  const startedAt = performance.now();
  try {
    return await gate.run(settings, context);
  } catch (error) {
    if (context.env.RG_DEBUG && error instanceof Error) context.log.debug(error.stack ?? error.message);
    return errorReport(gate.name, error, startedAt);
  }
}
