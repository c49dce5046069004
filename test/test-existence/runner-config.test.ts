import { describe, expect, it } from 'vitest';
import { executeGate } from '../../src/core/gate.js';
import { silentLogger } from '../../src/core/logger.js';
import type { GateReport } from '../../src/core/report.js';
import { testExistenceGate } from '../../src/test-existence/gate.js';
import { tempDir } from '../helpers/temp.js';

const DEFAULTS = { 'min-tests': 1, 'test-patterns': [], 'assert-functions': [], reports: [], levels: {}, allow: [] };
const REAL = "it('adds', () => { expect(add(1, 2)).toBe(3) });\n";
const EMPTY = "it('does nothing', () => {});\n";

function run(files: Record<string, string>, settings: Record<string, unknown> = {}): Promise<GateReport> {
  return executeGate(testExistenceGate, { ...DEFAULTS, ...settings }, { cwd: tempDir({ 'src/add.js': 'export const add = (a, b) => a + b;\n', ...files }), env: {}, log: silentLogger, inAction: false });
}

function rules(report: GateReport): string[] {
  return report.findings.map((finding) => `${finding.rule} ${finding.file ?? ''}`);
}

/** The gate's findings on a project of `files`, and how many test files it judged. */
async function judged(files: Record<string, string>, settings: Record<string, unknown> = {}): Promise<{ findings: string[]; testFiles: number | undefined }> {
  const report = await run(files, settings);
  return { findings: rules(report), testFiles: report.metrics['test-files'] };
}

const pkg = (scripts: Record<string, string>, extra: Record<string, unknown> = {}) => JSON.stringify({ name: 'app', scripts, ...extra });

