import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { GateContext } from '../core/gate.js';
import { git } from '../core/git.js';
import { runGitleaks, type GitleaksEngine, type GitleaksLeak } from './gitleaks.js';
import { gitLogOptions, materializeHistory, repairRemergePaths, type CommitSelection } from './history.js';
import { placeFiles } from './worktree.js';

/** What gitleaks reads: the commits of a selection, the given files of the work tree, or a whole directory. */
export type ScanSource = { kind: 'commits'; selection: CommitSelection } | { kind: 'files'; files: readonly string[] } | { kind: 'directory' };

export interface GitleaksRun {
  engine: GitleaksEngine;
  configPath?: string;
  extraArgs: string[];
}

/** Runs gitleaks over `source` below `context.cwd` and returns its leaks, paths relative to `context.cwd`. */
export async function scanSource(source: ScanSource, run: GitleaksRun, context: GateContext): Promise<GitleaksLeak[]> {
  // Inside the git directory when there is one: the same file system as the work tree, so files can be hard-linked.
  const parent = source.kind === 'directory' ? os.tmpdir() : (await git(context.cwd, ['rev-parse', '--absolute-git-dir'])).trim();
  const work = await mkdtemp(path.join(parent, 'rg-secret-scan-'));
  try {
    const common = { reportPath: path.join(work, 'report.json'), configPath: run.configPath, extraArgs: run.extraArgs };
    if (source.kind === 'directory') return await runGitleaks(run.engine, { ...common, mode: 'dir', source: context.cwd }, context.env);
    if (source.kind === 'files') {
      const tree = path.join(work, 'files');
      if ((await placeFiles(context.cwd, source.files, tree)) === 0) return [];
      return await runGitleaks(run.engine, { ...common, mode: 'dir', source: tree }, context.env);
    }
    if (run.engine.kind === 'native') {
      const leaks = await runGitleaks(run.engine, { ...common, mode: 'git', source: context.cwd, logOptions: gitLogOptions(source.selection) }, context.env);
      return await repairRemergePaths(context.cwd, leaks);
    }
    return await scanPatches(run.engine, source.selection, common, work, context);
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
