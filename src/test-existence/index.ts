import { run } from './main.js';
import { serveTestAnalysis } from './worker-entry.js';

if (!(await serveTestAnalysis(import.meta.url))) await run();
