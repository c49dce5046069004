import { countByLevel, formatLocation, type CombinedReport, type Finding, type GateReport, type Level } from '../report.js';

export interface TextOptions {
  color?: boolean;
}

const STATUS_WORD = { pass: 'PASS', fail: 'FAIL', error: 'ERROR' } as const;
const ANSI = { red: 31, yellow: 33, green: 32, cyan: 36, dim: 2 } as const;

/** A report for a terminal: a status line per gate, then one line per finding. */
export function renderText(report: GateReport | CombinedReport, options: TextOptions = {}): string {
  const paint = (code: keyof typeof ANSI, text: string) => (options.color ? `\u001b[${ANSI[code]}m${text}\u001b[0m` : text);
  const reports = 'gates' in report ? report.gates : [report];
  const lines: string[] = [];
  for (const gateReport of reports) lines.push(...renderGate(gateReport, paint));
  if ('gates' in report) {
    lines.push(`readiness-gates: ${paintStatus(report.status, paint)} (${reports.map((gate) => `${gate.gate} ${gate.status}`).join(', ')})`);
  }
  return `${lines.join('\n')}\n`;
}

type Paint = (code: keyof typeof ANSI, text: string) => string;

function paintStatus(status: GateReport['status'], paint: Paint): string {
  return paint(status === 'pass' ? 'green' : status === 'fail' ? 'red' : 'yellow', STATUS_WORD[status]);
}

function renderGate(report: GateReport, paint: Paint): string[] {
  const counts = countByLevel(report.findings);
  const summary = (['error', 'warning', 'notice'] as const)
    .filter((level) => counts[level] > 0)
    .map((level) => `${counts[level]} ${level}${counts[level] === 1 ? '' : 's'}`)
    .join(', ');
  const lines = [`${report.gate}: ${paintStatus(report.status, paint)}${summary ? ` — ${summary}` : ''} ${paint('dim', `(${report.durationMs} ms)`)}`];
  const ruleWidth = Math.min(32, Math.max(0, ...report.findings.map((finding) => finding.rule.length)));
  for (const finding of sortFindings(report.findings)) {
    const location = formatLocation(finding);
    lines.push(`  ${paintLevel(finding.level, paint)} ${finding.rule.padEnd(ruleWidth)}  ${location ? `${paint('cyan', location)}  ` : ''}${finding.message}`);
  }
  const metrics = Object.entries(report.metrics);
  if (metrics.length) lines.push(paint('dim', `  ${metrics.map(([name, value]) => `${name}: ${value}`).join(', ')}`));
  return lines;
}

function paintLevel(level: Level, paint: Paint): string {
  const word = level.padEnd(7);
  return level === 'error' ? paint('red', word) : level === 'warning' ? paint('yellow', word) : paint('dim', word);
}

const LEVEL_ORDER: Record<Level, number> = { error: 0, warning: 1, notice: 2 };

/** Errors first, then by file and line, so the most urgent finding leads. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) =>
      LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level] ||
      (a.file ?? '').localeCompare(b.file ?? '') ||
      (a.line ?? 0) - (b.line ?? 0) ||
      a.rule.localeCompare(b.rule),
  );
}
