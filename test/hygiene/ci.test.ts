import { describe, expect, it } from 'vitest';
import { gitRepo, located, manifest, npmLock, runHygiene, workflow } from './helpers.js';

const SCRIPTS = { lint: 'eslint .', typecheck: 'tsc --noEmit', test: 'vitest run', build: 'tsc -p tsconfig.build.json' };
const SCANS = '      - run: npm audit --audit-level=high\n      - uses: gitleaks/gitleaks-action@ff98106e4c7b2bc287b24eaf42907196329070c7\n';

function pkg(name: string, extra: Record<string, unknown> = {}): string {
  return manifest({ name, private: true, scripts: SCRIPTS, ...extra });
}

async function notRun(files: Record<string, string>, section: Record<string, unknown> = {}): Promise<string[]> {
  const report = await runHygiene(gitRepo(files), section);
  return located(report).filter((entry) => /^ci\/\w+-not-run/.test(entry)).map((entry) => entry.replace(/:\d+$/, '')).sort();
}

function monorepo(workspaceRoot: Record<string, unknown>, steps: string, extraFiles: Record<string, string> = {}): Record<string, string> {
  return {
    'package.json': manifest({ name: 'mono', private: true, ...workspaceRoot }),
    'package-lock.json': npmLock('mono'),
    'packages/a/package.json': pkg('@m/a'),
    'packages/b/package.json': pkg('@m/b'),
    '.github/workflows/ci.yml': workflow(steps + SCANS),
    ...extraFiles,
  };
}

