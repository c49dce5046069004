import { countByLevel, formatLocation, type CombinedReport, type GateReport, type Status } from '../report.js';
import { sortFindings } from './text.js';

export interface MarkdownOptions {
  /** Rows of findings per gate before the rest is counted instead of listed (summaries are capped at 1 MiB). */
  maxRows?: number;
  /** Turns `file:line` into a link, e.g. to the blob at the commit being checked. */
  linkFor?: (file: string, line?: number) => string | undefined;
}

const STATUS_ICON: Record<Status, string> = { pass: '✅', fail: '❌', error: '⚠️' };
const LEVEL_ICON = { error: '🔴', warning: '🟡', notice: '🔵' } as const;

/** The job summary: what failed, where, and what to do, readable without opening the logs. */
export function renderMarkdown(report: GateReport | CombinedReport, options: MarkdownOptions = {}): string {
  if (!('gates' in report)) return renderGate(report, options, '###');
  const parts = [
    `## ${STATUS_ICON[report.status]} readiness-gates: ${report.status}`,
    '',
    '| Gate | Status | Errors | Warnings | Notices | Time |',
    '| --- | --- | ---: | ---: | ---: | ---: |',
    ...report.gates.map((gate) => {
      const counts = countByLevel(gate.findings);
      return `| ${gate.gate} | ${STATUS_ICON[gate.status]} ${gate.status} | ${counts.error} | ${counts.warning} | ${counts.notice} | ${formatDuration(gate.durationMs)} |`;
    }),
    '',
    ...report.gates.map((gate) => renderGate(gate, options, '###')),
  ];
  return parts.join('\n');
}

function renderGate(report: GateReport, options: MarkdownOptions, heading: string): string {
  const maxRows = options.maxRows ?? 200;
  const findings = sortFindings(report.findings);
  const lines = [`${heading} ${STATUS_ICON[report.status]} ${report.gate}: ${report.status}`, ''];
  if (findings.length === 0) {
    lines.push('No findings.', '');
  } else {
    lines.push('| | Rule | Location | What to do |', '| --- | --- | --- | --- |');
    for (const finding of findings.slice(0, maxRows)) {
      const location = formatLocation(finding);
      const link = finding.file ? options.linkFor?.(finding.file, finding.line) : undefined;
      const where = location ? (link ? `[${escapeCell(location)}](${link})` : `\`${escapeCell(location)}\``) : '';
      const help = finding.help ? `<br><sub>${escapeCell(finding.help)}</sub>` : '';
      lines.push(`| ${LEVEL_ICON[finding.level]} | \`${escapeCell(finding.rule)}\` | ${where} | ${escapeCell(finding.message)}${help} |`);
    }
    if (findings.length > maxRows) lines.push('', `…and ${findings.length - maxRows} more findings; see the JSON or SARIF report.`);
    lines.push('');
  }
  const metrics = Object.entries(report.metrics).map(([name, value]) => `${name}: ${value}`);
  lines.push(`<sub>${[...metrics, `time: ${formatDuration(report.durationMs)}`].join(' · ')}</sub>`, '');
  return lines.join('\n');
}

function escapeCell(text: string): string {
  return text.replace(/\r?\n/g, ' ').replace(/\|/g, '\\|').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function formatDuration(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`;
}
