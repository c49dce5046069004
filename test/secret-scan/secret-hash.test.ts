import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { GateReport } from '../../src/core/report.js';
import { commitFiles, fakeTokens, gitRepo, runGit, scanWithEvent } from './helpers.js';

function pullRequest(base: string, head: string) {
  return { name: 'pull_request', payload: { number: 3, pull_request: { number: 3, base: { sha: base }, head: { sha: head } } } };
}

const secretHashOf = (report: GateReport, rule: string) => /secret-hash: (sha256:[0-9a-f]{20})/.exec(report.findings.find((finding) => finding.rule === rule)?.help ?? '')?.[1];
const errors = (report: GateReport) => report.findings.filter((finding) => finding.level === 'error').map((finding) => finding.rule);

describe('a secret-hash allow entry survives history edits', () => {
  it('keeps matching after a squash merge that also moves the line, where the commit fingerprint does not', async () => {
    const token = fakeTokens().github;
    const repo = gitRepo({ 'src/client.ts': 'export const a = 1;\n' });
    const base = runGit(repo, 'rev-parse', 'HEAD').trim();
    runGit(repo, 'checkout', '-q', '-b', 'feature');
    const commit = commitFiles(repo, { 'src/client.ts': `export const a = 1;\nexport const token = '${token}';\n` });
    const before = (await scanWithEvent(repo, {}, pullRequest(base, commit))).report;
    const hash = secretHashOf(before, 'github-pat');
    expect(hash).toMatch(/^sha256:[0-9a-f]{20}$/);
    const fingerprint = before.findings.find((finding) => finding.rule === 'github-pat')?.fingerprint;

    // The pull request is squashed onto a new branch and lines land above the token.
    runGit(repo, 'checkout', '-q', '-b', 'squashed', base);
    runGit(repo, 'merge', '-q', '--squash', 'feature');
    writeFileSync(path.join(repo, 'src/client.ts'), `// client\n\nexport const a = 1;\nexport const token = '${token}';\n`);
    // The allow entry lands in the same pull request: gitleaks must not take the hash for a secret.
    const config = `secret-scan:\n  allow:\n    - secret-hash: ${hash}\n      reason: test token\n`;
    const squashed = commitFiles(repo, { '.github/readiness-gates.yml': config }, 'squashed');
    const event = pullRequest(base, squashed);

    const byFingerprint = (await scanWithEvent(repo, { allow: [{ fingerprint, reason: 'test token' }] }, event)).report;
    expect(errors(byFingerprint)).toEqual(['github-pat']);
    const byHash = (await scanWithEvent(repo, { allow: [{ 'secret-hash': hash, reason: 'test token' }] }, event)).report;
    expect(errors(byHash)).toEqual([]);
    expect(byHash.metrics.allowed).toBe(1);
    expect(byHash.status).toBe('pass');
  });

  it('is the same for the commit and the work tree, differs for another file, and an entry matching nothing is reported', async () => {
    const token = fakeTokens().github;
    const repo = gitRepo({ 'a.ts': `const t = '${token}';\n`, 'b.ts': `const t = '${token}';\n` });
    const history = (await scanWithEvent(repo, { scope: 'history' })).report;
    const worktree = (await scanWithEvent(repo, { scope: 'worktree' })).report;
    const hashes = (report: GateReport) => report.findings.filter((finding) => finding.level === 'error').map((finding) => `${finding.file} ${/secret-hash: (sha256:[0-9a-f]{20})/.exec(finding.help ?? '')?.[1]}`).sort();
    expect(hashes(history)).toEqual(hashes(worktree));
    const [a, b] = hashes(worktree).map((entry) => entry.split(' ')[1]);
    expect(a).not.toBe(b);

    const stale = (await scanWithEvent(repo, { scope: 'worktree', allow: [{ 'secret-hash': a, reason: 'fixture' }, { 'secret-hash': `sha256:${'0'.repeat(20)}`, reason: 'rotated long ago' }] })).report;
    expect(errors(stale)).toEqual(['github-pat']);
    expect(stale.findings.filter((finding) => finding.rule === 'policy/unused-exception').map((finding) => finding.message)).toEqual([expect.stringContaining(`secret-hash sha256:${'0'.repeat(20)}`)]);
  });
});
