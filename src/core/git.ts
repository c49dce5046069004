import { EnvironmentError } from './errors.js';
import { execFile, type ExecResult } from './exec.js';

/** Runs git in `cwd`; a non-zero exit throws with git's own first line of stderr. */
export async function git(cwd: string, args: readonly string[]): Promise<string> {
  const result = await gitResult(cwd, args);
  if (result.exitCode !== 0) {
    const reason = result.stderr.trim().split('\n', 1)[0] || `exit code ${result.exitCode}`;
    throw new EnvironmentError(`git ${args[0] ?? ''} failed: ${reason}`);
  }
  return result.stdout;
}

/**
 * Why a git command failed, in one line: its first `fatal:` or `error:` line, not the advice after
 * it ("Please make sure you have the correct access rights / and the repository exists."). When
 * that line is only "Could not read from remote repository.", the line before it (ssh's own) says why.
 */
export function gitFailureReason(stderr: string, exitCode: number): string {
  const lines = stderr.split('\n').map((line) => line.trim()).filter(Boolean);
  const index = lines.findIndex((line) => /^(fatal|error):/.test(line));
  if (index === -1) return lines[0] ?? `exit code ${exitCode}`;
  return index > 0 && /could not read from remote repository/i.test(lines[index]!) ? lines[index - 1]! : lines[index]!;
}

/** Runs git without judging its exit code, for commands where non-zero is an answer. */
export function gitResult(cwd: string, args: readonly string[], options: { input?: string } = {}): Promise<ExecResult> {
  // A fixed locale keeps git's messages parseable; no pager or prompt can block a CI job.
  return execFile('git', args, {
    cwd,
    input: options.input,
    env: { ...process.env, LC_ALL: 'C', GIT_TERMINAL_PROMPT: '0', GIT_PAGER: 'cat' },
  });
}

export async function isGitWorkTree(cwd: string): Promise<boolean> {
  const result = await gitResult(cwd, ['rev-parse', '--is-inside-work-tree']);
  return result.exitCode === 0 && result.stdout.trim() === 'true';
}

/**
 * Files git tracks below `cwd`, relative to it, forward slashes. With `untracked`, also the files
 * git would offer to add: untracked ones that no .gitignore, info/exclude or core.excludesFile ignores.
 */
export async function listTrackedFiles(cwd: string, options: { untracked?: boolean } = {}): Promise<string[]> {
  const which = options.untracked ? ['--cached', '--others', '--exclude-standard'] : [];
  const [output, prefixLine] = await Promise.all([git(cwd, ['ls-files', '-z', '--full-name', ...which, '--', '.']), git(cwd, ['rev-parse', '--show-prefix'])]);
  const prefix = prefixLine.trim();
  // A file with merge conflicts is listed once per stage.
  const files = new Set(output.split('\0').filter(Boolean));
  return [...files].map((file) => (prefix && file.startsWith(prefix) ? file.slice(prefix.length) : file));
}

export async function isShallowRepository(cwd: string): Promise<boolean> {
  return (await git(cwd, ['rev-parse', '--is-shallow-repository'])).trim() === 'true';
}

/** The commit a ref names, or undefined when the repository does not have it. */
export async function resolveCommit(cwd: string, ref: string): Promise<string | undefined> {
  const result = await gitResult(cwd, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);
  return result.exitCode === 0 ? result.stdout.trim() : undefined;
}

/** The commit each ref names (undefined when the repository does not have it), asked of one git process. */
export async function resolveCommits(cwd: string, refs: readonly string[]): Promise<Map<string, string | undefined>> {
  const resolved = new Map<string, string | undefined>();
  if (!refs.length) return resolved;
  // Ref names cannot hold white space, so one per line is unambiguous.
  const result = await gitResult(cwd, ['cat-file', '--batch-check=%(objectname) %(objecttype)'], { input: `${refs.map((ref) => `${ref}^{commit}`).join('\n')}\n` });
  if (result.exitCode !== 0) throw new EnvironmentError(`git cat-file failed: ${gitFailureReason(result.stderr, result.exitCode)}`);
  const lines = result.stdout.split('\n');
  refs.forEach((ref, index) => {
    const match = /^([0-9a-f]{40,64}) commit$/.exec(lines[index] ?? '');
    resolved.set(ref, match?.[1]);
  });
  return resolved;
}

/** Commits reachable from `head` and not from any of `exclude`, newest first. */
export async function listCommits(cwd: string, head: string, exclude: readonly string[] = []): Promise<string[]> {
  const output = await git(cwd, ['rev-list', head, ...exclude.map((ref) => `^${ref}`), '--']);
  return output.split('\n').filter(Boolean);
}
