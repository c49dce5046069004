import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { createAuditGate } from '../../src/audit/gate.js';
import { executeGate } from '../../src/core/gate.js';
import { silentLogger } from '../../src/core/logger.js';
import { tempDir } from '../helpers/temp.js';
import { FIXTURE_ADVISORIES, startAdvisoryServer, type AdvisoryServer, type AdvisoryServerOptions } from './advisory-server.js';
import { auditJson, fixtureProject, FORMATS, LOCKFILE_FIXTURES, LOCKFILE_NAMES, runCli } from './helpers.js';

let server: AdvisoryServer;
beforeEach(async () => {
  server = await startAdvisoryServer(FIXTURE_ADVISORIES);
});
afterEach(async () => {
  await server.close();
});

/** What the fixture dependency set must give under the default fail-on (high), in every format. */
const EXPECTED = [
  'error GHSA-35jh-r3h4-6jhm lodash@4.17.20',
  'error GHSA-c2qf-rxjj-qqgw semver@5.7.1',
  'error GHSA-c2qf-rxjj-qqgw semver@7.5.1',
  'error GHSA-xvch-5gv4-984h minimist@1.2.0',
  'warning GHSA-gxpj-cx7g-858c debug@2.6.8',
  'warning GHSA-vh95-rmgr-6w4m minimist@1.2.0',
];

/** A pull_request event payload with this base commit, written into the project's .git (removed with it). */
function writeEvent(cwd: string, baseSha: string): string {
  const file = path.join(cwd, '.git', `event-${baseSha.slice(0, 7)}.json`);
  writeFileSync(file, JSON.stringify({ pull_request: { number: 7, base: { sha: baseSha } } }));
  return file;
}

function summary(findings: Array<{ level: string; rule: string; message: string }>): string[] {
  return findings.map((finding) => `${finding.level} ${finding.rule} ${finding.message.split(' ', 1)[0]}`).sort();
}

