import type { Finding } from './report.js';

/** What every exception entry carries, whatever it matches on. */
export interface ExceptionEntry {
  reason: string;
  expires?: string;
}

/**
 * An allow-list whose entries must say why and may expire. Expired entries never match and
 * become error findings; entries that matched nothing become notices, so stale exceptions get
 * cleaned up instead of hiding the next real finding.
 */
export class ExceptionList<E extends ExceptionEntry> {
  private readonly used = new Set<E>();

  constructor(
    private readonly entries: readonly E[],
    /** Names the entry in messages, e.g. `audit.allow[2] (GHSA-…)`. */
    private readonly describe: (entry: E, index: number) => string,
    private readonly today: string = new Date().toISOString().slice(0, 10),
  ) {}

  /** The first unexpired entry accepted by `matches`, marked as used. */
  match(matches: (entry: E) => boolean): E | undefined {
    const entry = this.entries.find((candidate) => !this.isExpired(candidate) && matches(candidate));
    if (entry) this.used.add(entry);
    return entry;
  }

  isExpired(entry: E): boolean {
    return entry.expires !== undefined && entry.expires < this.today;
  }

  /** `policy/expired-exception` errors and `policy/unused-exception` notices. */
  findings(file?: string): Finding[] {
    const findings: Finding[] = [];
    this.entries.forEach((entry, index) => {
      const name = this.describe(entry, index);
      if (this.isExpired(entry)) {
        findings.push({
          rule: 'policy/expired-exception',
          level: 'error',
          message: `Exception ${name} expired on ${entry.expires}; fix the finding it hid, or renew it with a new date and reason.`,
          ...(file ? { file } : {}),
        });
      } else if (!this.used.has(entry)) {
        findings.push({
          rule: 'policy/unused-exception',
          level: 'notice',
          message: `Exception ${name} matched nothing; remove it.`,
          ...(file ? { file } : {}),
        });
      }
    });
    return findings;
  }
}
