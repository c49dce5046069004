import { checkPathSettings, resolveSettings, type ConfigSection, type ReadinessConfig } from './config.js';
import type { ConfigChange } from './config-diff.js';
import { ConfigurationError } from './errors.js';
import { executeGate, type Gate, type GateContext } from './gate.js';
import { GATE_NAMES, errorReport, type Finding, type GateName, type GateReport } from './report.js';

/** Settings given as flags or inputs for one gate, already typed, and how that source names a key. */
export interface SettingOverrides {
  values: ConfigSection;
  nameOf: (key: string) => string;
}

/**
 * Gates `all` runs: those with a section in the config that is not `enabled: false`. Without any
 * section, every gate that needs no admin token; branch protection is always opted into.
 */
export function enabledGatesOf(config: ReadinessConfig): GateName[] {
  const configured = GATE_NAMES.filter((name) => config[name] !== undefined);
  if (configured.length === 0) return GATE_NAMES.filter((name) => name !== 'branch-protection');
  return configured.filter((name) => config[name]?.enabled !== false);
}

/** The gates `all` runs; none at all is an error. */
export function selectEnabledGates(config: ReadinessConfig): GateName[] {
  const enabled = enabledGatesOf(config);
  // Running nothing would report a pass for a suite that checked nothing.
  if (enabled.length === 0) throw new ConfigurationError('every gate in the config file says `enabled: false`; enable at least one gate');
  return enabled;
}

/**
 * Resolves a gate's settings and runs it; a settings error is that gate's `error` report. What a
 * pull request changes in this gate's config is added as findings: a loosening fails the gate.
 */
export async function runGate(gate: Gate, config: ReadinessConfig, overrides: SettingOverrides, context: GateContext, changes: readonly ConfigChange[] = []): Promise<GateReport> {
  const startedAt = performance.now();
  let settings: ConfigSection;
  try {
    settings = resolveSettings(gate.name, config[gate.name], overrides.values, overrides.nameOf);
    checkPathSettings(gate.name, settings, context.cwd, (key) => (key in overrides.values ? overrides.nameOf(key) : `${gate.name}.${key}`));
  } catch (error) {
    return errorReport(gate.name, error, startedAt);
  }
  const report = await executeGate(gate, settings, context);
  const findings = changeFindings(gate.name, changes);
  if (findings.length === 0) return report;
  const status = report.status === 'pass' && findings.some((finding) => finding.level === 'error') ? 'fail' : report.status;
  return { ...report, status, findings: [...report.findings, ...findings] };
}

export const CONFIG_LOOSENED_RULE = 'config/loosened';
export const CONFIG_CHANGED_RULE = 'config/changed';

function changeFindings(gate: GateName, changes: readonly ConfigChange[]): Finding[] {
  return changes
    .filter((change) => change.gate === gate && change.effect !== 'tightens')
    .map((change): Finding => {
      const where = change.key ? `${gate}.${change.key}` : gate;
      const configFile = change.file ?? '.github/readiness-gates.yml';
      const location = { file: configFile, ...(change.line !== undefined ? { line: change.line } : {}) };
      return change.effect === 'loosens'
        ? {
            rule: CONFIG_LOOSENED_RULE,
            level: 'error',
            message: change.inForce
              ? `This pull request loosens ${where}: ${change.description}.`
              : `This pull request loosens ${where} (${change.description}); the base branch's config judges it, and the looser setting applies once merged.`,
            ...location,
            help: `Have an owner of ${configFile} approve the change (protect it with CODEOWNERS), or keep the setting as it is.`,
          }
        : {
            rule: CONFIG_CHANGED_RULE,
            level: 'warning',
            message: change.inForce
              ? `This pull request changes what ${where} reads: ${change.description}; check that it does not let findings through.`
              : `This pull request changes ${where} (${change.description}); it applies once merged, so check that it does not let findings through.`,
            ...location,
          };
    });
}
