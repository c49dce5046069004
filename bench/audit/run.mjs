// Audit gate vs `npm audit --json` on the same synthesised ≥5,000-package package-lock.json (v3)
// and the same loopback advisory registry, side by side in one run.
//
//   npm run bench -- audit      (or: node bench/audit/run.mjs [--runs 3] [--packages 5600], Node 22.18+)
//
// Needs Node 22.18+ (it imports the test's loopback registry, a .ts file) and npm on PATH. Bundles
// the CLI from src with ncc first (into bench/.work, like dist/cli), so the gate is timed as users
// run it: a fresh `node cli.js audit` process.
// Package names and versions are the 6,000 most downloaded on the registry (packages.tsv); the
// tree shape, duplicates and advisories come from a fixed seed, so every run audits the same thing.
import { execFile as execFileCallback } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { promisify } from 'node:util';
import { startAdvisoryServer } from '../../test/audit/advisory-server.ts';
import { median } from '../median.mjs';

const execFile = promisify(execFileCallback);
const root = path.resolve(import.meta.dirname, '../..');
const work = path.join(root, 'bench/.work/audit');
const option = (name, fallback) => {
  const index = process.argv.indexOf(`--${name}`);
  return index === -1 ? fallback : Number(process.argv[index + 1]);
};
const runs = option('runs', 3);
const hoisted = option('packages', 5600);

function mulberry32(seed) {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A package-lock v3: every name hoisted at its current version, one in ten also nested at an older major under a dependant. */
function synthesiseProject(dir) {
  const random = mulberry32(20261122);
  const names = readFileSync(path.join(import.meta.dirname, 'packages.tsv'), 'utf8').trim().split('\n').slice(0, hoisted).map((line) => line.split('\t'));
  const packages = {};
  const olderOf = (version) => {
    const [major, minor] = version.split('.').map(Number);
    return major > 0 ? `${major - 1}.${minor}.0` : `0.${Math.max(0, minor - 1)}.1`;
  };
  names.forEach(([name, version], index) => {
    const dependencies = {};
    const count = Math.floor(random() * 6);
    for (let n = 0; n < count; n += 1) {
      // Popular packages are depended on most, as in real trees.
      const [dep, depVersion] = names[Math.floor(random() ** 2 * names.length)];
      if (dep !== name) dependencies[dep] = `^${depVersion}`;
    }
    packages[`node_modules/${name}`] = { version, integrity: `sha512-${Buffer.from(`${name}@${version}`).toString('base64')}`, license: 'MIT', ...(Object.keys(dependencies).length ? { dependencies } : {}) };
    if (index % 10 === 5) {
      const [parent] = names[Math.floor(random() * names.length)];
      if (parent !== name && packages[`node_modules/${parent}`]) {
        const older = olderOf(version);
        packages[`node_modules/${parent}/node_modules/${name}`] = { version: older, license: 'MIT' };
        packages[`node_modules/${parent}`].dependencies = { ...packages[`node_modules/${parent}`].dependencies, [name]: older };
      }
    }
  });
  const direct = names.filter((_, index) => index % 25 === 0);
  const rootEntry = {
    name: 'bench-app',
    version: '1.0.0',
    dependencies: Object.fromEntries(direct.filter((_, index) => index % 3 !== 0).map(([name, version]) => [name, `^${version}`])),
    devDependencies: Object.fromEntries(direct.filter((_, index) => index % 3 === 0).map(([name, version]) => [name, `^${version}`])),
  };
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'package.json'), `${JSON.stringify({ name: 'bench-app', version: '1.0.0', dependencies: rootEntry.dependencies, devDependencies: rootEntry.devDependencies }, null, 2)}\n`);
  writeFileSync(path.join(dir, 'package-lock.json'), `${JSON.stringify({ name: 'bench-app', version: '1.0.0', lockfileVersion: 3, requires: true, packages: { '': rootEntry, ...packages } }, null, 2)}\n`);

  // One name in forty has advisories: one that its older copy matches, and for half of them one the
  // current version matches. npm audit's time grows with the dependants of vulnerable packages
  // (it fetches each one's packument), so only the least depended-on quarter has any, to keep runs short.
  const severities = ['low', 'moderate', 'high', 'critical'];
  const advisories = {};
  names.forEach(([name, version], index) => {
    if (index % 40 !== 0 || index < names.length * 0.75) return;
    const [major, minor, patch] = version.split('.').map(Number);
    const id = 1_200_000 + index;
    advisories[name] = [
      { id, url: `https://github.com/advisories/GHSA-${code(index)}-${code(index + 1)}-rrrr`, title: `Synthetic advisory ${index} in ${name}`, severity: severities[(index / 40) % 4], vulnerable_versions: `<${major}.${minor}.0`, cwe: ['CWE-400'], cvss: { score: 5, vectorString: null } },
      ...(index % 80 === 0 ? [{ id: id + 1, url: `https://github.com/advisories/GHSA-${code(index)}-${code(index + 1)}-wwww`, title: `Synthetic advisory ${index}b in ${name}`, severity: severities[(index / 40 + 1) % 4], vulnerable_versions: `>=${major}.0.0 <${major}.${minor}.${patch + 1}`, cwe: ['CWE-79'], cvss: { score: 7, vectorString: null } }] : []),
    ];
  });
  return { count: Object.keys(packages).length, advisories };
}

