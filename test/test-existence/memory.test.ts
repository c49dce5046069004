import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { fullWorkerYoungGeneration, tuneMemory, WORKER_YOUNG_GENERATION_MB } from '../../src/test-existence/memory.js';

/**
 * How many scavenges a new worker, under the young-generation limit the analysis gives its
 * workers, runs while it makes 64 MB of short-lived objects, as syntax trees are.
 */
function scavengesOfNewWorker(): Promise<number> {
  const code = `
    const { parentPort } = require('node:worker_threads');
    const profiler = new (require('node:v8').GCProfiler)();
    profiler.start();
    // Each round's objects live while the next 1,000 rounds run, then die: young, like a file's tree.
    const recent = new Array(1000);
    for (let round = 0; round < 64 * 1024; round += 1) recent[round % 1000] = Array.from({ length: 32 }, (_, index) => ({ index, round }));
    parentPort.postMessage(profiler.stop().statistics.filter((gc) => gc.gcType === 'Scavenge').length);
  `;
  return new Promise((resolve, reject) => {
    const worker = new Worker(code, { eval: true, resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB } });
    worker.once('message', (count: number) => void worker.terminate().then(() => resolve(count)));
    worker.once('error', reject);
  });
}

describe("the workers' young generation", () => {
  it('is at its limit from the start while set, so that short-lived trees take a fraction of the scavenges', async () => {
    const restore = fullWorkerYoungGeneration();
    let full: number;
    try {
      full = await scavengesOfNewWorker();
    } finally {
      restore();
    }
    const growing = await scavengesOfNewWorker();
    expect(full).toBeGreaterThan(0);
    expect(full * 2).toBeLessThan(growing);
  });
});

/**
 * The peak heap of a new worker, in MB, while it keeps 16 MB live and makes 1,000 trees of about
 * 1 MB, each alive while the next few are made: scavenges move them to the old generation, where
 * they die, as the analysis's syntax trees do.
 */
function peakHeapOfPromotedGarbage(): Promise<number> {
  const code = `
    const { parentPort } = require('node:worker_threads');
    const { getHeapStatistics } = require('node:v8');
    const live = Array.from({ length: 16 * 1024 }, (_, index) => ({ index, pad: new Array(24).fill(index) }));
    const recent = [];
    let peak = 0;
    for (let round = 0; round < 1000; round += 1) {
      recent.push(Array.from({ length: 8 * 1024 }, (_, index) => ({ index, round, next: { index } })));
      if (recent.length > 4) recent.shift();
      peak = Math.max(peak, getHeapStatistics().total_heap_size);
    }
    // The live objects are reported too, so that they stay live to the end.
    parentPort.postMessage({ peak: peak / (1024 * 1024), live: live.length });
  `;
  return new Promise((resolve, reject) => {
    const worker = new Worker(code, { eval: true, resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB } });
    worker.once('message', ({ peak }: { peak: number }) => void worker.terminate().then(() => resolve(peak)));
    worker.once('error', reject);
  });
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!;

describe("the analysis's old generation", () => {
  it('grows at most twofold past what is live while the analysis runs, so that promoted trees are collected sooner', async () => {
    const tuned: number[] = [];
    const untuned: number[] = [];
    // Interleaved, as V8's default growth depends on how fast collection runs on a busy machine.
    for (let run = 0; run < 3; run += 1) {
      untuned.push(await peakHeapOfPromotedGarbage());
      const restore = tuneMemory();
      try {
        tuned.push(await peakHeapOfPromotedGarbage());
      } finally {
        restore();
      }
    }
    // Measured here: 46–82 MB tuned against 69–131 MB untuned, 0.53–0.76 of it.
    expect(median(tuned)).toBeLessThan(median(untuned) * 0.85);
  }, 60_000);
});
