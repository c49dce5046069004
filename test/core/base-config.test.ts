import { spawnSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { loadEffectiveConfig } from '../../src/core/base-config.js';
import { commitFiles, fakeTokens, gitRepo, runGit, WASM_GITLEAKS } from '../secret-scan/helpers.js';
import { tempDir } from '../helpers/temp.js';

// A pull request is judged by its base commit's config: real repositories, a real clone, and the
// event payload file the runner writes.

const CONFIG = '.github/readiness-gates.yml';
const SOURCE = 'export const add = (a, b) => a + b;\n';
const REAL_TEST = "import { expect, it } from 'vitest';\nimport { add } from '../src/add';\nit('adds', () => {\n  expect(add(1, 2)).toBe(3);\n});\n";
const PACKAGE = JSON.stringify({ name: 'app', scripts: { test: 'vitest run' }, devDependencies: { vitest: '^4.0.0' } });

interface PullRequest {
  /** The checkout the action sees: a shallow clone of the pull request's head. */
  clone: string;
  env: NodeJS.ProcessEnv;
  base: string;
  head: string;
}

/** An origin with `base` on main and `head` on a branch, cloned at depth 1 as actions/checkout does. */
function pullRequest(baseFiles: Record<string, string>, headFiles: Record<string, string>, amendBase?: (origin: string) => void): PullRequest {
  const origin = gitRepo(baseFiles);
  if (amendBase) {
    amendBase(origin);
    runGit(origin, 'add', '-A');
    runGit(origin, 'commit', '-q', '--amend', '--no-edit');
  }
  const base = runGit(origin, 'rev-parse', 'HEAD').trim();
  runGit(origin, 'checkout', '-q', '-b', 'feature');
  const head = commitFiles(origin, headFiles, 'the pull request');
  runGit(origin, 'checkout', '-q', 'main');
  const clone = path.join(tempDir(), 'clone');
  runGit(path.dirname(clone), 'clone', '-q', '--depth', '1', '--branch', 'feature', `file://${origin}`, clone);
  const payload = path.join(tempDir(), 'event.json');
  writeFileSync(payload, JSON.stringify({ action: 'synchronize', number: 7, pull_request: { number: 7, base: { ref: 'main', sha: base }, head: { ref: 'feature', sha: head } } }));
  return { clone, base, head, env: { GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: payload } };
}

async function cli(argv: string[], pr: PullRequest) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), env: pr.env, cwd: pr.clone });
  return { code, stdout, stderr };
}

