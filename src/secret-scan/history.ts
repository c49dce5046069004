import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { EnvironmentError } from '../core/errors.js';
import { git, gitResult } from '../core/git.js';
import type { GitleaksLeak } from './gitleaks.js';

/** The commits a history scan covers: everything, or what `head` has and `exclude` does not. */
export type CommitSelection = { all: true } | { all?: false; head: string; exclude: readonly string[] };

/**
 * Options for `git log -p -U0`, shared by `gitleaks git --log-opts` and our own patch reader.
 * Merges are included with `--diff-merges=remerge`: a merge shows only what differs from the
 * automatic merge (conflict resolutions, evil merges), so a merged branch is not reported twice.
 * `--relative` keeps paths relative to the scanned directory. The prefixes, `--no-textconv` and
 * `--no-renames` are pinned against user config, so every reader sees the same patch: diff.noprefix /
 * mnemonicPrefix would change the `a/` `b/` headers both parsers read, a textconv driver would hand
 * them converted text instead of what was committed, and diff.renames decides whether a renamed file
 * is read again. Without renames a moved file counts as added in full (it never hides a line), and
 * git cannot warn that rename detection was skipped, a warning that fails `gitleaks git`.
 */
export function gitLogOptions(selection: CommitSelection): string[] {
  const common = ['--full-history', '--diff-merges=remerge', '--relative', '--no-textconv', '--no-renames', '--src-prefix=a/', '--dst-prefix=b/'];
  if (selection.all) return [...common, '--all'];
  return [...common, selection.head, ...selection.exclude.map((ref) => `^${ref}`)];
}

/**
 * Paths (relative to `cwd`) that the selected commits add or change, merges' conflict resolutions
 * included: what the change brings, also when a later commit of it deletes the file again.
 */
export async function listChangedFiles(cwd: string, selection: CommitSelection): Promise<string[]> {
  const output = await git(cwd, ['log', '--format=', '--name-only', '-z', '--diff-filter=d', ...gitLogOptions(selection), '--']);
  return [...new Set(output.split('\0').map((file) => file.replace(/^\n+/, '')).filter(Boolean))];
}

/** The newest of the selected commits that adds or changes `file`: one whose tree holds it. */
export async function lastCommitWith(cwd: string, selection: CommitSelection, file: string): Promise<string | undefined> {
  // --diff-filter drops commits only with a diff asked for (--name-only), and only after -1 would count them.
  const output = await git(cwd, ['log', '--format=%H', '--name-only', '--diff-filter=d', ...gitLogOptions(selection), '--', file]);
  return output.split('\n').find((line) => /^[0-9a-f]{40,64}$/.test(line));
}

/** Paths (relative to `cwd`) of the files in a commit's tree. */
export async function listTreeFiles(cwd: string, commit: string): Promise<string[]> {
  const output = await git(cwd, ['ls-tree', '-r', '-z', '--name-only', commit, '--', '.']);
  return output.split('\0').filter(Boolean);
}

export interface CommitInfo {
  sha: string;
  author: string;
  email: string;
  date: string;
}

export interface MaterializedHistory {
  commits: Map<string, CommitInfo>;
  files: number;
}

const COMMIT_MARKER = '\u0001commit ';

/**
 * For engines without `git` mode (the WebAssembly build): writes the lines each commit added to
 * `<target>/<sha>/<path>`, at their line numbers in the commit, so `gitleaks dir` over `target`
 * reports the commit, the path and the line that `gitleaks git` would.
 */
export async function materializeHistory(cwd: string, selection: CommitSelection, target: string): Promise<MaterializedHistory> {
  const output = await git(cwd, [
    '-c', 'core.quotePath=false',
    'log', '-p', '-U0', '--no-color', '--no-ext-diff',
    `--format=${COMMIT_MARKER}%H%x00%an%x00%ae%x00%aI`,
    ...gitLogOptions(selection),
    '--',
  ]);
  return writeAddedLines(output, target);
}

/** The folder under the target that holds the staged lines (no commit has them yet). */
export const STAGED_FOLDER = 'staged';

/** Options of `git diff --cached` read like the history's patches: pinned against user config. */
const STAGED_DIFF = ['diff', '--cached', '--relative', '--no-textconv', '--no-renames', '--src-prefix=a/', '--dst-prefix=b/'];

/** The lines `git diff --cached` adds, at their line numbers in the staged file, under `<target>/staged/<path>`. */
export async function materializeStaged(cwd: string, target: string): Promise<MaterializedHistory> {
  const output = await git(cwd, ['-c', 'core.quotePath=false', ...STAGED_DIFF, '-p', '-U0', '--no-color', '--no-ext-diff', '--']);
  return writeAddedLines(output, target, { sha: STAGED_FOLDER, author: '', email: '', date: '' });
}

/** Paths (relative to `cwd`) that the staged changes add or modify. */
export async function listStagedFiles(cwd: string): Promise<string[]> {
  const output = await git(cwd, [...STAGED_DIFF, '--name-only', '-z', '--diff-filter=d', '--']);
  return output.split('\0').filter(Boolean);
}

