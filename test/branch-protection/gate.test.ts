import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { branchProtectionGate } from '../../src/branch-protection/gate.js';
import { resolveSettings } from '../../src/core/config.js';
import type { GateContext } from '../../src/core/gate.js';
import { silentLogger } from '../../src/core/logger.js';
import type { GateReport } from '../../src/core/report.js';
import { executeGate } from '../../src/core/gate.js';
import { tempDir } from '../helpers/temp.js';
import { addRepository, classicGetShape, startFakeGitHub, type FakeGitHub, type FakeRepository } from './fake-github.js';

let fake: FakeGitHub;
beforeEach(async () => {
  fake = await startFakeGitHub();
});
afterEach(async () => {
  await fake.close();
});

/** A repository where lint and test run on main and three people can approve: MAIN_POLICY locks nothing there. */
function ci(): Partial<FakeRepository> {
  return {
    collaborators: [{ login: 'ada', role: 'admin' }, { login: 'bo', role: 'maintain' }, { login: 'cy', role: 'push' }],
    pulls: [{ base: 'main', sha: 'c0ffee' }],
    reported: new Map([['c0ffee', { checkRuns: [{ name: 'lint', appId: 15368 }, { name: 'test', appId: 15368 }] }]]),
  };
}

const MAIN_POLICY = { name: 'main', 'required-checks': ['lint', 'test'], 'required-reviews': 1, 'dismiss-stale-reviews': true, 'enforce-admins': true, 'linear-history': true };

async function run(section: Record<string, unknown>, options: { token?: string; cwd?: string; env?: NodeJS.ProcessEnv; logs?: string[] } = {}): Promise<GateReport> {
  const settings = resolveSettings('branch-protection', section, {}, (key) => key);
  const logs = options.logs ?? [];
  const context: GateContext = {
    cwd: options.cwd ?? tempDir(),
    env: { GITHUB_API_URL: fake.url, RUNNER_TEMP: tempDir(), ...options.env },
    log: { ...silentLogger, info: (message) => logs.push(message), warning: (message) => logs.push(message) },
    token: 'token' in options ? options.token : 'ghp_admin',
    inAction: false,
  };
  return executeGate(branchProtectionGate, settings, context);
}

function rules(report: GateReport): string[] {
  return report.findings.map((finding) => finding.rule).sort();
}

/** Classic protection as GitHub would store it after this PUT body. */
function protect(body: Record<string, unknown>): Record<string, unknown> {
  return classicGetShape('o/r', 'main', {
    required_status_checks: null,
    enforce_admins: false,
    required_pull_request_reviews: null,
    restrictions: null,
    ...body,
  });
}

describe('check mode', () => {
  it('reports every setting an unprotected branch lacks as drift, naming repo and branch', async () => {
    addRepository(fake, 'o/r', ci());
    const report = await run({ repo: 'o/r', branches: [MAIN_POLICY] });
    expect(report.status).toBe('fail');
    expect(rules(report)).toEqual(['drift/dismiss-stale-reviews', 'drift/enforce-admins', 'drift/linear-history', 'drift/required-checks', 'drift/required-reviews']);
    expect(report.findings.find((finding) => finding.rule === 'drift/required-reviews')?.message).toBe('o/r main: required-reviews is pull requests not required (the branch is not protected), the config wants 1');
    expect(report.metrics).toMatchObject({ repositories: 1, branches: 1, drifted: 1, failed: 0, applied: 0 });
    expect(fake.requests.every((request) => request.method === 'GET')).toBe(true);
  });

  it('passes with one request when the classic protection already matches, normalising the GET shape', async () => {
    addRepository(fake, 'o/r').protection.set('main', protect({
      required_status_checks: { strict: false, checks: [{ context: 'lint', app_id: 15368 }, { context: 'test', app_id: null }] },
      required_pull_request_reviews: { required_approving_review_count: 1, dismiss_stale_reviews: true },
      enforce_admins: true,
      required_linear_history: true,
    }));
    const report = await run({ repo: 'o/r', branches: [MAIN_POLICY] });
    expect(report.status).toBe('pass');
    expect(report.findings).toEqual([]);
    expect(report.metrics.requests).toBe(1);
  });

  it('does not report protection a ruleset already enforces as missing', async () => {
    const repository = addRepository(fake, 'o/r');
    repository.protection.set('main', protect({ enforce_admins: true }));
    fake.orgRulesets.push({
      id: 7, name: 'org baseline', enforcement: 'active', conditions: { ref_name: { include: ['~ALL'], exclude: [] } },
      rules: [
        { type: 'pull_request', parameters: { required_approving_review_count: 1, dismiss_stale_reviews_on_push: true, require_code_owner_review: false, require_last_push_approval: false, required_review_thread_resolution: false } },
        { type: 'required_status_checks', parameters: { strict_required_status_checks_policy: false, required_status_checks: [{ context: 'lint', integration_id: 15368 }, { context: 'test' }] } },
        { type: 'required_linear_history' },
      ],
    });
    const report = await run({ repo: 'o/r', branches: [MAIN_POLICY] });
    expect(report.findings).toEqual([]);
    expect(report.status).toBe('pass');
    expect(report.metrics.requests).toBe(2);
  });

  it('keeps what is stronger than the config instead of calling it drift', async () => {
    addRepository(fake, 'o/r').protection.set('main', protect({
      required_status_checks: { strict: true, checks: [{ context: 'lint', app_id: 15368 }, { context: 'test', app_id: 15368 }, { context: 'e2e', app_id: 15368 }] },
      required_pull_request_reviews: { required_approving_review_count: 3, dismiss_stale_reviews: true },
      enforce_admins: true,
      required_linear_history: true,
    }));
    const report = await run({ repo: 'o/r', branches: [{ ...MAIN_POLICY, 'required-reviews': 1 }] });
    expect(report.status).toBe('pass');
    expect(report.findings.map((finding) => [finding.rule, finding.level])).toEqual([['kept/required-checks', 'notice'], ['kept/required-reviews', 'notice']]);
    expect(report.findings[0]!.message).toBe('o/r main: also requires e2e, which the config does not list; kept (set prune: true to remove)');
    expect(report.findings[1]!.message).toBe("o/r main: required-reviews is 3, stronger than the config's 1; kept (set allow-weaken: true to lower it)");
  });
});

