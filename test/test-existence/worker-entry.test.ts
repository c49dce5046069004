import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import type { AnalysisAnswer } from '../../src/test-existence/analysis-worker.js';
import { ANALYSIS_ROLE } from '../../src/test-existence/worker-entry.js';
import { ROOT } from '../helpers/action-runner.js';
import { tempDir } from '../helpers/temp.js';

/** Preloaded into the worker: records every module of the repository's sources it loads. */
const PROBE = `
import { appendFileSync } from 'node:fs';
import { registerHooks } from 'node:module';
registerHooks({
  load(url, context, next) {
    if (url.startsWith(${JSON.stringify(pathToFileURL(path.join(ROOT, 'src')).href)})) appendFileSync(process.env.ENTRY_PROBE_LOADS, url + '\\n');
    return next(url, context);
  },
});
`;

/** The sources an analysis worker started from `entry` loads before it answers for one test file, relative to src/. */
async function modulesLoadedByAWorker(entry: string): Promise<string[]> {
  const cwd = tempDir({ 'test/sum.test.js': "it('adds', () => { expect(1 + 2).toBe(3); });\n" });
  const probe = tempDir({ 'probe.mjs': PROBE, 'loads.txt': '' });
  const worker = new Worker(pathToFileURL(path.join(ROOT, 'src', entry)), {
    workerData: { role: ANALYSIS_ROLE, cwd, files: ['test/sum.test.js'], assertFunctions: [], nativeParseUnits: 0 },
    execArgv: ['--import', 'tsx', '--import', pathToFileURL(path.join(probe, 'probe.mjs')).href],
    env: { ...process.env, ENTRY_PROBE_LOADS: path.join(probe, 'loads.txt') },
  });
  try {
    const answer = await new Promise<AnalysisAnswer>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
      worker.postMessage({ helperPackages: [] });
      worker.postMessage({ index: 0, file: 'test/sum.test.js' });
    });
    expect(answer).toMatchObject({ index: 0, analysis: { tests: [{ title: 'adds', testClass: 'real' }] } });
  } finally {
    await worker.terminate();
  }
  const src = pathToFileURL(path.join(ROOT, 'src')).href;
  return readFileSync(path.join(probe, 'loads.txt'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((url) => url.slice(src.length + 1));
}

describe('the entries an analysis worker starts from', () => {
  // A worker starts from the file the action runs (see worker-entry.ts); what the entry runs otherwise (the CLI, the
  // config, every gate) would be compiled in every worker for nothing, on the way to its first file.
  it.each(['cli/index.ts', 'all/index.ts', 'test-existence/index.ts'])('%s loads only the analysis in a worker', async (entry) => {
    const loaded = await modulesLoadedByAWorker(entry);
    expect(loaded).toContain('test-existence/analysis-worker.ts');
    expect(loaded).toContain('test-existence/file-analyzer.ts');
    expect(loaded.filter((file) => file.endsWith('/main.ts') || file.endsWith('/gate.ts') || file === 'core/config.ts')).toEqual([]);
    expect(loaded.filter((file) => !file.startsWith('test-existence/') && !file.startsWith('core/') && file !== entry)).toEqual([]);
  });
});
