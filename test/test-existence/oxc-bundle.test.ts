import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { hostNativeTarget, nativeTarget } from '../../src/test-existence/oxc.js';
import { ROOT } from '../helpers/action-runner.js';
import { tempDir } from '../helpers/temp.js';

/** The committed dist/oxc-parser/ (scripts/vendor-oxc-parser.mjs writes it with every bundle). */
const VENDORED = path.join(ROOT, 'dist/oxc-parser');

interface Manifest {
  version: string;
  targets: string[];
  files: Array<{ file: string; size: number; sha256: string }>;
}

const hostTarget = hostNativeTarget();

/**
 * Preloaded into the bundle's threads (NODE_OPTIONS reaches the analysis workers too): records each
 * native module a thread loads, and counts the main thread's calls to a parse function of oxc's
 * binding. Nothing of it is in the bundle.
 */
const PROBE = `
import { appendFileSync, writeFileSync } from 'node:fs';
import { isMainThread } from 'node:worker_threads';
let parses = 0;
const dlopen = process.dlopen;
process.dlopen = function (module, filename, ...rest) {
  dlopen.call(this, module, filename, ...rest);
  appendFileSync(process.env.OXC_PROBE_LOADS, JSON.stringify({ thread: isMainThread ? 'main' : 'worker', filename }) + '\\n');
  for (const name of ['parseSync', 'parseRawSync']) {
    const parse = module.exports[name];
    if (typeof parse === 'function') module.exports[name] = (...args) => { parses += 1; return parse(...args); };
  }
};
if (isMainThread) process.on('exit', () => writeFileSync(process.env.OXC_PROBE_PARSES, String(parses)));
`;

/** The action's bundle and dist/oxc-parser/, copied where no node_modules is found above them. */
function isolatedBundle(): string {
  const dist = path.join(tempDir(), 'dist');
  cpSync(path.join(ROOT, 'dist/test-existence'), path.join(dist, 'test-existence'), { recursive: true });
  cpSync(VENDORED, path.join(dist, 'oxc-parser'), { recursive: true });
  return dist;
}

const SMALL_PROJECT = {
  'src/sum.ts': 'export const sum = (a: number, b: number): number => a + b;\n',
  'test/sum.test.ts': "import { expect, it } from 'vitest';\nimport { sum } from '../src/sum';\nit('adds', () => {\n  expect(sum(1, 2)).toBe(3);\n});\n",
  'test/empty.test.js': "it('does nothing', () => {});\n",
};

interface ProbedRun {
  exitCode: number | null;
  stdout: string;
  stderr: string;
  loaded: Array<{ thread: 'main' | 'worker'; filename: string }>;
  parses: number;
}

