import { existsSync } from 'node:fs';
import path from 'node:path';
import { describeError, isExpectedError } from '../core/errors.js';
import { ExceptionList } from '../core/exceptions.js';
import type { Gate, GateSettings } from '../core/gate.js';
import { createReport, type Finding } from '../core/report.js';
import { fetchAdvisories, matchAdvisories, severityRank, type AdvisoryMatch, type BulkRequestOptions, type Severity } from './advisories.js';
import { readEventContext } from '../core/github-context.js';
import { readBaseline } from './baseline.js';
import { LOCKFILE_ORDER, loadLockfile } from './lockfile.js';
import { splitNameAndSpec } from './model.js';
import { allowCovers, checkRequiredVersions, describeReach, parseRequiredVersions, type AllowEntry, type RequiredVersion } from './policy.js';
import { parseRegistryUrl, resolveRegistry } from './registry.js';
import { findOutOfSync } from './sync.js';

export interface AuditOptions {
  failOn: Exclude<Severity, 'info'>;
  productionOnly: boolean;
  registry?: string;
  lockfile?: string;
  onError: 'fail' | 'warn';
  required: RequiredVersion[];
  allow: AllowEntry[];
  /** `changed`: on a pull request, only advisories on packages it adds or changes fail; the rest are warnings. */
  scope: 'all' | 'changed';
}

/** The rule of the warning that stands in for what could not be checked under `on-error: warn`. */
export const NOT_CHECKED_RULE = 'audit/not-checked';

/** Counted severities, in the order the metrics list them; `info` advisories only count as advisories. */
const COUNTED_SEVERITIES = ['critical', 'high', 'moderate', 'low'] as const;

/** Settings are schema-validated and defaulted before run; this only gives them types and parses the specs. */
export function readAuditOptions(settings: GateSettings): AuditOptions {
  const registry = typeof settings.registry === 'string' && settings.registry !== '' ? settings.registry : undefined;
  if (registry) parseRegistryUrl(registry, 'the registry setting');
  const lockfile = typeof settings.lockfile === 'string' && settings.lockfile !== '' ? settings.lockfile : undefined;
  return {
    failOn: settings['fail-on'] as AuditOptions['failOn'],
    productionOnly: settings['production-only'] === true,
    ...(registry ? { registry } : {}),
    ...(lockfile ? { lockfile } : {}),
    onError: settings['on-error'] === 'warn' ? 'warn' : 'fail',
    required: parseRequiredVersions((settings.require as string[] | undefined) ?? []),
    allow: (settings.allow as AllowEntry[] | undefined) ?? [],
    scope: settings.scope === 'changed' ? 'changed' : 'all',
  };
}

