// The test-existence bench on one very large test file (a generated suite of several MB): the
// gate's CLI on a repository holding only that file, its wall and CPU time and its peak memory.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { median, seconds, timed } from './measure.mjs';

/**
 * A test file of about `chars` characters: imports and a helper, then describe blocks of twenty
 * tests, most of them real, one block in ten with a skipped, a todo, an empty and an assertion-free
 * test: what a generated suite looks like.
 */
function largeTestFile(chars) {
  const parts = ["import { describe, expect, it } from 'vitest';\n", 'function expectOk(value) { expect(value.ok).toBe(true); }\n'];
  let length = parts[0].length + parts[1].length;
  for (let block = 0; length < chars; block += 1) {
    const lines = [`describe('case ${block}', () => {`];
    for (let test = 0; test < 20; test += 1) {
      const n = block * 20 + test;
      if (block % 10 === 9 && test < 4) lines.push([`  it.skip('skipped ${n}', () => { expect(run(${n})).toBe(1); });`, `  it.todo('todo ${n}');`, `  it('empty ${n}', () => {});`, `  it('runs ${n}', () => { run(${n}); });`][test]);
      else if (test % 2 === 0) lines.push(`  it('returns ${n}', () => {\n    expect(run({ input: ${n}, label: 'case ${n}; item' })).toEqual({ output: ${n * 2}, errors: [] });\n  });`);
      else lines.push(`  it('succeeds ${n}', async () => {\n    expectOk(await call(\`/items/\${${n}}\`));\n  });`);
    }
    lines.push('});\n');
    const text = lines.join('\n');
    parts.push(text);
    length += text.length;
  }
  return parts.join('');
}

/** Prints the medians of `runs` runs of the gate on a repository with one test file of `megabytes` MB. */
export function benchLargeFile(cli, work, runs, megabytes) {
  const repo = path.join(work, 'large-file');
  rmSync(repo, { recursive: true, force: true });
  mkdirSync(path.join(repo, 'test'), { recursive: true });
  const code = largeTestFile(megabytes * 1024 * 1024);
  writeFileSync(path.join(repo, 'package.json'), JSON.stringify({ name: 'large', version: '1.0.0', scripts: { test: 'vitest run' } }));
  writeFileSync(path.join(repo, 'index.js'), 'export const run = (value) => value;\n');
  writeFileSync(path.join(repo, 'test/large.test.js'), code);
  console.log(`One test file of ${(code.length / 1024 / 1024).toFixed(1)} MB in ${repo}`);
  const wall = [];
  const cpu = [];
  const rss = [];
  let report;
  for (let run = 1; run <= runs; run += 1) {
    const result = timed([cli, 'test-existence', '--format', 'json', '--cwd', repo]);
    report = JSON.parse(result.stdout);
    wall.push(result.ms);
    cpu.push(result.cpu);
    rss.push(result.rssMb);
    console.log(`  run ${run}: ${seconds(result.ms)} wall / ${seconds(result.cpu)} CPU / ${result.rssMb.toFixed(0)} MB`);
  }
  if (report.metrics['parse-errors'] > 0) throw new Error('the generated file does not parse: a bug in large-file.mjs');
  console.log('');
  console.log(`The gate judged ${report.metrics.tests} tests (${report.metrics['real-tests']} real, ${report.findings.length} findings).`);
  console.log(`Medians of ${runs} runs, whole CLI process (start-up included), Node ${process.version}: ${seconds(median(wall))} wall, ${seconds(median(cpu))} CPU, ${median(rss).toFixed(0)} MB peak RSS`);
}
