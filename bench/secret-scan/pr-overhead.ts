// Bench: what the secret-scan gate adds over gitleaks itself on a pull request's commit range.
//
//   RG_NATIVE_GITLEAKS=/path/to/gitleaks npx tsx bench/secret-scan/pr-overhead.ts REPO [--commits 50] [--runs 7] [--action BUNDLE]…
//
// Side by side, interleaved, medians: native `gitleaks git` over HEAD~N..HEAD run directly, and the
// gate (in-process, from source: no node start-up) on a pull_request event for the same range with
// the same gitleaks. The difference is the gate's own work: event, git calls, file policy, report.
// With --action, also the action as the runner starts it: `node BUNDLE` (an ncc bundle of
// src/secret-scan/index.ts) in a process of its own, with the inputs, event and files of a job step;
// several --action bundles are timed in the same rounds, to compare builds.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { silentLogger } from '../../src/core/logger.js';
import { runGate } from '../../src/core/run.js';
import { secretScanGate } from '../../src/secret-scan/gate.js';
import { gitLogOptions } from '../../src/secret-scan/history.js';
import { median } from '../median.mjs';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { commits: { type: 'string', default: '50' }, runs: { type: 'string', default: '7' }, action: { type: 'string', multiple: true } } });
const native = process.env.RG_NATIVE_GITLEAKS;
const repo = positionals[0];
if (!native || !repo) {
  console.error('usage: RG_NATIVE_GITLEAKS=/path/to/gitleaks npx tsx bench/secret-scan/pr-overhead.ts REPO [--commits 50] [--runs 7]');
  process.exit(2);
}
const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, encoding: 'utf8' }).trim();
const head = git('rev-parse', 'HEAD');
const base = git('rev-parse', `HEAD~${values.commits}`);
const commits = Number(git('rev-list', '--count', `${base}..${head}`));
const work = mkdtempSync(path.join(os.tmpdir(), 'rg-bench-'));
const eventPath = path.join(work, 'event.json');
writeFileSync(eventPath, JSON.stringify({ number: 1, pull_request: { number: 1, base: { sha: base }, head: { sha: head } } }));

function direct(): number {
  const started = performance.now();
  const logOpts = gitLogOptions({ head, exclude: [base] }).join(' ');
  const result = spawnSync(native!, ['git', '--redact', '--no-banner', '--report-format', 'json', '--report-path', path.join(work, 'direct.json'), '--exit-code', '0', `--log-opts=${logOpts}`, '.'], { cwd: repo });
  if (result.status !== 0) throw new Error(`gitleaks failed: ${result.stderr.toString()}`);
  return performance.now() - started;
}

async function gate(): Promise<number> {
  const started = performance.now();
  const report = await runGate(secretScanGate, { 'secret-scan': { 'gitleaks-path': native } }, { values: {}, nameOf: (key) => key }, {
    cwd: repo!,
    env: { PATH: process.env.PATH, GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: eventPath },
    inAction: false,
    log: silentLogger,
  });
  if (report.status === 'error') throw new Error(`the gate failed: ${report.findings[0]?.message}`);
  return performance.now() - started;
}

/** The action bundle run as the runner does; it exits 0 on a pass (the range must hold no leak). */
function action(bundle: string): number {
  for (const file of ['output', 'summary.md']) writeFileSync(path.join(work, file), '');
  const started = performance.now();
  const result = spawnSync(process.execPath, [bundle], {
    cwd: repo,
    env: {
      PATH: process.env.PATH,
      GITHUB_ACTIONS: 'true',
      GITHUB_WORKSPACE: repo,
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_EVENT_PATH: eventPath,
      GITHUB_OUTPUT: path.join(work, 'output'),
      GITHUB_STEP_SUMMARY: path.join(work, 'summary.md'),
      RUNNER_TEMP: work,
      'INPUT_GITLEAKS-PATH': native,
    },
  });
  if (result.status !== 0) throw new Error(`the action failed: ${result.stdout.toString().split('\n').filter((line) => line.startsWith('::error')).join(' ')}`);
  return performance.now() - started;
}

const times = { direct: [] as number[], gate: [] as number[] };
const bundles = (values.action ?? []).map((bundle) => path.resolve(bundle));
const actionTimes = bundles.map(() => [] as number[]);
try {
  await gate(); // warm the page cache for all
  for (const bundle of bundles) action(bundle);
  for (let run = 0; run < Number(values.runs); run += 1) {
    // Each round in a different order, so drift in the machine's load falls on all alike.
    const steps: (() => Promise<void>)[] = [
      async () => void times.direct.push(direct()),
      async () => void times.gate.push(await gate()),
      ...bundles.map((bundle, index) => async () => void actionTimes[index]!.push(action(bundle))),
    ];
    const rotation = run % steps.length;
    for (const step of [...steps.slice(rotation), ...steps.slice(0, rotation)]) await step();
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
const [d, g] = [median(times.direct), median(times.gate)];
console.log(`${repo} ${head.slice(0, 12)}: ${commits} commits (HEAD~${values.commits}..HEAD), ${values.runs} interleaved runs, medians`);
console.log(`  gitleaks git (direct)        ${d.toFixed(0)} ms`);
console.log(`  secret-scan gate (in-process) ${g.toFixed(0)} ms   overhead ${(g - d).toFixed(0)} ms (${(((g - d) / d) * 100).toFixed(1)}%)`);
bundles.forEach((bundle, index) => {
  const a = median(actionTimes[index]!);
  console.log(`  secret-scan action (node ${bundle}) ${a.toFixed(0)} ms   overhead ${(a - d).toFixed(0)} ms (${(((a - d) / d) * 100).toFixed(1)}%)`);
});
