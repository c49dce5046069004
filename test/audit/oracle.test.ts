import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from '../../src/core/exec.js';
import type { GateReport } from '../../src/core/report.js';
import { tempDir } from '../helpers/temp.js';
import { FIXTURE_ADVISORIES, LOCAL_SET_ADVISORIES, startAdvisoryServer, type AdvisoryServer } from './advisory-server.js';
import { auditJson, fixtureProject, FORMATS, LOCAL_FORMATS, localFixtureProject } from './helpers.js';

interface NpmAuditVulnerability {
  name: string;
  severity: string;
  via: Array<string | { url: string; name: string; severity: string }>;
}

/** The real `npm audit --json` against the loopback registry, isolated from the user's npm config and cache. */
async function npmAudit(cwd: string, registry: string, flags: string[] = []): Promise<Record<string, NpmAuditVulnerability>> {
  const home = tempDir();
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_config_/i.test(key)));
  const result = await execFile(
    'npm',
    ['audit', '--json', '--registry', registry, '--cache', path.join(home, 'cache'), '--userconfig', path.join(home, 'npmrc'), '--update-notifier=false', ...flags],
    { cwd, env: { ...env, HOME: home }, timeoutMs: 60_000 },
  );
  const report = JSON.parse(result.stdout) as { vulnerabilities?: Record<string, NpmAuditVulnerability>; error?: unknown };
  if (!report.vulnerabilities) throw new Error(`npm audit did not report (exit ${result.exitCode}): ${result.stdout.slice(0, 500)}`);
  return report.vulnerabilities;
}

const GHSA = /GHSA(-[23456789cfghjmpqrvwx]{4}){3}/;

/** `name GHSA` per (vulnerable package, advisory) npm reports, and the worst severity per package. */
function readNpm(vulnerabilities: Record<string, NpmAuditVulnerability>): { advisories: string[]; severities: Record<string, string> } {
  // Packages with advisories of their own; npm also lists their dependants ("via" a name), which are not advisories.
  const direct = Object.values(vulnerabilities).filter((vulnerability) => vulnerability.via.some((via) => typeof via === 'object'));
  return {
    advisories: direct.flatMap((vulnerability) => vulnerability.via.flatMap((via) => (typeof via === 'object' ? [`${via.name} ${GHSA.exec(via.url)?.[0]}`] : []))).sort(),
    severities: Object.fromEntries(direct.map((vulnerability) => [vulnerability.name, vulnerability.severity])),
  };
}

/** The same two views of the gate's report. */
function readGate(report: GateReport): { advisories: string[]; severities: Record<string, string> } {
  const parsed = report.findings.map((finding) => {
    const [, name, severity] = /^(@?[^@]+)@\S+ has an? (\w+) advisory/.exec(finding.message)!;
    return { name: name!, severity: severity!, rule: finding.rule };
  });
  const rank = ['info', 'low', 'moderate', 'high', 'critical'];
  const severities: Record<string, string> = {};
  for (const { name, severity } of parsed) if (!severities[name] || rank.indexOf(severity) > rank.indexOf(severities[name])) severities[name] = severity;
  return { advisories: [...new Set(parsed.map(({ name, rule }) => `${name} ${rule}`))].sort(), severities };
}

describe('oracle: npm audit on the same lockfile and registry', () => {
  let server: AdvisoryServer;
  let npm: ReturnType<typeof readNpm>;
  let npmProduction: ReturnType<typeof readNpm>;

  beforeAll(async () => {
    server = await startAdvisoryServer(FIXTURE_ADVISORIES);
    npm = readNpm(await npmAudit(fixtureProject('npm-v3'), server.url));
    npmProduction = readNpm(await npmAudit(fixtureProject('npm-v3'), server.url, ['--omit=dev']));
  }, 90_000);
  afterAll(async () => {
    await server.close();
  });

  it('npm sees five (package, advisory) pairs, three without dev dependencies, so an empty comparison cannot pass', () => {
    expect(npm.advisories).toHaveLength(5);
    expect(npmProduction.advisories).toHaveLength(3);
  });

  it.each(FORMATS)('%s: the same vulnerable packages, advisories and worst severities as npm audit', async (format) => {
    const { report } = await auditJson(fixtureProject(format), ['--registry', server.url, '--fail-on', 'low']);
    expect(readGate(report)).toEqual(npm);
  });

  it.each(FORMATS)('%s, production-only: the same as npm audit --omit=dev', async (format) => {
    const { report } = await auditJson(fixtureProject(format), ['--registry', server.url, '--fail-on', 'low', '--production-only']);
    expect(readGate(report)).toEqual(npmProduction);
  });
});

describe('oracle: npm audit on the local set (file: folders, a tarball file, a workspace)', () => {
  let server: AdvisoryServer;
  let npm: ReturnType<typeof readNpm>;
  let npmProduction: ReturnType<typeof readNpm>;

  beforeAll(async () => {
    server = await startAdvisoryServer(LOCAL_SET_ADVISORIES);
    npm = readNpm(await npmAudit(localFixtureProject('npm'), server.url));
    npmProduction = readNpm(await npmAudit(localFixtureProject('npm'), server.url, ['--omit=dev']));
  }, 90_000);
  afterAll(async () => {
    await server.close();
  });

  it('npm leaves out the dev folder and the dev dependencies of the prod folder, and keeps its optional one', () => {
    expect(npm.advisories).toContain('lodash GHSA-35jh-r3h4-6jhm');
    expect(npmProduction.advisories).toEqual(['debug GHSA-gxpj-cx7g-858c', 'qs GHSA-hrpp-h998-j3pp', 'semver GHSA-c2qf-rxjj-qqgw']);
  });

  it.each(LOCAL_FORMATS)('%s: full and production-only findings equal npm audit and npm audit --omit=dev', async (format) => {
    const full = await auditJson(localFixtureProject(format), ['--registry', server.url, '--fail-on', 'low']);
    expect(readGate(full.report)).toEqual(npm);
    const production = await auditJson(localFixtureProject(format), ['--registry', server.url, '--fail-on', 'low', '--production-only']);
    expect(readGate(production.report)).toEqual(npmProduction);
  });
});