describe('plan and apply share one planner', () => {
  it('plan prints the exact write apply then sends, and writes nothing', async () => {
    addRepository(fake, 'o/r', ci());
    const logs: string[] = [];
    const planned = await run({ repo: 'o/r', mode: 'plan', branches: [MAIN_POLICY] }, { logs });
    expect(planned.status).toBe('pass');
    expect(rules(planned)).toContain('plan/required-reviews');
    expect(fake.requests.filter((request) => request.method !== 'GET')).toEqual([]);
    expect(logs).toContain('o/r: 1 branch(es), drifted');
    const line = logs.find((entry) => entry.startsWith('plan o/r: PUT /repos/o/r/branches/main/protection '))!;
    const plannedBody = JSON.parse(line.slice(line.indexOf('{')));

    const applied = await run({ repo: 'o/r', mode: 'apply', branches: [MAIN_POLICY] });
    expect(applied.status).toBe('pass');
    const put = fake.requests.find((request) => request.method === 'PUT')!;
    expect(put.body).toEqual(plannedBody);
    expect(put.body!.required_status_checks).toEqual({ strict: false, checks: [{ context: 'lint', app_id: 15368 }, { context: 'test', app_id: 15368 }] });
    expect(applied.metrics).toMatchObject({ applied: 1, 'backed-up': 1 });

    const again = await run({ repo: 'o/r', branches: [MAIN_POLICY] });
    expect(again.status).toBe('pass');
    expect(again.findings).toEqual([]);
  });

  it('merges over what is there: adds checks, keeps extra checks, push restrictions and review count', async () => {
    const repository = addRepository(fake, 'o/r', ci());
    // Three approvals need four people with write access; e2e comes from app 42.
    repository.collaborators!.push({ login: 'di', role: 'push' });
    repository.reported!.get('c0ffee')!.checkRuns!.push({ name: 'e2e', appId: 42 });
    repository.protection.set('main', protect({
      required_status_checks: { strict: true, checks: [{ context: 'e2e', app_id: 42 }] },
      required_pull_request_reviews: { required_approving_review_count: 3, dismiss_stale_reviews: false },
      restrictions: { users: ['release-bot'], teams: [], apps: [] },
    }));
    const report = await run({ repo: 'o/r', mode: 'apply', branches: [MAIN_POLICY] });
    expect(report.status).toBe('pass');
    const put = fake.requests.find((request) => request.method === 'PUT')!.body!;
    expect(put.required_status_checks).toEqual({ strict: true, checks: [{ context: 'e2e', app_id: 42 }, { context: 'lint', app_id: 15368 }, { context: 'test', app_id: 15368 }] });
    expect((put.required_pull_request_reviews as Record<string, unknown>).required_approving_review_count).toBe(3);
    expect(put.restrictions).toEqual({ users: ['release-bot'], teams: [], apps: [] });
    expect(rules(report)).toContain('kept/required-checks');
  });

  it('prunes and weakens only when told to', async () => {
    addRepository(fake, 'o/r').protection.set('main', protect({
      required_status_checks: { strict: false, checks: [{ context: 'lint', app_id: 15368 }, { context: 'old', app_id: 15368 }] },
      required_pull_request_reviews: { required_approving_review_count: 4 },
      allow_force_pushes: false,
    }));
    const policy = { name: 'main', 'required-checks': ['lint'], 'required-reviews': 1, 'allow-force-pushes': true };
    const kept = await run({ repo: 'o/r', mode: 'apply', branches: [policy] });
    expect(rules(kept)).toEqual(['kept/allow-force-pushes', 'kept/required-checks', 'kept/required-reviews']);
    expect(fake.requests.some((request) => request.method === 'PUT')).toBe(false);

    const loosened = await run({ repo: 'o/r', mode: 'apply', prune: true, 'allow-weaken': true, branches: [policy] });
    expect(loosened.status).toBe('pass');
    const stored = fake.repositories.get('o/r')!.protection.get('main')!;
    expect((stored.required_status_checks as { contexts: string[] }).contexts).toEqual(['lint']);
    expect((stored.required_pull_request_reviews as { required_approving_review_count: number }).required_approving_review_count).toBe(1);
    expect((stored.allow_force_pushes as { enabled: boolean }).enabled).toBe(true);
  });

  it('saves the previous protection with the requests that restore it before writing', async () => {
    addRepository(fake, 'o/r').protection.set('main', protect({ required_pull_request_reviews: { required_approving_review_count: 1 } }));
    const backupPath = path.join(tempDir(), 'backup.jsonl');
    const report = await run({ repo: 'o/r', mode: 'apply', 'backup-path': backupPath, branches: [{ name: 'main', 'signed-commits': true, 'linear-history': true }] });
    expect(report.status).toBe('pass');
    const [entry] = readFileSync(backupPath, 'utf8').trim().split('\n').map((line) => JSON.parse(line));
    expect(entry).toMatchObject({ repository: 'o/r', branch: 'main', api: 'classic', previous: { required_pull_request_reviews: { required_approving_review_count: 1 } } });
    expect(entry.restore[0]).toMatch(/^PUT \/repos\/o\/r\/branches\/main\/protection \{/);
    expect(entry.restore[1]).toBe('DELETE /repos/o/r/branches/main/protection/required_signatures');
    expect(report.findings.find((finding) => finding.rule === 'backup/saved')?.message).toContain(backupPath);
    expect(fake.requests.map((request) => `${request.method} ${request.path}`)).toContain('POST /repos/o/r/branches/main/protection/required_signatures');
    const stored = fake.repositories.get('o/r')!.protection.get('main')!;
    expect(stored.required_signatures).toMatchObject({ enabled: true });
  });

  it('reports a write GitHub did not keep as a verification error', async () => {
    addRepository(fake, 'o/r');
    const original = fake.repositories.get('o/r')!;
    // An org policy that silently drops linear history from every write.
    const set = original.protection.set.bind(original.protection);
    original.protection.set = (branch, value) => set(branch, { ...value, required_linear_history: { enabled: false } });
    const report = await run({ repo: 'o/r', mode: 'apply', branches: [{ name: 'main', 'linear-history': true }] });
    expect(report.status).toBe('fail');
    expect(report.findings.find((finding) => finding.rule === 'verify/linear-history')?.message).toBe('o/r main: linear-history reads false after the write, not true; GitHub did not keep the change');
  });
});

describe('branch patterns', () => {
  it('protects every branch a pattern matches with the classic API, and warns when none does', async () => {
    addRepository(fake, 'o/r', { branches: new Set(['main', 'release/1.0', 'release/2.0', 'release/2.0/hotfix']) });
    const report = await run({ repo: 'o/r', mode: 'apply', branches: [{ name: 'release/*', 'required-reviews': 2 }, { name: 'hotfix-*', 'linear-history': true }] });
    expect(report.status).toBe('pass');
    expect([...fake.repositories.get('o/r')!.protection.keys()].sort()).toEqual(['release/1.0', 'release/2.0']);
    expect(report.metrics.branches).toBe(2);
    expect(report.findings.find((finding) => finding.rule === 'branch/no-match')?.message).toBe('o/r: no branch matches hotfix-*, so nothing is protected by it');
  });

  it('does not pass a repository where no configured branch matched anything', async () => {
    addRepository(fake, 'o/r', { branches: new Set(['main']) });
    const report = await run({ repo: 'o/r', branches: [{ name: 'release/*', 'required-reviews': 2 }] });
    expect(report.status).toBe('error');
    expect(report.metrics).toMatchObject({ branches: 0, failed: 1 });
    expect(report.findings.filter((finding) => finding.level === 'error').map((finding) => finding.message)).toEqual(['o/r: no configured branch matches a branch of the repository, so nothing was checked; fix the names or patterns in branch-protection.branches']);
  });
});

describe('safety', () => {
  const LINT = '.github/workflows/ci.yml';
  const LINT_WORKFLOW = 'on: pull_request\njobs:\n  lint:\n    runs-on: ubuntu-latest\n    steps: [{run: "true"}]\n';

  it('refuses a required check nothing produces, whatever its app, in every mode, and writes nothing', async () => {
    const cwd = tempDir({ [LINT]: LINT_WORKFLOW });
    for (const mode of ['apply', 'plan', 'check']) {
      addRepository(fake, 'o/r');
      const report = await run({ repo: 'o/r', mode, 'app-id': -1, branches: [{ name: 'main', 'required-checks': ['lint', 'tset'], 'enforce-admins': true }] }, { cwd });
      expect(report.status).toBe('fail');
      expect(report.findings.find((finding) => finding.rule === 'safety/lockout')?.message).toBe('o/r main: refusing this protection: required check tset: no workflow in .github/workflows reports it on every pull request into main, and no pull request into main shows what reports it, so every pull request would wait for it; make a workflow report tset on every pull request, or drop it from required-checks');
      expect(report.findings.filter((finding) => finding.rule === 'safety/lockout')).toHaveLength(1);
      expect(report.findings.find((finding) => finding.rule === 'checks/unproduced')?.level).toBe('warning');
    }
    expect(fake.requests.filter((request) => request.method !== 'GET')).toEqual([]);
  });

  it('accepts a check an app outside Actions reports on the latest pull request, in a run over many repositories', async () => {
    addRepository(fake, 'o/a', { pulls: [{ base: 'main', sha: 'abc123' }], reported: new Map([['abc123', { statuses: ['codecov/patch'] }]]) });
    addRepository(fake, 'o/b');
    // A commit status has no app: only a check that any app may report (app-id: -1) is met by it.
    const actionsOnly = await run({ repositories: ['o/a'], mode: 'plan', branches: [{ name: 'main', 'required-checks': ['codecov/patch'], 'enforce-admins': true }] });
    expect(actionsOnly.findings.find((finding) => finding.rule === 'safety/lockout')?.message).toContain('GitHub Actions did not report it on the latest pull request into main');
    const report = await run({ repositories: ['o/a', 'o/b'], mode: 'apply', 'app-id': -1, branches: [{ name: 'main', 'required-checks': ['codecov/patch'], 'enforce-admins': true }] });
    expect(report.findings.filter((finding) => finding.rule === 'safety/lockout').map((finding) => finding.message.split(':')[0])).toEqual(['o/b main']);
    expect([...fake.repositories.get('o/a')!.protection.keys()]).toEqual(['main']);
    expect([...fake.repositories.get('o/b')!.protection.keys()]).toEqual([]);
  });

  it('does not take a check the branch carries from a push workflow as reported on pull requests', async () => {
    addRepository(fake, 'o/r', { reported: new Map([['main', { checkRuns: [{ name: 'deploy', appId: 15368 }] }]]), pulls: [{ base: 'main', sha: 'feed' }] });
    const report = await run({ repo: 'o/r', mode: 'apply', branches: [{ name: 'main', 'required-checks': ['deploy'], 'enforce-admins': true }] });
    expect(report.findings.find((finding) => finding.rule === 'safety/lockout')?.message).toContain('and GitHub Actions did not report it on the latest pull request into main');
  });

  it('refuses a check only a pull_request_target workflow reports: GitHub puts it on the base commit', async () => {
    const cwd = tempDir({ '.github/workflows/label.yml': 'on: pull_request_target\njobs:\n  triage:\n    runs-on: ubuntu-latest\n    steps: [{run: "true"}]\n' });
    addRepository(fake, 'o/r');
    const report = await run({ repo: 'o/r', mode: 'apply', branches: [{ name: 'main', 'required-checks': ['triage'], 'enforce-admins': true }] }, { cwd });
    expect(report.findings.find((finding) => finding.rule === 'checks/unproduced')?.message).toBe("branch main requires triage, which never reaches a pull request: it runs on pull_request_target, whose checks GitHub reports on the base branch's commit, never on the pull request's head; every pull request would wait for it");
    expect(report.findings.find((finding) => finding.rule === 'safety/lockout')?.message).toBe("o/r main: refusing this protection: required check triage: it runs on pull_request_target, whose checks GitHub reports on the base branch's commit, never on the pull request's head, and no pull request into main shows what reports it, so every pull request would wait for it; make a workflow report triage on every pull request, or drop it from required-checks");
  });

  it('does not call a check a lock-out while admins can still merge', async () => {
    addRepository(fake, 'o/r');
    const report = await run({ repo: 'o/r', mode: 'apply', branches: [{ name: 'main', 'required-checks': ['nowhere'], 'enforce-admins': false }] });
    expect(report.status).toBe('pass');
    expect(rules(report)).not.toContain('safety/lockout');
  });

  it('refuses more required approvals than people who can approve, asking GitHub who has write access', async () => {
    addRepository(fake, 'o/r', { collaborators: [{ login: 'solo', role: 'admin' }, { login: 'reader', role: 'pull' }, { login: 'triager', role: 'triage' }] });
    const report = await run({ repo: 'o/r', mode: 'apply', branches: [{ name: 'main', 'required-reviews': 1, 'enforce-admins': true }] });
    expect(report.findings.find((finding) => finding.rule === 'safety/lockout')?.message).toBe('o/r main: refusing this protection: 1 approval would be required but only 1 person has write access, and an author cannot approve their own pull request; lower required-reviews to 0, give more people write access, or set enforce-admins: false');
    expect(fake.requests.some((request) => request.path === '/repos/o/r/collaborators?permission=push&affiliation=all&per_page=100')).toBe(true);
    fake.repositories.get('o/r')!.collaborators!.push({ login: 'pair', role: 'push' });
    const two = await run({ repo: 'o/r', mode: 'apply', branches: [{ name: 'main', 'required-reviews': 1, 'enforce-admins': true }] });
    expect(two.status).toBe('pass');
  });

  it('refuses code owner reviews without a CODEOWNERS file, or with one that owns nothing', async () => {
    const policy = { name: 'main', 'required-reviews': 1, 'code-owner-reviews': true, 'enforce-admins': true };
    addRepository(fake, 'o/r', ci());
    const none = await run({ repo: 'o/r', mode: 'apply', branches: [policy] });
    expect(none.findings.find((finding) => finding.rule === 'safety/lockout')?.message).toBe('o/r main: refusing this protection: code owner reviews would be required but the repository has no CODEOWNERS file (.github/CODEOWNERS, CODEOWNERS, docs/CODEOWNERS) on main; add a CODEOWNERS file that owns the code (.github/CODEOWNERS), or set code-owner-reviews: false');
    fake.repositories.get('o/r')!.files = new Map([['docs/CODEOWNERS', '# owners\n*.md\n']]);
    const empty = await run({ repo: 'o/r', mode: 'apply', branches: [policy] });
    expect(empty.findings.find((finding) => finding.rule === 'safety/lockout')?.message).toContain('docs/CODEOWNERS assigns no owner to any path');
    fake.repositories.get('o/r')!.files = new Map([['.github/CODEOWNERS', '* @acme/core\n']]);
    const owned = await run({ repo: 'o/r', mode: 'apply', branches: [policy] });
    expect(owned.status).toBe('pass');
  });

  it('refuses to enforce admins on a branch whose pushes are restricted to nobody, or that is locked', async () => {
    addRepository(fake, 'o/r').protection.set('main', protect({ restrictions: { users: [], teams: [], apps: [] } }));
    const report = await run({ repo: 'o/r', mode: 'apply', branches: [{ name: 'main', 'enforce-admins': true }] });
    expect(report.findings.find((finding) => finding.rule === 'safety/lockout')?.message).toContain('pushes are restricted to nobody, so with nobody able to bypass, nobody could push or merge');
    addRepository(fake, 'o/r').protection.set('main', protect({ lock_branch: true }));
    const locked = await run({ repo: 'o/r', mode: 'apply', branches: [{ name: 'main', 'enforce-admins': true }] });
    expect(locked.findings.find((finding) => finding.rule === 'safety/lockout')?.message).toContain('the branch is locked (lock-branch)');
    expect(fake.requests.filter((request) => request.method !== 'GET')).toEqual([]);
  });

  it('refuses a required check that does not run on merge_group when a merge queue serves the branch (rulesets)', async () => {
    const cwd = tempDir({ [LINT]: LINT_WORKFLOW, '.github/workflows/queue.yml': 'on: [pull_request, merge_group]\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps: [{run: "true"}]\n' });
    const repository = addRepository(fake, 'o/r');
    repository.rulesets.set(9, { id: 9, name: 'queue', enforcement: 'active', conditions: { ref_name: { include: ['~DEFAULT_BRANCH'], exclude: [] } }, rules: [{ type: 'merge_queue', parameters: { merge_method: 'SQUASH' } }] });
    fake.orgRulesets.length = 0;
    // The fake applies ~DEFAULT_BRANCH like ~ALL: main is the default branch here.
    repository.rulesets.get(9)!.conditions = { ref_name: { include: ['~ALL'], exclude: [] } };
    const report = await run({ repo: 'o/r', api: 'rulesets', mode: 'apply', branches: [{ name: 'main', 'required-checks': ['lint', 'test'], 'enforce-admins': true }] }, { cwd });
    expect(report.findings.filter((finding) => finding.rule === 'safety/lockout').map((finding) => finding.message)).toEqual([
      'o/r main: refusing this protection: the merge queue requires lint, but no workflow in .github/workflows runs it on merge_group, so every queued pull request would wait for it; add `merge_group` to the `on:` of the workflow that reports lint',
    ]);
    expect(fake.requests.filter((request) => request.method !== 'GET')).toEqual([]);
  });

  it('writes a refused protection when accept-lockout says so, with a warning that tells how to undo it', async () => {
    addRepository(fake, 'o/r');
    const report = await run({ repo: 'o/r', mode: 'apply', 'accept-lockout': true, branches: [{ name: 'main', 'required-checks': ['nowhere'], 'enforce-admins': true }] });
    expect(report.status).toBe('pass');
    expect(report.findings.find((finding) => finding.rule === 'safety/lockout-accepted')).toMatchObject({ level: 'warning', message: expect.stringMatching(/^o\/r main: written although required check nowhere: /) });
    expect(fake.repositories.get('o/r')!.protection.has('main')).toBe(true);
  });

  it('warns that an explicitly required conditional check is absent from some pull requests, without refusing it', async () => {
    const cwd = tempDir({ '.github/workflows/docs.yml': "on:\n  pull_request:\n    paths: ['docs/**']\njobs:\n  docs:\n    runs-on: ubuntu-latest\n    steps: [{run: \"true\"}]\n" });
    addRepository(fake, 'o/r');
    const report = await run({ repo: 'o/r', mode: 'plan', branches: [{ name: 'main', 'required-checks': ['docs'], 'enforce-admins': true }] }, { cwd });
    expect(report.findings.find((finding) => finding.rule === 'checks/conditional')).toMatchObject({ level: 'warning', file: '.github/workflows/docs.yml', message: 'branch main requires docs, which is absent from some pull requests: it runs only when a pull request changes files matching paths: docs/**; those pull requests will wait for it' });
    expect(rules(report)).not.toContain('safety/lockout');
  });
});

describe('rulesets', () => {
  it('creates and then updates only its own ruleset, leaving others alone', async () => {
    const repository = addRepository(fake, 'o/r', ci());
    repository.rulesets.set(1, { id: 1, name: 'team rules', enforcement: 'active', conditions: { ref_name: { include: ['refs/heads/dev'], exclude: [] } }, rules: [{ type: 'deletion' }] });
    const created = await run({ repo: 'o/r', api: 'rulesets', mode: 'apply', branches: [MAIN_POLICY] });
    expect(created.status).toBe('pass');
    const post = fake.requests.find((request) => request.method === 'POST')!;
    expect(post.path).toBe('/repos/o/r/rulesets');
    expect(post.body).toMatchObject({ name: 'readiness-gates: main', target: 'branch', enforcement: 'active', bypass_actors: [], conditions: { ref_name: { include: ['refs/heads/main'] } } });
    expect(post.body!.rules).toContainEqual({ type: 'required_status_checks', parameters: { strict_required_status_checks_policy: false, required_status_checks: [{ context: 'lint', integration_id: 15368 }, { context: 'test', integration_id: 15368 }] } });

    const checked = await run({ repo: 'o/r', api: 'rulesets', branches: [MAIN_POLICY] });
    expect(checked.findings).toEqual([]);
    expect(checked.metrics.requests).toBe(2);

    const raised = await run({ repo: 'o/r', api: 'rulesets', mode: 'apply', branches: [{ ...MAIN_POLICY, 'required-reviews': 2 }] });
    expect(raised.status).toBe('pass');
    const put = fake.requests.find((request) => request.method === 'PUT')!;
    expect(put.path).toMatch(/^\/repos\/o\/r\/rulesets\/\d+$/);
    expect(repository.rulesets.get(1)).toMatchObject({ name: 'team rules', rules: [{ type: 'deletion' }] });
    expect(repository.rulesets.size).toBe(2);
  });

  it('lets admins bypass its ruleset when enforce-admins is false', async () => {
    addRepository(fake, 'o/r');
    await run({ repo: 'o/r', api: 'rulesets', mode: 'apply', branches: [{ name: 'main', 'enforce-admins': false, 'linear-history': true }] });
    const post = fake.requests.find((request) => request.method === 'POST')!;
    expect(post.body!.bypass_actors).toEqual([{ actor_id: 5, actor_type: 'RepositoryRole', bypass_mode: 'always' }]);
  });
});

describe('errors that explain themselves', () => {
  it('tells a missing branch from an invisible repository', async () => {
    addRepository(fake, 'o/r');
    const branch = await run({ repo: 'o/r', branches: [{ name: 'mian', 'required-reviews': 1 }] });
    expect(branch.status).toBe('error');
    expect(branch.findings).toEqual([{ rule: 'access/branch-not-found', level: 'error', message: 'o/r: branch mian does not exist; create it or fix the branch name in branch-protection.branches', help: undefined }]);
    const repository = await run({ repo: 'o/secret', branches: [MAIN_POLICY] });
    expect(repository.status).toBe('error');
    expect(repository.findings[0]).toMatchObject({ rule: 'access/not-found', message: expect.stringContaining('o/secret: the repository does not exist or the token cannot see it') });
  });

  it('says GITHUB_TOKEN can never administer branch protection on a 403', async () => {
    addRepository(fake, 'o/r');
    fake.noAdminTokens.add('ghs_workflow');
    const report = await run({ repo: 'o/r', branches: [MAIN_POLICY] }, { token: 'ghs_workflow' });
    expect(report.status).toBe('error');
    expect(report.findings[0]).toMatchObject({ rule: 'access/forbidden', message: 'o/r: the token may not read the protection of main (403 Resource not accessible by integration); it needs Administration: read on this repository' });
    expect(report.findings[0]!.help).toContain('GITHUB_TOKEN can never administer branch protection');
    expect(report.findings[0]!.help).toContain('Administration: write');
  });

  it('tells a plan limit from a missing permission', async () => {
    addRepository(fake, 'o/r', { freePlanPrivate: true });
    const report = await run({ repo: 'o/r', branches: [MAIN_POLICY] });
    expect(report.status).toBe('error');
    expect(report.findings[0]).toMatchObject({ rule: 'access/plan-limit', message: expect.stringContaining('upgrade to GitHub Pro, Team or Enterprise or make the repository public') });
  });

  it('names a refused token and a rate limit that outlasted the retries', async () => {
    addRepository(fake, 'o/r');
    fake.queue.push({ status: 401, body: { message: 'Bad credentials' } });
    const refused = await run({ repo: 'o/r', branches: [MAIN_POLICY] });
    expect(refused.findings[0]).toMatchObject({ rule: 'access/unauthorized', message: 'o/r: GitHub refused the token (401 Bad credentials); check that the `token` input holds a valid, unexpired token' });

    const limit = { status: 403, body: { message: 'API rate limit exceeded for installation.' }, headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) - 1) } };
    fake.queue.push(limit, limit, limit, limit);
    const limited = await run({ repo: 'o/r', branches: [MAIN_POLICY] });
    expect(limited.status).toBe('error');
    expect(limited.findings[0]).toMatchObject({ rule: 'access/rate-limited', message: expect.stringContaining('lower `concurrency` or split the run with `shard`') });
  }, 15_000);

  it('stops with exit-2 errors naming the fix for a missing token and a missing repository', async () => {
    const noToken = await run({ repo: 'o/r', branches: [MAIN_POLICY] }, { token: undefined });
    expect(noToken.status).toBe('error');
    expect(noToken.findings[0]!.message).toBe('no GitHub token for branch protection; set the `token` input (or GITHUB_TOKEN / GH_TOKEN for the CLI)');
    const noRepository = await run({ branches: [MAIN_POLICY] });
    expect(noRepository.findings[0]!.message).toMatch(/^no repository to check; set repo/);
    const noBranches = await run({ repo: 'o/r' });
    expect(noBranches.findings[0]!.message).toMatch(/^branch-protection.branches is empty/);
    const noSetting = await run({ repo: 'o/r', branches: [{ name: 'main' }] });
    expect(noSetting.status).toBe('error');
    expect(noSetting.findings[0]!.message).toBe('branch-protection.branches: main sets no protection setting, so there is nothing to check; add one (e.g. required-reviews: 1)');
  });
});

