import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadLockfile } from '../../src/audit/lockfile.js';
import { tempDir } from '../helpers/temp.js';
import { LOCAL_SET_ADVISORIES, startAdvisoryServer, type AdvisoryServer, type BulkAdvisory } from './advisory-server.js';
import { auditJson, LOCAL_FIXTURES, LOCAL_FORMATS, LOCAL_NAMES, localFixtureProject } from './helpers.js';

/** What the package manager put in node_modules, recorded by generate.sh after a real install. */
function installedByTool(format: string, which: 'all' | 'prod'): string[] {
  return readFileSync(path.join(LOCAL_FIXTURES, format, `installed-${which}.txt`), 'utf8').split('\n').filter(Boolean);
}

describe('the installed set, as each package manager decides it', () => {
  it.each(LOCAL_FORMATS)('%s: registry packages with and without dev dependencies equal what a real install put in node_modules', (format) => {
    const lock = loadLockfile(path.join(LOCAL_FIXTURES, format), undefined);
    const registry = lock.packages.filter((pkg) => !pkg.local);
    expect(registry.map((pkg) => `${pkg.name}@${pkg.version}`)).toEqual(installedByTool(format, 'all'));
    expect(registry.filter((pkg) => pkg.kind !== 'dev').map((pkg) => `${pkg.name}@${pkg.version}`)).toEqual(installedByTool(format, 'prod'));
  });

  it('the recorded installs differ with and without dev dependencies, so the comparison can fail', () => {
    for (const format of LOCAL_FORMATS) expect(installedByTool(format, 'prod').length).toBeLessThan(installedByTool(format, 'all').length);
  });

  it.each(LOCAL_FORMATS)('%s: the folders and the tarball file are local, with the kind of the dependency on them', (format) => {
    const local = loadLockfile(path.join(LOCAL_FIXTURES, format), undefined).packages.filter((pkg) => pkg.local);
    const links = loadLockfile(path.join(LOCAL_FIXTURES, format), undefined).links;
    // npm links folders instead of installing them; the others install copies.
    const kinds = Object.fromEntries(local.map((pkg) => [pkg.name, pkg.kind]));
    expect([...local.map((pkg) => pkg.name), ...links.map((link) => link.replace(/@file:.*/, ''))].sort()).toEqual(['local-dev', 'local-prod', 'local-tar']);
    expect(kinds['local-tar']).toBe('prod');
    if (format !== 'npm') expect(kinds).toEqual({ 'local-dev': 'dev', 'local-prod': 'prod', 'local-tar': 'prod' });
  });
});

describe('nothing local is asked about', () => {
  let server: AdvisoryServer;
  // Advisories under the local names too: were they asked about, they would show up as findings.
  const trap = (name: string): BulkAdvisory => ({ ...LOCAL_SET_ADVISORIES.qs![0]!, title: `advisory for ${name}`, vulnerable_versions: '*' });
  beforeEach(async () => {
    server = await startAdvisoryServer({ ...LOCAL_SET_ADVISORIES, ...Object.fromEntries(LOCAL_NAMES.map((name) => [name, [trap(name)]])) });
  });
  afterEach(async () => {
    await server.close();
  });

  it.each(LOCAL_FORMATS)('%s: the registry receives registry packages only, and the report counts the local ones', async (format) => {
    const { report } = await auditJson(localFixtureProject(format), ['--registry', server.url]);
    expect(server.requests).toHaveLength(1);
    expect(Object.keys(server.requests[0]!.body)).toEqual(['debug', 'inherits', 'lodash', 'minimist', 'ms', 'qs', 'semver']);
    expect(Object.values(server.requests[0]!.body).flat().every((version) => /^\d+\.\d+\.\d+$/.test(version))).toBe(true);
    expect(report.findings.filter((finding) => finding.message.includes('advisory for'))).toEqual([]);
    expect(report.metrics.local).toBe(3);
  });

  it('packages whose lockfile entry records the registry tarball URL are asked about, a tarball file is not', async () => {
    const lock = {
      lockfileVersion: 3,
      packages: {
        '': { dependencies: { ms: '2.0.0', vendored: 'file:vendor/vendored-1.0.0.tgz' } },
        'node_modules/ms': { version: '2.0.0', resolved: 'https://registry.example.com/ms/-/ms-2.0.0.tgz' },
        'node_modules/vendored': { version: '1.0.0', resolved: 'file:vendor/vendored-1.0.0.tgz' },
      },
    };
    const cwd = tempDir({ 'package-lock.json': JSON.stringify(lock), 'package.json': '{"dependencies": {"ms": "2.0.0", "vendored": "file:vendor/vendored-1.0.0.tgz"}}' });
    const { report } = await auditJson(cwd, ['--registry', server.url]);
    expect(server.requests.map((request) => request.body)).toEqual([{ ms: ['2.0.0'] }]);
    expect(report.metrics).toMatchObject({ packages: 1, local: 1 });
  });

  it('git dependencies of every format are local, by their reference', async () => {
    const cases: Record<string, string> = {
      'package-lock.json': JSON.stringify({
        lockfileVersion: 3,
        packages: { '': { dependencies: { tool: 'github:org/tool', ms: '2.0.0' } }, 'node_modules/tool': { version: '1.0.0', resolved: 'git+ssh://git@github.com/org/tool.git#0123456789abcdef' }, 'node_modules/ms': { version: '2.0.0' } },
      }),
      'pnpm-lock.yaml': "lockfileVersion: '9.0'\nimporters:\n  .:\n    dependencies:\n      tool:\n        specifier: github:org/tool\n        version: https://codeload.github.com/org/tool/tar.gz/0123456\n      ms:\n        specifier: 2.0.0\n        version: 2.0.0\npackages:\n  tool@https://codeload.github.com/org/tool/tar.gz/0123456:\n    resolution: {tarball: https://codeload.github.com/org/tool/tar.gz/0123456}\n    version: 1.0.0\n  ms@2.0.0:\n    resolution: {integrity: sha512-x}\nsnapshots:\n  tool@https://codeload.github.com/org/tool/tar.gz/0123456: {}\n  ms@2.0.0: {}\n",
      'yarn.lock': '# yarn lockfile v1\n\n"tool@github:org/tool":\n  version "1.0.0"\n\nms@2.0.0:\n  version "2.0.0"\n',
      'bun.lock': '{"lockfileVersion": 1, "workspaces": {"": {"dependencies": {"tool": "github:org/tool", "ms": "2.0.0"}}}, "packages": {"tool": ["tool@github:org/tool#0123456", {}, "org-tool-0123456"], "ms": ["ms@2.0.0", "", {}, "sha512-x"]}}',
    };
    for (const [file, text] of Object.entries(cases)) {
      const cwd = tempDir({ [file]: text, 'package.json': '{"dependencies": {"tool": "github:org/tool", "ms": "2.0.0"}}' });
      server.requests.length = 0;
      const { report } = await auditJson(cwd, ['--registry', server.url]);
      expect(server.requests.map((request) => request.body), file).toEqual([{ ms: ['2.0.0'] }]);
      expect(report.metrics.local, file).toBe(1);
    }
  });
});