describe('audit gate on the fixture dependency set', () => {
  it.each(FORMATS)('%s: the same findings as every other format', async (format) => {
    const { code, report } = await auditJson(fixtureProject(format), ['--registry', server.url]);
    expect(summary(report.findings)).toEqual(EXPECTED);
    expect(code).toBe(1);
    expect(report.status).toBe('fail');
    expect(report.metrics).toEqual({ packages: 10, local: 0, advisories: 5, critical: 1, high: 3, moderate: 1, low: 1, allowed: 0 });
    // Annotations land on the package's entry in the lockfile.
    const lockfile = readFileSync(path.join(path.join(LOCKFILE_FIXTURES, format), LOCKFILE_NAMES[format]), 'utf8').split('\n');
    for (const finding of report.findings) {
      expect(finding.file).toBe(LOCKFILE_NAMES[format]);
      const name = finding.message.split(' ', 1)[0]!.replace(/@[^@]+$/, '');
      expect(lockfile[finding.line! - 1], `${format} ${finding.message}`).toContain(name);
    }
  });

  it('documents every metric it reports as an output of actions/audit', async () => {
    const { report } = await auditJson(fixtureProject('npm-v3'), ['--registry', server.url]);
    const action = parse(readFileSync(path.resolve(import.meta.dirname, '../../actions/audit/action.yml'), 'utf8')) as { outputs: Record<string, unknown> };
    for (const metric of Object.keys(report.metrics)) expect(action.outputs[metric], metric).toBeDefined();
  });

  it('names package, severity, title, fix, kind and path in each message, and asks with gzip', async () => {
    const { report } = await auditJson(fixtureProject('pnpm-v9'), ['--registry', server.url]);
    const semver7 = report.findings.find((finding) => finding.message.startsWith('semver@7.5.1'));
    expect(semver7?.message).toBe('semver@7.5.1 has a high advisory: semver vulnerable to Regular Expression Denial of Service (fixed in >=7.5.2); prod dependency via packages/lib: semver@7.5.1.');
    expect(semver7?.help).toContain('https://github.com/advisories/GHSA-c2qf-rxjj-qqgw');
    const minimist = report.findings.find((finding) => finding.rule === 'GHSA-xvch-5gv4-984h');
    expect(minimist?.message).toContain('(fixed in >=1.2.6); dev dependency via minimist@1.2.0');
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]!.gzipped).toBe(true);
    expect(server.requests[0]!.body).toEqual({
      debug: ['2.6.8', '4.3.1'],
      lodash: ['4.17.20'],
      'lru-cache': ['6.0.0'],
      minimist: ['1.2.0'],
      ms: ['2.0.0', '2.1.2'],
      semver: ['5.7.1', '7.5.1'],
      yallist: ['4.0.0'],
    });
  });

  it('SARIF rules carry security-severity (CVSS, else the severity band) and security tags, as code scanning ranks them', async () => {
    const unscored = await startAdvisoryServer({ lodash: [{ ...FIXTURE_ADVISORIES.lodash![0]!, cvss: { score: 0, vectorString: null }, cwe: [] }] });
    try {
      const result = await runCli(['audit', '--format', 'sarif', '--registry', server.url], fixtureProject('npm-v3'));
      const rules = (JSON.parse(result.stdout) as { runs: Array<{ tool: { driver: { rules: Array<{ id: string; properties?: { 'security-severity': string; tags: string[] } }> } } }> }).runs[0]!.tool.driver.rules;
      expect(rules.find((rule) => rule.id === 'GHSA-c2qf-rxjj-qqgw')?.properties).toEqual({ 'security-severity': '5.3', tags: ['security', 'dependency', 'external/cwe/cwe-1333'] });
      const bare = await runCli(['audit', '--format', 'sarif', '--registry', unscored.url], fixtureProject('npm-v3'));
      const bareRules = (JSON.parse(bare.stdout) as { runs: Array<{ tool: { driver: { rules: Array<{ id: string; properties?: unknown }> } } }> }).runs[0]!.tool.driver.rules;
      expect(bareRules.find((rule) => rule.id === 'GHSA-35jh-r3h4-6jhm')?.properties).toEqual({ 'security-severity': '8.0', tags: ['security', 'dependency'] });
    } finally {
      await unscored.close();
    }
  });

  it('scope: changed fails only on packages the pull request adds; the rest are warnings; a push judges all', async () => {
    const cwd = fixtureProject('npm-v3');
    const run = (...args: string[]) => execFileSync('git', args, { cwd, stdio: 'pipe', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com' } });
    // The base branch locked everything but lodash; the pull request brings lodash@4.17.20 in.
    const head = readFileSync(path.join(cwd, 'package-lock.json'), 'utf8');
    const base = JSON.parse(head) as { packages: Record<string, unknown> };
    delete base.packages['node_modules/lodash'];
    writeFileSync(path.join(cwd, 'package-lock.json'), JSON.stringify(base, null, 2));
    run('init', '-q');
    run('add', '-A');
    run('commit', '-qm', 'base');
    const baseSha = run('rev-parse', 'HEAD').toString().trim();
    writeFileSync(path.join(cwd, 'package-lock.json'), head);
    run('commit', '-qam', 'add lodash');
    const pullRequest = { GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: writeEvent(cwd, baseSha) };

    const changed = await auditJson(cwd, ['--registry', server.url, '--scope', 'changed'], pullRequest);
    expect(changed.report.findings.filter((finding) => finding.level === 'error').map((finding) => `${finding.rule} ${finding.message.split(' ', 1)[0]}`)).toEqual(['GHSA-35jh-r3h4-6jhm lodash@4.17.20']);
    expect(changed.report.findings.find((finding) => finding.rule === 'GHSA-xvch-5gv4-984h')?.message).toMatch(/\(already in the base commit [0-9a-f]{7}; scope: changed\)\.$/);
    expect(changed.code).toBe(1);

    const push = await auditJson(cwd, ['--registry', server.url, '--scope', 'changed'], { GITHUB_EVENT_NAME: 'push' });
    expect(summary(push.report.findings)).toEqual(EXPECTED);

    const shallow = await auditJson(cwd, ['--registry', server.url, '--scope', 'changed'], { ...pullRequest, GITHUB_EVENT_PATH: writeEvent(cwd, 'f'.repeat(40)) });
    expect(shallow.code).toBe(2);
    // The suite reads a pull request's settings from its base commit first, so that check names the missing commit.
    expect(shallow.report.findings[0]!.message).toMatch(/base commit f{7,40}\b.*not in the clone.*fetch-depth: 0/);
  });

  it('fail-on sets which severities are errors', async () => {
    const critical = await auditJson(fixtureProject('npm-v3'), ['--registry', server.url, '--fail-on', 'critical']);
    expect(critical.report.findings.filter((finding) => finding.level === 'error').map((finding) => finding.rule)).toEqual(['GHSA-xvch-5gv4-984h']);
    const low = await auditJson(fixtureProject('npm-v3'), ['--registry', server.url, '--fail-on', 'low']);
    expect(low.report.findings.every((finding) => finding.level === 'error')).toBe(true);
  });

  it('production-only leaves dev-only packages out of the request and the findings', async () => {
    const { report } = await auditJson(fixtureProject('yarn-berry'), ['--registry', server.url, '--production-only']);
    expect(summary(report.findings)).toEqual(EXPECTED.filter((line) => !line.includes('minimist')));
    expect(report.metrics.packages).toBe(9);
    expect(server.requests[0]!.body.minimist).toBeUndefined();
  });

  it('fails on a lockfile out of sync with package.json, and still audits what it locks', async () => {
    const cwd = fixtureProject('pnpm-v9', { 'packages/lib/package.json': '{"name": "@fixture/lib", "dependencies": {"debug": "4.3.1", "semver": "7.5.1", "qs": "6.5.2"}}' });
    const { code, report } = await auditJson(cwd, ['--registry', server.url, '--fail-on', 'critical']);
    expect(code).toBe(1);
    const stale = report.findings.filter((finding) => finding.rule === 'lockfile/out-of-sync');
    expect(stale.map((finding) => `${finding.file} ${finding.message}`)).toEqual([
      'packages/lib/package.json packages/lib/package.json declares qs@6.5.2 in dependencies, but pnpm-lock.yaml has no entry for it; run `pnpm install` in the project and commit pnpm-lock.yaml.',
    ]);
    expect(report.findings.filter((finding) => finding.level === 'error').map((finding) => finding.rule)).toEqual(['lockfile/out-of-sync', 'GHSA-xvch-5gv4-984h']);
  });

  it('passes when nothing reaches fail-on', async () => {
    const quiet = await startAdvisoryServer({ debug: FIXTURE_ADVISORIES.debug! });
    try {
      const { code, report } = await auditJson(fixtureProject('bun'), ['--registry', quiet.url]);
      expect(report.status).toBe('pass');
      expect(code).toBe(0);
      expect(summary(report.findings)).toEqual(['warning GHSA-gxpj-cx7g-858c debug@2.6.8']);
    } finally {
      await quiet.close();
    }
  });

  it('require: flags every installed version below the minimum, from flags or config', async () => {
    const { report } = await auditJson(fixtureProject('pnpm-v6'), ['--registry', server.url, '--require', 'semver>=7.5.2', '--require', 'ms@^2.1.0', '--require', 'left-pad>=1.0.0']);
    const policy = report.findings.filter((finding) => finding.rule === 'policy/min-version').map((finding) => finding.message);
    expect(policy.sort()).toEqual([
      'ms@2.0.0 does not satisfy the required ms@^2.1.0 (prod dependency via debug@2.6.8 > ms@2.0.0).',
      'semver@5.7.1 does not satisfy the required semver>=7.5.2 (prod dependency via semver@5.7.1).',
      'semver@7.5.1 does not satisfy the required semver>=7.5.2 (prod dependency via packages/lib: semver@7.5.1).',
    ]);
    const fromConfig = await auditJson(fixtureProject('npm-v3', { '.github/readiness-gates.yml': 'audit:\n  require: ["lodash>=4.17.21"]\n' }), ['--registry', server.url]);
    expect(fromConfig.report.findings.filter((finding) => finding.rule === 'policy/min-version')).toHaveLength(1);
  });

  it('require: a name that is not installed is a warning with the closest installed name', async () => {
    const { report } = await auditJson(fixtureProject('npm-v3'), ['--registry', server.url, '--require', 'semvr>=7.5.2', '--require', 'left-pad>=1.0.0']);
    const missing = report.findings.filter((finding) => finding.rule === 'policy/require-not-installed');
    expect(missing.map((finding) => `${finding.level} ${finding.message}`)).toEqual([
      'warning require: semvr>=7.5.2 names semvr, which package-lock.json does not install; did you mean semver?',
      'warning require: left-pad>=1.0.0 names left-pad, which package-lock.json does not install.',
    ]);
    const devOnly = await auditJson(fixtureProject('npm-v3'), ['--registry', server.url, '--production-only', '--require', 'minimist>=1.2.6']);
    expect(devOnly.report.findings.find((finding) => finding.rule === 'policy/require-not-installed')?.message).toBe(
      'require: minimist>=1.2.6 names minimist, which is installed only as a dev dependency, so production-only does not check it.',
    );
  });

  it('allow: an advisory without a GHSA is allowed by its npm id, npm-advisory-<id> or its URL', async () => {
    const legacy = { ...FIXTURE_ADVISORIES.minimist![0]!, id: 1179, url: 'https://www.npmjs.com/advisories/1179' };
    const npmOnly = await startAdvisoryServer({ minimist: [legacy] });
    try {
      const open = await auditJson(fixtureProject('npm-v3'), ['--registry', npmOnly.url]);
      expect(open.report.findings.map((finding) => finding.rule)).toEqual(['npm-advisory-1179']);
      for (const id of ['1179', 'npm-advisory-1179', 'https://www.npmjs.com/advisories/1179']) {
        const config = `audit:\n  allow:\n    - id: "${id}"\n      reason: dev-only argument parsing\n`;
        const { code, report } = await auditJson(fixtureProject('npm-v3', { '.github/readiness-gates.yml': config }), ['--registry', npmOnly.url]);
        expect(report.findings, id).toEqual([]);
        expect(code).toBe(0);
        expect(report.metrics.allowed).toBe(1);
      }
    } finally {
      await npmOnly.close();
    }
  });

  it('allow: hides a matching advisory by id, package or path; expired ones fail, unused ones are notices', async () => {
    const config = [
      'audit:',
      '  allow:',
      '    - id: GHSA-xvch-5gv4-984h',
      '      reason: dev-only argument parsing of trusted input',
      '      expires: 2999-01-01',
      '    - id: GHSA-c2qf-rxjj-qqgw',
      '      package: semver@5.7.1',
      '      reason: ranges come from our own config',
      '    - id: GHSA-gxpj-cx7g-858c',
      '      path: debug>ms',
      '      reason: scoped to a path that does not lead to debug itself',
      '    - id: GHSA-35jh-r3h4-6jhm',
      '      path: lodash',
      '      reason: template is never called',
      '      expires: 2020-01-01',
      '',
    ].join('\n');
    const { report } = await auditJson(fixtureProject('yarn-classic', { '.github/readiness-gates.yml': config }), ['--registry', server.url]);
    expect(summary(report.findings)).toEqual([
      'error GHSA-35jh-r3h4-6jhm lodash@4.17.20',
      'error GHSA-c2qf-rxjj-qqgw semver@7.5.1',
      'error policy/expired-exception Exception',
      'notice policy/unused-exception Exception',
      'warning GHSA-gxpj-cx7g-858c debug@2.6.8',
      'warning GHSA-vh95-rmgr-6w4m minimist@1.2.0',
    ]);
    expect(report.findings.find((finding) => finding.rule === 'policy/expired-exception')).toMatchObject({ file: '.github/readiness-gates.yml', message: expect.stringContaining('audit.allow[3] (GHSA-35jh-r3h4-6jhm) expired on 2020-01-01') });
    expect(report.findings.find((finding) => finding.rule === 'policy/unused-exception')?.message).toContain('audit.allow[2]');
    expect(report.metrics.allowed).toBe(2);
  });

  it('reads the registry and its token from the project .npmrc, and never prints the token', async () => {
    const token = 'npm_s3cretTokenValue1234567890';
    const guarded = await startAdvisoryServer(FIXTURE_ADVISORIES, { token });
    try {
      const host = new URL(guarded.url).host;
      const npmrc = `registry=${guarded.url}\n//${host}/:_authToken=\${NPM_TOKEN}\n`;
      const cwd = fixtureProject('npm-v3', { '.npmrc': npmrc });
      const result = await runCli(['audit'], cwd, { NPM_TOKEN: token });
      expect(guarded.requests[0]!.headers.authorization).toBe(`Bearer ${token}`);
      expect(result.code).toBe(1);
      expect(result.stdout + result.stderr).not.toContain(token);
      expect(result.stderr).toContain(`Advisories from ${guarded.url} (.npmrc), with credentials`);

      const missing = await runCli(['audit'], cwd, {});
      expect(missing.code).toBe(2);
      expect(missing.stderr).toContain('.npmrc uses ${NPM_TOKEN} but it is not set');
      const wrong = await runCli(['audit', '--format', 'json'], cwd, { NPM_TOKEN: 'npm_wrongToken0000' });
      expect(wrong.code).toBe(2);
      expect(JSON.parse(wrong.stdout).findings[0].message).toContain('refused the request (HTTP 401)');
    } finally {
      await guarded.close();
    }
  });

  it('splits large trees into batches', async () => {
    const gate = createAuditGate({ batchSize: 3 });
    const cwd = fixtureProject('npm-v3');
    const report = await executeGate(gate, { 'fail-on': 'high', 'production-only': false, 'on-error': 'fail', require: [], allow: [], registry: server.url }, { cwd, env: {}, log: silentLogger, inAction: false });
    expect(server.requests.map((request) => Object.keys(request.body).length)).toEqual([3, 3, 1]);
    expect(summary(report.findings)).toEqual(EXPECTED);
  });
});