describe('settings beyond the basics', () => {
  it('round-trips merge queue, required deployments and lock branch through a ruleset, keeping bypass actors and the queue parameters', async () => {
    const cwd = tempDir({ '.github/workflows/ci.yml': 'on: [pull_request, merge_group]\njobs:\n  lint:\n    runs-on: ubuntu-latest\n    steps: [{run: "true"}]\n' });
    const repository = addRepository(fake, 'o/r', ci());
    const policy = { name: 'main', 'required-checks': ['lint'], 'merge-queue': true, 'required-deployments': ['staging'], 'enforce-admins': false };
    const created = await run({ repo: 'o/r', api: 'rulesets', mode: 'apply', branches: [policy] }, { cwd });
    expect(created.status).toBe('pass');
    const [ruleset] = [...repository.rulesets.values()];
    expect(ruleset!.rules).toEqual(expect.arrayContaining([
      { type: 'merge_queue', parameters: expect.objectContaining({ merge_method: 'MERGE', grouping_strategy: 'ALLGREEN' }) },
      { type: 'required_deployments', parameters: { required_deployment_environments: ['staging'] } },
    ]));
    // Someone tunes the queue and adds a team bypass in the UI; the next write keeps both.
    const queue = (ruleset!.rules as Array<{ type: string; parameters?: Record<string, unknown> }>).find((rule) => rule.type === 'merge_queue')!;
    queue.parameters = { ...queue.parameters, merge_method: 'SQUASH' };
    (ruleset!.bypass_actors as unknown[]).push({ actor_id: 77, actor_type: 'Team', bypass_mode: 'pull_request' });
    const raised = await run({ repo: 'o/r', api: 'rulesets', mode: 'apply', branches: [{ ...policy, 'required-deployments': ['staging', 'production'] }] }, { cwd });
    expect(raised.status).toBe('pass');
    expect(rules(raised)).toContain('applied/required-deployments');
    expect(ruleset!.rules).toContainEqual({ type: 'merge_queue', parameters: expect.objectContaining({ merge_method: 'SQUASH' }) });
    expect(ruleset!.bypass_actors).toContainEqual({ actor_id: 77, actor_type: 'Team', bypass_mode: 'pull_request' });
    const checked = await run({ repo: 'o/r', api: 'rulesets', branches: [{ ...policy, 'required-deployments': ['production'] }] }, { cwd });
    expect(checked.status).toBe('pass');
    expect(rules(checked)).toEqual(['kept/required-deployments']);
  });

  it('locks a classic branch only with accept-lockout once admins are enforced, and reads the lock back', async () => {
    const repository = addRepository(fake, 'o/r');
    repository.protection.set('main', protect({ enforce_admins: true }));
    const refused = await run({ repo: 'o/r', mode: 'apply', branches: [{ name: 'main', 'lock-branch': true }] });
    expect(refused.findings.find((finding) => finding.rule === 'safety/lockout')?.message).toBe('o/r main: refusing this protection: the branch is locked (lock-branch), so with nobody able to bypass, nobody could push or merge; allow someone to push (push restrictions, lock-branch: false), or set enforce-admins: false');
    const locked = await run({ repo: 'o/r', mode: 'apply', 'accept-lockout': true, branches: [{ name: 'main', 'lock-branch': true }] });
    expect(locked.status).toBe('pass');
    expect(repository.protection.get('main')!.lock_branch).toEqual({ enabled: true });
    const checked = await run({ repo: 'o/r', branches: [{ name: 'main', 'lock-branch': true }] });
    expect(checked.findings).toEqual([]);
  });

  it('targets ~DEFAULT_BRANCH with exclusions: a ruleset condition, or the resolved branch with classic protection', async () => {
    const repository = addRepository(fake, 'o/r', { branches: new Set(['trunk', 'release/1', 'release/old']), defaultBranch: 'trunk' });
    const created = await run({ repo: 'o/r', api: 'rulesets', mode: 'apply', branches: [{ name: '~DEFAULT_BRANCH', 'linear-history': true }, { name: 'release/*', exclude: ['release/old'], 'allow-deletions': false }] });
    expect(created.status).toBe('pass');
    expect([...repository.rulesets.values()].map((ruleset) => [ruleset.name, ruleset.conditions])).toEqual([
      ['readiness-gates: ~DEFAULT_BRANCH', { ref_name: { include: ['~DEFAULT_BRANCH'], exclude: [] } }],
      ['readiness-gates: release/*', { ref_name: { include: ['refs/heads/release/*'], exclude: ['refs/heads/release/old'] } }],
    ]);
    // The effective rules of trunk (its default branch) now hold linear history: nothing drifted.
    const checked = await run({ repo: 'o/r', api: 'rulesets', branches: [{ name: '~DEFAULT_BRANCH', 'linear-history': true }] });
    expect(checked.findings).toEqual([]);

    const classic = await run({ repo: 'o/r', mode: 'apply', branches: [{ name: '~DEFAULT_BRANCH', 'conversation-resolution': true }, { name: 'release/*', exclude: ['release/old'], 'conversation-resolution': true }] });
    expect(classic.status).toBe('pass');
    expect([...repository.protection.keys()].sort()).toEqual(['release/1', 'trunk']);
  });

  it('writes a ruleset in evaluate mode as a dry run, compares its rules, and treats going back to it as weakening', async () => {
    const repository = addRepository(fake, 'o/r', ci());
    const policy = { name: 'main', 'required-checks': ['nowhere'], 'enforce-admins': true, enforcement: 'evaluate' };
    // Evaluate blocks nothing: a check nothing reports is no lock-out there.
    const dryRun = await run({ repo: 'o/r', api: 'rulesets', mode: 'apply', branches: [policy] });
    expect(dryRun.status).toBe('pass');
    const [ruleset] = [...repository.rulesets.values()];
    expect(ruleset!.enforcement).toBe('evaluate');
    expect((await run({ repo: 'o/r', api: 'rulesets', branches: [policy] })).findings).toEqual([]);
    // Leaving the key out asks for an enforced ruleset: evaluate is drift, and going live is guarded.
    const { enforcement: _evaluate, ...live } = policy;
    const drift = await run({ repo: 'o/r', api: 'rulesets', branches: [live] });
    expect(drift.findings.map((finding) => finding.message)).toEqual(expect.arrayContaining(['o/r main: enforcement is evaluate, the config wants active']));
    const refused = await run({ repo: 'o/r', api: 'rulesets', mode: 'apply', branches: [live] });
    expect(rules(refused)).toContain('safety/lockout');
    expect(ruleset!.enforcement).toBe('evaluate');
    // The dry run's `nowhere` would still be required unless pruned: the guard sees it.
    const activeAgain = await run({ repo: 'o/r', api: 'rulesets', mode: 'apply', prune: true, branches: [{ ...live, 'required-checks': ['lint'] }] });
    expect(activeAgain.status).toBe('pass');
    expect(ruleset!.enforcement).toBe('active');
    const back = await run({ repo: 'o/r', api: 'rulesets', mode: 'apply', branches: [{ ...policy, 'required-checks': ['lint'] }] });
    expect(rules(back)).toContain('kept/enforcement');
    expect(ruleset!.enforcement).toBe('active');
  });

  it('manages bypass actors: removes unlisted ones, adds (a weakening) only with allow-weaken, resolves team slugs', async () => {
    const repository = addRepository(fake, 'o/r', ci());
    fake.teams.set('o/release', 42);
    repository.rulesets.set(5, {
      id: 5, name: 'readiness-gates: main', enforcement: 'active', conditions: { ref_name: { include: ['refs/heads/main'], exclude: [] } },
      bypass_actors: [{ actor_id: 4, actor_type: 'RepositoryRole', bypass_mode: 'always' }, { actor_id: 99, actor_type: 'Integration', bypass_mode: 'always' }],
      rules: [{ type: 'deletion' }],
    });
    const wanted = [{ app: 99 }, { team: 'release', mode: 'pull_request' }];
    const tightened = await run({ repo: 'o/r', api: 'rulesets', mode: 'apply', branches: [{ name: 'main', 'enforce-admins': true, 'bypass-actors': wanted }] });
    expect(tightened.findings.find((finding) => finding.rule === 'kept/bypass-actors')?.message).toBe('o/r main: would let team 42 (pull requests) bypass the ruleset, which weakens it; not added (set allow-weaken: true to add)');
    expect(repository.rulesets.get(5)!.bypass_actors).toEqual([{ actor_id: 99, actor_type: 'Integration', bypass_mode: 'always' }]);
    const added = await run({ repo: 'o/r', api: 'rulesets', mode: 'apply', 'allow-weaken': true, branches: [{ name: 'main', 'enforce-admins': true, 'bypass-actors': wanted }] });
    expect(added.status).toBe('pass');
    expect(repository.rulesets.get(5)!.bypass_actors).toEqual([{ actor_id: 99, actor_type: 'Integration', bypass_mode: 'always' }, { actor_id: 42, actor_type: 'Team', bypass_mode: 'pull_request' }]);
    const checked = await run({ repo: 'o/r', api: 'rulesets', branches: [{ name: 'main', 'enforce-admins': true, 'bypass-actors': wanted }] });
    expect(checked.findings).toEqual([]);
    const unknown = await run({ repo: 'o/r', api: 'rulesets', branches: [{ name: 'main', 'bypass-actors': [{ team: 'ghosts' }] }] });
    expect(unknown.findings[0]!.message).toBe('o/r: o has no team ghosts the token can see (404); fix bypass-actors or give the token Members: read on the organisation');
    const twoKinds = await run({ repo: 'o/r', api: 'rulesets', branches: [{ name: 'main', 'bypass-actors': [{ team: 'release', app: 1 }] }] });
    expect(twoKinds.findings[0]!.message).toBe('branch-protection.branches: main bypass-actors[0] names team and app; give exactly one of role, team, app or deploy-keys (admins are enforce-admins: false)');
  });

  it('manages classic push restrictions: restricting and taking people off strengthen, adding someone needs allow-weaken', async () => {
    const repository = addRepository(fake, 'o/r');
    const restricted = await run({ repo: 'o/r', mode: 'apply', branches: [{ name: 'main', 'push-restrictions': { users: ['lead'], teams: ['release'] } }] });
    expect(restricted.status).toBe('pass');
    expect(repository.protection.get('main')!.restrictions).toMatchObject({ users: [{ login: 'lead' }], teams: [{ slug: 'release' }], apps: [] });
    const widened = await run({ repo: 'o/r', mode: 'apply', branches: [{ name: 'main', 'push-restrictions': { teams: ['release', 'ops'] } }] });
    expect(widened.findings.find((finding) => finding.rule === 'kept/push-restrictions')?.message).toBe('o/r main: would let team ops push, which weakens the restriction; not added (set allow-weaken: true to add)');
    // lead came off (a strengthening); ops stays out without allow-weaken.
    expect(repository.protection.get('main')!.restrictions).toMatchObject({ users: [], teams: [{ slug: 'release' }], apps: [] });
    await run({ repo: 'o/r', mode: 'apply', 'allow-weaken': true, branches: [{ name: 'main', 'push-restrictions': { teams: ['release', 'ops'] } }] });
    expect(repository.protection.get('main')!.restrictions).toMatchObject({ teams: [{ slug: 'release' }, { slug: 'ops' }] });
    const nobody = await run({ repo: 'o/r', mode: 'apply', branches: [{ name: 'main', 'push-restrictions': {}, 'enforce-admins': true }] });
    expect(nobody.findings.find((finding) => finding.rule === 'safety/lockout')?.message).toContain('pushes are restricted to nobody');
    const rulesets = await run({ repo: 'o/r', api: 'rulesets', branches: [{ name: 'main', 'push-restrictions': { users: ['lead'] } }] });
    expect(rulesets.findings[0]!.message).toBe('branch-protection.branches: main sets push-restrictions, which a ruleset cannot hold (use lock-branch with bypass-actors); set api: classic or remove it');
  });

  it('protects tags with a ruleset of target tag, read back, backed up and restored', async () => {
    const repository = addRepository(fake, 'o/r');
    const backupPath = path.join(tempDir(), 'backup.jsonl');
    const tags = [{ name: 'v*', exclude: ['v0.*'], 'allow-deletions': false, 'allow-force-pushes': false, 'enforce-admins': true }];
    const created = await run({ repo: 'o/r', api: 'rulesets', mode: 'apply', 'backup-path': backupPath, tags });
    expect(created.status).toBe('pass');
    expect(created.metrics).toMatchObject({ tags: 1, branches: 0, applied: 1 });
    const [ruleset] = [...repository.rulesets.values()];
    expect(ruleset).toMatchObject({ name: 'readiness-gates: tag v*', target: 'tag', conditions: { ref_name: { include: ['refs/tags/v*'], exclude: ['refs/tags/v0.*'] } }, bypass_actors: [] });
    expect(ruleset!.rules).toEqual(expect.arrayContaining([{ type: 'deletion' }, { type: 'non_fast_forward' }]));
    expect(rules(created).filter((rule) => rule.startsWith('applied/'))).toEqual(['applied/allow-deletions', 'applied/allow-force-pushes', 'applied/enforce-admins', 'applied/enforcement']);
    const checked = await run({ repo: 'o/r', api: 'rulesets', tags });
    expect(checked.findings).toEqual([]);
    const restored = await run({ mode: 'restore', 'backup-path': backupPath });
    expect(restored.status).toBe('pass');
    expect(repository.rulesets.size).toBe(0);
  });

  it('refuses tag rules that need pull requests or the classic API', async () => {
    const checks = await run({ repo: 'o/r', api: 'rulesets', tags: [{ name: 'v*', 'required-reviews': 1 }] });
    expect(checks.status).toBe('error');
    expect(checks.findings[0]!.message).toBe('branch-protection.tags: v* sets required-reviews, which a tag cannot take (tags take no pull requests); use allow-deletions, allow-force-pushes, signed-commits, lock-branch, enforce-admins, bypass-actors or enforcement');
    const classic = await run({ repo: 'o/r', tags: [{ name: 'v*', 'allow-deletions': false }] });
    expect(classic.findings[0]!.message).toBe('branch-protection.tags: v* needs api: rulesets (classic protection has no tag rules); set api: rulesets or remove tags');
  });

  it('refuses a required deployment no pull request gets, unless a workflow or the latest pull request shows one', async () => {
    const policy = { name: 'main', 'required-deployments': ['preview'], 'enforce-admins': true };
    const repository = addRepository(fake, 'o/r', { pulls: [{ base: 'main', sha: 'beef' }] });
    const refused = await run({ repo: 'o/r', api: 'rulesets', mode: 'apply', branches: [policy] });
    expect(refused.findings.find((finding) => finding.rule === 'safety/lockout')?.message).toBe('o/r main: refusing this protection: a deployment to preview would be required but the workflows of this repository are not in the checkout, and the latest pull request into main was not deployed there, so every pull request would wait for it; deploy every pull request to preview (a job with `environment: preview` on pull_request), or drop it from required-deployments');
    const cwd = tempDir({ '.github/workflows/preview.yml': 'on: pull_request\njobs:\n  deploy:\n    environment:\n      name: preview\n    runs-on: ubuntu-latest\n    steps: [{run: "true"}]\n' });
    expect((await run({ repo: 'o/r', api: 'rulesets', mode: 'plan', branches: [policy] }, { cwd })).status).toBe('pass');
    repository.deployments = [{ sha: 'beef', environment: 'preview' }];
    expect((await run({ repo: 'o/r', api: 'rulesets', mode: 'apply', branches: [policy] })).status).toBe('pass');
  });

  it('refuses a linear history on a repository that merges with merge commits only', async () => {
    const repository = addRepository(fake, 'o/r', { mergeMethods: { merge: true, squash: false, rebase: false } });
    const refused = await run({ repo: 'o/r', mode: 'apply', branches: [{ name: 'main', 'linear-history': true, 'enforce-admins': true }] });
    expect(refused.findings.find((finding) => finding.rule === 'safety/lockout')?.message).toBe('o/r main: refusing this protection: linear history would be required but the repository allows merge commits only (a linear history forbids merge commits), so no pull request could merge; allow squash or rebase merging in the repository settings, or set linear-history: false');
    repository.mergeMethods = { merge: true, squash: true, rebase: false };
    expect((await run({ repo: 'o/r', mode: 'apply', branches: [{ name: 'main', 'linear-history': true, 'enforce-admins': true }] })).status).toBe('pass');
  });

  it('refuses signed commits where rebase merging is the only way left, as GitHub cannot sign what a rebase merge writes', async () => {
    const repository = addRepository(fake, 'o/r', { mergeMethods: { merge: false, squash: false, rebase: true } });
    const signed = { name: 'main', 'signed-commits': true, 'enforce-admins': true };
    const refused = await run({ repo: 'o/r', mode: 'apply', branches: [signed] });
    expect(refused.findings.find((finding) => finding.rule === 'safety/lockout')?.message).toBe('o/r main: refusing this protection: signed commits would be required but the repository allows rebase merging only (GitHub cannot sign the commits a rebase merge writes), so no pull request could merge; allow squash merging in the repository settings, or set signed-commits: false');
    // Merge commits are left, until a linear history forbids them too.
    repository.mergeMethods = { merge: true, squash: false, rebase: true };
    expect((await run({ repo: 'o/r', mode: 'apply', branches: [signed] })).status).toBe('pass');
    const both = await run({ repo: 'o/r', mode: 'apply', branches: [{ ...signed, 'linear-history': true }] });
    expect(both.findings.find((finding) => finding.rule === 'safety/lockout')?.message).toBe('o/r main: refusing this protection: linear history and signed commits would be required but the repository allows merge commits and rebase merging only (a linear history forbids merge commits; GitHub cannot sign the commits a rebase merge writes), so no pull request could merge; allow squash merging in the repository settings, or set linear-history: false or signed-commits: false');
    repository.mergeMethods = { merge: true, squash: true, rebase: true };
    expect((await run({ repo: 'o/r', mode: 'apply', branches: [{ ...signed, 'linear-history': true }] })).status).toBe('pass');
  });

  it('refuses a ruleset-only setting with the classic API, naming the fix', async () => {
    const report = await run({ repo: 'o/r', branches: [{ name: 'main', 'merge-queue': true }] });
    expect(report.status).toBe('error');
    expect(report.findings[0]!.message).toBe('branch-protection.branches: main sets merge-queue, which classic branch protection cannot hold; set api: rulesets or remove it');
  });
});

