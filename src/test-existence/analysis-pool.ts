import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { setImmediate } from 'node:timers/promises';
import { Worker } from 'node:worker_threads';
import { EnvironmentError } from '../core/errors.js';
import { isTooDeep, type FileAnalysis } from './analyze.js';
import { LeftToAWorker, projectAnalyzer, type AnalysisAnswer, type AnalysisProject, type HelperPackage } from './analysis-worker.js';
import { CHARS_PER_UNIT, fitsNativeStack, nativeParseLimit, threadNativeParseLimit } from './native-stack.js';
import { boundYoungGeneration, tuneMemory, WORKER_YOUNG_GENERATION_MB } from './memory.js';
import { analysisWorkerEntry, ANALYSIS_ROLE } from './worker-entry.js';

/**
 * A worker is worth starting for this many files: it loads the parser and warms up on its own,
 * which costs about as much as analysing a few dozen files.
 */
const FILES_PER_WORKER = 40;
/**
 * Characters of files too large for oxc on this thread, but not on a worker's, that make a worker
 * worth starting when none runs (one core, few files): babel reads them at about 1 MB a second, and
 * a worker takes about 0.3 s to start.
 */
const LARGE_FILES_PER_WORKER = 512 * 1024;
/** Files handed to a worker ahead, so that it never waits for this thread to finish a file of its own. */
const AHEAD = 4;
/**
 * Valid code nests deeper than the main thread's stack lets babel parse (about 160 callbacks in
 * callbacks; Node runs 400 and more): workers reserve a stack for thousands of levels, and one
 * that lets oxc parse test files of up to 256K nesting units, about 1 MB of characters (see nativeParseLimit):
 * about the largest file parsed whole (see LARGE_FILE in analyze.ts). Babel, reading them instead, took 0.3–0.6 s
 * and 55–70 MB more on lodash's tree (a test.js of 0.8 MB) and mongoose's (two of 0.4–0.5 MB). Only the address
 * space is reserved; memory is used as deep as a file goes.
 */
export const WORKER_STACK_MB = 512;
const WORKER_NATIVE_PARSE_UNITS = nativeParseLimit(WORKER_STACK_MB);
/** Test-file analysis on every core: started early, so that workers load while the gate reads packages and configs. */
export interface Analysis {
  /** The analyses of `testFiles`, in their order; the workers end with it. */
  analyze(testFiles: readonly string[], helperPackages: HelperPackage[]): Promise<FileAnalysis[]>;
}

/**
 * Starts a worker per other core when about `expectedTestFiles` files make them worth it. This
 * thread analyses too, each thread taking the next file as it is done. oxc parses a file only on
 * a thread whose stack holds any nesting of it (see nativeParseLimit): this thread, with the stack
 * it has, takes the files small enough for it, and leaves the larger ones to the workers, whose
 * stacks are larger; with no worker, one starts when such files are many. A file nested deeper
 * than this thread's stack is analysed again in a worker. Workers that cannot start or go on leave
 * their files to this thread.
 */
export function startAnalysis(project: AnalysisProject, expectedTestFiles: number): Analysis {
  const count = Math.max(0, Math.min(availableParallelism() - 1, Math.floor(expectedTestFiles / FILES_PER_WORKER)));
  const workers = Array.from({ length: count }, () => startWorker(project)).filter((worker) => worker !== undefined);
  return {
    analyze: async (testFiles, helperPackages) => {
      const restoreFlags = tuneMemory();
      try {
        for (const worker of workers) worker.thread.postMessage({ helperPackages });
        return await analyzeTestFiles({ ...project, helperPackages }, workers, testFiles);
      } finally {
        for (const worker of workers) void worker.thread.terminate();
        restoreFlags();
      }
    },
  };
}

