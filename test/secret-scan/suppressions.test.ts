import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { GateReport } from '../../src/core/report.js';
import { leakFingerprint } from '../../src/secret-scan/findings.js';
import type { GitleaksLeak } from '../../src/secret-scan/gitleaks.js';
import { Suppressions } from '../../src/secret-scan/suppressions.js';
import { tempDir } from '../helpers/temp.js';
import { NATIVE_GITLEAKS_ENV } from './differential.js';
import { commitFiles, fakeTokens, gitRepo, pushToMain, runGit, scanWithEvent } from './helpers.js';

const nativeGitleaks = process.env[NATIVE_GITLEAKS_ENV];
/** The engines to run: the WebAssembly build always, a native gitleaks where RG_NATIVE_GITLEAKS names one. */
const engines: [string, string | undefined][] = [['WebAssembly', undefined], ...(nativeGitleaks && existsSync(nativeGitleaks) ? [['native', nativeGitleaks] as [string, string]] : [])];

const leak: GitleaksLeak = { RuleID: 'github-pat', StartLine: 3, EndLine: 3, StartColumn: 14, EndColumn: 53, File: 'src/config.ts', Commit: 'a'.repeat(40) };

/** What the gate reports, without the notice naming the gitleaks-path the tests set. */
function judged(report: GateReport): string[] {
  return report.findings.filter((finding) => finding.rule !== 'gitleaks/explicit-path').map((finding) => `${finding.level} ${finding.rule} ${finding.file}:${finding.line ?? ''}`).sort();
}


