import type { Finding } from '../core/report.js';
import type { RuleLevel } from './options.js';
import { RULES, type RuleId } from './rules.js';

/** A finding before its level and help are applied. */
export type RawFinding = Omit<Finding, 'level' | 'help' | 'rule'> & { rule: RuleId };
export type Emit = (finding: RawFinding) => void;

/** Collects findings at their configured level, with their help; rules set to `off` are dropped. */
export function createCollector(levels: Partial<Record<RuleId, RuleLevel>>): { emit: Emit; findings: Finding[] } {
  const findings: Finding[] = [];
  const emit: Emit = (finding) => {
    const level = levels[finding.rule] ?? RULES[finding.rule].level;
    if (level === 'off') return;
    findings.push({ ...finding, level, help: RULES[finding.rule].help, fingerprint: finding.fingerprint ?? `${finding.file ?? ''}:${finding.rule}` });
  };
  return { emit, findings };
}

/** The 1-based line of the first match of `pattern` in `text`, for pointing a finding at a key. */
export function lineOf(text: string, pattern: RegExp): number | undefined {
  const match = pattern.exec(text);
  return match ? text.slice(0, match.index).split('\n').length : undefined;
}

export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
