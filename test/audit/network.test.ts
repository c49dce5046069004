import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp.js';
import { FIXTURE_ADVISORIES, startAdvisoryServer, type AdvisoryServer } from './advisory-server.js';
import { auditJson, fixtureProject, runCli } from './helpers.js';
import { createCertificates, startConnectProxy, type Certificates } from './network.js';

/** An environment with nothing of the machine's npm or proxy configuration in it. */
function isolated(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const home = tempDir();
  return { HOME: home, NPM_CONFIG_GLOBALCONFIG: `${home}/no-global-npmrc`, ...extra };
}

const TOKEN = 'npm_tokenValueForTheTlsRegistry0001';

describe('a registry behind TLS with its own CA, and a CONNECT proxy', () => {
  let certificates: Certificates;
  let registry: AdvisoryServer;
  const certificateDir = mkdtempSync(path.join(os.tmpdir(), 'rg-ca-'));

  beforeAll(async () => {
    certificates = createCertificates(certificateDir);
    registry = await startAdvisoryServer(FIXTURE_ADVISORIES, { tls: { key: certificates.key, cert: certificates.cert }, token: TOKEN });
  }, 60_000);
  afterAll(async () => {
    await registry.close();
    rmSync(certificateDir, { recursive: true, force: true });
  });

  const npmrc = (lines: string[]) => `registry=${registry.url}\n//${new URL(registry.url).host}/:_authToken=\${NPM_TOKEN}\n${lines.join('\n')}\n`;

  it('without the CA the certificate is not trusted: exit 2 naming cafile as the fix', async () => {
    const { code, report } = await auditJson(fixtureProject('npm-v3', { '.npmrc': npmrc([]) }), [], isolated({ NPM_TOKEN: TOKEN }));
    expect(code).toBe(2);
    expect(report.findings[0]!.message).toMatch(/could not be reached after 3 attempts \(TLS certificate not trusted: [A-Z_]+\); point cafile in \.npmrc/);
  });

  it('cafile in the project .npmrc, or strict-ssl=false, reaches it', async () => {
    const trusted = await auditJson(fixtureProject('npm-v3', { '.npmrc': npmrc([`cafile=${certificates.caFile}`]) }), [], isolated({ NPM_TOKEN: TOKEN }));
    expect(trusted.code).toBe(1);
    expect(trusted.report.metrics.advisories).toBe(5);
    const lax = await auditJson(fixtureProject('npm-v3', { '.npmrc': npmrc(['strict-ssl=false']) }), [], isolated({ NPM_TOKEN: TOKEN }));
    expect(lax.report.metrics.advisories).toBe(5);
  });

  it('cafile from the user npmrc and the registry from NPM_CONFIG_REGISTRY', async () => {
    const user = tempDir({ npmrc: `cafile=${certificates.caFile}\n//${new URL(registry.url).host}/:_authToken=${TOKEN}\n` });
    const { code, report } = await auditJson(fixtureProject('npm-v3'), [], isolated({ NPM_CONFIG_USERCONFIG: `${user}/npmrc`, NPM_CONFIG_REGISTRY: registry.url }));
    expect(code).toBe(1);
    expect(report.metrics.advisories).toBe(5);
  });

  it('berry: npmRegistryServer, npmAuthToken and caFilePath from .yarnrc.yml, with ${VAR}', async () => {
    const yarnrc = `npmRegistryServer: "${registry.url}"\nnpmAuthToken: "\${NPM_TOKEN}"\ncaFilePath: ${certificates.caFile}\n`;
    // An .npmrc pointing elsewhere is what berry ignores.
    const cwd = fixtureProject('yarn-berry', { '.yarnrc.yml': yarnrc, '.npmrc': 'registry=http://127.0.0.1:9/\n' });
    const { code, report } = await auditJson(cwd, [], isolated({ NPM_TOKEN: TOKEN }));
    expect(code).toBe(1);
    expect(report.metrics.advisories).toBe(5);
  });

  it('HTTPS_PROXY tunnels through the proxy, which sees the target but never the token; NO_PROXY bypasses it', async () => {
    const proxy = await startConnectProxy();
    try {
      const cwd = fixtureProject('npm-v3', { '.npmrc': npmrc([`cafile=${certificates.caFile}`]) });
      const before = registry.requests.length;
      const result = await runCli(['audit', '--format', 'json'], cwd, isolated({ NPM_TOKEN: TOKEN, HTTPS_PROXY: proxy.url }));
      expect(result.code).toBe(1);
      expect(registry.requests.length).toBe(before + 1);
      expect(proxy.tunnels.map((tunnel) => tunnel.target)).toEqual([new URL(registry.url).host]);
      expect(JSON.stringify(proxy.tunnels)).not.toContain(TOKEN);
      expect(result.stdout + result.stderr).not.toContain(TOKEN);

      await runCli(['audit', '--format', 'json'], cwd, isolated({ NPM_TOKEN: TOKEN, HTTPS_PROXY: proxy.url, NO_PROXY: 'localhost,127.0.0.1' }));
      expect(proxy.tunnels).toHaveLength(1);
    } finally {
      await proxy.close();
    }
  });

  it('https-proxy in .npmrc with credentials: they reach the proxy, and are never printed; wrong ones are an error naming the proxy', async () => {
    const proxy = await startConnectProxy('ci:pr0xy-pass-word');
    try {
      const withCredentials = proxy.url.replace('http://', 'http://ci:pr0xy-pass-word@');
      const cwd = fixtureProject('npm-v3', { '.npmrc': npmrc([`cafile=${certificates.caFile}`, `https-proxy=${withCredentials}`]) });
      const good = await runCli(['audit', '--format', 'json'], cwd, isolated({ NPM_TOKEN: TOKEN }));
      expect(good.code).toBe(1);
      expect(proxy.tunnels.at(-1)!.headers['proxy-authorization']).toBe(`Basic ${Buffer.from('ci:pr0xy-pass-word').toString('base64')}`);

      const badCwd = fixtureProject('npm-v3', { '.npmrc': npmrc([`cafile=${certificates.caFile}`, `https-proxy=${proxy.url.replace('http://', 'http://ci:wrong-pass-word@')}`]) });
      const bad = await runCli(['audit', '--format', 'json'], badCwd, isolated({ NPM_TOKEN: TOKEN }));
      expect(bad.code).toBe(2);
      expect(bad.stdout).toMatch(/proxy: .*407.*check the proxy address and its credentials/);
      expect(bad.stdout + bad.stderr).not.toContain('wrong-pass-word');
    } finally {
      await proxy.close();
    }
  });
});

