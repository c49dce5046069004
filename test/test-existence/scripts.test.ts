import { describe, expect, it } from 'vitest';
import { executeGate } from '../../src/core/gate.js';
import { silentLogger } from '../../src/core/logger.js';
import { testExistenceGate } from '../../src/test-existence/gate.js';
import { checkTestScript } from '../../src/test-existence/scripts.js';
import { tempDir } from '../helpers/temp.js';

/** The rules and scripts of the problems a package's scripts have. */
function problems(scripts: Record<string, string>): string[] {
  return checkTestScript(scripts).problems.map((problem) => `${problem.rule} ${problem.script}`);
}

describe('scripts that cannot fail', () => {
  it.each([
    ['jest; echo done'],
    ['jest | tee out.txt'],
    ['jest 2>&1 | tee out.txt'],
    ['(jest || true)'],
    ['sh -c "jest || true"'],
    ["bash -c 'vitest run; exit 0'"],
    ['cross-env CI=1 jest || true'],
    ['dotenv -e .env.test -- vitest run || true'],
    ['c8 --reporter lcov mocha || true'],
    ['node --test; echo finished'],
    ['jest &'],
    ['npx jest | tee out.txt'],
    ['./scripts/run-tests.sh || true'],
  ])('%s', (script) => {
    expect(problems({ test: script })).toEqual(['script/ignored-exit-code test']);
  });

  it.each([
    ['jest'],
    ['jest && echo done'],
    ['set -o pipefail; jest | tee out.txt'],
    ['set -e; jest; echo done'],
    ['rm -rf coverage; jest'],
    ['jest || exit 1'],
    ['tsc && vitest run --coverage'],
    ['eslint . || true; jest'],
    ['test -f .env || cp .env.example .env; jest'],
  ])('%s can fail', (script) => {
    expect(problems({ test: script })).toEqual([]);
  });

  it('follows npm, pnpm, yarn and bun run, and run-s/run-p/npm-run-all/concurrently, to a script that cannot fail', () => {
    const unit = { 'test:unit': 'vitest run || true', 'test:e2e': 'playwright test' };
    for (const test of ['npm run test:unit', 'pnpm test:unit', 'pnpm run test:unit', 'yarn test:unit', 'bun run test:unit', 'run-s test:*', 'run-p "test:*"', 'npm-run-all --parallel test:e2e test:unit', 'concurrently "npm:test:*"']) {
      expect(problems({ test, ...unit }), test).toEqual(['script/ignored-exit-code test:unit']);
    }
    // A called script that runs tests is a test command, whatever its name.
    expect(problems({ test: 'npm run unit; echo ok', unit: 'jest' })).toEqual(['script/ignored-exit-code test']);
    // Scripts that call themselves do not loop.
    expect(problems({ test: 'npm run a', a: 'npm run b', b: 'npm run a' })).toEqual([]);
  });

  it('finds passWithNoTests in the flags and names the config a script passes', () => {
    expect(problems({ test: 'cross-env NODE_ENV=test jest --passWithNoTests' })).toEqual(['script/pass-with-no-tests test']);
    // Once for a script that runs its runner twice so.
    expect(problems({ test: 'vitest --passWithNoTests && vitest --config vitest.ssr.config.ts --passWithNoTests' })).toEqual(['script/pass-with-no-tests test']);
    expect(checkTestScript({ test: 'jest --config ./config/jest.ci.json', 'test:web': 'vitest run -c web/vitest.config.ts' }).configFiles).toEqual(['config/jest.ci.json']);
    expect(checkTestScript({ test: 'run-s test:*', 'test:web': 'vitest run --config=web/vitest.config.ts' }).configFiles).toEqual(['web/vitest.config.ts']);
  });

  it('reads placeholders and prints', () => {
    expect(problems({ test: 'echo "Error: no test specified" && exit 1' })).toEqual(['script/placeholder test']);
    expect(problems({ test: "echo 'no tests yet'" })).toEqual(['script/placeholder test']);
    expect(problems({ test: 'exit 0' })).toEqual(['script/ignored-exit-code test']);
  });

  it('says that a test script switched off with exit 0 beside others leaves its own tests out, not every test', () => {
    const messages = (scripts: Record<string, string>) => checkTestScript(scripts).problems.map((problem) => problem.message);
    expect(messages({ test: 'exit 0' })).toEqual(['the "test" script always exits 0 and runs no test (exit 0), so CI is green whatever the code does']);
    expect(messages({ test: 'npm run test:types && npm run test:unit', 'test:types': 'exit 0', 'test:unit': 'mocha test/index.js' })).toEqual([
      'the "test:types" script always exits 0 and runs no test (exit 0), so the tests it stands for do not run',
    ]);
  });
});

describe('passWithNoTests in every config form', () => {
  const run = (files: Record<string, string>) =>
    executeGate(testExistenceGate, { 'min-tests': 1, 'test-patterns': [], 'assert-functions': [], reports: [], levels: {}, allow: [] }, { cwd: tempDir(files), env: {}, log: silentLogger, inAction: false });
  const base = { 'src/add.js': 'export const add = (a, b) => a + b;\n', 'test/add.test.js': "it('adds', () => { expect(add(1, 2)).toBe(3) });\n" };
  const pkg = (scripts: Record<string, string>, extra: Record<string, unknown> = {}) => JSON.stringify({ name: 'app', scripts, ...extra }, null, 2);

  it.each([
    ['jest.config.json', { 'package.json': pkg({ test: 'jest' }), 'jest.config.json': '{\n  "passWithNoTests": true\n}\n' }, 'jest.config.json:2'],
    ['jest.config.json with comments, which jest strips', { 'package.json': pkg({ test: 'jest' }), 'jest.config.json': '{\n  // until the suite lands\n  "passWithNoTests": true\n}\n' }, 'jest.config.json:3'],
    ['package.json jest', { 'package.json': pkg({ test: 'jest' }, { jest: { passWithNoTests: true } }) }, 'package.json:7'],
    ['a JSON config passed with --config', { 'package.json': pkg({ test: 'jest --config config/jest.ci.json' }), 'config/jest.ci.json': '{ "rootDir": "..", "passWithNoTests": true }' }, 'config/jest.ci.json:1'],
    ['a JS config passed with -c', { 'package.json': pkg({ test: 'vitest run -c tools/vitest.ci.mjs' }), 'tools/vitest.ci.mjs': 'export default {\n  test: { passWithNoTests: true },\n};\n' }, 'tools/vitest.ci.mjs:2'],
    ['vitest.config.ts', { 'package.json': pkg({ test: 'vitest run' }), 'vitest.config.ts': "import { defineConfig } from 'vitest/config';\nexport default defineConfig({ test: { passWithNoTests: true } });\n" }, 'vitest.config.ts:2'],
  ])('%s', async (_name, files, where) => {
    const report = await run({ ...base, ...files });
    expect(report.findings.map((finding) => `${finding.rule} ${finding.file}:${finding.line}`)).toEqual([`script/pass-with-no-tests ${where}`]);
  });
});
