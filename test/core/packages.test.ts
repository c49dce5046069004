import { describe, expect, it } from 'vitest';
import { ConfigurationError } from '../../src/core/errors.js';
import { discoverPackages, readPackageManifest } from '../../src/core/packages.js';
import { listProjectFiles } from '../../src/core/project-files.js';
import { tempDir } from '../helpers/temp.js';

function discover(files: Record<string, string>) {
  const root = tempDir(files);
  return discoverPackages(root, listProjectFiles(root));
}

function manifest(fields: Record<string, unknown>): string {
  return JSON.stringify(fields);
}

function summary(files: Record<string, string>) {
  return discover(files).packages.map(({ dir, name, workspaceRoot, workspaces, lockfiles }) => ({ dir, name, workspaceRoot, workspaces, lockfiles }));
}

describe('discoverPackages', () => {
  it('finds every package.json folder of an application without workspaces, with or without a root manifest', () => {
    const app = {
      'backend/package.json': manifest({ name: 'api', dependencies: { express: '^5.0.0' } }),
      'backend/package-lock.json': '{}',
      'backend/src/server.js': '',
      'frontend/package.json': manifest({ name: 'web', scripts: { test: 'vitest run' } }),
      'frontend/src/App.tsx': '',
    };
    expect(summary(app)).toEqual([
      { dir: 'backend', name: 'api', workspaceRoot: undefined, workspaces: [], lockfiles: ['backend/package-lock.json'] },
      { dir: 'frontend', name: 'web', workspaceRoot: undefined, workspaces: [], lockfiles: [] },
    ]);
    const withRoot = summary({ ...app, 'package.json': manifest({ name: 'app', scripts: { dev: 'concurrently …' } }) });
    expect(withRoot.map((entry) => entry.dir)).toEqual(['', 'backend', 'frontend']);
    expect(withRoot.every((entry) => entry.workspaceRoot === undefined)).toBe(true);
  });

  it('lets npm, yarn and bun workspaces decide membership, with negated globs; other folders stay packages of their own', () => {
    const packages = summary({
      'package.json': manifest({ name: 'mono', workspaces: ['./packages/*', '!packages/skipped', 'tools/**'] }),
      'packages/a/package.json': manifest({ name: 'a' }),
      'packages/skipped/package.json': manifest({ name: 'skipped' }),
      'tools/deep/cli/package.json': manifest({ name: 'cli' }),
      'examples/demo/package.json': manifest({ name: 'demo' }),
    });
    expect(packages).toEqual([
      { dir: '', name: 'mono', workspaceRoot: undefined, workspaces: ['packages/a', 'tools/deep/cli'], lockfiles: [] },
      { dir: 'examples/demo', name: 'demo', workspaceRoot: undefined, workspaces: [], lockfiles: [] },
      { dir: 'packages/a', name: 'a', workspaceRoot: '', workspaces: [], lockfiles: [] },
      { dir: 'packages/skipped', name: 'skipped', workspaceRoot: undefined, workspaces: [], lockfiles: [] },
      { dir: 'tools/deep/cli', name: 'cli', workspaceRoot: '', workspaces: [], lockfiles: [] },
    ]);
    const yarnForm = summary({ 'package.json': manifest({ workspaces: { packages: ['libs/*'] } }), 'libs/x/package.json': manifest({ name: 'x' }) });
    expect(yarnForm.find((entry) => entry.dir === 'libs/x')?.workspaceRoot).toBe('');
  });

  it('reads pnpm-workspace.yaml, and gives a package to the nearest workspace root that lists it', () => {
    const packages = summary({
      'package.json': manifest({ name: 'root' }),
      'pnpm-workspace.yaml': "packages:\n  - 'apps/*'\n",
      'pnpm-lock.yaml': 'lockfileVersion: 9.0\n',
      'apps/web/package.json': manifest({ name: 'web' }),
      'apps/mono/package.json': manifest({ name: 'inner', workspaces: ['libs/*'] }),
      'apps/mono/libs/util/package.json': manifest({ name: 'util' }),
    });
    expect(packages.map(({ dir, workspaceRoot, workspaces }) => [dir, workspaceRoot, workspaces])).toEqual([
      ['', undefined, ['apps/mono', 'apps/web']],
      ['apps/mono', '', ['apps/mono/libs/util']],
      ['apps/mono/libs/util', 'apps/mono', []],
      ['apps/web', '', []],
    ]);
    expect(packages[0]?.lockfiles).toEqual(['pnpm-lock.yaml']);
  });

  it('leaves out node_modules, fixture folders, git-ignored folders and module-type markers beside build output', () => {
    const packages = summary({
      'package.json': manifest({ name: 'lib' }),
      '.gitignore': 'generated/\n',
      'generated/package.json': manifest({ name: 'generated' }),
      'node_modules/dep/package.json': manifest({ name: 'dep' }),
      'test/fixtures/app/package.json': manifest({ name: 'fixture-app' }),
      'src/__mocks__/fs/package.json': manifest({ name: 'mock' }),
      // yarn's editor SDKs, which it generates and the repository may keep.
      '.yarn/sdks/typescript/package.json': manifest({ name: 'typescript', version: '5.0.0-sdk' }),
      // jscodeshift's inputs and outputs of a codemod.
      'transforms/__testfixtures__/project/package.json': manifest({ name: 'codemod-input' }),
      'dist/esm/package.json': manifest({ type: 'module' }),
      // A dual build's copy of the package's name: no version, scripts or dependencies of its own.
      'lib/cjs/package.json': manifest({ name: 'lib', type: 'commonjs' }),
      // A package of its own in a folder named lib: it has a version.
      'lib/tools/package.json': manifest({ name: 'lib-tools', version: '1.0.0', type: 'module' }),
    });
    expect(packages.map((entry) => entry.dir)).toEqual(['', 'lib/tools']);
  });

  it('gives each file to its nearest package, and none to a file outside every package', () => {
    const { packageOf } = discover({
      'package.json': manifest({ name: 'root', workspaces: ['packages/*'] }),
      'packages/a/package.json': manifest({ name: 'a' }),
    });
    expect(packageOf('packages/a/src/deep/x.ts')?.name).toBe('a');
    expect(packageOf('packages/ab/x.ts')?.name).toBe('root');
    expect(packageOf('README.md')?.name).toBe('root');
    const standalone = discover({ 'frontend/package.json': manifest({ name: 'web' }) });
    expect(standalone.packageOf('frontend/src/a.ts')?.name).toBe('web');
    expect(standalone.packageOf('docs/a.md')).toBeUndefined();
  });

  it.each([
    [{ 'web/package.json': '{ "name": ' }, /^web\/package\.json is not valid JSON \(.+\); fix the manifest$/],
    [{ 'package.json': '[1]' }, /^package\.json is not a JSON object; fix the manifest$/],
    [{ 'package.json': manifest({ workspaces: 'packages/*' }) }, /^package\.json: workspaces must be a list of globs/],
    [{ 'package.json': manifest({ name: 'x' }), 'pnpm-workspace.yaml': 'packages: [' }, /^pnpm-workspace\.yaml is not valid YAML \(.+\); fix the file$/],
    [{ 'package.json': manifest({ name: 'x' }), 'pnpm-workspace.yaml': 'packages: apps/*\n' }, /^pnpm-workspace\.yaml: packages must be a list of globs; fix the file$/],
  ])('names the file and the fix for a broken manifest or workspace list (%#)', (files, message) => {
    let thrown: unknown;
    try {
      discover(files);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ConfigurationError);
    expect((thrown as Error).message).toMatch(message);
  });

  it('takes a pnpm-workspace.yaml whose packages key is empty for no members, as pnpm does (h3\'s docs/ site)', () => {
    const found = discover({ 'package.json': manifest({ name: 'root' }), 'docs/package.json': manifest({ name: 'docs' }), 'docs/pnpm-workspace.yaml': 'packages:\n', 'docs/app/package.json': manifest({ name: 'app' }) });
    expect(found.packages.map((pkg) => [pkg.name, pkg.workspaceRoot])).toEqual([['root', undefined], ['docs', undefined], ['app', undefined]]);
  });

  it('reads a package.json that starts with a byte order mark, as npm does', () => {
    const found = discover({ 'package.json': manifest({ name: 'root', workspaces: ['bom'] }), 'bom/package.json': `\uFEFF${manifest({ name: 'with-bom' })}` });
    expect(found.packages.map((pkg) => pkg.name)).toEqual(['root', 'with-bom']);
  });

  it('reads one manifest: none where there is no package.json, an error where it is broken', () => {
    const root = tempDir({ 'app/package.json': '\uFEFF{ "name": "app" }', 'bad/package.json': '{ "name": ' });
    expect(readPackageManifest(root, 'app')?.manifest.name).toBe('app');
    expect(readPackageManifest(root, '.')).toBeUndefined();
    expect(() => readPackageManifest(root, 'bad')).toThrow(ConfigurationError);
  });
});
