import { describe, expect, it } from 'vitest';
import { gitRepo, located, manifest, npmLock, runHygiene } from './helpers.js';

/**
 * The application the issue starts from: backend/ and frontend/ without workspaces, a Dockerfile
 * running as root on the full node image, a tracked .env.backup, CI that lints and builds but never
 * type-checks or tests, and no Dependabot.
 */
function seedApplication(): Record<string, string> {
  const scripts = { lint: 'eslint .', typecheck: 'tsc --noEmit', test: 'vitest run', build: 'tsc -p tsconfig.build.json' };
  const backend = { dependencies: { express: '^4.21.0' }, devDependencies: { typescript: '^5.6.0', vitest: '^2.1.0' } };
  const frontend = { dependencies: { react: '^18.3.0' }, devDependencies: { vite: '^5.4.0' } };
  return {
    'backend/package.json': manifest({ name: 'backend', private: true, scripts: { start: 'node dist/server.js', ...scripts }, ...backend }),
    'backend/package-lock.json': npmLock('backend', backend),
    'backend/src/server.ts': "import express from 'express';\nconst app = express();\napp.listen(Number(process.env.PORT ?? 3000));\nconst db = process.env.DATABASE_URL;\nexport { app, db };\n",
    'backend/.env.example': 'DATABASE_URL=postgres://localhost:5432/app\n',
    'backend/.env.backup': 'DATABASE_URL=postgres://admin:hunter2@db.internal:5432/app\n',
    'backend/Dockerfile': 'FROM node:20\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci --omit=dev\nCOPY dist ./dist\nCMD ["node", "dist/server.js"]\n',
    'backend/.dockerignore': 'node_modules\n.env*\n.git\n',
    'frontend/package.json': manifest({ name: 'frontend', private: true, scripts: { dev: 'vite', ...scripts, build: 'vite build' }, ...frontend }),
    'frontend/package-lock.json': npmLock('frontend', frontend),
    'frontend/src/api.ts': 'export const api = import.meta.env.VITE_API_URL;\n',
    'frontend/.env.example': 'VITE_API_URL=http://localhost:3000\n',
    '.github/workflows/ci.yml': [
      'name: ci',
      'on: [push, pull_request]',
      'permissions:',
      '  contents: read',
      'jobs:',
      '  app:',
      '    runs-on: ubuntu-latest',
      '    strategy:',
      '      matrix:',
      '        app: [backend, frontend]',
      '    defaults:',
      '      run:',
      '        working-directory: ${{ matrix.app }}',
      '    steps:',
      '      - uses: actions/checkout@v4',
      '      - uses: actions/setup-node@v4',
      '      - run: npm ci',
      '      - run: npm run lint',
      '      - run: npm run build',
      '',
    ].join('\n'),
  };
}

describe('hygiene on the seed-style application', () => {
  it('fails with exactly the findings of its gaps', async () => {
    const report = await runHygiene(gitRepo(seedApplication()));
    expect(report.status).toBe('fail');
    expect(located(report).sort()).toEqual([
      'ci/no-dependency-audit .github/workflows/ci.yml',
      'ci/no-secret-scan .github/workflows/ci.yml',
      'ci/test-not-run backend/package.json:8',
      'ci/test-not-run frontend/package.json:8',
      'ci/typecheck-not-run backend/package.json:7',
      'ci/typecheck-not-run frontend/package.json:7',
      'deps/no-update-tool',
      'docker/base-digest backend/Dockerfile:1',
      'docker/full-base-image backend/Dockerfile:1',
      'docker/root-user backend/Dockerfile:1',
      'tracked/env-backup backend/.env.backup',
    ]);
    const levels = Object.fromEntries(report.findings.map((finding) => [`${finding.rule} ${finding.file ?? ''}`, finding.level]));
    expect(levels).toMatchObject({ 'docker/root-user backend/Dockerfile': 'error', 'tracked/env-backup backend/.env.backup': 'error', 'ci/test-not-run backend/package.json': 'error', 'deps/no-update-tool ': 'warning', 'docker/base-digest backend/Dockerfile': 'notice' });
    expect(report.metrics).toMatchObject({ packages: 2, 'install-roots': 2, workflows: 1, dockerfiles: 1 });
    // No finding repeats a value from the env backup.
    expect(JSON.stringify(report)).not.toContain('hunter2');
  });

  it('passes once the gaps are fixed', async () => {
    const files = seedApplication();
    delete files['backend/.env.backup'];
    files['backend/Dockerfile'] = 'FROM node:20-slim@sha256:' + 'a'.repeat(64) + '\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci --omit=dev\nCOPY dist ./dist\nUSER node\nCMD ["node", "dist/server.js"]\n';
    files['.github/workflows/ci.yml'] = files['.github/workflows/ci.yml']!.replace('      - run: npm run build\n', '      - run: npm run typecheck\n      - run: npm test\n      - run: npm run build\n      - run: npm audit --omit=dev\n      - uses: gitleaks/gitleaks-action@ff98106e4c7b2bc287b24eaf42907196329070c7\n');
    files['.github/dependabot.yml'] = 'version: 2\nupdates:\n  - package-ecosystem: npm\n    directories: ["/backend", "/frontend"]\n    schedule: { interval: weekly }\n  - package-ecosystem: docker\n    directory: /backend\n    schedule: { interval: weekly }\n  - package-ecosystem: github-actions\n    directory: /\n    schedule: { interval: weekly }\n';
    const report = await runHygiene(gitRepo(files));
    expect(located(report)).toEqual([]);
    expect(report.status).toBe('pass');
  });
});
