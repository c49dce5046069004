import { execFileSync } from 'node:child_process';
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ReadinessConfig } from '../../src/core/config.js';
import { silentLogger } from '../../src/core/logger.js';
import type { GateReport } from '../../src/core/report.js';
import { runGate } from '../../src/core/run.js';
import { secretScanGate } from '../../src/secret-scan/gate.js';
import { tempDir, writeFiles } from '../helpers/temp.js';
import { commitFiles, fakeTokens, gitRepo, randomText, runGit, WASM_GITLEAKS } from './helpers.js';

async function scan(cwd: string, settings: Record<string, unknown>): Promise<GateReport> {
  const config: ReadinessConfig = { 'secret-scan': { scope: 'worktree', 'gitleaks-path': WASM_GITLEAKS, ...settings } };
  return runGate(secretScanGate, config, { values: {}, nameOf: (key) => key }, {
    cwd,
    env: { PATH: process.env.PATH },
    inAction: false,
    log: silentLogger,
    configFile: '.github/readiness-gates.yml',
  });
}

/** The findings without the notice that names the gitleaks-path binary these tests choose. */
const judged = (report: GateReport) => report.findings.filter((finding) => finding.rule !== 'gitleaks/explicit-path');
const summary = (report: GateReport) => judged(report).map((finding) => `${finding.level} ${finding.rule} ${finding.file ?? ''}`.trim()).sort();

