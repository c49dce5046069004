import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runSourceAction } from '../helpers/action-runner.js';
import { commitFiles, gitRepo, runGit } from '../secret-scan/helpers.js';
import { tempDir } from '../helpers/temp.js';

const PACKAGE = JSON.stringify({ name: 'calc', version: '1.0.0', scripts: { test: 'vitest run' } });
const TAUTOLOGY = "import { expect, it } from 'vitest';\n\nit('works', () => {\n  expect(true).toBe(true);\n});\n";

/** A package whose `count` test files each only assert a constant: one error finding each. */
function noisyProject(count: number): Record<string, string> {
  const files: Record<string, string> = { 'package.json': PACKAGE, 'src/add.js': 'export const add = (a, b) => a + b;\n' };
  for (let index = 0; index < count; index += 1) files[`test/case-${String(index).padStart(2, '0')}.test.js`] = TAUTOLOGY;
  return files;
}

describe('the action adapter at scale', () => {
  it('emits at most 10 error annotations (the failure message included), says how many more and where, and leads the summary with the verdict', { timeout: 120_000 }, () => {
    const run = runSourceAction('test-existence', { workspace: tempDir(noisyProject(25)) });
    expect(run.exitCode).toBe(1);
    const errors = run.stdout.split('\n').filter((line) => line.startsWith('::error '));
    expect(errors).toHaveLength(9);
    expect(run.stdout).toMatch(/^::error::test-existence: 26 finding\(s\) at error level$/m);
    // findings on a line of a file come first: the tests/none finding on package.json is left out
    expect(errors.every((line) => /file=test\/case-\d+\.test\.js,line=3/.test(line))).toBe(true);
    expect(run.stdout).toMatch(/^::notice title=readiness-gates%3A more findings::…and 17 errors more than GitHub shows as annotations on one step; every finding is in the job summary and the SARIF report \(.*test-existence\.sarif\)\.$/m);
    const report = JSON.parse(readFileSync(run.outputs['report-path']!, 'utf8')) as { findings: unknown[] };
    expect(report.findings).toHaveLength(26);
    expect(run.summary.split('\n')[0]).toBe('### ❌ test-existence: fail — 26 errors');
    expect(run.summary).toContain('<details><summary>16 more findings</summary>');
    expect(run.summary).toContain('[`test/case-00.test.js:3:1`](https://github.com/octo-org/octo-repo/blob/0123456789abcdef0123456789abcdef01234567/test/case-00.test.js#L3)');
  });

  it('on a pull request, judges by the base config and lists what the pull request changes', { timeout: 120_000 }, () => {
    const workspace = gitRepo({ ...noisyProject(1), '.github/readiness-gates.yml': 'test-existence:\n  levels:\n    test/tautology: error\n' });
    const base = runGit(workspace, 'rev-parse', 'HEAD').trim();
    const head = commitFiles(workspace, { '.github/readiness-gates.yml': 'test-existence:\n  levels:\n    test/tautology: off\n' });
    const run = runSourceAction('test-existence', {
      workspace,
      eventName: 'pull_request',
      event: { number: 3, pull_request: { number: 3, base: { sha: base, ref: 'main' }, head: { sha: head, ref: 'feature' } } },
    });
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toContain(`Config: .github/readiness-gates.yml at the base commit ${base.slice(0, 12)} (pull request event)`);
    // the loosening leads the annotations, on its line of the pull request's config file
    expect(run.stdout.split('\n').find((line) => line.startsWith('::error '))).toMatch(/config\/loosened/);
    // the tautology is still an error: the pull request's `off` applies once merged
    expect(run.stdout).toMatch(/^::error title=test-existence%3A test\/tautology,file=test\/case-00\.test\.js/m);
    expect(run.stdout).toMatch(/^::error title=test-existence%3A config\/loosened,file=\.github\/readiness-gates\.yml,line=3,endLine=3::This pull request loosens test-existence\.levels\.test\/tautology/m);
    expect(run.summary).toContain('| `test-existence.levels.test/tautology` | `levels.test/tautology` error → off | 🔴 loosens |');
  });

  it('folds each gate\'s log into a group when the gates run together', { timeout: 120_000 }, () => {
    const run = runSourceAction('all', { workspace: tempDir({ ...noisyProject(1), '.github/readiness-gates.yml': 'test-existence: {}\n' }) });
    expect(run.stdout).toMatch(/^::group::test-existence: fail in \d+\.\d s\ntest-existence: 1 tests in 1 test files of 1 package\(s\), 0 real\n::endgroup::$/m);
  });
});
