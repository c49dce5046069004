import picomatch from 'picomatch';
import { ConfigurationError } from '../core/errors.js';
import { ExceptionList } from '../core/exceptions.js';
import type { Gate } from '../core/gate.js';
import { git, isGitWorkTree, listTrackedFiles } from '../core/git.js';
import { discoverPackages } from '../core/packages.js';
import { createReport, type Finding } from '../core/report.js';
import { checkWorkflows } from './ci.js';
import { checkUpdateAutomation } from './deps.js';
import { checkDockerfiles } from './docker.js';
import { createCollector } from './emit.js';
import { checkEnvTemplates } from './env.js';
import { checkLockfiles } from './lockfile.js';
import { parseOptions, type AllowEntry } from './options.js';
import { checkTrackedFiles } from './tracked.js';

export const hygieneGate: Gate = {
  name: 'hygiene',
  async run(settings, context) {
    const startedAt = performance.now();
    const options = parseOptions(settings);
    if (!(await isGitWorkTree(context.cwd))) {
      throw new ConfigurationError(`hygiene: ${context.cwd} is not a git work tree, so what the repository tracks cannot be checked; check out the repository (actions/checkout) or point cwd at it`);
    }
    const excluded = options.excludePaths.length ? picomatch(options.excludePaths, { dot: true }) : undefined;
    const tracked = (await listTrackedFiles(context.cwd)).filter((file) => !excluded?.(file));
    const unreadable = await unreadableEntries(context.cwd);
    const present = unreadable.size ? tracked.filter((file) => !unreadable.has(file)) : tracked;
    const discovery = discoverPackages(context.cwd, present);
    const { emit, findings: raw } = createCollector(options.levels);

    const trackedResult = checkTrackedFiles(context.cwd, present, discovery, { committedOutput: options.committedOutput, maxFileBytes: options.maxFileBytes }, emit);
    const dockerfiles = checkDockerfiles(context.cwd, present, emit);
    checkUpdateAutomation(context.cwd, present, discovery, emit);
    const ci = checkWorkflows(context.cwd, present, discovery, { scripts: options.scripts }, emit, { note: (message) => context.log.info(message) });
    const env = checkEnvTemplates(context.cwd, present, discovery, { providedEnv: options.providedEnv }, emit);
    const installRoots = checkLockfiles(context.cwd, new Set(present), discovery, emit);

    const exceptions = new ExceptionList<AllowEntry>(options.allow, describeAllowEntry);
    const findings: Finding[] = [];
    let allowed = 0;
    for (const finding of raw) {
      if (exceptions.match((entry) => allowMatches(entry, finding))) allowed += 1;
      else findings.push(finding);
    }
    findings.push(...exceptions.findings(context.configFile));
    findings.sort((a, b) => (a.file ?? '').localeCompare(b.file ?? '') || (a.line ?? 0) - (b.line ?? 0) || a.rule.localeCompare(b.rule));
    context.log.info(`hygiene: ${tracked.length} tracked files, ${discovery.packages.length} package(s), ${ci.workflows} workflow(s), ${dockerfiles} Dockerfile(s)`);
    return createReport('hygiene', findings, {
      'files-checked': trackedResult.checked,
      packages: discovery.packages.length,
      'install-roots': installRoots.length,
      workflows: ci.workflows,
      dockerfiles,
      'env-reads': env.envReads,
      allowed,
    }, startedAt);
  },
};

/**
 * Tracked entries with no file content to read: deleted in the work tree (still tracked, so
 * tracked/* judges them), symbolic links (which may dangle) and submodules.
 */
async function unreadableEntries(cwd: string): Promise<Set<string>> {
  // Without --full-name, git prints paths relative to cwd, as listTrackedFiles returns them.
  const [deleted, staged] = await Promise.all([git(cwd, ['ls-files', '-z', '--deleted', '--', '.']), git(cwd, ['ls-files', '-z', '--stage', '--', '.'])]);
  const entries = new Set(deleted.split('\0').filter(Boolean));
  for (const entry of staged.split('\0')) {
    const match = /^(?:120000|160000) [0-9a-f]+ \d\t(.*)$/s.exec(entry);
    if (match) entries.add(match[1]!);
  }
  return entries;
}

function describeAllowEntry(entry: AllowEntry, index: number): string {
  const keys = (['rule', 'path', 'fingerprint'] as const).filter((key) => entry[key]).map((key) => `${key} ${entry[key]}`);
  return `hygiene.allow[${index}] (${keys.join(', ')})`;
}

/** Every key an entry gives must match; `rule` and `path` are globs (`docker/*`, `legacy/**`). */
function allowMatches(entry: AllowEntry, finding: Finding): boolean {
  if (entry.fingerprint !== undefined && entry.fingerprint !== finding.fingerprint) return false;
  if (entry.rule !== undefined && !picomatch.isMatch(finding.rule, entry.rule)) return false;
  if (entry.path !== undefined && !(finding.file && picomatch.isMatch(finding.file, entry.path, { dot: true }))) return false;
  return true;
}