/** Analyses `testFiles` on this thread and `workers`, to which it may add one: the caller ends them. */
async function analyzeTestFiles(project: AnalysisProject, workers: PoolWorker[], testFiles: readonly string[]): Promise<FileAnalysis[]> {
  const results: FileAnalysis[] = new Array<FileAnalysis>(testFiles.length);
  const nativeHere = threadNativeParseLimit();
  const sizes = testFiles.map((file) => sizeOf(project.cwd, file));
  const queue = new WorkQueue(testFiles.map((_, index) => index), sizes);
  // With no worker (one core, few files), one for the files too large for oxc here, when there are enough of them.
  const late = workers.length === 0 && worthALateWorker(sizes, nativeHere) ? startWorker(project) : undefined;
  if (late) workers.push(late);
  let running = workers.length;
  const helping = workers.map((worker) => worker.run(testFiles, queue, results).finally(() => (running -= 1)));
  // While workers run, a test file too large for oxc here, or that imports a helper too large, goes to them: babel would read it here, at a third of oxc's speed.
  const analyzeHere = projectAnalyzer(project, nativeHere, (code) => running > 0 && !fitsNativeStack(code, nativeHere) && fitsNativeStack(code, WORKER_NATIVE_PARSE_UNITS));
  const tooDeep: number[] = [];
  const analyzeAt = (index: number) => {
    let analysis: FileAnalysis;
    try {
      analysis = analyzeHere(testFiles[index]!);
    } catch (error) {
      if (!(error instanceof LeftToAWorker)) throw error;
      queue.giveBack(index);
      return;
    }
    results[index] = analysis;
    if (isTooDeep(analysis)) tooDeep.push(index);
  };
  // Files of up to about as many units as this thread takes: the few that have more go back to the workers.
  const takeHere = () => queue.take(helping.length > 0 ? nativeHere * CHARS_PER_UNIT : Infinity);
  for (let index = takeHere(); index !== undefined; index = takeHere()) {
    analyzeAt(index);
    boundYoungGeneration();
    // The workers' answers come in between two files.
    if (helping.length > 0) await setImmediate();
  }
  for (const unfinished of await Promise.all(helping)) for (const index of unfinished) analyzeAt(index);
  // What workers that stopped left in the queue.
  for (let index = queue.take(); index !== undefined; index = queue.take()) analyzeAt(index);
  queue.rethrow();
  if (tooDeep.length > 0) {
    const deep = startWorker(project);
    const queueOfDeep = new WorkQueue(tooDeep);
    // Without a worker, the finding that the file nests too deep stands.
    await deep?.run(testFiles, queueOfDeep, results);
    void deep?.thread.terminate();
    queueOfDeep.rethrow();
  }
  return results;
}

/**
 * Whether the files likely too large for oxc on a thread that takes `nativeHere` nesting units, by
 * their sizes, are enough to start a worker for. Files too large for a worker's oxc too are left out:
 * babel reads them in either thread, and a worker would only add its memory (a 5 MB test file:
 * 164 MB at the peak against 113 MB).
 */
export function worthALateWorker(sizes: readonly number[], nativeHere: number): boolean {
  let total = 0;
  for (const size of sizes) if (size > nativeHere * CHARS_PER_UNIT && size <= WORKER_NATIVE_PARSE_UNITS * CHARS_PER_UNIT) total += size;
  return total >= LARGE_FILES_PER_WORKER;
}

/** A file's size in bytes, at least its length in characters; a file that cannot be read is left to a worker, which says why. */
function sizeOf(cwd: string, file: string): number {
  try {
    return statSync(path.join(cwd, file)).size;
  } catch {
    return Infinity;
  }
}

/**
 * The indexes of files still to analyse, handed out one at a time, the largest first to the
 * threads that take any size; the first error a worker met stops it.
 */
class WorkQueue {
  /** Indexes by size, largest last: taken from either end. */
  private readonly pending: number[];
  private readonly sizes: readonly number[];
  /** Files a thread took and left to the threads that take any size. */
  private readonly givenBack: number[] = [];
  private first = 0;
  private error: Error | undefined;

  constructor(indexes: number[], sizes?: readonly number[]) {
    this.sizes = sizes ?? [];
    this.pending = sizes ? [...indexes].sort((a, b) => sizes[a]! - sizes[b]!) : indexes;
  }

  get empty(): boolean {
    return this.error !== undefined || (this.first === this.pending.length && this.givenBack.length === 0);
  }

  /** The largest file left, or one given back; within `maxSize` bytes, the smallest, or none when only larger ones are left. */
  take(maxSize = Infinity): number | undefined {
    if (this.error !== undefined) return undefined;
    if (maxSize === Infinity) return this.givenBack.pop() ?? (this.first < this.pending.length ? this.pending.pop() : undefined);
    if (this.first === this.pending.length) return undefined;
    const index = this.pending[this.first]!;
    if ((this.sizes[index] ?? 0) > maxSize) return undefined;
    this.first += 1;
    return index;
  }

  /** A file taken and not analysed: for the next thread that takes any size. */
  giveBack(index: number): void {
    this.givenBack.push(index);
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
  const thread = new Worker(entry.url, { workerData: { role: ANALYSIS_ROLE, ...project, nativeParseUnits: WORKER_NATIVE_PARSE_UNITS }, execArgv: entry.execArgv, resourceLimits: { stackSizeMb: WORKER_STACK_MB, maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB }, stdout: true, stderr: true });
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
