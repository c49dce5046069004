import { chmodSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { executeGate } from '../../src/core/gate.js';
import { silentLogger } from '../../src/core/logger.js';
import type { GateReport } from '../../src/core/report.js';
import { testExistenceGate } from '../../src/test-existence/gate.js';
import { tempDir } from '../helpers/temp.js';

const DEFAULTS = { 'min-tests': 1, 'test-patterns': [], 'assert-functions': [], reports: [], levels: {} };

function runGate(cwd: string, settings: Record<string, unknown> = {}): Promise<GateReport> {
  return executeGate(testExistenceGate, { ...DEFAULTS, ...settings }, { cwd, env: {}, log: silentLogger, inAction: false });
}

function rules(report: GateReport): string[] {
  return report.findings.map((finding) => `${finding.rule} ${finding.file ?? ''}${finding.line ? `:${finding.line}` : ''}`);
}

const REAL_TEST = "import { expect, it } from 'vitest';\nimport { add } from '../src/add';\nit('adds', () => {\n  expect(add(1, 2)).toBe(3);\n});\n";
const SOURCE = 'export const add = (a, b) => a + b;\n';

function manifest(name: string, scripts: Record<string, string> = { test: 'vitest run' }, extra: Record<string, unknown> = {}): string {
  return `${JSON.stringify({ name, scripts, ...extra }, null, 2)}\n`;
}

describe('test-existence gate', () => {
  it('passes a package with a real test and a test script', async () => {
    const cwd = tempDir({ 'package.json': manifest('app'), 'src/add.js': SOURCE, 'test/add.test.js': REAL_TEST });
    const report = await runGate(cwd);
    expect(report.status).toBe('pass');
    expect(report.findings).toEqual([]);
    expect(report.metrics).toMatchObject({ packages: 1, 'test-files': 1, 'source-files': 1, tests: 1, 'real-tests': 1, 'no-assertion': 0 });
  });

  it('evaluates npm workspaces package by package', async () => {
    const cwd = tempDir({
      'package.json': manifest('mono', { test: 'npm test --workspaces' }, { private: true, workspaces: ['packages/*'] }),
      'packages/good/package.json': manifest('good'),
      'packages/good/src/add.js': SOURCE,
      'packages/good/src/add.test.js': REAL_TEST,
      'packages/stub/package.json': manifest('stub'),
      'packages/stub/src/add.js': SOURCE,
      'packages/stub/src/add.spec.ts': "it('works', () => {});\n",
      'packages/untested/package.json': manifest('untested', {}),
      'packages/untested/lib/index.js': SOURCE,
      'packages/docs-only/package.json': manifest('docs-only', {}),
      'packages/docs-only/README.md': '# docs\n',
    });
    const report = await runGate(cwd);
    expect(report.status).toBe('fail');
    expect(rules(report)).toEqual([
      'tests/none packages/stub/package.json',
      'test/empty packages/stub/src/add.spec.ts:1',
      'tests/none packages/untested/package.json',
      'script/missing packages/untested/package.json:3',
    ]);
    expect(report.findings[0]?.message).toBe('Package stub (packages/stub) has 1 source file but 0 real tests (min-tests: 1); the others are 1 empty.');
    expect(report.metrics).toMatchObject({ packages: 5, 'test-files': 2, tests: 2, 'real-tests': 1, empty: 1 });
  });

  it.each([
    ['without a root package.json', {}],
    ['with a root package.json that names no workspaces', { 'package.json': manifest('app', { dev: 'concurrently "npm:dev:*"' }) }],
  ])('judges backend/ and frontend/ as packages of their own, %s', async (_, root) => {
    const cwd = tempDir({
      ...root,
      'backend/package.json': manifest('api'),
      'backend/src/add.js': SOURCE,
      'backend/test/add.test.js': REAL_TEST,
      'frontend/package.json': manifest('web', { test: 'echo "Error: no test specified" && exit 1' }),
      'frontend/src/add.js': SOURCE,
    });
    const report = await runGate(cwd);
    expect(report.status).toBe('fail');
    expect(rules(report)).toEqual(['tests/none frontend/package.json', 'script/placeholder frontend/package.json:4']);
    expect(report.findings[0]?.message).toContain('Package web (frontend)');
  });

  it('reads pnpm-workspace.yaml, with negated globs', async () => {
    const cwd = tempDir({
      'package.json': manifest('mono', { test: 'pnpm -r test' }),
      'pnpm-workspace.yaml': "packages:\n  - 'apps/**'\n  - '!apps/legacy'\n",
      'apps/web/package.json': manifest('web'),
      'apps/web/src/add.js': SOURCE,
      'apps/legacy/package.json': manifest('legacy'),
      'apps/legacy/src/add.js': SOURCE,
      'apps/legacy/src/add.test.js': REAL_TEST,
    });
    const report = await runGate(cwd);
    // legacy is no workspace member but a package of its own, with its own real test.
    expect(rules(report)).toEqual(['tests/none apps/web/package.json']);
  });

  it('lets a root runner cover workspaces without their own test script', async () => {
    const files = {
      'package.json': manifest('mono', { test: 'vitest run' }, { workspaces: { packages: ['packages/*'] } }),
      'packages/a/package.json': manifest('a', {}),
      'packages/a/src/add.js': SOURCE,
      'packages/a/test/add.test.js': REAL_TEST,
    };
    expect(rules(await runGate(tempDir(files)))).toEqual([]);
    const delegating = { ...files, 'package.json': manifest('mono', { test: 'turbo run test' }, { workspaces: ['packages/*'] }) };
    expect(rules(await runGate(tempDir(delegating)))).toEqual(['script/missing packages/a/package.json:3']);
  });

  it("lets a root script that also runs its runner over the workspaces cover the members whose tests its config chooses", async () => {
    // pinia's: the root runs vitest, whose config takes every package's specs, and then each package's own test script.
    const files = {
      'package.json': manifest('mono', { test: 'pnpm run test:vitest run && pnpm run -r test', 'test:vitest': 'vitest --coverage' }, { workspaces: ['packages/*'] }),
      'vite.config.ts': "import { defineConfig } from 'vitest/config';\nexport default defineConfig({ test: { include: ['packages/**/*.spec.ts'] } });\n",
      'packages/testing/package.json': manifest('@pinia/testing', {}, { version: '1.0.0' }),
      'packages/testing/src/testing.ts': SOURCE,
      'packages/testing/src/testing.spec.ts': REAL_TEST,
      'packages/size/package.json': manifest('size', {}),
      'packages/size/src/size.ts': SOURCE,
    };
    // A member with no test file has nothing the root's runner runs.
    expect(rules(await runGate(tempDir(files)))).toEqual(['tests/none packages/size/package.json', 'script/missing packages/size/package.json:3']);
    const ownConfig = { ...files, 'packages/testing/vitest.config.ts': "export default { test: { include: ['src/**/*.spec.ts'] } };\n" };
    expect(rules(await runGate(tempDir(ownConfig)))).toEqual(['tests/none packages/size/package.json', 'script/missing packages/size/package.json:3', 'script/missing packages/testing/package.json:3']);
    // better-auth's: the root hands the run to turbo, which skips a member without a test script; its vitest config runs only when called.
    for (const test of ['turbo test --filter=./packages/*', 'nx run-many -t test', 'lerna run test']) {
      const delegating = { ...files, 'package.json': manifest('mono', { test }, { workspaces: ['packages/*'] }) };
      expect(rules(await runGate(tempDir(delegating))), test).toEqual(['tests/none packages/size/package.json', 'script/missing packages/size/package.json:3', 'script/missing packages/testing/package.json:3']);
    }
  });


  it("lets the test script of the package around a folder's package.json cover it when its runner's config chooses the folder's tests", async () => {
    // preact's: compat/ and hooks/ hold a package.json for their subpath and no workspaces name them; the root's vitest projects include their tests.
    const files = {
      'package.json': manifest('lib', { test: 'npm-run-all build test:unit', build: 'node build.mjs', 'test:unit': 'cross-env MINIFY=true vitest run' }),
      'vitest.config.mjs': "export default { test: { projects: [{ test: { include: ['test/**/*.test.js', '{compat,hooks}/test/**/*.test.js'] } }] } };\n",
      'src/add.js': SOURCE,
      'test/add.test.js': REAL_TEST,
      'compat/package.json': manifest('lib-compat', {}),
      'compat/src/add.js': SOURCE,
      'compat/test/add.test.js': REAL_TEST,
      'debug/package.json': manifest('lib-debug', {}),
      'debug/src/add.js': SOURCE,
      'debug/test/add.test.js': REAL_TEST,
    };
    // debug/'s tests are left out of the root's config: nothing runs them.
    expect(rules(await runGate(tempDir(files)))).toEqual(['script/missing debug/package.json:3']);
    // Without a config that chooses them, the root's runner is not known to reach into the folder.
    const { 'vitest.config.mjs': _config, ...conventions } = files;
    expect(rules(await runGate(tempDir(conventions)))).toEqual(['script/missing compat/package.json:3', 'script/missing debug/package.json:3']);
  });

  it("takes a package.json named for a subpath of the package around it for part of that package", async () => {
    // solid's html/ and web/storage/: `{ "name": "solid-js/html", "main": "./dist/html.cjs" }`, entry points of solid-js, its suite in test/.
    const files = {
      'package.json': manifest('lib', { test: 'vitest run' }),
      'src/add.js': SOURCE,
      'test/add.test.js': REAL_TEST,
      'html/package.json': JSON.stringify({ name: 'lib/html', main: './dist/html.cjs', type: 'module' }),
      'html/src/index.js': SOURCE,
      'web/package.json': JSON.stringify({ name: 'lib/web', main: './dist/web.cjs' }),
      'web/storage/package.json': JSON.stringify({ name: 'lib/web/storage', main: './dist/storage.cjs' }),
      'web/storage/src/index.js': SOURCE,
    };
    const report = await runGate(tempDir(files));
    expect(rules(report)).toEqual([]);
    expect(report.metrics).toMatchObject({ packages: 1, 'source-files': 3 });
    // Named otherwise, with a version, scripts or dependencies, it is a package of its own, and it has no tests.
    // So is one named for no folder, or naming a main file it lacks.
    const manifests = [{ version: '1.0.0' }, { scripts: { build: 'tsc' } }, { dependencies: { ms: '^2.0.0' } }, { main: 'src/index.js' }, { name: 'html' }];
    for (const own of manifests) {
      const other = await runGate(tempDir({ ...files, 'html/package.json': JSON.stringify({ name: 'lib-html', main: './dist/html.cjs', ...own }) }));
      expect(rules(other)).toEqual(['tests/none html/package.json', 'script/missing html/package.json:1']);
    }
    // With none, it only tells a resolver what to load: insomnia's `{ "name": "electron", "main": "index.js" }` over a stub of electron's API.
    const stub = await runGate(tempDir({ ...files, 'send-request/electron/package.json': JSON.stringify({ name: 'electron', main: 'index.js' }), 'send-request/electron/index.js': SOURCE }));
    expect(rules(stub)).toEqual([]);
    expect(stub.metrics).toMatchObject({ packages: 1, 'source-files': 4 });
  });
  it('takes a test script of another name that a workflow on pull_request runs for the "test" script', async () => {
    // nestjs/typeorm's: no "test", and CI runs `npm run test:e2e`.
    const workflow = (on: string, run: string) => `name: ci\non: ${on}\njobs:\n  e2e:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: npm ci\n      - run: ${run}\n`;
    const project = (testE2e: string, ci?: string) => tempDir({
      'package.json': manifest('lib', { build: 'tsc', 'test:e2e': testE2e }),
      'lib/add.ts': SOURCE,
      'tests/add.spec.ts': REAL_TEST.replace('../src/add', '../lib/add'),
      ...(ci === undefined ? {} : { '.github/workflows/ci.yml': ci }),
    });
    expect(rules(await runGate(project('vitest run --sequence.sequential', workflow('[pull_request]', 'npm run test:e2e'))))).toEqual([]);
    // Not run on pull requests, not run at all, or run so that it cannot fail: nothing checks a change.
    expect(rules(await runGate(project('vitest run', workflow('[push]', 'npm run test:e2e'))))).toEqual(['script/missing package.json:3']);
    expect(rules(await runGate(project('vitest run', workflow('[pull_request]', 'npm run build'))))).toEqual(['script/missing package.json:3']);
    expect(rules(await runGate(project('vitest run || true', workflow('[pull_request]', 'npm run test:e2e'))))).toEqual(['script/missing package.json:3']);
    expect(rules(await runGate(project('vitest run')))).toEqual(['script/missing package.json:3']);
  });

  it('takes a task named for tests of the package\'s gulpfile or Gruntfile that a workflow on pull_request runs, for a missing "test" script', async () => {
    // pdf.js's: no scripts at all, and CI runs `npx gulp unittestcli`, a task of its gulpfile.
    const workflow = (run: string) => `name: ci\non: [pull_request]\njobs:\n  unit:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: npm ci\n      - run: ${run}\n`;
    const project = (taskFile: string, run: string) => tempDir({
      'package.json': `${JSON.stringify({ name: 'viewer', devDependencies: { gulp: '^5.0.0' } })}\n`,
      [taskFile]: "import gulp from 'gulp';\ngulp.task('unittestcli', (done) => done());\n",
      'src/add.js': SOURCE,
      'test/add.spec.js': REAL_TEST,
      '.github/workflows/ci.yml': workflow(run),
    });
    expect(rules(await runGate(project('gulpfile.mjs', 'npx gulp unittestcli')))).toEqual([]);
    expect(rules(await runGate(project('Gruntfile.js', 'npx grunt test --verbose')))).toEqual([]);
    // A task named for something else, or a gulpfile that is not the package's.
    expect(rules(await runGate(project('gulpfile.mjs', 'npx gulp lint')))).toEqual(['script/missing package.json:1']);
    expect(rules(await runGate(project('gulpfile.mjs', 'npx gulp latest')))).toEqual(['script/missing package.json:1']);
    expect(rules(await runGate(project('tools/gulpfile.mjs', 'npx gulp unittestcli')))).toEqual(['script/missing package.json:1']);
  });

  it("takes a workspace root's test script of another name that a workflow on pull_request runs for its members' test scripts", async () => {
    // lexical's: no "test" anywhere; the root's vitest config takes every member's unit tests, and CI runs `pnpm run test-unit`.
    const workflow = (on: string, run: string) => `name: ci\non: ${on}\njobs:\n  unit:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: pnpm install\n      - run: ${run}\n`;
    const project = (testUnit: string, ci?: string, include = 'packages/**/__tests__/unit/**/*.test.ts') => tempDir({
      'package.json': manifest('monorepo', { build: 'tsc -b', 'test-unit': testUnit }, { private: true, workspaces: ['packages/*'] }),
      'vitest.config.ts': `import { defineConfig } from 'vitest/config';\nexport default defineConfig({ test: { include: ['${include}'] } });\n`,
      'packages/core/package.json': manifest('@acme/core', {}),
      'packages/core/src/add.ts': SOURCE,
      'packages/core/src/__tests__/unit/add.test.ts': REAL_TEST.replace('../src/add', '../../add'),
      ...(ci === undefined ? {} : { '.github/workflows/ci.yml': ci }),
    });
    expect(rules(await runGate(project('vitest run', workflow('[pull_request]', 'pnpm run test-unit'))))).toEqual([]);
    // Not run on pull requests, run so that it cannot fail, or with a config that leaves the member's tests out (then it has none): nothing runs them.
    const missing = ['script/missing packages/core/package.json:3'];
    expect(rules(await runGate(project('vitest run', workflow('[push]', 'pnpm run test-unit'))))).toEqual(missing);
    expect(rules(await runGate(project('vitest run || true', workflow('[pull_request]', 'pnpm run test-unit'))))).toEqual(missing);
    expect(rules(await runGate(project('vitest run', workflow('[pull_request]', 'pnpm run test-unit'), 'test/**/*.test.ts')))).toEqual(['tests/none packages/core/package.json', ...missing]);
    // graphql-yoga's: run by an action that runs a command until it passes, which `defaults.run` does not move; another action's input runs nothing.
    const retried = (uses: string, input = 'command') => `name: ci\non: [pull_request]\ndefaults:\n  run:\n    working-directory: packages/core\njobs:\n  unit:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: ${uses}\n        with:\n          max_attempts: 3\n          ${input}: pnpm run test-unit --ci\n`;
    expect(rules(await runGate(project('vitest run', retried('nick-fields/retry@v3'))))).toEqual([]);
    expect(rules(await runGate(project('vitest run', retried('Wandalen/wretry.action@v3'))))).toEqual([]);
    expect(rules(await runGate(project('vitest run', retried('acme/notify@v1'))))).toEqual(missing);
    expect(rules(await runGate(project('vitest run', retried('nick-fields/retry@v3', 'on_retry_command'))))).toEqual(missing);
  });

  it.each([
    ['echo "Error: no test specified" && exit 1', 'script/placeholder'],
    ['echo "tests coming soon"', 'script/placeholder'],
    ['jest --passWithNoTests', 'script/pass-with-no-tests'],
    ['vitest run --pass-with-no-tests', 'script/pass-with-no-tests'],
    ['vitest run || true', 'script/ignored-exit-code'],
    ["mocha 'test/**/*.js' || echo 'tests failed'", 'script/ignored-exit-code'],
    ['jest; exit 0', 'script/ignored-exit-code'],
    ['exit 0', 'script/ignored-exit-code'],
    // A suite switched off ahead of its runner (TanStack Router's `exit 0; vitest --typecheck`).
    ['exit 0; vitest --typecheck', 'script/ignored-exit-code'],
    ['rm -rf out && exit 0 && jest', 'script/ignored-exit-code'],
    ['true', 'script/ignored-exit-code'],
    ['npm run test:unit', 'script/ignored-exit-code'],
  ])('flags the test script %j', async (script, rule) => {
    const cwd = tempDir({
      'package.json': manifest('app', { build: 'tsc', test: script, 'test:unit': 'vitest run 2>&1 || true' }),
      'src/add.js': SOURCE,
      'test/add.test.js': REAL_TEST,
    });
    const report = await runGate(cwd);
    expect(report.findings.map((finding) => finding.rule)).toEqual([rule]);
    const scriptName = script.startsWith('npm run') ? 'test:unit' : 'test';
    expect(report.findings[0]).toMatchObject({ file: 'package.json', line: scriptName === 'test' ? 5 : 6, level: 'error' });
    expect(report.findings[0]?.message).toContain(`"${scriptName}" script`);
  });

  it('follows the test scripts the test script runs, not lint or build', async () => {
    const scripts = { test: 'npm run lint && npm run test:unit', lint: 'eslint . || true', 'test:unit': 'vitest run; exit 0' };
    const cwd = tempDir({ 'package.json': manifest('app', scripts), 'src/add.js': SOURCE, 'test/add.test.js': REAL_TEST });
    const report = await runGate(cwd);
    expect(report.findings.map((finding) => `${finding.rule} ${finding.message}`)).toEqual([
      'script/ignored-exit-code Package app: the "test:unit" script ignores the exit code of its tests: after `;` only the last command decides (vitest run; exit 0), so failing tests leave CI green.',
    ]);
  });

  it.each(['vitest run', 'jest --ci --coverage', 'node --test', 'mocha --exit', 'tsc -p . && vitest run 2>&1', 'c8 ava'])('accepts the test script %j', async (script) => {
    const cwd = tempDir({ 'package.json': manifest('app', { test: script }), 'src/add.js': SOURCE, 'test/add.test.js': REAL_TEST });
    expect(rules(await runGate(cwd))).toEqual([]);
  });

  it('finds passWithNoTests in a runner config and in package.json', async () => {
    const cwd = tempDir({
      'package.json': manifest('app', { test: 'vitest run' }, { jest: { passWithNoTests: true } }),
      'vitest.config.mts': "export default {\n  test: { passWithNoTests: true },\n};\n",
      'src/add.js': SOURCE,
      'test/add.test.js': REAL_TEST,
    });
    expect(rules(await runGate(cwd))).toEqual(['script/pass-with-no-tests package.json:7', 'script/pass-with-no-tests vitest.config.mts:2']);
  });

  it('lets a package that needs no tests pass with none, but not one of tests only', async () => {
    // typescript-eslint's types: declarations and generated code, `passWithNoTests: true` for the workspace's `nx test`.
    const types = tempDir({
      'package.json': manifest('types', { test: 'vitest run --passWithNoTests' }),
      'vitest.config.mts': 'export default {\n  test: { passWithNoTests: true },\n};\n',
      'src/index.ts': 'export type Node = { type: string };\nexport type { Token } from "./token";\n',
    });
    expect(rules(await runGate(types))).toEqual([]);
    const suite = tempDir({
      'package.json': manifest('orders', { test: 'vitest run --passWithNoTests' }),
      'test/app.test.js': "import { get } from 'undici';\nit('serves', async () => { expect((await get('http://localhost')).status).toBe(200) });\n",
    });
    expect(rules(await runGate(suite))).toEqual(['script/pass-with-no-tests package.json:4']);
  });

  it('does not count tool configuration, setup, build output or scripts as source', async () => {
    const cwd = tempDir({
      'package.json': manifest('tooling', { test: 'vitest run' }),
      'vitest.config.ts': 'export default {};\n',
      'jest.setup.js': "import '@testing-library/jest-dom';\n",
      'setupTests.ts': 'export {};\n',
      'gulpfile.js': 'exports.default = () => {};\n',
      // A build script at the top (uptime-kuma's push package: its Dockerfile runs `node build.js` to pick what `go build` made).
      'build.js': "const fs = require('fs');\nfs.renameSync(`./build/push-${process.argv[2]}`, './push');\n",
      'build.mjs': "import { build } from 'esbuild';\nawait build({ entryPoints: ['src/index.ts'] });\n",
      'karma.conf.js': 'module.exports = (config) => config.set({});\n',
      'wdio.conf.ts': 'export const config = {};\n',
      '.eslintrc.cjs': 'module.exports = {};\n',
      'dist/index.js': SOURCE,
      'scripts/release.mjs': SOURCE,
      'types/index.d.ts': 'export declare const x: number;\n',
      // yarn itself, as yarn 2+ keeps it in the repository; Flow's library definitions; a jest config by another name.
      '.yarn/releases/yarn-4.5.0.cjs': SOURCE,
      '.yarn/plugins/@yarnpkg/plugin-workspace-tools.cjs': SOURCE,
      '.husky/install.mjs': SOURCE,
      'flow-typed/npm/vitest_vx.x.x.js': 'declare module "vitest" { declare module.exports: any; }\n',
      'jest.prod.js': "module.exports = { ...require('./jest.config'), testEnvironment: 'node' };\n",
      // karma configs by other names (opentelemetry-js's karma.base.js and karma.worker.js at its root).
      'karma.base.js': "module.exports = { frameworks: ['mocha'] };\n",
      'karma.worker.js': "module.exports = { ...require('./karma.base'), files: ['test/index-webpack.worker.ts'] };\n",
      // A test runner's folder and named files, and benchmarks by another spelling (react-router's jest/, svelte's).
      'jest/transform.js': 'module.exports = { process: (source) => ({ code: source }) };\n',
      'cypress/support/commands.ts': SOURCE,
      // Prisma's seed scripts beside its schema (rallly's database package).
      'prisma/seed.ts': "import { PrismaClient } from '@prisma/client';\nawait new PrismaClient().user.create({ data: { name: 'Ada' } });\n",
      // turborepo's generators, which scaffold new packages (create-t3-turbo's root).
      'turbo/generators/config.ts': "export default function generator(plop) { plop.setGenerator('init', { prompts: [] }); }\n",
      'vitest-xhtml-environment.ts': 'export default { name: "xhtml" };\n',
      'benchmarking/run.js': SOURCE,
      // Folders named for the tests they support (sveltekit's test-utils/ at the root of its monorepo).
      'test-utils/index.js': SOURCE,
      'src/__testUtils__/dedent.ts': SOURCE,
      'src/testing/render.tsx': SOURCE,
      // jscodeshift's inputs and outputs of a transform (valibot's codemod).
      'src/__testfixtures__/rename.input.ts': SOURCE,
      'src/__testfixtures__/rename.output.ts': SOURCE,
      'test/config.test.js': "import config from '../vitest.config';\nit('exports a config', () => { expect(config).toEqual({}); });\n",
    });
    const report = await runGate(cwd);
    expect(report.metrics).toMatchObject({ 'source-files': 0, 'test-files': 1 });
    expect(rules(report)).toEqual([]);
    // Below the package's top, a build.js is the package's code (a site generator's `src/build.js`).
    const generator = tempDir({ 'package.json': manifest('generator', { test: 'vitest run' }), 'src/build.js': SOURCE, 'test/build.test.js': REAL_TEST });
    expect((await runGate(generator)).metrics).toMatchObject({ 'source-files': 1, 'test-files': 1 });
  });

  it("takes mobx's when given a condition alone for a wait that fails the test by its timeout, imported by name or by mobx's own tests", async () => {
    const tests = (from: string) =>
      [
        `import { when, observable } from '${from}';`,
        `import * as mobx from '${from}';`,
        "test('waits', async () => { const box = observable.box(1); setTimeout(() => box.set(3), 10); await when(() => box.get() === 3); });",
        "test('waits, namespaced', async () => { const box = observable.box(1); setTimeout(() => box.set(3), 10); await mobx.when(() => box.get() === 3); });",
        // Given an effect, when is a reaction: it waits for nothing.
        "test('reacts', () => { const box = observable.box(1); when(() => box.get() === 3, () => log('three')); box.set(3); });",
      ].join('\n');
    const cwd = tempDir({
      'package.json': manifest('mono', { test: 'jest' }, { private: true, workspaces: ['packages/*'] }),
      'packages/mobx/package.json': manifest('mobx', { test: 'jest' }),
      'packages/mobx/src/mobx.ts': 'export function when(predicate, effect) { return effect ? () => {} : Promise.resolve(); }\nexport const observable = {};\n',
      'packages/mobx/__tests__/when.test.ts': tests('../src/mobx'),
      'packages/store/package.json': manifest('store', { test: 'jest' }, { dependencies: { mobx: '*' } }),
      'packages/store/src/store.ts': SOURCE,
      'packages/store/test/store.test.ts': tests('mobx'),
      // Another package's when, relatively imported, is none of mobx's.
      'packages/other/package.json': manifest('other', { test: 'jest' }),
      'packages/other/src/when.ts': 'export function when(predicate) { return Promise.resolve(); }\nexport const observable = {};\n',
      'packages/other/test/other.test.ts': tests('../src/when'),
    });
    expect(rules(await runGate(cwd))).toEqual([
      'test/no-assertion packages/mobx/__tests__/when.test.ts:5',
      'tests/none packages/other/package.json',
      'test/no-assertion packages/other/test/other.test.ts:3',
      'test/no-assertion packages/other/test/other.test.ts:4',
      'test/no-assertion packages/other/test/other.test.ts:5',
      'test/no-assertion packages/store/test/store.test.ts:5',
    ]);
  });

  it("takes the files of a tests' data or samples folder for their input, not for tests, by the conventions, but for a file below a test folder a test script runs", async () => {
    const cwd = tempDir({
      'package.json': manifest('lib', { test: 'node test/run.js' }),
      'src/add.js': SOURCE,
      'test/unit/add.js': "QUnit.test('adds', function (assert) { assert.equal(add(1, 2), 3); });\n",
      // jQuery's test/data/: a JSON document named .js, and the runner's set-up with a QUnit.skip in it.
      'test/data/json_obj.js': '{ "data": { "lang": "en" } }\n',
      'test/data/testinit.js': "QUnit.module('ready', function () { QUnit.skip('ready tests skipped in async mode', function () {}); });\n",
      // A test named so, in a folder of data that is no tests' own, is a test.
      'src/data/users.test.js': REAL_TEST,
      // zora's: test/run.js runs each of test/samples/*.js in a child and compares what it prints; pta's test script runs test/samples/index.js.
      'test/run.js': "import { test } from 'zora';\ntest('samples print what they should', async (t) => { t.eq(await runSample('simple.js'), expected); });\n",
      'test/samples/simple.js': "import { test } from 'zora';\ntest('tester 1', (t) => { t.ok(true, 'assert1'); });\n",
      'test/samples/failing.spec.js': "import { test } from 'zora';\ntest('fails', (t) => { run(); });\n",
      'pta/package.json': manifest('pta', { test: 'node test/samples/index.js' }),
      'pta/src/bin.js': SOURCE,
      'pta/test/samples/index.js': "import { test } from 'zora';\ntest('runs only', async ({ ok, notOk }) => { const { stdout, stderr } = await run(['--only']); ok(stdout); notOk(stderr); });\n",
      'pta/test/samples/only/spec.js': "import { test } from 'zora';\ntest.only('only', (t) => { t.ok(true); });\n",
      // Outside a test folder, what a test script runs may be the code, run for a smoke test: it has no test.
      'smoke/package.json': manifest('smoke', { test: 'node index.js' }),
      'smoke/index.js': SOURCE,
    });
    const report = await runGate(cwd);
    expect(rules(report)).toEqual(['tests/none smoke/package.json']);
    expect(report.metrics).toMatchObject({ 'test-files': 4, 'real-tests': 4 });
  });

  it("says that a package's tests in Ember's template-tag format were not read where it finds none", async () => {
    // TanStack Table's ember-table: QUnit tests in tests/integration/*.test.gts, rendering `<template>` tags.
    const cwd = tempDir({
      'package.json': manifest('ember-table', { 'test:lib': 'testem ci' }),
      'src/index.ts': SOURCE,
      'src/components/flex-render.gts': 'export default <template>{{yield}}</template>;\n',
      'tests/integration/use-table.test.gts': "import { module, test } from 'qunit';\nmodule('useTable', function () { test('renders', async function (assert) { await render(<template>x</template>); assert.dom('div').exists(); }); });\n",
      'tests/integration/flex-render.test.gjs': "import { module, test } from 'qunit';\nmodule('flexRender', function () { test('renders', function (assert) { assert.ok(render()); }); });\n",
    });
    const report = await runGate(cwd);
    const none = report.findings.find((finding) => finding.rule === 'tests/none');
    expect(none?.message).toMatch(/but 0 real tests \(min-tests: 1\); 2 test files in Ember's template-tag format \(\.gts, \.gjs\) were not read\.$/);
  });

  it("takes the files of a helpers folder for helpers, and those named as tests for the helpers' tests, by the conventions; tap's snapshots for none", async () => {
    // axios's test/specs/helpers/: the specs of its helpers, beside the tests' own helper modules and fixtures named as tests.
    const cwd = tempDir({
      'package.json': manifest('lib', { test: 'karma start karma.conf.cjs --single-run' }),
      'src/add.js': SOURCE,
      'test/specs/helpers/add.spec.js': REAL_TEST,
      'test/specs/helpers/slow.spec.js': "it('adds slowly', async () => {\n  await add(1, 2);\n});\n",
      'test/helpers/server.js': "export function listen() { return it('is a helper, not a test', () => {}); }\n",
      'test/fixtures/broken.test.js': "it('an input of the tests', () => {});\n",
      // tap's snapshots, named for the tests they hold the output of.
      'tap-snapshots/test/specs/add.spec.js.test.cjs': "exports[`test/specs/add.spec.js TAP adds > must match snapshot 1`] = `\n3\n`\n",
    });
    const report = await runGate(cwd);
    expect(rules(report)).toEqual(['test/no-assertion test/specs/helpers/slow.spec.js:1']);
    expect(report.metrics).toMatchObject({ 'test-files': 2, 'real-tests': 1 });
  });

  it('takes the files of a templates folder for templates, not for tests, by the conventions, and judges them where a runner config chooses them', async () => {
    // moment's templates/test-header.js: an open UMD header its build glues onto each test; a generator's templates/test/app.test.js with EJS.
    const files = {
      'package.json': manifest('lib', { test: 'grunt test' }),
      'src/add.js': SOURCE,
      'src/test/add.js': REAL_TEST,
      'templates/test-header.js': ';(function (global, factory) {\n   factory(global.moment)\n}(this, (function (moment) { \'use strict\';\n',
      'generators/app/templates/test/app.test.js': "it('<%= name %> works', () => { expect(<%= name %>()).toBe(true) });\n",
      // Tests of a feature of that name are tests (documenso's e2e/templates/).
      'e2e/templates/create-from-template.spec.ts': REAL_TEST,
    };
    const conventions = await runGate(tempDir(files));
    expect(rules(conventions)).toEqual([]);
    expect(conventions.metrics).toMatchObject({ 'test-files': 2 });
    // A runner's own choice is judged, as everywhere: here, tests of the templating code kept in a templates folder.
    const chosen = await runGate(tempDir({ ...files, 'package.json': manifest('lib', { test: 'vitest run' }), 'vitest.config.js': "export default { test: { include: ['src/test/**/*.js', 'lib/templates/**/*.test.js'] } };\n", 'lib/templates/render.test.js': REAL_TEST }));
    expect(rules(chosen)).toEqual([]);
    expect(chosen.metrics).toMatchObject({ 'test-files': 2 });
  });

  it('counts a file named jest.js as source, as a CLI names its entry, unlike a jest config by another name', async () => {
    const cwd = tempDir({
      'package.json': manifest('runner', { test: 'jest' }),
      'bin/jest.js': SOURCE,
      // A word that only starts like one of tests is none.
      'src/testimonials/quote.js': SOURCE,
      'jest.ci.js': "module.exports = { ...require('./jest.config'), ci: true };\n",
      'test/runner.test.js': REAL_TEST,
    });
    expect((await runGate(cwd)).metrics).toMatchObject({ 'source-files': 2, 'test-files': 1 });
  });

  describe('tests kept in a package of their own', () => {
    const SUITE_TEST = "import { expect } from 'chai';\nimport { mount } from 'widget';\nimport '@acme/widget-adapter/setup';\nit('mounts', () => {\n  expect(mount()).to.equal(1);\n});\n";
    const suite = {
      'package.json': manifest('widget-repo', { test: 'mocha --recursive packages/widget-test-suite/test' }, { private: true }),
      'tools/release.js': SOURCE,
      'packages/widget/package.json': manifest('widget', { build: 'babel src -d build' }),
      'packages/widget/src/mount.js': SOURCE,
      'packages/widget-adapter/package.json': manifest('@acme/widget-adapter', {}),
      'packages/widget-adapter/src/setup.js': SOURCE,
      'packages/widget-utils/package.json': manifest('widget-utils', {}),
      'packages/widget-utils/src/index.js': SOURCE,
      'packages/widget-test-suite/package.json': manifest('widget-test-suite', {}, { private: true }),
      'packages/widget-test-suite/test/mount-spec.js': SUITE_TEST,
      'packages/widget-test-suite/test/_helpers/adapter.js': "let Adapter;\nif (process.env.OLD) Adapter = require('widget-utils/legacy');\nmodule.exports = Adapter;\n",
    };

    it('count for the packages their tests import by name, and for the root whose test script runs them', async () => {
      const report = await runGate(tempDir(suite));
      expect(rules(report)).toEqual([]);
      expect(report.metrics).toMatchObject({ 'tested-by-test-packages': 4, 'real-tests': 1 });
    });

    it('do not count for a package they do not import, nor for a root whose script runs other files', async () => {
      const report = await runGate(tempDir({
        ...suite,
        'package.json': manifest('widget-repo', { test: 'mocha --recursive test' }, { private: true }),
        'packages/widget-test-suite/test/_helpers/adapter.js': "import type { Options } from 'widget-utils';\nexport const options: Options = {};\n",
      }));
      expect(rules(report)).toEqual(['tests/none package.json', 'tests/none packages/widget-utils/package.json', 'script/missing packages/widget-utils/package.json:3']);
    });

    it('count only when they are tests: a package with source of its own, or no real test, tests nothing else', async () => {
      const withSource = await runGate(tempDir({ ...suite, 'packages/widget-test-suite/src/harness.js': SOURCE }));
      expect(rules(withSource)).toContain('tests/none packages/widget/package.json');
      const noRealTest = await runGate(tempDir({ ...suite, 'packages/widget-test-suite/test/mount-spec.js': "import { mount } from 'widget';\nit('mounts', () => {\n  mount();\n});\n" }));
      expect(rules(noRealTest)).toContain('tests/none packages/widget/package.json');
    });

    it('count for the package whose test folder holds them, which they load by path', async () => {
      const nested = {
        'package.json': manifest('server-repo', { test: 'pnpm -r test' }, { private: true }),
        'pnpm-workspace.yaml': "packages:\n  - 'packages/*'\n  - 'packages/*/test'\n",
        // A runner the gate does not read: its script names no folder of tests.
        'packages/server/package.json': manifest('@acme/server', { test: 'acme-scripts test "**/*.test.ts"' }),
        'packages/server/src/server.js': SOURCE,
        'packages/server/test/package.json': manifest('server-tests', {}, { private: true, dependencies: { svelte: '^5.0.0' } }),
        'packages/server/test/hover.test.ts': "import assert from 'node:assert';\nimport { it } from 'node:test';\nimport { start } from './harness.ts';\nit('hovers', async () => {\n  assert.ok(await start());\n});\n",
        'packages/server/test/harness.ts': "export const start = async () => (await import('../src/server.js')).add(1, 2);\n",
      };
      expect(rules(await runGate(tempDir(nested)))).toEqual([]);
      // A package of tests beside it, or in a folder that is not one of tests, tests it only by what it imports.
      const beside = Object.fromEntries(Object.entries(nested).map(([file, code]) => [file.replace('packages/server/test/', 'packages/server/tools/'), code]));
      expect(rules(await runGate(tempDir({ ...beside, 'pnpm-workspace.yaml': "packages:\n  - 'packages/*'\n  - 'packages/*/tools'\n" })))).toContain('tests/none packages/server/package.json');
    });

    it('count for a package outside the workspaces whose code imports the code of the package around it by path, its build entry', async () => {
      // prettier's packages/plugin-oxc, published from its folder: `import * as oxcParsers from "../../src/language-js/parse/oxc.js"`.
      const plugin = (dir: string, code: string) => ({ [`${dir}/package.json`]: manifest(`@acme/${dir.split('/').pop()}`, {}, { version: '1.0.0', type: 'module' }), [`${dir}/index.js`]: code });
      const repo = (rootTests: Record<string, string>) => tempDir({
        'package.json': manifest('formatter', { test: 'vitest run' }),
        'src/add.js': SOURCE,
        ...rootTests,
        ...plugin('packages/plugin-fast', "import { add } from '../../src/add.js';\nexport const parsers = Object.fromEntries([['fast', { parse: (text) => add(text.length, 1) }]]);\n"),
        ...plugin('packages/plugin-own', 'export const parsers = { own: { parse: (text) => text.length } };\n'),
      });
      const own = ['tests/none packages/plugin-own/package.json', 'script/missing packages/plugin-own/package.json:3'];
      expect(rules(await runGate(repo({ 'test/add.test.js': REAL_TEST })))).toEqual(own);
      // Not when the package around it has no real test.
      expect(rules(await runGate(repo({ 'test/add.test.js': "import { it } from 'vitest';\nit('adds', () => {});\n" })))).toEqual(expect.arrayContaining(['tests/none packages/plugin-fast/package.json', ...own]));
    });

    it("count for the packages a fixture project takes from the repository, when a test with real tests names the fixture's folder", async () => {
      const fixtureTest = "import assert from 'node:assert';\nimport { it } from 'node:test';\nimport { build } from '../src/build.js';\nit('renders widgets', async () => {\n  const html = await build({ root: './fixtures/with-widget/' });\n  assert.match(html, /widget/);\n});\n";
      const repo = {
        'package.json': manifest('site-repo', { test: 'pnpm -r test' }, { private: true }),
        'pnpm-workspace.yaml': "packages:\n  - 'packages/*'\n",
        'packages/site/package.json': manifest('site', { test: 'node --test' }),
        'packages/site/src/build.js': SOURCE,
        'packages/site/test/widget.test.js': fixtureTest,
        'packages/site/test/fixtures/with-widget/package.json': manifest('@test/with-widget', {}, { private: true, dependencies: { '@acme/widget': 'workspace:*', site: 'workspace:*' } }),
        'packages/site/test/fixtures/with-widget/src/page.js': "import widget from '@acme/widget';\nexport default widget();\n",
        // A fixture that is meant not to parse takes nothing, and stops nothing.
        'packages/site/test/fixtures/broken/package.json': '{ "dependencies": ',
        'packages/widget/package.json': manifest('@acme/widget', {}),
        'packages/widget/src/index.js': SOURCE,
      };
      const credited = await runGate(tempDir(repo));
      expect(rules(credited)).toEqual([]);
      expect(credited.metrics).toMatchObject({ 'tested-by-test-packages': 1 });
      const fromRegistry = { ...repo, 'packages/site/test/fixtures/with-widget/package.json': manifest('@test/with-widget', {}, { private: true, dependencies: { '@acme/widget': '^1.0.0' } }) };
      expect(rules(await runGate(tempDir(fromRegistry)))).toContain('tests/none packages/widget/package.json');
      const notNamed = { ...repo, 'packages/site/test/widget.test.js': fixtureTest.replace('./fixtures/with-widget/', './fixtures/other/') };
      expect(rules(await runGate(tempDir(notNamed)))).toContain('tests/none packages/widget/package.json');
      const noRealTest = { ...repo, 'packages/site/test/widget.test.js': fixtureTest.replace('  assert.match(html, /widget/);\n', '') };
      expect(rules(await runGate(tempDir(noRealTest)))).toContain('tests/none packages/widget/package.json');
      // A plain word may be a test's title: it names the folder only beside a slash.
      const plainName = Object.fromEntries(Object.entries(repo).map(([file, code]) => [file.replace('with-widget', 'basic'), file.endsWith('.test.js') ? code.replace("it('renders widgets'", "it('basic'").replace('./fixtures/with-widget/', './other/') : code]));
      expect(rules(await runGate(tempDir(plainName)))).toContain('tests/none packages/widget/package.json');
      // Or that its tool's config imports by name, hoisted there (unocss's test/fixtures/vite: `import UnoCSS from '@unocss/vite'`).
      const configured = {
        ...repo,
        'packages/site/test/fixtures/with-widget/package.json': manifest('@test/with-widget', { build: 'vite build' }, { private: true }),
        'packages/site/test/fixtures/with-widget/vite.config.ts': "import widget from '@acme/widget/vite';\nexport default { plugins: [widget()] };\n",
      };
      expect(rules(await runGate(tempDir(configured)))).toEqual([]);
      const otherConfig = { ...configured, 'packages/site/test/fixtures/with-widget/vite.config.ts': "import react from '@vitejs/plugin-react';\nexport default { plugins: [react()] };\n" };
      expect(rules(await runGate(tempDir(otherConfig)))).toContain('tests/none packages/widget/package.json');
    });

    it("count for the packages a template of another package's tests takes from the repository, when its test helpers name it", async () => {
      const repo = {
        'package.json': manifest('router-repo', { test: 'pnpm -r test' }, { private: true }),
        'pnpm-workspace.yaml': "packages:\n  - 'packages/*'\n  - 'integration'\n  - 'integration/helpers/*'\n",
        'packages/serve/package.json': manifest('@acme/serve', {}),
        'packages/serve/src/cli.js': SOURCE,
        'integration/package.json': manifest('integration', { test: 'playwright test' }, { private: true }),
        'integration/helpers/create-fixture.ts': "export const defaultTemplate = 'node-server-template';\nexport async function createFixture(files: object) { return { files, template: defaultTemplate }; }\n",
        'integration/serve.test.ts': "import { expect, test } from '@playwright/test';\nimport { createFixture } from './helpers/create-fixture';\ntest('serves', async ({ page }) => {\n  await createFixture({});\n  await expect(page.getByText('Hello')).toBeVisible();\n});\n",
        'integration/helpers/node-server-template/package.json': manifest('node-server-template', { start: 'acme-serve ./build' }, { private: true, dependencies: { '@acme/serve': 'workspace:*' } }),
        'integration/helpers/node-server-template/app/root.tsx': 'export default function Root() { return null; }\n',
      };
      expect(rules(await runGate(tempDir(repo)))).not.toContain('tests/none packages/serve/package.json');
      const unnamed = { ...repo, 'integration/helpers/create-fixture.ts': "export async function createFixture(files: object) { return { files }; }\n" };
      expect(rules(await runGate(tempDir(unnamed)))).toContain('tests/none packages/serve/package.json');
    });

    it('resolve a name shared by the root and a member to the member, as the import does', async () => {
      const report = await runGate(tempDir({
        ...suite,
        'package.json': manifest('widget', { test: 'mocha --recursive test' }, { private: true }),
      }));
      expect(rules(report)).toEqual(['tests/none package.json']);
    });
  });

  it('follows helpers a test imports from a test-support package by name, not the code of a package under test', async () => {
    const files = {
      'package.json': manifest('mono', { test: 'vitest run' }, { private: true, workspaces: ['packages/*'] }),
      'packages/test-utils/package.json': manifest('@acme/test-utils', {}, { private: true, main: 'dist/index.js' }),
      'packages/test-utils/src/index.ts': "export { expectValid } from './expect-valid';\n",
      'packages/test-utils/src/expect-valid.ts': "import { expect } from 'vitest';\nexport function expectValid(value: unknown) {\n  expect(value).toMatchObject({ valid: true });\n}\n",
      'packages/schema/package.json': manifest('@acme/schema', {}, { version: '1.0.0', exports: { '.': { import: './lib/index.js' } } }),
      'packages/schema/src/index.ts': "import assert from 'node:assert';\nexport function parse(text: string) {\n  assert(typeof text === 'string');\n  return { valid: text.length > 0 };\n}\n",
      'packages/schema/test/parse.test.ts': "import { it } from 'vitest';\nimport { parse } from '@acme/schema';\nimport { expectValid } from '@acme/test-utils';\nit('parses', () => {\n  expectValid(parse('x'));\n});\nit('does not throw', () => {\n  parse('x');\n});\n",
    };
    const report = await runGate(tempDir(files));
    expect(rules(report)).toEqual(['test/no-assertion packages/schema/test/parse.test.ts:7']);
    expect(report.metrics).toMatchObject({ tests: 2, 'real-tests': 1 });
  });

  it('follows helpers of a published library of test helpers, one that needs the runner to run, by its name and a subpath', async () => {
    const library = (needs: Record<string, unknown>) => ({
      'package.json': manifest('mono', { test: 'vitest run' }, { private: true, workspaces: ['packages/*'] }),
      // As effect's @effect/vitest: published, it runs on the vitest it is given, and exports its assertions from a subpath.
      'packages/vitest/package.json': manifest('@acme/vitest', { test: 'vitest run' }, { version: '1.0.0', exports: { '.': './src/index.ts', './*': './src/*.ts' }, ...needs }),
      'packages/vitest/src/index.ts': "export { it } from 'vitest';\n",
      'packages/vitest/src/utils.ts': "import * as assert from 'node:assert';\nexport function deepStrictEqual<A>(actual: A, expected: A) {\n  assert.deepStrictEqual(actual, expected);\n}\n",
      'packages/vitest/test/utils.test.ts': "import { it } from 'vitest';\nimport { deepStrictEqual } from '../src/utils';\nit('passes equal values', () => {\n  deepStrictEqual([1], [1]);\n});\n",
      'packages/core/package.json': manifest('@acme/core', { test: 'vitest run' }, { version: '1.0.0' }),
      'packages/core/src/index.ts': 'export const pair = (a: number) => [a, a];\n',
      'packages/core/test/pair.test.ts': "import { it } from '@acme/vitest';\nimport { deepStrictEqual } from '@acme/vitest/utils';\nimport { pair } from '../src/index';\nit('pairs', () => {\n  deepStrictEqual(pair(1), [1, 1]);\n});\n",
    });
    expect(rules(await runGate(tempDir(library({ peerDependencies: { vitest: '^4.0.0' } }))))).toEqual([]);
    expect(rules(await runGate(tempDir(library({ dependencies: { chai: '^5.0.0' } }))))).toEqual([]);
    // Only tested with the runner, it is a package under test like any other: its asserts guard its code.
    expect(rules(await runGate(tempDir(library({ devDependencies: { vitest: '^4.0.0' } }))))).toEqual(['tests/none packages/core/package.json', 'test/no-assertion packages/core/test/pair.test.ts:4']);
  });

  it('takes a run of a Node script that asserts as it runs, which fails the test when the script fails, for a check', async () => {
    // vite's playground: `await execFileAsync('node', ['test-ssr-dev.js'], { cwd })`, the script calling assert.match(…) in a function it runs.
    const script = "import assert from 'node:assert';\nimport { add } from './src/add.js';\nasync function runTest() {\n  assert.equal(add(1, 2), 3);\n}\nrunTest();\n";
    const test = [
      "import { exec, execFile, execFileSync, execSync, spawnSync } from 'node:child_process';",
      "import path from 'node:path';",
      "import { promisify } from 'node:util';",
      "import { execaNode } from 'execa';",
      "import { test } from 'vitest';",
      'const execFileAsync = promisify(execFile);',
      "test('awaited', async () => {\n  await execFileAsync('node', ['--no-warnings', 'check.js'], { cwd: path.dirname(import.meta.dirname) });\n});",
      "test('execa', async () => {\n  await execaNode(path.join(import.meta.dirname, '../check.js'));\n});",
      "test('sync', () => {\n  execSync('node check.js');\n  execFileSync(process.execPath, ['check.js']);\n});",
      "test('status left unread', () => {\n  spawnSync('node', ['check.js']);\n});",
      "test('not awaited', () => {\n  execFileAsync('node', ['check.js']);\n});",
      "test('a script that checks nothing', async () => {\n  await execFileAsync('node', ['build.js']);\n});",
      // child_process's own exec returns at once, whatever the script does; promisified, it rejects when the script fails.
      "test('callback form', async () => {\n  await exec('node check.js');\n});",
      "test('promisified', async () => {\n  const run = promisify(exec);\n  await run('node check.js');\n});",
    ].join('\n');
    const report = await runGate(tempDir({
      'package.json': manifest('app', { test: 'vitest run' }),
      'src/add.js': SOURCE,
      'check.js': script,
      'build.js': "import { add } from './src/add.js';\nconsole.log(add(1, 2));\n",
      'test/run.test.js': `${test}\n`,
    }));
    expect(rules(report)).toEqual(['test/no-assertion test/run.test.js:17', 'test/no-assertion test/run.test.js:20', 'test/no-assertion test/run.test.js:23', 'test/no-assertion test/run.test.js:26']);
  });

  it("takes constants compared with a runner's own expect or assert, in the runner's repository, for a check of the matcher", async () => {
    // vitest's test/unit: `import { expect } from 'vitest'`, `expect(['\\123']).toEqual(['\\123'])` checks vitest's equality on escapes.
    const tested = (dir: string, name: string) => ({
      [`${dir}/package.json`]: manifest(name, { test: 'vitest run' }, { version: '1.0.0' }),
      [`${dir}/src/add.js`]: SOURCE,
      [`${dir}/test/add.test.js`]: REAL_TEST,
    });
    const repository = (runners: Record<string, string>) => tempDir({
      'package.json': manifest('mono', { test: 'npm test --workspaces' }, { private: true, workspaces: ['packages/*'] }),
      ...runners,
      ...tested('packages/core', '@acme/core'),
      'packages/core/test/escaping.test.ts': "import { expect, test } from 'vitest';\nimport * as assert from 'uvu/assert';\ntest('escaping', () => {\n  expect('\\\\123').toEqual('\\\\123');\n});\ntest('uvu', () => {\n  assert.is(1, 1);\n});\n",
      // And the global one (jest's e2e/__tests__/symbol.test.ts: `globalThis.Symbol = undefined; expect({}).toEqual({})`), not one imported from elsewhere.
      'packages/core/test/global.test.ts': "test('symbol deletion', () => {\n  globalThis.Symbol = undefined;\n  expect({}).toEqual({});\n});\n",
      'packages/core/test/playwright.test.ts': "import { expect, test } from '@playwright/test';\ntest('t', () => {\n  expect(1).toBe(1);\n});\n",
    });
    const playwright = 'test/tautology packages/core/test/playwright.test.ts:2';
    expect(rules(await runGate(repository({ ...tested('packages/vitest', 'vitest'), ...tested('packages/uvu', 'uvu') })))).toEqual([playwright]);
    // Elsewhere, and beside packages of the repository that are no runners, they are a tautology.
    expect(rules(await runGate(repository(tested('packages/vitest', '@acme/vitest-helpers'))))).toEqual(['test/tautology packages/core/test/escaping.test.ts:3', 'test/tautology packages/core/test/escaping.test.ts:6', 'test/tautology packages/core/test/global.test.ts:1', playwright]);
  });

  it("takes constants compared with a test library's expect, in that library's own tests, for a check of the library", async () => {
    // @effect/vitest's test/index.test.ts: `it.effect.skipIf(false)('…', () => Effect.sync(() => expect(1).toEqual(1)))` checks its `it.effect`.
    const report = await runGate(tempDir({
      'package.json': manifest('mono', { test: 'vitest run' }, { private: true, workspaces: ['packages/*'] }),
      'packages/vitest-effect/package.json': manifest('@acme/vitest-effect', { test: 'vitest run' }, { version: '1.0.0', main: 'src/index.ts', peerDependencies: { vitest: '^3.0.0' } }),
      'packages/vitest-effect/src/index.ts': "import { it as base } from 'vitest';\nexport { expect } from 'vitest';\nexport const it = Object.assign(base, { effect: (title: string, run: () => Promise<void>) => base(title, () => run()) });\n",
      'packages/vitest-effect/test/index.test.ts': "import { expect, it } from '@acme/vitest-effect';\nit.effect('runs the effect', async () => {\n  expect(1).toEqual(1);\n});\n",
      'packages/core/package.json': manifest('@acme/core', { test: 'vitest run' }, { version: '1.0.0', devDependencies: { '@acme/vitest-effect': '1.0.0' } }),
      'packages/core/src/add.js': SOURCE,
      'packages/core/test/add.test.js': REAL_TEST,
      'packages/core/test/placeholder.test.ts': "import { expect, it } from '@acme/vitest-effect';\nit('placeholder', () => {\n  expect(1).toEqual(1);\n});\n",
    }));
    // Elsewhere the library's expect is the runner's, and a placeholder stays a tautology.
    expect(rules(report)).toEqual(['test/tautology packages/core/test/placeholder.test.ts:2']);
  });

  it("follows the helpers a package under test ships under a testing subpath, and not the rest of its code", async () => {
    const report = await runGate(tempDir({
      'package.json': manifest('mono', { test: 'vitest run' }, { private: true, workspaces: ['packages/*'] }),
      // As effect's `effect/testing`: assertions shipped with the library, on node:assert.
      'packages/schema/package.json': manifest('@acme/schema', { test: 'vitest run' }, { version: '1.0.0', exports: { '.': './src/index.ts', './*': './src/*.ts' } }),
      'packages/schema/src/index.ts': "import assert from 'node:assert';\nexport function parse(text: string) {\n  assert(typeof text === 'string');\n  return { valid: text.length > 0 };\n}\n",
      'packages/schema/src/testing.ts': "import assert from 'node:assert';\nimport { parse } from './index';\nexport function assertValid(text: string) {\n  assert.deepStrictEqual(parse(text), { valid: true });\n}\n",
      'packages/schema/test/parse.test.ts': "import { it } from 'vitest';\nimport { parse } from '@acme/schema';\nimport { assertValid } from '@acme/schema/testing';\nit('parses', () => {\n  assertValid('x');\n});\nit('does not throw', () => {\n  parse('x');\n});\n",
    }));
    expect(rules(report)).toEqual(['test/no-assertion packages/schema/test/parse.test.ts:7']);
  });

  it('counts the tests a workspace helper package declares for the package whose test file calls it', async () => {
    const report = await runGate(tempDir({
      'package.json': manifest('mono', { test: 'jest' }, { private: true, workspaces: ['packages/*', 'scripts/*'] }),
      'scripts/babel-tester/package.json': manifest('babel-tester', {}, { private: true, main: 'src/index.ts' }),
      'scripts/babel-tester/src/index.ts': "import jestInCase from 'jest-in-case';\nexport default (name: string, dirname: string) => jestInCase(name, transform, readFixtures(dirname));\n",
      'packages/babel-plugin/package.json': manifest('@acme/babel-plugin', {}, { version: '1.0.0' }),
      'packages/babel-plugin/src/index.js': SOURCE,
      'packages/babel-plugin/__tests__/macro.js': "import babelTester from 'babel-tester';\nbabelTester('macro', __dirname);\n",
    }));
    expect(rules(report)).toEqual([]);
    expect(report.metrics).toMatchObject({ tests: 1, 'real-tests': 1 });
  });

  it.each([
    ['an empty directory (no checkout)', {}],
    ['a manifest and docs only', { 'package.json': manifest('app'), 'README.md': '# app\n' }],
    ['tool configuration only', { 'package.json': manifest('app'), 'vitest.config.ts': 'export default {};\n', 'dist/index.js': SOURCE }],
  ])('is an error, not a pass, when there is nothing to check: %s', async (_name, files) => {
    const report = await runGate(tempDir(files));
    expect(report.status).toBe('error');
    expect(report.findings[0]?.message).toMatch(/^test-existence: no JavaScript or TypeScript source or test file in .*, so there is nothing to check;/);
  });

  it('respects .gitignore files at every level and never enters node_modules', async () => {
    const cwd = tempDir({
      'package.json': manifest('app'),
      '.gitignore': 'generated/\n',
      'src/add.js': SOURCE,
      'src/add.test.js': REAL_TEST,
      'src/.gitignore': '*.tmp.test.js\n',
      'src/scratch.tmp.test.js': "it('x', () => {});\n",
      'generated/add.test.js': "it('x', () => {});\n",
      'node_modules/dep/index.test.js': "it('x', () => {});\n",
    });
    const report = await runGate(cwd);
    expect(rules(report)).toEqual([]);
    expect(report.metrics['test-files']).toBe(1);
  });

  it('uses test-patterns instead of the conventions, with negations', async () => {
    const cwd = tempDir({
      'package.json': manifest('app'),
      'src/add.js': SOURCE,
      'checks/add.check.js': REAL_TEST,
      'checks/skip.check.js': "it.skip('later', () => {});\n",
      'test/add.test.js': "it('x', () => {});\n",
    });
    const report = await runGate(cwd, { 'test-patterns': ['checks/**/*.check.js', '!checks/skip.check.js'] });
    expect(rules(report)).toEqual([]);
    expect(report.metrics).toMatchObject({ 'test-files': 1, 'real-tests': 1 });
  });

  it('applies levels: off drops a rule, warning keeps it without failing', async () => {
    const cwd = tempDir({
      'package.json': manifest('app'),
      'src/add.js': SOURCE,
      'test/add.test.js': `${REAL_TEST}it('stub', () => {});\nit.skip('later', () => { expect(1).toBe(2); });\n`,
    });
    const defaults = await runGate(cwd);
    expect(defaults.findings.map((finding) => `${finding.rule}:${finding.level}:${finding.line}:${finding.column}`)).toEqual(['test/empty:error:6:1', 'test/skipped:warning:7:1']);
    const relaxed = await runGate(cwd, { levels: { 'test/empty': 'warning', 'test/skipped': 'off' } });
    expect(relaxed.status).toBe('pass');
    expect(relaxed.findings.map((finding) => `${finding.rule}:${finding.level}`)).toEqual(['test/empty:warning']);
    expect(relaxed.metrics.skipped).toBe(1);
  });

  it('reports a file that does not parse and goes on with the others', async () => {
    const cwd = tempDir({
      'package.json': manifest('app'),
      'src/add.js': SOURCE,
      'test/add.test.js': REAL_TEST,
      'test/broken.test.ts': "it('x', () => {\n  expect(1 +).toBe(2);\n",
    });
    const report = await runGate(cwd);
    expect(report.status).toBe('fail');
    expect(rules(report)).toEqual(['test/parse-error test/broken.test.ts:2']);
    expect(report.metrics).toMatchObject({ 'parse-errors': 1, 'real-tests': 1, 'test-files': 2 });
  });

  it('is an error, not a pass, when a directory cannot be read', async () => {
    const cwd = tempDir({ 'package.json': manifest('app'), '.gitignore': 'tmp/\n', 'src/add.js': SOURCE, 'src/add.test.js': REAL_TEST });
    const report = await runGate(path.join(cwd, 'package.json'));
    expect(report.status).toBe('error');
    expect(report.findings[0]?.message).toMatch(/^cannot read directory .*package\.json \(ENOTDIR\); give the job read access/);
    if (process.getuid?.() !== 0) {
      // root reads any directory; elsewhere a directory without permissions must stop the gate too.
      mkdirSync(path.join(cwd, 'locked'));
      chmodSync(path.join(cwd, 'locked'), 0o000);
      const locked = await runGate(cwd);
      chmodSync(path.join(cwd, 'locked'), 0o755);
      expect(locked.findings[0]?.message).toContain('cannot read directory locked (EACCES)');
      // So must a file: a test, a manifest or a .gitignore.
      for (const file of ['src/add.test.js', 'package.json', '.gitignore']) {
        chmodSync(path.join(cwd, file), 0o000);
        const unreadable = await runGate(cwd);
        chmodSync(path.join(cwd, file), 0o644);
        expect(unreadable.findings[0]?.message).toBe(`cannot read ${file} (EACCES); give the job read access to it`);
      }
    }
  });

  it('rejects unknown rules in levels and bad assert-functions with one line', async () => {
    const cwd = tempDir({ 'package.json': manifest('app') });
    const typo = await runGate(cwd, { levels: { 'test/skiped': 'off' } });
    expect(typo.status).toBe('error');
    expect(typo.findings[0]?.message).toBe('test-existence.levels: unknown rule test/skiped; did you mean test/skipped?');
    const pattern = await runGate(cwd, { 'assert-functions': ['request(app).expect'] });
    expect(pattern.findings[0]?.message).toMatch(/^assert-functions: "request\(app\)\.expect" is not a dotted function name/);
  });

  it('documents every metric as an output of the action', async () => {
    const cwd = tempDir({ 'package.json': manifest('app'), 'src/add.js': SOURCE, 'test/add.test.js': REAL_TEST, 'out/junit.xml': '<testsuite><testcase name="a"/></testsuite>' });
    const report = await runGate(cwd, { reports: ['out/junit.xml'] });
    const action = parseYaml(readFileSync(path.resolve(import.meta.dirname, '../../actions/test-existence/action.yml'), 'utf8')) as { outputs: Record<string, unknown> };
    const undocumented = Object.keys(report.metrics).filter((metric) => !(metric in action.outputs));
    expect(Object.keys(report.metrics)).toContain('passed-tests');
    expect(undocumented).toEqual([]);
  });

  it('rejects a package.json that is not JSON', async () => {
    const report = await runGate(tempDir({ 'package.json': '{ "name": ' }));
    expect(report.status).toBe('error');
    expect(report.findings[0]?.message).toMatch(/^package\.json is not valid JSON \(.*\); fix the manifest$/);
  });
});

describe('reports: proof that the tests ran', () => {
  const project = (files: Record<string, string>) =>
    tempDir({ 'package.json': manifest('app'), 'src/add.js': SOURCE, 'test/add.test.js': REAL_TEST, ...files });
  const junit = (cases: string) => `<?xml version="1.0"?>\n<testsuites><testsuite name="a">${cases}</testsuite></testsuites>\n`;

  it('passes when JUnit and jest JSON reports show passed tests', async () => {
    const cwd = project({
      'reports/unit.xml': junit('<testcase name="a"/><testcase name="b"><skipped/></testcase>'),
      'reports/jest.json': JSON.stringify({ numTotalTests: 3, numPassedTests: 2, numFailedTests: 1, numPendingTests: 0, numTodoTests: 0 }),
    });
    const report = await runGate(cwd, { reports: ['reports/*.xml', 'reports/*.json'] });
    expect(rules(report)).toEqual([]);
    expect(report.metrics).toMatchObject({ 'executed-tests': 5, 'passed-tests': 3 });
  });

  it.each([
    ['every test skipped', { 'out/junit.xml': junit('<testcase name="a"><skipped message="x"/></testcase>') }, 'every one of the 1 tests in out/junit.xml was skipped'],
    ['no report at all', {}, 'no test report matches out/*.xml'],
    ['zero tests run', { 'out/junit.xml': junit('') }, 'the reports (out/junit.xml) hold no test at all'],
    ['zero tests run, even with min-tests 0', { 'out/junit.xml': junit('') }, 'hold no test at all', { 'min-tests': 0 }],
    ['only skipped and todo in a JSON summary', { 'out/vitest.json': JSON.stringify({ numTotalTests: 2, numPassedTests: 0, numFailedTests: 0, numPendingTests: 1, numTodoTests: 1 }) }, 'every one of the 2 tests'],
  ])('reports tests/not-executed for %s', async (_name, files, message, settings: Record<string, unknown> = {}) => {
    const report = await runGate(project(files), { reports: ['out/*.xml', 'out/*.json'], ...settings });
    expect(report.findings.map((finding) => finding.rule)).toEqual(['tests/not-executed']);
    expect(report.findings[0]?.message).toContain(message);
  });

  it('is an error, not "no report", when a report directory cannot be read', async () => {
    const cwd = project({});
    symlinkSync('out', path.join(cwd, 'out'));
    const report = await runGate(cwd, { reports: ['out/*.xml'] });
    expect(report.status).toBe('error');
    expect(report.findings[0]?.message).toBe('reports: cannot read directory out (ELOOP); give the job read access to it');
  });

  it('rejects a report it cannot read as one', async () => {
    const report = await runGate(project({ 'out/report.json': '{"tests": []}' }), { reports: ['out/report.json'] });
    expect(report.status).toBe('error');
    expect(report.findings[0]?.message).toBe("reports: out/report.json is neither JUnit XML nor a vitest/jest JSON report; point reports at the runner's JUnit (--reporter=junit) or JSON (--json) output");
  });
});

describe('readiness-gates test-existence (CLI)', () => {
  async function cli(argv: string[], cwd: string) {
    let stdout = '';
    let stderr = '';
    const code = await main(argv, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), env: {}, cwd });
    return { code, stdout, stderr };
  }

  function monorepo(): string {
    return tempDir({
      'package.json': manifest('mono', { test: 'npm test --workspaces' }, { private: true, workspaces: ['packages/*'] }),
      'packages/api/package.json': manifest('api', { test: 'mocha || true' }),
      'packages/api/src/server.js': SOURCE,
      'packages/api/test/server.spec.js': "const assert = require('node:assert');\nit('answers', () => { assert.equal(1, 1); });\n",
      'packages/web/package.json': manifest('web'),
      'packages/web/src/add.ts': SOURCE,
      'packages/web/src/add.test.ts': `${REAL_TEST}it.only('focus', () => { expect(add(2, 2)).toBe(4); });\n`,
    });
  }

  it('prints one JSON report for a monorepo and exits 1 on error findings', async () => {
    const result = await cli(['test-existence', '--format', 'json'], monorepo());
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as GateReport;
    expect(report.gate).toBe('test-existence');
    expect(report.status).toBe('fail');
    expect(rules(report)).toEqual([
      'tests/none packages/api/package.json',
      'script/ignored-exit-code packages/api/package.json:4',
      'test/tautology packages/api/test/server.spec.js:2',
      'test/focused packages/web/src/add.test.ts:6',
    ]);
    expect(report.metrics).toMatchObject({ packages: 3, 'test-files': 2, tests: 3, 'real-tests': 1, tautology: 1, focused: 1 });
  });

  it('takes --min-tests and --test-patterns as flags, and rejects a bad value with exit 2', async () => {
    const cwd = monorepo();
    const strict = await cli(['test-existence', '--format', 'json', '--min-tests', '3', '--test-patterns', 'packages/web/**/*.test.ts'], cwd);
    const report = JSON.parse(strict.stdout) as GateReport;
    expect(report.metrics['test-files']).toBe(1);
    expect(report.findings.filter((finding) => finding.rule === 'tests/none').map((finding) => finding.file)).toEqual(['packages/api/package.json', 'packages/web/package.json']);
    const bad = await cli(['test-existence', '--min-tests', 'some'], cwd);
    expect(bad).toEqual({ code: 2, stdout: '', stderr: expect.stringContaining('--min-tests: a 4-character string is not a whole number') });
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('exits 2 with one line when the config names an unknown rule level', async () => {
    const cwd = monorepo();
    writeFileSync(path.join(cwd, '.github-config.yml'), 'test-existence:\n  levels:\n    test/no-assert: off\n');
    const result = await cli(['test-existence', '--config', '.github-config.yml'], cwd);
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toContain('unknown rule test/no-assert; did you mean test/no-assertion?');
  });
});
