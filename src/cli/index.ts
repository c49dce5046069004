#!/usr/bin/env node
import { serveTestAnalysis } from '../test-existence/worker-entry.js';

// test-existence analyses test files in worker threads started from this file (see worker-entry.ts); a worker loads none of the rest.
if (!(await serveTestAnalysis(import.meta.url))) {
  const { main } = await import('./main.js');
  process.exitCode = await main(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    env: process.env,
    cwd: process.cwd(),
    color: process.stdout.isTTY === true && !process.env.NO_COLOR,
    progress: process.stderr.isTTY === true ? 'terminal' : process.env.GITHUB_ACTIONS === 'true' ? 'actions' : 'lines',
  });
}