/** Test seam: how the bulk endpoint is asked (retries, batch size); the gate's users never set it. */
export function createAuditGate(request: BulkRequestOptions = {}): Gate {
  return {
    name: 'audit',
    async run(settings, context) {
      const startedAt = performance.now();
      const options = readAuditOptions(settings);
      const findings: Finding[] = [];
      const metrics: Record<string, number> = { packages: 0, local: 0, advisories: 0, critical: 0, high: 0, moderate: 0, low: 0, allowed: 0 };
      const exceptions = new ExceptionList(options.allow, (entry, index) => `audit.allow[${index}] (${entry.id})`);
      // Fail closed: what stops the check is an error, unless the user chose a warning instead.
      const couldNotCheck = (error: unknown) => {
        if (options.onError === 'fail' || !isExpectedError(error)) throw error;
        findings.push({ rule: NOT_CHECKED_RULE, level: 'warning', message: `${describeError(error)} (not checked: on-error is warn).` });
      };

      let lock: ReturnType<typeof loadLockfile> | undefined;
      try {
        lock = loadLockfile(context.cwd, options.lockfile);
      } catch (error) {
        // A `lockfile` setting that names no file is a mistake in the settings, not something on-error: warn may excuse.
        if (options.lockfile && !existsSync(path.resolve(context.cwd, options.lockfile))) throw error;
        couldNotCheck(error);
      }
      if (lock) {
        const installed = options.productionOnly ? lock.packages.filter((pkg) => pkg.kind !== 'dev') : lock.packages;
        // Folders, links, tarball files and git repositories are the project's own: their names never leave the machine.
        const packages = installed.filter((pkg) => !pkg.local);
        const local = new Set([...lock.packages.filter((pkg) => pkg.local).map((pkg) => pkg.name), ...lock.links.map((link) => splitNameAndSpec(link)[0])]);
        metrics.packages = packages.length;
        metrics.local = local.size;
        context.log.info(
          `Lockfile: ${lock.file} (${lock.format}), ${packages.length} packages${options.productionOnly ? ' without dev-only ones' : ''}; ${local.size} not audited (local)`,
        );
        if (lock.ignored.length > 0) {
          context.log.warning(`Also found ${lock.ignored.join(', ')}; read ${lock.file}, the first in the order ${LOCKFILE_ORDER.map(({ file }) => file).join(', ')}. Set \`lockfile\` to choose another.`);
        }
        // A stale lockfile would have the audit judge what is no longer asked for, and miss what is.
        findings.push(...findOutOfSync(lock));
        findings.push(...checkRequiredVersions(packages, options.required, lock.file, lock.packages));
        try {
          const registry = resolveRegistry(options.registry, context.cwd, context.env, context.log, lock.berry ? 'berry' : 'npm');
          context.log.info(`Advisories from ${registry.url} (${registry.source})${registry.authorization ? ', with credentials' : ''}${registry.dispatcher ? ', through the configured proxy or CA' : ''}`);
          for (const [scope, access] of registry.scopes ?? []) context.log.info(`${scope} packages: advisories from ${access.url} (${access.source})${access.authorization ? ', with credentials' : ''}`);
          const baseline = options.scope === 'changed' ? await readBaseline(context.cwd, lock, readEventContext(context.env)) : undefined;
          if (options.scope === 'changed') {
            context.log.info(baseline ? `scope: changed: advisories on packages already in ${baseline.description} are warnings` : 'scope: changed: not a pull request, so every advisory is judged');
          }
          let answers: Awaited<ReturnType<typeof fetchAdvisories>>;
          try {
            answers = await fetchAdvisories(registry, packages, request);
          } finally {
            // Proxy and CA agents hold keep-alive sockets that would keep the process alive after the verdict.
            await Promise.all([registry, ...(registry.scopes?.values() ?? [])].map((access) => access.dispatcher?.close()));
          }
          const matches = matchAdvisories(packages, answers);
          const rules = new Set<string>();
          for (const match of matches) {
            const rule = match.advisory.ghsa ?? `npm-advisory-${match.advisory.id}`;
            if (exceptions.match((entry) => allowCovers(entry, match.advisory, match.pkg))) {
              metrics.allowed! += 1;
              continue;
            }
            rules.add(rule);
            if ((COUNTED_SEVERITIES as readonly string[]).includes(match.advisory.severity)) metrics[match.advisory.severity]! += 1;
            const inherited = baseline?.installed.has(`${match.pkg.name}@${match.pkg.version}`) ? baseline.description : undefined;
            findings.push(advisoryFinding(match, rule, options.failOn, lock.file, inherited));
          }
          metrics.advisories = rules.size;
        } catch (error) {
          couldNotCheck(error);
        }
      }
      findings.push(...exceptions.findings(context.configFile));
      return createReport('audit', findings, metrics, startedAt);
    },
  };
}

/** `inherited`: the base the package was already in under scope: changed; such a finding never fails the gate. */
function advisoryFinding(match: AdvisoryMatch, rule: string, failOn: AuditOptions['failOn'], lockfile: string, inherited?: string): Finding {
  const { pkg, advisory } = match;
  const fixed = match.unreadableRange
    ? ` (its range "${advisory.vulnerableVersions}" could not be read, so every version counts as affected)`
    : match.fixedIn
      ? ` (fixed in ${match.fixedIn})`
      : ' (no fixed version known)';
  const remedy = match.fixedIn
    ? `Upgrade ${pkg.name} to ${match.fixedIn}: update the dependency that pulls it in, or pin it with overrides/resolutions, then regenerate the lockfile.`
    : `Remove or replace ${pkg.name}, or allow ${rule} in audit.allow with a reason and an expiry date.`;
  return {
    rule,
    level: !inherited && severityRank(advisory.severity) >= severityRank(failOn) ? 'error' : 'warning',
    message: `${pkg.name}@${pkg.version} has a ${advisory.severity} advisory: ${advisory.title}${fixed}; ${describeReach(pkg)}${inherited ? ` (already in ${inherited}; scope: changed)` : ''}.`,
    file: lockfile,
    ...(pkg.line !== undefined ? { line: pkg.line } : {}),
    fingerprint: `${rule}:${pkg.name}@${pkg.version}`,
    help: `${remedy} ${advisory.url}`,
    ruleProperties: securityProperties(advisory),
  };
}

/** Code scanning's severity scale for advisories without a CVSS score: the middle of each band. */
const SECURITY_SEVERITY: Record<Severity, number> = { critical: 9.5, high: 8.0, moderate: 5.5, low: 2.0, info: 0.0 };

/** `security-severity` (the CVSS score, else the band of the advisory's severity) and tags, so code scanning ranks these as security alerts. */
function securityProperties(advisory: AdvisoryMatch['advisory']): Record<string, unknown> {
  return {
    'security-severity': (advisory.cvssScore ?? SECURITY_SEVERITY[advisory.severity]).toFixed(1),
    tags: ['security', 'dependency', ...(advisory.cwe ?? []).map((cwe) => `external/cwe/${cwe.toLowerCase()}`)],
  };
}

export const auditGate: Gate = createAuditGate();
