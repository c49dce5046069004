import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { tempDir } from '../helpers/temp.js';
import { addRepository, classicGetShape, startFakeGitHub, type FakeGitHub } from './fake-github.js';

let fake: FakeGitHub;
beforeEach(async () => {
  fake = await startFakeGitHub();
});
afterEach(async () => {
  await fake.close();
});

const CONFIG = 'branch-protection:\n  branches:\n    - name: main\n      required-checks: [lint]\n      required-reviews: 1\n';

async function cli(argv: string[], env: NodeJS.ProcessEnv, cwd = tempDir({ '.github/readiness-gates.yml': CONFIG })) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), env: { GITHUB_API_URL: fake.url, RUNNER_TEMP: tempDir(), ...env }, cwd });
  return { code, stdout, stderr };
}

describe('readiness-gates branch-protection', () => {
  it('fails with exit 1 and one JSON report when the branch drifted, and passes once it matches', async () => {
    const repository = addRepository(fake, 'o/r');
    const drifted = await cli(['branch-protection', '--repo', 'o/r', '--mode', 'check', '--format', 'json'], { GITHUB_TOKEN: 'ghp_cli_secret_value' });
    expect(drifted.code).toBe(1);
    const report = JSON.parse(drifted.stdout);
    expect(report).toMatchObject({ gate: 'branch-protection', status: 'fail', metrics: { repositories: 1, drifted: 1, failed: 0 } });
    expect(report.findings.map((finding: { rule: string }) => finding.rule).sort()).toEqual(['drift/required-checks', 'drift/required-reviews']);
    expect(drifted.stdout + drifted.stderr).not.toContain('ghp_cli_secret_value');

    repository.protection.set('main', classicGetShape('o/r', 'main', { required_status_checks: { strict: false, checks: [{ context: 'lint', app_id: 15368 }] }, required_pull_request_reviews: { required_approving_review_count: 1 }, enforce_admins: false, restrictions: null }));
    const clean = await cli(['branch-protection', '--repo', 'o/r', '--mode', 'check', '--format', 'json'], { GITHUB_TOKEN: 'ghp_cli_secret_value' });
    expect(clean.code).toBe(0);
    expect(JSON.parse(clean.stdout)).toMatchObject({ status: 'pass', findings: [], metrics: { requests: 1 } });
  });

  it('refuses a lock-out with exit 1, writes it with --accept-lockout, and --mode restore undoes it', async () => {
    const repository = addRepository(fake, 'o/r');
    const config = 'branch-protection:\n  branches:\n    - name: main\n      required-checks: [nowhere]\n      enforce-admins: true\n';
    const cwd = tempDir({ '.github/readiness-gates.yml': config });
    const backup = `${tempDir()}/backup.jsonl`;
    const refused = await cli(['branch-protection', '--repo', 'o/r', '--mode', 'apply', '--backup-path', backup, '--format', 'json'], { GITHUB_TOKEN: 't' }, cwd);
    expect(refused.code).toBe(1);
    expect(JSON.parse(refused.stdout).findings.map((finding: { rule: string }) => finding.rule)).toContain('safety/lockout');
    expect(repository.protection.has('main')).toBe(false);
    const accepted = await cli(['branch-protection', '--repo', 'o/r', '--mode', 'apply', '--accept-lockout', '--backup-path', backup, '--format', 'json'], { GITHUB_TOKEN: 't' }, cwd);
    expect(accepted.code).toBe(0);
    expect(repository.protection.has('main')).toBe(true);
    const restored = await cli(['branch-protection', '--mode', 'restore', '--backup-path', backup, '--format', 'json'], { GITHUB_TOKEN: 't' }, cwd);
    expect(restored.code).toBe(0);
    expect(repository.protection.has('main')).toBe(false);
  });

  it('exits 2 naming the token input when there is no token', async () => {
    const result = await cli(['branch-protection', '--repo', 'o/r', '--format', 'json'], {});
    expect(result.code).toBe(2);
    expect(JSON.parse(result.stdout).findings[0].message).toBe('no GitHub token for branch protection; set the `token` input (or GITHUB_TOKEN / GH_TOKEN for the CLI)');
  });

  it('exits 2 on a bad --repo or --shard value', async () => {
    const repo = await cli(['branch-protection', '--repo', 'not-a-repo'], { GITHUB_TOKEN: 't' });
    expect(repo.code).toBe(2);
    expect(repo.stderr).toContain('--repo: a 10-character string is not valid (owner/name of the repository');
    const shard = await cli(['branch-protection', '--repo', 'o/r', '--shard', '3/2'], { GITHUB_TOKEN: 't' });
    expect(shard.code).toBe(2);
    expect(shard.stderr).toContain('shard: "3/2" is not a slice; use i/n with 1 ≤ i ≤ n');
  });

  it('exits 2 when a repository cannot be read, even though others were checked', async () => {
    addRepository(fake, 'o/a');
    const result = await cli(['branch-protection', '--repositories', 'o/a,o/gone', '--format', 'json'], { GITHUB_TOKEN: 't' });
    expect(result.code).toBe(2);
    const report = JSON.parse(result.stdout);
    expect(report).toMatchObject({ status: 'error', metrics: { repositories: 2, drifted: 1, failed: 1 } });
    expect(report.findings.find((finding: { rule: string }) => finding.rule === 'access/not-found').message).toMatch(/^o\/gone: /);
  });
});
