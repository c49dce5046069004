import { gzipSync } from 'node:zlib';
import semver from 'semver';
import { EnvironmentError } from '../core/errors.js';
import { mapConcurrently } from '../core/concurrency.js';
import { httpRequest, retryAfterMs, safeUrl } from '../core/http.js';
import { VERSION } from '../core/version.js';
import type { InstalledPackage } from './model.js';
import type { RegistryAccess } from './registry.js';

export const SEVERITIES = ['info', 'low', 'moderate', 'high', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];

export function severityRank(severity: Severity): number {
  return SEVERITIES.indexOf(severity);
}

/** One advisory as the bulk endpoint answers it. */
export interface Advisory {
  id: string;
  url: string;
  title: string;
  severity: Severity;
  vulnerableVersions: string;
  /** GHSA id from the URL, when it has one. */
  ghsa?: string;
  /** CVSS base score, when the registry gives one above 0. */
  cvssScore?: number;
  /** CWE ids, e.g. `CWE-400`. */
  cwe?: string[];
}

export const BULK_ADVISORY_PATH = '-/npm/v1/security/advisories/bulk';

export interface BulkRequestOptions {
  /** Package names per request: large trees are split so no single request is huge. */
  batchSize?: number;
  /** Requests in flight at once. */
  concurrency?: number;
  retries?: number;
  backoffMs?: number;
  timeoutMs?: number;
  deadlineMs?: number;
}

/**
 * Asks the registry's bulk advisory endpoint about every installed `name: [versions]`, gzipped
 * like npm does. Anything but a well-formed answer is an EnvironmentError: the gate fails closed.
 */
export async function fetchAdvisories(registry: RegistryAccess, packages: readonly InstalledPackage[], options: BulkRequestOptions = {}): Promise<Map<string, Advisory[]>> {
  // A scope with a registry of its own is asked there only: its names never reach the main registry.
  const groups = new Map<RegistryAccess, InstalledPackage[]>();
  for (const pkg of packages) {
    const access = (pkg.name.startsWith('@') && registry.scopes?.get(pkg.name.slice(0, pkg.name.indexOf('/')))) || registry;
    const group = groups.get(access);
    if (group) group.push(pkg);
    else groups.set(access, [pkg]);
  }
  const answers = await Promise.all([...groups].map(([access, group]) => fetchFrom(access, group, options)));
  return new Map(answers.flatMap((answer) => [...answer]));
}

async function fetchFrom(registry: RegistryAccess, packages: readonly InstalledPackage[], options: BulkRequestOptions): Promise<Map<string, Advisory[]>> {
  const versions = new Map<string, string[]>();
  for (const pkg of packages) {
    const list = versions.get(pkg.name);
    if (list) {
      if (!list.includes(pkg.version)) list.push(pkg.version);
    } else {
      versions.set(pkg.name, [pkg.version]);
    }
  }
  const names = [...versions.keys()].sort();
  const batchSize = options.batchSize ?? 1000;
  const batches: string[][] = [];
  for (let start = 0; start < names.length; start += batchSize) batches.push(names.slice(start, start + batchSize));

  const answers = await mapConcurrently(batches, options.concurrency ?? 4, (batch) =>
    postBulk(registry, Object.fromEntries(batch.map((name) => [name, versions.get(name)!])), options),
  );
  return new Map(answers.flatMap((answer) => [...answer]));
}

async function postBulk(registry: RegistryAccess, body: Record<string, string[]>, options: BulkRequestOptions): Promise<Map<string, Advisory[]>> {
  const url = new URL(BULK_ADVISORY_PATH, registry.url).toString();
  const where = safeUrl(url);
  const response = await httpRequest(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'content-encoding': 'gzip',
      accept: 'application/json',
      'user-agent': `readiness-gates/${VERSION}`,
      ...(registry.authorization ? { authorization: registry.authorization } : {}),
    },
    body: gzipSync(JSON.stringify(body)),
    ...(options.retries !== undefined ? { retries: options.retries } : {}),
    ...(options.backoffMs !== undefined ? { backoffMs: options.backoffMs } : {}),
    ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
    service: 'the advisory endpoint',
    setting: '`registry`',
    ...(options.deadlineMs !== undefined ? { deadlineMs: options.deadlineMs } : {}),
    ...(registry.dispatcher ? { dispatcher: registry.dispatcher } : {}),
  });
  if (response.status === 401 || response.status === 403) {
    throw new EnvironmentError(`the advisory endpoint at ${where} refused the request (HTTP ${response.status}); put a token for this registry in .npmrc (//host/:_authToken=\${NPM_TOKEN}) or check the one there`);
  }
  if (response.status === 404 || response.status === 405 || response.status === 501) {
    throw new EnvironmentError(`the registry at ${safeUrl(registry.url)} does not serve bulk advisories (HTTP ${response.status} from ${where}); set \`registry\` to one that does`);
  }
  const retryAfter = retryAfterMs(response.headers);
  const wait = retryAfter === undefined ? '' : `, and asks to retry after ${Math.ceil(retryAfter / 1000)} s`;
  if (response.status === 429) {
    throw new EnvironmentError(
      `the advisory endpoint at ${where} is rate-limiting these requests (HTTP 429${wait}); retry later, or put a token for the registry in .npmrc: limits are higher for an authenticated user`,
    );
  }
  if (response.status >= 500) {
    throw new EnvironmentError(`the advisory endpoint at ${where} answered HTTP ${response.status} after ${response.attempts} attempt${response.attempts === 1 ? '' : 's'}${wait}; retry later, or set on-error: warn to let the gate pass without advisories`);
  }
  if (response.status < 200 || response.status >= 300) {
    throw new EnvironmentError(`the advisory endpoint at ${where} answered HTTP ${response.status}; check that \`registry\` points at an npm-compatible registry`);
  }
  let answer: unknown;
  try {
    answer = JSON.parse(response.body.toString('utf8'));
  } catch {
    throw unknownShape(where, 'the body is not JSON');
  }
  return readBulkAnswer(answer, where, body);
}

