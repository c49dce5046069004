import { availableParallelism } from 'node:os';
import { setImmediate } from 'node:timers/promises';
import { Worker } from 'node:worker_threads';
import { EnvironmentError } from '../core/errors.js';
import { isTooDeep, type FileAnalysis } from './analyze.js';
import { projectAnalyzer, type AnalysisAnswer, type AnalysisProject } from './analysis-worker.js';
import { analysisWorkerEntry, ANALYSIS_ROLE } from './worker-entry.js';

/**
 * A worker is worth starting for this many files: it loads the parser and warms up on its own,
 * which costs about as much as analysing a few dozen files.
 */
const FILES_PER_WORKER = 40;
/**
 * Valid code nests deeper than the main thread's stack lets babel parse (about 160 callbacks in
 * callbacks; Node runs 400 and more): workers reserve a stack for thousands of levels. Only the
 * address space is reserved; memory is used as deep as a file goes.
 */
const STACK_MB = 64;

/**
 * Analyses the test files, in their order: in this thread and in worker threads on the other cores,
 * each taking the next file as it is done. A file nested deeper than this thread's stack is analysed
 * again in a worker. Workers that cannot start leave their files to this thread.
 */
export async function analyzeTestFiles(project: AnalysisProject, testFiles: readonly string[]): Promise<FileAnalysis[]> {
  const results: FileAnalysis[] = new Array<FileAnalysis>(testFiles.length);
  const analyzeHere = projectAnalyzer(project);
  const queue = new WorkQueue(testFiles.length);
  const workerCount = Math.min(availableParallelism() - 1, Math.floor(testFiles.length / FILES_PER_WORKER));
  const workers = Array.from({ length: Math.max(0, workerCount) }, () => runWorker(project, testFiles, queue, results));
  const tooDeep: number[] = [];
  for (let index = queue.take(); index !== undefined; index = queue.take()) {
    const analysis = analyzeHere(testFiles[index]!);
    results[index] = analysis;
    if (isTooDeep(analysis)) tooDeep.push(index);
    // The workers' answers come in between two files.
    if (workers.length > 0) await setImmediate();
  }
  for (const unfinished of await Promise.all(workers)) for (const index of unfinished) results[index] = analyzeHere(testFiles[index]!);
  queue.rethrow();
  if (tooDeep.length > 0) await runWorker(project, testFiles, new WorkQueue(testFiles.length, tooDeep), results);
  queue.rethrow();
  return results;
}

/** The indexes of files still to analyse, handed out one at a time; the first error a worker met stops it. */
class WorkQueue {
  private readonly pending: number[];
  private error: Error | undefined;

  constructor(length: number, indexes?: number[]) {
    this.pending = (indexes ?? Array.from({ length }, (_, index) => index)).reverse();
  }

  take(): number | undefined {
    return this.error ? undefined : this.pending.pop();
  }

  fail(error: Error): void {
    this.error ??= error;
  }

  rethrow(): void {
    if (this.error) throw this.error;
  }
}

/**
 * One worker analysing files from the queue until it is empty. Resolves with the file it was
 * analysing when it could not go on (it did not start, or it crashed), for this thread to do.
 */
function runWorker(project: AnalysisProject, testFiles: readonly string[], queue: WorkQueue, results: FileAnalysis[]): Promise<number[]> {
  const entry = analysisWorkerEntry();
  if (!entry) return Promise.resolve([]);
  return new Promise((resolve) => {
    // stdout and stderr are the worker's own streams, so that nothing it might print mixes into a JSON report.
    const worker = new Worker(entry.url, { workerData: { role: ANALYSIS_ROLE, ...project }, execArgv: entry.execArgv, resourceLimits: { stackSizeMb: STACK_MB }, stdout: true, stderr: true });
    let current: number | undefined;
    const next = () => {
      current = queue.take();
      if (current === undefined) void worker.terminate();
      else worker.postMessage({ index: current, file: testFiles[current] });
    };
    worker.on('message', (answer: AnalysisAnswer) => {
      current = undefined;
      if ('error' in answer) {
        queue.fail(answer.error.environment ? new EnvironmentError(answer.error.message) : new Error(answer.error.message));
      } else results[answer.index] = answer.analysis;
      next();
    });
    // An 'error' (it could not load, or it threw) is followed by 'exit'.
    worker.on('error', () => undefined);
    worker.once('exit', () => resolve(current === undefined ? [] : [current]));
    next();
  });
}
