import { describe, expect, it } from 'vitest';
import { executeGate } from '../../src/core/gate.js';
import { silentLogger } from '../../src/core/logger.js';
import type { GateReport } from '../../src/core/report.js';
import { testExistenceGate } from '../../src/test-existence/gate.js';
import { tempDir } from '../helpers/temp.js';

const DEFAULTS = { 'min-tests': 1, 'test-patterns': [], 'assert-functions': [], reports: [], levels: {}, allow: [] };
const REAL_TEST = "import { expect, it } from 'vitest';\nimport { add } from '../src/add';\nit('adds', () => {\n  expect(add(1, 2)).toBe(3);\n});\n";
const SOURCE = 'export const add = (a, b) => a + b;\n';
const PLACEHOLDER = 'echo "Error: no test specified" && exit 1';

function runGate(cwd: string, settings: Record<string, unknown> = {}): Promise<GateReport> {
  return executeGate(testExistenceGate, { ...DEFAULTS, ...settings }, { cwd, env: {}, log: silentLogger, inAction: false, configFile: '.github/readiness-gates.yml' });
}

function rules(report: GateReport): string[] {
  return report.findings.map((finding) => `${finding.rule} ${finding.file ?? ''}`);
}

function manifest(name: string, scripts: Record<string, string> = { test: 'vitest run' }, extra: Record<string, unknown> = {}): string {
  return `${JSON.stringify({ name, scripts, ...extra }, null, 2)}\n`;
}

/** A workspace of packages/* whose root's test script runs theirs, with @acme/core tested, and `files` beside. */
function testedWorkspace(files: Record<string, string>, rootManifest: Record<string, unknown> = { private: true }): Record<string, string> {
  return {
    'package.json': manifest('monorepo', { test: 'npm test --workspaces' }, { workspaces: ['packages/*'], ...rootManifest }),
    'packages/core/package.json': manifest('@acme/core'),
    'packages/core/src/add.js': SOURCE,
    'packages/core/test/add.test.js': REAL_TEST,
    ...files,
  };
}

/** An application with a tested backend and a frontend that has code but no real test. */
function app(frontendScript: string, frontendFiles: Record<string, string> = {}): Record<string, string> {
  return {
    'backend/package.json': manifest('api'),
    'backend/src/add.js': SOURCE,
    'backend/test/add.test.js': REAL_TEST,
    'frontend/package.json': manifest('web', { test: frontendScript }),
    'frontend/src/add.js': SOURCE,
    ...frontendFiles,
  };
}

