import { describe, expect, it } from 'vitest';
import { loadLockfile } from '../../src/audit/lockfile.js';
import type { InstalledPackage } from '../../src/audit/model.js';
import { tempDir } from '../helpers/temp.js';
import { FORMATS, LOCKFILE_FIXTURES, LOCKFILE_NAMES } from './helpers.js';

/** name@version kind [workspaces] path, one string per package. */
function describePackages(packages: InstalledPackage[]): string[] {
  return packages.map((pkg) => `${pkg.name}@${pkg.version} ${pkg.kind} [${pkg.workspaces.join(' ')}] ${pkg.path.workspace}: ${pkg.path.steps.join(' > ')}`);
}

describe('the generated fixtures', () => {
  // The dependency set of test/fixtures/audit/project, as each package manager locked it.
  const expected = [
    'debug@2.6.8 prod [.] .: debug@2.6.8',
    'debug@4.3.1 prod [packages/lib] packages/lib: debug@4.3.1',
    'lodash@4.17.20 optional [.] .: lodash@4.17.20',
    'lru-cache@6.0.0 prod [packages/lib] packages/lib: semver@7.5.1 > lru-cache@6.0.0',
    'minimist@1.2.0 dev [.] .: minimist@1.2.0',
    'ms@2.0.0 prod [.] .: debug@2.6.8 > ms@2.0.0',
    'ms@2.1.2 prod [packages/lib] packages/lib: debug@4.3.1 > ms@2.1.2',
    'semver@5.7.1 prod [.] .: semver@5.7.1',
    'semver@7.5.1 prod [packages/lib] packages/lib: semver@7.5.1',
    'yallist@4.0.0 prod [packages/lib] packages/lib: semver@7.5.1 > lru-cache@6.0.0 > yallist@4.0.0',
  ];

  it.each(FORMATS)('%s gives every package its kind, workspaces and path', (format) => {
    const lock = loadLockfile(`${LOCKFILE_FIXTURES}/${format}`, undefined);
    expect(lock.file).toBe(LOCKFILE_NAMES[format]);
    expect(describePackages(lock.packages)).toEqual(expected);
  });
});

