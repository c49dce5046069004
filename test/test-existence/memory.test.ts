import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { fullWorkerYoungGeneration, WORKER_YOUNG_GENERATION_MB } from '../../src/test-existence/memory.js';

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
