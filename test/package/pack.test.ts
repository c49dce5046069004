import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/action-runner.js';
import { tempDir, writeFiles } from '../helpers/temp.js';

// The CLI as users get it: the packed tarball, installed into an empty folder, run with npx.
// It runs the committed dist/, whatever state that is in.

interface PackResult {
  filename: string;
  files: Array<{ path: string }>;
}

describe('the npm package', () => {
  it('ships only the bundles, the schema, the README and the LICENSE, with no runtime dependencies', () => {
    const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as Record<string, unknown>;
    expect(manifest.dependencies).toBeUndefined();
    expect(manifest.private).toBeUndefined();
    expect(manifest.files).toEqual(['dist', 'schema', 'README.md', 'LICENSE']);
  });

  it('installs from the tarball into an empty folder, and `npx readiness-gates` answers --help and runs a gate', { timeout: 180_000 }, () => {
    const packDir = tempDir();
    const [packed] = JSON.parse(execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', packDir], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })) as PackResult[];
    const paths = packed!.files.map((file) => file.path);
    expect(paths.filter((file) => !file.startsWith('dist/')).sort()).toEqual(['LICENSE', 'README.md', 'package.json', 'schema/readiness-gates.schema.json']);
    expect(paths).toContain('dist/cli/index.js');
    expect(paths.some((file) => file.startsWith('test/') || file.startsWith('src/'))).toBe(false);

    const user = tempDir({ 'package.json': JSON.stringify({ name: 'user', version: '1.0.0', private: true }) });
    // No dependencies to fetch: the install needs no registry.
    execFileSync('npm', ['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts', path.join(packDir, packed!.filename)], { cwd: user, stdio: 'ignore' });
    const installed = JSON.parse(readFileSync(path.join(user, 'package-lock.json'), 'utf8')) as { packages: Record<string, unknown> };
    expect(Object.keys(installed.packages).filter((key) => key !== '')).toEqual(['node_modules/readiness-gates']);

    const npx = (...args: string[]) => spawnSync('npx', ['--no-install', 'readiness-gates', ...args], { cwd: user, encoding: 'utf8', timeout: 120_000 });
    const help = npx('--help');
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^readiness-gates \d+\.\d+\.\d+ — production-readiness gates/);

    const project = path.join(user, 'project');
    writeFiles(project, {
      'package.json': JSON.stringify({ name: 'calc', version: '1.0.0', scripts: { test: 'vitest run' } }),
      'src/add.js': 'export const add = (a, b) => a + b;\n',
      'test/add.test.js': "import { expect, it } from 'vitest';\nimport { add } from '../src/add.js';\nit('adds', () => {\n  expect(add(2, 3)).toBe(5);\n});\n",
    });
    const gate = npx('test-existence', '--cwd', 'project', '--format', 'json');
    expect(gate.status, gate.stderr).toBe(0);
    expect(JSON.parse(gate.stdout)).toMatchObject({ gate: 'test-existence', status: 'pass' });
    writeFiles(project, { 'test/add.test.js': "import { expect, it } from 'vitest';\nit('adds', () => {\n  expect(true).toBe(true);\n});\n" });
    expect(npx('test-existence', '--cwd', 'project').status).toBe(1);
  });
});
