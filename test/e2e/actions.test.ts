import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatProse } from '../../src/core/render/markdown.js';
import { runBundledAction, runBundledActionAsync, type ActionRun } from '../helpers/action-runner.js';
import { tempDir } from '../helpers/temp.js';
import { FIXTURE_ADVISORIES, startAdvisoryServer } from '../audit/advisory-server.js';
import { fixtureProject } from '../audit/helpers.js';
import { addRepository, classicGetShape, startFakeGitHub } from '../branch-protection/fake-github.js';
import { commitFiles, fakeTokens, gitRepo, runGit, WASM_GITLEAKS } from '../secret-scan/helpers.js';

interface ReportFinding {
  rule: string;
  level: string;
  message: string;
  file?: string;
  line?: number;
  help?: string;
}

interface Report {
  gate: string;
  status: string;
  findings: ReportFinding[];
  metrics: Record<string, number>;
}

function reportOf(run: ActionRun): Report {
  return JSON.parse(readFileSync(run.outputs['report-path']!, 'utf8')) as Report;
}

/** The step's verdict as the runner sees it: exit 0 only on pass, outputs agree with the report file. */
function expectVerdict(run: ActionRun, status: 'pass' | 'fail'): Report {
  const report = reportOf(run);
  expect(run.outputs.status, run.stdout).toBe(status);
  expect(report.status).toBe(status);
  expect(run.exitCode).toBe(status === 'pass' ? 0 : 1);
  expect(Number(run.outputs.findings)).toBe(report.findings.length);
  expect(Number(run.outputs.errors)).toBe(report.findings.filter((finding) => finding.level === 'error').length);
  for (const [metric, value] of Object.entries(report.metrics)) expect(run.outputs[metric], metric).toBe(String(value));
  return report;
}

/**
 * Every error finding is an `::error …file=…,line=…::` annotation (when it has a location) and a row of the
 * job summary naming its rule, its location and what to do about it.
 */
function expectAnnotatedAndSummarised(run: ActionRun, report: Report): void {
  const errors = report.findings.filter((finding) => finding.level === 'error');
  expect(errors.length).toBeGreaterThan(0);
  expect(run.summary).toContain('| | Rule | Location | What to do |');
  const rows = run.summary.split('\n').filter((line) => line.startsWith('| 🔴 |'));
  expect(rows).toHaveLength(errors.length);
  for (const finding of errors) {
    const location = finding.file === undefined ? '' : finding.line === undefined ? finding.file : `${finding.file}:${finding.line}`;
    const row = rows.find((line) => line.includes(`\`${finding.rule}\``) && line.includes(location) && line.includes(formatProse(finding.message).slice(0, 60)));
    expect(row, `summary row for ${finding.rule} ${location}`).toBeDefined();
    if (finding.help !== undefined) expect(row).toContain(`<br><sub>${formatProse(finding.help).slice(0, 60)}`);
    if (finding.file === undefined) continue;
    const position = finding.line === undefined ? '' : `,line=${finding.line}`;
    expect(run.stdout, `${finding.rule} annotation`).toMatch(new RegExp(`^::error [^\\n]*file=${escapeRegExp(finding.file)}${position}\\b[^\\n]*::`, 'm'));
  }
}


function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

