// Branch protection at org scale: the CLI bundle against the stateful fake GitHub with rate limits on.
// Usage (Node 24, which loads the TypeScript fake directly): npm run bench -- branch-protection, or npx node bench/branch-protection/run.mjs [--repos 1000] [--concurrency 8]
//
// Runs over the same organisation, side by side: no drift (every branch already matches, through
// classic protection, then through the gate's ruleset) and all drift (every branch unprotected,
// mode apply). Prints requests per repository, wall time, and how many requests the fake's limits
// refused (the target is none).
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { addRepository, classicGetShape, startFakeGitHub } from '../../test/branch-protection/fake-github.ts';

const require = createRequire(import.meta.url);
const root = path.resolve(import.meta.dirname, '../..');
const argument = (name, fallback) => {
  const index = process.argv.indexOf(`--${name}`);
  return index === -1 ? fallback : Number(process.argv[index + 1]);
};
const REPOSITORIES = argument('repos', 1000);
const CONCURRENCY = argument('concurrency', 8);
// GitHub's limits scaled for a local run: 15,000 requests an hour (an App installation's), at
// most 10 requests in flight, 50 writes in any second (GitHub: 80 a minute, and asks for a second
// between writes). The client spaces writes 25 ms apart, as it spaces them a second apart for GitHub.
const LIMITS = { primary: 15_000, windowMs: 3_600_000, concurrent: 10, writesPerSecond: 50 };
const WRITE_INTERVAL_MS = 25;