describe('lockfile details the fixtures do not show', () => {
  it('npm v3: aliases by their real name, a shared package in two workspaces, unreachable entries by their recorded kind, optional peers by their other dependants', () => {
    const lock = {
      lockfileVersion: 3,
      packages: {
        '': { name: 'root', workspaces: ['a', 'b'], dependencies: { plugin: '1.0.0' }, devDependencies: { typescript: '5.0.0' } },
        'node_modules/plugin': { version: '1.0.0', peerDependencies: { typescript: '*' }, peerDependenciesMeta: { typescript: { optional: true } } },
        'node_modules/typescript': { version: '5.0.0', dev: true },
        a: { name: 'a', dependencies: { 'string-width-cjs': 'npm:string-width@^4.2.0', shared: '^1.0.0' } },
        b: { name: 'b', devDependencies: { shared: '^1.0.0' } },
        'node_modules/a': { resolved: 'a', link: true },
        'node_modules/b': { resolved: 'b', link: true },
        'node_modules/string-width-cjs': { name: 'string-width', version: '4.2.3' },
        'node_modules/shared': { version: '1.0.0' },
        'node_modules/stale': { version: '0.1.0', dev: true },
        'node_modules/stale-dev-optional': { version: '0.2.0', devOptional: true },
      },
    };
    const cwd = tempDir({ 'package-lock.json': JSON.stringify(lock, null, 2) });
    expect(describePackages(loadLockfile(cwd, undefined).packages)).toEqual([
      'plugin@1.0.0 prod [.] .: plugin@1.0.0',
      'shared@1.0.0 prod [a b] a: shared@1.0.0',
      'stale@0.1.0 dev [] .: stale@0.1.0',
      'stale-dev-optional@0.2.0 optional [] .: stale-dev-optional@0.2.0',
      'string-width@4.2.3 prod [a] a: string-width@4.2.3',
      'typescript@5.0.0 dev [.] .: typescript@5.0.0',
    ]);
  });

  it('pnpm v9: peer-suffixed snapshots, aliases and links to workspaces', () => {
    const text = [
      "lockfileVersion: '9.0'",
      'importers:',
      '  .:',
      '    dependencies:',
      '      react-dom:',
      '        specifier: ^18.2.0',
      '        version: 18.2.0(react@18.2.0)',
      '      string-width-cjs:',
      '        specifier: npm:string-width@^4.2.0',
      '        version: string-width@4.2.3',
      '      lib:',
      '        specifier: workspace:*',
      '        version: link:packages/lib',
      'packages:',
      '  react-dom@18.2.0:',
      '    resolution: {integrity: sha512-x}',
      '  react@18.2.0:',
      '    resolution: {integrity: sha512-y}',
      '  string-width@4.2.3:',
      '    resolution: {integrity: sha512-z}',
      'snapshots:',
      '  react-dom@18.2.0(react@18.2.0):',
      '    dependencies:',
      '      react: 18.2.0',
      '  react@18.2.0: {}',
      '  string-width@4.2.3: {}',
      '',
    ].join('\n');
    const lock = loadLockfile(tempDir({ 'pnpm-lock.yaml': text }), undefined);
    expect(describePackages(lock.packages)).toEqual([
      'react@18.2.0 prod [.] .: react-dom@18.2.0 > react@18.2.0',
      'react-dom@18.2.0 prod [.] .: react-dom@18.2.0',
      'string-width@4.2.3 prod [.] .: string-width@4.2.3',
    ]);
    expect(lock.packages.map((pkg) => pkg.line)).toEqual([17, 15, 19]);
  });

  it('pnpm: a config-dependencies document before the lockfile is skipped', () => {
    const env = "---\nlockfileVersion: '9.0'\nimporters:\n  .:\n    configDependencies: {}\n---\n";
    const project = "lockfileVersion: '9.0'\nimporters:\n  .:\n    dependencies:\n      ms:\n        specifier: 2.0.0\n        version: 2.0.0\npackages:\n  ms@2.0.0:\n    resolution: {integrity: sha512-x}\nsnapshots:\n  ms@2.0.0: {}\n";
    expect(describePackages(loadLockfile(tempDir({ 'pnpm-lock.yaml': env + project }), undefined).packages)).toEqual(['ms@2.0.0 prod [.] .: ms@2.0.0']);
  });

  it('pnpm v5 lockfiles are refused with the fix', () => {
    const cwd = tempDir({ 'pnpm-lock.yaml': 'lockfileVersion: 5.4\nspecifiers: {}\n' });
    expect(() => loadLockfile(cwd, undefined)).toThrow('pnpm-lock.yaml is pnpm lockfile version 5.4; versions 6 and 9 are read: regenerate it with pnpm 8 or later');
  });

  it('yarn berry: aliases and patches by the resolved package', () => {
    const text = [
      '__metadata:',
      '  version: 8',
      '',
      '"app@workspace:.":',
      '  version: 0.0.0-use.local',
      '  resolution: "app@workspace:."',
      '  dependencies:',
      '    resolve: "patch:resolve@npm%3A^1.22.0#~builtin<compat/resolve>"',
      '    strip: "npm:strip-ansi@^6.0.1"',
      '  languageName: unknown',
      '  linkType: soft',
      '',
      '"resolve@patch:resolve@npm%3A^1.22.0#~builtin<compat/resolve>":',
      '  version: 1.22.8',
      '  resolution: "resolve@patch:resolve@npm%3A1.22.8#~builtin<compat/resolve>::version=1.22.8&hash=c3c19d"',
      '  languageName: node',
      '  linkType: hard',
      '',
      '"strip@npm:strip-ansi@^6.0.1":',
      '  version: 6.0.1',
      '  resolution: "strip-ansi@npm:6.0.1"',
      '  languageName: node',
      '  linkType: hard',
      '',
    ].join('\n');
    const cwd = tempDir({ 'yarn.lock': text, 'package.json': '{"name": "app", "devDependencies": {"resolve": "^1.22.0"}, "dependencies": {"strip": "npm:strip-ansi@^6.0.1"}}' });
    expect(describePackages(loadLockfile(cwd, undefined).packages)).toEqual(['resolve@1.22.8 dev [.] .: resolve@1.22.8', 'strip-ansi@6.0.1 prod [.] .: strip-ansi@6.0.1']);
  });

  it("yarn berry: an implicit compat patch of a dev package's optional dependency stays dev, and platform-gated packages are optional", () => {
    const text = [
      '__metadata:',
      '  version: 8',
      '',
      '"app@workspace:.":',
      '  version: 0.0.0-use.local',
      '  resolution: "app@workspace:."',
      '  dependencies:',
      '    watcher: "npm:1.0.0"',
      '    tool: "npm:1.0.0"',
      '  languageName: unknown',
      '  linkType: soft',
      '',
      '"watcher@npm:1.0.0":',
      '  version: 1.0.0',
      '  resolution: "watcher@npm:1.0.0"',
      '  dependencies:',
      '    native: "npm:^1.0.0"',
      '  languageName: node',
      '  linkType: hard',
      '',
      '"native@npm:^1.0.0":',
      '  version: 1.0.0',
      '  resolution: "native@npm:1.0.0"',
      '  conditions: os=darwin',
      '  languageName: node',
      '  linkType: hard',
      '',
      '"tool@npm:1.0.0":',
      '  version: 1.0.0',
      '  resolution: "tool@npm:1.0.0"',
      '  dependencies:',
      '    fsevents: "npm:^2.3.3"',
      '  dependenciesMeta:',
      '    fsevents:',
      '      optional: true',
      '  languageName: node',
      '  linkType: hard',
      '',
      '"fsevents@npm:^2.3.3":',
      '  version: 2.3.3',
      '  resolution: "fsevents@npm:2.3.3"',
      '  languageName: node',
      '  linkType: hard',
      '',
      '"fsevents@patch:fsevents@npm%3A^2.3.3#optional!builtin<compat/fsevents>":',
      '  version: 2.3.3',
      '  resolution: "fsevents@patch:fsevents@npm%3A2.3.3#optional!builtin<compat/fsevents>::version=2.3.3&hash=df0bf1"',
      '  languageName: node',
      '  linkType: hard',
      '',
    ].join('\n');
    const cwd = tempDir({ 'yarn.lock': text, 'package.json': '{"name": "app", "dependencies": {"watcher": "1.0.0"}, "devDependencies": {"tool": "1.0.0"}}' });
    expect(describePackages(loadLockfile(cwd, undefined).packages)).toEqual([
      'fsevents@2.3.3 dev [.] .: tool@1.0.0 > fsevents@2.3.3',
      'native@1.0.0 optional [.] .: watcher@1.0.0 > native@1.0.0',
      'tool@1.0.0 dev [.] .: tool@1.0.0',
      'watcher@1.0.0 prod [.] .: watcher@1.0.0',
    ]);
  });

  it("bun: the project's own optional peers are dev when only its dev dependencies bring them, required peers are prod", () => {
    const lock = `{
  "lockfileVersion": 1,
  "workspaces": {
    "": { "name": "lib", "devDependencies": { "typescript": "5.9.3" }, "peerDependencies": { "typescript": ">=5", "schema": ">=1" }, "optionalPeers": ["typescript"] },
  },
  "packages": {
    "schema": ["schema@1.0.0", "", {}, "sha512-a"],
    "typescript": ["typescript@5.9.3", "", {}, "sha512-b"],
  }
}
`;
    expect(describePackages(loadLockfile(tempDir({ 'bun.lock': lock }), undefined).packages)).toEqual(['schema@1.0.0 prod [.] .: schema@1.0.0', 'typescript@5.9.3 dev [.] .: typescript@5.9.3']);
  });

  it('bun: scoped packages nested under scoped packages, and npm: aliases', () => {
    const lock = `{
  "lockfileVersion": 1,
  "workspaces": {
    "": { "name": "app", "dependencies": { "@a/x": "1.0.0", "cjs": "npm:strip-ansi@6.0.1" } },
  },
  "packages": {
    "@a/x": ["@a/x@1.0.0", "", { "dependencies": { "@b/y": "2.0.0" } }, "sha512-a"],
    "@b/y": ["@b/y@1.0.0", "", {}, "sha512-b"],
    "@a/x/@b/y": ["@b/y@2.0.0", "", {}, "sha512-c"],
    "cjs": ["strip-ansi@6.0.1", "", {}, "sha512-d"],
  }
}
`;
    expect(describePackages(loadLockfile(tempDir({ 'bun.lock': lock }), undefined).packages)).toEqual([
      '@a/x@1.0.0 prod [.] .: @a/x@1.0.0',
      '@b/y@1.0.0 prod [] .: @b/y@1.0.0',
      '@b/y@2.0.0 prod [.] .: @a/x@1.0.0 > @b/y@2.0.0',
      'strip-ansi@6.0.1 prod [.] .: strip-ansi@6.0.1',
    ]);
  });

  it('reads a lockfile set by path by its content when the name says nothing', () => {
    const cwd = tempDir({ 'locks/frozen.txt': '# yarn lockfile v1\n\nms@2.0.0:\n  version "2.0.0"\n', 'locks/package.json': '{"dependencies": {"ms": "2.0.0"}}' });
    const lock = loadLockfile(cwd, 'locks/frozen.txt');
    expect(lock).toMatchObject({ file: 'locks/frozen.txt', format: 'yarn' });
    expect(describePackages(lock.packages)).toEqual(['ms@2.0.0 prod [.] .: ms@2.0.0']);
  });
});

