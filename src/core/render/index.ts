import type { ConfigChange } from '../config-diff.js';
import type { CombinedReport, GateReport } from '../report.js';
import { renderJson } from './json.js';
import { renderMarkdown } from './markdown.js';
import { renderSarif } from './sarif.js';
import { renderText } from './text.js';

export const FORMATS = ['text', 'json', 'sarif', 'markdown'] as const;
export type Format = (typeof FORMATS)[number];

export function renderReport(report: GateReport | CombinedReport, format: Format, options: { color?: boolean; fallbackUri?: string; configChanges?: readonly ConfigChange[] } = {}): string {
  switch (format) {
    case 'text':
      return renderText(report, { color: options.color });
    case 'json':
      return renderJson(report);
    case 'sarif':
      return renderSarif(report, { fallbackUri: options.fallbackUri });
    case 'markdown':
      return renderMarkdown(report, { configChanges: options.configChanges });
  }
}
