import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { GateReport } from '../../src/core/report.js';
import { tempDir } from '../helpers/temp.js';
import { fakeTokens, gitRepo, runCli, runGit, WASM_GITLEAKS } from './helpers.js';

async function stagedScan(cwd: string, ...flags: string[]) {
  return cli(cwd, ['secret-scan', '--staged', '--format', 'json', '--gitleaks-path', WASM_GITLEAKS, ...flags]);
}

async function cli(cwd: string, argv: string[]) {
  const { code, stdout, stderr } = await runCli(argv, cwd);
  return { code, stderr, report: stdout ? (JSON.parse(stdout) as GateReport) : undefined };
}

const judged = (report: GateReport | undefined) =>
  (report?.findings ?? []).filter((finding) => finding.level !== 'notice').map((finding) => `${finding.rule} ${finding.file}${finding.line ? `:${finding.line}` : ''}`).sort();

describe('readiness-gates secret-scan --staged (a pre-commit hook)', () => {
  it('scans exactly what is staged: the index, not the work tree, nor untracked or ignored files', async () => {
    const tokens = fakeTokens();
    const repo = gitRepo({ '.gitignore': '.env.local\n', 'src/config.ts': 'one\ntwo\nthree\n' });
    // Staged: a token on line 3 of a changed file, then removed from the work tree only.
    writeFileSync(path.join(repo, 'src/config.ts'), `one\ntwo\nconst t = '${tokens.github}';\n`);
    runGit(repo, 'add', 'src/config.ts');
    writeFileSync(path.join(repo, 'src/config.ts'), 'one\ntwo\nthree\n');
    // Staged clean, then a token added without staging it.
    writeFileSync(path.join(repo, 'src/clean.ts'), 'export {};\n');
    runGit(repo, 'add', 'src/clean.ts');
    writeFileSync(path.join(repo, 'src/clean.ts'), `export const k = '${tokens.stripe}';\n`);
    // Never staged: untracked, and ignored.
    writeFileSync(path.join(repo, 'src/draft.ts'), `export const s = '${tokens.slack}';\n`);
    writeFileSync(path.join(repo, '.env.local'), `TOKEN=${tokens.aws}\n`);
    // A staged dotenv file is a policy finding.
    writeFileSync(path.join(repo, '.env'), 'A=1\n');
    runGit(repo, 'add', '.env');

    const { code, report } = await stagedScan(repo);
    expect(judged(report)).toEqual(['file/dotenv .env', 'github-pat src/config.ts:3']);
    expect(report?.findings.find((finding) => finding.rule === 'github-pat')?.fingerprint).toBe('src/config.ts:github-pat:3');
    expect(code).toBe(1);
    expect(report?.metrics['files-checked']).toBe(3);
  });

  it('passes when only clean changes are staged, also before the first commit', async () => {
    const repo = gitRepo({ 'README.md': '# app\n' });
    writeFileSync(path.join(repo, 'src.ts'), `export const s = '${fakeTokens().slack}';\n`);
    writeFileSync(path.join(repo, 'README.md'), '# app\n\nUsage.\n');
    runGit(repo, 'add', 'README.md');
    const clean = await stagedScan(repo);
    expect({ code: clean.code, findings: judged(clean.report) }).toEqual({ code: 0, findings: [] });

    const fresh = tempDir();
    runGit(fresh, 'init', '-q', '-b', 'main');
    writeFileSync(path.join(fresh, 'first.ts'), `export const s = '${fakeTokens().slack}';\n`);
    runGit(fresh, 'add', 'first.ts');
    expect(judged((await stagedScan(fresh)).report)).toEqual(['slack-bot-token first.ts:1']);
  });

  it('is a usage error with scope history or range', async () => {
    const repo = gitRepo({ 'README.md': '# app\n' });
    const result = await stagedScan(repo, '--scope', 'history');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('staged scans the staged changes, not the history; remove scope: history or staged');
  });
});

describe('the pre-commit framework hook (.pre-commit-hooks.yaml)', () => {
  it('runs the CLI of this package on the staged changes', async () => {
    const root = fileURLToPath(new URL('../../', import.meta.url));
    const hooks = parse(readFileSync(path.join(root, '.pre-commit-hooks.yaml'), 'utf8')) as { id: string; entry: string; language: string; pass_filenames: boolean }[];
    const hook = hooks.find((entry) => entry.id === 'readiness-gates-secret-scan');
    expect(hook).toMatchObject({ language: 'node', pass_filenames: false });
    const [bin, ...args] = hook!.entry.split(' ');
    expect(Object.keys((JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { bin: Record<string, string> }).bin)).toContain(bin);

    const repo = gitRepo({ 'README.md': '# app\n' });
    writeFileSync(path.join(repo, 'token.ts'), `export const t = '${fakeTokens().github}';\n`);
    runGit(repo, 'add', 'token.ts');
    const result = await cli(repo, [...args, '--format', 'json', '--gitleaks-path', WASM_GITLEAKS]);
    expect(result.code).toBe(1);
    expect(judged(result.report)).toEqual(['github-pat token.ts:1']);
  });
});
