import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { GateReport } from '../../src/core/report.js';
import { tempDir } from '../helpers/temp.js';
import { commitFiles, fakeTokens, gitRepo, runGit, scanWithEvent as scan } from './helpers.js';

function leaks(report: GateReport) {
  return report.findings.filter((finding) => finding.level === 'error' && !finding.rule.startsWith('file/')).map((finding) => ({ rule: finding.rule, file: finding.file, line: finding.line, fingerprint: finding.fingerprint }));
}

/**
 * main: A (an old leak) → D. feature from A: B adds a token, C removes it again, M merges main
 * and slips a second token into the merge itself (an "evil merge").
 */
function pullRequestRepo() {
  const tokens = fakeTokens();
  const repo = gitRepo({ 'README.md': '# app\n', 'src/old.ts': `export const legacy = '${tokens.aws}';\n` });
  runGit(repo, 'checkout', '-q', '-b', 'feature');
  const b = commitFiles(repo, { 'src/client.ts': `// GitHub client\nexport const token = '${tokens.github}';\n` }, 'add client');
  const c = commitFiles(repo, { 'src/client.ts': '// GitHub client\nexport const token = process.env.GITHUB_TOKEN;\n' }, 'read the token from the environment');
  runGit(repo, 'checkout', '-q', 'main');
  const d = commitFiles(repo, { 'CHANGELOG.md': '# 1.0.0\n' }, 'changelog');
  runGit(repo, 'checkout', '-q', 'feature');
  runGit(repo, 'merge', '-q', '--no-commit', 'main');
  writeFileSync(path.join(repo, 'src/billing.ts'), `\n\nexport const stripeKey = '${tokens.stripe}';\n`);
  runGit(repo, 'add', '-A');
  runGit(repo, 'commit', '-q', '-m', 'merge main');
  const m = runGit(repo, 'rev-parse', 'HEAD').trim();
  return { repo, tokens, b, c, d, m };
}

function pullRequestEvent(base: string, head: string) {
  return { name: 'pull_request', payload: { number: 9, pull_request: { number: 9, base: { sha: base }, head: { sha: head } } } };
}

