import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { selectEnabledGates } from '../../src/core/run.js';
import { tempDir } from '../helpers/temp.js';
import { gitRepo, located, manifest, runHygiene } from './helpers.js';

const FAILING = {
  'package.json': manifest({ name: 'app', private: true }),
  'config/.env.backup': 'A=1\n',
  'vendor/tool.exe': 'MZ',
};

async function cli(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), env: {}, cwd });
  return { code, stdout, stderr };
}

describe('hygiene gate', () => {
  it('lowers, raises and switches off rules through levels', async () => {
    const cwd = gitRepo(FAILING);
    const report = await runHygiene(cwd, { levels: { 'tracked/env-backup': 'warning', 'tracked/binary': 'error', 'ci/no-pull-request-workflow': 'off' } });
    expect(report.findings.map((finding) => `${finding.rule}=${finding.level}`).sort()).toEqual(['tracked/binary=error', 'tracked/env-backup=warning']);
    expect(report.status).toBe('fail');
    const unknown = await runHygiene(cwd, { levels: { 'tracked/env-backups': 'off' } });
    expect(unknown.status).toBe('error');
    expect(unknown.findings[0]!.message).toBe('hygiene.levels: unknown rule tracked/env-backups; did you mean tracked/env-backup?');
  });

  it('honours allow entries with a reason, fails on expired ones and notes unused ones', async () => {
    const cwd = gitRepo(FAILING);
    const report = await runHygiene(cwd, {
      allow: [
        { rule: 'tracked/*', path: 'vendor/**', reason: 'vendored signing tool, checked by hash' },
        { path: 'config/.env.backup', reason: 'fixture', expires: '2000-01-01' },
        { rule: 'docker/*', reason: 'no images yet' },
      ],
      levels: { 'ci/no-pull-request-workflow': 'off' },
    }, '.github/readiness-gates.yml');
    expect(located(report).sort()).toEqual(['policy/expired-exception .github/readiness-gates.yml', 'policy/unused-exception .github/readiness-gates.yml', 'tracked/env-backup config/.env.backup']);
    expect(report.metrics.allowed).toBe(1);
  });

  it('is an error on a broken manifest, unless exclude-paths leaves its folder out', async () => {
    const cwd = gitRepo({ ...FAILING, 'playground/bom/package.json': '{ "name": \n', 'playground/bom/.env.backup': 'A=1\n' });
    const broken = await runHygiene(cwd, { levels: { 'ci/no-pull-request-workflow': 'off' } });
    expect(broken.status).toBe('error');
    expect(broken.findings[0]!.message).toContain('playground/bom/package.json');
    const excluded = await runHygiene(cwd, { 'exclude-paths': ['playground/**'], levels: { 'ci/no-pull-request-workflow': 'off' } });
    expect(located(excluded).sort()).toEqual(['tracked/binary vendor/tool.exe', 'tracked/env-backup config/.env.backup']);
  });

  it('is an error, not a pass, outside a git work tree', async () => {
    const report = await runHygiene(tempDir({ 'package.json': '{}\n' }));
    expect(report.status).toBe('error');
    expect(report.findings[0]!.message).toMatch(/is not a git work tree, so what the repository tracks cannot be checked; check out the repository/);
  });

  it('is one of the gates `all` runs by default, and runs there from its config section', async () => {
    expect(selectEnabledGates({})).toEqual(['secret-scan', 'audit', 'test-existence', 'hygiene']);
    const cwd = gitRepo({ ...FAILING, '.github/readiness-gates.yml': 'hygiene:\n  levels:\n    tracked/env-backup: off\n    tracked/binary: off\n    ci/no-pull-request-workflow: off\n' });
    const result = await cli(['all', '--format', 'json', '--cwd', cwd], process.cwd());
    expect(result.code).toBe(0);
    const combined = JSON.parse(result.stdout) as { status: string; gates: Array<{ gate: string; status: string }> };
    expect(combined.gates.map((report) => `${report.gate}:${report.status}`)).toEqual(['hygiene:pass']);
  });

  it('runs from the CLI with exit codes 0, 1 and 2 and one JSON report on stdout', async () => {
    const failing = await cli(['hygiene', '--format', 'json', '--cwd', gitRepo(FAILING)], process.cwd());
    expect(failing.code).toBe(1);
    const report = JSON.parse(failing.stdout) as { gate: string; status: string };
    expect(report).toMatchObject({ gate: 'hygiene', status: 'fail' });
    const passing = await cli(['hygiene', '--cwd', gitRepo({ 'README.md': '# docs\n' })], process.cwd());
    expect(passing.code).toBe(0);
    const badFlag = await cli(['hygiene', '--max-file-kib', 'big', '--cwd', gitRepo(FAILING)], process.cwd());
    expect(badFlag.code).toBe(2);
    expect(badFlag.stdout + badFlag.stderr).toContain('--max-file-kib: a 3-character string is not a whole number');
  });
});
