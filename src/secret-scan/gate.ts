import { existsSync } from 'node:fs';
import path from 'node:path';
import picomatch from 'picomatch';
import { ConfigurationError } from '../core/errors.js';
import { ExceptionList } from '../core/exceptions.js';
import type { Gate, GateContext } from '../core/gate.js';
import { isGitWorkTree, listTrackedFiles } from '../core/git.js';
import { readEventContext } from '../core/github-context.js';
import { createReport, type Finding } from '../core/report.js';
import { checkFiles, worktreeFiles, type FilePolicyResult, type PolicySubjects } from './file-policy.js';
import { leakFinding, registerSecrets } from './findings.js';
import { checkExtraArgs } from './gitleaks.js';
import { lastCommitWith, listChangedFiles, listStagedFiles, listTreeFiles } from './history.js';
import { resolveGitleaks, type ResolvedGitleaks } from './install.js';
import { parseOptions, type AllowEntry, type SecretScanOptions } from './options.js';
import { scanSource, type ScanSource } from './scan.js';
import { hashLeaks, type LeakTextSource } from './secret-hash.js';
import { Suppressions } from './suppressions.js';
import { prepareCommits, prepareFullHistory, resolveScanRange, scanCategory, type ScanTarget } from './scope.js';

export const secretScanGate: Gate = {
  name: 'secret-scan',
  async run(settings, context) {
    const startedAt = performance.now();
    const options = parseOptions(settings);
    checkExtraArgs(options.extraArgs);
    const configPath = gitleaksConfigPath(options, context.cwd);
    const suppressions = await Suppressions.load(context.cwd, options.baselinePath);
    const event = options.scope === 'auto' && !options.staged ? readEventContext(context.env) : { eventName: '', payload: {} };
    const target = resolveScanRange(options.scope, options.since, event, options.staged);
    const inGit = await isGitWorkTree(context.cwd);
    if (target.kind !== 'worktree' && !inGit) {
      throw new ConfigurationError(`${context.cwd} is not a git work tree, so ${target.description} cannot be scanned; check out the repository (actions/checkout) or use scope: worktree`);
    }

    // Finding gitleaks (maybe a download) and completing the commits (maybe a fetch) are independent.
    const [engine, prepared] = await Promise.all([
      target.kind === 'nothing' ? undefined : resolveGitleaks({
        gitleaksPath: options.gitleaksPath,
        version: options.gitleaksVersion,
        releaseUrl: options.gitleaksReleaseUrl,
        cwd: context.cwd,
        env: context.env,
        log: context.log,
        allowWasmFallback: !context.inAction,
      }),
      prepareTarget(target, inGit, context),
    ]);
    context.log.info(`scanning ${target.description}${prepared.commits === undefined ? '' : ` (${prepared.commits} commits)`}${engine ? ` with gitleaks from ${engine.origin}` : ''}`);
    // The file policy needs no gitleaks; it runs while gitleaks scans.
    const [policy, leaks] = await Promise.all([
      policySubjects(target, prepared, context.cwd).then((subjects) => checkPolicy(context.cwd, subjects, prepared.source, options.allowFiles)),
      engine ? scanSource(prepared.source, { engine, configPath, extraArgs: options.extraArgs }, context) : [],
    ]);

    registerSecrets(leaks, context.log);
    const unlisted = suppressions.filterDirect(leaks);
    const hashes = await hashLeaks(context.cwd, unlisted, leakTextSource(prepared.source));
    const kept = await suppressions.filterMoved(context.cwd, unlisted, hashes, context.log);
    const exceptions = new ExceptionList<AllowEntry>(options.allow, describeAllowEntry);
    const findings: Finding[] = [];
    let allowed = 0;
    const candidates: { finding: Finding; hash?: string }[] = [...policy.findings.map((finding) => ({ finding })), ...kept.map((leak) => ({ finding: leakFinding(leak, hashes.get(leak)), hash: hashes.get(leak) }))];
    for (const { finding, hash } of candidates) {
      if (exceptions.match((entry) => allowMatches(entry, finding, hash))) allowed += 1;
      else findings.push(finding);
    }
    findings.push(...exceptions.findings(context.configFile).filter((finding) => finding.rule !== UNUSED_EXCEPTION_RULE || judgesEveryEntry(target)));
    if (target.kind === 'history') findings.push(...(await suppressions.unusedFindings(context.cwd)));
    if (engine && options.gitleaksPath) findings.push(explicitEngineNotice(engine));
    const metrics: Record<string, number> = {
      leaks: kept.length,
      'policy-violations': policy.findings.length,
      'files-checked': policy.filesChecked,
      allowed,
    };
    if (prepared.commits !== undefined) metrics['commits-scanned'] = prepared.commits;
    return { ...createReport('secret-scan', findings, metrics, startedAt), category: scanCategory(target, event.eventName) };
  },
};