describe('secret-scan over commit ranges (real gitleaks, WebAssembly build)', () => {
  it('scans every commit of a pull request, merges included, and names commit and author', async () => {
    const { repo, b, d, m } = pullRequestRepo();
    const { report, log } = await scan(repo, {}, pullRequestEvent(d, m));

    expect(leaks(report).sort((x, y) => x.rule.localeCompare(y.rule))).toEqual([
      { rule: 'github-pat', file: 'src/client.ts', line: 2, fingerprint: `${b}:src/client.ts:github-pat:2` },
      { rule: 'stripe-access-token', file: 'src/billing.ts', line: 3, fingerprint: `${m}:src/billing.ts:stripe-access-token:3` },
    ]);
    expect(report.findings.find((finding) => finding.rule === 'github-pat')?.message).toContain(`in commit ${b.slice(0, 12)} by Ada Lovelace`);
    expect(report.metrics['commits-scanned']).toBe(3);
    expect(report.status).toBe('fail');
    expect(log.join('\n')).toContain('WebAssembly');
  });

  it('has no page limit: a leak in the first of 40 pull request commits is found', async () => {
    const tokens = fakeTokens();
    const repo = gitRepo({ 'README.md': '# app\n' });
    const base = runGit(repo, 'rev-parse', 'HEAD').trim();
    const first = commitFiles(repo, { 'src/first.ts': `export const t = '${tokens.github}';\n` });
    for (let index = 1; index < 40; index += 1) commitFiles(repo, { [`src/step${index}.ts`]: `export const step = ${index};\n` });
    const head = runGit(repo, 'rev-parse', 'HEAD').trim();
    const { report } = await scan(repo, {}, pullRequestEvent(base, head));
    expect(leaks(report).map((leak) => leak.fingerprint)).toEqual([`${first}:src/first.ts:github-pat:1`]);
    expect(report.metrics['commits-scanned']).toBe(40);
  });

  it('reads patches exactly: quoted file names, lines that look like headers, line numbers after deletions', async () => {
    const tokens = fakeTokens();
    const repo = gitRepo({ 'notes/say "hi" ü.md': 'one\ntwo\nthree\nfour\n' });
    const head = commitFiles(repo, { 'notes/say "hi" ü.md': `one\n++ ${tokens.github}\nfour\n+++ b/${tokens.slack}\n` });
    const { report } = await scan(repo, { scope: 'range', since: 'HEAD~1' });
    expect(leaks(report).map((leak) => leak.fingerprint).sort()).toEqual([
      `${head}:notes/say "hi" ü.md:github-pat:2`,
      `${head}:notes/say "hi" ü.md:slack-bot-token:4`,
    ]);
  });

  it('reads what was committed whatever the git config of the user says (diff.noprefix, a textconv filter)', async () => {
    const tokens = fakeTokens();
    const repo = gitRepo({ 'README.md': '# app\n', '.gitattributes': '*.ts diff=hide\n' });
    const head = commitFiles(repo, { 'src/client.ts': `export const token = '${tokens.github}';\n` });
    runGit(repo, 'config', 'diff.noprefix', 'true');
    runGit(repo, 'config', 'diff.hide.textconv', 'true');
    const { report } = await scan(repo, { scope: 'range', since: 'HEAD~1' });
    expect(leaks(report).map((leak) => leak.fingerprint)).toEqual([`${head}:src/client.ts:github-pat:1`]);
  });

  it('accepts an allow fingerprint without a commit for that place in every commit, like .gitleaksignore', async () => {
    const tokens = fakeTokens();
    const repo = gitRepo({ 'README.md': '# app\n' });
    commitFiles(repo, { 'src/a.ts': `export const t = '${tokens.github}';\n` });
    const head = commitFiles(repo, { 'src/b.ts': `export const s = '${tokens.slack}';\n` });
    const { report } = await scan(repo, { scope: 'range', since: 'HEAD~2', allow: [{ fingerprint: 'src/a.ts:github-pat:1', reason: 'revoked' }] });
    expect(leaks(report).map((leak) => leak.fingerprint)).toEqual([`${head}:src/b.ts:slack-bot-token:1`]);
    expect(report.metrics.allowed).toBe(1);
  });

  it('sees the files as they are in a worktree scan: the removed token is gone, the old one is there', async () => {
    const { repo } = pullRequestRepo();
    const { report } = await scan(repo, { scope: 'worktree' });
    expect(leaks(report).map((leak) => leak.file).sort()).toEqual(['src/billing.ts', 'src/old.ts']);
  });

  it('scans since..HEAD for scope range, and the full history for scope history', async () => {
    const { repo, c } = pullRequestRepo();
    const range = await scan(repo, { scope: 'range', since: c });
    expect(leaks(range.report).map((leak) => leak.rule)).toEqual(['stripe-access-token']);
    expect(range.report.metrics['commits-scanned']).toBe(2);

    const history = await scan(repo, { scope: 'history' });
    expect(leaks(history.report).map((leak) => leak.rule).sort()).toEqual(['aws-access-token', 'github-pat', 'stripe-access-token']);
    expect(history.report.metrics['commits-scanned']).toBe(5);
  });

  it('scans the commits of a new branch that are not on the default branch', async () => {
    const tokens = fakeTokens();
    const origin = gitRepo({ 'src/old.ts': `export const legacy = '${tokens.aws}';\n` });
    const clone = tempDir();
    runGit(clone, 'clone', '-q', `file://${origin}`, '.');
    runGit(clone, 'checkout', '-q', '-b', 'feature/login');
    const head = commitFiles(clone, { 'src/login.ts': `export const slack = '${tokens.slack}';\n` });
    const { report } = await scan(clone, {}, {
      name: 'push',
      payload: { ref: 'refs/heads/feature/login', before: '0'.repeat(40), after: head, repository: { default_branch: 'main' } },
    });
    expect(leaks(report).map((leak) => leak.fingerprint)).toEqual([`${head}:src/login.ts:slack-bot-token:1`]);
    expect(report.metrics['commits-scanned']).toBe(1);
  });

  it('deepens a shallow clone as far as the pull request needs', async () => {
    const { repo, b, d, m } = pullRequestRepo();
    runGit(repo, 'config', 'uploadpack.allowAnySHA1InWant', 'true');
    const clone = tempDir();
    runGit(clone, 'clone', '-q', '--depth', '1', '--branch', 'feature', `file://${repo}`, '.');
    expect(runGit(clone, 'rev-parse', '--is-shallow-repository').trim()).toBe('true');

    const { report, log } = await scan(clone, {}, pullRequestEvent(d, m));
    expect(leaks(report).map((leak) => leak.fingerprint).sort()).toEqual([`${b}:src/client.ts:github-pat:2`, `${m}:src/billing.ts:stripe-access-token:3`].sort());
    expect(report.metrics['commits-scanned']).toBe(3);
    expect(log.join('\n')).toMatch(/fetching|deepening/);
  });

  it('deepens until the shallow base reaches the fork point, so old base commits are not taken for the pull request', async () => {
    const tokens = fakeTokens();
    const repo = gitRepo({ 'src/old.ts': `export const legacy = '${tokens.aws}';\n` });
    runGit(repo, 'config', 'uploadpack.allowAnySHA1InWant', 'true');
    runGit(repo, 'checkout', '-q', '-b', 'feature');
    const head = commitFiles(repo, { 'src/new.ts': `export const t = '${tokens.github}';\n` });
    runGit(repo, 'checkout', '-q', 'main');
    for (let index = 0; index < 60; index += 1) commitFiles(repo, { 'CHANGELOG.md': `${index}\n` });
    const base = runGit(repo, 'rev-parse', 'HEAD').trim();
    const clone = tempDir();
    // The feature side is complete down to the root; only the base side is cut off.
    runGit(clone, 'clone', '-q', '--single-branch', '--branch', 'feature', `file://${repo}`, '.');
    runGit(clone, 'fetch', '-q', '--depth', '1', 'origin', 'main:refs/remotes/origin/main');

    const { report } = await scan(clone, {}, pullRequestEvent(base, head));
    expect(leaks(report).map((leak) => leak.fingerprint)).toEqual([`${head}:src/new.ts:github-pat:1`]);
    expect(report.metrics['commits-scanned']).toBe(1);
  });

  it('fails with the fix, never a pass, when a shallow clone cannot be deepened', async () => {
    const { repo, d, m } = pullRequestRepo();
    const clone = tempDir();
    runGit(clone, 'clone', '-q', '--depth', '1', '--branch', 'feature', `file://${repo}`, '.');
    runGit(clone, 'remote', 'remove', 'origin');
    const { report } = await scan(clone, {}, pullRequestEvent(d, m));
    expect(report.status).toBe('error');
    expect(report.findings[0]?.message).toContain('fetch-depth: 0');
  });

  it('says why a fetch failed in the words of git, not its closing advice', async () => {
    const { repo, d, m } = pullRequestRepo();
    const clone = tempDir();
    runGit(clone, 'clone', '-q', '--depth', '1', '--branch', 'feature', `file://${repo}`, '.');
    runGit(clone, 'remote', 'set-url', 'origin', path.join(tempDir(), 'gone'));
    const { report } = await scan(clone, {}, pullRequestEvent(d, m));
    expect(report.status).toBe('error');
    expect(report.findings[0]?.message).toMatch(/^could not fetch the commits of the range from origin \(fatal: '.*gone' does not appear to be a git repository\); set `fetch-depth: 0`/);
  });
});