describe('scoped registries', () => {
  it('packages of a scope with its own registry are asked there only, with that registry token only', async () => {
    const main = await startAdvisoryServer(FIXTURE_ADVISORIES);
    const scoped = await startAdvisoryServer({}, { token: 'scope-token-0000000001' });
    try {
      const lock = {
        lockfileVersion: 3,
        packages: {
          '': { dependencies: { '@acme/private': '1.0.0', ms: '2.0.0' } },
          'node_modules/@acme/private': { version: '1.0.0' },
          'node_modules/ms': { version: '2.0.0' },
        },
      };
      const cwd = tempDir({
        'package.json': '{"dependencies": {"@acme/private": "1.0.0", "ms": "2.0.0"}}',
        'package-lock.json': JSON.stringify(lock),
        '.npmrc': `registry=${main.url}\n@acme:registry=${scoped.url}\n//${new URL(scoped.url).host}/:_authToken=scope-token-0000000001\n`,
      });
      const { code } = await auditJson(cwd, [], isolated());
      expect(code).toBe(0);
      expect(main.requests.map((request) => request.body)).toEqual([{ ms: ['2.0.0'] }]);
      expect(main.requests[0]!.headers.authorization).toBeUndefined();
      expect(scoped.requests.map((request) => request.body)).toEqual([{ '@acme/private': ['1.0.0'] }]);
    } finally {
      await main.close();
      await scoped.close();
    }
  });
});

describe('npm configuration that cannot be read', () => {
  it('is an error naming the file, not a silent fall-back to the default registry', async () => {
    const home = mkdtempSync(path.join(os.tmpdir(), 'rg-home-'));
    try {
      // A folder where the user npmrc should be: it exists, but npm's settings cannot be read from it.
      mkdirSync(path.join(home, '.npmrc'));
      const { code, report } = await auditJson(fixtureProject('npm-v3'), [], isolated({ HOME: home }));
      expect(code).toBe(2);
      expect(report.findings[0]!.message).toBe(`cannot read ${path.join(home, '.npmrc')} (EISDIR); give the job read access to it, or remove it`);
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  });
});
