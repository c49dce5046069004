import type { ConfigChange } from '../config-diff.js';
import { countByLevel, formatLocation, type CombinedReport, type Finding, type GateName, type GateReport, type Level, type Status } from '../report.js';
import { sortFindings } from './text.js';

export interface MarkdownOptions {
  /** Rows of findings per gate before the rest is counted instead of listed. */
  maxRows?: number;
  /** Bytes the whole summary may take; GitHub refuses a step summary over 1 MiB. */
  maxBytes?: number;
  /**
   * Turns `file:line` into a link to the blob at `commit` (the commit that holds the finding, when
   * the gate knows it) or else at the commit being checked.
   */
  linkFor?: (file: string, line?: number, commit?: string) => string | undefined;
  /** What a pull request changes in the config (judged by the base commit's; applies once merged). */
  configChanges?: readonly ConfigChange[];
  /** The exception to paste into the config to accept a finding, shown under it. */
  allowLine?: (gate: GateName, finding: Finding) => string | undefined;
}

/** GitHub's limit is 1 MiB a step; the rest is room for the lines around the finding tables. */
export const SUMMARY_BYTE_LIMIT = 1024 * 1024;
const DEFAULT_MAX_BYTES = SUMMARY_BYTE_LIMIT - 64 * 1024;
/** Rows shown before the rest of a long list is folded into <details>. */
const OPEN_ROWS = 10;

const STATUS_ICON: Record<Status, string> = { pass: '✅', fail: '❌', error: '⚠️' };
const LEVEL_ICON = { error: '🔴', warning: '🟡', notice: '🔵' } as const;

/**
 * The job summary: the verdict and counts first, then what the pull request changes in the
 * config, then each gate's findings (the first few open, the rest folded), within GitHub's size limit.
 */
export function renderMarkdown(report: GateReport | CombinedReport, options: MarkdownOptions = {}): string {
  const gates = 'gates' in report ? report.gates : [report];
  const head: string[] = [];
  if ('gates' in report) {
    head.push(
      `## ${STATUS_ICON[report.status]} readiness-gates: ${report.status}`,
      '',
      countsLine(gates.flatMap((gate) => gate.findings)),
      '',
      '| Gate | Status | Errors | Warnings | Notices | Time |',
      '| --- | --- | ---: | ---: | ---: | ---: |',
      ...gates.map((gate) => {
        const counts = countByLevel(gate.findings);
        return `| ${gate.gate} | ${STATUS_ICON[gate.status]} ${gate.status} | ${counts.error} | ${counts.warning} | ${counts.notice} | ${formatDuration(gate.durationMs)} |`;
      }),
      '',
    );
  }
  head.push(...renderConfigChanges(options.configChanges ?? []));
  let budget = (options.maxBytes ?? DEFAULT_MAX_BYTES) - byteLength(head.join('\n'));
  const sections: string[] = [];
  gates.forEach((gate, index) => {
    // Each gate may use an equal share of what is left, so one noisy gate cannot crowd out the others.
    const share = Math.floor(budget / (gates.length - index));
    const section = renderGate(gate, options, share);
    budget -= byteLength(section);
    sections.push(section);
  });
  return [...head, ...sections].join('\n');
}

function countsLine(findings: readonly Finding[]): string {
  const counts = countByLevel(findings);
  return `**${counts.error}** error${plural(counts.error)} · **${counts.warning}** warning${plural(counts.warning)} · **${counts.notice}** notice${plural(counts.notice)}`;
}

function renderConfigChanges(changes: readonly ConfigChange[]): string[] {
  if (changes.length === 0) return [];
  const effect = { loosens: '🔴 loosens', tightens: '🟢 tightens', changes: '🟡 changes' } as const;
  return [
    '#### Config changes in this pull request',
    '',
    "The base branch's config judged this run; changes to it apply once merged. Files a gate reads from the checkout (`.gitleaksignore`) apply now.",
    '',
    '| Setting | Change | Effect |',
    '| --- | --- | --- |',
    ...changes.map((change) => `| ${codeSpan(change.key ? `${change.gate}.${change.key}` : change.gate)} | ${escapeCell(change.description)} | ${effect[change.effect]}${change.inForce ? ' (in force now)' : ''} |`),
    '',
  ];
}