describe('.gitleaksignore and baseline entries', () => {
  it('match by exact fingerprint or by file:rule:line in every commit, like gitleaks', async () => {
    const cwd = tempDir({ '.gitleaksignore': `# accepted\n${leakFingerprint(leak)}\n` });
    expect((await Suppressions.load(cwd, undefined)).filterDirect([leak, { ...leak, StartLine: 4, EndLine: 4 }])).toEqual([{ ...leak, StartLine: 4, EndLine: 4 }]);
    writeFileSync(path.join(cwd, '.gitleaksignore'), 'src/config.ts:github-pat:3\n');
    expect((await Suppressions.load(cwd, undefined)).filterDirect([leak, { ...leak, Commit: 'b'.repeat(40) }])).toEqual([]);
    writeFileSync(path.join(cwd, '.gitleaksignore'), `${'b'.repeat(40)}:src/config.ts:github-pat:3\nsrc/config.ts:github-pat:4\n`);
    expect((await Suppressions.load(cwd, undefined)).filterDirect([leak])).toEqual([leak]);
  });

  describe.each(engines)('with %s gitleaks', (_name, gitleaksPath) => {
    const settings = gitleaksPath ? { 'gitleaks-path': gitleaksPath } : {};

    it('a commit-bound .gitleaksignore line keeps matching the secret after its line moves and after a rebase', { timeout: 120_000 }, async () => {
      const token = fakeTokens().github;
      const others = ['export const a = 1;', 'export const b = 2;', 'export const c = 3;'];
      const repo = gitRepo({ 'README.md': 'hello\n' });
      const base = runGit(repo, 'rev-parse', 'HEAD').trim();
      const added = commitFiles(repo, { 'src/config.ts': [`export const token = "${token}";`, ...others, ''].join('\n') }, 'add');
      commitFiles(repo, { '.gitleaksignore': `${added}:src/config.ts:github-pat:1\n` }, 'accept the test token');
      const beforeMove = runGit(repo, 'rev-parse', 'HEAD').trim();
      const moved = commitFiles(repo, { 'src/config.ts': [...others, `export const token = "${token}";`, ''].join('\n') }, 'move');

      // gitleaks' own matching misses the moved line (a new commit and line number); the secret hash does not.
      expect(judged((await scanWithEvent(repo, { ...settings, scope: 'history' })).report)).toEqual([]);
      expect(judged((await scanWithEvent(repo, settings, pushToMain(beforeMove, moved))).report)).toEqual([]);

      // Rebased onto a new base commit: every commit is new; the original is still in the repository.
      runGit(repo, 'checkout', '-q', '-b', 'old', moved);
      runGit(repo, 'checkout', '-q', base);
      runGit(repo, 'checkout', '-q', '-b', 'rebased');
      const newBase = commitFiles(repo, { 'CHANGELOG.md': 'changes\n' }, 'new base');
      runGit(repo, 'cherry-pick', `${base}..old`);
      const rebasedHead = runGit(repo, 'rev-parse', 'HEAD').trim();
      const pr = (await scanWithEvent(repo, settings, { name: 'pull_request', payload: { pull_request: { number: 2, base: { sha: newBase }, head: { sha: rebasedHead } } } })).report;
      expect(pr.metrics['commits-scanned']).toBe(3);
      expect(judged(pr)).toEqual([]);

      // Another secret in the same file is not covered by the line.
      commitFiles(repo, { 'src/config.ts': [...others, `export const token = "${token}";`, `export const other = "${fakeTokens().github}";`, ''].join('\n') }, 'another');
      expect(judged((await scanWithEvent(repo, { ...settings, scope: 'history' })).report)).toEqual(['error github-pat src/config.ts:5']);
    });
  });

  it('a baseline made on a branch keeps matching after the branch is squash-merged', { timeout: 60_000 }, async () => {
    const token = fakeTokens().github;
    const repo = gitRepo({ 'README.md': 'hello\n' });
    const base = runGit(repo, 'rev-parse', 'HEAD').trim();
    runGit(repo, 'checkout', '-q', '-b', 'feature');
    commitFiles(repo, { 'deploy/values.yaml': 'replicas: 2\n' }, 'values');
    const leaked = commitFiles(repo, { 'deploy/values.yaml': `replicas: 2\ntoken: ${token}\n` }, 'token');
    const baseline = (await scanWithEvent(repo, { scope: 'history' })).report.findings.find((finding) => finding.rule === 'github-pat')!;
    expect(baseline.commit).toBe(leaked);
    // A baseline as gitleaks writes it (the fields the gate reads).
    writeFileSync(path.join(repo, 'baseline.json'), JSON.stringify([{ RuleID: 'github-pat', File: 'deploy/values.yaml', StartLine: 2, EndLine: 2, StartColumn: 8, EndColumn: 47, Commit: leaked, Fingerprint: `${leaked}:deploy/values.yaml:github-pat:2` }]));
    runGit(repo, 'checkout', '-q', 'main');
    runGit(repo, 'merge', '-q', '--squash', 'feature');
    runGit(repo, 'commit', '-q', '-m', 'feature (#3)');
    const squashed = runGit(repo, 'rev-parse', 'HEAD').trim();
    expect(judged((await scanWithEvent(repo, {}, pushToMain(base, squashed))).report)).toEqual(['error github-pat deploy/values.yaml:2']);
    expect(judged((await scanWithEvent(repo, { 'baseline-path': 'baseline.json' }, pushToMain(base, squashed))).report)).toEqual([]);
  });

  it('a .gitleaksignore line made on a pull request keeps matching after its squash merge, the commit fetched from origin\'s refs/pull/', { timeout: 60_000 }, async () => {
    const token = fakeTokens().github;
    const upstream = gitRepo({ 'README.md': 'hello\n' });
    const base = runGit(upstream, 'rev-parse', 'HEAD').trim();
    runGit(upstream, 'checkout', '-q', '-b', 'feature');
    const added = commitFiles(upstream, { 'test/fixture.ts': `export const token = "${token}";\n` }, 'fixture');
    commitFiles(upstream, { '.gitleaksignore': `${added}:test/fixture.ts:github-pat:1\n` }, 'accept the fixture');
    runGit(upstream, 'checkout', '-q', 'main');
    runGit(upstream, 'merge', '-q', '--squash', 'feature');
    runGit(upstream, 'commit', '-q', '-m', 'fixture (#1)');
    const squashed = runGit(upstream, 'rev-parse', 'HEAD').trim();
    // GitHub keeps the pull request's commits under refs/pull/1/head once its branch is deleted.
    runGit(upstream, 'update-ref', 'refs/pull/1/head', 'feature');
    runGit(upstream, 'branch', '-q', '-D', 'feature');
    // The CI checkout: the default branch only, over a transport (file://) that copies no other object.
    const clone = path.join(tempDir(), 'clone');
    runGit(path.dirname(clone), 'clone', '-q', '--single-branch', '-b', 'main', `file://${upstream}`, clone);
    expect(() => runGit(clone, 'cat-file', '-e', added)).toThrow();

    const { report, log } = await scanWithEvent(clone, {}, pushToMain(base, squashed));
    expect(judged(report)).toEqual([]);
    expect(log.join('\n')).toContain('fetching 1 commit(s) named by .gitleaksignore or the baseline from origin');
    expect(runGit(clone, 'rev-parse', '--is-shallow-repository').trim()).toBe('false');

    // Where origin no longer has the commit, the line cannot be translated: the leak is reported.
    runGit(upstream, 'update-ref', '-d', 'refs/pull/1/head');
    runGit(upstream, 'reflog', 'expire', '--expire=now', '--all');
    runGit(upstream, 'gc', '-q', '--prune=now');
    const other = path.join(tempDir(), 'clone');
    runGit(path.dirname(other), 'clone', '-q', '--single-branch', '-b', 'main', `file://${upstream}`, other);
    expect(judged((await scanWithEvent(other, {}, pushToMain(base, squashed))).report)).toEqual(['error github-pat test/fixture.ts:1']);
  });

  it('that match nothing are reported by a full-history scan, naming a commit that is gone; a push scan cannot tell', { timeout: 60_000 }, async () => {
    const repo = gitRepo({ 'README.md': 'hello\n' });
    const base = runGit(repo, 'rev-parse', 'HEAD').trim();
    const gone = 'c'.repeat(40);
    const head = commitFiles(repo, { '.gitleaksignore': `# old\n${gone}:src/a.ts:github-pat:1\nsrc/b.ts:github-pat:2\n` }, 'ignore');
    const history = (await scanWithEvent(repo, { scope: 'history' })).report;
    expect(judged(history)).toEqual(['notice policy/unused-exception .gitleaksignore:2', 'notice policy/unused-exception .gitleaksignore:3']);
    expect(history.findings.find((finding) => finding.line === 2)?.message).toContain(`commit ${gone.slice(0, 12)}, which is not in the history`);
    expect(history.findings.find((finding) => finding.line === 3)?.message).toBe('.gitleaksignore line 3 matched no leak in the full history; remove it.');
    expect(judged((await scanWithEvent(repo, {}, pushToMain(base, head))).report)).toEqual([]);
  });
});
