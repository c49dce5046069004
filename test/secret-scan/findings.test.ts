import { describe, expect, it } from 'vitest';
import { leakFinding, leakFingerprint, registerSecrets } from '../../src/secret-scan/findings.js';
import type { GitleaksLeak } from '../../src/secret-scan/gitleaks.js';
import { parseGitleaksReport } from '../../src/secret-scan/gitleaks.js';
import { EnvironmentError } from '../../src/core/errors.js';

const leak: GitleaksLeak = {
  RuleID: 'github-pat',
  StartLine: 3,
  EndLine: 3,
  StartColumn: 14,
  EndColumn: 53,
  File: 'src/config.ts',
  Commit: 'a'.repeat(40),
  Author: 'Ada Lovelace',
  Date: '2026-05-01T10:00:00Z',
  Secret: 'ghp_partiallyRedactedValue1234',
  Match: 'token = ghp_partiallyRedactedValue1234',
};

describe('gitleaks leaks as findings', () => {
  it('uses gitleaks fingerprints: commit:file:rule:line, or file:rule:line outside history', () => {
    expect(leakFingerprint(leak)).toBe(`${'a'.repeat(40)}:src/config.ts:github-pat:3`);
    expect(leakFingerprint({ ...leak, Commit: '' })).toBe('src/config.ts:github-pat:3');
  });

  it('names rule, place, commit and author, and never the secret', () => {
    const finding = leakFinding(leak);
    expect(finding).toMatchObject({ rule: 'github-pat', level: 'error', file: 'src/config.ts', line: 3, column: 14, endLine: 3 });
    expect(finding.message).toBe('gitleaks rule github-pat found a secret at src/config.ts:3 in commit aaaaaaaaaaaa by Ada Lovelace (2026-05-01).');
    expect(finding.help).toContain(`or the line ${'a'.repeat(40)}:src/config.ts:github-pat:3 to .gitleaksignore`);
    expect(JSON.stringify(finding)).not.toContain('partiallyRedacted');
  });

  it('registers whatever secret a report still holds for masking, but not the REDACTED marker', () => {
    const registered: string[] = [];
    const log = { info() {}, warning() {}, debug() {}, secret: (value: string) => registered.push(value) };
    registerSecrets([leak, { ...leak, Secret: 'REDACTED', Match: 'REDACTED' }], log);
    expect(registered).toEqual([leak.Secret, leak.Match]);
  });

  it('refuses a report that is not a list of leaks', () => {
    expect(() => parseGitleaksReport('{"RuleID": 1}')).toThrow(EnvironmentError);
    expect(() => parseGitleaksReport('[{"RuleID": "x"')).toThrow('the gitleaks report is not valid JSON; the scan cannot be trusted');
    expect(parseGitleaksReport('[]')).toEqual([]);
  });
});
