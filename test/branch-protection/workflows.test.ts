import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { matchesBranchPattern } from '../../src/branch-protection/branches.js';
import { expandMatrix } from '../../src/branch-protection/matrix.js';
import { deriveRequiredChecks, whyNotAlways, type WorkflowChecks } from '../../src/branch-protection/workflows.js';
import { tempDir } from '../helpers/temp.js';

const FIXTURE = path.resolve('test/fixtures/branch-protection/workflows');

/** A checkout holding one workflow per entry, each under .github/workflows. */
function checkout(workflows: Record<string, string>): string {
  return tempDir(Object.fromEntries(Object.entries(workflows).map(([name, text]) => [`.github/workflows/${name}`, text])));
}

function names(derived: WorkflowChecks): string[] {
  return derived.checks.map((check) => check.name);
}

function reasons(derived: WorkflowChecks): Array<[string, string]> {
  return derived.notRequired.map((job) => [job.job, job.reason]);
}

const STEPS = '    runs-on: ubuntu-latest\n    steps: [{run: "true"}]\n';

describe('deriveRequiredChecks: names as GitHub gives them', () => {
  it('names checks as GitHub does: job name or id, matrix values, matrix expressions, caller / callee', () => {
    const derived = deriveRequiredChecks(FIXTURE, 'main');
    expect(derived.found).toBe(true);
    expect(names(derived)).toEqual([
      'Shared / Typecheck',
      'Shared / unit (1)',
      'Shared / unit (2)',
      'lint',
      'Build',
      'test (ubuntu-latest, 20)',
      'test (ubuntu-latest, 22)',
      'test (windows-latest, 22)',
      'test (macos-latest, 22)',
      'e2e chrome',
      'e2e firefox',
    ]);
    expect(derived.checks.find((check) => check.name === 'lint')?.file).toBe('.github/workflows/ci.yml');
    expect(reasons(derived)).toEqual([
      ['security', 'it calls acme/workflows/.github/workflows/scan.yml@v1, a workflow outside this repository, whose jobs are not read'],
      ['shards', 'its matrix is computed at run time'],
    ]);
  });

  it('creates only the entries of an include-only matrix, never the bare job name', () => {
    const cwd = checkout({ 'e2e.yml': `on: pull_request\njobs:\n  e2e:\n    strategy:\n      matrix:\n        include: [{browser: chrome}, {browser: firefox, headless: true}]\n${STEPS}` });
    expect(names(deriveRequiredChecks(cwd, 'main'))).toEqual(['e2e (chrome)', 'e2e (firefox, true)']);
  });

  it('adds an include that extends a combination to it, and one that matches none as its own', () => {
    const cwd = checkout({
      'ci.yml': `on: pull_request\njobs:\n  test:\n    strategy:\n      matrix:\n        os: [ubuntu, windows]\n        node: [20]\n        include:\n          - {os: windows, experimental: true}\n          - {os: windows, experimental: false, shell: pwsh}\n          - {os: macos, node: 22}\n${STEPS}`,
    });
    // The second include overwrites a value the first one added (allowed) and adds a key; the
    // third contradicts every original os, so it is a combination of its own.
    expect(names(deriveRequiredChecks(cwd, 'main'))).toEqual(['test (ubuntu, 20)', 'test (windows, 20, false, pwsh)', 'test (macos, 22)']);
  });

  it('removes what exclude names, and fills matrix expressions in the name without the suffix', () => {
    const cwd = checkout({
      'ci.yml': `on: pull_request\njobs:\n  unit:\n    name: Node \${{ matrix.node }} on \${{ matrix.os }}\n    strategy:\n      matrix:\n        node: [18, 20]\n        os: [linux, mac]\n        exclude: [{node: 18, os: mac}]\n${STEPS}`,
    });
    expect(names(deriveRequiredChecks(cwd, 'main'))).toEqual(['Node 18 on linux', 'Node 20 on linux', 'Node 20 on mac']);
  });

  it('leaves a name with another expression, a missing matrix key, a computed matrix key and mapping values out, with a pattern of what they may produce', () => {
    const cwd = checkout({
      'ci.yml': [
        'on: pull_request',
        'jobs:',
        '  docs:',
        '    name: Docs ${{ matrix.theme }}',
        STEPS,
        '  build:',
        '    name: Build ${{ inputs.target }}',
        STEPS,
        '  test:',
        '    strategy:',
        '      matrix:',
        '        node: ${{ fromJSON(needs.plan.outputs.versions) }}',
        STEPS,
        '  cfg:',
        '    strategy:',
        '      matrix:',
        '        config: [{os: linux}]',
        STEPS,
      ].join('\n'),
    });
    const derived = deriveRequiredChecks(cwd, 'main');
    expect(names(derived)).toEqual([]);
    expect(reasons(derived).map(([job]) => job)).toEqual(['docs', 'build', 'test', 'cfg']);
    expect(whyNotAlways(derived.notRequired, 'Build x86')?.job).toBe('build');
    expect(whyNotAlways(derived.notRequired, 'test (22)')?.job).toBe('test');
    expect(whyNotAlways(derived.notRequired, 'lint')).toBeUndefined();
  });

  it('names local reusable workflows caller / callee, with the caller matrix, and leaves remote ones out', () => {
    const cwd = checkout({
      'ci.yml': 'on: pull_request\njobs:\n  call:\n    strategy:\n      matrix:\n        node: [20, 22]\n    uses: ./.github/workflows/test.yml\n  remote:\n    name: Scan\n    uses: acme/ci/.github/workflows/scan.yml@v2\n',
      'test.yml': `on: workflow_call\njobs:\n  unit:\n    name: Unit\n${STEPS}`,
    });
    const derived = deriveRequiredChecks(cwd, 'main');
    expect(names(derived)).toEqual(['call (20) / Unit', 'call (22) / Unit']);
    expect(reasons(derived)).toEqual([['remote', 'it calls acme/ci/.github/workflows/scan.yml@v2, a workflow outside this repository, whose jobs are not read']]);
    expect(whyNotAlways(derived.notRequired, 'Scan / sast')?.job).toBe('remote');
  });
});

