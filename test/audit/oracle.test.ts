import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from '../../src/core/exec.js';
import { tempDir } from '../helpers/temp.js';
import { FIXTURE_ADVISORIES, startAdvisoryServer, type AdvisoryServer } from './advisory-server.js';
import { auditJson, fixtureProject, FORMATS } from './helpers.js';

interface NpmAuditVulnerability {
  name: string;
  severity: string;
  via: Array<string | { url: string; name: string; severity: string }>;
}

/** The real `npm audit --json` against the loopback registry, isolated from the user's npm config and cache. */
async function npmAudit(cwd: string, registry: string): Promise<Record<string, NpmAuditVulnerability>> {
  const home = tempDir();
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_config_/i.test(key)));
  const result = await execFile(
    'npm',
    ['audit', '--json', '--registry', registry, '--cache', path.join(home, 'cache'), '--userconfig', path.join(home, 'npmrc'), '--update-notifier=false'],
    { cwd, env: { ...env, HOME: home }, timeoutMs: 60_000 },
  );
  const report = JSON.parse(result.stdout) as { vulnerabilities?: Record<string, NpmAuditVulnerability>; error?: unknown };
  if (!report.vulnerabilities) throw new Error(`npm audit did not report (exit ${result.exitCode}): ${result.stdout.slice(0, 500)}`);
  return report.vulnerabilities;
}

const GHSA = /GHSA(-[23456789cfghjmpqrvwx]{4}){3}/;

describe('oracle: npm audit on the same lockfile and registry', () => {
  let server: AdvisoryServer;
  let npmAdvisories: string[];
  let npmSeverities: Record<string, string>;

  beforeAll(async () => {
    server = await startAdvisoryServer(FIXTURE_ADVISORIES);
    const vulnerabilities = await npmAudit(fixtureProject('npm-v3'), server.url);
    // Packages with advisories of their own; npm also lists their dependants ("via" a name), which are not advisories.
    const direct = Object.values(vulnerabilities).filter((vulnerability) => vulnerability.via.some((via) => typeof via === 'object'));
    npmAdvisories = direct.flatMap((vulnerability) => vulnerability.via.flatMap((via) => (typeof via === 'object' ? [`${via.name} ${GHSA.exec(via.url)?.[0]}`] : []))).sort();
    npmSeverities = Object.fromEntries(direct.map((vulnerability) => [vulnerability.name, vulnerability.severity]));
  }, 90_000);
  afterAll(async () => {
    await server.close();
  });

  it('npm sees the five (package, advisory) pairs of the fixture set, so an empty comparison cannot pass', () => {
    expect(npmAdvisories).toHaveLength(5);
  });

  it.each(FORMATS)('%s: the same vulnerable packages, advisories and worst severities as npm audit', async (format) => {
    const { report } = await auditJson(fixtureProject(format), ['--registry', server.url, '--fail-on', 'low']);
    const parsed = report.findings.map((finding) => {
      const [, name, severity] = /^(@?[^@]+)@\S+ has an? (\w+) advisory/.exec(finding.message)!;
      return { name: name!, severity: severity!, rule: finding.rule };
    });
    expect([...new Set(parsed.map(({ name, rule }) => `${name} ${rule}`))].sort()).toEqual(npmAdvisories);
    const rank = ['info', 'low', 'moderate', 'high', 'critical'];
    const worst: Record<string, string> = {};
    for (const { name, severity } of parsed) if (!worst[name] || rank.indexOf(severity) > rank.indexOf(worst[name])) worst[name] = severity;
    expect(worst).toEqual(npmSeverities);
  });
});