function renderGate(report: GateReport, options: MarkdownOptions, maxBytes: number): string {
  const counts = countByLevel(report.findings);
  const tally = (['error', 'warning', 'notice'] as const).filter((level) => counts[level] > 0).map((level) => `${counts[level]} ${level}${plural(counts[level])}`);
  const metrics = Object.entries(report.metrics).map(([name, value]) => `${name}: ${value}`);
  const lines = [
    `### ${STATUS_ICON[report.status]} ${report.gate}: ${report.status}${tally.length ? ` — ${tally.join(', ')}` : ''}`,
    '',
    `<sub>${[...metrics, `time: ${formatDuration(report.durationMs)}`].join(' · ')}</sub>`,
    '',
  ];
  const findings = sortFindings(report.findings);
  if (findings.length === 0) return [...lines, 'No findings.', ''].join('\n');

  const tableHead = ['| | Rule | Location | What to do |', '| --- | --- | --- | --- |'];
  const foldOpen = '<details><summary>All findings</summary>';
  // Reserve room for the table heads, the fold and the closing line before counting rows in.
  let room = maxBytes - byteLength([...lines, ...tableHead, ...tableHead, foldOpen, '</details>', ''].join('\n')) - 200;
  const rows: string[] = [];
  for (const finding of findings.slice(0, options.maxRows ?? findings.length)) {
    const row = renderRow(report.gate, finding, options);
    room -= byteLength(row) + 1;
    if (room < 0) break;
    rows.push(row);
  }
  lines.push(...tableHead, ...rows.slice(0, OPEN_ROWS), '');
  if (rows.length > OPEN_ROWS) {
    lines.push(`<details><summary>${rows.length - OPEN_ROWS} more finding${plural(rows.length - OPEN_ROWS)}</summary>`, '', ...tableHead, ...rows.slice(OPEN_ROWS), '', '</details>', '');
  }
  const left = findings.length - rows.length;
  if (left > 0) lines.push(`…and ${left} more finding${plural(left)} not listed here, to stay within GitHub's size limit; the JSON and SARIF reports hold every one.`, '');
  return lines.join('\n');
}

function renderRow(gate: GateName, finding: Finding, options: MarkdownOptions): string {
  const location = formatLocation(finding);
  const link = finding.file ? options.linkFor?.(finding.file, finding.line, finding.commit) : undefined;
  const where = location ? (link ? `[${codeSpan(location)}](${encodeURI(link)})` : codeSpan(location)) : '';
  const help = finding.help ? `<br><sub>${formatProse(finding.help)}</sub>` : '';
  const exception = options.allowLine?.(gate, finding);
  const allow = exception ? `<br><sub>allow under \`${gate}.allow\`: ${codeSpan(exception)}</sub>` : '';
  return `| ${LEVEL_ICON[finding.level as Level]} | ${codeSpan(finding.rule)} | ${where} | ${formatProse(finding.message)}${help}${allow} |`;
}

/**
 * Free text for a table cell: HTML is escaped, and what reads as a package (`lodash@4.17.20`,
 * which GitHub would turn into a mailto link) or a path goes into a code span. Code spans the
 * text already has are kept as they are.
 */
export function formatProse(text: string): string {
  return text
    .replace(/\r?\n/g, ' ')
    .split(/(`[^`]*`)/)
    .map((part, index) => (index % 2 === 1 ? part.replace(/\|/g, '\\|') : part.replace(/[^\s`]+/g, formatWord)))
    .join('');
}

function formatWord(word: string): string {
  const [, lead = '', core = '', trail = ''] = /^([("']*)(.*?)([)"',.;:!?]*)$/.exec(word) ?? [];
  const isPackage = /^@?[\w.-]+(\/[\w.-]+)?@[\w.^~<>=*+-]+$/.test(core) || /^[^@\s]+@[^@\s]+$/.test(core);
  const isPath = !core.includes('://') && /^\.{0,2}\/?[\w.@-]+(\/[\w.@*-]+)+\/?$/.test(core) && /[a-z]/i.test(core);
  if (isPackage || isPath) return `${escapeCell(lead)}${codeSpan(core)}${escapeCell(trail)}`;
  return escapeCell(word);
}

/** Text in a code span: nothing inside is markdown or a link; pipes are escaped for the table. */
export function codeSpan(text: string): string {
  const body = text.replace(/\r?\n/g, ' ').replace(/\|/g, '\\|');
  const fence = body.includes('`') ? '``' : '`';
  return `${fence}${fence.length > 1 ? ' ' : ''}${body}${fence.length > 1 ? ' ' : ''}${fence}`;
}

function escapeCell(text: string): string {
  return text.replace(/\r?\n/g, ' ').replace(/\|/g, '\\|').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function byteLength(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

function plural(count: number): string {
  return count === 1 ? '' : 's';
}

function formatDuration(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`;
}