describe('secret-scan gate: exceptions, baseline, gitleaks configuration', () => {
  it('applies allow entries by fingerprint, rule and path, fails on expired ones and notes unused ones', async () => {
    const tokens = fakeTokens();
    const cwd = gitRepo({ 'src/a.ts': `export const t = '${tokens.github}';\n`, '.env.ci': 'CI=true\n', 'src/b.ts': `export const k = '${tokens.stripe}';\n` });
    const report = await scan(cwd, {
      allow: [
        { fingerprint: 'src/a.ts:github-pat:1', reason: 'revoked token kept as a fixture' },
        { rule: 'file/dotenv', path: '.env.*', reason: 'CI flags only', expires: '2999-01-01' },
        { rule: 'stripe-access-token', reason: 'was fine once', expires: '2020-01-01' },
        { path: 'docs/**', reason: 'nothing there any more' },
      ],
    });
    expect(summary(report)).toEqual([
      'error policy/expired-exception .github/readiness-gates.yml',
      'error stripe-access-token src/b.ts',
      'notice policy/unused-exception .github/readiness-gates.yml',
    ]);
    expect(report.metrics.allowed).toBe(2);
    expect(report.status).toBe('fail');
  });

  it('ignores the leaks of a gitleaks baseline report and keeps new ones', async () => {
    const tokens = fakeTokens();
    const cwd = gitRepo({ 'src/old.ts': `export const t = '${tokens.github}';\n` });
    // A real baseline, written by gitleaks itself.
    try {
      execFileSync(process.execPath, [WASM_GITLEAKS, 'dir', '--no-banner', '--redact', '--report-format', 'json', '--report-path', 'baseline.json', '.'], { cwd, stdio: 'ignore' });
    } catch {
      // gitleaks exits 1 when it finds leaks; the report is what matters.
    }
    writeFiles(cwd, { 'src/new.ts': `export const s = '${tokens.slack}';\n` });
    const report = await scan(cwd, { 'baseline-path': 'baseline.json' });
    expect(summary(report)).toEqual(['error slack-bot-token src/new.ts']);

    writeFiles(cwd, { 'broken.json': '{"not": "a report"}' });
    const broken = await scan(cwd, { 'baseline-path': 'broken.json' });
    expect(broken.status).toBe('error');
    expect(broken.findings[0]?.message).toContain('baseline-path: broken.json is not a list of gitleaks findings');
  });

  it('honours .gitleaks.toml at the root, and gitleaks-config instead of it', async () => {
    const secret = `acme_${randomText(32, 'abcdefghijklmnopqrstuvwxyz0123456789')}`;
    const rule = (id: string) => `[extend]\nuseDefault = true\n\n[[rules]]\nid = "${id}"\nregex = '''acme_[a-z0-9]{32}'''\n`;
    const cwd = gitRepo({ 'src/acme.ts': `export const key = '${secret}';\n`, '.gitleaks.toml': rule('acme-root-rule'), 'config/leaks.toml': rule('acme-config-rule') });
    expect(summary(await scan(cwd, {}))).toEqual(['error acme-root-rule src/acme.ts']);
    expect(summary(await scan(cwd, { 'gitleaks-config': 'config/leaks.toml' }))).toEqual(['error acme-config-rule src/acme.ts']);
    const missing = await scan(cwd, { 'gitleaks-config': 'nope.toml' });
    expect(missing.findings[0]?.message).toBe('gitleaks-config: nope.toml does not exist; point it at a gitleaks TOML config or remove the setting');
  });

  it('passes extra-args to gitleaks', async () => {
    const tokens = fakeTokens();
    const cwd = gitRepo({ 'src/a.ts': `export const t = '${tokens.github}';\nexport const s = '${tokens.slack}';\n` });
    expect(summary(await scan(cwd, { 'extra-args': '--enable-rule slack-bot-token' }))).toEqual(['error slack-bot-token src/a.ts']);
  });

  it('reports an error, not a pass, when gitleaks itself fails', async () => {
    const cwd = gitRepo({ 'src/a.ts': 'export {};\n', '.gitleaks.toml': '[[rules]\nid = broken' });
    const report = await scan(cwd, {});
    expect(report.status).toBe('error');
    expect(report.findings[0]?.message).toMatch(/^gitleaks dir failed with exit code 1: /);
  });

  it('runs a native gitleaks in git mode over the event\'s range and keeps commit and author', async () => {
    const repo = gitRepo({ 'README.md': '# app\n' });
    const base = runGit(repo, 'rev-parse', 'HEAD').trim();
    const head = commitFiles(repo, { 'src/a.ts': 'export {};\n' });
    // Stands in for a native binary: records its arguments and reports one leak like gitleaks git does.
    const bin = tempDir();
    const fake = path.join(bin, 'gitleaks');
    const leak = { RuleID: 'github-pat', File: 'src/a.ts', StartLine: 1, EndLine: 1, StartColumn: 7, EndColumn: 47, Commit: head, Author: 'Ada Lovelace', Email: 'ada@example.com', Date: '2026-05-01T10:00:00Z', Secret: 'REDACTED', Match: 'REDACTED', Fingerprint: `${head}:src/a.ts:github-pat:1` };
    writeFiles(bin, { gitleaks: `#!/bin/sh\nprintf '%s\\n' "$@" > "${bin}/args"\nwhile [ $# -gt 0 ]; do [ "$1" = --report-path ] && printf '%s' '${JSON.stringify([leak])}' > "$2"; shift; done\nexit 99\n` });
    chmodSync(fake, 0o755);
    const eventPath = path.join(bin, 'event.json');
    writeFileSync(eventPath, JSON.stringify({ pull_request: { number: 3, base: { sha: base }, head: { sha: head } } }));

    const report = await runGate(secretScanGate, { 'secret-scan': { 'gitleaks-path': fake } }, { values: {}, nameOf: (key) => key }, {
      cwd: repo,
      env: { PATH: process.env.PATH, GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: eventPath },
      inAction: true,
      log: silentLogger,
    });
    const args = readFileSync(path.join(bin, 'args'), 'utf8').trim().split('\n');
    expect(args[0]).toBe('git');
    expect(args).toContain(`--log-opts=--full-history --diff-merges=remerge --relative --no-textconv --no-renames --src-prefix=a/ --dst-prefix=b/ ${head} ^${base}`);
    expect(args.slice(args.indexOf('--exit-code'), args.indexOf('--exit-code') + 2)).toEqual(['--exit-code', '99']);
    expect(judged(report)).toEqual([expect.objectContaining({ rule: 'github-pat', file: 'src/a.ts', line: 1, fingerprint: `${head}:src/a.ts:github-pat:1`, message: expect.stringContaining(`in commit ${head.slice(0, 12)} by Ada Lovelace`) })]);
    expect(report.metrics['commits-scanned']).toBe(1);
  });

  it('passes a clean repository and says what it checked', async () => {
    const cwd = gitRepo({ 'src/a.ts': 'export const answer = 42;\n', '.env.example': 'TOKEN=\n' });
    const report = await scan(cwd, {});
    expect(report).toMatchObject({ status: 'pass', metrics: { leaks: 0, 'policy-violations': 0, 'files-checked': 2 } });
    expect(report.findings.map((finding) => `${finding.level} ${finding.rule}`)).toEqual(['notice gitleaks/explicit-path']);
  });

  it('needs a git work tree for history scopes', async () => {
    const report = await scan(tempDir({ 'a.txt': 'x' }), { scope: 'history' });
    expect(report.status).toBe('error');
    expect(report.findings[0]?.message).toContain('is not a git work tree, so the full history cannot be scanned');
  });
});
