import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import picomatch from 'picomatch';
import { ConfigurationError } from '../core/errors.js';
import { ExceptionList } from '../core/exceptions.js';
import type { Gate, GateContext } from '../core/gate.js';
import { isGitWorkTree } from '../core/git.js';
import { readEventContext } from '../core/github-context.js';
import { createReport, type Finding } from '../core/report.js';
import { checkTrackedFiles } from './file-policy.js';
import { Baseline, isIgnored, leakFinding, readGitleaksIgnore, registerSecrets } from './findings.js';
import { checkExtraArgs, runGitleaks, type GitleaksEngine, type GitleaksLeak } from './gitleaks.js';
import { gitLogOptions, materializeHistory, repairRemergePaths, type CommitSelection } from './history.js';
import { resolveGitleaks, type ResolvedGitleaks } from './install.js';
import { parseOptions, type AllowEntry, type SecretScanOptions } from './options.js';
import { prepareCommits, prepareFullHistory, resolveScanRange, type ScanTarget } from './scope.js';

export const secretScanGate: Gate = {
  name: 'secret-scan',
  async run(settings, context) {
    const startedAt = performance.now();
    const options = parseOptions(settings);
    checkExtraArgs(options.extraArgs);
    const configPath = gitleaksConfigPath(options, context.cwd);
    const baseline = options.baselinePath ? await Baseline.load(options.baselinePath, context.cwd) : undefined;
    const target = resolveScanRange(options.scope, options.since, options.scope === 'auto' ? readEventContext(context.env) : { eventName: '', payload: {} });
    if (target.kind !== 'worktree' && !(await isGitWorkTree(context.cwd))) {
      throw new ConfigurationError(`${context.cwd} is not a git work tree, so ${target.description} cannot be scanned; check out the repository (actions/checkout) or use scope: worktree`);
    }

    // The file policy needs no gitleaks; it runs while gitleaks scans.
    const [policy, scan, ignored] = await Promise.all([
      checkTrackedFiles(context.cwd, options.allowFiles),
      scanWithGitleaks(target, options, configPath, context),
      readGitleaksIgnore(context.cwd),
    ]);

    registerSecrets(scan.leaks, context.log);
    const kept = scan.leaks.filter((leak) => !isIgnored(leak, ignored) && !baseline?.has(leak));
    const exceptions = new ExceptionList<AllowEntry>(options.allow, describeAllowEntry);
    const findings: Finding[] = [];
    let allowed = 0;
    for (const finding of [...policy.findings, ...kept.map(leakFinding)]) {
      if (exceptions.match((entry) => allowMatches(entry, finding))) allowed += 1;
      else findings.push(finding);
    }
    findings.push(...exceptions.findings(context.configFile));
    if (scan.engine && options.gitleaksPath) findings.push(explicitEngineNotice(scan.engine));
    const metrics: Record<string, number> = {
      leaks: kept.length,
      'policy-violations': policy.findings.length,
      'files-checked': policy.filesChecked,
      allowed,
    };
    if (scan.commits !== undefined) metrics['commits-scanned'] = scan.commits;
    return createReport('secret-scan', findings, metrics, startedAt);
  },
};

function gitleaksConfigPath(options: SecretScanOptions, cwd: string): string | undefined {
  if (options.gitleaksConfig) {
    const file = path.resolve(cwd, options.gitleaksConfig);
    if (!existsSync(file)) throw new ConfigurationError(`gitleaks-config: ${options.gitleaksConfig} does not exist; point it at a gitleaks TOML config or remove the setting`);
    return file;
  }
  const rootConfig = path.join(cwd, '.gitleaks.toml');
  return existsSync(rootConfig) ? rootConfig : undefined;
}

function describeAllowEntry(entry: AllowEntry, index: number): string {
  const keys = (['fingerprint', 'rule', 'path'] as const).filter((key) => entry[key]).map((key) => `${key} ${entry[key]}`);
  return `secret-scan.allow[${index}] (${keys.join(', ')})`;
}

/**
 * Every key an entry gives must match; `path` is a glob. As in .gitleaksignore, a fingerprint
 * without a commit (`file:rule:line`) matches that place in every commit.
 */
