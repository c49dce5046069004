import { resolveSettings, type ConfigSection, type ReadinessConfig } from './config.js';
import { ConfigurationError } from './errors.js';
import { executeGate, type Gate, type GateContext } from './gate.js';
import { GATE_NAMES, errorReport, type GateName, type GateReport } from './report.js';

/** Settings given as flags or inputs for one gate, already typed, and how that source names a key. */
export interface SettingOverrides {
  values: ConfigSection;
  nameOf: (key: string) => string;
}

/**
 * Gates `all` runs: those with a section in the config that is not `enabled: false`. Without any
 * section, every gate that needs no admin token; branch protection is always opted into.
 */
export function selectEnabledGates(config: ReadinessConfig): GateName[] {
  const configured = GATE_NAMES.filter((name) => config[name] !== undefined);
  if (configured.length === 0) return GATE_NAMES.filter((name) => name !== 'branch-protection');
  const enabled = configured.filter((name) => config[name]?.enabled !== false);
  // Running nothing would report a pass for a suite that checked nothing.
  if (enabled.length === 0) throw new ConfigurationError('every gate in the config file says `enabled: false`; enable at least one gate');
  return enabled;
}

/** Resolves a gate's settings and runs it; a settings error is that gate's `error` report. */
export async function runGate(gate: Gate, config: ReadinessConfig, overrides: SettingOverrides, context: GateContext): Promise<GateReport> {
  const startedAt = performance.now();
  let settings: ConfigSection;
  try {
    settings = resolveSettings(gate.name, config[gate.name], overrides.values, overrides.nameOf);
  } catch (error) {
    return errorReport(gate.name, error, startedAt);
  }
  return executeGate(gate, settings, context);
}
