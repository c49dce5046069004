import { serveTestAnalysis } from '../test-existence/worker-entry.js';
import { run } from './main.js';

// test-existence analyses test files in worker threads started from this file (see worker-entry.ts).
if (!(await serveTestAnalysis(import.meta.url))) await run();
