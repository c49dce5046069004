// Bundled by run.mjs and run in a fresh process per sample: our own work on a lockfile (parse,
// then evaluate the advisories), timed apart from the network round trip.
import { fetchAdvisories, matchAdvisories } from '../../src/audit/advisories.js';
import { loadLockfile } from '../../src/audit/lockfile.js';
import { resolveRegistry } from '../../src/audit/registry.js';
import { silentLogger } from '../../src/core/logger.js';

export async function measure(cwd: string, registry: string): Promise<{ packages: number; matches: number; parseMs: number; fetchMs: number; evaluateMs: number }> {
  const started = performance.now();
  const lock = loadLockfile(cwd, undefined);
  const parsed = performance.now();
  const advisories = await fetchAdvisories(resolveRegistry(registry, cwd, {}, silentLogger), lock.packages);
  const fetched = performance.now();
  const matches = matchAdvisories(lock.packages, advisories);
  const evaluated = performance.now();
  return { packages: lock.packages.length, matches: matches.length, parseMs: parsed - started, fetchMs: fetched - parsed, evaluateMs: evaluated - fetched };
}