/** Runs the bundled action on a project of `files`, as the runner runs it. */
function runTestExistence(dist: string, files: Record<string, string> = SMALL_PROJECT): ProbedRun {
  const workspace = tempDir({ 'package.json': JSON.stringify({ name: 'app', version: '1.0.0', scripts: { test: 'vitest run' }, devDependencies: { vitest: '^4.0.0' } }), ...files });
  const runner = tempDir({ 'probe.mjs': PROBE, 'event.json': '{}', output: '', 'summary.md': '', 'loads.jsonl': '' });
  const result = spawnSync(process.execPath, [path.join(dist, 'test-existence/index.js')], {
    cwd: workspace,
    encoding: 'utf8',
    timeout: 120_000,
    env: {
      PATH: process.env.PATH ?? '',
      NODE_OPTIONS: `--import ${pathToFileURL(path.join(runner, 'probe.mjs')).href}`,
      GITHUB_ACTIONS: 'true',
      GITHUB_WORKSPACE: workspace,
      GITHUB_EVENT_NAME: 'workflow_dispatch',
      GITHUB_EVENT_PATH: path.join(runner, 'event.json'),
      GITHUB_OUTPUT: path.join(runner, 'output'),
      GITHUB_STEP_SUMMARY: path.join(runner, 'summary.md'),
      GITHUB_REPOSITORY: 'octo-org/octo-repo',
      RUNNER_TEMP: runner,
      OXC_PROBE_LOADS: path.join(runner, 'loads.jsonl'),
      OXC_PROBE_PARSES: path.join(runner, 'parses'),
    },
  });
  const loaded = readFileSync(path.join(runner, 'loads.jsonl'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as ProbedRun['loaded'][number]);
  return { exitCode: result.status, stdout: result.stdout, stderr: result.stderr, loaded, parses: Number(readFileSync(path.join(runner, 'parses'), 'utf8')) };
}

describe('oxc-parser in dist', () => {
  it('holds the oxc-parser the lockfile pins and a binding per target, as its manifest lists them', () => {
    const manifest = JSON.parse(readFileSync(path.join(VENDORED, 'manifest.json'), 'utf8')) as Manifest;
    const lock = JSON.parse(readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, { version: string }> };
    expect(manifest.version).toBe(lock.packages['node_modules/oxc-parser']!.version);
    const choosable = new Set<string>();
    for (const platform of ['linux', 'darwin', 'win32', 'freebsd', 'android']) {
      for (const arch of ['x64', 'arm64', 'arm', 'ia32']) for (const libc of ['glibc', 'musl', undefined] as const) choosable.add(nativeTarget(platform, arch, libc) ?? '');
    }
    choosable.delete('');
    expect(new Set(manifest.targets)).toEqual(choosable);
    const listed = Object.fromEntries(manifest.files.map((entry) => [entry.file, entry]));
    for (const target of manifest.targets) expect(listed[`parser.${target}.node`], target).toBeDefined();
    for (const entry of readdirSync(VENDORED, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || entry.name === 'manifest.json') continue;
      const file = path.relative(VENDORED, path.join(entry.parentPath, entry.name)).split(path.sep).join('/');
      const bytes = readFileSync(path.join(VENDORED, file));
      expect({ file, size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') }).toEqual(listed[file]);
    }
    // ncc leaves oxc out of the bundles: no entry carries a binding of its own.
    for (const entry of readdirSync(path.join(ROOT, 'dist'), { withFileTypes: true })) {
      if (entry.isDirectory() && entry.name !== 'oxc-parser') expect(readdirSync(path.join(ROOT, 'dist', entry.name), { recursive: true }).filter((file) => String(file).endsWith('.node')), entry.name).toEqual([]);
    }
    // The binding npm installed here, from the same tarball: the vendored copy is taken out of it whole.
    if (hostTarget) {
      const installed = path.join(ROOT, 'node_modules/@oxc-parser', `binding-${hostTarget}`, `parser.${hostTarget}.node`);
      expect(readFileSync(path.join(VENDORED, `parser.${hostTarget}.node`)).equals(readFileSync(installed))).toBe(true);
    }
  });

  it.runIf(hostTarget)('parses with the vendored binding when the bundle runs with no node_modules around', () => {
    const dist = isolatedBundle();
    const run = runTestExistence(dist);
    expect(run.loaded).toEqual([{ thread: 'main', filename: path.join(dist, 'oxc-parser', `parser.${hostTarget}.node`) }]);
    expect(run.parses).toBeGreaterThanOrEqual(2);
    expect(run.stdout).toMatch(/test\/empty\.test\.js/);
    expect(run.exitCode).toBe(1);
  });

  // 200 files start a worker on a second core, and the pool hands it its first files before this thread takes any.
  it.runIf(hostTarget && availableParallelism() > 1)('loads it in the analysis workers as well', () => {
    const dist = isolatedBundle();
    const files: Record<string, string> = {};
    for (let index = 0; index < 200; index += 1) files[`test/case-${index}.test.js`] = `it('case ${index}', () => { expect(${index}).toBe(${index}); });\n`;
    const run = runTestExistence(dist, files);
    const binding = path.join(dist, 'oxc-parser', `parser.${hostTarget}.node`);
    expect(run.loaded.filter((load) => load.thread === 'main')).toEqual([{ thread: 'main', filename: binding }]);
    expect(run.loaded.filter((load) => load.thread === 'worker').length).toBeGreaterThan(0);
    expect(new Set(run.loaded.map((load) => load.filename))).toEqual(new Set([binding]));
  });

  it.runIf(hostTarget)('judges the same with babel where no binding loads, and says nothing of it', () => {
    const dist = isolatedBundle();
    const withOxc = runTestExistence(dist);
    expect(withOxc.parses).toBeGreaterThan(0);
    rmSync(path.join(dist, 'oxc-parser', `parser.${hostTarget}.node`));
    const withBabel = runTestExistence(dist);
    expect(withBabel.loaded).toEqual([]);
    expect(withBabel.parses).toBe(0);
    expect(withBabel.exitCode).toBe(withOxc.exitCode);
    expect(withBabel.stdout.replace(/\d+ ?ms/g, '')).toBe(withOxc.stdout.replace(/\d+ ?ms/g, ''));
    expect(withOxc.stderr).toBe('');
    expect(withBabel.stderr).toBe('');
  });
});