describe('secret-scan action', () => {
  function leakyRepo() {
    const tokens = fakeTokens();
    const dir = gitRepo({ 'README.md': '# app\n', 'src/index.ts': 'export const answer = 42;\n' });
    const base = runGit(dir, 'rev-parse', 'HEAD').trim();
    const head = commitFiles(dir, {
      '.env': `API_TOKEN=${tokens.stripe}\n`,
      'src/client.ts': `export const client = {\n  baseUrl: 'https://api.example.com',\n  token: '${tokens.github}',\n};\n`,
    }, 'add client');
    return { dir, base, head, tokens };
  }

  function expectNoSecret(run: ActionRun, secrets: string[]): void {
    const texts = [run.stdout, run.stderr, run.summary, readFileSync(run.outputs['report-path']!, 'utf8'), readFileSync(run.outputs['sarif-path']!, 'utf8')];
    for (const secret of secrets) for (const text of texts) expect(text.includes(secret)).toBe(false);
  }

  it('fails a pull request that adds a tracked .env and a token, without printing either secret', () => {
    const { dir, base, head, tokens } = leakyRepo();
    const run = runBundledAction('secret-scan', {
      workspace: dir,
      eventName: 'pull_request',
      event: { number: 7, pull_request: { number: 7, base: { sha: base, ref: 'main' }, head: { sha: head, ref: 'feature' } } },
      inputs: { 'gitleaks-path': WASM_GITLEAKS },
      env: { GITHUB_SHA: head },
    });
    const report = expectVerdict(run, 'fail');
    expectAnnotatedAndSummarised(run, report);
    const files = report.findings.map((finding) => finding.file);
    expect(files).toContain('.env');
    expect(files).toContain('src/client.ts');
    expect(report.findings.find((finding) => finding.file === 'src/client.ts')?.line).toBe(3);
    expect(Number(run.outputs.leaks)).toBeGreaterThanOrEqual(1);
    expect(Number(run.outputs['policy-violations'])).toBeGreaterThanOrEqual(1);
    expect(Number(run.outputs['commits-scanned'])).toBe(1);
    expectNoSecret(run, [tokens.github, tokens.stripe]);
  });

  it('judges a push by its before..after range: the fixing push passes after a leaky one', () => {
    const { dir, head: leaky, tokens } = leakyRepo();
    const leakyPush = runBundledAction('secret-scan', {
      workspace: dir,
      eventName: 'push',
      event: { ref: 'refs/heads/main', before: runGit(dir, 'rev-parse', 'HEAD~1').trim(), after: leaky },
      inputs: { 'gitleaks-path': WASM_GITLEAKS },
      env: { GITHUB_SHA: leaky },
    });
    const leakyReport = expectVerdict(leakyPush, 'fail');
    expect(leakyReport.findings.some((finding) => finding.file === 'src/client.ts')).toBe(true);
    expectNoSecret(leakyPush, [tokens.github, tokens.stripe]);

    // The fix: untrack the .env file and read the token from the environment. The leaked token stays in
    // history before `before`, which a push scan does not judge again.
    runGit(dir, 'rm', '-q', '--cached', '.env');
    const clean = commitFiles(dir, {
      '.gitignore': '.env\n',
      'src/client.ts': `export const client = {\n  baseUrl: 'https://api.example.com',\n  token: process.env.API_TOKEN,\n};\n`,
    }, 'read the token from the environment');
    const cleanPush = runBundledAction('secret-scan', {
      workspace: dir,
      eventName: 'push',
      event: { ref: 'refs/heads/main', before: leaky, after: clean },
      inputs: { 'gitleaks-path': WASM_GITLEAKS },
      env: { GITHUB_SHA: clean },
    });
    const cleanReport = expectVerdict(cleanPush, 'pass');
    expect(cleanReport.findings.filter((finding) => finding.level === 'error')).toEqual([]);
    expect(cleanPush.outputs['commits-scanned']).toBe('1');
    expect(cleanPush.stdout).not.toMatch(/^::error/m);
  });
});

describe('audit action', () => {
  it('fails on the fixture lockfile, and fail-on decides which advisories are errors', async () => {
    const server = await startAdvisoryServer(FIXTURE_ADVISORIES);
    try {
      const workspace = fixtureProject('npm-v3');
      const failing = await runBundledActionAsync('audit', { workspace, eventName: 'push', inputs: { registry: server.url } });
      const report = expectVerdict(failing, 'fail');
      expectAnnotatedAndSummarised(failing, report);
      expect(report.findings.every((finding) => finding.file === 'package-lock.json')).toBe(true);
      expect(report.findings.filter((finding) => finding.level === 'error').map((finding) => finding.rule).sort()).toEqual(['GHSA-35jh-r3h4-6jhm', 'GHSA-c2qf-rxjj-qqgw', 'GHSA-c2qf-rxjj-qqgw', 'GHSA-xvch-5gv4-984h']);
      expect(failing.outputs.critical).toBe('1');
      expect(Number(failing.outputs.packages)).toBeGreaterThan(0);
      expect(server.requests.length).toBeGreaterThan(0);

      // Only critical advisories fail: minimist's remains an error, the high ones become warnings.
      const critical = await runBundledActionAsync('audit', { workspace, eventName: 'push', inputs: { registry: server.url, 'fail-on': 'critical' } });
      const criticalReport = expectVerdict(critical, 'fail');
      expect(criticalReport.findings.filter((finding) => finding.level === 'error').map((finding) => finding.rule)).toEqual(['GHSA-xvch-5gv4-984h']);
      expect(Number(critical.outputs.warnings)).toBe(report.findings.length - 1);
      expect(critical.outputs.findings).toBe(failing.outputs.findings);
    } finally {
      await server.close();
    }
  });

  it('passes when the registry knows only advisories below fail-on', async () => {
    const server = await startAdvisoryServer({ debug: FIXTURE_ADVISORIES.debug! });
    try {
      const run = await runBundledActionAsync('audit', { workspace: fixtureProject('npm-v3'), eventName: 'push', inputs: { registry: server.url } });
      const report = expectVerdict(run, 'pass');
      expect(report.findings.map((finding) => `${finding.level} ${finding.rule}`)).toEqual(['warning GHSA-gxpj-cx7g-858c']);
      expect(run.outputs.low).toBe('1');
      expect(run.stdout).not.toMatch(/^::error/m);
      expect(run.stdout).toMatch(/^::warning [^\n]*file=package-lock\.json,line=\d+/m);
      expect(run.summary).toContain('`GHSA-gxpj-cx7g-858c`');

      // fail-on low makes the same advisory an error.
      const strict = await runBundledActionAsync('audit', { workspace: fixtureProject('npm-v3'), eventName: 'push', inputs: { registry: server.url, 'fail-on': 'low' } });
      expectAnnotatedAndSummarised(strict, expectVerdict(strict, 'fail'));
    } finally {
      await server.close();
    }
  });
});