describe('ci/*-not-run', () => {
  it('follows npm workspaces, pnpm -r and --filter, yarn workspaces foreach, turbo and nx to every member', async () => {
    const all = '      - run: npm run lint --workspaces\n      - run: pnpm -r typecheck\n      - run: yarn workspaces foreach -A run test\n      - run: npx turbo run build --filter=@m/a\n      - run: npx nx run-many -t build -p b\n';
    expect(await notRun(monorepo({ workspaces: ['packages/*'] }, all))).toEqual([]);
    const partial = '      - run: npm run lint -w @m/a\n      - run: pnpm --filter ./packages/b typecheck\n      - run: npm test --workspaces\n      - run: npx turbo build\n';
    expect(await notRun(monorepo({ workspaces: ['packages/*'] }, partial))).toEqual(['ci/lint-not-run packages/b/package.json', 'ci/typecheck-not-run packages/a/package.json']);
  });

  it('follows working-directory, cd, npm --prefix, matrices, local composite actions and reusable workflows', async () => {
    const files = {
      'api/package.json': pkg('api'),
      'api/package-lock.json': npmLock('api'),
      'web/package.json': pkg('web'),
      'web/package-lock.json': npmLock('web'),
      'tools/package.json': pkg('tools'),
      'tools/package-lock.json': npmLock('tools'),
      '.github/actions/verify/action.yml': 'name: verify\nruns:\n  using: composite\n  steps:\n    - run: npm test --prefix tools\n      shell: bash\n',
      '.github/workflows/shared.yml': 'on:\n  workflow_call:\npermissions:\n  contents: read\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - run: cd web && npm run build && cd ../api && npm run build\n      - run: npm run build\n        working-directory: tools\n',
      '.github/workflows/ci.yml': workflow(
        `      - run: npm run lint\n        working-directory: \${{ matrix.dir }}\n      - run: npm run typecheck --prefix=\${{ matrix.dir }}\n      - uses: ./.github/actions/verify\n      - run: (cd api && npm test) && cd web && npx vitest run\n${SCANS}    strategy:\n      matrix:\n        dir: [api, web, tools]\n  shared:\n    uses: ./.github/workflows/shared.yml\n`,
      ),
    };
    expect(await notRun(files)).toEqual([]);
  });

  it('counts a script whose parts all ran, scripts run from hooks, and direct tools in the package', async () => {
    const files = {
      'package.json': manifest({ name: 'app', private: true, scripts: { ...SCRIPTS, pretest: 'npm run lint', test: 'vitest run', check: 'npm run typecheck && npm run build', verify: 'npm run check' } }),
      'package-lock.json': npmLock('app'),
      '.github/workflows/ci.yml': workflow(`      - run: npm test\n      - run: npm run verify\n${SCANS}`),
    };
    expect(await notRun(files)).toEqual([]);
    files['.github/workflows/ci.yml'] = workflow(`      - run: npx eslint .\n      - run: npx tsc --noEmit\n${SCANS}`);
    expect(await notRun(files)).toEqual(['ci/build-not-run package.json', 'ci/test-not-run package.json']);
  });

  it('counts scripts an install runs (postinstall, prepare) in the package and its workspace members', async () => {
    const files = {
      'package.json': manifest({ name: 'mono', private: true, workspaces: ['packages/*'], scripts: { test: 'npm test --workspaces' } }),
      'package-lock.json': npmLock('mono'),
      'packages/a/package.json': manifest({ name: 'a', scripts: { build: 'tsc', postinstall: 'npm run build', test: 'vitest run' } }),
      'packages/b/package.json': manifest({ name: 'b', scripts: { 'build:code': 'tsc', build: 'npm run build:code', prepare: 'npm run build:code', test: 'vitest run' } }),
      '.github/workflows/ci.yml': workflow(`      - run: npm ci\n      - run: npm test\n${SCANS}`),
    };
    expect(await notRun(files)).toEqual([]);
    files['.github/workflows/ci.yml'] = workflow(`      - run: npm ci --ignore-scripts=false lodash\n      - run: npm test\n${SCANS}`);
    expect(await notRun(files)).toEqual(['ci/build-not-run packages/a/package.json', 'ci/build-not-run packages/b/package.json']);
  });

  it('reports an unpinned action once however many matrix combinations run it', async () => {
    const report = await runHygiene(gitRepo({ '.github/workflows/ci.yml': workflow(`      - uses: some-org/setup@v1\n${SCANS}    strategy:\n      matrix:\n        node: [20, 22, 24]\n`) }));
    expect(located(report).filter((entry) => entry.startsWith('ci/unpinned'))).toEqual(['ci/unpinned-action .github/workflows/ci.yml:11']);
  });

  it('follows make and just targets, with their prerequisites, -C and the default target', async () => {
    const files = {
      'api/package.json': pkg('api'),
      'api/package-lock.json': npmLock('api'),
      'web/package.json': pkg('web'),
      'web/package-lock.json': npmLock('web'),
      Makefile: '.PHONY: ci\nci: check\n\t@cd web && npm run build\ncheck: lint\n\tnpm test --prefix api\n\tnpm test --prefix web\nlint:\n\t-npm run lint --prefix api\n\tnpm run lint --prefix web\n',
      'api/justfile': 'default:\n    npm run typecheck\n    npm run build\n',
      '.github/workflows/ci.yml': workflow(`      - run: make\n      - run: just\n        working-directory: api\n      - run: make -C . ci && npx tsc --noEmit\n        working-directory: web\n${SCANS}`),
    };
    expect(await notRun(files)).toEqual([]);
    files['.github/workflows/ci.yml'] = workflow(`      - run: make lint\n${SCANS}`);
    expect(await notRun(files)).toEqual(['ci/build-not-run api/package.json', 'ci/build-not-run web/package.json', 'ci/test-not-run api/package.json', 'ci/test-not-run web/package.json', 'ci/typecheck-not-run api/package.json', 'ci/typecheck-not-run web/package.json']);
  });

  it('counts split variants of a script (test:app, test:server) and leaves repositories on another CI service alone', async () => {
    const files = {
      'package.json': manifest({ name: 'app', private: true, scripts: { test: 'vitest run', 'test:app': 'vitest run --project app', 'test:server': 'vitest run --project server' } }),
      'package-lock.json': npmLock('app'),
      '.github/workflows/ci.yml': workflow(`      - run: yarn test:\${{ matrix.group }}\n${SCANS}    strategy:\n      matrix:\n        group: [app, server]\n`),
    };
    expect(await notRun(files)).toEqual([]);
    const travis = await runHygiene(gitRepo({ ...files, '.github/workflows/ci.yml': 'on: push\npermissions: {}\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo\n', '.travis.yml': 'language: node_js\n' }));
    expect(located(travis).filter((entry) => entry.startsWith('ci/'))).toEqual([]);
  });

  it('does not count workflows that never run on pull requests, and takes script names from the settings', async () => {
    const files = {
      'package.json': manifest({ name: 'app', private: true, scripts: { 'test:unit': 'vitest run', lint: 'eslint .' } }),
      'package-lock.json': npmLock('app'),
      '.github/workflows/ci.yml': workflow(`      - run: npm run lint\n${SCANS}`),
      '.github/workflows/nightly.yml': 'on:\n  push:\npermissions: {}\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n      - run: npm run test:unit\n',
    };
    expect(await notRun(files)).toEqual([]);
    expect(await notRun(files, { 'test-scripts': ['test:unit'] })).toEqual(['ci/test-not-run package.json']);
    const report = await runHygiene(gitRepo({ ...files, '.github/workflows/ci.yml': files['.github/workflows/nightly.yml'] }));
    expect(located(report)).toContain('ci/no-pull-request-workflow .github/workflows/ci.yml');
    expect(report.findings.find((finding) => finding.rule === 'ci/test-not-run')).toBeUndefined();
  });
});