describe('errors that point the right way', () => {
  it('names the organisation and its authorisation URL when SAML SSO refuses the token', async () => {
    addRepository(fake, 'acme/api');
    fake.ssoOrganizations.add('acme');
    const report = await run({ repo: 'acme/api', branches: [MAIN_POLICY] });
    expect(report.status).toBe('error');
    expect(report.findings[0]).toMatchObject({ rule: 'access/sso', message: 'acme/api: the organisation acme enforces SAML single sign-on and the token is not authorised for it, so it may not read the protection of main; authorise the token for acme at https://github.com/orgs/acme/sso?authorization_request=AbC123' });
  });

  it('names the missing permission on a 404 for the protection of a repository the token can see', async () => {
    addRepository(fake, 'o/r');
    fake.hiddenProtectionTokens.add('github_pat_noadmin');
    const report = await run({ repo: 'o/r', branches: [MAIN_POLICY] }, { token: 'github_pat_noadmin' });
    expect(report.findings[0]).toMatchObject({ rule: 'access/forbidden', message: 'o/r: the token can see the repository but GitHub answered 404 Not Found to read the protection of main; the token lacks Administration: read on this repository' });
  });

  it('announces no backup when the write failed', async () => {
    addRepository(fake, 'o/r');
    fake.readOnlyTokens.add('ghp_reader');
    const report = await run({ repo: 'o/r', mode: 'apply', branches: [{ name: 'main', 'linear-history': true }] }, { token: 'ghp_reader' });
    expect(report.status).toBe('error');
    expect(report.findings.find((finding) => finding.rule === 'access/forbidden')?.message).toBe('o/r: the token may not write the protection of main (403 Resource not accessible by integration); it needs Administration: write on this repository');
    expect(rules(report)).not.toContain('backup/saved');
    expect(report.metrics['backed-up']).toBe(0);
  });
});

