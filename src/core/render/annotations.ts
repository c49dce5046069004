import { GATE_NAMES, type Finding, type GateReport, type Level } from '../report.js';

export interface Annotation {
  level: Level;
  message: string;
  properties: {
    title: string;
    file?: string;
    startLine?: number;
    endLine?: number;
    startColumn?: number;
  };
}

/**
 * Annotations GitHub shows per step (10 errors and 10 warnings; notices are held to 10 too, so that
 * two such steps stay within the 50 a job). More are dropped by GitHub without a word.
 */
export const ANNOTATION_LIMITS: Readonly<Record<Level, number>> = { error: 10, warning: 10, notice: 10 };

export interface AnnotationSelection {
  annotations: Annotation[];
  /** Findings per level that did not fit. */
  omitted: Record<Level, number>;
}

const LEVEL_RANK: Record<Level, number> = { error: 0, warning: 1, notice: 2 };

/**
 * The annotations to emit, ranked: errors first, then warnings, then notices; within a level, a
 * pull request's loosening of the config first, then findings on a line of a file (they land on
 * the diff), then the rest, each by gate and place.
 * Each level keeps to its limit; one notice slot is kept for the "and N more" notice when needed.
 */
export function selectAnnotations(reports: readonly GateReport[], limits: Readonly<Record<Level, number>> = ANNOTATION_LIMITS): AnnotationSelection {
  const ranked = reports
    .flatMap((report) => report.findings.map((finding) => ({ gate: report.gate, finding })))
    .sort((a, b) => compareFindings(a.finding, b.finding) || gateRank(a.gate) - gateRank(b.gate) || compareLocation(a.finding, b.finding));
  const total: Record<Level, number> = { error: 0, warning: 0, notice: 0 };
  for (const { finding } of ranked) total[finding.level] += 1;
  const overflow = (['error', 'warning', 'notice'] as const).some((level) => total[level] > limits[level]);
  const room: Record<Level, number> = { ...limits, notice: overflow ? Math.max(0, limits.notice - 1) : limits.notice };
  const annotations: Annotation[] = [];
  const omitted: Record<Level, number> = { error: 0, warning: 0, notice: 0 };
  for (const { gate, finding } of ranked) {
    if (room[finding.level] > 0) {
      room[finding.level] -= 1;
      annotations.push(toAnnotation(gate, finding));
    } else {
      omitted[finding.level] += 1;
    }
  }
  return { annotations, omitted };
}

function gateRank(gate: string): number {
  return (GATE_NAMES as readonly string[]).indexOf(gate);
}

/** A pull request loosening the config (`config/loosened`, `config/changed`) outranks what the gates found. */
function isConfigFinding(finding: Finding): boolean {
  return finding.rule.startsWith('config/');
}

function compareFindings(a: Finding, b: Finding): number {
  return (
    LEVEL_RANK[a.level] - LEVEL_RANK[b.level] ||
    Number(!isConfigFinding(a)) - Number(!isConfigFinding(b)) ||
    Number(a.line === undefined) - Number(b.line === undefined) ||
    Number(!a.file) - Number(!b.file)
  );
}

function compareLocation(a: Finding, b: Finding): number {
  return (a.file ?? '').localeCompare(b.file ?? '') || (a.line ?? 0) - (b.line ?? 0) || a.rule.localeCompare(b.rule);
}

/** One line for the findings that found no annotation slot, pointing where they all are. */
export function describeOmitted(omitted: Record<Level, number>, where: string): string | undefined {
  const parts = (['error', 'warning', 'notice'] as const).filter((level) => omitted[level] > 0).map((level) => `${omitted[level]} ${level}${omitted[level] === 1 ? '' : 's'}`);
  if (parts.length === 0) return undefined;
  return `…and ${parts.join(', ')} more than GitHub shows as annotations on one step; every finding is in ${where}.`;
}

function toAnnotation(gate: string, finding: Finding): Annotation {
  const properties: Annotation['properties'] = { title: `${gate}: ${finding.rule}` };
  if (finding.file) {
    properties.file = finding.file;
    if (finding.line !== undefined) {
      properties.startLine = finding.line;
      properties.endLine = finding.endLine ?? finding.line;
      if (finding.column !== undefined && properties.endLine === finding.line) properties.startColumn = finding.column;
    }
  }
  const message = finding.help ? `${finding.message}\n${finding.help}` : finding.message;
  return { level: finding.level, message, properties };
}