describe('a lockfile that lists no packages', () => {
  const empty: Record<string, string> = {
    'package-lock.json': '{"lockfileVersion": 3, "packages": {"": {"name": "app"}}}',
    'pnpm-lock.yaml': "lockfileVersion: '9.0'\n",
    'yarn.lock': '# yarn lockfile v1\n',
    'bun.lock': '{"lockfileVersion": 1, "workspaces": {"": {"name": "app"}}, "packages": {}}',
  };

  it.each(Object.keys(empty))('%s: clean when package.json declares nothing but local packages', (file) => {
    const cwd = tempDir({ [file]: empty[file]!, 'package.json': '{"name": "app", "workspaces": ["lib"], "dependencies": {"lib": "workspace:*"}}', 'lib/package.json': '{"name": "lib", "devDependencies": {"app": "^1.0.0"}}' });
    expect(loadLockfile(cwd, undefined).packages).toEqual([]);
  });

  it.each(Object.keys(empty))('%s: an error when package.json declares dependencies', (file) => {
    const cwd = tempDir({ [file]: empty[file]!, 'package.json': '{"name": "app", "devDependencies": {"vitest": "^4.0.0"}}' });
    expect(() => loadLockfile(cwd, undefined)).toThrow(`${file} lists no packages, but package.json declares vitest; the lockfile is stale`);
  });

  it('an error when no package.json shows the project has none, and when entries were unreadable', () => {
    expect(() => loadLockfile(tempDir({ 'yarn.lock': '' }), undefined)).toThrow('yarn.lock lists no packages and there is no readable package.json beside it');
    const unreadable = tempDir({ 'yarn.lock': '{"lockfileVersion": 3, "packages": {"node_modules/ms": {"version": "2.0.0"}}}', 'package.json': '{"dependencies": {"ms": "2.0.0"}}' });
    expect(() => loadLockfile(unreadable, undefined)).toThrow('yarn.lock lists no packages, but package.json declares ms');
  });
});