describe('packages as a user sees them', () => {
  it.each([
    ['npm workspaces', { 'package.json': manifest('mono', { test: 'npm test --workspaces' }, { workspaces: ['backend', 'frontend'] }) }],
    ['yarn workspaces', { 'package.json': manifest('mono', { test: 'yarn workspaces foreach run test' }, { workspaces: { packages: ['*end'] } }), 'yarn.lock': '' }],
    ['pnpm workspaces', { 'package.json': manifest('mono', { test: 'pnpm -r test' }), 'pnpm-workspace.yaml': 'packages:\n  - backend\n  - frontend\n' }],
    ['no workspaces and no root package.json', {}],
  ])('fails the untested frontend of a backend/ + frontend/ app: %s', async (_name, root) => {
    const report = await runGate(tempDir({ ...root, ...app('vitest run') }));
    expect(report.status).toBe('fail');
    expect(rules(report)).toEqual(['tests/none frontend/package.json']);
  });

  it('fails a placeholder test script and one that passes with no tests, package by package', async () => {
    const placeholder = await runGate(tempDir(app(PLACEHOLDER)));
    expect(rules(placeholder)).toEqual(['tests/none frontend/package.json', 'script/placeholder frontend/package.json']);
    const swallowed = await runGate(tempDir(app('vitest run --passWithNoTests || true')));
    expect(rules(swallowed).sort()).toEqual(['script/ignored-exit-code frontend/package.json', 'script/pass-with-no-tests frontend/package.json', 'tests/none frontend/package.json']);
  });

  it('gives a test file to its nearest package', async () => {
    // The frontend's test lives in the frontend: the root has no source, the frontend has its test.
    const report = await runGate(tempDir({ 'package.json': manifest('root'), ...app('vitest run', { 'frontend/test/add.test.js': REAL_TEST }) }));
    expect(report.status).toBe('pass');
    expect(report.metrics).toMatchObject({ packages: 3, 'test-files': 2, 'real-tests': 2 });
  });

  it('leaves out packages named by test-existence.allow, with a reason, until the entry expires', async () => {
    const files = { ...app(PLACEHOLDER, { 'frontend/test/no.test.js': "it('x', () => {})" }), 'tools/gen/package.json': manifest('gen', {}), 'tools/gen/index.js': SOURCE };
    const allowed = await runGate(tempDir(files), { allow: [{ package: 'frontend', reason: 'rewritten next quarter' }, { package: 'gen', reason: 'one-off generator' }, { package: 'legacy/*', reason: 'gone' }] });
    expect(allowed.status).toBe('pass');
    expect(rules(allowed)).toEqual(['policy/unused-exception .github/readiness-gates.yml']);
    expect(allowed.findings[0]?.message).toContain('test-existence.allow[2] (legacy/*)');
    // backend, and the root's files outside every package.
    expect(allowed.metrics).toMatchObject({ packages: 2, 'excluded-packages': 2, 'test-files': 1 });
    const expired = await runGate(tempDir(files), { allow: [{ package: 'frontend', reason: 'later', expires: '2020-01-01' }, { package: 'tools/*', reason: 'generators' }] });
    expect(rules(expired)).toContain('policy/expired-exception .github/readiness-gates.yml');
    expect(rules(expired)).toContain('tests/none frontend/package.json');
  });

  it('needs no tests in example packages, but judges the tests they have where they run', async () => {
    const report = await runGate(tempDir({
      ...app('vitest run', { 'frontend/test/add.test.js': REAL_TEST }),
      'examples/next-app/package.json': manifest('next-app', { test: PLACEHOLDER }),
      'examples/next-app/src/page.js': SOURCE,
      'tutorials/address-book/package.json': manifest('address-book', { dev: 'react-router dev' }, { private: true }),
      'tutorials/address-book/app/root.tsx': SOURCE,
      'playground/package.json': manifest('playground', {}),
      'playground/main.ts': SOURCE,
      // The app a scaffolder copies into new projects (keystone's packages/create/starter).
      'packages/create/starter/package.json': manifest('keystone-app', { dev: 'keystone dev' }, { private: true }),
      'packages/create/starter/keystone.ts': SOURCE,
      // An app its developers try the packages in by hand (next-auth's apps/dev/express).
      'apps/dev/express/package.json': manifest('express-auth-app', { dev: 'tsx watch src/server.ts' }, { private: true }),
      'apps/dev/express/src/server.ts': SOURCE,
      // A docs site, as emotion's site/ is, and the repository's own tooling, as its scripts/babel-tester is.
      'site/package.json': manifest('emotion-site', { develop: 'gatsby develop' }),
      'site/src/pages/index.js': SOURCE,
      'scripts/babel-tester/package.json': manifest('babel-tester', {}),
      'scripts/babel-tester/src/index.ts': SOURCE,
      // An action of the repository's own workflows (next-auth's .github/broken-link-checker).
      '.github/link-checker/package.json': manifest('link-checker', { build: 'ncc build src/index.ts' }, { private: true }),
      '.github/link-checker/src/index.ts': SOURCE,
      // The libraries a test environment pins, as user-event's testenv/libs/dom8 (no name, a dependency, a global).
      'testenv/libs/dom8/package.json': JSON.stringify({ type: 'module', dependencies: { '@testing-library/dom': '^8' } }),
      'testenv/libs/dom8/index.js': "import * as Dom from '@testing-library/dom';\nglobalThis.Dom = Dom;\n",
      // The examples the docs show, which a script of their own runs (node-redis's doctests/, "Code examples for redis.io").
      'doctests/package.json': manifest('redis-doctests', {}, { private: true }),
      'doctests/string-set-get.js': SOURCE,
      'examples/with-tests/package.json': manifest('with-tests'),
      'examples/with-tests/src/add.js': SOURCE,
      'examples/with-tests/test/add.test.js': "it('adds', () => {})",
      '.github/workflows/examples.yml': 'on: pull_request\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: npm test\n        working-directory: examples/with-tests\n',
    }));
    expect(rules(report)).toEqual(['test/empty examples/with-tests/test/add.test.js']);
    expect(report.metrics).toMatchObject({ 'support-packages': 11, 'unrun-example-packages': 0 });
  });

  it('leaves out the tests of an example outside the workspaces that nothing runs', async () => {
    // ava's examples/tap-reporter: `test('unicorn', t => { t.pass() })` shows a reporter's output to whoever runs it by hand.
    const example = (dir: string) => ({ [`${dir}/package.json`]: manifest(dir.split('/').pop()!, { test: 'ava' }), [`${dir}/test.js`]: "import test from 'ava';\ntest('unicorn', t => { t.pass() });\n" });
    const files = { ...app('vitest run', { 'frontend/test/add.test.js': REAL_TEST }), ...example('examples/tap-reporter'), ...example('demos/by-root'), ...example('sandboxes/by-config') };
    const root = (scripts: Record<string, string>) => ({ 'package.json': manifest('app', scripts, { private: true }) });
    const unrun = await runGate(tempDir({ ...files, ...root({ test: 'cd backend && npm test' }) }));
    expect(rules(unrun)).toEqual([]);
    expect(unrun.metrics).toMatchObject({ 'unrun-example-packages': 3 });
    // The root's test runs one, and the root's runner config takes another's files: those are the repository's tests.
    const run = await runGate(tempDir({ ...files, ...root({ test: 'vitest run && npm run test:demo', 'test:demo': 'cd demos/by-root && npm test' }), 'vitest.config.js': "export default { test: { include: ['sandboxes/**/*.js'] } };\n" }));
    expect(rules(run)).toEqual(['test/tautology demos/by-root/test.js', 'test/tautology sandboxes/by-config/test.js']);
    expect(run.metrics).toMatchObject({ 'unrun-example-packages': 1 });
  });

  it('judges a published package whose name only contains a support word, and not a private one', async () => {
    const report = await runGate(tempDir({
      ...app('vitest run', { 'frontend/test/add.test.js': REAL_TEST }),
      'packages/jest-test-result/package.json': manifest('@scope/test-result', {}, { version: '1.0.0' }),
      'packages/jest-test-result/src/add.js': SOURCE,
      'packages/dts-test/package.json': manifest('dts-test', {}, { version: '0.0.0', private: true }),
      'packages/dts-test/src/add.js': SOURCE,
      'packages/sfc/src/download/template/package.json': manifest('starter', {}, { version: '0.0.0' }),
      'packages/sfc/src/download/template/src/main.js': SOURCE,
      // A private package named for what it is, in a folder that does not say it: a benchmark of the compiler's speed.
      'packages/tsc/package.json': manifest('@scope/tsc-perftest', { bench: 'tsx bench/index.ts' }, { version: '1.0.0', private: true }),
      'packages/tsc/bench/index.ts': SOURCE,
      // Published, its name does not make it one.
      'packages/timing/package.json': manifest('@scope/perf', {}, { version: '1.0.0' }),
      'packages/timing/src/index.js': SOURCE,
      // Nor does an app id's placeholder domain: dub's Stripe app, `com.example.dub`, private.
      'packages/stripe-app/package.json': manifest('com.example.dub', { test: 'jest' }, { private: true }),
      'packages/stripe-app/src/oauth.ts': SOURCE,
      // A folder named for fixtures, as ava's npm-init leftover `media/screenshot-fixtures` (with a name and version) is, whatever its package.json says.
      'media/screenshot-fixtures/package.json': manifest('screenshot-fixtures', { test: PLACEHOLDER }, { version: '1.0.0' }),
      'media/screenshot-fixtures/magic-assert-objects.js': "import test from 'ava';\ntest('objects', (t) => { t.deepEqual({ a: 1 }, { a: 2 }); });\n",
      // Below dev/, a published package ships; and dev inside a folder's name is no such folder: a private app's `apps/dev-portal`.
      'dev/cli/package.json': manifest('@scope/dev-cli', {}, { version: '1.0.0' }),
      'dev/cli/src/index.js': SOURCE,
      'apps/dev-portal/package.json': manifest('dev-portal', { dev: 'next dev' }, { private: true }),
      'apps/dev-portal/app/page.tsx': SOURCE,
      // Private, below testing/ the repository's test infrastructure (pnpm's `testing/registry-mock`); published there, a library (`@scope/testing-library`).
      'testing/registry-mock/package.json': manifest('@scope/testing.registry-mock', { test: 'tsc' }, { private: true }),
      'testing/registry-mock/src/index.ts': SOURCE,
      'testing/library/package.json': manifest('@scope/testing-library', {}, { version: '1.0.0' }),
      'testing/library/src/index.ts': SOURCE,
      // Nor does a private package whose name only contains the word: an A/B testing feature of the product.
      'packages/ab-testing/package.json': manifest('@scope/ab-testing', {}, { private: true }),
      'packages/ab-testing/src/index.ts': SOURCE,
      // Published, a package that says it is for tests only is test infrastructure (logto's mock connectors); one that only mentions testing ships.
      'packages/connector-mock-email/package.json': manifest('@scope/connector-mock-email', {}, { version: '1.0.0', description: 'Mock email connector for integration tests only.' }),
      'packages/connector-mock-email/src/index.ts': SOURCE,
      'packages/test-kit/package.json': manifest('@scope/test-kit', {}, { version: '1.0.0', description: 'Helpers for testing only the parts you need' }),
      'packages/test-kit/src/index.ts': SOURCE,
    }));
    expect(rules(report)).toEqual([
      'tests/none apps/dev-portal/package.json',
      'script/missing apps/dev-portal/package.json',
      'tests/none dev/cli/package.json',
      'script/missing dev/cli/package.json',
      'tests/none packages/ab-testing/package.json',
      'script/missing packages/ab-testing/package.json',
      'tests/none packages/jest-test-result/package.json',
      'script/missing packages/jest-test-result/package.json',
      'tests/none packages/stripe-app/package.json',
      'tests/none packages/test-kit/package.json',
      'script/missing packages/test-kit/package.json',
      'tests/none packages/timing/package.json',
      'script/missing packages/timing/package.json',
      'tests/none testing/library/package.json',
      'script/missing testing/library/package.json',
    ]);
    expect(report.metrics).toMatchObject({ 'support-packages': 6 });
  });

  it("needs no tests of a tool's shared config, published or not, nor of a Storybook app, and does of a config loader", async () => {
    const report = await runGate(tempDir({
      ...app('vitest run', { 'frontend/test/add.test.js': REAL_TEST }),
      'packages/config-eslint/package.json': manifest('@acme/config-eslint', {}, { private: true }),
      'packages/config-eslint/react.mjs': "import react from 'eslint-plugin-react';\nexport const config = () => [{ plugins: { react }, rules: { 'react/jsx-key': 'error' } }];\n",
      'packages/prettier/package.json': manifest('prettier-config-acme', {}, { version: '2.0.0' }),
      'packages/prettier/index.js': 'module.exports = { semi: true, printWidth: 110 };\n',
      'tooling/typescript/package.json': manifest('@acme/tsconfig', {}, { private: true }),
      'tooling/typescript/base.js': SOURCE,
      'apps/storybook/package.json': manifest('@acme/stories', { storybook: 'storybook dev -p 6006' }, { private: true }),
      'apps/storybook/src/App.tsx': SOURCE,
      // Code that reads configs is code, and a config of no tool is some app's settings.
      'packages/config-loader/package.json': manifest('@acme/config-loader', {}, { version: '1.0.0' }),
      'packages/config-loader/src/load.js': SOURCE,
      'packages/app-config/package.json': manifest('@acme/app-config', {}, { private: true }),
      'packages/app-config/src/index.js': SOURCE,
      // floating-ui's `config`, not published: the repository's shared build settings. Published, a package of that name is code.
      'config/package.json': manifest('config', { build: 'tsc -b' }, { private: true }),
      'config/src/vite.ts': SOURCE,
      'packages/settings/package.json': manifest('@acme/config', {}, { version: '1.0.0' }),
      'packages/settings/src/index.js': SOURCE,
    }));
    expect(rules(report)).toEqual([
      'tests/none packages/app-config/package.json',
      'script/missing packages/app-config/package.json',
      'tests/none packages/config-loader/package.json',
      'script/missing packages/config-loader/package.json',
      'tests/none packages/settings/package.json',
      'script/missing packages/settings/package.json',
    ]);
    expect(report.metrics).toMatchObject({ 'support-packages': 5 });
  });

  it('needs no tests of a package the root links into its devDependencies by path and does not publish: its tooling', async () => {
    // graphql-js's internal ESLint rules and apollo-client's size-limit plugin: code, outside any workspace, that only the root's tools load.
    const tree = (devDependencies: Record<string, string>, pluginManifest: Record<string, unknown> = { private: true }) =>
      tempDir({
        'package.json': manifest('lib', { test: 'vitest run' }, { devDependencies }),
        'src/add.js': SOURCE,
        'test/add.test.js': REAL_TEST,
        'resources/eslint-internal-rules/package.json': manifest('eslint-plugin-internal', {}, pluginManifest),
        'resources/eslint-internal-rules/index.js': "module.exports = { rules: { 'only-ascii': { create: (context) => ({ Literal(node) { if (/[^\\x00-\\x7f]/.test(node.value)) context.report({ node, message: 'ascii only' }); } }) } } };\n",
      });
    const untested = ['tests/none resources/eslint-internal-rules/package.json', 'script/missing resources/eslint-internal-rules/package.json'];
    const linked = await runGate(tree({ 'eslint-plugin-internal': 'file:./resources/eslint-internal-rules', vitest: '^3.0.0' }));
    expect(rules(linked)).toEqual([]);
    expect(linked.metrics).toMatchObject({ 'support-packages': 1 });
    expect(rules(await runGate(tree({ 'eslint-plugin-internal': 'link:resources/eslint-internal-rules/' })))).toEqual([]);
    // Not linked, or published under a name and version, it is a package like any other.
    expect(rules(await runGate(tree({ vitest: '^3.0.0' })))).toEqual(untested);
    expect(rules(await runGate(tree({ 'eslint-plugin-internal': 'file:./resources/eslint-internal-rules' }, { version: '1.0.0' })))).toEqual(untested);
  });

  it("needs no tests of the repository's own commands, which its packages take as devDependencies only", async () => {
    // commitlint's @commitlint/utils: private, its bin `dep-check` and `pkg-check`, in every member's devDependencies.
    const tree = (utils: Record<string, unknown>, coreManifest: Record<string, unknown>) => tempDir(testedWorkspace({
      'packages/utils/package.json': manifest('@acme/utils', {}, { private: true, ...utils }),
      'packages/utils/dep-check.js': "#!/usr/bin/env node\nimport { readFileSync } from 'node:fs';\nconst manifest = JSON.parse(readFileSync('package.json', 'utf8'));\nif (!manifest.dependencies) process.exit(1);\n",
      'packages/core/package.json': manifest('@acme/core', { test: 'vitest run', pretest: 'dep-check' }, coreManifest),
    }));
    const untested = ['tests/none packages/utils/package.json', 'script/missing packages/utils/package.json'];
    expect(rules(await runGate(tree({ bin: { 'dep-check': './dep-check.js' } }, { devDependencies: { '@acme/utils': 'workspace:^' } })))).toEqual([]);
    // Not a command, or a dependency of a package, or published: a package like any other.
    expect(rules(await runGate(tree({ main: './dep-check.js' }, { devDependencies: { '@acme/utils': 'workspace:^' } })))).toEqual(untested);
    expect(rules(await runGate(tree({ bin: { 'dep-check': './dep-check.js' } }, { dependencies: { '@acme/utils': 'workspace:^' } })))).toEqual(untested);
    expect(rules(await runGate(tree({ bin: { 'dep-check': './dep-check.js' }, private: false, version: '1.0.0' }, { devDependencies: { '@acme/utils': 'workspace:^' } })))).toEqual(untested);
  });

  it('counts a package that another package runs its suite against, by an environment variable of its test scripts, as tested by that suite', async () => {
    const files = (coreTest: string) => ({
      'package.json': manifest('orm', { test: 'npm test --workspaces' }, { private: true, workspaces: ['packages/*'] }),
      // As sequelize's core: its suite runs once per dialect, the dialect's package chosen by DIALECT.
      'packages/core/package.json': manifest('@orm/core', { test: 'npm run test-unit-db2 && npm run test-unit-sqlite', 'test-unit-db2': 'cross-env DIALECT=db2 mocha test', 'test-unit-sqlite': 'DIALECT=sqlite SERVICE=oracle mocha test' }, { version: '1.0.0' }),
      'packages/core/src/add.js': SOURCE,
      'packages/core/test/add-test.js': coreTest,
      'packages/db2/package.json': manifest('@orm/db2', { test: 'tsc --noEmit' }, { version: '1.0.0' }),
      'packages/db2/src/dialect.js': SOURCE,
      'packages/sqlite/package.json': manifest('@orm/sqlite-dialect', { test: 'tsc --noEmit' }, { version: '1.0.0' }),
      'packages/sqlite/src/dialect.js': SOURCE,
      // Named by a test script, but not imported by the tests: the value may mean anything.
      'packages/oracle/package.json': manifest('@orm/oracle', { test: 'tsc --noEmit' }, { version: '1.0.0' }),
      'packages/oracle/src/dialect.js': SOURCE,
    });
    const real = "const assert = require('node:assert');\nconst dialects = { db2: require('@orm/db2'), sqlite: require('@orm/sqlite-dialect') };\nit('adds', () => {\n  assert.equal(require('../src/add.js').add(1, 2), 3);\n});\n";
    expect(rules(await runGate(tempDir(files(real))))).toEqual(['tests/none packages/oracle/package.json']);
    // A suite without a real test tests nothing.
    expect(rules(await runGate(tempDir(files("const dialects = [require('@orm/db2'), require('@orm/sqlite-dialect')];\nit('adds', () => {});\n"))))).toEqual([
      'tests/none packages/core/package.json',
      'test/empty packages/core/test/add-test.js',
      'tests/none packages/db2/package.json',
      'tests/none packages/oracle/package.json',
      'tests/none packages/sqlite/package.json',
    ]);
  });

  it("counts an app the end-to-end suite's web server starts as tested by that suite", async () => {
    const E2E_TEST = "import { expect, test } from '@playwright/test';\ntest('submits', async ({ page }) => {\n  await page.goto('/');\n  await expect(page.getByText('Sent')).toBeVisible();\n});\n";
    const suite = (config: string, rootScripts: Record<string, string>, extra: Record<string, string> = {}) =>
      tempDir({
        'package.json': manifest('forms', { test: 'vitest run', e2e: 'playwright test', ...rootScripts }, { version: '1.0.0' }),
        'src/add.js': SOURCE,
        'test/add.test.js': REAL_TEST,
        'e2e/submit.spec.ts': E2E_TEST,
        'playwright.config.ts': `import { defineConfig } from '@playwright/test';\nexport default defineConfig({ testDir: './e2e', ${config} });\n`,
        // As react-hook-form's app/: a published name and version, no test script, started by the suite.
        'app/package.json': manifest('forms-app', { dev: 'vite' }, { version: '0.0.0' }),
        'app/src/main.js': SOURCE,
        ...extra,
      });
    // A script of the root that changes to the app's folder.
    expect(rules(await runGate(suite("webServer: { command: 'pnpm start', url: 'http://localhost:3000' }", { start: 'pnpm build && cd ./app && pnpm install && pnpm run dev' })))).toEqual([]);
    // A server's cwd, among several; a package manager told the folder.
    expect(rules(await runGate(suite("webServer: [{ command: 'npm run dev', cwd: './app' }]", {})))).toEqual([]);
    expect(rules(await runGate(suite("webServer: { command: 'npm --prefix app run dev' }", {})))).toEqual([]);
    // A web server of the root's own code, or a suite with no real test, tests no other package.
    const untested = ['tests/none app/package.json', 'script/missing app/package.json'];
    expect(rules(await runGate(suite("webServer: { command: 'pnpm start' }", { start: 'vite preview' })))).toEqual(untested);
    const emptySuite = suite("webServer: { command: 'npm --prefix app run dev' }", {}, { 'test/add.test.js': "it('adds', () => {});\n", 'e2e/submit.spec.ts': "import { test } from '@playwright/test';\ntest('opens', async ({ page }) => { await page.goto('/'); });\n" });
    expect(rules(await runGate(emptySuite))).toEqual([...untested, 'test/no-assertion e2e/submit.spec.ts', 'tests/none package.json', 'test/empty test/add.test.js']);
    // Real unit tests do not make an end-to-end suite with no real test test the app.
    const noE2eCheck = suite("webServer: { command: 'npm --prefix app run dev' }", {}, { 'e2e/submit.spec.ts': "import { test } from '@playwright/test';\ntest('opens', async ({ page }) => { await page.goto('/'); });\n" });
    expect(rules(await runGate(noE2eCheck))).toEqual([...untested, 'test/no-assertion e2e/submit.spec.ts']);
    // A server outside the project serves none of its packages.
    expect(rules(await runGate(suite("webServer: { command: 'cd /srv && cd app && npm run dev' }", {})))).toEqual(untested);
  });

  it('judges the browser tests of apps placed as fixtures, and counts what the apps are built on as tested by them', async () => {
    const E2E_TEST = "import { expect, test } from '@playwright/test';\ntest('loads', async ({ page }) => {\n  await page.goto('/');\n  await expect(page.getByText('Hello')).toBeVisible();\n});\n";
    const PLAYWRIGHT_CONFIG = "import { defineConfig } from '@playwright/test';\nconst PORT = await derivePort();\nexport default defineConfig({ testDir: './tests', webServer: { command: `PORT=${PORT} pnpm start` } });\n";
    // As TanStack Router's e2e/<framework>/<app>: apps on the workspace's packages, each with the Playwright suite that checks it.
    const router = (appScripts: Record<string, string>, spec = E2E_TEST) => tempDir({
      'package.json': manifest('router', { test: 'pnpm -r test' }, { private: true }),
      'pnpm-workspace.yaml': "packages:\n  - 'packages/*'\n  - 'e2e/**'\n",
      'packages/router/package.json': manifest('@acme/router', { test: 'vitest run' }),
      'packages/router/src/add.js': SOURCE,
      'packages/router/test/add.test.js': REAL_TEST,
      'packages/start/package.json': manifest('@acme/start', { build: 'vite build' }, { dependencies: { '@acme/start-server': 'workspace:^' } }),
      'packages/start/src/index.js': SOURCE,
      'packages/start-server/package.json': manifest('@acme/start-server', { build: 'vite build' }),
      'packages/start-server/src/index.js': SOURCE,
      'e2e/react-start/basic/package.json': manifest('e2e-basic', appScripts, { private: true, dependencies: { '@acme/start': 'workspace:^', '@acme/router': 'workspace:^' } }),
      'e2e/react-start/basic/playwright.config.ts': PLAYWRIGHT_CONFIG,
      'e2e/react-start/basic/src/routes/index.tsx': SOURCE,
      'e2e/react-start/basic/tests/app.spec.ts': spec,
    });
    const app = await runGate(router({ dev: 'vite dev', 'test:e2e': 'rm -rf port*.txt; playwright test --project=chromium' }));
    expect(rules(app)).toEqual([]);
    expect(app.metrics).toMatchObject({ 'fixture-packages': 0, 'test-files': 2, 'tested-by-test-packages': 2 });
    // Its tests are judged as any others are.
    expect(rules(await runGate(router({ 'test:e2e': 'playwright test' }, "import { test } from '@playwright/test';\ntest('placeholder test', async () => {});\n")))).toEqual([
      'test/empty e2e/react-start/basic/tests/app.spec.ts', 'tests/none packages/start-server/package.json', 'script/missing packages/start-server/package.json', 'tests/none packages/start/package.json', 'script/missing packages/start/package.json',
    ]);
    // An app whose scripts run no browser tests is a fixture, as jest's e2e/<case>/ are: nothing in it is judged, and it tests nothing.
    const fixture = await runGate(router({ dev: 'vite dev', build: 'vite build' }));
    expect(rules(fixture)).toEqual(['tests/none packages/start-server/package.json', 'script/missing packages/start-server/package.json', 'tests/none packages/start/package.json', 'script/missing packages/start/package.json']);
    expect(fixture.metrics).toMatchObject({ 'fixture-packages': 1, 'test-files': 1 });

    // As sveltekit's adapters: test apps in the adapter's test folder, loading it by path, not by name; a package of tests in
    // another's test folder tests that package.
    const adapter = (appTest: string) => tempDir({
      'package.json': manifest('kit', { test: 'pnpm -r test' }, { private: true }),
      'pnpm-workspace.yaml': "packages:\n  - 'packages/*'\n  - 'packages/*/test/apps/*'\n",
      'packages/adapter-static/package.json': manifest('@acme/adapter-static', { test: 'pnpm -r --filter "./test/**" test' }),
      'packages/adapter-static/index.js': SOURCE,
      'packages/adapter-static/test/apps/spa/package.json': manifest('test-spa', { build: 'vite build', test: appTest }, { private: true }),
      // Its config is the adapter's tests' shared one, exported by name.
      'packages/adapter-static/test/apps/spa/playwright.config.js': "export { config as default } from '../../utils.js';\n",
      'packages/adapter-static/test/utils.js': "export const config = { testDir: 'test', webServer: { command: 'pnpm build && pnpm preview', port: 5173 } };\n",
      'packages/adapter-static/test/apps/spa/src/routes/page.js': SOURCE,
      'packages/adapter-static/test/apps/spa/test/test.js': E2E_TEST,
    });
    expect(rules(await runGate(adapter('playwright test')))).toEqual([]);
    expect(rules(await runGate(adapter('vite build')))).toEqual(['tests/none packages/adapter-static/package.json']);
  });

  it('counts the apps the scripts of a Playwright suite start before it, and the packages they load from the repository, as tested by it', async () => {
    const E2E_TEST = "import { expect, test } from '@playwright/test';\ntest('signs in', async ({ page }) => {\n  await page.goto('/');\n  await expect(page.getByText('Welcome')).toBeVisible();\n});\n";
    // As documenso's packages/app-tests: the suite starts the app by its workspace name, then runs Playwright.
    const monorepo = (testScript: string, extra: Record<string, string> = {}) =>
      tempDir({
        'package.json': manifest('monorepo', { test: 'npm test --workspaces --if-present' }, { private: true, workspaces: ['apps/*', 'packages/*'] }),
        'packages/e2e/package.json': manifest('@acme/e2e', { 'test:e2e': testScript, serve: 'npm run start -w @acme/web' }, { private: true }),
        'packages/e2e/playwright.config.ts': "import { defineConfig } from '@playwright/test';\nexport default defineConfig({ testDir: './tests' });\n",
        'packages/e2e/tests/sign-in.spec.ts': E2E_TEST,
        'apps/web/package.json': manifest('@acme/web', { start: 'node server.js', build: 'vite build' }, { private: true, dependencies: { '@acme/ui': '*' } }),
        'apps/web/server.js': SOURCE,
        // What the app loads from the repository, and what that loads in turn.
        'packages/ui/package.json': manifest('@acme/ui', { build: 'tsc' }, { private: true, dependencies: { '@acme/tokens': '*' } }),
        'packages/ui/src/button.js': SOURCE,
        'packages/tokens/package.json': manifest('@acme/tokens', { build: 'tsc' }, { private: true }),
        'packages/tokens/src/colors.js': SOURCE,
        // Nothing the app loads: still untested.
        'packages/mailer/package.json': manifest('@acme/mailer', { build: 'tsc' }, { private: true }),
        'packages/mailer/src/send.js': SOURCE,
        ...extra,
      });
    // The suite's own package is a support package (e2e): it needs no test script.
    const mailerOnly = ['tests/none packages/mailer/package.json', 'script/missing packages/mailer/package.json'];
    for (const script of [
      'start-server-and-test "npm run start -w @acme/web" http://localhost:3000 "playwright test"',
      'start-server-and-test "npm run start --workspace=apps/web" http://localhost:3000 "playwright test"',
      'start-server-and-test "pnpm --filter @acme/web start" http://localhost:3000 "playwright test"',
      'start-server-and-test "yarn workspace @acme/web start" http://localhost:3000 "playwright test"',
      // A server named by a script of the suite's package.
      'NODE_ENV=test start-server-and-test serve http://localhost:3000 "playwright test"',
      'concurrently -k -s first "npm run start -w @acme/web" "wait-on http://localhost:3000 && playwright test"',
    ]) {
      expect(rules(await runGate(monorepo(script))), script).toEqual(mailerOnly);
    }
    // A script that starts the app but runs no Playwright, or a suite with no real test, tests nothing through it.
    const untested = ['apps/web', 'packages/mailer', 'packages/tokens', 'packages/ui'].flatMap((dir) => [`tests/none ${dir}/package.json`, `script/missing ${dir}/package.json`]);
    expect(rules(await runGate(monorepo('start-server-and-test "npm run start -w @acme/web" http://localhost:3000 "vitest run"'))).sort()).toEqual([...untested].sort());
    const noCheck = monorepo('start-server-and-test "npm run start -w @acme/web" http://localhost:3000 "playwright test"', { 'packages/e2e/tests/sign-in.spec.ts': "import { test } from '@playwright/test';\ntest('opens', async ({ page }) => { await page.goto('/'); });\n" });
    expect(rules(await runGate(noCheck)).sort()).toEqual([...untested, 'test/no-assertion packages/e2e/tests/sign-in.spec.ts'].sort());
  });

  it('counts the app the scripts of a Cypress suite start before it as tested by it, the tests named by a script', async () => {
    const suite = (scripts: Record<string, string>, spec = "describe('sign in', () => { it('welcomes', () => { cy.visit('/'); cy.contains('Welcome') }) });\n") =>
      tempDir({
        'package.json': manifest('monorepo', { test: 'npm test --workspaces --if-present' }, { private: true, workspaces: ['web', 'e2e'] }),
        'e2e/package.json': manifest('e2e', scripts, { private: true }),
        'e2e/cypress.config.ts': "import { defineConfig } from 'cypress';\nexport default defineConfig({ e2e: { baseUrl: 'http://localhost:3000' } });\n",
        'e2e/cypress/e2e/sign-in.cy.ts': spec,
        'web/package.json': manifest('web', { start: 'node server.js' }, { private: true }),
        'web/server.js': SOURCE,
      });
    const untested = ['tests/none web/package.json', 'script/missing web/package.json'];
    expect(rules(await runGate(suite({ 'test:e2e': 'start-server-and-test "npm run start -w web" http://localhost:3000 cy:run', 'cy:run': 'cypress run' })))).toEqual([]);
    expect(rules(await runGate(suite({ 'test:e2e': 'start-server-and-test "npm --prefix ../web start" http://localhost:3000 "cypress run --browser chrome"' })))).toEqual([]);
    // The last argument runs no Cypress, or the suite checks nothing: the app is not tested through it.
    expect(rules(await runGate(suite({ 'test:e2e': 'start-server-and-test "npm run start -w web" http://localhost:3000 lint', lint: 'eslint .', 'cy:run': 'cypress run' })))).toEqual(untested);
    expect(rules(await runGate(suite({ 'test:e2e': 'start-server-and-test "npm run start -w web" http://localhost:3000 cy:run', 'cy:run': 'cypress run' }, "it('opens', () => { cy.visit('/') });\n"))).sort()).toEqual([...untested, 'test/no-assertion e2e/cypress/e2e/sign-in.cy.ts'].sort());
  });

  it("takes an Nx project's test target for its test script: in project.json, package.json nx, or inferred by a plugin from its runner config", async () => {
    const NX_PLUGINS = JSON.stringify({ plugins: [{ plugin: '@nx/jest/plugin', options: { targetName: 'test' } }, '@nx/vite/plugin'] });
    const lib = (dir: string, extra: Record<string, unknown> = {}, files: Record<string, string> = {}) => ({
      [`${dir}/package.json`]: manifest(`@acme/${dir.split('/').pop()}`, {}, { private: true, ...extra }),
      [`${dir}/src/add.ts`]: SOURCE,
      [`${dir}/src/add.spec.ts`]: REAL_TEST.replace('../src/add', './add'),
      ...files,
    });
    const workspace = (nx: string | undefined) =>
      tempDir({
        'package.json': manifest('acme', { test: 'nx run-many -t test' }, { private: true, workspaces: ['libs/*'] }),
        ...(nx === undefined ? {} : { 'nx.json': nx }),
        ...lib('libs/inferred-jest', {}, { 'libs/inferred-jest/jest.config.ts': "export default { displayName: 'inferred-jest' };\n" }),
        ...lib('libs/inferred-vite', {}, { 'libs/inferred-vite/vite.config.ts': 'export default {};\n' }),
        ...lib('libs/project', {}, { 'libs/project/project.json': JSON.stringify({ name: 'project', targets: { test: { executor: '@nx/jest:jest' } } }) }),
        ...lib('libs/manifest', { nx: { targets: { 'test:unit': { command: 'vitest run' } } } }),
        ...lib('libs/untargeted', {}, { 'libs/untargeted/project.json': JSON.stringify({ name: 'untargeted', targets: { build: {} } }) }),
      });
    const missing = (dirs: string[]) => dirs.map((dir) => `script/missing ${dir}/package.json`);
    expect(rules(await runGate(workspace(NX_PLUGINS)))).toEqual(missing(['libs/untargeted']));
    // @nx/vitest, which took vitest over from @nx/vite's plugin, infers from the vite config too, and jest's plugin is not there.
    expect(rules(await runGate(workspace(JSON.stringify({ plugins: [{ plugin: '@nx/vitest', options: { testTargetName: 'test' } }] }))))).toEqual(missing(['libs/inferred-jest', 'libs/untargeted']));
    // Without the plugins, only the targets written down run; without nx.json, none.
    expect(rules(await runGate(workspace('{}')))).toEqual(missing(['libs/inferred-jest', 'libs/inferred-vite', 'libs/untargeted']));
    expect(rules(await runGate(workspace(undefined)))).toEqual(missing(['libs/inferred-jest', 'libs/inferred-vite', 'libs/manifest', 'libs/project', 'libs/untargeted']));
  });

  it("checks the scripts by other names that the workspace root's test runs in its members, as it checks their own test scripts", async () => {
    // As TanStack Router's: the root's test runs `nx run-many --targets=test:unit,…` over the members' scripts, and a member that
    // has tests and no "test" script stubs its unit tests out with `exit 0; vitest`.
    const member = (dir: string, scripts: Record<string, string>) => ({
      [`${dir}/package.json`]: manifest(`@acme/${dir.split('/').pop()}`, scripts, { private: true }),
      [`${dir}/src/add.ts`]: SOURCE,
      [`${dir}/tests/add.test.ts`]: REAL_TEST,
    });
    const workspace = (rootScripts: Record<string, string>, tool: Record<string, string> = {}) =>
      tempDir({
        'package.json': manifest('acme', rootScripts, { private: true, workspaces: ['packages/*'] }),
        ...tool,
        ...member('packages/stubbed', { 'test:eslint': 'eslint ./src', 'test:unit': 'exit 0; vitest' }),
        ...member('packages/unrun', { 'test:unit': 'exit 0; vitest', 'test:e2e': 'vitest run || true' }),
        ...member('packages/running', { test: 'pnpm test:unit', 'test:unit': 'vitest run' }),
      });
    const stubbed = ['script/ignored-exit-code packages/stubbed/package.json'];
    const nx = { 'nx.json': '{}' };
    expect(rules(await runGate(workspace({ test: 'pnpm run test:ci', 'test:ci': 'nx run-many --targets=test:eslint,test:unit --exclude=examples/**' }, nx)))).toEqual([...stubbed, 'script/ignored-exit-code packages/unrun/package.json']);
    // turbo and the package managers hand a script of that name to the members all the same; only the scripts they run are the members'
    // tests, and a member they leave out runs none.
    const unrun = ['script/missing packages/unrun/package.json'];
    expect(rules(await runGate(workspace({ test: 'turbo run test:unit --filter=./packages/stubbed' })))).toEqual([...stubbed, ...unrun]);
    expect(rules(await runGate(workspace({ test: 'pnpm -r --filter @acme/stubbed run test:unit' })))).toEqual([...stubbed, ...unrun]);
    expect(rules(await runGate(workspace({ test: 'nx affected -t test:e2e' }, nx)))).toEqual(['script/missing packages/stubbed/package.json', 'script/ignored-exit-code packages/unrun/package.json']);
    // A root that runs no script of the members leaves them to their own.
    expect(rules(await runGate(workspace({ test: 'vitest run' })))).toEqual([]);
  });

  it("takes an Angular CLI project's test target for its test script: `ng test` runs every project's", async () => {
    // As ngx-translate's: libraries in projects/, each with a package.json for ng-packagr and no scripts; no workspaces name them.
    const lib = (dir: string) => ({
      [`${dir}/package.json`]: manifest(`@acme/${dir.split('/').pop()}`, {}),
      [`${dir}/src/add.ts`]: SOURCE,
      [`${dir}/src/add.spec.ts`]: REAL_TEST.replace('../src/add', './add'),
    });
    const angular = {
      version: 1,
      projects: {
        core: { projectType: 'library', root: 'projects/core', architect: { build: { builder: '@angular/build:ng-packagr' }, test: { builder: '@angular/build:karma' } } },
        loader: { projectType: 'library', root: 'projects/loader/', targets: { 'test-ci': { builder: '@angular/build:unit-test' } } },
        icons: { projectType: 'library', root: 'projects/icons', architect: { build: { builder: '@angular/build:ng-packagr' } } },
      },
    };
    const workspace = (angularJson: string | undefined) =>
      tempDir({
        'package.json': manifest('acme', { test: 'ng test --watch=false' }),
        ...(angularJson === undefined ? {} : { 'angular.json': angularJson }),
        ...lib('projects/core'),
        ...lib('projects/loader'),
        ...lib('projects/icons'),
      });
    expect(rules(await runGate(workspace(JSON.stringify(angular))))).toEqual(['script/missing projects/icons/package.json']);
    expect(rules(await runGate(workspace(undefined)))).toEqual(['projects/core', 'projects/icons', 'projects/loader'].map((dir) => `script/missing ${dir}/package.json`));
  });

  it('credits the packages a package of tests imports, when its other files only support its tests', async () => {
    const SPEC = "import { expect, test } from '@playwright/test';\nimport { seedUser } from '@acme/db';\nimport { USER } from '../constants/users';\ntest('signs in', async ({ page }) => {\n  await seedUser(USER);\n  await page.goto('/');\n  await expect(page.getByText(USER.name)).toBeVisible();\n});\n";
    // As documenso's packages/app-tests: specs, constants they share, test scripts only, and npm's default `main` naming no file.
    const workspace = (testsManifest: Record<string, unknown>, extra: Record<string, string> = {}) =>
      tempDir({
        'package.json': manifest('monorepo', { test: 'npm test --workspaces --if-present' }, { private: true, workspaces: ['packages/*'] }),
        'packages/app-tests/package.json': `${JSON.stringify({ name: '@acme/app-tests', version: '0.0.0', main: 'index.js', ...testsManifest })}\n`,
        'packages/app-tests/e2e/sign-in.spec.ts': SPEC,
        'packages/app-tests/e2e/sign-out.spec.ts': SPEC.replace('signs in', 'signs out'),
        'packages/app-tests/constants/users.ts': "export const USER = { name: 'Ada' };\n",
        'packages/db/package.json': manifest('@acme/db', { build: 'tsc' }, { private: true }),
        'packages/db/src/seed.js': SOURCE,
        ...extra,
      });
    const tested = await runGate(workspace({ scripts: { 'test:e2e': 'playwright test', 'test:ui': 'playwright test --ui', lint: 'eslint .' } }));
    expect(rules(tested)).toEqual(['script/missing packages/app-tests/package.json']);
    expect(tested.metrics).toMatchObject({ 'tested-by-test-packages': 1 });
    // A placeholder in the tested package points at those tests (node-postgres's pg-cloudflare: `echo e2e test in pg package`).
    const pointed = { 'packages/db/package.json': manifest('@acme/db', { build: 'tsc', test: 'echo "tested in app-tests"' }, { private: true }) };
    expect(rules(await runGate(workspace({ scripts: { 'test:e2e': 'playwright test' } }, pointed)))).toEqual(['script/missing packages/app-tests/package.json']);
    const dbUntested = ['tests/none packages/db/package.json', 'script/missing packages/db/package.json'];
    // A package that builds or starts something is an app or a library, whose tests do not test what they import.
    expect(rules(await runGate(workspace({ scripts: { 'test:e2e': 'playwright test', build: 'tsc' } })))).toEqual(expect.arrayContaining(dbUntested));
    // So is one with an entry point, or one another package depends on.
    expect(rules(await runGate(workspace({ scripts: { 'test:e2e': 'playwright test' } }, { 'packages/app-tests/index.js': SOURCE })))).toEqual(expect.arrayContaining(dbUntested));
    // So is one whose tests do not outnumber its other files, as a service's with test scripts only.
    const service = { 'packages/app-tests/constants/admins.ts': "export const ADMIN = { name: 'Grace' };\n" };
    expect(rules(await runGate(workspace({ scripts: { 'test:e2e': 'playwright test' } }, service)))).toEqual(expect.arrayContaining(dbUntested));
    const dependedOn = { 'packages/web/package.json': manifest('@acme/web', { test: 'vitest run' }, { private: true, devDependencies: { '@acme/app-tests': '*' } }), 'packages/web/src/add.js': SOURCE, 'packages/web/test/add.test.js': REAL_TEST };
    expect(rules(await runGate(workspace({ scripts: { 'test:e2e': 'playwright test' } }, dependedOn)))).toEqual(expect.arrayContaining(dbUntested));
  });

  it('credits the packages a package of integration tests uses built: in projects it writes, or by the path of their build', async () => {
    // As tailwindcss's integrations/: no scripts (the root runs `vitest --root=./integrations`), tests that write projects depending on
    // `"@tailwindcss/vite": "workspace:^"` in template strings, and one that runs the standalone package's binary from its dist/.
    const VITE_TEST = "import { expect, test } from 'vitest';\nimport { build } from '../utils';\ntest('builds', async () => {\n  const out = await build({\n    'package.json': `{ \"devDependencies\": { \"@acme/vite\": \"workspace:^\" } }`,\n    'vite.config.ts': `import plugin from '@acme/vite'\\nexport default { plugins: [plugin()] }`,\n  });\n  expect(out).toContain('.flex');\n});\n";
    const CLI_TEST = "import path from 'node:path';\nimport { expect, test } from 'vitest';\nimport { run } from '../utils';\nconst binary = process.platform === 'win32' ? 'cli.exe' : 'cli';\ntest('runs the binary', async () => {\n  expect(await run(path.resolve(__dirname, `../../packages/standalone/${'dist'}/${binary}`))).toContain('done');\n  expect(await run(path.resolve(__dirname, `../../packages/standalone/dist/${binary}`))).toContain('done');\n});\n";
    const workspace = (integrations: Record<string, string>, integrationsManifest: Record<string, unknown> = {}) =>
      tempDir({
        'package.json': manifest('monorepo', { test: 'vitest run', 'test:integrations': 'vitest --root=./integrations' }, { private: true, workspaces: ['packages/*', 'integrations'] }),
        'packages/core/package.json': manifest('@acme/core', { test: 'vitest run' }, { version: '1.0.0' }),
        'packages/core/src/add.js': SOURCE,
        'packages/core/test/add.test.js': REAL_TEST,
        'packages/vite/package.json': manifest('@acme/vite', { build: 'tsc' }, { version: '1.0.0' }),
        'packages/vite/src/index.ts': SOURCE,
        'packages/standalone/package.json': manifest('@acme/standalone', { build: 'bun build --compile' }, { version: '1.0.0' }),
        'packages/standalone/src/index.ts': SOURCE,
        'integrations/package.json': `${JSON.stringify({ name: 'internal-integrations', private: true, ...integrationsManifest })}\n`,
        'integrations/utils.ts': "export async function build(files) { return ''; }\nexport async function run(command) { return ''; }\n",
        ...integrations,
      });
    const untested = (dir: string) => [`tests/none packages/${dir}/package.json`];
    expect(rules(await runGate(workspace({ 'integrations/vite/index.test.ts': VITE_TEST, 'integrations/cli/standalone.test.ts': CLI_TEST })))).toEqual([]);
    // A path into the package that is not its build, or out of the repository, uses nothing built.
    const elsewhere = CLI_TEST.replaceAll('/dist/', '/fixtures/').replace("${'dist'}", 'fixtures');
    expect(rules(await runGate(workspace({ 'integrations/vite/index.test.ts': VITE_TEST, 'integrations/cli/standalone.test.ts': elsewhere })))).toEqual(untested('standalone'));
    // A package with scripts that build or start it is an app, whose tests do not test what they use.
    expect(rules(await runGate(workspace({ 'integrations/vite/index.test.ts': VITE_TEST }, { scripts: { build: 'vite build' } })))).toEqual(expect.arrayContaining(untested('vite')));
    // Nor is one whose index.js, Node's default entry, exists: a library.
    const library = { 'integrations/vite/index.test.ts': VITE_TEST, 'integrations/vite/dev.test.ts': VITE_TEST, 'integrations/vite/preview.test.ts': VITE_TEST };
    expect(rules(await runGate(workspace(library)))).toEqual(untested('standalone'));
    expect(rules(await runGate(workspace({ ...library, 'integrations/index.js': SOURCE })))).toEqual(expect.arrayContaining(untested('vite')));
    // Nor is one with a src/ folder: code of its own.
    expect(rules(await runGate(workspace({ ...library, 'integrations/src/mount.js': SOURCE })))).toEqual(expect.arrayContaining(untested('vite')));
  });

  it('needs no tests in private integration projects, but does in a published package of integrations', async () => {
    const report = await runGate(tempDir({
      ...app('vitest run', { 'frontend/test/add.test.js': REAL_TEST }),
      // Apps that only build against the workspace's packages, to check that they bundle.
      'integrations/react-vite/package.json': manifest('react-vite', { build: 'vite build' }, { private: true }),
      'integrations/react-vite/src/main.js': SOURCE,
      'packages/integration-app/package.json': manifest('integration-app', { build: 'tsc' }, { private: true, version: '0.0.0' }),
      'packages/integration-app/src/main.js': SOURCE,
      'packages/integrations/package.json': manifest('@scope/integrations', { build: 'tsc' }, { version: '1.0.0' }),
      'packages/integrations/src/add.js': SOURCE,
    }));
    expect(rules(report)).toEqual(['tests/none packages/integrations/package.json', 'script/missing packages/integrations/package.json']);
    expect(report.metrics).toMatchObject({ 'support-packages': 2 });
  });

  it("judges the files the package's runner is told to run below a package.json of a module format, and leaves out the fixture projects beside them", async () => {
    const report = await runGate(tempDir({
      'package.json': manifest('spies', { test: 'mocha --recursive "test/{src,issues,cases}/**/*-test.js"' }, { version: '1.0.0' }),
      'src/add.js': SOURCE,
      // As sinon's test/src/: a package.json that only tells Node the module format of the tests beside it.
      'test/src/package.json': JSON.stringify({ type: 'module' }),
      'test/src/add-test.js': "import assert from 'node:assert';\nimport { add } from '../../src/add.js';\nit('adds', () => {\n  assert.equal(add(1, 2), 3);\n});\nit('subtracts', () => {});\n",
      'test/issues/package.json': JSON.stringify({ type: 'commonjs' }),
      'test/issues/issue-1-test.js': "const assert = require('node:assert');\nit('keeps issue 1 fixed', () => {\n  assert.ok(require('../../src/add.js'));\n});\n",
      // A project a test runs a runner in, as jest's e2e cases are, though the glob takes its files.
      'test/cases/esm/package.json': JSON.stringify({ type: 'module', jest: {} }),
      'test/cases/esm/case-test.js': "it('is empty on purpose', () => {});\n",
      // A project the tests run against, which the runner is not told to run.
      'test/fixtures-app/package.json': manifest('fixture-app', { test: 'mocha' }),
      'test/fixtures-app/test/app-test.js': "it('is empty on purpose', () => {});\n",
    }));
    expect(rules(report)).toEqual(['test/empty test/src/add-test.js']);
    expect(report.metrics).toMatchObject({ 'test-files': 2, tests: 3, 'real-tests': 2 });
  });

  it("judges a workspace member below tests/ whose tests the root's runner runs, and counts what they import as tested", async () => {
    // keystone's tests/api-tests: a package of the monorepo's tests, which the root's vitest config takes, importing the packages by name.
    const monorepo = (vitestConfig: string) => tempDir({
      'package.json': manifest('monorepo', { 'test:unit': 'vitest run' }, { private: true }),
      'pnpm-workspace.yaml': "packages:\n  - 'packages/*'\n  - 'tests/api-tests'\n  - 'tests/projects/*'\n",
      'vitest.config.ts': vitestConfig,
      'packages/auth/package.json': manifest('@acme/auth', { build: 'tsc' }),
      'packages/auth/src/session.ts': SOURCE,
      'tests/api-tests/package.json': manifest('@acme/api-tests', {}, { private: true, devDependencies: { '@acme/auth': 'workspace:^' } }),
      'tests/api-tests/auth.test.ts': "import { session } from '@acme/auth';\ntest('signs in', () => { expect(session('a')).toBeTruthy() });\n",
      'tests/api-tests/noop.test.ts': "test('noop', () => {});\n",
      // A project the tests run, with a test file of its own that no runner takes.
      'tests/projects/basic/package.json': manifest('basic-project', {}, { private: true }),
      'tests/projects/basic/keystone.ts': SOURCE,
      'tests/projects/basic/fails.test.ts': "test('is empty on purpose', () => {});\n",
    });
    const config = (exclude: string) => `import { configDefaults, defineConfig } from 'vitest/config';\nexport default defineConfig({ test: { exclude: [...configDefaults.exclude, ${exclude}] } });\n`;
    const run = await runGate(await monorepo(config("'tests/projects/**'")));
    expect(rules(run)).toEqual(['test/empty tests/api-tests/noop.test.ts']);
    expect(run.metrics).toMatchObject({ 'fixture-packages': 1, 'tested-by-test-packages': 1 });
    // A root config that leaves them out: they are a fixture, and the package they import is untested.
    expect(rules(await runGate(await monorepo(config("'tests/**'"))))).toEqual(['tests/none packages/auth/package.json', 'script/missing packages/auth/package.json']);
  });

  it("judges a workspace member below test/ whose test scripts the root's test or a workflow on pull_request runs, by a filter of its name", async () => {
    // vitest's own suite: `@vitest/test-unit` in test/unit, run by the root's `pnpm --filter test-unit test:threads` (pnpm takes a
    // name without its scope), and its other test/* members by CI's `pnpm test:ci`, `pnpm -r --filter '@vitest/test-*' run test`.
    const monorepo = (rootTest: string, ci?: string) => tempDir({
      'package.json': manifest('monorepo', { test: rootTest, 'test:ci': "pnpm -r --filter '@acme/test-*' run test" }, { private: true }),
      'pnpm-workspace.yaml': "packages:\n  - 'packages/*'\n  - 'test/*'\n",
      'packages/worker/package.json': manifest('@acme/worker', { build: 'tsc' }),
      'packages/worker/src/index.ts': SOURCE,
      'test/unit/package.json': manifest('@acme/test-unit', { test: 'vitest', 'test:threads': 'vitest --pool threads' }, { private: true, devDependencies: { '@acme/worker': 'workspace:^' } }),
      'test/unit/test/worker.test.ts': "import { add } from '@acme/worker';\ntest('adds', () => { expect(add(1, 2)).toBe(3) });\ntest('noop', () => {});\n",
      ...(ci === undefined ? {} : { '.github/workflows/ci.yml': ci }),
    });
    const byRoot = await runGate(await monorepo('pnpm --filter test-unit test:threads'));
    expect(rules(byRoot)).toEqual(['test/empty test/unit/test/worker.test.ts']);
    expect(byRoot.metrics).toMatchObject({ 'fixture-packages': 0, 'tested-by-test-packages': 1 });
    const workflow = 'name: ci\non: [pull_request]\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: pnpm test:ci\n';
    expect(rules(await runGate(await monorepo('pnpm --filter @acme/worker build', workflow)))).toEqual(['test/empty test/unit/test/worker.test.ts']);
    // Run by neither: a fixture, whose tests are inputs.
    expect(rules(await runGate(await monorepo('pnpm --filter @acme/worker build')))).toEqual(['tests/none packages/worker/package.json', 'script/missing packages/worker/package.json']);
  });

  it('follows helpers imported by name from a package built on a package of test helpers', async () => {
    // pnpm's `@pnpm/prepare`, whose `prepareEmpty()` returns `@pnpm/assert-project`'s project, which asserts with jest's expect.
    const workspace = (prepareDependencies: Record<string, string>) => tempDir(testedWorkspace({
      'packages/assert-project/package.json': manifest('@acme/assert-project', { test: 'tsc' }, { dependencies: { '@jest/globals': '^30.0.0' } }),
      'packages/assert-project/src/index.ts': "import { expect } from '@jest/globals';\nexport function assertProject(dir) {\n  return { has (name) { expect(exists(dir, name)).toBeTruthy(); } };\n}\n",
      'packages/prepare/package.json': manifest('@acme/prepare', { test: 'tsc' }, { dependencies: prepareDependencies }),
      'packages/prepare/src/index.ts': "import { assertProject } from '@acme/assert-project';\nexport function prepareEmpty() { return assertProject(tempDir()); }\n",
      'packages/installer/package.json': manifest('@acme/installer', { test: 'jest' }),
      'packages/installer/src/install.ts': SOURCE,
      'packages/installer/test/install.test.ts': "import { prepareEmpty } from '@acme/prepare';\nimport { install } from '../src/install';\ntest('installs', async () => { const project = prepareEmpty(); await install(); project.has('is-positive'); });\n",
    }));
    const noAssertion = 'test/no-assertion packages/installer/test/install.test.ts';
    expect(rules(await runGate(workspace({ '@acme/assert-project': 'workspace:*' }))).filter((rule) => rule.startsWith('test/'))).toEqual([]);
    // Built on none, it is code under test: its helpers check nothing for the test.
    expect(rules(await runGate(workspace({ 'write-package': '^7.0.0' }))).filter((rule) => rule.startsWith('test/'))).toEqual([noAssertion]);
  });

  it('leaves out fixture projects below e2e/ or test/, whose tests are inputs', async () => {
    const report = await runGate(tempDir({
      ...app('vitest run', { 'frontend/test/add.test.js': REAL_TEST }),
      'e2e/failing-case/package.json': manifest('failing-case', {}),
      'e2e/failing-case/index.js': SOURCE,
      'e2e/failing-case/__tests__/fails.test.js': "it('is empty on purpose', () => {});",
      'e2e/test-match/package.json': JSON.stringify({ jest: { testEnvironment: 'node' } }),
      'e2e/test-match/dot-spec/a.spec.js': "test('x', () => { expect(1).toBe(1) });",
      'backend/test/fixtures/app/package.json': manifest('fixture-app', {}),
      'backend/test/fixtures/app/src/index.js': SOURCE,
    }));
    expect(rules(report)).toEqual([]);
    expect(report.metrics).toMatchObject({ 'fixture-packages': 1 });
  });

  it('needs no tests in a workspace of package tests: its helpers below a compound tests folder, its fixtures below a compound fixtures folder, nor in goldens', async () => {
    const report = await runGate(tempDir({
      ...app('vitest run', { 'frontend/test/add.test.js': REAL_TEST }),
      'tooling/acceptance-tests/package.json': manifest('acceptance-tests', {}, { private: true, workspaces: ['harness', 'cases'] }),
      'tooling/acceptance-tests/harness/package.json': manifest('acceptance-harness', {}, { version: '1.0.0' }),
      'tooling/acceptance-tests/harness/sources/index.js': SOURCE,
      'tooling/acceptance-tests/cases/package.json': manifest('acceptance-cases', {}, { version: '1.0.0' }),
      'tooling/acceptance-tests/cases/sources/basic.js': SOURCE,
      'tooling/acceptance-tests/sample-fixtures/packages/dep-a/package.json': manifest('dep-a', {}, { version: '1.0.0' }),
      'tooling/acceptance-tests/sample-fixtures/packages/dep-a/index.js': SOURCE,
      'vendor/app-fixtures/broken/package.json': manifest('broken', {}, { version: '1.0.0' }),
      'vendor/app-fixtures/broken/index.js': SOURCE,
      // What a generator must write, compared by its tests.
      'packages/gen-wrapper/goldens/element-a/package.json': manifest('element-a-wrapper', {}, { version: '1.0.0' }),
      'packages/gen-wrapper/goldens/element-a/src/index.ts': SOURCE,
      // A project an integration test installs and runs, below a camelCase compound folder.
      'integrationTests/node/package.json': manifest('node-project', { test: 'node test.js' }, { private: true }),
      'integrationTests/node/index.js': SOURCE,
      // camelCase splits only at a lower-case letter before a capital: `contestants` holds no support word.
      'contestants/package.json': manifest('contestants', {}, { version: '1.0.0' }),
      'contestants/index.js': SOURCE,
    }));
    expect(rules(report)).toEqual(['tests/none contestants/package.json', 'script/missing contestants/package.json']);
    expect(report.metrics).toMatchObject({ 'fixture-packages': 3, 'support-packages': 4 });
  });

  it("takes a private workspace root's files at its top, and beside its members, for the repository's tooling, not its code in folders", async () => {
    const workspace = (root: Record<string, string>, rootManifest: Record<string, unknown>) => tempDir(testedWorkspace(root, rootManifest));
    const tooling = { 'build.utils.ts': SOURCE, 'rollup-common.js': SOURCE };
    expect(rules(await runGate(workspace(tooling, { private: true })))).toEqual([]);
    expect(rules(await runGate(workspace({ ...tooling, 'src/server.js': SOURCE }, { private: true })))).toEqual(['tests/none package.json']);
    // pnpm's `pnpm11/fix-duplicates.mjs`: a script in the folder that holds the members, as packages/ holds packages/core.
    expect(rules(await runGate(workspace({ 'packages/fix-duplicates.mjs': SOURCE }, { private: true })))).toEqual([]);
    expect(rules(await runGate(workspace({ 'packages/core/fix.mjs': SOURCE, 'lib/server.js': SOURCE }, { private: true })))).toEqual(['tests/none package.json']);
    // A published root ships what is at its top.
    expect(rules(await runGate(workspace({ 'index.js': SOURCE }, { version: '1.0.0' })))).toEqual(['tests/none package.json']);
  });

  it('takes the files a package builds or generates with by path for its tooling, and what it starts for its code', async () => {
    // A stub whose code comes from elsewhere at build time (a private submodule): only the build's own check is here.
    const stub = (scripts: Record<string, string>, files: Record<string, string> = {}) => tempDir(testedWorkspace({
      'packages/ee/package.json': manifest('@acme/ee', { test: "echo 'skip test in the ci'", ...scripts }),
      'packages/ee/check-ee.mjs': SOURCE,
      'packages/ee/tools/gen.ts': SOURCE,
      ...files,
    }));
    expect(rules(await runGate(stub({ build: 'node ./check-ee.mjs', prebuild: 'cross-env NODE_ENV=production tsx --tsconfig tsconfig.json tools/gen.ts' })))).toEqual([]);
    // What `start` runs is the package's code, and a build that compiles its src ships src.
    expect(rules(await runGate(stub({ build: 'node ./check-ee.mjs', start: 'node tools/gen.ts' })))).toEqual(['tests/none packages/ee/package.json', 'script/placeholder packages/ee/package.json']);
    expect(rules(await runGate(stub({ build: 'node ./check-ee.mjs && tsc', 'build:gen': 'node tools/gen.ts' }, { 'packages/ee/src/index.ts': SOURCE })))).toEqual(['tests/none packages/ee/package.json', 'script/placeholder packages/ee/package.json']);
  });

  it('needs no tests in a package whose sources only declare values, and does once one computes', async () => {
    const workspace = (files: Record<string, string>) => tempDir(testedWorkspace({ 'packages/types/package.json': manifest('@acme/types', { build: 'tsc' }), ...files }));
    const declarations = {
      // plane's @plane/types: types, enums and maps of constants; logto's phrases: an object of strings per locale.
      'packages/types/src/status.ts': "export type Id = string;\nexport enum Status { Open = 'open', Done = 'done', Late = -1 }\nexport const LABELS = { [Status.Open]: 'Open', [Status.Done]: `Done` } as const;\nexport const DAY = 24 * 60 * 60 * 1000;\nexport const ROLES = Object.freeze(['admin', 'member']);\n",
      'packages/types/src/locales/en.ts': "import errors from './errors.js';\nconst translation = { title: 'Hello', nested: { list: ['a', 'b'] }, ...errors };\nexport default { translation, errors };\n",
      'packages/types/src/index.ts': "export * from './status.js';\nexport { default as en } from './locales/en.js';\n",
      // The AI SDK's konsistent-provider: rules as data, through the tool's typed helper.
      'packages/types/src/conventions.ts': "import { defineConventions } from '@konsistent/convention';\nexport const conventions = defineConventions([{ name: 'readme', must: { haveFiles: ['README.md'] } }]);\n",
      // CommonJS's exports of constants; lexical's stub that stands in for a native module exports nothing at all.
      'packages/types/src/codes.cjs': "'use strict';\nmodule.exports = { OK: 0, FAILED: 1 };\nexports.VERSION = '1.0';\n",
      'packages/types/src/empty.js': "'use strict';\nmodule.exports = {};\n",
      // valibot's i18n: messages that fill in the values of the issue they are given.
      'packages/types/src/de.ts': "const language = { code: 'de', specific: { email: (issue) => `Ungültige E-Mail: ${issue.received}`, empty: () => 'Leer' } };\nexport default language;\n",
      // emotion's unitless: a map declared with `let`, which nothing else in the module could assign.
      'packages/types/src/unitless.ts': 'let unitlessKeys: Record<string, 1> = { flex: 1, opacity: 1 };\nexport default unitlessKeys;\n',
      // commitlint's config-angular-type-enum: rules, and a getter of the constant they use.
      'packages/types/src/type-enum.js': "const types = ['feat', 'fix'];\nexport default { rules: { 'type-enum': [2, 'always', types] }, value: () => types };\n",
      // jest's babel-preset-jest: the paths of the plugins it names, handed back by a function; @jest/environment: a class declared for its type.
      'packages/types/src/preset.cjs': "const preset = { plugins: [require.resolve('babel-plugin-hoist')] };\nconst presetPlugin = () => preset;\nmodule.exports = presetPlugin;\n",
      'packages/types/src/environment.ts': 'export declare class Environment<Timer = unknown> {\n  constructor(config: unknown);\n  setup(): Promise<void>;\n}\n',
      // unocss's scope: a stub of a compile macro, which only says it must not be called.
      'packages/types/src/scope.mjs': "export default () => {\n  throw new Error('getScope() is a compile macro but got called directly');\n};\n",
      // One too large for oxc on the main thread's stack, which babel reads.
      'packages/types/src/icons.ts': `export enum Icon {\n${Array.from({ length: 4000 }, (_, index) => `  Icon${index} = 'icon-${index}',`).join('\n')}\n}\n`,
    };
    const declared = await runGate(workspace(declarations));
    expect(rules(declared)).toEqual([]);
    expect(declared.metrics).toMatchObject({ 'declaration-packages': 1, 'reexport-packages': 0 });
    for (const computes of [
      'export const isOpen = (status) => status === Status.Open;\n',
      'export const now = Date.now();\n',
      "export const LABELS = { open: 'Open', label() { return 'x'; } };\n",
      'export let counter = 0;\ncounter += 1;\n',
      "export const picked = ready ? 'a' : 'b';\n",
      'export const ROLES = Object.freeze(loadRoles());\n',
      "export const store = defineStore('main', { state: () => ({ count: 0 }) });\n",
      'export const rules = makeRules([]);\n',
      'module.exports = { add: (a, b) => a + b };\n',
      'module.exports.count = count++;\n',
      'export const sum = (issue) => issue.a + issue.b;\n',
      'export const message = (issue) => `${format(issue.received)} received`;\n',
      'export const value = () => types.filter(Boolean);\n',
      'export const id = (value) => value;\n',
      'export class Environment {\n  setup() { return Promise.resolve(); }\n}\n',
      'export default (name) => {\n  if (!name) throw new Error(`no ${name}`);\n};\n',
      'export default function () {\n  throw new Error(format(message));\n}\n',
      "module.exports = { plugins: [require.resolve('a').replace('x', 'y')] };\n",
    ]) {
      const report = await runGate(workspace({ ...declarations, 'packages/types/src/more.ts': computes }));
      expect(rules(report)).toEqual(['tests/none packages/types/package.json', 'script/missing packages/types/package.json']);
    }
  });

  it('needs no tests in a package whose sources only re-export other modules, and does once one holds code', async () => {
    const workspace = (facade: Record<string, string>) => tempDir(testedWorkspace({
      // The facade, as lit's `lit` is: a package of entry points over the tested ones, with no test script.
      'packages/acme/package.json': manifest('acme', { build: 'tsc' }),
      'packages/acme/src/index.ts': "/** @license MIT */\nimport '@acme/polyfills';\nexport * from '@acme/core';\nexport { add as sum, type Adder } from '@acme/core/add.js';\n",
      'packages/acme/src/types.ts': "import type { Adder } from '@acme/core';\nexport type Options = { adder: Adder };\nexport interface Plugin { name: string }\ndeclare const VERSION: string;\n",
      'packages/acme/src/core.js': "'use strict';\nmodule.exports = require('@acme/core');\nexports.add = require('@acme/core/add').add;\n",
      'packages/acme/src/default.ts': "import core from '@acme/core';\nexport default core;\n",
      // A notice beside the re-exports, as lit's all-in-one bundle warns.
      'packages/acme/src/all.js': "export * from '@acme/core';\nif (!globalThis.acmeQuiet) {\n  console.warn('prefer the packages');\n} else console.info('quiet');\n",
      // An entry that wires the imports together, as Chart.js's `auto` registers every part of what it re-exports.
      'packages/acme/src/auto.js': "import { Core, parts } from '@acme/core';\nCore.register(...parts);\nexport * from '@acme/core';\nexport default Core;\n",
      'packages/acme/src/auto.cjs': "const core = require('@acme/core');\nconst { Core, parts } = core;\nCore.register(...parts);\nmodule.exports = Object.assign(Core, core);\n",
      // A client made of an import, exported (openstatus's upstash: `export const redis = Redis.fromEnv()`).
      'packages/acme/src/client.ts': "import { Core } from '@acme/core';\nexport const core = Core.fromEnv();\n",
      ...facade,
    }));
    const facade = await runGate(workspace({}));
    expect(rules(facade)).toEqual([]);
    expect(facade.metrics).toMatchObject({ 'reexport-packages': 1, 'source-files': 9 });
    // One statement that runs code of its own (prettier's plugins map what they import) needs tests again.
    const glues = [
      ['glue.js', 'export const parsers = Object.fromEntries(Object.entries(core));\n'],
      ['glue.js', "export * from '@acme/core';\nif (debug) register(core);\n"],
      ['glue.js', 'export default function add(a, b) { return a + b; }\n'],
      ['glue.ts', "'use strict';\nexport * from '@acme/core';\nregister(core);\n"],
      // Given a value of its own, the call is configured here.
      ['glue.js', "import { Core } from '@acme/core';\nCore.register({ strict: true });\n"],
      ['glue.cjs', "const { Core } = require('@acme/core');\nconst instance = new Core();\nmodule.exports = instance;\n"],
      ['glue.ts', "import { Core } from '@acme/core';\nexport const core = Core.fromEnv({ region: 'eu' });\n"],
    ];
    for (const [file, code] of glues) {
      const glue = await runGate(workspace({ [`packages/acme/src/${file}`]: code! }));
      expect(rules(glue)).toEqual(['tests/none packages/acme/package.json', 'script/missing packages/acme/package.json']);
      expect(glue.metrics).toMatchObject({ 'reexport-packages': 0 });
    }
  });

  it('needs no tests in a package of generated code, by its folder, its name or its header, and does once one source is written by hand', async () => {
    const workspace = (generated: Record<string, string>) => tempDir(testedWorkspace({
      // As apollo-server's usage-reporting-protobuf: code that pbjs writes from a .proto, with no test script.
      'packages/protocol/package.json': manifest('@acme/protocol', { generate: 'pbjs -t static-module -o generated/protocol.js src/protocol.proto' }),
      'packages/protocol/generated/protocol.js': 'var $protobuf = require("protobufjs/minimal");\nexports.Trace = function Trace(properties) { this.spans = []; };\n',
      'packages/protocol/src/__generated__/query.graphql.ts': 'export const node = { kind: "Request" };\n',
      'packages/protocol/src/operations.generated.ts': 'export const GetPostDocument = { kind: "Document" };\n',
      'packages/protocol/src/routeTree.gen.ts': 'export const routeTree = { children: [] };\n',
      'packages/protocol/src/client.ts': "// Code generated by protoc-gen-ts_proto. DO NOT EDIT.\nexport const protobufPackage = 'acme';\nexport function encode(message) { return message.id; }\n",
      'packages/protocol/src/schema.ts': '/**\n * This file was auto-generated by openapi-typescript.\n * Do not make direct changes to the file.\n */\nexport const paths = { "/pets": {} };\n',
      'packages/protocol/src/serializer.cjs': "'use strict';\n// This file is autogenerated by build/serializer.js, do not edit\nmodule.exports = function serialize(input) { return JSON.stringify(input); };\n",
      'packages/protocol/src/index.ts': "export * from './client';\nexport * from '../generated/protocol.js';\n",
      ...generated,
    }));
    const protocol = await runGate(workspace({}));
    expect(rules(protocol)).toEqual([]);
    expect(protocol.metrics).toMatchObject({ 'generated-packages': 1, 'reexport-packages': 0 });
    // npm's placeholder is no gap where nothing needs tests, and is one where something does.
    const placeholder = { 'packages/protocol/package.json': manifest('@acme/protocol', { test: PLACEHOLDER }) };
    expect(rules(await runGate(workspace(placeholder)))).toEqual([]);
    expect(rules(await runGate(workspace({ ...placeholder, 'packages/protocol/src/id.ts': SOURCE })))).toEqual(['tests/none packages/protocol/package.json', 'script/placeholder packages/protocol/package.json']);
    const handWritten = [
      // A mark below the first statement, or a comment that only mentions generated values, is no header of generated code.
      ['src/id.ts', 'export const id = () => Math.random();\n// @generated below\n'],
      ['src/id.ts', '/** Returns ids generated by the clock. */\nexport const id = () => Date.now();\n'],
      // A folder or a name with the word inside another.
      ['src/generators/id.ts', 'export const id = (x) => x + 1;\n'],
      ['src/regenerate.js', 'export const regenerate = (x) => x + 1;\n'],
    ];
    for (const [file, code] of handWritten) {
      const report = await runGate(workspace({ [`packages/protocol/${file}`]: code! }));
      expect(rules(report)).toEqual(['tests/none packages/protocol/package.json', 'script/missing packages/protocol/package.json']);
      expect(report.metrics).toMatchObject({ 'generated-packages': 0 });
    }
  });

  it('needs no tests in a package of test suites that other packages run, but does in a library a runner wraps', async () => {
    const workspace = (suite: string, extra: Record<string, unknown> = { peerDependencies: { jest: '29.x || 30.x' } }) => tempDir(testedWorkspace({
      // As @apollo/server-integration-testsuite: published suites that each integration's tests define with its server.
      'packages/testsuite/package.json': manifest('@acme/server-testsuite', { build: 'tsc' }, { version: '1.0.0', ...extra }),
      'packages/testsuite/src/fetch.ts': 'export const fetchJson = async (url) => (await fetch(url)).json();\n',
      'packages/testsuite/src/index.ts': suite,
    }));
    const suite = "import { describe, it, expect } from '@jest/globals';\nexport function defineSuite(name, createServer) {\n  describe(`${name} server`, () => {\n    it(`answers ${name}`, async () => {\n      expect(await createServer()).toBeTruthy();\n    });\n  });\n}\n";
    const suites = await runGate(workspace(suite));
    expect(rules(suites)).toEqual([]);
    expect(suites.metrics).toMatchObject({ 'suite-packages': 1 });
    const needsTests = ['tests/none packages/testsuite/package.json', 'script/missing packages/testsuite/package.json'];
    // A package that does not need a runner to run is code that happens to call one.
    expect(rules(await runGate(workspace(suite, { dependencies: { express: '5.x' } })))).toEqual(needsTests);
    // A runner's wrapper, as @effect/vitest's `it.effect`, declares the tests its users title.
    const wrapper = "import { it } from 'vitest';\nexport const effect = (name, self) => it(name, () => run(self));\n";
    expect(rules(await runGate(workspace(wrapper, { peerDependencies: { vitest: '3.x' } })))).toEqual(needsTests);
    // A private package whose every module imports a runner, declared or hoisted to the root (next-auth's `utils`), is test code.
    const helpers = (fetchModule: string, extra: Record<string, unknown>) => tempDir(testedWorkspace({
      'packages/testsuite/package.json': JSON.stringify({ name: 'utils', ...extra }),
      'packages/testsuite/adapter.ts': "import { expect, test } from 'vitest';\nexport function runBasicTests(adapter) {\n  test('gets', async () => { expect(await adapter.get('1')).toBeTruthy() });\n}\n",
      'packages/testsuite/fetch.ts': fetchModule,
    }));
    const expecting = "import { expect } from 'vitest';\nexport const expectJson = async (response) => expect(await response.json()).toBeTruthy();\n";
    expect(rules(await runGate(await helpers(expecting, { private: true })))).toEqual([]);
    // A module of code beside it, or a published package (a plugin of the runner), needs tests.
    expect(rules(await runGate(await helpers('export const fetchJson = async (url) => (await fetch(url)).json();\n', { private: true })))).toEqual(needsTests);
    expect(rules(await runGate(await helpers(expecting, { version: '1.0.0' })))).toEqual(needsTests);
  });

  it('reports no finding for a test the line above accepts with eslint-disable-next-line, but counts it', async () => {
    const report = await runGate(tempDir({
      ...app('vitest run', { 'frontend/test/add.test.js': REAL_TEST }),
      'backend/test/later.test.js': "// eslint-disable-next-line vitest/no-disabled-tests\nit.skip('later', () => { expect(1).toBe(2) });\n",
    }));
    expect(rules(report)).toEqual([]);
    expect(report.metrics).toMatchObject({ skipped: 1 });
  });
});
