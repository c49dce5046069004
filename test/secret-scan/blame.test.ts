import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { GateReport } from '../../src/core/report.js';
import { commitFiles, fakeTokens, gitRepo, runGit, scanWithEvent } from './helpers.js';

const policy = (report: GateReport) => report.findings.filter((finding) => finding.rule.startsWith('file/')).map((finding) => `${finding.level} ${finding.rule} ${finding.file}`);
const leaks = (report: GateReport) => report.findings.filter((finding) => finding.level === 'error' && !finding.rule.startsWith('file/')).map((finding) => `${finding.rule} ${finding.file}`);

describe('a work-tree scan sees the checkout as git does', () => {
  it('passes a git-ignored .env.local and node_modules, and scans what git would add', async () => {
    const tokens = fakeTokens();
    const repo = gitRepo({ '.gitignore': '.env.local\nnode_modules/\n', 'src/app.ts': 'export {};\n' });
    writeFileSync(path.join(repo, '.env.local'), `GITHUB_TOKEN=${tokens.github}\n`);
    mkdirSync(path.join(repo, 'node_modules/pkg'), { recursive: true });
    writeFileSync(path.join(repo, 'node_modules/pkg/.env'), `SLACK=${tokens.slack}\n`);
    writeFileSync(path.join(repo, 'node_modules/pkg/index.js'), `const key = '${tokens.stripe}';\n`);
    const ignoredOnly = await scanWithEvent(repo, { scope: 'worktree' });
    expect({ status: ignoredOnly.report.status, policy: policy(ignoredOnly.report), leaks: leaks(ignoredOnly.report) }).toEqual({ status: 'pass', policy: [], leaks: [] });

    // Untracked but not ignored: the next `git add -A` would commit it, so it is judged.
    writeFileSync(path.join(repo, 'src/draft.ts'), `const token = '${tokens.github}';\n`);
    writeFileSync(path.join(repo, '.env'), 'A=1\n');
    // A file in node_modules that the project tracks is its own, and judged.
    runGit(repo, 'add', '-f', 'node_modules/pkg/.env');
    const untracked = await scanWithEvent(repo, { scope: 'worktree' });
    expect(policy(untracked.report).sort()).toEqual(['error file/dotenv .env', 'error file/dotenv node_modules/pkg/.env']);
    // (gitleaks' own default config leaves node_modules paths out of its rules.)
    expect(leaks(untracked.report)).toEqual(['github-pat src/draft.ts']);
  });
});

/** main has a .env already; the pull request branches off it. */
function repoWithOldEnv() {
  const repo = gitRepo({ '.env': 'OLD=1\n', 'README.md': '# app\n' });
  const base = runGit(repo, 'rev-parse', 'HEAD').trim();
  runGit(repo, 'checkout', '-q', '-b', 'feature');
  return { repo, base };
}

function pullRequest(base: string, head: string) {
  return { name: 'pull_request', payload: { number: 7, pull_request: { number: 7, base: { sha: base }, head: { sha: head } } } };
}

describe('a pull request is blamed for what it brings', () => {
  it('warns about a .env already on the base branch, naming it, and passes', async () => {
    const { repo, base } = repoWithOldEnv();
    const head = commitFiles(repo, { 'src/app.ts': 'export {};\n' });
    const { report } = await scanWithEvent(repo, {}, pullRequest(base, head));
    expect(policy(report)).toEqual(['warning file/dotenv .env']);
    expect(report.findings[0]?.message).toContain('already there before these commits');
    expect(report.status).toBe('pass');
  });

  it('fails on a .env, .envrc or .env.dist-less secret file the pull request adds, and passes templates', async () => {
    const { repo, base } = repoWithOldEnv();
    const head = commitFiles(repo, { 'api/.env.production': 'A=1\n', '.envrc': 'export A=1\n', '.env.dist': 'A=\n', '.env.defaults': 'A=\n', '.env.staging.example': 'A=\n' });
    const { report } = await scanWithEvent(repo, {}, pullRequest(base, head));
    expect(policy(report).sort()).toEqual(['error file/dotenv .envrc', 'error file/dotenv api/.env.production', 'warning file/dotenv .env']);
    expect(report.status).toBe('fail');
  });

  it('fails on a .env added and removed again inside the pull request, and on one changed by it', async () => {
    const { repo, base } = repoWithOldEnv();
    commitFiles(repo, { 'config/.env.local': 'A=1\n' });
    runGit(repo, 'rm', '-q', 'config/.env.local');
    commitFiles(repo, { '.env': 'OLD=2\n' }, 'remove the local env, change the old one');
    const head = runGit(repo, 'rev-parse', 'HEAD').trim();
    const { report } = await scanWithEvent(repo, {}, pullRequest(base, head));
    expect(policy(report).sort()).toEqual(['error file/dotenv .env', 'error file/dotenv config/.env.local']);
    expect(report.findings.find((finding) => finding.file === 'config/.env.local')?.message).toContain('these commits added it and removed it again, but it stays in their history');
    expect(report.findings.find((finding) => finding.file === '.env')?.message).not.toContain('removed it again');
  });

  it('fails a push to the default branch on a .env that was already there, and only warns on another branch', async () => {
    const { repo, base } = repoWithOldEnv();
    const head = commitFiles(repo, { 'src/app.ts': 'export {};\n' });
    const push = (ref: string) => ({ name: 'push', payload: { ref, before: base, after: head, repository: { default_branch: 'main' } } });
    expect(policy((await scanWithEvent(repo, {}, push('refs/heads/main'))).report)).toEqual(['error file/dotenv .env']);
    expect(policy((await scanWithEvent(repo, {}, push('refs/heads/feature'))).report)).toEqual(['warning file/dotenv .env']);
  });
});