describe('mode: restore', () => {
  it('brings a classic branch back to the state before the apply, and can be undone in turn', async () => {
    const repository = addRepository(fake, 'o/r', ci());
    repository.protection.set('main', protect({ required_pull_request_reviews: { required_approving_review_count: 1, bypass_pull_request_allowances: { users: ['release-bot'], teams: ['core'], apps: [] } } }));
    const before = structuredClone(repository.protection.get('main'));
    const backupPath = path.join(tempDir(), 'backup.jsonl');
    const applied = await run({ repo: 'o/r', mode: 'apply', 'backup-path': backupPath, branches: [MAIN_POLICY] });
    expect(applied.status).toBe('pass');
    expect(repository.protection.get('main')).not.toEqual(before);
    // The fake keeps bypass allowances: the write carried them over.
    expect((repository.protection.get('main')!.required_pull_request_reviews as Record<string, unknown>).bypass_pull_request_allowances).toEqual((before!.required_pull_request_reviews as Record<string, unknown>).bypass_pull_request_allowances);

    const logs: string[] = [];
    const restored = await run({ mode: 'restore', 'backup-path': backupPath }, { logs });
    expect(restored.status).toBe('pass');
    expect(rules(restored)).toEqual(expect.arrayContaining(['backup/saved', 'restore/enforce-admins', 'restore/required-checks']));
    expect(logs.some((line) => line.startsWith('plan o/r: PUT /repos/o/r/branches/main/protection {'))).toBe(true);
    expect(repository.protection.get('main')).toEqual(before);

    // The restore saved what it replaced: restoring again re-applies the config's protection.
    const again = await run({ mode: 'restore', 'backup-path': backupPath });
    expect(again.status).toBe('pass');
    expect((repository.protection.get('main')!.enforce_admins as { enabled: boolean }).enabled).toBe(true);
  });

  it('deletes a ruleset the apply created, from a backup line that names its id', async () => {
    const repository = addRepository(fake, 'o/r', ci());
    const backupPath = path.join(tempDir(), 'backup.jsonl');
    await run({ repo: 'o/r', api: 'rulesets', mode: 'apply', 'backup-path': backupPath, branches: [MAIN_POLICY] });
    const [id] = [...repository.rulesets.keys()];
    const [entry] = readFileSync(backupPath, 'utf8').trim().split('\n').map((line) => JSON.parse(line));
    expect(entry.restore).toEqual([`DELETE /repos/o/r/rulesets/${id}`]);
    const restored = await run({ mode: 'restore', 'backup-path': backupPath });
    expect(restored.status).toBe('pass');
    expect(repository.rulesets.size).toBe(0);
  });

  it('refuses to restore a state that would lock the branch, and says when nothing needs restoring', async () => {
    const repository = addRepository(fake, 'o/r');
    const backupPath = path.join(tempDir(), 'backup.jsonl');
    const locked = protect({ enforce_admins: true, required_status_checks: { strict: false, checks: [{ context: 'retired-ci', app_id: null }] } });
    writeFileSync(backupPath, `${JSON.stringify({ savedAt: '2026-01-01T00:00:00.000Z', repository: 'o/r', branch: 'main', api: 'classic', previous: locked, restore: [`PUT /repos/o/r/branches/main/protection ${JSON.stringify({ required_status_checks: { strict: false, checks: [{ context: 'retired-ci' }] }, enforce_admins: true, required_pull_request_reviews: null, restrictions: null })}`] })}\n`);
    const refused = await run({ mode: 'restore', 'backup-path': backupPath });
    expect(refused.status).toBe('fail');
    expect(refused.findings.find((finding) => finding.rule === 'safety/lockout')?.message).toMatch(/^o\/r main: refusing this protection: required check retired-ci: /);
    expect(fake.requests.filter((request) => request.method !== 'GET')).toEqual([]);

    repository.protection.set('main', locked);
    const unchanged = await run({ mode: 'restore', 'backup-path': backupPath });
    expect(unchanged.findings.map((finding) => finding.message)).toEqual(['o/r main: already as saved at 2026-01-01T00:00:00.000Z; nothing to restore']);
  });

  it('names a backup file that is missing or holds something else', async () => {
    const missing = await run({ mode: 'restore', 'backup-path': path.join(tempDir(), 'none.jsonl') });
    expect(missing.status).toBe('error');
    expect(missing.findings[0]!.message).toMatch(/^mode: restore reads the backup file .*none\.jsonl, which does not exist; set backup-path to the file an apply wrote$/);
    const file = path.join(tempDir(), 'bad.jsonl');
    writeFileSync(file, `${JSON.stringify({ repository: 'o/r', branch: 'main', restore: ['DELETE /repos/o/r/rulesets/{ruleset_id}'] })}\n`);
    const placeholder = await run({ mode: 'restore', 'backup-path': file });
    expect(placeholder.findings[0]!.message).toBe(`${file}:1: a restore request is not \`METHOD /repos/… {body}\` or still holds a placeholder; fix the line or remove it`);
  });
});

