import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readBaseline } from '../../src/audit/baseline.js';
import { loadLockfile } from '../../src/audit/lockfile.js';
import { fixtureProject } from './helpers.js';

function gitInit(cwd: string): (...args: string[]) => string {
  const env = { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com' };
  const run = (...args: string[]) => execFileSync('git', args, { cwd, env, stdio: 'pipe' }).toString().trim();
  run('init', '-q');
  return run;
}

const pullRequest = (sha: string) => ({ eventName: 'pull_request', payload: { pull_request: { base: { sha } } } });

describe('readBaseline', () => {
  it("reads the base commit's lockfile; a lockfile the pull request adds makes everything new; other events judge all", async () => {
    const cwd = fixtureProject('pnpm-v9');
    const run = gitInit(cwd);
    writeFileSync(path.join(cwd, 'README.md'), 'base\n');
    run('add', 'README.md', 'package.json');
    run('commit', '-qm', 'base without a lockfile');
    const empty = run('rev-parse', 'HEAD');
    run('add', '-A');
    run('commit', '-qm', 'lockfile');
    const full = run('rev-parse', 'HEAD');
    const lock = loadLockfile(cwd, undefined);

    const withLockfile = await readBaseline(cwd, lock, pullRequest(full));
    expect([...withLockfile!.installed].sort()).toEqual(lock.packages.map((pkg) => `${pkg.name}@${pkg.version}`).sort());
    expect(withLockfile!.description).toBe(`the base commit ${full.slice(0, 7)}`);
    const added = await readBaseline(cwd, lock, pullRequest(empty));
    expect(added).toEqual({ installed: new Set(), description: `the base commit ${empty.slice(0, 7)} (which has no pnpm-lock.yaml)` });
    expect(await readBaseline(cwd, lock, { eventName: 'push', payload: {} })).toBeUndefined();
  });

  it('a base commit the clone lacks, or a payload without one, is an error with the fix', async () => {
    const cwd = fixtureProject('npm-v3');
    gitInit(cwd);
    const lock = loadLockfile(cwd, undefined);
    await expect(readBaseline(cwd, lock, pullRequest('a'.repeat(40)))).rejects.toThrow(
      'scope: changed compares with the base commit aaaaaaa, which this clone does not have; check out with fetch-depth: 0 (actions/checkout), or set scope: all',
    );
    await expect(readBaseline(cwd, lock, { eventName: 'pull_request', payload: {} })).rejects.toThrow('the pull_request event payload has no pull_request.base.sha');
  });
});
