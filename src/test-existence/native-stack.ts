import { readFileSync } from 'node:fs';
import { isMainThread, resourceLimits } from 'node:worker_threads';

/**
 * oxc parses on the thread's native stack, where nesting deeper than the stack holds ends the
 * process (babel throws a RangeError instead). The costliest nestings per character measured on
 * oxc 0.159, of 98 kinds (tuple types, nested defaults of arrow parameters, parenthesised types,
 * arrow parameters, labels, blocks, arrays, callbacks in callbacks, JSX…), take at most 1,016 bytes
 * of stack per character of source: twice that leaves a margin for other platforms and versions.
 */
const NATIVE_STACK_BYTES_PER_CHAR = 2048;

/** The longest file oxc may parse on a thread with a stack of `stackMb`: no nesting within it can overflow the stack. */
export function nativeParseLimit(stackMb: number): number {
  return Math.floor((stackMb * 1024 * 1024) / NATIVE_STACK_BYTES_PER_CHAR);
}

/**
 * This thread's stack, where it is known: a worker's is the one it was given (4 MB by default, when
 * the gate itself runs in a worker). Linux gives the main thread its soft stack limit, macOS 8 MB,
 * Windows 1 MB. Elsewhere oxc is left to the gate's workers.
 */
export function threadStackMb(): number {
  if (!isMainThread) return resourceLimits.stackSizeMb ?? 0;
  if (process.platform === 'darwin') return 8;
  if (process.platform === 'win32') return 1;
  if (process.platform !== 'linux') return 0;
  try {
    const limit = /^Max stack size\s+(\d+|unlimited)/m.exec(readFileSync('/proc/self/limits', 'utf8'))?.[1];
    // Unlimited, Linux still maps the main thread's stack as large as it grows; 8 MB is the usual limit.
    return limit === undefined ? 0 : limit === 'unlimited' ? 8 : Number(limit) / (1024 * 1024);
  } catch {
    return 0;
  }
}

let threadLimit: number | undefined;

/** nativeParseLimit of this thread's stack, read once per thread. */
export function threadNativeParseLimit(): number {
  threadLimit ??= nativeParseLimit(threadStackMb());
  return threadLimit;
}