describe('audit gate fails closed', () => {
  const settings = { 'fail-on': 'high', 'production-only': false, 'on-error': 'fail', require: [], allow: [] };
  const quickGate = createAuditGate({ retries: 1, backoffMs: 1 });

  it.each([
    ['a 503 after retries', { status: 503 }, 'answered HTTP 503 after 2 attempts'],
    ['a 429 asking for a wait longer than the deadline', { status: 429, headers: { 'retry-after': '3600' } }, 'is rate-limiting these requests (HTTP 429, and asks to retry after 3600 s); retry later, or put a token'],
    ['a 301 of the POST', { status: 301, headers: { location: 'https://moved.example.com/-/npm/v1/security/advisories/bulk' } }, 'a redirect to https://moved.example.com/-/npm/v1/security/advisories/bulk that would drop the request body; set `registry` to the new address'],
    ['a 404 (no bulk endpoint)', { status: 404 }, 'does not serve bulk advisories (HTTP 404'],
    ['an answer that is not JSON', { rawAnswer: '<html>' }, 'the body is not JSON'],
    ['an answer of another shape', { rawAnswer: '{"debug": {"id": 1}}' }, '"debug" is not a list of advisories'],
    ['an answer about a package not asked about', { rawAnswer: '{"Debug": []}' }, '"Debug" was not asked about'],
    ['an advisory without a range', { rawAnswer: '{"debug": [{"id": 1, "url": "u", "title": "t", "severity": "high"}]}' }, 'advisory 0 of "debug" has no vulnerable_versions'],
    ['an unknown severity', { rawAnswer: '{"debug": [{"id": 1, "url": "u", "title": "t", "severity": "severe", "vulnerable_versions": "*"}]}' }, 'severity "severe"'],
  ] as Array<[string, AdvisoryServerOptions, string]>)('%s is an error', async (_name, options, message) => {
    const broken = await startAdvisoryServer(FIXTURE_ADVISORIES, options);
    try {
      const report = await executeGate(quickGate, { ...settings, registry: broken.url }, { cwd: fixtureProject('npm-v3'), env: {}, log: silentLogger, inAction: false });
      expect(report.status).toBe('error');
      expect(report.findings).toHaveLength(1);
      expect(report.findings[0]!.message).toContain(message);
      if (options.status === 503) expect(broken.requests).toHaveLength(2);
    } finally {
      await broken.close();
    }
  });

  it('a registry that is down is exit 2 from the CLI', async () => {
    const down = server.url;
    await server.close();
    server = await startAdvisoryServer({});
    const { code, report } = await auditJson(fixtureProject('npm-v3'), ['--registry', down]);
    expect(code).toBe(2);
    expect(report.status).toBe('error');
    expect(report.findings[0]!.message).toMatch(/^the advisory endpoint at http:\/\/127\.0\.0\.1:\d+\/-\/npm\/v1\/security\/advisories\/bulk could not be reached after 3 attempts \(ECONNREFUSED\)/);
  });

  it.each([
    ['no lockfile', () => tempDir({ 'package.json': '{}' }), [], 'no lockfile in '],
    ['a corrupt package-lock.json', () => tempDir({ 'package-lock.json': '{"lockfileVersion": 3, "packages": {' }), [], 'package-lock.json is not valid JSON'],
    ['a corrupt pnpm-lock.yaml', () => tempDir({ 'pnpm-lock.yaml': "lockfileVersion: '9.0'\nimporters: [\n" }), [], 'pnpm-lock.yaml is not valid YAML'],
    ['a corrupt yarn.lock', () => tempDir({ 'yarn.lock': '# yarn lockfile v1\n\n"debug@2.6.8:\n  version "2' }), [], 'yarn.lock cannot be parsed'],
    ['a corrupt bun.lock', () => tempDir({ 'bun.lock': '{"lockfileVersion": 1, "workspaces": {' }), [], 'bun.lock is not a valid bun.lock'],
    ['only a binary bun.lockb', () => tempDir({ 'bun.lockb': 'binary' }), [], 'bun install --save-text-lockfile'],
    ['a lockfile setting that does not exist', () => fixtureProject('npm-v3'), ['--lockfile', 'sub/package-lock.json'], 'lockfile: sub/package-lock.json does not exist'],
    ['fail-on: hihg', () => fixtureProject('npm-v3'), ['--fail-on', 'hihg'], '--fail-on: a 4-character string is not one of low, moderate, high, critical'],
    ['a malformed require range', () => fixtureProject('npm-v3'), ['--require', 'tar>=7.5.x.1'], 'require: "tar>=7.5.x.1" is not a package name followed by a semver range'],
    ['a require without a range', () => fixtureProject('npm-v3'), ['--require', 'tar'], 'require: "tar" is not a package name followed by a semver range'],
    ['a registry that is not a URL', () => fixtureProject('npm-v3'), ['--registry', 'not a url'], 'registry: "not a url" from the registry setting is not a URL'],
  ])('%s is exit 2 with one line', async (_name, makeDir, flags, message) => {
    const result = await runCli(['audit', '--registry', server.url, ...flags], makeDir());
    expect(result.code).toBe(2);
    // A gate that could not decide says why once, on stderr; its text report would only repeat it.
    expect(result.stderr).toContain(message);
    expect(result.stdout + result.stderr).not.toMatch(/\n\s+at /);
    expect(server.requests).toHaveLength(0);
  });

  it('on-error: warn turns what could not be checked into a warning, and still applies the rest', async () => {
    const cwd = fixtureProject('npm-v3', { '.github/readiness-gates.yml': 'audit:\n  on-error: warn\n' });
    const down = await startAdvisoryServer({}, { status: 503 });
    await down.close();
    const report = await executeGate(createAuditGate({ retries: 0 }), { ...settings, 'on-error': 'warn', require: ['semver>=7.5.2'], registry: down.url }, { cwd, env: {}, log: silentLogger, inAction: false });
    expect(report.status).toBe('fail');
    expect(summary(report.findings)).toEqual(['error policy/min-version semver@5.7.1', 'error policy/min-version semver@7.5.1', 'warning audit/not-checked the']);

    rmSync(path.join(cwd, 'package-lock.json'));
    const { code, report: noLockfile } = await auditJson(cwd, ['--registry', server.url]);
    expect(code).toBe(0);
    expect(noLockfile.status).toBe('pass');
    expect(noLockfile.findings).toEqual([{ rule: 'audit/not-checked', level: 'warning', message: expect.stringMatching(/^no lockfile in .* \(not checked: on-error is warn\)\.$/) }]);

    // A lockfile setting with a typo is not excused: it would turn the audit off for good.
    const typo = await auditJson(cwd, ['--registry', server.url, '--lockfile', 'package-lock.jsn']);
    expect(typo.code).toBe(2);
    expect(typo.report.findings[0]!.message).toContain('lockfile: package-lock.jsn does not exist');
  });

  it('says which lockfile it read when there are several', async () => {
    const cwd = fixtureProject('npm-v3', { 'yarn.lock': readFileSync(path.join(path.join(LOCKFILE_FIXTURES, 'yarn-classic'), 'yarn.lock'), 'utf8') });
    const result = await runCli(['audit', '--registry', server.url], cwd);
    expect(result.stderr).toContain('Also found yarn.lock; read package-lock.json, the first in the order npm-shrinkwrap.json, package-lock.json, pnpm-lock.yaml, yarn.lock, bun.lock');
    const chosen = await auditJson(cwd, ['--registry', server.url, '--lockfile', 'yarn.lock']);
    expect(new Set(chosen.report.findings.map((finding) => finding.file))).toEqual(new Set(['yarn.lock']));
  });
});
