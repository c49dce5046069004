import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runBundledAction } from '../helpers/action-runner.js';
import { tempDir } from '../helpers/temp.js';

const ACTION_DIR = path.join(ROOT, 'actions/test-existence');

interface LocalActionRun {
  exitCode: number;
  output: string;
  outputs: Record<string, string>;
}

/**
 * `local-action run <action dir> <entrypoint> <dotenv>`: @github/local-action reads the action's
 * action.yml, loads the TypeScript entry through tsx with a stubbed @actions/core, and prints the
 * outputs the action set. Inputs come from the dotenv file as the runner would set them.
 */
function localAction(dotenv: Record<string, string>): Promise<LocalActionRun> {
  const envFile = path.join(tempDir(), '.env');
  writeFileSync(envFile, Object.entries(dotenv).map(([name, value]) => `${name}=${value}\n`).join(''));
  return new Promise((resolve, reject) => {
    const child = spawn(path.join(ROOT, 'node_modules/.bin/local-action'), ['run', '.', '../../src/test-existence/main.ts', envFile], {
      cwd: ACTION_DIR,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? tempDir(), NO_COLOR: '1' },
      timeout: 110_000,
    });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      const outputs: Record<string, string> = {};
      for (const match of output.matchAll(/^::set-output name=([^:]+)::(.*)$/gm)) outputs[match[1]!] = match[2]!;
      resolve({ exitCode: code ?? -1, output, outputs });
    });
  });
}

const packageJson = JSON.stringify({ name: 'calc', version: '1.0.0', scripts: { test: 'vitest run' } });

describe('actions/test-existence through @github/local-action', () => {
  it('sets the status output the gate decides for the workspace', { timeout: 120_000 }, async () => {
    const tautology = tempDir({
      'package.json': packageJson,
      'test/add.test.ts': "import { expect, it } from 'vitest';\n\nit('adds', () => {\n  expect(true).toBe(true);\n});\n",
    });
    const real = tempDir({
      'package.json': packageJson,
      'src/add.ts': 'export const add = (a: number, b: number): number => a + b;\n',
      'test/add.test.ts': "import { expect, it } from 'vitest';\nimport { add } from '../src/add.js';\n\nit('adds', () => {\n  expect(add(2, 3)).toBe(5);\n});\n",
    });
    for (const [workspace, expected] of [[tautology, 'fail'], [real, 'pass']] as const) {
      const runnerTemp = tempDir();
      const run = await localAction({ GITHUB_WORKSPACE: workspace, 'INPUT_CWD': workspace, RUNNER_TEMP: runnerTemp });
      expect(run.output, run.output).toMatch(/Action Outputs/);
      expect(run.outputs.status, run.output).toBe(expected);
      // The same verdict and counts as the bundled action on the same workspace.
      const bundled = runBundledAction('test-existence', { workspace });
      expect(run.outputs.status).toBe(bundled.outputs.status);
      for (const name of ['findings', 'errors', 'tests', 'real-tests', 'tautology']) expect(run.outputs[name], name).toBe(bundled.outputs[name]);
      // The report it wrote is the one for this workspace, under the RUNNER_TEMP given in the dotenv file.
      expect(run.outputs['report-path']!.startsWith(runnerTemp)).toBe(true);
      const report = JSON.parse(readFileSync(run.outputs['report-path']!, 'utf8')) as { status: string; findings: Array<{ rule: string }> };
      expect(report.status).toBe(expected);
      if (expected === 'fail') {
        expect(report.findings.map((finding) => finding.rule)).toContain('test/tautology');
        expect(run.output).toMatch(/^::error [^\n]*file=test\/add\.test\.ts,line=3\b/m);
      }
    }
  });
});