describe('ci/* workflow safety', () => {
  it('reports pull_request_target that checks out the head, unpinned third-party actions, missing or write-all permissions, and invalid YAML', async () => {
    const report = await runHygiene(gitRepo({
      '.github/workflows/label.yml': 'on:\n  pull_request_target:\npermissions:\n  contents: read\njobs:\n  label:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/labeler@v5\n',
      '.github/workflows/preview.yml': [
        'on: pull_request_target',
        'permissions: write-all',
        'jobs:',
        '  preview:',
        '    runs-on: ubuntu-latest',
        '    steps:',
        '      - uses: actions/checkout@v4',
        '        with:',
        '          ref: ${{ github.event.pull_request.head.sha }}',
        '      - uses: some-org/deploy-preview@v2',
        `      - uses: other-org/pinned@${'c'.repeat(40)}`,
        '      - run: gh pr checkout ${{ github.event.number }}',
        '',
      ].join('\n'),
      '.github/workflows/open.yml': 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo\n',
      '.github/workflows/broken.yml': 'on: push\njobs:\n  a: [\n',
    }));
    expect(located(report).filter((entry) => entry.startsWith('ci/')).sort()).toEqual([
      'ci/invalid-workflow .github/workflows/broken.yml',
      'ci/permissions .github/workflows/open.yml:1',
      'ci/permissions .github/workflows/preview.yml:2',
      'ci/pull-request-target-checkout .github/workflows/preview.yml:7',
      'ci/unpinned-action .github/workflows/preview.yml:10',
      'ci/pull-request-target-checkout .github/workflows/preview.yml:12',
      'ci/no-pull-request-workflow .github/workflows/broken.yml',
    ].sort());
    expect(report.findings.filter((finding) => finding.rule === 'ci/pull-request-target-checkout').every((finding) => finding.level === 'error')).toBe(true);
  });

  it('finds a secret scan and an audit in steps, in package scripts and as this suite\'s actions', async () => {
    const base = { 'package.json': manifest({ name: 'app', private: true, scripts: { audit: 'audit-ci --high' } }), 'package-lock.json': npmLock('app') };
    const missing = await runHygiene(gitRepo({ ...base, '.github/workflows/ci.yml': workflow('      - run: npm ci\n') }));
    expect(located(missing).filter((entry) => entry.startsWith('ci/'))).toEqual(['ci/no-dependency-audit .github/workflows/ci.yml', 'ci/no-secret-scan .github/workflows/ci.yml']);
    const found = await runHygiene(gitRepo({ ...base, '.github/workflows/ci.yml': workflow('      - run: npm run audit\n      - uses: readiness-gates/readiness-gates/actions/secret-scan@v1\n') }));
    expect(located(found).filter((entry) => entry.startsWith('ci/no-'))).toEqual([]);
    const dogfood = { 'actions/audit/action.yml': 'name: "readiness-gates: dependency audit"\nruns:\n  using: node24\n  main: ../../dist/audit/index.js\n', 'actions/secret-scan/action.yml': 'name: "readiness-gates: secret scan"\nruns:\n  using: node24\n  main: ../../dist/secret-scan/index.js\n' };
    const local = await runHygiene(gitRepo({ ...base, ...dogfood, '.github/workflows/ci.yml': workflow('      - uses: ./actions/audit\n      - uses: ./actions/secret-scan\n') }));
    expect(located(local).filter((entry) => entry.startsWith('ci/no-'))).toEqual([]);
  });
});