describe('many repositories', () => {
  it('lists an org with filters, shards deterministically and goes on past a failing repository', async () => {
    for (const name of ['api', 'web', 'docs', 'api-legacy', 'tools']) addRepository(fake, `acme/${name}`, { topics: name === 'docs' ? [] : ['service'] });
    addRepository(fake, 'acme/archived', { archived: true, topics: ['service'] });
    fake.repositories.get('acme/web')!.freePlanPrivate = true;
    const all = await run({ org: 'acme', topic: 'service', 'name-filter': '^(?!tools)', branches: [{ name: 'main', 'linear-history': true }] });
    expect(all.status).toBe('error');
    expect(all.metrics).toMatchObject({ repositories: 3, drifted: 2, failed: 1 });
    expect(all.findings.map((finding) => finding.message.split(':')[0]).sort()).toEqual(['acme/api main', 'acme/api-legacy main', 'acme/web']);

    const first = await run({ org: 'acme', shard: '1/2', branches: [{ name: 'main', 'linear-history': true }] });
    const second = await run({ org: 'acme', shard: '2/2', branches: [{ name: 'main', 'linear-history': true }] });
    expect(first.metrics.repositories! + second.metrics.repositories!).toBe(5);
    const names = (report: GateReport) => report.findings.map((finding) => finding.message.split(/[ :]/)[0]);
    expect(names(first).filter((name) => names(second).includes(name))).toEqual([]);
  });

  it('retries through rate limits and secondary limits (retry-after) without losing a repository', async () => {
    for (let index = 0; index < 6; index += 1) addRepository(fake, `o/r${index}`);
    fake.queue.push(
      { status: 403, body: { message: 'You have exceeded a secondary rate limit.' }, headers: { 'retry-after': '1' } },
      { status: 403, body: { message: 'API rate limit exceeded' }, headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(Math.floor(Date.now() / 1000)) } },
      { status: 502, body: { message: 'Bad gateway' } },
    );
    const logs: string[] = [];
    const report = await run({ repositories: [0, 1, 2, 3, 4, 5].map((index) => `o/r${index}`), concurrency: 3, branches: [{ name: 'main', 'linear-history': true }] }, { logs });
    expect(report.metrics).toMatchObject({ repositories: 6, drifted: 6, failed: 0 });
    expect(report.metrics.requests).toBe(6 * 2 + 3);
    expect(logs.some((line) => line.startsWith('secondary rate limit for GET'))).toBe(true);
    expect(logs.some((line) => line.startsWith('rate limit reached for GET'))).toBe(true);
  });

  it('says when an organisation cannot be listed, or nothing in it matches', async () => {
    const missing = await run({ org: 'nobody', branches: [MAIN_POLICY] });
    expect(missing.status).toBe('error');
    expect(missing.findings[0]!.message).toBe('organisation nobody does not exist or the token cannot see it (404 Not Found); check the org setting and that the token belongs to it');
    addRepository(fake, 'acme/api');
    const filtered = await run({ org: 'acme', topic: 'nope', branches: [MAIN_POLICY] });
    expect(filtered.findings[0]!.message).toBe('org acme has no repository matching the name-filter and topic; loosen the filters');
    // A repository listed beside the org does not hide the filter that matched nothing.
    const beside = await run({ org: 'acme', topic: 'nope', repo: 'acme/api', branches: [MAIN_POLICY] });
    expect(beside.status).toBe('error');
    expect(beside.findings[0]!.message).toBe('org acme has no repository matching the name-filter and topic; loosen the filters');
  });

  it('refuses a shard that gets no repository instead of passing over nothing', async () => {
    addRepository(fake, 'o/a');
    addRepository(fake, 'o/b');
    const report = await run({ repositories: ['o/a', 'o/b'], shard: '3/3', branches: [MAIN_POLICY] });
    expect(report.status).toBe('error');
    expect(report.findings[0]!.message).toBe('shard 3/3 gets none of the 2 repositories, so it would check nothing; use at most 2 shards');
  });

  it('refuses auto for a run over several repositories', async () => {
    const report = await run({ repositories: ['o/a', 'o/b'], branches: [{ name: 'main', 'required-checks': 'auto' }] });
    expect(report.status).toBe('error');
    expect(report.findings[0]!.message).toContain('required-checks: auto (branch main) reads the workflows of the checkout, so it serves one repository only');
  });
});