describe('deriveRequiredChecks: checks that run on some pull requests only', () => {
  it('leaves out workflows filtered by paths, paths-ignore and types, saying why', () => {
    const cwd = checkout({
      'docs.yml': `on:\n  pull_request:\n    paths: ['docs/**']\njobs:\n  docs:\n${STEPS}`,
      'code.yml': `on:\n  pull_request:\n    paths-ignore: ['**.md']\njobs:\n  code:\n${STEPS}`,
      'label.yml': `on:\n  pull_request:\n    types: [opened, labeled]\njobs:\n  label:\n${STEPS}`,
      'every.yml': `on:\n  pull_request:\n    types: [opened, synchronize, reopened, ready_for_review]\njobs:\n  every:\n${STEPS}`,
    });
    const derived = deriveRequiredChecks(cwd, 'main');
    expect(names(derived)).toEqual(['every']);
    expect(reasons(derived)).toEqual([
      ['code', 'it is skipped when a pull request changes only files matching paths-ignore: **.md'],
      ['docs', 'it runs only when a pull request changes files matching paths: docs/**'],
      ['label', 'it runs only on pull request activity types opened, labeled, not on every push to a pull request'],
    ]);
  });

  it('counts a workflow as always there when its pull_request trigger has no filter, never through pull_request_target', () => {
    const cwd = checkout({
      'ci.yml': `on:\n  pull_request:\n  pull_request_target:\n    paths: [src/**]\njobs:\n  lint:\n${STEPS}`,
      'target.yml': `on: [pull_request_target]\njobs:\n  label:\n${STEPS}`,
    });
    const derived = deriveRequiredChecks(cwd, 'main');
    expect(names(derived)).toEqual(['lint']);
    expect(derived.notRequired).toMatchObject([{ job: 'label', never: true, reason: "it runs on pull_request_target, whose checks GitHub reports on the base branch's commit, never on the pull request's head" }]);
  });

  it('applies branches and branches-ignore to an exact branch, and calls them conditional for a pattern', () => {
    const cwd = checkout({
      'release.yml': `on:\n  pull_request:\n    branches: ['release/**', '!release/old']\njobs:\n  notes:\n${STEPS}`,
      'ci.yml': `on:\n  pull_request:\n    branches-ignore: [main]\njobs:\n  side:\n${STEPS}`,
    });
    expect(names(deriveRequiredChecks(cwd, 'release/1.0'))).toEqual(['side', 'notes']);
    expect(names(deriveRequiredChecks(cwd, 'release/old'))).toEqual(['side']);
    const main = deriveRequiredChecks(cwd, 'main');
    expect(names(main)).toEqual([]);
    // Never run for main at all: not "sometimes", so requiring it stays a lock-out.
    expect(main.notRequired).toEqual([]);
    expect(reasons(deriveRequiredChecks(cwd, 'release/*'))).toEqual([
      ['side', 'its pull_request trigger filters base branches (branches-ignore), and release/* stands for several'],
      ['notes', 'its pull_request trigger filters base branches (branches), and release/* stands for several'],
    ]);
  });

  it('leaves out a job its if: may skip and the jobs that need it, unless they run always()', () => {
    const cwd = checkout({
      'ci.yml': [
        'on: pull_request',
        'jobs:',
        '  lint:',
        STEPS,
        '  deploy-preview:',
        "    if: github.event.pull_request.head.repo.full_name == github.repository",
        STEPS,
        '  smoke:',
        '    needs: [lint, deploy-preview]',
        STEPS,
        '  report:',
        '    needs: deploy-preview',
        '    if: ${{ always() }}',
        STEPS,
        '  gate:',
        '    needs: lint',
        '    if: success()',
        STEPS,
      ].join('\n'),
    });
    const derived = deriveRequiredChecks(cwd, 'main');
    expect(names(derived)).toEqual(['lint', 'report', 'gate']);
    expect(reasons(derived)).toEqual([
      ['deploy-preview', 'its job condition `if: github.event.pull_request.head.repo.full_name == github.repository` may skip it'],
      ['smoke', 'it needs job deploy-preview, which may be skipped'],
    ]);
  });

  it('evaluates github.event_name conditions against the events that start the workflow', () => {
    const cwd = checkout({
      'ci.yml': [
        'on: [push, pull_request]',
        'jobs:',
        '  typecheck:',
        "    if: github.event_name == 'pull_request'",
        STEPS,
        '  publish:',
        "    if: ${{ github.event_name == 'push' }}",
        STEPS,
        '  not-push:',
        "    if: github.event_name != 'push'",
        STEPS,
      ].join('\n'),
      'both.yml': `on: [pull_request, pull_request_target]\njobs:\n  either:\n    if: github.event_name == 'pull_request'\n${STEPS}`,
    });
    const derived = deriveRequiredChecks(cwd, 'main');
    expect(names(derived)).toEqual(['typecheck', 'not-push']);
    expect(reasons(derived)).toEqual([
      ['either', "its job condition `if: github.event_name == 'pull_request'` may skip it"],
      ['publish', "its job condition `if: ${{ github.event_name == 'push' }}` is false on pull_request"],
    ]);
  });

  it('carries a caller condition to its callee checks', () => {
    const cwd = checkout({
      'ci.yml': "on: pull_request\njobs:\n  call:\n    if: contains(github.event.pull_request.labels.*.name, 'e2e')\n    uses: ./.github/workflows/e2e.yml\n",
      'e2e.yml': `on: workflow_call\njobs:\n  run:\n${STEPS}`,
    });
    const derived = deriveRequiredChecks(cwd, 'main');
    expect(names(derived)).toEqual([]);
    expect(derived.notRequired).toMatchObject([{ job: 'call / run', names: ['call / run'], reason: expect.stringContaining('its job condition') }]);
  });

  it('derives what runs in a merge queue from merge_group triggers', () => {
    const cwd = checkout({
      'ci.yml': `on: [pull_request, merge_group]\njobs:\n  test:\n${STEPS}`,
      'lint.yml': `on: pull_request\njobs:\n  lint:\n${STEPS}`,
    });
    expect(names(deriveRequiredChecks(cwd, 'main', 'merge_group'))).toEqual(['test']);
    expect(names(deriveRequiredChecks(cwd, 'main'))).toEqual(['test', 'lint']);
  });

  it('says when there are no workflows, and names a broken one', () => {
    expect(deriveRequiredChecks(tempDir(), 'main')).toEqual({ checks: [], notRequired: [], environments: [], found: false });
    const broken = tempDir({ '.github/workflows/bad.yml': 'on: [pull_request\n' });
    expect(() => deriveRequiredChecks(broken, 'main')).toThrow(/^\.github\/workflows\/bad\.yml: cannot derive required checks, the workflow is not valid YAML/);
  });
});

