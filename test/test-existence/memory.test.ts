import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const MEMORY_MODULE = path.resolve(import.meta.dirname, '../../src/test-existence/memory.ts');

/**
 * The factors by which V8 lets the old generation grow past what a full collection left live, as V8 reports them
 * (`--trace-gc-verbose`), in a process that calls tuneMemory when `tuned` and then collects in its main thread and in
 * a worker. Read from V8's own report, not from peak sizes, which depend on how fast collection runs on a busy machine.
 */
function growingFactors(tuned: boolean): string[] {
  const code = `
    import { Worker } from 'node:worker_threads';
    import { tuneMemory } from ${JSON.stringify(MEMORY_MODULE)};
    ${tuned ? 'tuneMemory();' : ''}
    const collect = 'const live = Array.from({ length: 50000 }, (_, i) => ({ i })); for (let r = 0; r < 3; r++) gc(); live.length';
    eval(collect);
    await new Promise((resolve, reject) => new Worker(collect, { eval: true }).once('exit', resolve).once('error', reject));
  `;
  const run = spawnSync(process.execPath, ['--expose-gc', '--trace-gc-verbose', '--import', 'tsx', '--input-type=module', '-e', code], { encoding: 'utf8', timeout: 30_000 });
  expect(run.status, run.stderr).toBe(0);
  return [...run.stdout.matchAll(/\[HeapController\] factor ([\d.]+)/g)].map((match) => match[1]!);
}

describe("the analysis's old generation", () => {
  it('grows at most twofold past what is live, in the main thread and in workers, so that promoted trees are collected sooner', () => {
    const tuned = growingFactors(true);
    // Three collections in each thread at least.
    expect(tuned.length).toBeGreaterThanOrEqual(6);
    expect(new Set(tuned)).toEqual(new Set(['2.0']));
    // V8's own choice otherwise, from how fast it collects: not held to twofold.
    expect(growingFactors(false).length).toBeGreaterThanOrEqual(6);
  }, 60_000);
});
