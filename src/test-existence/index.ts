import { serveTestAnalysis } from './worker-entry.js';

// An analysis worker starts from this file too (see worker-entry.ts), and loads none of the rest.
if (!(await serveTestAnalysis(import.meta.url))) await (await import('./main.js')).run();
