import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAdvisoryServer, type AdvisoryServer } from '../audit/advisory-server.js';
import { ROOT } from '../helpers/action-runner.js';

// The registry's advisory endpoint cannot be reached from here; a loopback registry that knows
// no advisories stands in for it, so the run checks this repository the way CI does.
let registry: AdvisoryServer;
beforeAll(async () => {
  registry = await startAdvisoryServer({});
});
afterAll(async () => {
  await registry.close();
});

function runCli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'dist/cli/index.js'), ...args], { cwd: ROOT, env: { PATH: process.env.PATH, HOME: process.env.HOME } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('readiness-gates all on this repository', () => {
  it('passes every gate its config enables', { timeout: 240_000 }, async () => {
    const result = await runCli(['all', '--format', 'json', '--registry', registry.url]);
    const combined = JSON.parse(result.stdout) as { status: string; gates: Array<{ gate: string; status: string; findings: Array<{ level: string; rule: string; message: string }> }> };
    const errors = combined.gates.flatMap((gate) => gate.findings.filter((finding) => finding.level === 'error').map((finding) => `${gate.gate}: ${finding.rule} ${finding.message}`));
    expect(errors).toEqual([]);
    expect(combined.gates.map((gate) => gate.gate)).toEqual(['secret-scan', 'audit', 'test-existence']);
    expect(combined.status).toBe('pass');
    expect(result.code).toBe(0);
    expect(registry.requests.length).toBeGreaterThan(0);
  });
});
