import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderSarif } from '../../src/core/render/sarif.js';
import type { GateReport } from '../../src/core/report.js';
import { runSourceAction } from '../helpers/action-runner.js';
import { CodeScanningModel } from '../helpers/code-scanning.js';
import { commitFiles, fakeTokens, gitRepo, pushToMain, runGit, scanWithEvent, WASM_GITLEAKS } from './helpers.js';

const MAIN = 'refs/heads/main';
const PR = 'refs/pull/1/merge';

/** The secret-scan alerts among `keys` (the notice naming the gitleaks-path these tests set is no secret). */
function secretAlerts(keys: string[]): string[] {
  return keys.filter((key) => !key.includes('gitleaks/explicit-path'));
}

function sarifOf(report: GateReport): string {
  expect(report.status).not.toBe('error');
  return renderSarif(report);
}

const schedule = { name: 'schedule', payload: {} };

describe('SARIF uploads as code scanning sees them (a category per scan scope, secret-hash fingerprints)', () => {
  it('keeps an alert open until the secret is allowed: a pull request, its squash merge, pushes, moved lines and full-history scans', { timeout: 120_000 }, async () => {
    const token = fakeTokens().github;
    const repo = gitRepo({ 'README.md': 'hello\n' });
    const base = runGit(repo, 'rev-parse', 'HEAD').trim();
    runGit(repo, 'checkout', '-q', '-b', 'feature');
    const added = commitFiles(repo, { 'src/config.ts': `export const token = "${token}";\n` }, 'add config');
    // The pull request removes the secret again: it is still in the commits the PR would bring.
    const head = commitFiles(repo, { 'src/config.ts': 'export const token = process.env.TOKEN;\n' }, 'read it from env');
    const model = new CodeScanningModel();

    const pr = (await scanWithEvent(repo, {}, { name: 'pull_request', payload: { pull_request: { number: 1, base: { sha: base }, head: { sha: head } } } })).report;
    expect(pr.category).toBe('pull-request');
    const prOpened = secretAlerts(model.upload(PR, sarifOf(pr)).opened);
    expect(prOpened).toHaveLength(1);
    const alert = prOpened[0]!;
    const hash = pr.findings.find((finding) => finding.rule === 'github-pat')!.stableFingerprint!;
    expect(alert).toContain(hash);
    expect(pr.findings.find((finding) => finding.rule === 'github-pat')?.commit).toBe(added);

    // Squash merge of the first commit only (the author merged before the fix): new commit, same secret.
    runGit(repo, 'checkout', '-q', 'main');
    const squashed = commitFiles(repo, { 'src/config.ts': `export const token = "${token}";\n` }, 'add config (#1)');
    const push1 = (await scanWithEvent(repo, {}, pushToMain(base, squashed))).report;
    expect(push1.category).toBe('push');
    expect(secretAlerts(model.upload(MAIN, sarifOf(push1)).opened)).toEqual([alert]);
    const history1 = (await scanWithEvent(repo, {}, schedule)).report;
    expect(history1.category).toBe('history');
    expect(model.upload(MAIN, sarifOf(history1))).toEqual({ opened: [], closed: [] });

    // A push that does not touch the secret: its scan lists nothing, and the alert stays open.
    const unrelated = commitFiles(repo, { 'docs/notes.md': 'notes\n' }, 'notes');
    const push2 = (await scanWithEvent(repo, {}, pushToMain(squashed, unrelated))).report;
    expect(secretAlerts(push2.findings.map((finding) => finding.rule))).toEqual([]);
    // What one category for every scan did: the push upload replaced the full-history analysis.
    const oneCategory = new CodeScanningModel();
    oneCategory.upload(MAIN, sarifOf({ ...history1, category: undefined }));
    expect(secretAlerts(oneCategory.upload(MAIN, sarifOf({ ...push2, category: undefined })).closed)).toEqual([alert]);
    expect(model.upload(MAIN, sarifOf(push2)).closed).toEqual([]);
    expect(secretAlerts(model.openAlerts(MAIN))).toEqual([alert]);

    // The secret's line moves below others (the commit adds it again): the same alert, not a new one.
    const others = ['export const a = 1;', 'export const b = 2;', 'export const c = 3;'];
    commitFiles(repo, { 'src/config.ts': [`export const token = "${token}";`, ...others, ''].join('\n') }, 'more settings');
    const before = runGit(repo, 'rev-parse', 'HEAD').trim();
    const moved = commitFiles(repo, { 'src/config.ts': [...others, `export const token = "${token}";`, ''].join('\n') }, 'move');
    const push3 = (await scanWithEvent(repo, {}, pushToMain(before, moved))).report;
    expect(push3.findings.find((finding) => finding.rule === 'github-pat')).toMatchObject({ line: 4, commit: moved, stableFingerprint: hash });
    expect(model.upload(MAIN, sarifOf(push3))).toEqual({ opened: [], closed: [] });
    const history2 = (await scanWithEvent(repo, {}, schedule)).report;
    expect(history2.findings.filter((finding) => finding.rule === 'github-pat').map((finding) => finding.line)).toEqual(expect.arrayContaining([1, 4]));
    expect(model.upload(MAIN, sarifOf(history2))).toEqual({ opened: [], closed: [] });
    expect(secretAlerts(model.openAlerts(MAIN))).toEqual([alert]);

    // Allowed by its secret hash: the next full-history scan and push scan close the alert.
    const allow = { allow: [{ 'secret-hash': hash, reason: 'revoked test token' }] };
    const history3 = (await scanWithEvent(repo, allow, schedule)).report;
    expect(history3.status).toBe('pass');
    model.upload(MAIN, sarifOf(history3));
    expect(secretAlerts(model.openAlerts(MAIN))).toEqual([alert]);
    const fixed = commitFiles(repo, { 'docs/notes.md': 'more notes\n' }, 'more notes');
    const push4 = (await scanWithEvent(repo, allow, pushToMain(moved, fixed))).report;
    // The push did not cover the secret's commits: its allow entry is not called stale there.
    expect(push4.findings.map((finding) => finding.rule)).not.toContain('policy/unused-exception');
    expect(secretAlerts(model.upload(MAIN, sarifOf(push4)).closed)).toEqual([alert]);
    expect(secretAlerts(model.openAlerts(MAIN))).toEqual([]);
  });

  it('closes the alert once the history is clean (rewritten), and not before', { timeout: 60_000 }, async () => {
    const token = fakeTokens().github;
    const repo = gitRepo({ 'README.md': 'hello\n' });
    const base = runGit(repo, 'rev-parse', 'HEAD').trim();
    const leaked = commitFiles(repo, { 'app.env.ts': `export const token = "${token}";\n` }, 'leak');
    const removed = commitFiles(repo, { 'app.env.ts': 'export const token = "";\n' }, 'remove the token');
    const model = new CodeScanningModel();
    model.upload(MAIN, sarifOf((await scanWithEvent(repo, {}, pushToMain(base, leaked))).report));
    model.upload(MAIN, sarifOf((await scanWithEvent(repo, {}, schedule)).report));
    const [alert] = secretAlerts(model.openAlerts(MAIN));
    expect(alert).toBeDefined();

    // Removed in a later commit: still in the history, so still open.
    model.upload(MAIN, sarifOf((await scanWithEvent(repo, {}, pushToMain(leaked, removed))).report));
    model.upload(MAIN, sarifOf((await scanWithEvent(repo, {}, schedule)).report));
    expect(secretAlerts(model.openAlerts(MAIN))).toEqual([alert]);

    // History rewritten without the secret (and force-pushed): the full-history scan closes the alert.
    runGit(repo, 'reset', '-q', '--hard', base);
    const clean = commitFiles(repo, { 'app.env.ts': 'export const token = "";\n' }, 'config without token');
    runGit(repo, 'reflog', 'expire', '--expire=now', '--all');
    runGit(repo, 'gc', '-q', '--prune=now');
    model.upload(MAIN, sarifOf((await scanWithEvent(repo, {}, pushToMain(base, clean))).report));
    expect(secretAlerts(model.openAlerts(MAIN))).toEqual([alert]);
    expect(secretAlerts(model.upload(MAIN, sarifOf((await scanWithEvent(repo, {}, schedule)).report)).closed)).toEqual([alert]);
  });
});

