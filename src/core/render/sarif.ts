import { GATE_ERROR_RULE, type CombinedReport, type Finding, type GateReport, type Level } from '../report.js';
import { TOOL_URL, VERSION } from '../version.js';

export interface SarifOptions {
  /**
   * Where findings without a file are located; code scanning rejects results without a location,
   * so these point at the config file that asked for the check.
   */
  fallbackUri?: string;
}

const SARIF_LEVEL: Record<Level, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', notice: 'note' };

/**
 * SARIF 2.1.0 with one run per gate, each its own code-scanning category: `readiness-gates/<gate>`,
 * or `readiness-gates/<gate>/<category>` for a report that says what part of the code it covers.
 * upload-sarif's `category` input does not override it (it only fills runs without one).
 */
export function renderSarif(report: GateReport | CombinedReport, options: SarifOptions = {}): string {
  const reports = 'gates' in report ? report.gates : [report];
  const fallbackUri = options.fallbackUri ?? '.github/readiness-gates.yml';
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: reports.map((gateReport) => sarifRun(gateReport, fallbackUri)),
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

function sarifRun(report: GateReport, fallbackUri: string) {
  const findings = report.findings.filter((finding) => finding.rule !== GATE_ERROR_RULE);
  const ruleIds = [...new Set(findings.map((finding) => finding.rule))].sort();
  const ruleIndex = new Map(ruleIds.map((id, index) => [id, index]));
  return {
    tool: {
      driver: {
        name: `readiness-gates/${report.gate}`,
        semanticVersion: VERSION,
        informationUri: TOOL_URL,
        rules: ruleIds.map((id) => sarifRule(id, findings.find((finding) => finding.rule === id)!)),
      },
    },
    automationDetails: { id: `${sarifCategory(report)}/` },
    invocations: [
      {
        executionSuccessful: report.status !== 'error',
        toolExecutionNotifications: report.findings
          .filter((finding) => finding.rule === GATE_ERROR_RULE)
          .map((finding) => ({ level: 'error', message: { text: finding.message } })),
      },
    ],
    results: findings.map((finding) => sarifResult(finding, ruleIndex.get(finding.rule)!, fallbackUri)),
  };
}

/** The code-scanning category of a report's run (automationDetails.id up to its last slash). */
export function sarifCategory(report: Pick<GateReport, 'gate' | 'category'>): string {
  return ['readiness-gates', report.gate, report.category].filter(Boolean).join('/');
}

function sarifRule(id: string, example: Finding) {
  return {
    id,
    name: id.replace(/[^A-Za-z0-9]+(.)?/g, (_match, next: string | undefined) => (next ?? '').toUpperCase()),
    shortDescription: { text: id },
    ...(example.help ? { help: { text: example.help } } : {}),
    defaultConfiguration: { level: SARIF_LEVEL[example.level] },
    ...(example.ruleProperties ? { properties: example.ruleProperties } : {}),
  };
}

function sarifResult(finding: Finding, ruleIndex: number, fallbackUri: string) {
  const region =
    finding.line === undefined
      ? undefined
      : {
          startLine: finding.line,
          ...(finding.column !== undefined ? { startColumn: finding.column } : {}),
          ...(finding.endLine !== undefined ? { endLine: finding.endLine } : {}),
        };
  return {
    ruleId: finding.rule,
    ruleIndex,
    level: SARIF_LEVEL[finding.level],
    message: { text: finding.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: encodeUriPath(finding.file ?? fallbackUri), uriBaseId: '%SRCROOT%' },
          ...(region ? { region } : {}),
        },
      },
    ],
    ...partialFingerprints(finding),
  };
}

/**
 * Code scanning keeps one alert per rule and partial fingerprints, across uploads. A stable
 * fingerprint (one that survives rebases and moved lines) is the only one given where a finding
 * has it: a commit-bound one beside it would make every rebase a new alert.
 */
function partialFingerprints(finding: Finding) {
  if (finding.stableFingerprint) return { partialFingerprints: { 'readinessGatesStableFingerprint/v1': finding.stableFingerprint } };
  return finding.fingerprint ? { partialFingerprints: { 'readinessGatesFingerprint/v1': finding.fingerprint } } : {};
}

function encodeUriPath(file: string): string {
  return file.split('/').map(encodeURIComponent).join('/');
}