/** Reads `git log -p -U0` / `git diff -p -U0` output and writes each file's added lines under `target`. */
async function writeAddedLines(output: string, target: string, initial?: CommitInfo): Promise<MaterializedHistory> {
  const commits = new Map<string, CommitInfo>(initial ? [[initial.sha, initial]] : []);
  const files = new Map<string, string[]>();
  let commit: CommitInfo | undefined = initial;
  let lines: string[] | undefined;
  let nextLine = 0;
  let addedLeft = 0;
  for (const line of output.split('\n')) {
    // Inside a hunk, a '+' line is content even when it looks like a header (`+++ x`).
    if (addedLeft > 0 && line.startsWith('+') && lines) {
      lines[nextLine - 1] = line.slice(1);
      nextLine += 1;
      addedLeft -= 1;
    } else if (line.startsWith(COMMIT_MARKER)) {
      const [sha = '', author = '', email = '', date = ''] = line.slice(COMMIT_MARKER.length).split('\0');
      commit = { sha, author, email, date };
      commits.set(sha, commit);
      lines = undefined;
    } else if (line.startsWith('diff --git ')) {
      lines = undefined;
      addedLeft = 0;
    } else if (line.startsWith('+++ ') && commit) {
      const file = patchPath(line.slice(4));
      lines = file === undefined ? undefined : (files.get(`${commit.sha}/${file}`) ?? []);
      if (file !== undefined) files.set(`${commit.sha}/${file}`, lines!);
    } else if (line.startsWith('@@') && lines) {
      const match = /^@@+ (?:-\S+ )+\+(\d+)(?:,(\d+))?/.exec(line);
      nextLine = match ? Number(match[1]) : 0;
      addedLeft = match ? Number(match[2] ?? 1) : 0;
    }
  }
  for (const [key, content] of files) {
    const file = path.join(target, ...key.split('/'));
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, Array.from(content, (text) => text ?? '').join('\n'));
  }
  return { commits, files: files.size };
}

/** The path after `+++ `: `b/<path>`, a C-quoted `"b/…"`, or /dev/null for a deletion (undefined). */
function patchPath(header: string): string | undefined {
  // git ends the name with a tab when it contains a space, so the name's end is unambiguous.
  const raw = header.endsWith('\t') ? header.slice(0, -1) : header;
  if (raw === '/dev/null') return undefined;
  const unquoted = raw.startsWith('"') ? unquoteC(raw.slice(1, -1)) : raw;
  // Skipping a file we cannot name would drop its lines from the scan: fail instead.
  if (!unquoted.startsWith('b/')) throw new EnvironmentError(`git log printed a patch header the scan cannot read (+++ ${header}); the history cannot be scanned`);
  return unquoted.slice(2);
}

function unquoteC(text: string): string {
  const bytes: number[] = [];
  const escapes: Record<string, number> = { n: 10, t: 9, '"': 34, '\\': 92, a: 7, b: 8, f: 12, r: 13, v: 11 };
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index]!;
    if (char !== '\\') {
      bytes.push(...Buffer.from(char, 'utf8'));
      continue;
    }
    const next = text[index + 1] ?? '';
    if (/[0-7]/.test(next)) {
      bytes.push(Number.parseInt(text.slice(index + 1, index + 4), 8));
      index += 3;
    } else {
      bytes.push(escapes[next] ?? next.charCodeAt(0));
      index += 1;
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

/**
 * `gitleaks git` misreads the patch of a merge whose automatic merge had a conflict: git puts a
 * `remerge CONFLICT` line in the diff header, and gitleaks then keeps the `b/` of `b/<path>`. Each
 * leak whose path starts with `b/` is checked against its commit's tree: when `b/<path>` is not in
 * it and `<path>` is, the path is `<path>`, as our own patch reader (and git) names it.
 */
export async function repairRemergePaths(cwd: string, leaks: readonly GitleaksLeak[]): Promise<GitleaksLeak[]> {
  const suspects = leaks.filter((leak) => leak.Commit && leak.File.startsWith('b/'));
  if (!suspects.length) return [...leaks];
  // One cat-file for every path asked; `./` keeps the paths relative to cwd, as --relative made them.
  const queries = suspects.flatMap((leak) => [`${leak.Commit}:./${leak.File}`, `${leak.Commit}:./${leak.File.slice(2)}`]);
  const result = await gitResult(cwd, ['cat-file', '--batch-check=%(objecttype)'], { input: `${queries.join('\n')}\n` });
  if (result.exitCode !== 0) throw new EnvironmentError(`git cat-file failed while checking the paths gitleaks reported: ${result.stderr.trim().split('\n', 1)[0]}`);
  const found = result.stdout.split('\n').map((line) => line.trim() === 'blob');
  const repaired = new Map<GitleaksLeak, string>();
  suspects.forEach((leak, index) => {
    if (!found[2 * index] && found[2 * index + 1]) repaired.set(leak, leak.File.slice(2));
  });
  return leaks.map((leak) => (repaired.has(leak) ? { ...leak, File: repaired.get(leak)!, Fingerprint: undefined } : leak));
}
