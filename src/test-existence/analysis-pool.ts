import { availableParallelism } from 'node:os';
import { setImmediate } from 'node:timers/promises';
import { Worker } from 'node:worker_threads';
import { EnvironmentError } from '../core/errors.js';
import { isTooDeep, type FileAnalysis } from './analyze.js';
import { projectAnalyzer, type AnalysisAnswer, type AnalysisProject } from './analysis-worker.js';
import { boundYoungGeneration, tuneMemory, WORKER_YOUNG_GENERATION_MB } from './memory.js';
import { analysisWorkerEntry, ANALYSIS_ROLE } from './worker-entry.js';

/**
 * A worker is worth starting for this many files: it loads the parser and warms up on its own,
 * which costs about as much as analysing a few dozen files.
 */
const FILES_PER_WORKER = 40;
/** Files handed to a worker ahead, so that it never waits for this thread to finish a file of its own. */
const AHEAD = 4;
/**
 * Valid code nests deeper than the main thread's stack lets babel parse (about 160 callbacks in
 * callbacks; Node runs 400 and more): workers reserve a stack for thousands of levels. Only the
 * address space is reserved; memory is used as deep as a file goes.
 */
const STACK_MB = 64;
/** Test-file analysis on every core: started early, so that workers load while the gate reads packages and configs. */
export interface Analysis {
  /** The analyses of `testFiles`, in their order; the workers end with it. */
  analyze(testFiles: readonly string[]): Promise<FileAnalysis[]>;
}

/**
 * Starts a worker per other core when about `expectedTestFiles` files make them worth it. This
 * thread analyses too, each thread taking the next file as it is done; a file nested deeper than
 * this thread's stack is analysed again in a worker. Workers that cannot start or go on leave
 * their files to this thread.
 */
export function startAnalysis(project: AnalysisProject, expectedTestFiles: number): Analysis {
  const count = Math.max(0, Math.min(availableParallelism() - 1, Math.floor(expectedTestFiles / FILES_PER_WORKER)));
  const workers = Array.from({ length: count }, () => startWorker(project)).filter((worker) => worker !== undefined);
  return {
    analyze: async (testFiles) => {
      const restoreFlags = tuneMemory();
      try {
        return await analyzeTestFiles(project, workers, testFiles);
      } finally {
        for (const worker of workers) void worker.thread.terminate();
        restoreFlags();
      }
    },
  };
}

async function analyzeTestFiles(project: AnalysisProject, workers: readonly PoolWorker[], testFiles: readonly string[]): Promise<FileAnalysis[]> {
  const results: FileAnalysis[] = new Array<FileAnalysis>(testFiles.length);
  const analyzeHere = projectAnalyzer(project);
  const queue = new WorkQueue(testFiles.length);
  const helping = workers.map((worker) => worker.run(testFiles, queue, results));
  const tooDeep: number[] = [];
  const analyzeAt = (index: number) => {
    const analysis = analyzeHere(testFiles[index]!);
    results[index] = analysis;
    if (isTooDeep(analysis)) tooDeep.push(index);
  };
  for (let index = queue.take(); index !== undefined; index = queue.take()) {
    analyzeAt(index);
    boundYoungGeneration();
    // The workers' answers come in between two files.
    if (helping.length > 0) await setImmediate();
  }
  for (const unfinished of await Promise.all(helping)) for (const index of unfinished) analyzeAt(index);
  queue.rethrow();
  if (tooDeep.length > 0) {
    const deep = startWorker(project);
    const queueOfDeep = new WorkQueue(testFiles.length, tooDeep);
    // Without a worker, the finding that the file nests too deep stands.
    await deep?.run(testFiles, queueOfDeep, results);
    void deep?.thread.terminate();
    queueOfDeep.rethrow();
  }
  return results;
}

/** The indexes of files still to analyse, handed out one at a time; the first error a worker met stops it. */
class WorkQueue {
  private readonly pending: number[];
  private error: Error | undefined;

  constructor(length: number, indexes?: number[]) {
    this.pending = (indexes ?? Array.from({ length }, (_, index) => index)).reverse();
  }

  get empty(): boolean {
    return this.error !== undefined || this.pending.length === 0;
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

interface PoolWorker {
  thread: Worker;
  /** Analyses files from the queue until it is empty; resolves with those it could not finish (it did not start, or it crashed). */
  run(testFiles: readonly string[], queue: WorkQueue, results: FileAnalysis[]): Promise<number[]>;
}

function startWorker(project: AnalysisProject): PoolWorker | undefined {
  const entry = analysisWorkerEntry();
  if (!entry) return undefined;
  // stdout and stderr are the worker's own streams, so that nothing it might print mixes into a JSON report.
  const thread = new Worker(entry.url, { workerData: { role: ANALYSIS_ROLE, ...project }, execArgv: entry.execArgv, resourceLimits: { stackSizeMb: STACK_MB, maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB }, stdout: true, stderr: true });
  // Idle, a worker does not keep the process alive: a gate that stops before its analysis (bad config) still ends.
  thread.unref();
  let exited = false;
  // An 'error' (it could not load, or it threw) is followed by 'exit'.
  thread.on('error', () => undefined);
  thread.once('exit', () => (exited = true));
  const run: PoolWorker['run'] = (testFiles, queue, results) =>
    new Promise((resolve) => {
      if (exited) return resolve([]);
      const inFlight = new Set<number>();
      const finish = (unfinished: number[]) => {
        thread.unref();
        thread.off('message', answered);
        thread.off('exit', crashed);
        resolve(unfinished);
      };
      const feed = () => {
        while (inFlight.size < AHEAD) {
          const index = queue.take();
          if (index === undefined) break;
          inFlight.add(index);
          thread.postMessage({ index, file: testFiles[index] });
        }
        if (inFlight.size === 0 && queue.empty) finish([]);
      };
      const answered = (answer: AnalysisAnswer) => {
        inFlight.delete(answer.index);
        if ('error' in answer) queue.fail(answer.error.environment ? new EnvironmentError(answer.error.message) : new Error(answer.error.message));
        else results[answer.index] = answer.analysis;
        feed();
      };
      const crashed = () => finish([...inFlight]);
      thread.ref();
      thread.on('message', answered);
      thread.once('exit', crashed);
      feed();
    });
  return { thread, run };
}