function allowMatches(entry: AllowEntry, finding: Finding): boolean {
  if (entry.fingerprint !== undefined && entry.fingerprint !== finding.fingerprint && entry.fingerprint !== finding.fingerprint?.replace(/^[0-9a-f]{40,64}:/, '')) return false;
  if (entry.rule !== undefined && entry.rule !== finding.rule) return false;
  if (entry.path !== undefined && !(finding.file && picomatch.isMatch(finding.file, entry.path, { dot: true }))) return false;
  return true;
}

interface ScanResult {
  leaks: GitleaksLeak[];
  commits?: number;
  /** The gitleaks that ran (none when there was nothing to scan). */
  engine?: ResolvedGitleaks;
}

/** gitleaks-path bypasses the version check and the SHA-256 verification: the summary says which binary ran. */
function explicitEngineNotice(engine: ResolvedGitleaks): Finding {
  return {
    rule: 'gitleaks/explicit-path',
    level: 'notice',
    message: `Scanned with the gitleaks you chose in gitleaks-path: ${engine.origin}, reporting version ${engine.reportedVersion ? `"${engine.reportedVersion}"` : '(none)'}; readiness-gates did not verify it.`,
    help: 'Remove gitleaks-path to run the pinned gitleaks-version, verified by SHA-256.',
  };
}

async function scanWithGitleaks(target: ScanTarget, options: SecretScanOptions, configPath: string | undefined, context: GateContext): Promise<ScanResult> {
  if (target.kind === 'nothing') {
    context.log.info(`secret scan: ${target.description}`);
    return { leaks: [], commits: 0 };
  }
  let selection: CommitSelection | undefined;
  let commits: number | undefined;
  if (target.kind === 'commits') {
    commits = await prepareCommits(context.cwd, target, context.log);
    selection = { head: target.head, exclude: target.exclude };
  } else if (target.kind === 'history') {
    commits = await prepareFullHistory(context.cwd, context.log);
    selection = { all: true };
  }
  const engine = await resolveGitleaks({
    gitleaksPath: options.gitleaksPath,
    version: options.gitleaksVersion,
    releaseUrl: options.gitleaksReleaseUrl,
    cwd: context.cwd,
    env: context.env,
    log: context.log,
    allowWasmFallback: !context.inAction,
  });
  context.log.info(`scanning ${target.description}${commits === undefined ? '' : ` (${commits} commits)`} with gitleaks from ${engine.origin}`);
  const work = await mkdtemp(path.join(os.tmpdir(), 'rg-secret-scan-'));
  try {
    const common = { reportPath: path.join(work, 'report.json'), configPath, extraArgs: options.extraArgs };
    if (!selection) return { leaks: await runGitleaks(engine, { ...common, mode: 'dir', source: context.cwd }, context.env), commits, engine };
    if (engine.kind === 'native') {
      const leaks = await runGitleaks(engine, { ...common, mode: 'git', source: context.cwd, logOptions: gitLogOptions(selection) }, context.env);
      return { leaks: await repairRemergePaths(context.cwd, leaks), commits, engine };
    }
    return { leaks: await scanPatches(engine, selection, common, work, context), commits, engine };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** History without `gitleaks git`: scan the lines each commit added, then put commit and author back. */
async function scanPatches(
  engine: GitleaksEngine,
  selection: CommitSelection,
  common: { reportPath: string; configPath?: string; extraArgs: string[] },
  work: string,
  context: GateContext,
): Promise<GitleaksLeak[]> {
  const tree = path.join(work, 'patches');
  const history = await materializeHistory(context.cwd, selection, tree);
  if (history.files === 0) return [];
  const leaks = await runGitleaks(engine, { ...common, mode: 'dir', source: tree }, context.env);
  return leaks.map((leak) => {
    const file = leak.File.split(path.sep).join('/');
    const slash = file.indexOf('/');
    const commit = history.commits.get(file.slice(0, slash));
    return {
      ...leak,
      File: file.slice(slash + 1),
      Commit: commit?.sha ?? '',
      Author: commit?.author ?? '',
      Email: commit?.email ?? '',
      Date: commit?.date ?? '',
      Fingerprint: undefined,
    };
  });
}
