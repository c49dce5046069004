import { fileURLToPath } from 'node:url';
import { isMainThread, Worker, workerData } from 'node:worker_threads';

/**
 * Valid code nested deeper than the default stack lets babel parse (about 160 callbacks in callbacks;
 * Node runs 400 and more) is analysed again in a worker thread with a large stack. The worker runs
 * this same module file: the bundle, or the source under tsx; it answers through shared memory and
 * ends before anything else of that file runs.
 */
const ROLE = 'readiness-gates/test-existence/deep-analysis';
const STACK_MB = 64;
const RESULT_BYTES = 64 * 1024 * 1024;

interface Job {
  role: typeof ROLE;
  code: string;
  file: string;
  assertFunctions: string[];
  /** Int32 length, then the UTF-8 JSON of the result. */
  result: SharedArrayBuffer;
}

/** Analyses `code` in a worker with a large stack; undefined when no worker could do it (the caller reports the depth). */
export async function analyzeWithLargeStack<T>(code: string, file: string, assertFunctions: readonly string[], moduleUrl: string): Promise<T | undefined> {
  const result = new SharedArrayBuffer(RESULT_BYTES);
  const job: Job = { role: ROLE, code, file, assertFunctions: [...assertFunctions], result };
  const source = fileURLToPath(moduleUrl);
  // From the TypeScript sources (tests, tsx), the worker needs tsx to load them as the parent did.
  const execArgv = source.endsWith('.ts') ? ['--import', 'tsx'] : [];
  try {
    await new Promise<void>((resolve, reject) => {
      const worker = new Worker(source, { workerData: job, execArgv, resourceLimits: { stackSizeMb: STACK_MB }, stdout: true, stderr: true });
      worker.once('error', reject);
      worker.once('exit', () => resolve());
    });
  } catch {
    return undefined;
  }
  const length = new Int32Array(result, 0, 1)[0] ?? 0;
  if (length <= 0) return undefined;
  return JSON.parse(new TextDecoder().decode(new Uint8Array(result, 4, length).slice())) as T;
}

/** In the worker: the job, when this thread was started for one. */
export function deepAnalysisJob(): Job | undefined {
  const job = isMainThread ? undefined : (workerData as Job | undefined);
  return job?.role === ROLE ? job : undefined;
}

/** In the worker: hands the result back and ends the thread before the rest of the module file runs. */
export function answerDeepAnalysis(job: Job, value: unknown): never {
  const bytes = new TextEncoder().encode(JSON.stringify(value));
  if (bytes.length + 4 <= job.result.byteLength) {
    new Uint8Array(job.result, 4, bytes.length).set(bytes);
    new Int32Array(job.result, 0, 1)[0] = bytes.length;
  }
  process.exit(0);
}