const UNUSED_EXCEPTION_RULE = 'policy/unused-exception';

/**
 * Whether an entry matching nothing in this scan is stale: a scan of some commits (a pull request,
 * a push, the staged changes) says nothing of the leaks in the rest of the history that the entry
 * may be there for. The full history and the work tree as a whole are judged.
 */
function judgesEveryEntry(target: ScanTarget): boolean {
  return target.kind === 'history' || target.kind === 'worktree';
}

interface PreparedTarget {
  source: ScanSource;
  commits?: number;
  /** The work-tree files git tracks or would add, for a work-tree scan of a git repository. */
  files?: string[];
}

/** Makes the target's commits present (fetching, deepening) or lists the work tree's files. */
async function prepareTarget(target: ScanTarget, inGit: boolean, context: GateContext): Promise<PreparedTarget> {
  switch (target.kind) {
    case 'nothing':
      return { source: { kind: 'directory' }, commits: 0 };
    case 'worktree': {
      if (!inGit) return { source: { kind: 'directory' } };
      const files = await listTrackedFiles(context.cwd, { untracked: true });
      return { source: { kind: 'files', files }, files };
    }
    case 'staged':
      return { source: { kind: 'staged' } };
    case 'history':
      return { source: { kind: 'commits', selection: { all: true } }, commits: await prepareFullHistory(context.cwd, context.log) };
    case 'commits':
      return { source: { kind: 'commits', selection: { head: target.head, exclude: target.exclude } }, commits: await prepareCommits(context.cwd, target, context.log) };
  }
}

/**
 * The file policy's findings; one on a file the commits removed again names the commit that
 * still holds it, so its link does not point at a head commit without the file.
 */
async function checkPolicy(cwd: string, subjects: PolicySubjects, source: ScanSource, allowFiles: readonly string[]): Promise<FilePolicyResult> {
  const checked = await checkFiles(cwd, subjects, allowFiles);
  if (!subjects.removedAgain?.size || source.kind !== 'commits') return checked;
  const findings = await Promise.all(
    checked.findings.map(async (finding) => {
      if (!finding.file || !subjects.removedAgain?.has(finding.file)) return finding;
      const commit = await lastCommitWith(cwd, source.selection, finding.file);
      return commit ? { ...finding, commit } : finding;
    }),
  );
  return { ...checked, findings };
}

/**
 * What the file policy judges. A commit range is blamed for the files its commits add or change
 * (also one it removes again); the rest of its head tree was there before and is judged as
 * `preExistingLevel`. Other scopes judge the files as they are.
 */
async function policySubjects(target: ScanTarget, prepared: PreparedTarget, cwd: string): Promise<PolicySubjects> {
  if (prepared.files) return { brought: prepared.files };
  if (target.kind === 'staged') return { brought: await listStagedFiles(cwd) };
  if (target.kind === 'worktree') return { brought: await worktreeFiles(cwd) };
  if (target.kind !== 'commits' || prepared.source.kind !== 'commits') return { brought: await listTrackedFiles(cwd) };
  const [brought, tree] = await Promise.all([listChangedFiles(cwd, prepared.source.selection), listTreeFiles(cwd, target.head)]);
  const broughtSet = new Set(brought);
  const treeSet = new Set(tree);
  return {
    brought,
    preExisting: tree.filter((file) => !broughtSet.has(file)),
    preExistingLevel: target.preExistingLevel,
    removedAgain: new Set(brought.filter((file) => !treeSet.has(file))),
  };
}

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
  const keys = (['fingerprint', 'secret-hash', 'rule', 'path'] as const).filter((key) => entry[key]).map((key) => `${key} ${entry[key]}`);
  return `secret-scan.allow[${index}] (${keys.join(', ')})`;
}

/**
 * Every key an entry gives must match; `path` is a glob. As in .gitleaksignore, a fingerprint
 * without a commit (`file:rule:line`) matches that place in every commit; a `secret-hash` matches
 * the same secret line in the same file wherever history puts it.
 */
function allowMatches(entry: AllowEntry, finding: Finding, secretHash: string | undefined): boolean {
  if (entry['secret-hash'] !== undefined && entry['secret-hash'] !== secretHash) return false;
  if (entry.fingerprint !== undefined && entry.fingerprint !== finding.fingerprint && entry.fingerprint !== finding.fingerprint?.replace(/^[0-9a-f]{40,64}:/, '')) return false;
  if (entry.rule !== undefined && entry.rule !== finding.rule) return false;
  if (entry.path !== undefined && !(finding.file && picomatch.isMatch(finding.file, entry.path, { dot: true }))) return false;
  return true;
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

/** Where gitleaks read what it reports, so a leak's lines can be read again for its secret hash. */
function leakTextSource(source: ScanSource): LeakTextSource {
  if (source.kind === 'commits') return 'commits';
  return source.kind === 'staged' ? 'staged' : 'worktree';
}
