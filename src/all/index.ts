import { serveTestAnalysis } from '../test-existence/worker-entry.js';

// test-existence analyses test files in worker threads started from this file (see worker-entry.ts); a worker loads none of the rest.
if (!(await serveTestAnalysis(import.meta.url))) await (await import('./main.js')).run();
