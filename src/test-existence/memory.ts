import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';
import { isMainThread } from 'node:worker_threads';

/*
 * The analysis parses thousands of files, or a large one in many runs (see statement-runs.ts), and
 * each syntax tree dies young: V8 would grow a thread's new space to 64 MB. A small one keeps the peak
 * memory of the process down by tens of MB. With oxc's trees, 4 MB costs no time on jest's tree and
 * takes 10 MB off its peak against 8 MB (148 MB against 158, 9 interleaved runs; 16 MB: 167 MB), and
 * 11 MB off the generated corpus's for 3 % more time; 2 MB promotes more and peaks higher (154 MB).
 */
const YOUNG_GENERATION_MB = 4;
/** A worker's limit is V8's young-generation size, of which the new space is two thirds. */
export const WORKER_YOUNG_GENERATION_MB = (YOUNG_GENERATION_MB * 3) / 2;

let bounded = false;

/**
 * A running thread's young generation cannot be given a limit (a worker's is given when it starts):
 * V8 doubles it as objects survive, so its growth is stopped once it reaches the limit. Called
 * between files, and between the runs of a large file. It stays bounded: the report of a large
 * file's findings would grow it again.
 */
export function boundYoungGeneration(): void {
  // The flag is the process's: a worker, bounded already, must not stop the main thread's growth early.
  if (bounded || !isMainThread) return;
  const newSpace = getHeapSpaceStatistics().find((space) => space.space_name === 'new_space');
  if (!newSpace || newSpace.space_size < YOUNG_GENERATION_MB * 1024 * 1024) return;
  bounded = true;
  setFlagsFromString('--semi-space-growth-factor=1');
}

/**
 * How far V8 lets the old generation grow past what the last full collection left live, in percent.
 * A syntax tree lives while its file is analysed, so the scavenges that run meanwhile move it to the
 * old generation, where it dies: a third of what survives them on 5,000 small files. By default V8
 * grows that generation up to fourfold when collecting is cheap, and the garbage waits: 100 (twofold)
 * took 16 MB off the peak on jest's tree at the same time, and 67 MB off the generated corpus's
 * (241–243 → 172–176 MB) for 3–11 % more time; 50 saved 11 MB more there for a quarter more time.
 */
const OLD_GENERATION_GROWTH_PERCENT = 100;

/**
 * V8 flags for the analysis, process-wide, so for the workers too; the function returned restores
 * them (other gates may run in this process). Maglev, V8's mid-tier compiler, compiles babel's large
 * parser functions on background threads with ~45 MB of peak memory. Without it babel's hot
 * functions wait for TurboFan: 0–10 % more CPU on jest's tree (interleaved runs on a busy machine),
 * for 40–50 MB less.
 */
export function tuneMemory(): () => void {
  setFlagsFromString('--no-maglev');
  setFlagsFromString(`--heap-growing-percent=${OLD_GENERATION_GROWTH_PERCENT}`);
  return () => {
    setFlagsFromString('--maglev');
    setFlagsFromString('--heap-growing-percent=0');
  };
}
