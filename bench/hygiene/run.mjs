// Times the hygiene gate on a generated 5,000-file repository, beside `git ls-files` on the same
// repository (the floor: the gate starts from that list). The gate's own work is the report's
// durationMs (every rule family, its git calls included); wall time adds node start-up and loading.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { median } from '../median.mjs';

const { values } = parseArgs({ options: { files: { type: 'string', default: '5000' }, runs: { type: 'string', default: '7' } } });
const fileCount = Number(values.files);
const runs = Number(values.runs);
const root = path.resolve(import.meta.dirname, '../..');
const work = path.join(root, 'bench/.work/hygiene');
const repo = path.join(work, 'repo');
const require = createRequire(import.meta.url);

/** A pnpm v9 lockfile in sync with the generated manifests, as pnpm writes one: the sync check has real work. */
function pnpmLockfile(packages) {
  const lines = ["lockfileVersion: '9.0'", '', 'importers:', '', '  .: {}', ''];
  for (let index = 0; index < packages; index += 1) {
    const app = index % 5 === 0;
    const [name, spec, version] = app ? ['express', '^4.21.0', '4.21.0'] : ['zod', '^3.23.0', '3.23.0'];
    lines.push(`  ${app ? `apps/app-${index}` : `packages/lib-${index}`}:`, '    dependencies:', `      ${name}:`, `        specifier: '${spec}'`, `        version: ${version}`, '');
  }
  lines.push('packages:', '', '  express@4.21.0:', '    resolution: {integrity: sha512-AAAA}', '', '  zod@3.23.0:', '    resolution: {integrity: sha512-BBBB}', '');
  lines.push('snapshots:', '', '  express@4.21.0: {}', '', '  zod@3.23.0: {}', '');
  return lines.join('\n');
}

/** A pnpm monorepo of apps and libraries with workflows, Dockerfiles and env templates: every rule family has work. */
function generateRepository() {
  rmSync(repo, { recursive: true, force: true });
  const files = new Map();
  const packages = 25;
  files.set('package.json', JSON.stringify({ name: 'bench', private: true, packageManager: 'pnpm@9.12.0', scripts: { lint: 'turbo run lint', test: 'turbo run test', build: 'turbo run build', typecheck: 'turbo run typecheck' } }, null, 2));
  files.set('pnpm-workspace.yaml', "packages:\n  - 'apps/*'\n  - 'packages/*'\n");
  files.set('.github/dependabot.yml', 'version: 2\nupdates:\n  - package-ecosystem: npm\n    directory: /\n    schedule: { interval: weekly }\n  - package-ecosystem: github-actions\n    directory: /\n    schedule: { interval: weekly }\n');
  files.set('.github/workflows/ci.yml', 'on:\n  pull_request:\npermissions:\n  contents: read\njobs:\n  check:\n    runs-on: ubuntu-latest\n    strategy:\n      matrix:\n        task: [lint, typecheck, test, build]\n    steps:\n      - uses: actions/checkout@v4\n      - uses: pnpm/action-setup@v4\n      - run: pnpm install --frozen-lockfile\n      - run: pnpm turbo run ${{ matrix.task }}\n      - run: pnpm audit --prod\n');
  files.set('.github/workflows/release.yml', 'on:\n  push:\n    tags: ["v*"]\njobs:\n  release:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: pnpm -r publish\n');
  files.set('.dockerignore', '.env*\nnode_modules\n.git\n');
  for (let index = 0; index < packages; index += 1) {
    const app = index % 5 === 0;
    const dir = app ? `apps/app-${index}` : `packages/lib-${index}`;
    files.set(`${dir}/package.json`, JSON.stringify({ name: `@bench/${path.basename(dir)}`, private: app, ...(app ? { scripts: { dev: 'vite', start: 'node dist/server.js', lint: 'eslint .', typecheck: 'tsc --noEmit', test: 'vitest run', build: 'vite build' }, dependencies: { express: '^4.21.0' } } : { exports: './dist/index.js', scripts: { lint: 'eslint .', test: 'vitest run', build: 'tsc' }, dependencies: { zod: '^3.23.0' } }) }, null, 2));
    if (app) {
      files.set(`${dir}/Dockerfile`, 'FROM node:22-slim AS build\nWORKDIR /app\nCOPY . .\nRUN npm ci && npm run build\nFROM node:22-slim\nCOPY --from=build /app/dist ./dist\nUSER node\nCMD ["node", "dist/server.js"]\n');
      files.set(`${dir}/.env.example`, 'DATABASE_URL=postgres://localhost/app\nREDIS_URL=redis://localhost\n');
    }
  }
  files.set('pnpm-lock.yaml', pnpmLockfile(packages));
  const perPackage = Math.ceil((fileCount - files.size) / packages);
  for (let index = 0; index < packages && files.size < fileCount; index += 1) {
    const dir = index % 5 === 0 ? `apps/app-${index}` : `packages/lib-${index}`;
    for (let file = 0; file < perPackage && files.size < fileCount; file += 1) {
      const reads = file % 10 === 0 ? `export const db = process.env.DATABASE_URL;\nconst { REDIS_URL } = process.env;\nexport const redis = REDIS_URL;\n` : '';
      const body = `${reads}export function handler${file}(input: number): number {\n  return input * ${file} + ${index};\n}\n`.repeat(3);
      files.set(`${dir}/src/module-${file}.${file % 3 === 0 ? 'tsx' : 'ts'}`, body);
    }
  }
  for (const [file, content] of files) {
    mkdirSync(path.dirname(path.join(repo, file)), { recursive: true });
    writeFileSync(path.join(repo, file), content);
  }
  execFileSync('git', ['init', '-q', '-b', 'main'], { cwd: repo });
  execFileSync('git', ['add', '-A'], { cwd: repo });
  return files.size;
}


