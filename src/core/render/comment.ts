import type { CombinedReport, Finding, GateName, GateReport } from '../report.js';
import { renderMarkdown, type MarkdownOptions } from './markdown.js';

/** GitHub refuses a comment over 65,536 characters; the body stays well below (bytes bound characters). */
export const COMMENT_CHARACTER_LIMIT = 65_536;
const COMMENT_BYTES = 60_000;

/** The hidden line that finds this suite's comment again; `scope` tells runs on different directories apart. */
export function commentMarker(scope: string): string {
  return `<!-- readiness-gates comment: ${scope.replace(/-->/g, '')} -->`;
}

/** The pull request comment: the summary, bounded, with the exception line to paste under each finding. */
export function renderPullRequestComment(report: GateReport | CombinedReport, scope: string, options: Omit<MarkdownOptions, 'maxBytes' | 'allowLine'> = {}): string {
  const marker = commentMarker(scope);
  const body = renderMarkdown(report, { ...options, maxBytes: COMMENT_BYTES - Buffer.byteLength(marker) - 1, allowLine });
  return `${marker}\n${body}`;
}

/**
 * The entry to paste under `<gate>.allow` to accept a finding, where the gate has one: secret-scan
 * by secret hash (it survives rebases and moved lines) or fingerprint, audit by advisory id and package. Other findings are fixed, not allowed.
 */
export function allowLine(gate: GateName, finding: Finding): string | undefined {
  if (/^(config|policy|gate)\//.test(finding.rule)) return undefined;
  if (gate === 'secret-scan' && finding.stableFingerprint) return `- { secret-hash: ${finding.stableFingerprint}, reason: "…" }`;
  if (gate === 'secret-scan' && finding.fingerprint) return `- { fingerprint: ${JSON.stringify(finding.fingerprint)}, reason: "…" }`;
  if (gate === 'audit' && /^GHSA(-[23456789cfghjmpqrvwx]{4}){3}$/.test(finding.rule)) {
    const pkg = /^[^:]+:(.+)@[^@]+$/.exec(finding.fingerprint ?? '')?.[1];
    return `- { id: ${finding.rule}${pkg ? `, package: ${JSON.stringify(pkg)}` : ''}, reason: "…", expires: YYYY-MM-DD }`;
  }
  return undefined;
}
