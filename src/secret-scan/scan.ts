import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { GateContext } from '../core/gate.js';
import { git } from '../core/git.js';
import { runGitleaks, type GitleaksEngine, type GitleaksLeak } from './gitleaks.js';
import { gitLogOptions, materializeHistory, materializeStaged, repairRemergePaths, STAGED_FOLDER, type CommitSelection, type MaterializedHistory } from './history.js';
import { placeFiles } from './worktree.js';

/** What gitleaks reads: the commits of a selection, the given files of the work tree, or a whole directory. */
export type ScanSource = { kind: 'commits'; selection: CommitSelection } | { kind: 'staged' } | { kind: 'files'; files: readonly string[] } | { kind: 'directory' };

export interface GitleaksRun {
  engine: GitleaksEngine;
  configPath?: string;
  extraArgs: string[];
}

/** Runs gitleaks over `source` below `context.cwd` and returns its leaks, paths relative to `context.cwd`. */
export async function scanSource(source: ScanSource, run: GitleaksRun, context: GateContext): Promise<GitleaksLeak[]> {
  // Files to scan go inside the git directory: the same file system as the work tree, so they can be hard-linked.
  const parent = source.kind === 'files' ? (await git(context.cwd, ['rev-parse', '--absolute-git-dir'])).trim() : os.tmpdir();
  const work = await mkdtemp(path.join(parent, 'rg-secret-scan-'));
  try {
    const common = { reportPath: path.join(work, 'report.json'), configPath: run.configPath, extraArgs: run.extraArgs };
    if (source.kind === 'directory') return await runGitleaks(run.engine, { ...common, mode: 'dir', source: context.cwd }, context.env);
    if (source.kind === 'files') {
      const tree = path.join(work, 'files');
      if ((await placeFiles(context.cwd, source.files, tree)) === 0) return [];
      return await runGitleaks(run.engine, { ...common, mode: 'dir', source: tree }, context.env);
    }
    // Staged lines have no commit yet; both engines read them from our patch reader.
    if (source.kind === 'staged') return await scanAddedLines(run.engine, (tree) => materializeStaged(context.cwd, tree), common, work, context);
    if (run.engine.kind === 'native') {
      // Run from the git directory, where gitleaks finds no .gitleaksignore to apply on its own: the
      // gate applies it, for both engines alike, and so knows which lines still match.
      const gitDir = (await git(context.cwd, ['rev-parse', '--absolute-git-dir'])).trim();
      const leaks = await runGitleaks(run.engine, { ...common, mode: 'git', source: gitDir, logOptions: gitLogOptions(source.selection) }, context.env);
      return await repairRemergePaths(context.cwd, leaks);
    }
    return await scanAddedLines(run.engine, (tree) => materializeHistory(context.cwd, source.selection, tree), common, work, context);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/**
 * History without `gitleaks git`, and staged changes: scan the lines each commit (or the index)
 * added, then put commit and author back.
 */
async function scanAddedLines(
  engine: GitleaksEngine,
  materialize: (tree: string) => Promise<MaterializedHistory>,
  common: { reportPath: string; configPath?: string; extraArgs: string[] },
  work: string,
  context: GateContext,
): Promise<GitleaksLeak[]> {
  const tree = path.join(work, 'patches');
  const history = await materialize(tree);
  if (history.files === 0) return [];
  const leaks = await runGitleaks(engine, { ...common, mode: 'dir', source: tree }, context.env);
  return leaks.map((leak) => {
    const file = leak.File.split(path.sep).join('/');
    const slash = file.indexOf('/');
    const folder = file.slice(0, slash);
    const commit = folder === STAGED_FOLDER ? undefined : history.commits.get(folder);
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
