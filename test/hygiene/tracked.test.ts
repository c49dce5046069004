import { execFileSync } from 'node:child_process';
import { rmSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { gitRepo, located, manifest, npmLock, runHygiene } from './helpers.js';

/** A package that needs nothing else from the other rule families. */
const QUIET = { 'package.json': manifest({ name: 'lib', private: true }) };

function trackedRules(report: Awaited<ReturnType<typeof runHygiene>>): string[] {
  return located(report).filter((entry) => entry.startsWith('tracked/'));
}

describe('tracked/*', () => {
  it('reports a tracked node_modules folder once, with its file count', async () => {
    const report = await runHygiene(gitRepo({ ...QUIET, 'node_modules/left-pad/index.js': 'module.exports = 1;\n', 'node_modules/left-pad/package.json': '{}\n', 'web/node_modules/x/index.js': '1\n' }));
    expect(trackedRules(report)).toEqual(['tracked/node-modules node_modules', 'tracked/node-modules web/node_modules']);
    expect(report.findings.find((finding) => finding.file === 'node_modules')!.message).toContain('2 files');
    expect(report.status).toBe('fail');
  });

  it('leaves node_modules and build output inside test fixtures alone', async () => {
    const report = await runHygiene(gitRepo({ ...QUIET, 'src/__tests__/fixtures/glob/node_modules/dep/index.js': '1\n', 'test/fixture-a/node_modules/x/package.json': '{}\n' }));
    expect(trackedRules(report)).toEqual([]);
  });

  it('reports build output of a package that builds, but not a build/ folder of icons or a JavaScript action bundle', async () => {
    const report = await runHygiene(gitRepo({
      'package.json': manifest({ name: 'app', private: true, scripts: { build: 'tsc' } }),
      'dist/index.js': 'export {};\n',
      'dist/index.js.map': '{}\n',
      'build/icon.png': 'png',
      'coverage/lcov.info': 'TN:\n',
      'tsconfig.tsbuildinfo': '{}\n',
      'action/action.yml': 'name: a\nruns:\n  using: node24\n  main: dist/main.js\n',
      'action/package.json': manifest({ name: 'action', private: true, scripts: { build: 'ncc build' } }),
      'action/dist/main.js': 'run();\n',
    }));
    expect(trackedRules(report)).toEqual(['tracked/build-output coverage', 'tracked/build-output dist', 'tracked/build-output tsconfig.tsbuildinfo']);
    expect(report.findings.find((finding) => finding.file === 'dist')!.level).toBe('warning');
  });

  it('accepts build output listed in committed-output', async () => {
    const files = { 'package.json': manifest({ name: 'app', private: true, scripts: { build: 'tsc' } }), 'dist/index.js': 'export {};\n' };
    expect(trackedRules(await runHygiene(gitRepo(files), { 'committed-output': ['dist'] }))).toEqual([]);
    expect(trackedRules(await runHygiene(gitRepo(files)))).toEqual(['tracked/build-output dist']);
  });

  it('reports env backups and binaries by name, and files over max-file-kib except lockfiles', async () => {
    const report = await runHygiene(gitRepo({
      ...QUIET,
      '.env.local.backup': 'A=1\n',
      'config/prod.env.bak': 'A=1\n',
      '.env.example': 'A=\n',
      'tools/helper.jar': 'PK',
      'assets/video.bin': 'x',
      'docs/big.txt': 'x'.repeat(3 * 1024),
      'docs/small.txt': 'x'.repeat(512),
      'package-lock.json': npmLock('lib').padEnd(4 * 1024, ' '),
    }), { 'max-file-kib': 2 });
    expect(trackedRules(report)).toEqual([
      'tracked/env-backup .env.local.backup',
      'tracked/binary assets/video.bin',
      'tracked/env-backup config/prod.env.bak',
      'tracked/large-file docs/big.txt',
      'tracked/binary tools/helper.jar',
    ].sort((a, b) => a.split(' ')[1]!.localeCompare(b.split(' ')[1]!)));
    expect(report.findings.find((finding) => finding.rule === 'tracked/large-file')!.message).toContain('above max-file-kib (2 KiB)');
  });

  it('reads past tracked symbolic links that dangle, and checks from a subfolder of the repository', async () => {
    const cwd = gitRepo({ 'app/package.json': manifest({ name: 'app', private: true, scripts: { start: 'node src/index.js' } }), 'app/src/index.js': 'process.env.API_URL;\n', 'app/.env.backup': 'A=1\n' });
    symlinkSync('missing-target.js', path.join(cwd, 'app/src/link.js'));
    execFileSync('git', ['add', '-A'], { cwd });
    const report = await runHygiene(path.join(cwd, 'app'));
    expect(report.status).toBe('fail');
    expect(located(report).filter((entry) => !entry.startsWith('ci/'))).toEqual(['tracked/env-backup .env.backup', 'env/no-template src/index.js:1']);
  });

  it('still reads a repository whose tracked file was deleted in the work tree', async () => {
    const cwd = gitRepo({ ...QUIET, 'gone/.env.backup': 'A=1\n', 'src/index.js': 'export {};\n' });
    rmSync(path.join(cwd, 'src/index.js'));
    const report = await runHygiene(cwd);
    expect(report.status).toBe('fail');
    expect(trackedRules(report)).toEqual(['tracked/env-backup gone/.env.backup']);
  });
});
