// Timing of whole child processes for the test-existence bench: wall, CPU and peak memory.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** GNU time reports a child's peak RSS; Node has no way to read it for a child it spawned. */
const GNU_TIME = '/usr/bin/time';
const rssFile = path.join(os.tmpdir(), `rg-bench-rss-${process.pid}.txt`);

/** CPU time (user + system) of reaped children, in ms: the machine is shared, so wall time alone is noisy. */
function childrenCpuMs() {
  const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
  // cutime and cstime are fields 16 and 17 of stat(5), in clock ticks (100 per second on Linux).
  return (Number(fields[13]) + Number(fields[14])) * 10;
}

/** Runs `node args…` on this Node; its wall and CPU time in ms, peak RSS in MB (where GNU time is installed) and stdout. */
export function timed(args, options = {}) {
  const withTime = existsSync(GNU_TIME);
  const [command, commandArgs] = withTime ? [GNU_TIME, ['-f', '%M', '-o', rssFile, process.execPath, ...args]] : [process.execPath, args];
  const cpuBefore = childrenCpuMs();
  const started = performance.now();
  const result = spawnSync(command, commandArgs, { encoding: 'utf8', maxBuffer: 512 * 1024 * 1024, ...options });
  const ms = performance.now() - started;
  if (result.status !== 0 && result.status !== 1) throw new Error(`${args.join(' ')} exited ${result.status}: ${result.stderr.slice(0, 500)}`);
  const rssMb = withTime ? Number(readFileSync(rssFile, 'utf8').trim().split('\n').at(-1)) / 1024 : NaN;
  if (withTime) rmSync(rssFile, { force: true });
  return { ms, cpu: childrenCpuMs() - cpuBefore, rssMb, stdout: result.stdout };
}

export { median } from '../median.mjs';

export function seconds(ms) {
  return `${(ms / 1000).toFixed(2)} s`;
}