describe('a pull request cannot weaken its own gates', () => {
  it('still fails a secret it adds together with `allow: [{path: "**"}]`, naming the loosening', { timeout: 120_000 }, async () => {
    const token = fakeTokens().github;
    const pr = pullRequest(
      { [CONFIG]: 'secret-scan:\n  scope: auto\n', 'README.md': 'hello\n' },
      { [CONFIG]: 'secret-scan:\n  scope: auto\n  allow:\n    - path: "**"\n      reason: fine\n', 'src/settings.js': `export const token = "${token}";\n` },
    );
    // the clone is shallow: the base commit is fetched from origin
    expect(spawnSync('git', ['cat-file', '-e', pr.base], { cwd: pr.clone }).status).not.toBe(0);
    const result = await cli(['secret-scan', '--format', 'json', '--gitleaks-path', WASM_GITLEAKS], pr);
    expect(result.stderr).not.toContain(token);
    const report = JSON.parse(result.stdout);
    expect(result.code).toBe(1);
    expect(report.status).toBe('fail');
    const rules = report.findings.map((finding: { rule: string }) => finding.rule);
    expect(rules).toContain('github-pat');
    const loosened = report.findings.find((finding: { rule: string }) => finding.rule === 'config/loosened');
    // on the line of the new exception, where the pull request's diff shows it
    expect(loosened).toMatchObject({ level: 'error', file: CONFIG, line: 4 });
    expect(loosened.message).toBe("This pull request loosens secret-scan.allow[0] (exception added (path, reason)); the base branch's config judges it, and the looser setting applies once merged.");
    expect(spawnSync('git', ['cat-file', '-e', pr.base], { cwd: pr.clone }).status).toBe(0);
    expect(result.stderr).toContain(`Config: ${CONFIG} at the base commit ${pr.base.slice(0, 12)} (pull request event); the pull request changes 1 setting(s), 1 of them loosening a gate`);
  });

  it('still fails a secret it adds together with its fingerprint in .gitleaksignore, which the gate reads from the checkout', { timeout: 120_000 }, async () => {
    const token = fakeTokens().github;
    const pr = pullRequest(
      { [CONFIG]: 'secret-scan:\n  scope: auto\n', '.gitleaksignore': '# accepted findings\n' },
      { 'src/settings.js': `export const token = "${token}";\n`, '.gitleaksignore': '# accepted findings\nsrc/settings.js:github-pat:1\n' },
    );
    const result = await cli(['secret-scan', '--format', 'json', '--gitleaks-path', WASM_GITLEAKS], pr);
    const report = JSON.parse(result.stdout);
    expect(result.code).toBe(1);
    // The notice that the WebAssembly gitleaks given in gitleaks-path ran unverified is beside the point here.
    expect(report.findings.filter((finding: { rule: string }) => finding.rule !== 'gitleaks/explicit-path')).toEqual([
      {
        rule: 'config/loosened',
        level: 'error',
        file: '.gitleaksignore',
        message: 'This pull request loosens secret-scan: `.gitleaksignore` changes (+1 −0 lines); the gate reads it from the checkout, so it applies to this run already.',
        help: expect.stringContaining('CODEOWNERS'),
      },
    ]);
    expect(report.metrics.leaks).toBe(0);
  });

  it('judges by the base settings, keeps explicit flags in force, and lists the change in the summary', { timeout: 60_000 }, async () => {
    const files = { 'package.json': PACKAGE, 'src/add.js': SOURCE, 'test/add.test.js': REAL_TEST };
    const pr = pullRequest({ ...files, [CONFIG]: 'test-existence:\n  min-tests: 3\n' }, { [CONFIG]: 'test-existence:\n  min-tests: 1\n' });
    const judged = JSON.parse((await cli(['test-existence', '--format', 'json'], pr)).stdout);
    const rules = judged.findings.map((finding: { rule: string }) => finding.rule);
    // one real test is below the base's three; the pull request's own 1 does not count yet
    expect(rules).toContain('tests/none');
    expect(rules).toContain('config/loosened');
    const flagged = JSON.parse((await cli(['test-existence', '--format', 'json', '--min-tests', '1'], pr)).stdout);
    expect(flagged.findings.map((finding: { rule: string }) => finding.rule)).toEqual(['config/loosened']);
    const markdown = (await cli(['test-existence', '--format', 'markdown', '--min-tests', '1'], pr)).stdout;
    expect(markdown).toContain('#### Config changes in this pull request');
    expect(markdown).toContain('| `test-existence.min-tests` | `min-tests` 3 → 1 | 🔴 loosens |');
  });

  it('lets a pull request tighten a gate without a finding', { timeout: 60_000 }, async () => {
    const files = { 'package.json': PACKAGE, 'src/add.js': SOURCE, 'test/add.test.js': REAL_TEST };
    const pr = pullRequest({ ...files, [CONFIG]: 'test-existence:\n  min-tests: 1\n' }, { [CONFIG]: 'test-existence:\n  min-tests: 1\n  levels:\n    test/skipped: error\n' });
    const result = await cli(['test-existence', '--format', 'json'], pr);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).findings).toEqual([]);
    const loaded = await loadEffectiveConfig(pr.clone, undefined, pr.env);
    expect(loaded.config).toEqual({ 'test-existence': { 'min-tests': 1 } });
    expect(loaded.changes).toEqual([{ gate: 'test-existence', key: 'levels.test/skipped', description: '`levels.test/skipped` unset → error', effect: 'tightens', file: CONFIG, line: 4 }]);
  });

  it('names a removed section and a config added where the base had none', async () => {
    const removed = pullRequest({ [CONFIG]: 'audit:\n  fail-on: high\ntest-existence: {}\n' }, { [CONFIG]: 'test-existence: {}\n' });
    expect((await loadEffectiveConfig(removed.clone, undefined, removed.env)).changes).toEqual([
      { gate: 'audit', key: '', description: 'the config has no section for the gate any more, so `all` no longer runs it', effect: 'loosens', file: CONFIG },
    ]);
    const added = pullRequest({ 'README.md': 'x\n' }, { [CONFIG]: 'audit:\n  fail-on: critical\n' });
    const loaded = await loadEffectiveConfig(added.clone, undefined, added.env);
    expect(loaded.config).toEqual({});
    expect(loaded.changes.map((change) => [change.gate, change.effect])).toEqual([
      ['secret-scan', 'loosens'],
      ['audit', 'loosens'],
      ['test-existence', 'loosens'],
      ['hygiene', 'loosens'],
    ]);
  });

  it('fails with the fix when the base commit cannot be had', async () => {
    const pr = pullRequest({ [CONFIG]: 'audit: {}\n' }, { 'x.txt': 'x\n' });
    runGit(pr.clone, 'remote', 'remove', 'origin');
    const result = await cli(['audit'], pr);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(new RegExp(`^readiness-gates: the base commit ${pr.base.slice(0, 12)} of the pull request is not in the clone and could not be fetched from origin \\(.*\\); check out with actions/checkout and fetch-depth: 0, or give the job contents: read\\n$`));
  });

  it('refuses a payload without a base commit and a checkout that is not a repository', async () => {
    const dir = tempDir({ 'event.json': '{"pull_request": {"number": 1}}' });
    const env = { GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: path.join(dir, 'event.json') };
    await expect(loadEffectiveConfig(dir, undefined, env)).rejects.toThrow('the pull_request event payload has no base commit at pull_request.base.sha');
    writeFileSync(path.join(dir, 'event.json'), JSON.stringify({ pull_request: { base: { sha: 'a'.repeat(40) } } }));
    await expect(loadEffectiveConfig(dir, undefined, env)).rejects.toThrow(/is not a git work tree; check out the repository first/);
  });

  it('refuses a base commit that holds the config as a symbolic link', async () => {
    const pr = pullRequest({ 'real.yml': 'audit: {}\n' }, { 'y.txt': 'y\n' }, (origin) => {
      mkdirSync(path.join(origin, '.github'));
      symlinkSync('../real.yml', path.join(origin, CONFIG));
    });
    await expect(loadEffectiveConfig(pr.clone, undefined, pr.env)).rejects.toThrow(`config file ${CONFIG} at the base commit ${pr.base.slice(0, 12)} is a symbolic link; the base branch must hold the YAML file itself`);
  });
});
