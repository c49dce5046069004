import { describe, expect, it } from 'vitest';
import { readEnvNames } from '../../src/hygiene/env.js';
import { gitRepo, located, manifest, npmLock, runHygiene } from './helpers.js';

async function envFindings(files: Record<string, string>, section: Record<string, unknown> = {}): Promise<string[]> {
  return located(await runHygiene(gitRepo(files), section)).filter((entry) => entry.startsWith('env/'));
}

const APP = { 'package.json': manifest({ name: 'api', private: true, scripts: { start: 'node src/server.js' } }), 'package-lock.json': npmLock('api') };

describe('env/*', () => {
  it('reads process.env.X, process.env["X"], destructuring and import.meta.env.X, with their lines', () => {
    const source = "const a = process.env.DATABASE_URL;\nconst b = process.env['REDIS_URL'];\nconst { JWT_SECRET, 'SMTP_HOST': host } = process.env;\nconst c = import.meta.env.VITE_API_URL;\nconst d = process.env[name];\nconst e = env.OTHER;\n";
    expect(readEnvNames(source, 'src/config.ts').map((read) => `${read.name}:${read.line}`)).toEqual(['DATABASE_URL:1', 'REDIS_URL:2', 'JWT_SECRET:3', 'SMTP_HOST:3', 'VITE_API_URL:4']);
  });

  it('asks an application that reads variables for a template, and a template for every variable read', async () => {
    const server = "const url = process.env.DATABASE_URL;\nif (process.env.NODE_ENV === 'production') console.log(process.env.PORT);\nexport const key = process.env.STRIPE_KEY;\n";
    expect(await envFindings({ ...APP, 'src/server.js': server })).toEqual(['env/no-template src/server.js:1']);
    expect(await envFindings({ ...APP, 'src/server.js': server, '.env.example': 'DATABASE_URL=postgres://localhost/app\n# STRIPE_KEY=\n' })).toEqual([]);
    expect(await envFindings({ ...APP, 'src/server.js': server, '.env.example': 'DATABASE_URL=\n' })).toEqual(['env/missing-variable src/server.js:3']);
    expect(await envFindings({ ...APP, 'src/server.js': server, '.env.example': 'DATABASE_URL=\n' }, { 'provided-env': ['STRIPE_*'] })).toEqual([]);
  });

  it('points env/no-template at application code rather than a helper script', async () => {
    expect(await envFindings({ ...APP, 'extra/checkout.mjs': 'process.env.GH_REPO;\n', 'src/server.js': '\nprocess.env.DATABASE_URL;\n' })).toEqual(['env/no-template src/server.js:2']);
  });

  it('leaves published libraries, tests and scripts alone', async () => {
    const library = { 'package.json': manifest({ name: 'lib', exports: './index.js', dependencies: { dotenv: '^16.0.0' } }), 'package-lock.json': npmLock('lib', { dependencies: { dotenv: '^16.0.0' } }), 'index.js': 'export const colors = process.env.FORCE_COLORS;\n' };
    expect(await envFindings(library)).toEqual([]);
    expect(await envFindings({ ...APP, 'test/server.test.js': 'process.env.TEST_DB;\n', 'scripts/release.js': 'process.env.NPM_TOKEN;\n', 'vitest.config.e2e.ts': 'process.env.E2E_BUILD;\n' })).toEqual([]);
  });

  it('reports a template value that looks like a real secret at its line, never the value', async () => {
    const key = 'sk_live_51HxQ2vKbWq8Zr3TgP0aLmN4o';
    const report = await runHygiene(gitRepo({ ...APP, 'src/server.js': 'process.env.STRIPE_KEY;\n', '.env.example': `DATABASE_URL=postgres://localhost/app\nSTRIPE_KEY=${key}\nJWT_SECRET=changeme\nSESSION_SECRET=your-session-secret\nAWS_SECRET_ACCESS_KEY=get_a_key_from_aws_console\nOAUTH_CLIENT_SECRET=<from the provider>\n` }));
    expect(located(report).filter((entry) => entry.startsWith('env/'))).toEqual(['env/template-secret .env.example:2']);
    expect(report.findings.find((finding) => finding.rule === 'env/template-secret')!.level).toBe('error');
    expect(JSON.stringify(report)).not.toContain(key);
  });
});