describe('the secret-scan action on a pull request', () => {
  it('links a secret in a file the pull request removes again to the commit that holds it, and writes the pull-request category', { timeout: 120_000 }, () => {
    const workspace = gitRepo({ 'README.md': 'hello\n' });
    const base = runGit(workspace, 'rev-parse', 'HEAD').trim();
    const added = commitFiles(workspace, { 'tmp/debug.ts': `export const token = "${fakeTokens().github}";\n`, '.env': 'DEBUG=1\n' }, 'debug');
    runGit(workspace, 'rm', '-q', 'tmp/debug.ts', '.env');
    runGit(workspace, 'commit', '-q', '-m', 'remove debug');
    const head = runGit(workspace, 'rev-parse', 'HEAD').trim();
    const run = runSourceAction('secret-scan', {
      workspace,
      inputs: { 'gitleaks-path': WASM_GITLEAKS },
      eventName: 'pull_request',
      event: { number: 5, pull_request: { number: 5, base: { sha: base, ref: 'main' }, head: { sha: head, ref: 'feature' } } },
    });
    expect(run.exitCode).toBe(1);
    // The head commit no longer has the file: a link there would be a 404.
    expect(run.summary).toContain(`[\`tmp/debug.ts:1:23\`](https://github.com/octo-org/octo-repo/blob/${added}/tmp/debug.ts#L1)`);
    // So does the file policy's finding on a dotenv file the pull request added and removed again.
    expect(run.summary).toContain(`[\`.env\`](https://github.com/octo-org/octo-repo/blob/${added}/.env)`);
    const sarif = JSON.parse(readFileSync(run.outputs['sarif-path']!, 'utf8'));
    expect(sarif.runs[0].automationDetails.id).toBe('readiness-gates/secret-scan/pull-request/');
  });
});