describe('the files the runner runs', () => {
  it("leaves out what jest's testPathIgnorePatterns ignores, reading the literal values of jest.config.mjs", async () => {
    const config = "const ci = process.env.CI;\nexport default {\n  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/e2e/.*/__tests__', ci ? '/slow/' : '/fast/'],\n};\n";
    expect(await judged({
      'package.json': pkg({ test: 'jest' }),
      'jest.config.mjs': config,
      '__tests__/add.test.js': REAL,
      'e2e/fixture-project/__tests__/empty.test.js': EMPTY,
      'e2e/__tests__/empty.test.js': EMPTY,
    })).toEqual({ findings: ['test/empty e2e/__tests__/empty.test.js'], testFiles: 2 });
  });

  it("takes bun's test files by its defaults, whatever folders its arguments name, beside jest's", async () => {
    const files = {
      'src/math.test.ts': REAL,
      'tests/math_spec.tsx': REAL,
      // A fixture of the tests, broken on purpose (graphql-tools' loaders/schema/test-files/error.ts): bun never runs it.
      'tests/test-files/error.ts': 'export const myQuery = gql;\n  query; `\n',
      'tests/empty.test.js': EMPTY,
    };
    expect(await judged({ 'package.json': pkg({ test: 'bun test ./tests' }), ...files })).toEqual({ findings: ['test/empty tests/empty.test.js'], testFiles: 3 });
    expect(await judged({ 'package.json': pkg({ test: 'jest', 'test:bun': 'bun test' }), ...files })).toEqual({ findings: ['test/empty tests/empty.test.js'], testFiles: 3 });
  });

  it('takes testMatch and roots from package.json jest, and testRegex', async () => {
    expect(await judged({
      'package.json': pkg({ test: 'jest' }, { jest: { roots: ['<rootDir>/src'], testMatch: ['**/*.check.js'] } }),
      'src/add.check.js': REAL,
      'src/add.test.js': EMPTY,
      'test/other.test.js': EMPTY,
    })).toEqual({ findings: [], testFiles: 1 });
    expect(await judged({ 'package.json': pkg({ test: 'jest' }, { jest: { testRegex: '/specs/.*\\.js$' } }), 'specs/add.js': REAL, 'test/add.test.js': EMPTY })).toEqual({ findings: [], testFiles: 1 });
    // testMatch set to null beside testRegex is unset (apollo-server's base config, spread into each package's).
    expect(await judged({ 'package.json': pkg({ test: 'jest' }), 'jest.config.js': "export default { testMatch: null, testRegex: '/specs/.*\\\\.js$' };\n", 'specs/add.js': REAL, 'test/add.test.js': EMPTY })).toEqual({ findings: [], testFiles: 1 });
  });

  it('takes a jest root in build output the checkout lacks for the sources compiled into it, and its ignored paths there', async () => {
    const compiled = (roots: string[], files: Record<string, string> = {}) => judged({
      'package.json': pkg({ 'build:test': 'tsc -p tsconfig.test.json', test: 'npm run build:test && jest' }),
      'jest.config.js': `export default { roots: ${JSON.stringify(roots)}, testPathIgnorePatterns: ['/node_modules/', '/build/routes/frozen/'] };\n`,
      'src/add.test.ts': REAL,
      'src/routes/frozen/old.test.ts': EMPTY,
      ...files,
    });
    expect(await compiled(['./build'])).toEqual({ findings: [], testFiles: 1 });
    expect(await compiled(['<rootDir>/dist/test'])).toEqual({ findings: ['test/empty src/routes/frozen/old.test.ts'], testFiles: 2 });
    // A root that is no build output, or one the checkout holds, is read as written.
    expect(await compiled(['./spec'])).toMatchObject({ findings: ['tests/none package.json'], testFiles: 0 });
    expect(await compiled(['./build'], { 'build/add.test.js': REAL })).toEqual({ findings: [], testFiles: 1 });
    // So is a testMatch into build output: the .ts it was compiled from.
    const matched = (testMatch: string, files: Record<string, string> = {}) => judged({
      'package.json': pkg({ test: 'tsc && jest' }),
      'jest.config.json': JSON.stringify({ testMatch: [testMatch] }),
      'src/add.test.ts': REAL,
      'test/other.test.ts': EMPTY,
      ...files,
    });
    expect(await matched('<rootDir>/dist/src/**/*.test.js')).toEqual({ findings: [], testFiles: 1 });
    expect(await matched('<rootDir>/spec/**/*.test.js')).toMatchObject({ findings: ['tests/none package.json'], testFiles: 0 });
  });

  it("takes Cypress's specs from cypress.config: end-to-end and component specPattern, excludeSpecPattern, and the defaults", async () => {
    const CY_REAL = "describe('alert', () => { it('shows', () => { cy.mount(<Alert />); cy.get('[data-test=alert]').should('contain', 'Saved') }) });\n";
    const CY_NONE = "it('opens', () => { cy.visit('/') });\n";
    expect(await judged({
      'package.json': pkg({ test: 'vitest run', 'cy:run': 'cypress run' }),
      'cypress.config.ts': [
        "import { defineConfig } from 'cypress';",
        'export default defineConfig({',
        "  component: { specPattern: 'src/**/*.cy.{js,jsx,ts,tsx}' },",
        "  e2e: { baseUrl: 'http://localhost:3000', specPattern: 'cypress/tests/**/*.spec.{js,ts}', excludeSpecPattern: ['**/demo/**'] },",
        '});',
      ].join('\n'),
      'src/alert.cy.tsx': CY_REAL,
      'cypress/tests/ui/sign-in.spec.ts': CY_NONE,
      'cypress/tests/demo/studio.spec.ts': EMPTY,
      // vitest's own files, which leave out the cypress folder.
      'vite.config.ts': "export default { test: { environment: 'jsdom' } };\n",
      'src/add.test.js': REAL,
    })).toEqual({ findings: ['test/no-assertion cypress/tests/ui/sign-in.spec.ts'], testFiles: 3 });
    // Cypress's defaults: cypress/e2e/**/*.cy.*, and component specs only where the config sets component testing up.
    expect(await judged({
      'package.json': pkg({ test: 'cypress run' }),
      'cypress.config.js': "module.exports = { e2e: { baseUrl: 'http://localhost:3000' } };\n",
      'cypress/e2e/sign-in.cy.js': CY_REAL,
      'src/alert.cy.jsx': EMPTY,
    })).toEqual({ findings: [], testFiles: 1 });
    const withComponents = await run({
      'package.json': pkg({ test: 'cypress run --component' }),
      'cypress.config.js': "module.exports = { component: { devServer: { framework: 'react' } } };\n",
      'cypress/e2e/sign-in.cy.js': CY_REAL,
      'src/alert.cy.jsx': EMPTY,
    });
    expect(rules(withComponents)).toEqual(['test/empty src/alert.cy.jsx']);
    // A folder names every file below it, as Cypress's globbing expands it (redash's `specPattern: 'client/cypress/integration/'`).
    const folder = await run({
      'package.json': pkg({ test: 'jest' }, { jest: { testMatch: ['**/__tests__/**/*.js'] } }),
      'cypress.config.js': "module.exports = { e2e: { specPattern: 'client/cypress/integration/' } };\n",
      'client/cypress/integration/dashboard/dashboard_list.js': CY_NONE,
      '__tests__/add.test.js': REAL,
    });
    expect(rules(folder)).toEqual(['test/no-assertion client/cypress/integration/dashboard/dashboard_list.js']);
  });

  it("judges Cypress's specs beside the files the other runners or the conventions choose, and its defaults where its config cannot be read", async () => {
    // As eslint: a Makefile runs mocha, and Cypress runs one of the same tests in a browser, by a path built from the config's folder.
    expect(await judged({
      'package.json': pkg({ test: 'node Makefile.js test', 'test:browser': 'node Makefile.js cypress' }),
      'cypress.config.js': "const path = require('node:path');\nmodule.exports = { e2e: { specPattern: path.join(__dirname, 'browser', 'linter.js'), supportFile: false } };\n",
      'browser/linter.js': REAL,
      'tests/lib/rules.js': EMPTY,
    })).toEqual({ findings: ['test/empty tests/lib/rules.js'], testFiles: 2 });
    // Beside a jest config, jest still decides its own files: what it leaves out stays out.
    expect(await judged({
      'package.json': pkg({ test: 'jest', 'test:e2e': 'cypress run' }, { jest: { testPathIgnorePatterns: ['/e2e/'] } }),
      'cypress.config.js': "module.exports = { e2e: { specPattern: 'e2e/**/*.cy.js' } };\n",
      'e2e/home.cy.js': "it('welcomes', () => { cy.visit('/'); cy.contains('Welcome') });\n",
      'e2e/legacy/old.test.js': EMPTY,
      '__tests__/add.test.js': REAL,
    })).toEqual({ findings: [], testFiles: 2 });
    const computed = await run({
      'package.json': pkg({ test: 'cypress run' }),
      'cypress.config.js': "module.exports = { e2e: { specPattern: process.env.SPECS } };\n",
      'cypress/e2e/home.cy.js': EMPTY,
      'src/alert.cy.jsx': EMPTY,
      'src/other.js': 'export const x = 1;\n',
    });
    expect(rules(computed).sort()).toEqual(['test/empty cypress/e2e/home.cy.js', 'test/empty src/alert.cy.jsx', 'tests/none package.json', 'tests/runner-config cypress.config.js']);
  });

  it("takes the specs of Cypress before 10 from cypress.json's integrationFolder and testFiles, less ignoreTestFiles", async () => {
    expect(await judged({
      'package.json': pkg({ test: 'cypress run' }),
      'cypress.json': JSON.stringify({ integrationFolder: 'e2e/specs', ignoreTestFiles: ['**/examples/*.js'] }),
      'e2e/specs/sign-in.js': "it('signs in', () => { cy.visit('/'); cy.contains('Welcome') });\n",
      'e2e/specs/examples/actions.js': EMPTY,
      'cypress/integration/old.js': EMPTY,
    })).toEqual({ findings: [], testFiles: 1 });
    // The defaults: every file of cypress/integration but webpack's hot updates, whose ignore pattern is of a file's name.
    const defaults = await run({ 'package.json': pkg({ test: 'cypress run' }), 'cypress.json': '{}', 'cypress/integration/home.js': EMPTY, 'cypress/integration/nested/main.hot-update.js': EMPTY });
    expect(rules(defaults)).toEqual(['test/empty cypress/integration/home.js', 'tests/none package.json']);
  });

  it("judges a workspace member's files by the workspace root's runner config", async () => {
    const report = await run({
      'package.json': pkg({ test: 'jest' }, { workspaces: ['packages/*'], jest: { testPathIgnorePatterns: ['/__typetests__/'] } }),
      'packages/types/package.json': JSON.stringify({ name: 'types' }),
      'packages/types/src/index.js': 'export const id = (x) => x;\n',
      'packages/types/__tests__/id.test.js': REAL,
      '__tests__/add.test.js': REAL,
      'packages/types/__typetests__/id.test.ts': "test('signature', () => {});\n",
    });
    expect(rules(report)).toEqual([]);
  });

  it("judges a workspace member's files by its own runner where the root's script names only files of its own to its runner", async () => {
    // rxjs's root: `test:bundle-analysis: node --test scripts/analyze-bundles.test.mjs`; each member runs `vitest --run` with no config.
    const members = {
      'packages/migrate/package.json': JSON.stringify({ name: 'migrate', scripts: { test: 'vitest --run' } }),
      'packages/migrate/src/index.ts': 'export const id = (x) => x;\n',
      'packages/migrate/src/index.spec.ts': REAL,
      'packages/migrate/test/cli.spec.ts': REAL,
      'scripts/analyze.test.mjs': REAL,
    };
    const roots: Array<Record<string, string>> = [{ test: 'pnpm -r test', 'test:bundle-analysis': 'node --test scripts/analyze.test.mjs' }, { test: 'mocha scripts/analyze.test.mjs' }];
    for (const root of roots) {
      const report = await run({ 'package.json': pkg(root, { private: true, workspaces: ['packages/*'] }), ...members });
      expect(rules(report)).toEqual([]);
      expect(report.metrics).toMatchObject({ 'test-files': 3, 'real-tests': 3 });
    }
  });

  it("judges the files a member's script names to its runner beside those its workspace root's config takes", async () => {
    // signals: the root's vitest takes `packages/**/test/**/*.test.tsx`; a member tests itself with `node --test test/*.test.mjs`.
    const files = (memberTest: string) => ({
      'package.json': pkg({ test: 'vitest run' }, { private: true, workspaces: ['packages/*'] }),
      'vitest.config.ts': "export default { test: { include: ['packages/**/test/**/*.test.tsx'] } };\n",
      'packages/react/package.json': JSON.stringify({ name: 'react', scripts: { build: 'tsc' } }),
      'packages/react/src/index.ts': 'export const id = (x) => x;\n',
      'packages/react/test/index.test.tsx': REAL,
      'packages/loader/package.json': JSON.stringify({ name: 'loader', scripts: { test: memberTest } }),
      'packages/loader/src/index.mjs': 'export const id = (x) => x;\n',
      'packages/loader/test/load.test.mjs': "import { test } from 'node:test';\nimport assert from 'node:assert';\ntest('loads', () => { assert.equal(load(), 1) });\n",
      'packages/loader/test/empty.test.mjs': "import { test } from 'node:test';\ntest('nothing', () => {});\n",
    });
    const ofMembers = (report: GateReport) => rules(report).filter((rule) => rule.includes('packages/'));
    const report = await run(files('node --test test/*.test.mjs'));
    expect(ofMembers(report)).toEqual(['test/empty packages/loader/test/empty.test.mjs']);
    expect(report.metrics).toMatchObject({ 'test-files': 3 });
    // Its script naming no files, the root's config decides: the member's .mjs files are not among them.
    expect(ofMembers(await run(files('vitest run')))).toEqual(['tests/none packages/loader/package.json']);
  });

  it('reads the config a script names with --config', async () => {
    const report = await run({
      'package.json': pkg({ test: 'jest --config config/jest.ci.json' }),
      'config/jest.ci.json': JSON.stringify({ rootDir: '..', testPathIgnorePatterns: ['/legacy/'] }),
      'test/add.test.js': REAL,
      'legacy/old.test.js': EMPTY,
    });
    expect(rules(report)).toEqual([]);
  });

  it('reads a config a member names out of its own folder, with the member as its root', async () => {
    // next-auth's packages: `vitest run -c ../utils/vitest.config.ts`, whose include leaves `.spec` to Playwright.
    expect(await judged({
      'src/add.test.js': REAL,
      'packages/utils/package.json': JSON.stringify({ name: 'utils', private: true }),
      'packages/utils/vitest.config.ts': "import { defineConfig } from 'vite';\nexport default defineConfig({ test: { include: ['**/*.test.?(c|m)[jt]s?(x)'] } });\n",
      'packages/core/package.json': JSON.stringify({ name: 'core', scripts: { test: 'vitest run -c ../utils/vitest.config.ts' } }),
      'packages/core/src/index.ts': 'export const add = (a, b) => a + b;\n',
      'packages/core/src/add.test.ts': REAL,
      'packages/core/src/page.spec.ts': EMPTY,
      'packages/core/test/utils.ts': EMPTY,
    })).toEqual({ findings: [], testFiles: 2 });
  });

  it("reads vitest's config a script names with --config, and so credits the folder package inside it with its tests", async () => {
    // The AI SDK's harness packages: `vitest --config vitest.node.config.js`, and a private package.json under src/bridge/.
    const files = (include: string) => ({
      'package.json': pkg({ test: 'pnpm test:node', 'test:node': 'vitest --config vitest.node.config.js --run' }),
      'vitest.node.config.js': `import { defineConfig } from 'vitest/config';\nexport default defineConfig({ test: { include: [${include}] } });\n`,
      'src/index.ts': 'export const sub = (a, b) => a - b;\n',
      'src/index.test.ts': REAL,
      'src/bridge/package.json': JSON.stringify({ name: 'bridge', version: '0.0.0', private: true, dependencies: { ws: '8' } }),
      'src/bridge/relay.ts': 'export const relay = (message) => message;\n',
      'src/bridge/relay.test.ts': REAL,
      'src/wip/draft.test.ts': EMPTY,
    });
    expect(await judged(files("'src/index.test.ts', 'src/bridge/**/*.test.ts'"))).toEqual({ findings: [], testFiles: 2 });
    // Its config leaves the bridge's tests out: nothing runs them.
    expect((await judged(files("'src/index.test.ts'"))).findings).toEqual(['script/missing src/bridge/package.json']);
    // A vitest.config.* beside them is read only where a script runs vitest without naming a config (vite's `vitest run` beside
    // `vitest run -c vitest.config.e2e.ts`); where every script names one, it is a module they share (the AI SDK's createVitestConfig).
    const shared = { ...files("'src/index.test.ts', 'src/bridge/**/*.test.ts'"), 'vitest.config.ts': "export const make = (include) => ({ test: { include } });\nexport default make(process.env.TESTS);\n" };
    expect(await judged(shared)).toEqual({ findings: [], testFiles: 2 });
    const both = { ...shared, 'package.json': pkg({ test: 'vitest run && vitest --config vitest.node.config.js --run' }) };
    // Read, it chooses with a computed value: the conventions judge the package's files.
    expect(await judged(both)).toEqual({ findings: ['script/missing src/bridge/package.json', 'test/empty src/wip/draft.test.ts', 'tests/runner-config vitest.config.ts'], testFiles: 3 });
  });

  it("takes jest's rootDir from the config's folder, and reads inline projects and <rootDir> among its projects", async () => {
    // Without rootDir, a config in config/ roots jest there: the tests in test/ do not run.
    const unrooted = await run({ 'package.json': pkg({ test: 'jest --config config/jest.ci.json' }), 'config/jest.ci.json': '{}', 'test/add.test.js': REAL });
    expect(rules(unrooted)).toEqual(['tests/none package.json']);
    const projects = JSON.stringify({
      projects: ['<rootDir>', '<rootDir>/examples/*/', { displayName: 'lint', testMatch: ['<rootDir>/lint/**/*.js'] }],
      testPathIgnorePatterns: ['/wip/'],
    });
    expect(await judged({ 'package.json': pkg({ test: 'jest' }), 'jest.config.json': projects, 'test/add.test.js': REAL, 'test/wip/draft.test.js': EMPTY, 'lint/rules.js': REAL })).toEqual({ findings: [], testFiles: 2 });
    // Projects that are other folders only leave the root's own selection.
    const folders = await run({ 'package.json': pkg({ test: 'jest' }), 'jest.config.json': JSON.stringify({ projects: ['<rootDir>/packages/*'], testMatch: ['**/spec/**/*.js'] }), 'spec/add.js': REAL });
    expect(folders.metrics['test-files']).toBe(1);
  });

  it("roots an inline jest project in its config file's folder, and a rootDir of its own written relative in the folder jest runs in", async () => {
    // apollo-client's config/jest.config.ts: projects that spread `defaults` with `rootDir: 'src'`, run by `jest --config ./config/jest.config.ts`.
    const tree = (rootDir: string, configRootDir = '') => ({
      'package.json': pkg({ test: 'jest --config ./config/jest.config.js' }),
      'config/jest.config.js': `const defaults = { ${rootDir} };\nmodule.exports = { ${configRootDir}projects: [{ ...defaults, displayName: 'core', testPathIgnorePatterns: ['\\\\.tsx$'] }, { ...defaults, displayName: 'react', testMatch: ['**/*.test.tsx'] }] };\n`,
      'src/add.test.ts': REAL,
      'src/react/render.test.tsx': REAL,
      'config/helper.test.js': EMPTY,
    });
    expect(await judged(tree("rootDir: 'src'"))).toEqual({ findings: [], testFiles: 2 });
    expect(await judged(tree("rootDir: '<rootDir>/../src'"))).toEqual({ findings: [], testFiles: 2 });
    // With none, the project is rooted in the config file's folder, whatever the config's own rootDir.
    expect(await judged(tree('', "rootDir: '..', "))).toEqual({ findings: ['test/empty config/helper.test.js', 'tests/none package.json'], testFiles: 1 });
  });

  it('reads a jest project given as a config file, once, with its rootDir in its own folder', async () => {
    // mobx's: the script's config lists the package's own jest.config.js, built by a helper from the settings it is given.
    const files = {
      'package.json': pkg({ test: 'jest --config jest.projects.js' }),
      'jest.projects.js': "module.exports = { coverageDirectory: '<rootDir>/coverage/', projects: ['<rootDir>/jest.config.js'] };\n",
      'jest.config.js': "const buildConfig = require('./jest.base.config');\nmodule.exports = buildConfig(__dirname, { testRegex: '__tests__/base/.*\\\\.(t|j)sx?$' });\n",
      'jest.base.config.js': 'module.exports = (dir, config) => ({ testEnvironment: "jsdom", ...config });\n',
      '__tests__/base/add.js': REAL,
      '__tests__/perf/perf.js': "test('create array', () => { const a = []; for (let i = 0; i < 1000; i++) a.push(i); log(a.length); });\n",
    };
    expect(await judged(files)).toEqual({ findings: [], testFiles: 1 });
    // A config that lists itself is read once.
    const looped = await run({ ...files, 'jest.projects.js': "module.exports = { projects: ['<rootDir>/jest.projects.js', '<rootDir>/jest.config.js'] };\n" });
    expect(looped.metrics['test-files']).toBe(1);
  });

  it('reads vitest test.include and test.exclude through defineConfig', async () => {
    expect(await judged({
      'package.json': pkg({ test: 'vitest run' }),
      'vitest.config.ts': "import { defineConfig } from 'vitest/config';\nexport default defineConfig({ test: { include: ['tests/**/*.test.js'], exclude: ['tests/wip/**'] } });\n",
      'tests/add.test.js': REAL,
      'tests/wip/draft.test.js': EMPTY,
      'other/add.test.js': EMPTY,
    })).toEqual({ findings: [], testFiles: 1 });
  });

  it('reads inline vitest projects: a file is a test when one project includes it; extends: true inherits the root', async () => {
    const config = [
      "import { defineConfig } from 'vitest/config';",
      'export default defineConfig({',
      "  test: { exclude: ['**/wip/**'], projects: [",
      "    { extends: true, test: { name: 'unit', include: ['spec/unit/**/*.js'] } },",
      "    { test: { name: 'browser', include: ['spec/browser/**/*.js'] } },",
      '  ] },',
      '});',
    ].join('\n');
    expect(await judged({
      'package.json': pkg({ test: 'vitest run' }),
      'vitest.config.ts': config,
      'spec/unit/add.js': REAL,
      'spec/unit/wip/draft.js': EMPTY,
      'spec/browser/page.js': REAL,
      'tests/ignored.test.js': EMPTY,
    })).toEqual({ findings: [], testFiles: 2 });
    // Projects given as paths or globs are folders with configs of their own: the root's own selection stands.
    expect(await judged({ 'package.json': pkg({ test: 'vitest run' }), 'vitest.config.ts': "export default { test: { include: ['tests/**/*.test.js'], projects: ['packages/*'] } };\n", 'tests/add.test.js': REAL, 'other/add.test.js': EMPTY })).toEqual({ findings: [], testFiles: 1 });
    // A project computed in the config cannot be read.
    const computed = await run({ 'package.json': pkg({ test: 'vitest run' }), 'vitest.config.ts': "export default { test: { projects: [makeProject('unit')] } };\n", 'tests/add.test.js': REAL });
    expect(rules(computed)).toEqual(['tests/runner-config vitest.config.ts']);
  });

  it("takes vitest's type tests for tests where its typecheck is enabled, in its config or by the script", async () => {
    const TYPE_TEST = "import { expectTypeOf, test } from 'vitest';\ntest('types', () => { expectTypeOf(add(1, 2)).toEqualTypeOf<number>(); });\n";
    const project = (typecheck: string, test = 'vitest run') => judged({
      'package.json': pkg({ test }),
      'vitest.config.ts': `export default { test: { include: ['test/**/*.test.ts']${typecheck} } };\n`,
      'test/add.test.ts': REAL,
      'test/add.test-d.ts': TYPE_TEST,
      'test/more.test-d.ts': TYPE_TEST,
      'types/check.spec-d.ts': TYPE_TEST,
    });
    // h3's: the default type tests; then those its include names.
    expect(await project(', typecheck: { enabled: true }')).toEqual({ findings: [], testFiles: 4 });
    expect(await project(", typecheck: { enabled: true, include: ['types/**/*.spec-d.ts'] }")).toEqual({ findings: [], testFiles: 2 });
    expect(await project('')).toEqual({ findings: [], testFiles: 1 });
    // valibot's `vitest --typecheck` switches it on whatever the config says.
    expect(await project('', 'vitest --typecheck')).toEqual({ findings: [], testFiles: 4 });
    expect(await project(', typecheck: { enabled: !!process.env.CI }', 'vitest run --typecheck.only')).toEqual({ findings: [], testFiles: 4 });
    // Switched on at run time (h3's `enabled: !process.argv.includes('bench')`): its type tests are judged, with the rest of the config read.
    expect(await project(", typecheck: { enabled: !process.argv.includes('bench') }")).toEqual({ findings: [], testFiles: 4 });
    // Pointed at run time: which files run is unknown, said in a notice, and the conventions judge them.
    expect(await project(', typecheck: { enabled: true, include: typeTests() }')).toEqual({ findings: ['tests/runner-config vitest.config.ts'], testFiles: 4 });
  });

  it("reads vite.config for vitest's unless the test scripts only run other runners", async () => {
    const viteConfig = "import { defineConfig } from 'vite';\nimport { shared } from '@acme/vite';\nexport default defineConfig(({ mode }) => shared(mode));\n";
    const project = (scripts: Record<string, string>) => run({ 'package.json': pkg(scripts), 'vite.config.ts': viteConfig, 'src/add.test.js': REAL });
    // A build's config beside jest (logto's console): jest's own selection, and no notice.
    expect(rules(await project({ test: 'jest', 'test:e2e': 'playwright test' }))).toEqual([]);
    // What vitest, nx, or a script of the project's own runs may read it.
    for (const test of ['vitest run', 'jest && vitest run', 'nx test', 'node scripts/run-tests.mjs']) {
      expect(rules(await project({ test }))).toEqual(['tests/runner-config vite.config.ts']);
    }
    // vitest.config is vitest's whatever the scripts run.
    const own = await run({ 'package.json': pkg({ test: 'jest' }), 'vitest.config.ts': viteConfig, 'src/add.test.js': REAL });
    expect(rules(own)).toEqual(['tests/runner-config vitest.config.ts']);
  });

  it('reads the config a config function returns on the path that sets test, beside early returns of builds', async () => {
    // formbricks's surveys: a UMD build's config on one path, the tests' on the other.
    const config = (umd: string) => [
      "import { defineConfig } from 'vitest/config';",
      'const config = ({ mode }) => {',
      '  const shared = { plugins: [] };',
      '  const isUmdBuild = process.env.BUILD_UMD === "true";',
      `  if (isUmdBuild) {\n    return defineConfig({ ...shared, ${umd} });\n  }`,
      "  return defineConfig({ ...shared, test: { projects: [{ extends: true, test: { include: ['spec/**/*.test.ts'] } }] } });",
      '};',
      'export default config;',
      '',
    ].join('\n');
    const project = (umd: string) => judged({ 'package.json': pkg({ test: 'vitest run' }), 'vitest.config.mts': config(umd), 'spec/add.test.ts': REAL, 'src/draft.test.ts': EMPTY });
    expect(await project("build: { lib: { formats: ['umd'] } }")).toEqual({ findings: [], testFiles: 1 });
    // Two paths that set test: which runs is not known.
    expect(await project("test: { include: ['src/**/*.test.ts'] }")).toEqual({ findings: ['test/empty src/draft.test.ts', 'tests/runner-config vitest.config.mts'], testFiles: 2 });
  });

  it("follows a config that re-exports another one (`export { default } from '../../vitest.config'`)", async () => {
    expect(await judged({
      'package.json': pkg({ test: 'vitest run' }),
      'vitest.config.ts': "export { default } from './config/vitest.shared';\n",
      'config/vitest.shared.ts': "import { defineConfig, mergeConfig } from 'vitest/config';\nexport default mergeConfig(base, defineConfig({ test: { exclude: ['**/wip/**'] } }));\n",
      'test/add.test.js': REAL,
      'test/wip/draft.test.js': EMPTY,
    })).toEqual({ findings: [], testFiles: 1 });
  });

  it("reads jasmine's spec_dir and spec_files, its defaults, and jasmine-browser-runner's specDir and specFiles", async () => {
    // As jasmine's own repository: `FooSpec.js` below spec/core, helpers that are no specs, and a spec folder no config names.
    const tree = (scripts: Record<string, string>, configs: Record<string, string>) => ({
      'package.json': pkg(scripts),
      'spec/core/EnvSpec.js': REAL,
      'spec/core/sub/ClockSpec.mjs': REAL,
      'spec/helpers/init.js': EMPTY,
      'spec/html/HtmlReporterSpec.js': REAL,
      'spec/npmPackage/wip.spec.js': EMPTY,
      'spec/performance/large.spec.js': EMPTY,
      ...configs,
    });
    const nodeConfig = JSON.stringify({ spec_dir: 'spec', spec_files: ['core/**/*[Ss]pec.?(m)js', 'npmPackage/**/*[Ss]pec.js', '!npmPackage/wip.spec.js'], helpers: ['helpers/**/*.js'] });
    expect(await judged(tree({ test: 'jasmine' }, { 'spec/support/jasmine.json': nodeConfig }))).toEqual({ findings: [], testFiles: 2 });
    // Named with --config, in another place.
    expect(await judged(tree({ test: 'jasmine --config=config/jasmine.ci.json' }, { 'config/jasmine.ci.json': nodeConfig }))).toEqual({ findings: [], testFiles: 2 });
    // No config: every `*Spec.js` and `*.spec.js` below spec/, helpers and all, that the defaults name.
    expect(await judged(tree({ test: 'jasmine' }, {}))).toEqual({ findings: ['test/empty spec/npmPackage/wip.spec.js', 'test/empty spec/performance/large.spec.js'], testFiles: 5 });
    // jasmine-browser-runner's, beside node's.
    const browser = "module.exports = {\n  srcDir: 'src',\n  specDir: 'spec',\n  specFiles: ['**/*[Ss]pec.js', '!npmPackage/**/*', '!performance/**/*'],\n  helpers: ['helpers/init.js'],\n};\n";
    expect(await judged(tree({ test: 'jasmine && jasmine-browser-runner runSpecs' }, { 'spec/support/jasmine.json': nodeConfig, 'spec/support/jasmine-browser.js': browser }))).toEqual({ findings: [], testFiles: 3 });
  });

  it('follows a config exported by name: re-exported as the default, or imported and exported', async () => {
    const files = (config: string) => ({
      'package.json': pkg({ test: 'vitest run' }),
      'vitest.config.ts': config,
      // As sveltekit's test apps share theirs: `export const config = { … }` in a module of the tests.
      'config/shared.ts': "export const unit = { test: { exclude: ['**/wip/**'] } };\nexport const e2e = { test: { exclude: [] } };\nexport default { test: { exclude: [] } };\n",
      'test/add.test.js': REAL,
      'test/wip/draft.test.js': EMPTY,
    });
    const chosen = { findings: [], testFiles: 1 };
    expect(await judged(files("export { unit as default } from './config/shared';\n"))).toEqual(chosen);
    expect(await judged(files("import { unit } from './config/shared';\nexport default { ...unit };\n"))).toEqual(chosen);
    // Another export of the module is not that one.
    expect(await judged(files("export { e2e as default } from './config/shared';\n"))).toEqual({ findings: ['test/empty test/wip/draft.test.js'], testFiles: 2 });
  });

  it('takes what a spread config sets, of the file or imported from another, unless a property after it sets it again', async () => {
    // react-router's `{ ...sharedConfig, displayName }`, sharedConfig imported with its testMatch; apollo-client's `{ ...defaults }` with rootDir.
    const files = {
      'package.json': pkg({ test: 'jest' }),
      'jest/shared.js': "export default { testMatch: ['<rootDir>/**/*-test.[jt]s'] };\n",
      'jest.config.js': "import shared from './jest/shared.js';\nconst ci = { testPathIgnorePatterns: ['/ci/'] };\nexport default { ...shared, ...ci, displayName: 'unit', testPathIgnorePatterns: ['/wip/'] };\n",
      '__tests__/add-test.js': REAL,
      '__tests__/helpers.js': EMPTY,
      'wip/draft-test.js': EMPTY,
      'ci/only-test.js': REAL,
    };
    expect(await judged(files)).toEqual({ findings: [], testFiles: 2 });
    // CommonJS: `const shared = require('./jest/shared.cjs')`; a package's config is not read, and adds nothing.
    expect(await judged({
      ...files,
      'jest/shared.cjs': "module.exports = { testMatch: ['<rootDir>/**/*-test.[jt]s'] };\n",
      'jest.config.js': "const shared = require('./jest/shared.cjs');\nconst preset = require('@acme/jest-preset');\nmodule.exports = { ...preset, ...shared, testPathIgnorePatterns: ['/wip/'] };\n",
    })).toEqual({ findings: [], testFiles: 2 });
  });

  it('adds the files that another test script chooses with a config of its own: NestJS\'s test:e2e', async () => {
    // NestJS's scaffold: unit specs under src/ by package.json's jest, end-to-end specs by test/jest-e2e.json.
    const nest = (e2eScript: string) => ({
      'package.json': pkg({ test: 'jest', 'test:watch': 'jest --watch', 'test:e2e': e2eScript }, { jest: { rootDir: 'src', testRegex: '.*\\.spec\\.ts$' } }),
      'test/jest-e2e.json': JSON.stringify({ rootDir: '.', testRegex: '.e2e-spec.ts$' }),
      'test/app.e2e-spec.ts': REAL,
      'test/users.e2e-spec.ts': EMPTY,
      'test/utils/seed.ts': 'export const seed = () => undefined;\n',
    });
    expect(await judged(nest('jest --config ./test/jest-e2e.json'))).toEqual({ findings: ['test/empty test/users.e2e-spec.ts'], testFiles: 2 });
    // And what another runner it runs chooses: Playwright's defaults take any `*.test.ts`.
    const legacy = { ...nest('jest --config ./test/jest-e2e.json && playwright test'), 'test/legacy.test.ts': EMPTY };
    expect(rules(await run(legacy))).toEqual(['test/empty test/legacy.test.ts', 'test/empty test/users.e2e-spec.ts']);
    // A script that runs no runner of its own config adds nothing: the specs are not judged, and the package has no test.
    expect(rules(await run(nest('echo "run in docker"')))).toEqual(['tests/none package.json']);
  });

  it('reads mocha spec from .mocharc.yml', async () => {
    expect(await judged({
      'package.json': pkg({ test: 'mocha' }),
      '.mocharc.yml': 'spec: spec/**/*.js\n',
      'spec/add.js': REAL,
      'test/unused.test.js': EMPTY,
    })).toEqual({ findings: [], testFiles: 1 });
  });

  it.each([
    ['jest', 'jest.config.cts', "module.exports = { testMatch: ['**/specs/**'] };\n"],
    ['jest', 'jest.config.json', '{\n  // jest strips comments from its JSON config\n  "testMatch": ["**/specs/**"]\n}\n'],
    ['vitest', 'vite.config.mts', "export default { test: { include: ['specs/**'] } };\n"],
    ['vitest', 'vitest.config.cjs', "module.exports = { test: { include: ['specs/**'] } };\n"],
    ['mocha', '.mocharc.jsonc', '{\n  // mocha strips comments from .mocharc.jsonc\n  "spec": "specs/**"\n}\n'],
  ])("reads a package's %s config named %s in its own folder, not one in a folder below", async (runner, name, config) => {
    expect(await judged({
      'package.json': pkg({ test: 'jest' }, { workspaces: ['apps/*'] }),
      '__tests__/add.test.js': REAL,
      'apps/web/package.json': pkg({ test: runner }),
      'apps/web/src/add.js': 'export const add = (a, b) => a + b;\n',
      [`apps/web/${name}`]: config,
      'apps/web/specs/add.js': REAL,
      'apps/web/specs/more/add.js': REAL,
      [`apps/web/tools/${name}`]: config.replace('specs/**', 'nothing/**'),
      'apps/web/test/unused.test.js': EMPTY,
    })).toEqual({ findings: [], testFiles: 3 });
  });

  it('keeps the conventional test files of another runner the scripts run (node --test beside jest)', async () => {
    expect(await judged({
      'package.json': pkg({ test: 'node --test test/*.js && yarn jest' }, { jest: { testMatch: ['<rootDir>/test/jest/**'] } }),
      'test/jest/add.js': REAL,
      'test/empty.test.js': EMPTY,
    })).toEqual({ findings: ['test/empty test/empty.test.js'], testFiles: 2 });
  });

  it('keeps the conventional test files when the test script runs no runner the gate knows, beside one another script runs', async () => {
    // eslint's: `test` is a Makefile task, and a side script runs mocha with its defaults (test/*.js).
    const files = { 'tests/lib/linter.js': EMPTY, 'test/cli.js': REAL };
    const makefile = await run({ 'package.json': pkg({ test: 'node Makefile.js test', 'test:cli': 'mocha' }), ...files });
    expect(rules(makefile)).toEqual(['test/empty tests/lib/linter.js']);
    // A test script that runs mocha itself decides by mocha's defaults.
    expect(await judged({ 'package.json': pkg({ test: 'mocha', 'test:cli': 'mocha' }), ...files })).toEqual({ findings: [], testFiles: 1 });
  });

  it('takes a runner that node runs by path for that runner, with its config and arguments', async () => {
    // webpack's suite: jest's testMatch picks test/*.test.js; the cases below test/cases/ are input its tests compile.
    expect(await judged({
      'package.json': pkg({ test: 'node --expose-gc --max-old-space-size=4096 node_modules/jest-cli/bin/jest --logHeapUsage' }),
      'jest.config.js': "module.exports = {\n  testMatch: ['<rootDir>/test/*.test.js'],\n};\n",
      'test/add.test.js': REAL,
      'test/cases/parsing/index.js': EMPTY,
    })).toEqual({ findings: [], testFiles: 1 });
    expect(await judged({
      'package.json': pkg({ test: 'node --trace-warnings node_modules/mocha/bin/_mocha test/unit' }),
      'test/unit/add.test.js': REAL,
      'test/fixtures/empty.test.js': EMPTY,
      'test/integration/empty.test.js': EMPTY,
    })).toEqual({ findings: [], testFiles: 1 });
  });

  it('takes the suites an entry file the runner is given loads from its folder down, a few modules deep', async () => {
    // rollup's: `mocha test/test.js`, whose describe requires each suite's index.js, and misc/index.js more.
    const files = (test: string) => ({
      'package.json': pkg({ test }),
      'src/add.js': 'export const add = (a, b) => a + b;\n',
      'test/test.js': "const { add } = require('../src/add.js');\ndescribe('lib', () => {\n  require('./function/index.js');\n  require('./misc');\n});\n",
      'test/function/index.js': REAL,
      'test/misc/index.js': "require('./watch.js');\n",
      'test/misc/watch.js': EMPTY,
      'test/other/unused.test.js': EMPTY,
    });
    expect(await judged(files('mocha test/test.js'))).toEqual({ findings: ['test/empty test/misc/watch.js'], testFiles: 4 });
    // A suite that does not parse loads nothing more, and is reported.
    expect(await judged({ ...files('mocha test/test.js'), 'test/misc/index.js': "require('./watch.js');\nit('broken', () => {\n" })).toEqual({ findings: ['test/parse-error test/misc/index.js'], testFiles: 3 });
    // From an entry at the package's top, only test code: what else it loads is the code under test (solid's `node test.js` loads its index.js).
    const top = await run({ ...files('mocha test.js'), 'test.js': "const { add } = require('./src/add.js');\nrequire('./test/function/index.js');\n" });
    expect(rules(top)).toEqual([]);
    expect(top.metrics).toMatchObject({ 'test-files': 2, 'source-files': 1 });
  });

  it('counts the runners of every test script: tstyche type tests beside a jest that ignores them', async () => {
    const report = await run({
      'package.json': pkg({ test: 'jest', 'test-types': 'tstyche' }, { jest: { testPathIgnorePatterns: ['/__typetests__/'] } }),
      '__typetests__/add.test.ts': "import { expect } from 'tstyche';\ntest('add', () => { expect(add(1, 2)).type.toBe<number>() });\n",
    });
    expect(rules(report)).toEqual([]);
    expect(report.metrics['real-tests']).toBe(1);
    // immutable-js's tstyche.config.json names its own: `testFileMatch: ['type-definitions/ts-tests/*.ts']`.
    const TYPE_TEST = "import { expect, test } from 'tstyche';\ntest('get', () => { expect(get(map, 'a')).type.toBe<number>(); });\n";
    const configured = await run({
      'package.json': pkg({ test: 'jest', 'test:types': 'tstyche' }),
      'jest.config.json': JSON.stringify({ testEnvironment: 'node' }),
      'tstyche.config.json': JSON.stringify({ testFileMatch: ['./type-definitions/ts-tests/*.ts'] }),
      'src/map.test.js': REAL,
      'type-definitions/ts-tests/map.ts': TYPE_TEST,
      'type-definitions/ts-tests/list.ts': TYPE_TEST,
      'typetests/old.tst.ts': TYPE_TEST,
    });
    expect(configured.metrics).toMatchObject({ 'test-files': 3, 'real-tests': 3 });
    // A config tstyche cannot read either (it stops on it): its default files are judged, and the notice says why.
    const typeTestFiles = { 'src/map.test.js': REAL, 'type-definitions/ts-tests/map.ts': TYPE_TEST, 'typetests/old.tst.ts': TYPE_TEST };
    for (const config of ['{ "testFileMatch": ["./type-definitions/**/*.ts"', JSON.stringify({ testFileMatch: 'type-definitions/ts-tests/*.ts' })]) {
      const unread = await run({ 'package.json': pkg({ test: 'jest', 'test:types': 'tstyche' }), 'jest.config.json': '{}', 'tstyche.config.json': config, ...typeTestFiles });
      expect(unread.findings.map((finding) => [finding.rule, finding.file, finding.message])).toEqual([
        ['tests/runner-config', 'tstyche.config.json', "tstyche.config.json does not parse, or its testFileMatch is not a list of globs, so tstyche's default test files were judged."],
      ]);
      expect(unread.metrics).toMatchObject({ 'test-files': 2, 'real-tests': 2 });
    }
    // One that leaves the files to tstyche's defaults says nothing.
    const defaults = await run({ 'package.json': pkg({ test: 'jest', 'test:types': 'tstyche' }), 'jest.config.json': '{}', 'tstyche.config.json': JSON.stringify({ checkSourceFiles: true }), ...typeTestFiles });
    expect(rules(defaults)).toEqual([]);
    expect(defaults.metrics).toMatchObject({ 'test-files': 2, 'real-tests': 2 });
  });

  it("judges tsd's test-d folder as type tests, beside a runner whose files are read", async () => {
    // type-fest's: `node --test` runs its own files, tsd the folder's, named as sources are.
    const TYPE_TEST = "import { expectType } from 'tsd';\nexpectType<number>(add(1, 2));\n";
    const report = await run({
      'package.json': pkg({ 'test:tsd': 'tsd', 'test:node': 'node --test', test: 'run-p test:*' }),
      'index.d.ts': 'export declare function add(a: number, b: number): number;\n',
      'source/add.js': 'export const add = (a, b) => a + b;\n',
      'test/add.test.js': REAL,
      'test-d/add.ts': TYPE_TEST,
      'test-d/nested/more.ts': TYPE_TEST,
      'test-d/empty.ts': 'export {};\n',
    });
    expect(rules(report)).toEqual([]);
    expect([report.metrics['test-files'], report.metrics['real-tests']]).toEqual([4, 3]);
    // tsd alone: the folder is found by the conventions.
    const typesOnly = await run({ 'package.json': pkg({ test: 'tsd' }), 'source/add.js': 'export const add = (a, b) => a + b;\n', 'test-d/add.ts': TYPE_TEST });
    expect(rules(typesOnly)).toEqual([]);
    expect(typesOnly.metrics['real-tests']).toBe(1);
  });

  it('reads a spec or path into build output at the sources the build compiles', async () => {
    expect(await judged({
      'package.json': pkg({ test: 'tsc && mocha' }),
      '.mocharc.json': '{\n  // tsc writes build/compiled\n  "spec": ["./build/compiled/test/**/*.test.{js,ts}"]\n}\n',
      'test/functional/save.test.ts': REAL,
      'test/functional/entity/Post.ts': 'export class Post {}\n',
      'test/github-issues/1/issue-1.test.ts': EMPTY,
    })).toEqual({ findings: ['test/empty test/github-issues/1/issue-1.test.ts'], testFiles: 2 });
    // babel --out-dir build: the .jsx sources are what mocha runs, compiled.
    expect(await judged({
      'package.json': pkg({ build: 'babel test --out-dir build/test', test: 'npm run build && mocha --recursive build/test/unit' }),
      'test/unit/add-spec.jsx': REAL,
      'test/unit/helpers/render.jsx': EMPTY,
      'test/integration/slow-spec.jsx': EMPTY,
    })).toEqual({ findings: ['test/empty test/unit/helpers/render.jsx'], testFiles: 2 });
    // A spec that matches files is taken as it is, even in a folder named lib.
    expect(await judged({ 'package.json': pkg({ test: 'mocha' }), '.mocharc.json': '{ "spec": "lib/**/*.spec.js" }', 'lib/add.spec.js': REAL, 'test/add.spec.js': EMPTY })).toEqual({ findings: [], testFiles: 1 });
  });

  it("judges by vitest's and jest's defaults where the package has no config: a helper below test/ is no test file", async () => {
    // rxjs's observable-polyfill runs `vitest --run` and keeps the web platform tests' harness below test/wpt/, which vitest never runs;
    // next-auth's core keeps test/utils.ts beside its specs, logto's cli src/test-utils.ts.
    const files = {
      'src/index.ts': 'export const add = (a, b) => a + b;\n',
      'src/test-utils.ts': EMPTY,
      'test/wpt/resources/harness.js': "test(function () { assert_true(ready) }, 'harness');\n",
      'test/utils.ts': EMPTY,
    };
    expect(await judged({ 'package.json': pkg({ test: 'vitest --run' }), 'src/index.spec.ts': REAL, ...files })).toEqual({ findings: [], testFiles: 1 });
    expect(await judged({ 'package.json': pkg({ test: 'jest' }), 'src/__tests__/index.ts': REAL, ...files })).toEqual({ findings: [], testFiles: 1 });
    // A script that chooses the files by its flags, or names a config the gate cannot read, leaves them to the conventions,
    // which judge test/utils.ts and src/test-utils.ts too (each one empty test), not to the defaults.
    for (const test of ["jest --testMatch '**/test/**/*.ts'", 'vitest --run --root src', `jest --config '{"testMatch":["**/test/**/*.ts"]}'`]) {
      expect(await judged({ 'package.json': pkg({ test }), 'src/__tests__/index.ts': REAL, 'src/index.spec.ts': REAL, ...files })).toEqual({ findings: ['test/empty src/test-utils.ts', 'test/empty test/utils.ts'], testFiles: 5 });
    }
  });

  it('reads the paths given to node --test and to mocha', async () => {
    expect(await judged({
      'package.json': pkg({ test: 'node --test --test-reporter spec test/unit/' }),
      'test/unit/add.test.js': REAL,
      'test/unit/helpers/setup.js': EMPTY,
      'test/manual/empty.test.js': EMPTY,
    })).toEqual({ findings: [], testFiles: 1 });
    expect(await judged({
      'package.json': pkg({ test: 'mocha --require test/support/env --reporter spec test/ test/acceptance/' }),
      'test/add.js': REAL,
      'test/acceptance/app.js': REAL,
      'test/support/env.js': EMPTY,
    })).toEqual({ findings: [], testFiles: 2 });
    // tape's `nyc tap 'test/*.js'`: the fixtures its tests run from test/<folder>/ are not tests; a folder is searched deep.
    const tape = { 'test/only.js': REAL, 'test/exit/todo.js': EMPTY, 'test/async/fail.js': EMPTY, 'lib/test/deep.js': REAL };
    expect(await judged({ 'package.json': pkg({ test: "nyc tap --timeout 60 'test/*.js'" }), ...tape })).toEqual({ findings: [], testFiles: 1 });
    expect(await judged({ 'package.json': pkg({ test: 'tape test/*.js lib/test' }), ...tape })).toEqual({ findings: [], testFiles: 2 });
  });

  it('reads a config written as a function of the command, and a vite config with no test key as the defaults', async () => {
    const configs = [
      "import { defineConfig } from 'vitest/config';\nexport default defineConfig(({ command }) => ({ test: { include: ['tests/**/*.test.js'] } }));\n",
      "import { defineConfig } from 'vitest/config';\nexport default defineConfig(function () {\n  const include = ['tests/**/*.test.js'];\n  return { test: { include } };\n});\n",
      "export default async ({ mode }) => ({ test: { include: ['tests/**/*.test.js'] } });\n",
      // What a function of the file returns (logto's apps: `mergeConfig(defaultConfig, buildConfig(mode))`).
      "import { defineConfig, mergeConfig } from 'vitest/config';\nimport { defaults } from './shared';\nconst buildConfig = (mode) => ({ test: { include: ['tests/**/*.test.js'], reporters: [mode] } });\nexport default defineConfig(({ mode }) => mergeConfig(defaults, buildConfig(mode)));\n",
      // Statements that work before the return (react-admin's examples: aliases built in a loop): the rest of the config is read.
      "export default defineConfig(async () => {\n  const aliases = {};\n  for (const dir of fs.readdirSync('packages')) {\n    aliases[dir] = path.resolve('packages', dir, 'src');\n  }\n  return { resolve: { alias: aliases }, test: { include: ['tests/**/*.test.js'] } };\n});\n",
    ];
    for (const config of configs) {
      expect(await judged({ 'package.json': pkg({ test: 'vitest run' }), 'vitest.config.ts': config, 'tests/add.test.js': REAL, 'other/add.test.js': EMPTY }), config).toEqual({ findings: [], testFiles: 1 });
    }
    // A vite config that sets nothing for tests leaves vitest's defaults, read as such: no notice.
    const vite = "import { defineConfig } from 'vite';\nexport default defineConfig(({ command }) => ({ base: command === 'build' ? '/app/' : '/', plugins: [] }));\n";
    const defaults = await run({ 'package.json': pkg({ test: 'vitest run' }), 'vite.config.ts': vite, 'src/add.test.js': REAL, 'e2e/flow.js': EMPTY });
    expect(rules(defaults)).toEqual([]);
    const built = "import { defineConfig, mergeConfig } from 'vite';\nconst buildConfig = (mode) => ({ base: '/app', plugins: [compress({ disable: mode === 'development' })] });\nexport default defineConfig(({ mode }) => mergeConfig(shared, buildConfig(mode)));\n";
    expect(rules(await run({ 'package.json': pkg({ test: 'vitest run' }), 'vite.config.ts': built, 'src/add.test.js': REAL }))).toEqual([]);
    // Beside a vitest config, a vite config is not the one vitest reads.
    const both = await run({ 'package.json': pkg({ test: 'vitest run' }), 'vite.config.ts': "export default { root: 'web' };\n", 'vitest.config.ts': configs[0]!, 'tests/add.test.js': REAL, 'other/add.test.js': EMPTY });
    expect(both.metrics['test-files']).toBe(1);
    // Where the function may return another config, it is not read.
    const branching = "export default defineConfig(({ mode }) => {\n  if (mode === 'ci') return { test: { include: ['ci/**'] } };\n  return { test: { include: ['tests/**/*.test.js'] } };\n});\n";
    const computed = await run({ 'package.json': pkg({ test: 'vitest run' }), 'vitest.config.ts': branching, 'tests/add.test.js': REAL });
    expect(rules(computed)).toEqual(['tests/runner-config vitest.config.ts']);
    // Nor what such a statement makes (a list of tests filled in a loop), nor a return inside one.
    const filled = "export default defineConfig(() => {\n  const include = [];\n  for (const dir of ['tests']) include.push(`${dir}/**/*.test.js`);\n  return { test: { include } };\n});\n";
    expect(rules(await run({ 'package.json': pkg({ test: 'vitest run' }), 'vitest.config.ts': filled, 'tests/add.test.js': REAL }))).toEqual(['tests/runner-config vitest.config.ts']);
    const looped = "export default defineConfig(() => {\n  for (const mode of modes) { if (mode.ci) return { test: { include: ['ci/**'] } }; }\n  return { test: { include: ['tests/**/*.test.js'] } };\n});\n";
    expect(rules(await run({ 'package.json': pkg({ test: 'vitest run' }), 'vitest.config.ts': looped, 'tests/add.test.js': REAL }))).toEqual(['tests/runner-config vitest.config.ts']);
  });

  it("reads vitest's root and test.dir built from the config's own folder (import.meta.dirname, new URL(…, import.meta.url))", async () => {
    for (const dir of ["path.join(import.meta.dirname, 'test')", "new URL('./test/', import.meta.url).pathname"]) {
      expect(await judged({
        'package.json': pkg({ test: 'npm run test -ws' }, { workspaces: ['packages/*'] }),
        'test/add.test.js': REAL,
        'packages/codegen/package.json': pkg({ test: 'vitest run' }),
        'packages/codegen/src/generate.ts': 'export const generate = () => 1;\n',
        'packages/codegen/vitest.config.mts': `import * as path from 'node:path';\nimport { defineConfig } from 'vitest/config';\nexport default defineConfig({\n  root: import.meta.dirname,\n  test: { dir: ${dir}, root: import.meta.dirname },\n});\n`,
        'packages/codegen/test/generate.test.ts': REAL,
        'packages/codegen/src/draft.test.ts': EMPTY,
      })).toEqual({ findings: [], testFiles: 2 });
    }
  });

  it("takes vitest's test.root before vite's root", async () => {
    // floating-ui's packages: vite serves test/visual, vitest runs test/unit.
    expect(await judged({
      'package.json': pkg({ test: 'vitest run' }),
      'vite.config.mts': "import { defineConfig } from 'vite';\nexport default defineConfig({ root: './test/visual', test: { environment: 'jsdom', root: './test/unit' } });\n",
      'test/unit/add.test.ts': REAL,
      'test/unit/empty.test.ts': EMPTY,
      'test/visual/spec.test.ts': EMPTY,
    })).toEqual({ findings: ['test/empty test/unit/empty.test.ts'], testFiles: 2 });
    // The package's own folder written `./` (nestjs/typeorm's `test: { root: './', include: ['tests/**/*.spec.ts'] }`).
    expect(await judged({
      'package.json': pkg({ test: 'vitest run' }),
      'vitest.config.ts': "export default { test: { root: './', include: ['tests/**/*.spec.ts'] } };\n",
      'tests/add.spec.ts': REAL,
      'src/draft.test.ts': EMPTY,
    })).toEqual({ findings: [], testFiles: 1 });
  });

  it.each([
    ['CommonJS __dirname', "const path = require('path');\nmodule.exports = { roots: [path.resolve(__dirname, 'src'), `${__dirname}/lib`] };\n", 'jest.config.js'],
    ['__dirname of an ES module', "import { dirname, join } from 'node:path';\nimport { fileURLToPath } from 'node:url';\nconst __filename = fileURLToPath(import.meta.url);\nconst __dirname = dirname(__filename);\nexport default { roots: [join(__dirname, 'src'), join(__dirname, 'lib')] };\n", 'jest.config.mjs'],
    ['roots relative to rootDir', "module.exports = { rootDir: '..', roots: ['src', '<rootDir>/lib/'] };\n", 'config/jest.config.js'],
  ])("reads jest's roots built from the config's own folder: %s", async (_name, config, file) => {
    expect(await judged({
      'package.json': pkg({ test: `jest --config ${file}` }),
      [file]: config,
      'src/add.test.js': REAL,
      'lib/sub.test.js': REAL,
      'other/empty.test.js': EMPTY,
    })).toEqual({ findings: [], testFiles: 2 });
  });

  it("reads mocha's spec built from the config's own folder", async () => {
    expect(await judged({
      'package.json': pkg({ test: 'mocha' }),
      '.mocharc.cjs': "const path = require('node:path');\nmodule.exports = { spec: path.join(__dirname, 'spec', '**/*.js') };\n",
      'spec/add.js': REAL,
      'test/unused.test.js': EMPTY,
    })).toEqual({ findings: [], testFiles: 1 });
  });

  it("judges what testMatch selects when testPathIgnorePatterns is computed, with a notice, not every file by the conventions", async () => {
    const report = await run({
      'package.json': pkg({ test: 'jest' }),
      'jest.config.js': "const ignored = [];\nif (process.env.CI) ignored.push('slow/');\nmodule.exports = { testMatch: ['<rootDir>/tests/**/format.test.js'], testPathIgnorePatterns: ignored.map((file) => `<rootDir>/${file}`) };\n",
      'tests/js/format.test.js': REAL,
      'tests/js/fixtures/invalid.js': 'this is not (javascript',
      'tests/js/helpers.test.js': EMPTY,
    });
    expect(rules(report)).toEqual(['tests/runner-config jest.config.js']);
    expect(report.findings[0]!.message).toBe('jest.config.js computes testPathIgnorePatterns at run time, so the files it selects were judged, none left out by testPathIgnorePatterns.');
    expect(report.metrics['test-files']).toBe(1);
  });

  it("takes vitest's default exclude for an exclude built on configDefaults", async () => {
    expect(await judged({
      'package.json': pkg({ test: 'vitest run' }),
      'vitest.config.ts': "import { configDefaults, defineConfig } from 'vitest/config';\nexport default defineConfig({ test: { exclude: [...configDefaults.exclude] } });\n",
      'test/add.test.js': REAL,
      'dist/add.test.js': EMPTY,
    })).toEqual({ findings: ['tests/runner-config vitest.config.ts'], testFiles: 1 });
  });

  it('reads a list spread from lists its sibling configs export, and the elements beside them', async () => {
    // xstate-store's: `import { include as includeSolid } from './vitest.config.solid.mts'`, then `exclude: [...includeSolid, ...includeVue]`.
    expect(await judged({
      'package.json': pkg({ test: 'vitest run' }),
      'vitest.config.mts': "import { defineProject } from 'vitest/config';\nimport { include as includeSolid } from './vitest.config.solid.mts';\nconst own = ['test/slow/**'];\nexport default defineProject({ test: { include: ['test/**/*.test.ts'], exclude: [...includeSolid, ...own, 'test/vue.test.ts'] } });\n",
      'vitest.config.solid.mts': "import { defineProject } from 'vitest/config';\nexport const include = ['test/solid.test.ts'];\nexport default defineProject({ test: { include } });\n",
      'test/add.test.ts': REAL,
      'test/solid.test.ts': EMPTY,
      'test/vue.test.ts': EMPTY,
      'test/slow/big.test.ts': EMPTY,
    })).toEqual({ findings: [], testFiles: 1 });
  });

  it('does not read a path resolved from the working directory, which the config cannot know', async () => {
    const report = await run({
      'package.json': pkg({ test: 'jest' }),
      'jest.config.js': "const path = require('path');\nmodule.exports = { roots: [path.resolve('src')] };\n",
      'src/add.test.js': REAL,
      'other/empty.test.js': EMPTY,
    });
    expect(rules(report)).toEqual(['tests/runner-config jest.config.js', 'test/empty other/empty.test.js']);
    // Nor an absolute path outside the checkout: where it lies there is unknown.
    const elsewhere = await run({
      'package.json': pkg({ test: 'vitest run' }),
      'vitest.config.ts': "export default { test: { dir: '/srv/app/test' } };\n",
      'test/add.test.js': REAL,
      'other/empty.test.js': EMPTY,
    });
    expect(rules(elsewhere)).toEqual(['test/empty other/empty.test.js', 'tests/runner-config vitest.config.ts']);
  });

  it('takes a list the config changes after declaring it as computed, and leaves the rest of a changed object read', async () => {
    // graphql-yoga's `const testMatch = []`, pushed to under `if (process.env.INTEGRATION_TEST === 'true')` and in its else.
    const pushed = await run({
      'package.json': pkg({ test: 'jest' }),
      'jest.config.js': "const testMatch = [];\nif (process.env.INTEGRATION) testMatch.push('<rootDir>/integration/**/*.spec.js');\nelse testMatch.push('<rootDir>/packages/**/*.spec.js');\nmodule.exports = { testMatch };\n",
      'packages/add.spec.js': REAL,
      'integration/empty.spec.js': EMPTY,
    });
    expect(rules(pushed).sort()).toEqual(['test/empty integration/empty.spec.js', 'tests/runner-config jest.config.js']);
    // A change of another setting leaves the include read: the file outside it is not judged. So does a list of the same
    // name of a function's own.
    expect(await judged({
      'package.json': pkg({ test: 'vitest run' }),
      'vitest.config.js': [
        "const config = { test: { include: ['src/**/*.test.js'], setupFiles: [] } };",
        "if (process.env.CI) config.test.setupFiles.push('./ci-setup.js');",
        "function extra() { const config = []; config.push(1); return config; }",
        'export default config;',
        '',
      ].join('\n'),
      'src/add.test.js': REAL,
      'other/empty.test.js': EMPTY,
    })).toEqual({ findings: [], testFiles: 1 });
    // What module.exports holds, changed after it is set.
    expect(rules(await run({
      'package.json': pkg({ test: 'jest' }),
      'jest.config.js': "module.exports = { testMatch: ['<rootDir>/src/**/*.test.js'] };\nmodule.exports.testMatch.push('<rootDir>/more/**/*.test.js');\n",
      'src/add.test.js': REAL,
      'more/empty.test.js': EMPTY,
    })).sort()).toEqual(['test/empty more/empty.test.js', 'tests/runner-config jest.config.js']);
  });

  it("reads Object.assign's objects in turn, as spreads", async () => {
    // emotion's jest.dist.js, `Object.assign({}, baseConfig, { transformIgnorePatterns })`, run by `test:dist`: the base's ignored paths hold.
    const files = (dist: string) => ({
      'package.json': pkg({ test: 'jest', 'test:dist': 'jest -c jest.dist.js' }),
      'jest.config.js': "module.exports = { testPathIgnorePatterns: ['/node_modules/', '/__fixtures__/'] };\n",
      'jest.dist.js': dist,
      'test/add.test.js': REAL,
      'test/__fixtures__/input.test.js': EMPTY,
    });
    expect(await judged(files("const baseConfig = require('./jest.config.js');\nmodule.exports = Object.assign({}, baseConfig, { transformIgnorePatterns: ['dist'] });\n"))).toEqual({ findings: [], testFiles: 1 });
    // Set again after it, the base's setting is the later one's.
    expect(await judged(files("const baseConfig = require('./jest.config.js');\nmodule.exports = Object.assign({}, baseConfig, { testPathIgnorePatterns: [] });\n"))).toEqual({ findings: ['test/empty test/__fixtures__/input.test.js'], testFiles: 2 });
  });

  it('takes a config object that spreads what a call computes as computed: the call may set any setting', async () => {
    // ariakit's `test: { name: 'node', ...getProjectTestPatterns('node') }`, whose include takes bare `test.ts` files.
    const report = await run({
      'package.json': pkg({ test: 'vitest run' }),
      'vitest.config.ts': [
        "const patterns = (project: string) => ({ include: project === 'node' ? ['**/*test.ts'] : [] });",
        "export default defineConfig({ test: { projects: [{ extends: true, test: { name: 'node', ...patterns('node') } }] } });",
        '',
      ].join('\n'),
      'src/test.ts': EMPTY,
      'src/add.test.ts': REAL,
    });
    expect(rules(report).sort()).toEqual(['test/empty src/test.ts', 'tests/runner-config vitest.config.ts']);
  });

  it("leaves out what a script named for the tests' fixtures runs", async () => {
    // vitest's test/ui: Playwright specs as "test", and the fixture suites they start as `"test-fixtures": "vitest"`, with no config.
    const files = (name: string) => ({
      'package.json': pkg({ test: 'playwright test', [name]: 'vitest' }),
      'playwright.config.ts': "export default { testDir: './test' };\n",
      'test/ui.spec.ts': "test('shows', async ({ page }) => { await expect(page.getByText('x')).toBeVisible(); });\n",
      'fixtures/main/empty.test.ts': EMPTY,
    });
    expect(await judged(files('test-fixtures'))).toEqual({ findings: [], testFiles: 1 });
    expect(await judged(files('test:unit'))).toEqual({ findings: ['test/empty fixtures/main/empty.test.ts'], testFiles: 2 });
  });

  it('falls back to the conventions with a notice when the selection is computed', async () => {
    const report = await run({
      'package.json': pkg({ test: 'jest' }),
      'jest.config.js': "module.exports = { testMatch: require('./shared').match };\n",
      'test/add.test.js': REAL,
      'test/empty.test.js': EMPTY,
    });
    expect(rules(report)).toEqual(['tests/runner-config jest.config.js', 'test/empty test/empty.test.js']);
    expect(report.findings.find((finding) => finding.rule === 'tests/runner-config')).toMatchObject({ level: 'notice' });
    expect(report.status).toBe('fail');
  });
});