const work = mkdtempSync(path.join(os.tmpdir(), 'rg-bench-bp-'));
try {
  const cli = await bundleCli(work);
  const policy = { 'required-checks': ['lint', 'test'], 'required-reviews': 1, 'dismiss-stale-reviews': true, 'enforce-admins': true, 'linear-history': true };
  const config = ['branch-protection:', '  org: bench', `  concurrency: ${CONCURRENCY}`, '  branches:', '    - name: main', ...Object.entries(policy).map(([key, value]) => `      ${key}: ${JSON.stringify(value)}`)].join('\n');
  writeFileSync(path.join(work, 'readiness-gates.yml'), `${config}\n`);

  const matching = classicGetShape('bench/x', 'main', {
    required_status_checks: { strict: false, checks: [{ context: 'lint', app_id: 15368 }, { context: 'test', app_id: 15368 }] },
    required_pull_request_reviews: { required_approving_review_count: 1, dismiss_stale_reviews: true },
    enforce_admins: true,
    required_linear_history: true,
    restrictions: null,
  });
  // The gate's own ruleset as `apply` with api: rulesets writes it for this policy.
  const ownRuleset = {
    name: 'readiness-gates: main', target: 'branch', enforcement: 'active', bypass_actors: [],
    conditions: { ref_name: { include: ['refs/heads/main'], exclude: [] } },
    rules: [
      { type: 'pull_request', parameters: { required_approving_review_count: 1, dismiss_stale_reviews_on_push: true, require_code_owner_review: false, require_last_push_approval: false, required_review_thread_resolution: false } },
      { type: 'required_status_checks', parameters: { strict_required_status_checks_policy: false, required_status_checks: [{ context: 'lint', integration_id: 15368 }, { context: 'test', integration_id: 15368 }] } },
      { type: 'non_fast_forward' }, { type: 'deletion' }, { type: 'required_linear_history' },
    ],
  };
  const scenarios = [
    { name: 'no-drift', api: 'classic', mode: 'check', seed: (repository) => repository.protection.set('main', structuredClone(matching)) },
    { name: 'no-drift', api: 'rulesets', mode: 'check', seed: (repository, index) => repository.rulesets.set(index + 1, { ...structuredClone(ownRuleset), id: index + 1 }) },
    { name: 'all-drift', api: 'classic', mode: 'apply', seed: () => {} },
  ];
  const rows = [];
  for (const scenario of scenarios) {
    const fake = await startFakeGitHub({ limits: LIMITS });
    for (let index = 0; index < REPOSITORIES; index += 1) scenario.seed(addRepository(fake, `bench/repo-${String(index).padStart(4, '0')}`), index);
    const started = performance.now();
    const { code, report } = await runCli(cli, work, fake.url, scenario);
    const wallMs = performance.now() - started;
    const listing = fake.requests.filter((request) => request.path.startsWith('/orgs/')).length;
    rows.push({
      ...scenario,
      exit: code,
      repositories: report.metrics.repositories,
      drifted: report.metrics.drifted,
      failed: report.metrics.failed,
      requests: fake.requests.length,
      perRepo: (fake.requests.length - listing) / REPOSITORIES,
      listing,
      refused: fake.refused(),
      wallMs,
      unprotectedAfter: [...fake.repositories.values()].filter((repository) => !repository.protection.has('main') && repository.rulesets.size === 0).length,
    });
    await fake.close();
  }

  console.log(`branch-protection bench: ${REPOSITORIES} repositories, concurrency ${CONCURRENCY}, limits ${JSON.stringify(LIMITS)}`);
  console.log('scenario   api       mode   exit  repos  drifted  failed  requests  per-repo  org-listing  refused  wall (s)  unprotected after');
  for (const row of rows) {
    console.log(`${row.name.padEnd(10)} ${row.api.padEnd(9)} ${row.mode.padEnd(6)} ${String(row.exit).padEnd(5)} ${String(row.repositories).padEnd(6)} ${String(row.drifted).padEnd(8)} ${String(row.failed).padEnd(7)} ${String(row.requests).padEnd(9)} ${row.perRepo.toFixed(2).padEnd(9)} ${String(row.listing).padEnd(12)} ${String(row.refused).padEnd(8)} ${(row.wallMs / 1000).toFixed(2).padEnd(9)} ${row.unprotectedAfter}`);
  }
  const [clean, cleanRulesets, drifted] = rows;
  console.log(`ratio all-drift / no-drift (classic): requests ${(drifted.requests / clean.requests).toFixed(2)}x, wall time ${(drifted.wallMs / clean.wallMs).toFixed(2)}x`);
  const worst = Math.max(clean.perRepo, cleanRulesets.perRepo);
  console.log(`target ≤ 2 requests per repository without drift: ${worst <= 2 ? 'met' : 'MISSED'} (classic ${clean.perRepo.toFixed(2)}, rulesets ${cleanRulesets.perRepo.toFixed(2)}); refused by the limits: ${rows.reduce((sum, row) => sum + row.refused, 0)}`);
  console.log('peer: safe-settings is a Probot app that needs a GitHub App and a webhook source, so it cannot run against a local fake; no peer figures.');
} finally {
  rmSync(work, { recursive: true, force: true });
}

/** The CLI bundled the way dist/cli is, into the scratch directory (dist/ stays untouched). */
async function bundleCli(directory) {
  const ncc = require('@vercel/ncc');
  const { code, assets } = await ncc(path.join(root, 'src/cli/index.ts'), { minify: true, target: 'es2022', cache: false, quiet: true });
  const out = path.join(directory, 'cli');
  mkdirSync(out, { recursive: true });
  writeFileSync(path.join(out, 'index.mjs'), code);
  for (const [name, asset] of Object.entries(assets)) {
    mkdirSync(path.dirname(path.join(out, name)), { recursive: true });
    writeFileSync(path.join(out, name), asset.source);
  }
  return path.join(out, 'index.mjs');
}

function runCli(cli, cwd, apiUrl, { api, mode }) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, 'branch-protection', '--config', 'readiness-gates.yml', '--api', api, '--mode', mode, '--format', 'json'], {
      cwd,
      env: { PATH: process.env.PATH, GITHUB_API_URL: apiUrl, GITHUB_TOKEN: 'bench-token', RUNNER_TEMP: cwd, RG_GITHUB_WRITE_INTERVAL_MS: String(WRITE_INTERVAL_MS) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      try {
        resolve({ code, report: JSON.parse(stdout) });
      } catch {
        reject(new Error(`the CLI printed no report (exit ${code}): ${stderr.slice(-2000)}`));
      }
    });
  });
}
