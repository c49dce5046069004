import { describe, expect, it } from 'vitest';
import { gitRepo, located, manifest, npmLock, runHygiene } from './helpers.js';

async function findings(files: Record<string, string>, prefix: string): Promise<string[]> {
  return located(await runHygiene(gitRepo(files))).filter((entry) => entry.startsWith(prefix)).sort();
}

const TWO_APPS = {
  'api/package.json': manifest({ name: 'api', private: true, dependencies: { express: '^4.0.0' } }),
  'api/package-lock.json': npmLock('api', { dependencies: { express: '^4.0.0' } }),
  'api/Dockerfile': 'FROM node:22-slim\nUSER node\n',
  'web/package.json': manifest({ name: 'web', private: true, dependencies: { react: '^18.0.0' } }),
  'web/package-lock.json': npmLock('web', { dependencies: { react: '^18.0.0' } }),
  '.github/workflows/ci.yml': 'on: push\npermissions: {}\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo\n',
};

describe('deps/*', () => {
  it('wants Dependabot or Renovate when the repository has dependencies', async () => {
    expect(await findings(TWO_APPS, 'deps/')).toEqual(['deps/no-update-tool']);
  });

  it('wants a Dependabot entry for every npm folder, Dockerfile folder and the workflows', async () => {
    const dependabot = 'version: 2\nupdates:\n  - package-ecosystem: npm\n    directory: /api\n    schedule: { interval: weekly }\n  - package-ecosystem: github-actions\n    directory: /\n    schedule: { interval: weekly }\n';
    expect(await findings({ ...TWO_APPS, '.github/dependabot.yml': dependabot }, 'deps/')).toEqual(['deps/ecosystem-not-covered .github/dependabot.yml:1', 'deps/ecosystem-not-covered .github/dependabot.yml:1']);
    const globbed = dependabot.replace('directory: /api', 'directories: ["/*"]') + '  - package-ecosystem: docker\n    directory: /api\n    schedule: { interval: weekly }\n';
    expect(await findings({ ...TWO_APPS, '.github/dependabot.yml': globbed }, 'deps/')).toEqual([]);
  });

  it('takes Renovate as covering everything unless enabledManagers leaves an ecosystem out', async () => {
    expect(await findings({ ...TWO_APPS, 'renovate.json': '{ "extends": ["config:recommended"] }\n' }, 'deps/')).toEqual([]);
    const limited = await runHygiene(gitRepo({ ...TWO_APPS, '.github/renovate.json5': '{\n  // only npm for now\n  "enabledManagers": ["npm", "github-actions"],\n}\n' }));
    expect(located(limited).filter((entry) => entry.startsWith('deps/'))).toEqual(['deps/ecosystem-not-covered .github/renovate.json5:1']);
    expect(limited.findings.find((finding) => finding.rule === 'deps/ecosystem-not-covered')!.message).toContain('docker');
  });
});

describe('lockfile/*', () => {
  it('wants a lockfile for every package with dependencies; a workspace root\'s covers its members', async () => {
    expect(await findings({
      'package.json': manifest({ name: 'mono', private: true, workspaces: ['packages/*'] }),
      'package-lock.json': npmLock('mono', { workspaces: ['packages/*'] }, { 'packages/a': { name: 'a', dependencies: { ms: '^2.0.0' } } }),
      'packages/a/package.json': manifest({ name: 'a', dependencies: { ms: '^2.0.0' } }),
      'docs/package.json': manifest({ name: 'docs', private: true, devDependencies: { vitepress: '^1.0.0' } }),
      'tools/package.json': manifest({ name: 'tools', private: true }),
      'examples/demo/package.json': manifest({ name: 'demo', dependencies: { mono: '*' } }),
      'packages/create/template-react/package.json': manifest({ name: 'starter', dependencies: { react: '^18.0.0' } }),
    }, 'lockfile/')).toEqual(['lockfile/missing docs/package.json:1']);
  });

  it('reports lockfiles of two managers and a packageManager that disagrees with the lockfile', async () => {
    expect(await findings({
      'package.json': manifest({ name: 'app', private: true, packageManager: 'pnpm@9.12.0', dependencies: { ms: '^2.0.0' } }),
      'package-lock.json': npmLock('app', { dependencies: { ms: '^2.0.0' } }),
      'yarn.lock': '# yarn lockfile v1\n',
    }, 'lockfile/')).toEqual(['lockfile/multiple-managers package-lock.json', 'lockfile/package-manager-mismatch package.json:4']);
  });

  it('respects package-lock=false in .npmrc as the repository\'s decision', async () => {
    const library = { 'package.json': manifest({ name: 'lib', dependencies: { ms: '^2.0.0' } }) };
    expect(await findings(library, 'lockfile/')).toEqual(['lockfile/missing package.json:1']);
    expect(await findings({ ...library, '.npmrc': 'package-lock=false\n' }, 'lockfile/')).toEqual([]);
  });

  it('reports a manifest the lockfile does not match, with the audit gate\'s own check', async () => {
    const app = { name: 'app', private: true, dependencies: { ms: '^2.0.0' } };
    const stale = await runHygiene(gitRepo({ 'package.json': manifest({ ...app, dependencies: { ms: '^2.0.0', debug: '^4.3.0' } }), 'package-lock.json': npmLock('app', app) }));
    expect(located(stale).filter((entry) => entry.startsWith('lockfile/'))).toEqual(['lockfile/out-of-sync package.json:6']);
    expect(stale.findings.find((finding) => finding.rule === 'lockfile/out-of-sync')).toMatchObject({ level: 'error', message: expect.stringContaining('debug@^4.3.0') });
    expect(await findings({ 'package.json': manifest(app), 'package-lock.json': npmLock('app', app) }, 'lockfile/')).toEqual([]);
  });
});
