import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import type { ReadinessConfig } from '../../src/core/config.js';
import { silentLogger } from '../../src/core/logger.js';
import type { GateReport } from '../../src/core/report.js';
import { runGate } from '../../src/core/run.js';
import { secretScanGate } from '../../src/secret-scan/gate.js';
import { tempDir, writeFiles } from '../helpers/temp.js';
import { fakeTokens, gitRepo, randomText, WASM_GITLEAKS } from './helpers.js';

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

const summary = (report: GateReport) => report.findings.map((finding) => `${finding.level} ${finding.rule} ${finding.file ?? ''}`.trim()).sort();

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

  it('passes a clean repository and says what it checked', async () => {
    const cwd = gitRepo({ 'src/a.ts': 'export const answer = 42;\n', '.env.example': 'TOKEN=\n' });
    const report = await scan(cwd, {});
    expect(report).toMatchObject({ status: 'pass', findings: [], metrics: { leaks: 0, 'policy-violations': 0, 'files-checked': 2 } });
  });

  it('needs a git work tree for history scopes', async () => {
    const report = await scan(tempDir({ 'a.txt': 'x' }), { scope: 'history' });
    expect(report.status).toBe('error');
    expect(report.findings[0]?.message).toContain('is not a git work tree, so the full history cannot be scanned');
  });
});
