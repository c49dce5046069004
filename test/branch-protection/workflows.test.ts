import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { matchesBranchPattern } from '../../src/branch-protection/branches.js';
import { deriveRequiredChecks, expandMatrix } from '../../src/branch-protection/workflows.js';
import { tempDir } from '../helpers/temp.js';

const FIXTURE = path.resolve('test/fixtures/branch-protection/workflows');

describe('deriveRequiredChecks', () => {
  it('names checks as GitHub does: job name or id, matrix values, matrix expressions, caller / callee', () => {
    const derived = deriveRequiredChecks(FIXTURE, 'main');
    expect(derived.found).toBe(true);
    expect(derived.checks.map((check) => check.name)).toEqual([
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
    expect(derived.unresolved).toEqual([
      { file: '.github/workflows/checks.yml', job: 'security', reason: 'it calls acme/workflows/.github/workflows/scan.yml@v1, a workflow outside this repository' },
      { file: '.github/workflows/ci.yml', job: 'shards', reason: 'its matrix is computed at run time' },
    ]);
  });

  it('applies the pull_request branch filters to the protected branch', () => {
    const release = deriveRequiredChecks(FIXTURE, 'release/1.0').checks.map((check) => check.name);
    expect(release).toContain('release-notes');
    expect(deriveRequiredChecks(FIXTURE, 'release/old').checks.map((check) => check.name)).not.toContain('release-notes');
    expect(deriveRequiredChecks(FIXTURE, 'main').checks.map((check) => check.name)).not.toContain('release-notes');
  });

  it('says when there are no workflows, and names a broken one', () => {
    expect(deriveRequiredChecks(tempDir(), 'main')).toEqual({ checks: [], unresolved: [], found: false });
    const broken = tempDir({ '.github/workflows/bad.yml': 'on: [pull_request\n' });
    expect(() => deriveRequiredChecks(broken, 'main')).toThrow(/^\.github\/workflows\/bad\.yml: cannot derive required checks, the workflow is not valid YAML/);
  });
});

describe('expandMatrix', () => {
  it('extends combinations with include keys it does not contradict and adds the rest', () => {
    const combinations = expandMatrix({ fruit: ['apple', 'pear'], animal: ['cat'], include: [{ color: 'green' }, { fruit: 'apple', shape: 'circle' }, { fruit: 'banana' }] });
    expect(combinations).toEqual([
      [['fruit', 'apple'], ['animal', 'cat'], ['color', 'green'], ['shape', 'circle']],
      [['fruit', 'pear'], ['animal', 'cat'], ['color', 'green']],
      [['fruit', 'banana']],
    ]);
    expect(expandMatrix('${{ fromJSON(x) }}')).toBeUndefined();
    expect(expandMatrix(undefined)).toEqual([[]]);
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
