// Cold start of each bundle against bare Node, side by side in one run, plus bundle sizes.
// Usage: node bench/startup/run.mjs [runs]   (npm run bench -- startup)
// The CLI bundle is timed on `--help`. Action bundles take no flags, so they are started with a
// cwd that does not exist: they load everything, fail at the first check and exit.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { median } from '../median.mjs';

const root = path.resolve(import.meta.dirname, '../..');
const runs = Number(process.argv[2] ?? 21);
const scratch = mkdtempSync(path.join(os.tmpdir(), 'rg-bench-startup-'));
const actionEnv = {
  PATH: process.env.PATH,
  GITHUB_WORKSPACE: scratch,
  RUNNER_TEMP: scratch,
  'INPUT_CWD': 'does-not-exist',
};

/** index.js plus the chunks ncc split off for dynamic imports: everything the entry may load. */
function bundleSize(dir) {
  return readdirSync(dir)
    .filter((file) => file.endsWith('.js'))
    .reduce((total, file) => total + statSync(path.join(dir, file)).size, 0);
}

function time(args, env) {
  const start = process.hrtime.bigint();
  spawnSync(process.execPath, args, { env, stdio: 'ignore' });
  return Number(process.hrtime.bigint() - start) / 1e6;
}


const entries = readdirSync(path.join(root, 'dist')).filter((entry) => statSync(path.join(root, 'dist', entry, 'index.js'), { throwIfNoEntry: false }));
const cases = [
  { name: 'node -e 0 (baseline)', args: ['-e', '0'], env: { PATH: process.env.PATH } },
  ...entries.map((entry) => ({
    name: entry,
    args: entry === 'cli' ? [path.join(root, 'dist', entry, 'index.js'), '--help'] : [path.join(root, 'dist', entry, 'index.js')],
    env: entry === 'cli' ? { PATH: process.env.PATH } : actionEnv,
    size: bundleSize(path.join(root, 'dist', entry)),
  })),
];

// Interleave the cases so that machine noise hits all of them alike.
const samples = new Map(cases.map((c) => [c.name, []]));
for (let run = 0; run < runs; run += 1) for (const c of cases) samples.get(c.name).push(time(c.args, c.env));

const baseline = median(samples.get(cases[0].name));
console.log(`node ${process.version}, ${runs} runs each, medians; targets: < 150 ms over bare node, < 1.5 MB per bundle (index.js and its chunks)\n`);
console.log(`${'bundle'.padEnd(22)} ${'median'.padStart(9)} ${'over node'.padStart(10)} ${'size'.padStart(10)}  verdict`);
let ok = true;
for (const c of cases) {
  const m = median(samples.get(c.name));
  const over = m - baseline;
  const sizeText = c.size === undefined ? '' : `${(c.size / 1024 / 1024).toFixed(2)} MB`;
  const pass = c.size === undefined || (over < 150 && c.size < 1.5 * 1024 * 1024);
  ok &&= pass;
  console.log(`${c.name.padEnd(22)} ${`${m.toFixed(1)} ms`.padStart(9)} ${c.size === undefined ? ''.padStart(10) : `${over.toFixed(1)} ms`.padStart(10)} ${sizeText.padStart(10)}  ${c.size === undefined ? '' : pass ? 'ok' : 'OVER TARGET'}`);
}
process.exitCode = ok ? 0 : 1;
