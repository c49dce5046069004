import type { Finding, GateReport, Level } from '../report.js';

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

/** One annotation per finding; those with a file land on that line of the PR diff. */
export function toAnnotations(report: GateReport): Annotation[] {
  return report.findings.map((finding) => toAnnotation(report.gate, finding));
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
