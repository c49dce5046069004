import { describeError } from './errors.js';

export const GATE_NAMES = ['secret-scan', 'audit', 'test-existence', 'branch-protection', 'hygiene'] as const;
export type GateName = (typeof GATE_NAMES)[number];

export type Level = 'error' | 'warning' | 'notice';
export type Status = 'pass' | 'fail' | 'error';

export interface Finding {
  /** Stable id: a gitleaks rule id, a GHSA id, `test/no-assertion`, `drift/required-checks`, … */
  rule: string;
  level: Level;
  /** One sentence a person can act on; never contains a secret value. */
  message: string;
  /** Relative to the scanned root, forward slashes. */
  file?: string;
  line?: number;
  column?: number;
  endLine?: number;
  fingerprint?: string;
  /**
   * The same problem's key across commits, rebases, squash merges and moved lines (a secret's hash
   * of file, rule and line text), where `fingerprint` names one place in one commit. Code scanning
   * matches alerts on it.
   */
  stableFingerprint?: string;
  /** The commit whose tree holds `file` at `line`, when that is not the checked-out commit: links point there. */
  commit?: string;
  help?: string;
  /** SARIF properties of the finding's rule, e.g. `security-severity` and `tags` for code scanning's security ranking. */
  ruleProperties?: Record<string, unknown>;
}

export interface GateReport {
  gate: GateName;
  status: Status;
  findings: Finding[];
  /** Counts the gate measured (files scanned, tests, advisories…). */
  metrics: Record<string, number>;
  durationMs: number;
  /**
   * What part of the code the findings cover, when one gate's runs cover different parts (a secret
   * scan of a pull request, of a push, of the full history). Code scanning replaces an analysis
   * only by one of the same category, so runs of different coverage must not share one.
   */
  category?: string;
}

export interface CombinedReport {
  gates: GateReport[];
  status: Status;
}

/** The rule of findings reported when a gate could not decide. */
export const GATE_ERROR_RULE = 'gate/error';

export function statusOf(findings: readonly Finding[]): Status {
  return findings.some((finding) => finding.level === 'error') ? 'fail' : 'pass';
}

export function createReport(
  gate: GateName,
  findings: Finding[],
  metrics: Record<string, number>,
  startedAt: number,
): GateReport {
  return { gate, status: statusOf(findings), findings, metrics, durationMs: Math.round(performance.now() - startedAt) };
}

/** The report of a gate that could not decide: status `error`, the cause as its one finding. */
export function errorReport(gate: GateName, error: unknown, startedAt: number): GateReport {
  return {
    gate,
    status: 'error',
    findings: [{ rule: GATE_ERROR_RULE, level: 'error', message: describeError(error) }],
    metrics: {},
    durationMs: Math.round(performance.now() - startedAt),
  };
}

/**
 * `error` wins over `fail`: a suite in which one gate could not decide has not been checked,
 * whatever the other gates found.
 */
export function combineReports(reports: GateReport[]): CombinedReport {
  const statuses = new Set(reports.map((report) => report.status));
  const status: Status = statuses.has('error') ? 'error' : statuses.has('fail') ? 'fail' : 'pass';
  return { gates: reports, status };
}

export function countByLevel(findings: readonly Finding[]): Record<Level, number> {
  const counts: Record<Level, number> = { error: 0, warning: 0, notice: 0 };
  for (const finding of findings) counts[finding.level] += 1;
  return counts;
}

export function formatLocation(finding: Finding): string {
  if (!finding.file) return '';
  if (finding.line === undefined) return finding.file;
  return finding.column === undefined
    ? `${finding.file}:${finding.line}`
    : `${finding.file}:${finding.line}:${finding.column}`;
}