/** Names missing from the answer have no advisories; a name that was not asked about means the endpoint answers something else. */
function readBulkAnswer(answer: unknown, where: string, asked: Record<string, string[]>): Map<string, Advisory[]> {
  if (!answer || typeof answer !== 'object' || Array.isArray(answer)) throw unknownShape(where, 'expected an object of package names');
  const advisories = new Map<string, Advisory[]>();
  for (const [name, list] of Object.entries(answer)) {
    if (!Object.hasOwn(asked, name)) throw unknownShape(where, `"${name}" was not asked about`);
    if (!Array.isArray(list)) throw unknownShape(where, `"${name}" is not a list of advisories`);
    advisories.set(
      name,
      list.map((item: unknown, index) => {
        const advisory = (item ?? {}) as Record<string, unknown>;
        const problem =
          typeof advisory.id !== 'number' && typeof advisory.id !== 'string'
            ? 'no id'
            : typeof advisory.url !== 'string'
              ? 'no url'
              : typeof advisory.title !== 'string'
                ? 'no title'
                : !SEVERITIES.includes(advisory.severity as Severity)
                  ? `severity ${JSON.stringify(advisory.severity)}`
                  : typeof advisory.vulnerable_versions !== 'string'
                    ? 'no vulnerable_versions'
                    : undefined;
        if (problem) throw unknownShape(where, `advisory ${index} of "${name}" has ${problem}`);
        const ghsa = /GHSA(?:-[23456789cfghjmpqrvwx]{4}){3}/i.exec(advisory.url as string)?.[0];
        const score = (advisory.cvss as { score?: unknown } | undefined)?.score;
        const cwe = Array.isArray(advisory.cwe) ? advisory.cwe.filter((item): item is string => typeof item === 'string' && /^CWE-\d+$/i.test(item)) : [];
        return {
          id: String(advisory.id),
          url: advisory.url as string,
          title: advisory.title as string,
          severity: advisory.severity as Severity,
          vulnerableVersions: advisory.vulnerable_versions as string,
          ...(ghsa ? { ghsa: `GHSA${ghsa.slice(4).toLowerCase()}` } : {}),
          ...(typeof score === 'number' && score > 0 && score <= 10 ? { cvssScore: score } : {}),
          ...(cwe.length > 0 ? { cwe } : {}),
        };
      }),
    );
  }
  return advisories;
}

function unknownShape(where: string, detail: string): EnvironmentError {
  return new EnvironmentError(`the advisory endpoint at ${where} answered in a shape this gate does not know (${detail}); check that \`registry\` points at an npm-compatible registry`);
}

/** npm's own options for advisory ranges: prereleases count, loose versions parse. */
const RANGE_OPTIONS = { includePrerelease: true, loose: true };

export interface AdvisoryMatch {
  pkg: InstalledPackage;
  advisory: Advisory;
  /** The nearest versions without this advisory, e.g. `>=2.6.9`; undefined when no fixed version is known. */
  fixedIn?: string;
  /** The advisory's range could not be read: it is counted as affecting every version. */
  unreadableRange?: boolean;
}

/** Each installed version tested against each advisory of its package name. */
export function matchAdvisories(packages: readonly InstalledPackage[], advisories: ReadonlyMap<string, readonly Advisory[]>): AdvisoryMatch[] {
  const matches: AdvisoryMatch[] = [];
  for (const pkg of packages) {
    for (const advisory of advisories.get(pkg.name) ?? []) {
      const range = semver.validRange(advisory.vulnerableVersions, RANGE_OPTIONS);
      if (range === null) {
        matches.push({ pkg, advisory, unreadableRange: true });
        continue;
      }
      if (!semver.satisfies(pkg.version, range, RANGE_OPTIONS)) continue;
      const fixedIn = fixedRangeFor(pkg.version, range);
      matches.push({ pkg, advisory, ...(fixedIn ? { fixedIn } : {}) });
    }
  }
  return matches;
}

/** The upper bound of the part of the vulnerable range the version falls in, turned around. */
function fixedRangeFor(version: string, range: string): string | undefined {
  for (const comparators of new semver.Range(range, RANGE_OPTIONS).set) {
    if (!comparators.every((comparator) => comparator.test(version))) continue;
    const upper = comparators.find((comparator) => comparator.operator === '<' || comparator.operator === '<=');
    if (!upper) return undefined;
    const bound = upper.semver.prerelease.length === 1 && upper.semver.prerelease[0] === 0 ? `${upper.semver.major}.${upper.semver.minor}.${upper.semver.patch}` : upper.semver.version;
    return upper.operator === '<' ? `>=${bound}` : `>${bound}`;
  }
  return undefined;
}
