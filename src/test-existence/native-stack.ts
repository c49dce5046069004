import { readFileSync } from 'node:fs';
import { isMainThread, resourceLimits } from 'node:worker_threads';

/**
 * oxc parses on the thread's native stack, where nesting deeper than the stack holds ends the
 * process (babel throws a RangeError instead). Each level of nesting takes at least one token, so
 * a file nests no deeper than it has tokens, which nestingUnits bounds from above. The costliest
 * nestings per unit measured on oxc 0.159, of 70 kinds (tuple types, nested defaults of arrow
 * parameters, parenthesised types, arrow parameters, labels, blocks, callbacks in callbacks,
 * `typeof`, `new`, `else if`, JSX…), take at most 1,015 bytes of stack per unit: twice that leaves
 * a margin for other platforms and versions.
 */
const NATIVE_STACK_BYTES_PER_UNIT = 2048;

/** The most nesting units (see nestingUnits) of a file oxc may parse on a thread with a stack of `stackMb`: no nesting within it can overflow the stack. */
export function nativeParseLimit(stackMb: number): number {
  return Math.floor((stackMb * 1024 * 1024) / NATIVE_STACK_BYTES_PER_UNIT);
}

/**
 * An upper bound on the tokens of `code`, counted up to `cap`: a unit for every character that is
 * neither blank nor part of a word, and one for every run of word characters (an identifier, a
 * keyword, a number). A character outside ASCII counts on its own, as it may be a space between
 * words. Real test files have about one unit in four characters, so a thread takes files about
 * four times as long as a bound on characters let it.
 */
export function nestingUnits(code: string, cap = Infinity): number {
  let units = 0;
  let inWord = false;
  for (let index = 0; index < code.length && units <= cap; index += 1) {
    const char = code.charCodeAt(index);
    if (char === 32 || (char >= 9 && char <= 13)) inWord = false;
    else if ((char >= 97 && char <= 122) || (char >= 65 && char <= 90) || (char >= 48 && char <= 57) || char === 95 || char === 36) {
      if (!inWord) units += 1;
      inWord = true;
    } else {
      units += 1;
      inWord = false;
    }
  }
  return units;
}

/** About how many characters of a test file make a nesting unit (see nestingUnits): to guess from a file's size whether it fits a limit. */
export const CHARS_PER_UNIT = 4;

/** Whether oxc may parse `code` on a thread whose limit is `limit` units (see nativeParseLimit). */
export function fitsNativeStack(code: string, limit: number): boolean {
  return code.length <= limit || nestingUnits(code, limit) <= limit;
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