describe('required-checks: auto', () => {
  it('refuses auto when the workflows yield no check, instead of requiring none', async () => {
    const cwd = tempDir({ '.github/workflows/ci.yml': 'on: push\njobs:\n  lint:\n    runs-on: ubuntu-latest\n    steps: [{run: "true"}]\n' });
    addRepository(fake, 'o/r');
    const report = await run({ repo: 'o/r', branches: [{ name: 'main', 'required-checks': 'auto' }] }, { cwd });
    expect(report.status).toBe('error');
    expect(report.findings[0]!.message).toMatch(/^required-checks: auto \(branch main\) derived no check from the workflows in \.github\/workflows/);
  });

  it('requires the checks every pull request gets, and lists the others under "not required" with the reason', async () => {
    const cwd = path.resolve('test/fixtures/branch-protection/workflows');
    addRepository(fake, 'o/r', { branches: new Set(['main', 'dev']) });
    // The reusable workflow of another repository is read through the API with the same token.
    addRepository(fake, 'acme/workflows', { files: new Map([['.github/workflows/scan.yml', 'on: workflow_call\njobs:\n  sast:\n    name: SAST\n    runs-on: ubuntu-latest\n    steps: [{run: "true"}]\n  upload:\n    if: github.event_name == \'push\'\n    runs-on: ubuntu-latest\n    steps: [{run: "true"}]\n']]) });
    const report = await run({ repo: 'o/r', mode: 'apply', branches: [{ name: 'main', 'required-checks': 'auto' }, { name: 'dev', 'linear-history': true }] }, { cwd });
    expect(report.status).toBe('pass');
    const put = fake.requests.find((request) => request.method === 'PUT' && request.path.endsWith('/main/protection'))!.body!;
    expect((put.required_status_checks as { checks: Array<{ context: string }> }).checks.map((check) => check.context)).toEqual([
      'Shared / Typecheck', 'Shared / unit (1)', 'Shared / unit (2)', 'security / SAST', 'lint', 'Build',
      'test (ubuntu-latest, 20)', 'test (ubuntu-latest, 22)', 'test (windows-latest, 22)', 'test (macos-latest, 22)', 'e2e chrome', 'e2e firefox',
    ]);
    expect(fake.requests.some((request) => request.path === '/repos/acme/workflows/contents/.github%2Fworkflows%2Fscan.yml?ref=v1')).toBe(true);
    expect(report.findings.filter((finding) => finding.rule === 'checks/not-required').map((finding) => [finding.file, finding.level, finding.message])).toEqual([
      ['.github/workflows/checks.yml', 'notice', "branch main: auto does not require security / upload: its job condition `if: github.event_name == 'push'` is false on pull_request"],
      ['.github/workflows/ci.yml', 'notice', 'branch main: auto does not require the checks of job shards: its matrix is computed at run time'],
    ]);
  });

  it('leaves out the checks of a reusable workflow the token cannot read, saying why', async () => {
    const cwd = path.resolve('test/fixtures/branch-protection/workflows');
    addRepository(fake, 'o/r');
    const report = await run({ repo: 'o/r', mode: 'plan', branches: [{ name: 'main', 'required-checks': 'auto' }] }, { cwd });
    expect(report.findings.find((finding) => finding.message.includes('job security'))?.message).toMatch(/^branch main: auto does not require the checks of job security: it calls acme\/workflows\/\.github\/workflows\/scan\.yml@v1, which could not be read \(acme\/workflows: the repository does not exist or the token cannot see it/);
  });
});