function timed(command, args) {
  const started = performance.now();
  const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const ms = performance.now() - started;
  if (result.status !== 0 && result.status !== 1) throw new Error(`${command} ${args.join(' ')} exited ${result.status}: ${result.stderr.slice(0, 500)}`);
  return { ms, stdout: result.stdout };
}

console.log(`Generating a ${fileCount}-file repository…`);
const generated = generateRepository();
console.log(`  ${generated} tracked files in ${repo}`);

console.log('Bundling the CLI (not timed)…');
const ncc = require('@vercel/ncc');
const { code, assets } = await ncc(path.join(root, 'src/cli/index.ts'), { minify: true, target: 'es2022', cache: false, quiet: true });
const cliDir = path.join(work, 'cli');
mkdirSync(cliDir, { recursive: true });
writeFileSync(path.join(cliDir, 'index.js'), code);
for (const [name, asset] of Object.entries(assets)) {
  mkdirSync(path.dirname(path.join(cliDir, name)), { recursive: true });
  writeFileSync(path.join(cliDir, name), asset.source);
}

const own = [];
const wall = [];
const lsFiles = [];
let report;
for (let run = 0; run < runs; run += 1) {
  lsFiles.push(timed('git', ['-C', repo, 'ls-files', '-z']).ms);
  const result = timed(process.execPath, [path.join(cliDir, 'index.js'), 'hygiene', '--format', 'json', '--cwd', repo]);
  report = JSON.parse(result.stdout);
  own.push(report.durationMs);
  wall.push(result.ms);
}
console.log(`\n${runs} runs, medians (the machine is shared: compare within one run of the bench)`);
console.log(`  hygiene gate, own work (report durationMs)   ${median(own).toFixed(0).padStart(6)} ms`);
console.log(`  hygiene gate, wall (node start + load + work) ${median(wall).toFixed(0).padStart(6)} ms`);
console.log(`  git ls-files -z (peer floor)                 ${median(lsFiles).toFixed(0).padStart(6)} ms`);
console.log(`  report: status ${report.status}, ${report.findings.length} findings, metrics ${JSON.stringify(report.metrics)}`);
if (median(own) >= 1000) {
  console.log('  over budget: the gate\'s own work must stay under 1 s on 5,000 files');
  process.exitCode = 1;
}
