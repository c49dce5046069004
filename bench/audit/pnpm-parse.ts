// pnpm-lock.yaml reading: the gate's parser (js-yaml, then the graph walk) against the document-model
// `yaml` package it used before, on the same text, side by side.
//
//   npx tsx bench/audit/pnpm-parse.ts [DIR]   (DIR: a project with a pnpm-lock.yaml; default: a
//                                              synthesised v9 lockfile of 1,400 packages from packages.tsv)
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { load } from 'js-yaml';
import { parse } from 'yaml';
import { loadLockfile } from '../../src/audit/lockfile.js';
import { median } from '../median.mjs';

/** A pnpm v9 lockfile: `count` packages from packages.tsv, each depending on up to five others. */
function synthesise(dir: string, count: number): void {
  const names = readFileSync(path.join(import.meta.dirname, 'packages.tsv'), 'utf8').trim().split('\n').slice(0, count).map((line) => line.split('\t') as [string, string]);
  const lines = ["lockfileVersion: '9.0'", '', 'importers:', '', '  .:', '    dependencies:'];
  const quote = (key: string) => (key.startsWith('@') ? `'${key}'` : key);
  for (const [name, version] of names.filter((_, index) => index % 20 === 0)) lines.push(`      ${quote(name)}:`, `        specifier: ^${version}`, `        version: ${version}`);
  lines.push('', 'packages:', '');
  for (const [name, version] of names) lines.push(`  ${quote(`${name}@${version}`)}:`, `    resolution: {integrity: sha512-${Buffer.from(`${name}@${version}`).toString('base64')}}`, "    engines: {node: '>=18'}", '');
  lines.push('snapshots:', '');
  names.forEach(([name, version], index) => {
    const dependencies = new Map([1, 7, 31, 127, 511].map((step) => names[(index * step + 3) % names.length]!).filter(([dep]) => dep !== name));
    lines.push(`  ${quote(`${name}@${version}`)}:`, '    dependencies:', ...[...dependencies].map(([dep, depVersion]) => `      ${quote(dep)}: ${depVersion}`), '');
  });
  writeFileSync(path.join(dir, 'pnpm-lock.yaml'), `${lines.join('\n')}\n`);
  writeFileSync(path.join(dir, 'package.json'), '{"name": "bench"}\n');
}

function time(run: () => unknown, runs = 7): number {
  const samples: number[] = [];
  for (let index = 0; index < runs; index += 1) {
    const started = performance.now();
    run();
    samples.push(performance.now() - started);
  }
  return median(samples);
}

const given = process.argv[2];
const dir = given ? path.resolve(given) : mkdtempSync(path.join(os.tmpdir(), 'rg-bench-pnpm-'));
if (!given) synthesise(dir, 1400);
try {
  const text = readFileSync(path.join(dir, 'pnpm-lock.yaml'), 'utf8');
  const packages = loadLockfile(dir, 'pnpm-lock.yaml').packages.length;
  const before = time(() => parse(text));
  const reading = time(() => load(text));
  const gate = time(() => loadLockfile(dir, 'pnpm-lock.yaml'));
  console.log(`pnpm-lock.yaml: ${given ?? 'synthesised'}, ${(text.length / 1024).toFixed(0)} KiB, ${packages} packages; median of 7`);
  console.log(`yaml parse (the reader before)     ${before.toFixed(0).padStart(6)} ms`);
  console.log(`js-yaml load (the reader now)      ${reading.toFixed(0).padStart(6)} ms   ${(before / reading).toFixed(1)}x faster`);
  console.log(`the gate's whole parse (js-yaml + graph)  ${gate.toFixed(0).padStart(6)} ms   ${(before / gate).toFixed(1)}x faster than the yaml read alone (target >= 5x)`);
} finally {
  if (!given) rmSync(dir, { recursive: true, force: true });
}
