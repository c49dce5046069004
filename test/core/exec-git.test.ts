import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EnvironmentError } from '../../src/core/errors.js';
import { execFile } from '../../src/core/exec.js';
import { git, gitFailureReason, gitResult, isGitWorkTree, isShallowRepository, listCommits, listTrackedFiles, resolveCommit, resolveCommits } from '../../src/core/git.js';
import { tempDir } from '../helpers/temp.js';

describe('execFile', () => {
  it('returns exit code and output without judging them', async () => {
    const result = await execFile(process.execPath, ['-e', 'process.stdout.write("out"); process.stderr.write("err"); process.exit(3)']);
    expect(result).toEqual({ exitCode: 3, stdout: 'out', stderr: 'err' });
  });

  it('feeds stdin', async () => {
    const result = await execFile(process.execPath, ['-e', 'process.stdin.pipe(process.stdout)'], { input: 'hello' });
    expect(result.stdout).toBe('hello');
  });

  it('names a program that does not exist', async () => {
    await expect(execFile('no-such-program-rg', [])).rejects.toThrow(new EnvironmentError('no-such-program-rg was not found; install it or put it on PATH'));
  });

  it('kills a program that runs too long', async () => {
    await expect(execFile(process.execPath, ['-e', 'setTimeout(() => {}, 10000)'], { timeoutMs: 200 })).rejects.toThrow(/did not finish within 200 ms/);
  });
});

async function makeRepo(): Promise<string> {
  const dir = tempDir({ 'a.txt': 'a\n', 'sub/b.txt': 'b\n', 'ignored.log': 'x\n', '.gitignore': '*.log\n' });
  await git(dir, ['init', '-q', '-b', 'main']);
  await git(dir, ['-c', 'user.email=t@example.test', '-c', 'user.name=t', 'add', '.']);
  await git(dir, ['-c', 'user.email=t@example.test', '-c', 'user.name=t', 'commit', '-q', '-m', 'one']);
  writeFileSync(path.join(dir, 'a.txt'), 'a2\n');
  await git(dir, ['-c', 'user.email=t@example.test', '-c', 'user.name=t', 'commit', '-q', '-am', 'two']);
  return dir;
}

describe('git helpers', () => {
  it('lists tracked files relative to a subdirectory', async () => {
    const dir = await makeRepo();
    expect((await listTrackedFiles(dir)).sort()).toEqual(['.gitignore', 'a.txt', 'sub/b.txt']);
    expect(await listTrackedFiles(path.join(dir, 'sub'))).toEqual(['b.txt']);
  });

  it('adds the untracked files git does not ignore when asked', async () => {
    const dir = await makeRepo();
    writeFileSync(path.join(dir, 'sub/new.txt'), 'n\n');
    writeFileSync(path.join(dir, 'more.log'), 'ignored\n');
    expect((await listTrackedFiles(dir, { untracked: true })).sort()).toEqual(['.gitignore', 'a.txt', 'sub/b.txt', 'sub/new.txt']);
  });

  it('resolves several refs with one git process; a missing ref or a blob is undefined', async () => {
    const dir = await makeRepo();
    const head = await resolveCommit(dir, 'HEAD');
    const resolved = await resolveCommits(dir, ['HEAD', 'HEAD~1', 'no-such-ref', 'HEAD:a.txt']);
    expect([...resolved]).toEqual([['HEAD', head], ['HEAD~1', await resolveCommit(dir, 'HEAD~1')], ['no-such-ref', undefined], ['HEAD:a.txt', undefined]]);
  });

  it('names why git failed by its fatal line, not the advice after it', async () => {
    const dir = await makeRepo();
    const result = await gitResult(dir, ['fetch', 'origin']);
    expect(gitFailureReason(result.stderr, result.exitCode)).toBe("fatal: 'origin' does not appear to be a git repository");
  });

  it('resolves commits and lists a range', async () => {
    const dir = await makeRepo();
    const head = await resolveCommit(dir, 'HEAD');
    const parent = await resolveCommit(dir, 'HEAD~1');
    expect(head).toMatch(/^[0-9a-f]{40}$/);
    expect(await resolveCommit(dir, 'no-such-ref')).toBeUndefined();
    expect(await listCommits(dir, head!, [parent!])).toEqual([head]);
    expect(await listCommits(dir, head!)).toEqual([head, parent]);
    expect(await isShallowRepository(dir)).toBe(false);
  });

  it('tells a work tree from a plain directory', async () => {
    const plain = tempDir();
    expect(await isGitWorkTree(plain)).toBe(false);
    expect(await isGitWorkTree(await makeRepo())).toBe(true);
  });

  it("reports git's own reason when a command fails", async () => {
    const dir = await makeRepo();
    await expect(git(dir, ['rev-list', 'nope'])).rejects.toThrow(/^git rev-list failed: fatal: /);
  });
});
