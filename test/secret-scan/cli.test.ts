import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { GateReport } from '../../src/core/report.js';
import { fakeTokens, gitRepo, pemPrivateKey, runCli, WASM_GITLEAKS } from './helpers.js';

const cli = runCli;

function leakyRepo() {
  const tokens = fakeTokens();
  const key = pemPrivateKey();
  const cwd = gitRepo({
    '.env': `GITHUB_TOKEN=${tokens.github}\n`,
    '.env.production.backup': 'DATABASE_URL=postgres://app@db/app\n',
    'config/prod.env': 'LOG_LEVEL=info\n',
    '.env.example': 'GITHUB_TOKEN=changeme\n',
    'src/environment.ts': 'export const environment = { production: true };\n',
    'src/aws.ts': `export const region = 'eu-west-1';\nexport const accessKeyId = '${tokens.aws}';\n`,
    'src/billing.ts': `const stripe = new Stripe('${tokens.stripe}');\n`,
    'deploy/server.key': key,
  });
  return { cwd, secrets: [...Object.values(tokens), key.split('\n')[1]!] };
}

describe('readiness-gates secret-scan (CLI, real gitleaks)', () => {
  it('finds tracked dotenv files, a private key and tokens in code without printing any secret', async () => {
    const { cwd, secrets } = leakyRepo();
    const result = await cli(['secret-scan', '--scope', 'worktree', '--format', 'json', '--gitleaks-path', WASM_GITLEAKS], cwd);

    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as GateReport;
    expect(report.status).toBe('fail');
    expect(report.findings.filter((finding) => finding.level === 'notice').map((finding) => finding.rule)).toEqual(['gitleaks/explicit-path']);
    const found = report.findings.filter((finding) => finding.level !== 'notice').map((finding) => `${finding.rule} ${finding.file}${finding.line ? `:${finding.line}` : ''}`).sort();
    expect(found).toEqual([
      'aws-access-token src/aws.ts:2',
      'file/dotenv .env',
      'file/dotenv .env.production.backup',
      'file/dotenv config/prod.env',
      'file/private-key deploy/server.key',
      'github-pat .env:1',
      'private-key deploy/server.key:1',
      'stripe-access-token src/billing.ts:1',
    ]);
    expect(report.findings.find((finding) => finding.rule === 'aws-access-token')).toMatchObject({
      fingerprint: 'src/aws.ts:aws-access-token:2',
      column: expect.any(Number),
      message: expect.stringContaining('src/aws.ts:2'),
    });
    expect(report.metrics).toMatchObject({ leaks: 4, 'policy-violations': 4, 'files-checked': 8 });
    for (const secret of secrets) {
      expect(result.stdout).not.toContain(secret);
      expect(result.stderr).not.toContain(secret);
    }
  });

  it('drops exactly the finding whose fingerprint is in .gitleaksignore', async () => {
    const { cwd } = leakyRepo();
    const argv = ['secret-scan', '--scope', 'worktree', '--format', 'json', '--gitleaks-path', WASM_GITLEAKS];
    const before = JSON.parse((await cli(argv, cwd)).stdout) as GateReport;
    writeFileSync(path.join(cwd, '.gitleaksignore'), '# revoked in INC-42\nsrc/aws.ts:aws-access-token:2\n');
    const after = JSON.parse((await cli(argv, cwd)).stdout) as GateReport;

    expect(after.findings).toEqual(before.findings.filter((finding) => finding.fingerprint !== 'src/aws.ts:aws-access-token:2'));
    expect(after.findings).toHaveLength(before.findings.length - 1);
  });

  it.each([
    [['--gitleaks-path', 'no/such/gitleaks'], 'gitleaks-path: '],
    [['--gitleaks-path', '.'], 'is not a file; point it at the gitleaks binary itself'],
    [['--baseline-path', 'missing.json'], 'baseline-path: missing.json does not exist'],
    [['--extra-args=--exit-code 0'], 'extra-args: --exit-code is set by the gate'],
    [['--scope', 'range'], 'scope "range" needs `since`'],
    [['--gitleaks-version', '8.x'], '--gitleaks-version'],
  ])('rejects %j with one line and exit 2', async (flags, message) => {
    const cwd = gitRepo({ 'README.md': '# demo\n' });
    const result = await cli(['secret-scan', '--scope', 'worktree', ...flags], cwd);
    expect(result.code).toBe(2);
    expect(result.stderr.split('\n').filter(Boolean)).toHaveLength(1);
    expect(result.stderr).toContain(message);
    // Printed once: the text report on stdout does not repeat it.
    expect(result.stdout).toBe('');
  });
});
