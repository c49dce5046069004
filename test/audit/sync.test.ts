import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkLockfileSync } from '../../src/audit/sync.js';
import { tempDir, writeFiles } from '../helpers/temp.js';
import { fixtureProject, FORMATS, LOCAL_FORMATS, LOCKFILE_NAMES, localFixtureProject, type FixtureFormat } from './helpers.js';

const COMMAND: Record<FixtureFormat, string> = {
  'npm-v1': 'npm install',
  'npm-v2': 'npm install',
  'npm-v3': 'npm install',
  'npm-shrinkwrap': 'npm install',
  'pnpm-v6': 'pnpm install',
  'pnpm-v9': 'pnpm install',
  'yarn-classic': 'yarn install',
  'yarn-berry': 'yarn install',
  bun: 'bun install',
};

/** The fixture with its root package.json changed by `edit`. */
function withManifest(format: FixtureFormat, edit: (manifest: Record<string, Record<string, string>>) => void): string {
  const dir = fixtureProject(format);
  const file = path.join(dir, 'package.json');
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as Record<string, Record<string, string>>;
  edit(manifest);
  writeFileSync(file, `${JSON.stringify(manifest, null, 2)}\n`);
  return dir;
}

/** `file:line message` per finding. */
function brief(cwd: string): string[] {
  return checkLockfileSync(cwd).map((finding) => {
    expect(finding).toMatchObject({ rule: 'lockfile/out-of-sync', level: 'error' });
    return `${finding.file}:${finding.line ?? ''} ${finding.message}`;
  });
}

describe('checkLockfileSync', () => {
  it.each(FORMATS)('%s: the lockfiles the package managers wrote are in sync', (format) => {
    expect(brief(fixtureProject(format))).toEqual([]);
  });

  it.each(LOCAL_FORMATS)('local set, %s: file: folders, a tarball file and a workspace are in sync', (format) => {
    expect(brief(localFixtureProject(format))).toEqual([]);
  });

  it.each(FORMATS)('%s: a dependency added to package.json but not to the lockfile, named with its line and the fix', (format) => {
    const cwd = withManifest(format, (manifest) => (manifest.dependencies!.qs = '^6.5.2'));
    const lockfile = LOCKFILE_NAMES[format];
    expect(brief(cwd)).toEqual([`package.json:11 package.json declares qs@^6.5.2 in dependencies, but ${lockfile} has no entry for it; run \`${COMMAND[format]}\` in the project and commit ${lockfile}.`]);
  });

  it.each(FORMATS)('%s: a manifest that is not JSON is an error naming it, not a project taken as in sync', (format) => {
    const cwd = fixtureProject(format);
    writeFileSync(path.join(cwd, 'package.json'), '{ "name": "app", ');
    expect(() => checkLockfileSync(cwd)).toThrow(/^package\.json is not valid JSON \(.+\); fix the manifest$/);
  });

  it.each(FORMATS)('%s: a range the locked version falls outside', (format) => {
    const cwd = withManifest(format, (manifest) => (manifest.devDependencies!.minimist = '^1.2.6'));
    const [finding, ...rest] = brief(cwd);
    expect(rest).toEqual([]);
    expect(finding).toMatch(/^package\.json:13 /);
    expect(finding).toContain('minimist');
    expect(finding).toContain(`run \`${COMMAND[format]}\``);
  });

  it.each(FORMATS)('%s: a wider range the locked version still satisfies is out of sync only where the frozen install refuses it', (format) => {
    const cwd = withManifest(format, (manifest) => (manifest.dependencies!.semver = '^5.7.0'));
    // npm ci accepts a lockfile whose versions satisfy the manifest; pnpm, bun and both yarns refuse a changed range.
    const refused = !format.startsWith('npm');
    const findings = brief(cwd);
    expect(findings.length, findings.join('\n')).toBe(refused ? 1 : 0);
    if (refused) expect(findings[0]).toContain('semver');
  });

  it.each(FORMATS)('%s: a new workspace member the lockfile does not hold', (format) => {
    const cwd = fixtureProject(format);
    writeFiles(cwd, { 'packages/extra/package.json': '{\n  "name": "@fixture/extra",\n  "dependencies": {\n    "qs": "6.5.2"\n  }\n}\n' });
    const findings = brief(cwd);
    // yarn classic records no workspaces: the member's dependency is what is missing.
    expect(findings).toEqual([
      format === 'yarn-classic'
        ? `packages/extra/package.json:4 packages/extra/package.json declares qs@6.5.2 in dependencies, but yarn.lock has no entry for it; run \`yarn install\` in the project and commit yarn.lock.`
        : `packages/extra/package.json: Workspace packages/extra (@fixture/extra) is not in ${LOCKFILE_NAMES[format]}; run \`${COMMAND[format]}\` in the project and commit ${LOCKFILE_NAMES[format]}.`,
    ]);
  });

  it('pnpm: an override that locks a direct dependency outside its range is in sync, as pnpm --frozen-lockfile accepts it', () => {
    const lock = "lockfileVersion: '9.0'\noverrides:\n  ms: 2.0.0\nimporters:\n  .:\n    dependencies:\n      ms:\n        specifier: ^2.1.0\n        version: 2.0.0\npackages:\n  ms@2.0.0:\n    resolution: {integrity: sha512-x}\nsnapshots:\n  ms@2.0.0: {}\n";
    const cwd = tempDir({ 'pnpm-lock.yaml': lock, 'package.json': '{"dependencies": {"ms": "^2.1.0"}, "pnpm": {"overrides": {"ms": "2.0.0"}}}' });
    expect(checkLockfileSync(cwd)).toEqual([]);
  });
});