function code(index) {
  const alphabet = '23456789cfghjmpqrvwx';
  let text = '';
  for (let n = index, k = 0; k < 4; k += 1, n = Math.floor(n / alphabet.length)) text += alphabet[n % alphabet.length];
  return text;
}

async function timed(command, args, options) {
  const started = performance.now();
  let stdout;
  try {
    ({ stdout } = await execFile(command, args, { ...options, maxBuffer: 256 * 1024 * 1024 }));
  } catch (error) {
    // Both exit non-zero when they find advisories; anything without a JSON report is a real failure.
    if (!error.stdout) throw error;
    stdout = error.stdout;
  }
  return { ms: performance.now() - started, stdout };
}

const fmt = (ms) => `${ms.toFixed(0).padStart(6)} ms`;

rmSync(work, { recursive: true, force: true });
const project = path.join(work, 'project');
const { count, advisories } = synthesiseProject(project);
console.log(`lockfile: ${count} packages (package-lock v3), ${Object.keys(advisories).length} names with advisories; ${runs} runs each, interleaved`);

console.log('bundling the CLI and the own-work probe (ncc)…');
const ncc = createRequire(import.meta.url)('@vercel/ncc');
// The CLI loads each gate lazily: ncc splits those into chunks (assets) that must sit beside the entry.
const bundle = async (entry, file) => {
  const { code, assets } = await ncc(entry, { quiet: true, cache: false, minify: true, target: 'es2022' });
  writeFileSync(path.join(work, file), code);
  for (const [name, asset] of Object.entries(assets ?? {})) {
    mkdirSync(path.dirname(path.join(work, name)), { recursive: true });
    writeFileSync(path.join(work, name), asset.source);
  }
};
await bundle(path.join(root, 'src/cli/index.ts'), 'cli.mjs');
await bundle(path.join(import.meta.dirname, 'own-work.ts'), 'own-work.mjs');

const server = await startAdvisoryServer(advisories);
const npmHome = path.join(work, 'npm-home');
const npmEnv = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_config_/i.test(key)));
const npmArgs = ['audit', '--json', '--registry', server.url, '--cache', path.join(npmHome, 'cache'), '--userconfig', path.join(npmHome, 'npmrc'), '--update-notifier=false'];
const gateArgs = [path.join(work, 'cli.mjs'), 'audit', '--format', 'json', '--registry', server.url];

const samples = { gate: [], npm: [], parse: [], evaluate: [], fetch: [] };
let gateReport;
let npmReport;
try {
  for (let run = 0; run < runs; run += 1) {
    const gate = await timed(process.execPath, gateArgs, { cwd: project, env: { PATH: process.env.PATH } });
    samples.gate.push(gate.ms);
    gateReport = JSON.parse(gate.stdout);
    const npm = await timed('npm', npmArgs, { cwd: project, env: { ...npmEnv, HOME: npmHome } });
    samples.npm.push(npm.ms);
    npmReport = JSON.parse(npm.stdout);
    const script = `const { measure } = await import(${JSON.stringify(path.join(work, 'own-work.mjs'))}); console.log(JSON.stringify(await measure(${JSON.stringify(project)}, ${JSON.stringify(server.url)})));`;
    const own = await timed(process.execPath, ['--input-type=module', '-e', script], { cwd: project });
    const measured = JSON.parse(own.stdout);
    samples.parse.push(measured.parseMs);
    samples.evaluate.push(measured.evaluateMs);
    samples.fetch.push(measured.fetchMs);
  }
} finally {
  await server.close();
}

const ours = new Set(gateReport.findings.filter((finding) => finding.rule.startsWith('GHSA')).map((finding) => finding.message.replace(/^(@?[^@]+)@.*$/, '$1')));
const theirs = new Set(Object.values(npmReport.vulnerabilities).filter((vulnerability) => vulnerability.via.some((via) => typeof via === 'object')).map((vulnerability) => vulnerability.name));
const same = ours.size === theirs.size && [...ours].every((name) => theirs.has(name));
console.log(`status: gate ${gateReport.status} (${gateReport.metrics.packages} packages, ${ours.size} vulnerable names), npm audit ${theirs.size} vulnerable names: ${same ? 'same set' : 'DIFFERENT SETS'}`);
console.log('');
console.log(`readiness-gates audit (CLI, end to end)  median ${fmt(median(samples.gate))}   runs: ${samples.gate.map((ms) => ms.toFixed(0)).join(', ')}`);
console.log(`npm audit --json                         median ${fmt(median(samples.npm))}   runs: ${samples.npm.map((ms) => ms.toFixed(0)).join(', ')}`);
console.log(`ratio npm / gate                         ${(median(samples.npm) / median(samples.gate)).toFixed(1)}x  (target >= 10x)`);
console.log('');
const ownMs = samples.parse.map((parse, index) => parse + samples.evaluate[index]);
console.log(`our own work, fresh process: parse ${fmt(median(samples.parse))}, evaluate ${fmt(median(samples.evaluate))}, together median ${fmt(median(ownMs))} (target < 300 ms); loopback fetch ${fmt(median(samples.fetch))}`);
if (!same) process.exitCode = 1;
