import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { ProgressMode } from '../../src/cli/progress.js';
import { tempDir } from '../helpers/temp.js';

const PROJECT = {
  'package.json': JSON.stringify({ name: 'calc', version: '1.0.0', scripts: { test: 'vitest run' } }),
  'src/add.js': 'export const add = (a, b) => a + b;\n',
  'test/add.test.js': "import { expect, it } from 'vitest';\nimport { add } from '../src/add.js';\nit('adds', () => {\n  expect(add(2, 3)).toBe(5);\n});\n",
  '.github/readiness-gates.yml': 'test-existence: {}\n',
};

async function run(progress: ProgressMode) {
  let stdout = '';
  let stderr = '';
  const code = await main(['all', '--format', 'json'], { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), env: {}, cwd: tempDir(PROJECT), progress });
  return { code, stdout, stderr };
}

describe('progress on stderr', () => {
  it('writes a line when a gate starts and ends, and keeps stdout to the report', async () => {
    const result = await run('lines');
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/^\[test-existence\] started\n(.*\n)*\[test-existence\] pass in \d+\.\d s\n$/);
    expect(JSON.parse(result.stdout).status).toBe('pass');
  });

  it('folds each gate into a log group in GitHub Actions', async () => {
    const result = await run('actions');
    expect(result.stderr).toMatch(/^::group::test-existence: pass in \d+\.\d s\n(\[test-existence\] .*\n)*::endgroup::\n$/);
  });

  it('keeps a status line in a terminal and clears it at the end', async () => {
    const result = await run('terminal');
    expect(result.stderr).toMatch(/readiness-gates: running test-existence \d+\.\d s/);
    expect(result.stderr).toMatch(/test-existence: pass in \d+\.\d s\n/);
    // every status line is erased before anything else is written, and none is left at the end
    const erase = '\r\u001b[K';
    const parts = result.stderr.split(erase);
    // a status line is the last thing before each erase, and never ends in a new line
    for (const part of parts.slice(0, -1)) expect(part).toMatch(/(^|\n)readiness-gates: running [^\n]*$/);
    expect(parts.at(-1)).not.toContain('readiness-gates: running');
    expect(result.stderr).toMatch(/pass in \d+\.\d s\n$/);
  });

  it('adds nothing to the gates\' own log unless asked', async () => {
    expect((await run('off')).stderr).toBe('[test-existence] test-existence: 1 tests in 1 test files of 1 package(s), 1 real\n');
  });
});
