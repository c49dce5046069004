import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runBundledAction } from '../helpers/action-runner.js';
import { tempDir } from '../helpers/temp.js';

const packageJson = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };

function cliBundle(args: string[], cwd = tempDir()) {
  const result = spawnSync(process.execPath, [path.join(ROOT, 'dist/cli/index.js'), ...args], { cwd, encoding: 'utf8', env: { PATH: process.env.PATH } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('dist/cli/index.js', () => {
  it('answers --help and --version', () => {
    const help = cliBundle(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: readiness-gates <command> [flags]');
    expect(cliBundle(['--version']).stdout.trim()).toBe(packageJson.version);
  });

  it('prints valid JSON for `all --format json` and exits by its status', () => {
    const result = cliBundle(['all', '--format', 'json']);
    const combined = JSON.parse(result.stdout) as { status: string; gates: Array<{ gate: string; status: string }> };
    expect(combined.gates.map((gate) => gate.gate)).toEqual(['secret-scan', 'audit', 'test-existence', 'hygiene']);
    expect(result.code).toBe({ pass: 0, fail: 1, error: 2 }[combined.status]);
  });

  it('answers bad input with one line and exit 2, never a stack trace', () => {
    for (const args of [['nope'], ['audit', '--bogus'], ['audit', '--cwd', '/does/not/exist']]) {
      const result = cliBundle(args);
      expect(result.code).toBe(2);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    }
  });
});

describe('action bundles as the runner runs them', () => {
  it('publishes outputs, report files and a job summary that agree with each other', () => {
    const workspace = tempDir({ 'package.json': '{"name":"x","version":"1.0.0"}' });
    const run = runBundledAction('all', { workspace });
    const report = JSON.parse(readFileSync(run.outputs['report-path']!, 'utf8')) as { status: string; gates: Array<{ gate: string; status: string; findings: unknown[] }> };
    expect(run.outputs.status).toBe(report.status);
    expect(Number(run.outputs.findings)).toBe(report.gates.reduce((sum, gate) => sum + gate.findings.length, 0));
    for (const gate of report.gates) {
      expect(run.outputs[`${gate.gate}-status`]).toBe(gate.status);
      expect(run.summary).toMatch(new RegExp(`\\| ${gate.gate} \\| .* ${gate.status} \\|`));
    }
    const sarif = JSON.parse(readFileSync(run.outputs['sarif-path']!, 'utf8')) as { version: string; runs: unknown[] };
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs).toHaveLength(report.gates.length);
    // The runner marks the step failed through a non-zero exit and an ::error:: command.
    expect(run.exitCode === 0).toBe(report.status === 'pass');
    if (report.status !== 'pass') expect(run.stdout).toMatch(/^::error::/m);
  });

  it('fails with one clear line on an invalid config input', () => {
    const workspace = tempDir({ 'ci/gates.yml': 'audit:\n  fail-on: hihg\n' });
    const run = runBundledAction('audit', { workspace, inputs: { config: 'ci/gates.yml' } });
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toContain('::error::ci/gates.yml: audit.fail-on: a 4-character string is not one of low, moderate, high, critical');
    expect(run.stdout).not.toMatch(/\n\s+at /);
  });

  it('names the input of a bad value and the missing working directory', () => {
    const workspace = tempDir();
    const badInput = runBundledAction('audit', { workspace, inputs: { 'fail-on': 'hihg' } });
    expect(badInput.stdout).toContain('input fail-on: a 4-character string is not one of low, moderate, high, critical');
    const missing = runBundledAction('audit', { workspace, inputs: { cwd: 'nope' } });
    expect(missing.exitCode).toBe(1);
    expect(missing.stdout).toMatch(/::error::input cwd: .*nope is not a directory; check out the repository first/);
  });
});

describe('an action run in a subdirectory of the repository', () => {
  it('annotates and links from the repository root, and keeps the JSON report relative to the directory checked', () => {
    const workspace = tempDir({
      'packages/app/package.json': JSON.stringify({ name: 'app', version: '1.0.0', scripts: { test: 'vitest run' } }),
      'packages/app/src/add.ts': 'export const add = (a: number, b: number) => a + b;\n',
      'packages/app/test/add.test.ts': "import { expect, it } from 'vitest';\n\nit('adds', () => {\n  expect(true).toBe(true);\n});\n",
    });
    const run = runBundledAction('test-existence', { workspace, inputs: { cwd: 'packages/app' } });
    expect(run.stdout).toMatch(/^::error title=test-existence%3A test\/tautology,file=packages\/app\/test\/add\.test\.ts,line=3/m);
    const report = JSON.parse(readFileSync(run.outputs['report-path']!, 'utf8')) as { findings: Array<{ rule: string; file?: string }> };
    expect(report.findings.find((finding) => finding.rule === 'test/tautology')?.file).toBe('test/add.test.ts');
    const sarif = JSON.parse(readFileSync(run.outputs['sarif-path']!, 'utf8')) as { runs: Array<{ results: Array<{ ruleId: string; locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }> }> };
    const tautology = sarif.runs[0]!.results.find((result) => result.ruleId === 'test/tautology')!;
    expect(tautology.locations[0]!.physicalLocation.artifactLocation.uri).toBe('packages/app/test/add.test.ts');
    expect(run.summary).toContain('(https://github.com/octo-org/octo-repo/blob/0123456789abcdef0123456789abcdef01234567/packages/app/test/add.test.ts#L3)');
  });
});