describe('expandMatrix', () => {
  it('extends combinations with include keys it does not contradict and adds the rest', () => {
    const expansion = expandMatrix({ fruit: ['apple', 'pear'], animal: ['cat'], include: [{ color: 'green' }, { fruit: 'apple', shape: 'circle' }, { fruit: 'banana' }] });
    expect(expansion).toEqual({
      combinations: [
        [['fruit', 'apple'], ['animal', 'cat'], ['color', 'green'], ['shape', 'circle']],
        [['fruit', 'pear'], ['animal', 'cat'], ['color', 'green']],
        [['fruit', 'banana']],
      ],
    });
    expect(expandMatrix('${{ fromJSON(x) }}')).toEqual({ unknown: 'its matrix is computed at run time' });
    expect(expandMatrix({ include: '${{ fromJSON(x) }}' })).toEqual({ unknown: 'its matrix include is computed at run time' });
    expect(expandMatrix(undefined)).toEqual({ combinations: [[]] });
    expect(expandMatrix({ include: [{ a: 1 }] })).toEqual({ combinations: [[['a', 1]]] });
  });
});

describe('matchesBranchPattern', () => {
  it.each([
    ['release/*', 'release/1.0', true],
    ['release/*', 'release/1.0/hotfix', false],
    ['release/**', 'release/1.0/hotfix', true],
    ['v[0-9]*', 'v2-beta', true],
    ['main', 'main2', false],
    ['feature.?', 'feature.x', true],
  ])('%s against %s is %s', (pattern, branch, expected) => {
    expect(matchesBranchPattern(pattern, branch)).toBe(expected);
  });
});