describe('test-existence action', () => {
  const calcProject = (testFile: string) =>
    tempDir({
      'package.json': JSON.stringify({ name: 'calc', version: '1.0.0', scripts: { test: 'vitest run' } }),
      'src/add.ts': 'export function add(a: number, b: number): number {\n  return a + b;\n}\n',
      'test/add.test.ts': testFile,
    });

  it('fails a test that only asserts constants', () => {
    const workspace = calcProject("import { expect, it } from 'vitest';\n\nit('adds', () => {\n  expect(true).toBe(true);\n});\n");
    const run = runBundledAction('test-existence', { workspace });
    const report = expectVerdict(run, 'fail');
    expectAnnotatedAndSummarised(run, report);
    // The tautology is flagged where it is, and the package is left with no real test at all.
    expect(report.findings.map((finding) => `${finding.rule} ${finding.file}:${finding.line ?? ''}`).sort()).toEqual(['test/tautology test/add.test.ts:3', 'tests/none package.json:']);
    expect(run.outputs).toMatchObject({ tests: '1', 'real-tests': '0', tautology: '1', 'test-files': '1' });
  });

  it('passes a test that checks what the code computes', () => {
    const workspace = calcProject("import { expect, it } from 'vitest';\nimport { add } from '../src/add.js';\n\nit('adds', () => {\n  expect(add(2, 3)).toBe(5);\n});\n");
    const run = runBundledAction('test-existence', { workspace });
    const report = expectVerdict(run, 'pass');
    expect(report.findings.filter((finding) => finding.level === 'error')).toEqual([]);
    expect(run.outputs).toMatchObject({ tests: '1', 'real-tests': '1', tautology: '0' });
    expect(run.stdout).not.toMatch(/^::error/m);
    expect(run.summary).toContain('test-existence: pass');
  });
});

describe('branch-protection action', () => {
  const config = [
    'branch-protection:',
    '  branches:',
    '    - name: main',
    '      required-checks: [lint, test]',
    '      required-reviews: 1',
    '      enforce-admins: true',
    '',
  ].join('\n');

  it('fails on drift and passes once the protection matches the config, only reading in check mode', async () => {
    const fake = await startFakeGitHub();
    try {
      // A team that can meet the config: two people who may approve, and a workflow that produces both checks.
      const repository = addRepository(fake, 'octo-org/service', { collaborators: [{ login: 'ada', role: 'admin' }, { login: 'bo', role: 'push' }] });
      const workspace = tempDir({
        '.github/readiness-gates.yml': config,
        '.github/workflows/ci.yml': 'on: pull_request\njobs:\n  lint:\n    runs-on: ubuntu-latest\n    steps: [{run: "true"}]\n  test:\n    runs-on: ubuntu-latest\n    steps: [{run: "true"}]\n',
      });
      const options = { workspace, eventName: 'push', inputs: { repo: 'octo-org/service', mode: 'check', token: 'ghp_admin' }, env: { GITHUB_API_URL: fake.url } };

      const drift = await runBundledActionAsync('branch-protection', options);
      const report = expectVerdict(drift, 'fail');
      expect(report.findings.map((finding) => finding.rule).sort()).toEqual(['drift/enforce-admins', 'drift/required-checks', 'drift/required-reviews']);
      for (const finding of report.findings) expect(finding.message).toContain('octo-org/service main');
      for (const finding of report.findings) expect(drift.summary).toContain(`\`${finding.rule}\``);
      expect(drift.stdout).toMatch(/^::error [^\n]*::octo-org\/service main: required-reviews/m);
      expect(drift.outputs).toMatchObject({ repositories: '1', branches: '1', drifted: '1', applied: '0' });
      expect(fake.requests.length).toBeGreaterThan(0);
      expect(fake.requests.every((request) => request.method === 'GET')).toBe(true);
      expect(repository.protection.has('main')).toBe(false);

      repository.protection.set('main', classicGetShape('octo-org/service', 'main', {
        required_status_checks: { strict: false, checks: [{ context: 'lint', app_id: null }, { context: 'test', app_id: null }] },
        enforce_admins: true,
        required_pull_request_reviews: { required_approving_review_count: 1 },
        restrictions: null,
      }));
      const matching = await runBundledActionAsync('branch-protection', options);
      const matchingReport = expectVerdict(matching, 'pass');
      expect(matchingReport.findings.filter((finding) => finding.rule.startsWith('drift/'))).toEqual([]);
      expect(matching.outputs).toMatchObject({ drifted: '0', branches: '1' });
      expect(matching.stdout).not.toMatch(/^::error/m);
    } finally {
      await fake.close();
    }
  });
});
