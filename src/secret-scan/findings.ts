import type { Logger } from '../core/logger.js';
import type { Finding } from '../core/report.js';
import type { GitleaksLeak } from './gitleaks.js';

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
