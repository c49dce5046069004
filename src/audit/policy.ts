import semver from 'semver';
import { ConfigurationError } from '../core/errors.js';
import type { ExceptionEntry } from '../core/exceptions.js';
import type { Finding } from '../core/report.js';
import { closestMatch } from '../core/suggest.js';
import type { Advisory } from './advisories.js';
import type { InstalledPackage } from './model.js';

export interface RequiredVersion {
  /** As written, for messages. */
  spec: string;
  name: string;
  range: string;
}

/** `tar>=7.5.2`, `tar@>=7.5.2` or `tar >=7.5.2 <8`: a package name, then a semver range. */
const REQUIRE_SPEC = /^((?:@[a-z0-9][\w.~-]*\/)?[a-z0-9~][\w.~-]*)(?:@|\s+)?([<>=^~\d*xX].*)$/i;

export function parseRequiredVersions(specs: readonly string[]): RequiredVersion[] {
  return specs.map((spec) => {
    const match = REQUIRE_SPEC.exec(spec.trim());
    const range = match ? semver.validRange(match[2]!.trim()) : null;
    if (!match || range === null) {
      throw new ConfigurationError(`require: "${spec}" is not a package name followed by a semver range; write it like tar>=7.5.2 or @scope/pkg@^2.1.0`);
    }
    return { spec: spec.trim(), name: match[1]!, range: match[2]!.trim() };
  });
}

/**
 * One `policy/min-version` error per installed version outside the required range; a requirement
 * naming no package of `packages` is a `policy/require-not-installed` warning naming the closest name
 * of `everything` (the lockfile's whole set), so a typo does not silently check nothing.
 */
export function checkRequiredVersions(packages: readonly InstalledPackage[], required: readonly RequiredVersion[], lockfile: string, everything: readonly InstalledPackage[] = packages): Finding[] {
  const findings: Finding[] = [];
  const names = [...new Set(everything.map((pkg) => pkg.name))];
  for (const requirement of required) {
    if (!packages.some((pkg) => pkg.name === requirement.name)) {
      const devOnly = everything.some((pkg) => pkg.name === requirement.name);
      const closest = devOnly ? undefined : closestMatch(requirement.name, names);
      findings.push({
        rule: 'policy/require-not-installed',
        level: 'warning',
        message: devOnly
          ? `require: ${requirement.spec} names ${requirement.name}, which is installed only as a dev dependency, so production-only does not check it.`
          : `require: ${requirement.spec} names ${requirement.name}, which ${lockfile} does not install${closest ? `; did you mean ${closest}?` : '.'}`,
        file: lockfile,
        fingerprint: `policy/require-not-installed:${requirement.name}`,
        help: closest ? `Write the installed name (${closest}) in require, or remove the entry.` : 'Fix the name in require, or remove the entry if the package is gone.',
      });
      continue;
    }
    for (const pkg of packages) {
      if (pkg.name !== requirement.name || semver.satisfies(pkg.version, requirement.range, { includePrerelease: true, loose: true })) continue;
      findings.push({
        rule: 'policy/min-version',
        level: 'error',
        message: `${pkg.name}@${pkg.version} does not satisfy the required ${requirement.spec} (${describeReach(pkg)}).`,
        file: lockfile,
        ...(pkg.line !== undefined ? { line: pkg.line } : {}),
        fingerprint: `policy/min-version:${pkg.name}@${pkg.version}`,
        help: `Upgrade ${pkg.name} to ${requirement.range} (update the dependency that pulls it in, or pin it with overrides/resolutions), then regenerate the lockfile.`,
      });
    }
  }
  return findings;
}

export interface AllowEntry extends ExceptionEntry {
  id: string;
  /** `name` or `name@version`. */
  package?: string;
  /** A dependency path prefix of names, `debug>ms`, as findings show it. */
  path?: string;
}

/**
 * Whether an allow entry covers an advisory on this package: the same id (GHSA, npm's numeric
 * advisory id, `npm-advisory-<id>`, or the advisory's URL), and its package/path scope fits.
 */
export function allowCovers(entry: AllowEntry, advisory: Pick<Advisory, 'id' | 'url' | 'ghsa'>, pkg: InstalledPackage): boolean {
  const id = entry.id.trim().toLowerCase();
  const names = [advisory.ghsa, advisory.id, `npm-advisory-${advisory.id}`, advisory.url.replace(/\/+$/, '')].filter((name): name is string => name !== undefined).map((name) => name.toLowerCase());
  if (!names.includes(id.replace(/\/+$/, ''))) return false;
  if (entry.package !== undefined && entry.package !== pkg.name && entry.package !== `${pkg.name}@${pkg.version}`) return false;
  if (entry.path !== undefined) {
    const wanted = entry.path.split('>').map((step) => step.trim()).filter(Boolean);
    const steps = pkg.path.steps;
    if (wanted.length > steps.length) return false;
    return wanted.every((step, index) => step === steps[index] || step === nameOf(steps[index]!));
  }
  return true;
}

/** `prod dependency via packages/lib > debug@4.3.1 > ms@2.1.2`. */
export function describeReach(pkg: InstalledPackage): string {
  const via = [pkg.path.workspace === '.' ? '' : `${pkg.path.workspace}:`, pkg.path.steps.join(' > ')].join(' ').trim();
  return `${pkg.kind} dependency via ${via}`;
}

function nameOf(step: string): string {
  const at = step.indexOf('@', 1);
  return at === -1 ? step : step.slice(0, at);
}
