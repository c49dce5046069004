import { isMainThread, workerData } from 'node:worker_threads';

/**
 * Test files are analysed in worker threads. A worker must start from a file that exists in every
 * bundle: the entry itself (dist/<entry>/index.js, or src/test-existence/index.ts from the sources).
 * Each entry calls serveTestAnalysis first: in the main thread it records where the entry is, in an
 * analysis worker it serves and the entry does nothing else. This module stays tiny: every entry loads it.
 */
export const ANALYSIS_ROLE = 'readiness-gates/test-existence/analysis';

let entryUrl: string | undefined;

/** True when this thread is an analysis worker, which then serves until its parent lets it go. */
export async function serveTestAnalysis(entry: string): Promise<boolean> {
  entryUrl = entry;
  if (isMainThread || (workerData as { role?: unknown } | null)?.role !== ANALYSIS_ROLE) return false;
  const { serveAnalysis } = await import('./analysis-worker.js');
  serveAnalysis();
  return true;
}

/** The file an analysis worker starts from, and the flags it needs; undefined when none can start. */
export function analysisWorkerEntry(): { url: URL; execArgv: string[] } | undefined {
  // Run from the sources without an entry (tests, tsx), the gate's own entry serves, loaded by tsx as the parent was.
  const url = entryUrl ?? (import.meta.url.endsWith('.ts') ? import.meta.url.replace(/[^/]+$/, 'index.ts') : undefined);
  if (!url) return undefined;
  return { url: new URL(url), execArgv: url.endsWith('.ts') ? ['--import', 'tsx'] : [] };
}
