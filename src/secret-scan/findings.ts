import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ConfigurationError } from '../core/errors.js';
import type { Logger } from '../core/logger.js';
import type { Finding } from '../core/report.js';
import { isLeak, type GitleaksLeak } from './gitleaks.js';

/** gitleaks' own fingerprint form: `commit:file:rule:line`, or `file:rule:line` outside git history. */
export function leakFingerprint(leak: GitleaksLeak): string {
  const local = `${leak.File}:${leak.RuleID}:${leak.StartLine}`;
  return leak.Commit ? `${leak.Commit}:${local}` : local;
}

/**
 * gitleaks runs with --redact, so its report should hold no secret; whatever it still holds is
 * registered for masking before anything is logged, ignored leaks included.
 */
export function registerSecrets(leaks: readonly GitleaksLeak[], log: Logger): void {
  for (const leak of leaks) for (const value of [leak.Secret, leak.Match]) if (value && value !== 'REDACTED') log.secret(value);
}

/** The finding for a leak: where and in which commit, never the secret itself. */
export function leakFinding(leak: GitleaksLeak, secretHash?: string): Finding {
  const where = `${leak.File}:${leak.StartLine}`;
  const commit = leak.Commit ? ` in commit ${leak.Commit.slice(0, 12)}${leak.Author ? ` by ${leak.Author}` : ''}${leak.Date ? ` (${leak.Date.slice(0, 10)})` : ''}` : '';
  const allowEntry = secretHash ? `a secret-scan.allow entry \`secret-hash: ${secretHash}\` with a reason (it keeps matching after a squash, a rebase or moved lines)` : 'a secret-scan.allow entry with a reason';
  return {
    rule: leak.RuleID,
    level: 'error',
    message: `gitleaks rule ${leak.RuleID} found a secret at ${where}${commit}.`,
    file: leak.File,
    line: leak.StartLine,
    ...(leak.StartColumn ? { column: leak.StartColumn } : {}),
    ...(leak.EndLine ? { endLine: leak.EndLine } : {}),
    fingerprint: leakFingerprint(leak),
    ...(secretHash ? { stableFingerprint: secretHash } : {}),
    ...(leak.Commit ? { commit: leak.Commit } : {}),
    help: `Rotate the secret first (once pushed it is exposed), then remove it from the code; for a false positive add ${allowEntry}, or the line ${leakFingerprint(leak)} to .gitleaksignore.`,
  };
}

/** Fingerprints listed in `.gitleaksignore` at the scanned root (comments and blank lines skipped). */
export async function readGitleaksIgnore(cwd: string): Promise<Set<string>> {
  let text: string;
  try {
    text = await readFile(path.join(cwd, '.gitleaksignore'), 'utf8');
  } catch {
    return new Set();
  }
  return new Set(text.split(/\r?\n/).map((line) => line.trim()).filter((line) => line && !line.startsWith('#')));
}

/** Like gitleaks: an entry names one leak by its fingerprint, or a `file:rule:line` in every commit. */
export function isIgnored(leak: GitleaksLeak, ignored: ReadonlySet<string>): boolean {
  return ignored.has(leakFingerprint(leak)) || ignored.has(`${leak.File}:${leak.RuleID}:${leak.StartLine}`);
}

/**
 * A gitleaks JSON report whose leaks are accepted. Matched by fingerprint, or by rule, place and
 * commit for reports without one; never by the secret, which our reports do not carry.
 */
export class Baseline {
  private constructor(private readonly keys: Set<string>) {}

  static async load(file: string, cwd: string): Promise<Baseline> {
    const fix = 'point baseline-path at a gitleaks JSON report (gitleaks … --report-format json --report-path FILE)';
    let parsed: unknown;
    try {
      parsed = JSON.parse(await readFile(path.resolve(cwd, file), 'utf8'));
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'does not exist' : 'is not valid JSON';
      throw new ConfigurationError(`baseline-path: ${file} ${reason}; ${fix}`);
    }
    if (!Array.isArray(parsed) || !parsed.every(isLeak)) throw new ConfigurationError(`baseline-path: ${file} is not a list of gitleaks findings; ${fix}`);
    const keys = new Set<string>();
    for (const leak of parsed) {
      if (leak.Fingerprint) keys.add(leak.Fingerprint);
      keys.add(placeKey(leak));
    }
    return new Baseline(keys);
  }

  has(leak: GitleaksLeak): boolean {
    return this.keys.has(leakFingerprint(leak)) || this.keys.has(placeKey(leak));
  }
}

function placeKey(leak: GitleaksLeak): string {
  return [leak.RuleID, leak.File, leak.StartLine, leak.EndLine, leak.StartColumn, leak.EndColumn, leak.Commit ?? ''].join('\0');
}
