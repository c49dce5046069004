import type { CombinedReport, GateReport } from '../report.js';

/** Exactly the report, as the CLI's `--format json` and the action's report file carry it. */
export function renderJson(report: GateReport | CombinedReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
