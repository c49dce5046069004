import { rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkFiles, isDotenvFile, isPrivateKeyFileName, worktreeFiles } from '../../src/secret-scan/file-policy.js';

/** The policy over the files of `dir` as a work-tree scan sees them. */
async function checkTrackedFiles(dir: string, allowFiles: string[]) {
  return checkFiles(dir, { brought: await worktreeFiles(dir) }, allowFiles);
}
import { tempDir } from '../helpers/temp.js';
import { gitRepo, pemPrivateKey, runGit } from './helpers.js';

describe('dotenv and private-key file names (anchored)', () => {
  it.each([
    '.env', '.env.local', '.env.production', '.env.production.backup', 'config/.env.staging', 'prod.env', 'deploy/app.env', 'app.env.bak', '.env~', '.envrc', 'config/.envrc',
  ])('%s is a dotenv file', (file) => expect(isDotenvFile(file)).toBe(true));

  it.each([
    '.env.example', '.env.sample', '.env.template', '.env.local.example', '.env.production.example', '.env.dist', '.env.defaults', '.env.test.dist', 'prod.env.sample', 'environment.ts', 'src/env.ts', 'env', 'dotenv.js', '.envrc.example', 'config.env.ts', '.environment', 'my.envelope',
  ])('%s is not a dotenv file', (file) => expect(isDotenvFile(file)).toBe(false));

  it.each(['id_rsa', 'home/.ssh/id_ed25519', 'id_ecdsa_sk', 'certs/client.p12', 'certs/SERVER.PFX'])('%s is a private key by name', (file) => expect(isPrivateKeyFileName(file)).toBe(true));
  it.each(['id_rsa.pub', 'id_ed25519.pub', 'valid_rsa.ts', 'p12.ts'])('%s is not', (file) => expect(isPrivateKeyFileName(file)).toBe(false));
});

describe('the file policy over a work tree', () => {
  it('judges the files git tracks or would add (not what it ignores), reads key-like files for PEM blocks, and honours allow-files', async () => {
    const repo = gitRepo({
      '.env': 'A=1\n',
      '.env.example': 'A=\n',
      'keys/deploy.pem': pemPrivateKey(),
      'keys/public.pem': '-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE\n-----END PUBLIC KEY-----\n',
      'ssh/id_ed25519': 'not even a key, the name is enough\n',
      'test/fixtures/.env.test': 'A=2\n',
      '.gitignore': '.env.local\n',
    });
    // An ignored file stays out; an untracked one git would add is judged (the next commit would bring it).
    tempDirFiles(repo, { '.env.local': 'SECRET=1\n', 'untracked.key': pemPrivateKey() });

    const result = await checkTrackedFiles(repo, ['test/fixtures/**']);
    expect(result.findings.map((finding) => `${finding.rule} ${finding.file}`).sort()).toEqual([
      'file/dotenv .env',
      'file/private-key keys/deploy.pem',
      'file/private-key ssh/id_ed25519',
      'file/private-key untracked.key',
    ]);
    expect(result.filesChecked).toBe(8);
    expect(result.findings[0]).toMatchObject({ level: 'error', fingerprint: expect.stringMatching(/^\S+:file\//), help: expect.stringContaining('Rotate') });
  });

  it('walks the files of a directory that is not a git work tree, skipping .git and node_modules', async () => {
    const dir = tempDir({ '.env.production': 'A=1\n', 'node_modules/pkg/.env': 'A=1\n', 'src/index.ts': 'export {};\n' });
    const result = await checkTrackedFiles(dir, []);
    expect(result.findings.map((finding) => finding.file)).toEqual(['.env.production']);
    expect(result.filesChecked).toBe(2);
  });

  it('passes over a submodule (a tracked path that is a directory) instead of failing to read it', async () => {
    const sub = gitRepo({ 'a.txt': 'x\n' });
    const repo = gitRepo({ '.env': 'A=1\n' });
    runGit(repo, '-c', 'protocol.file.allow=always', 'submodule', 'add', '-q', sub, 'vendor');
    const result = await checkTrackedFiles(repo, []);
    expect(result.findings.map((finding) => finding.file)).toEqual(['.env']);
    expect(result.filesChecked).toBe(3);
  });

  it('fails, not passes, when a key-like file cannot be read; a file missing from the work tree is skipped', async () => {
    const repo = gitRepo({ 'keys/gone.pem': 'x\n' });
    // A tracked symlink to itself: open() fails with ELOOP, for root as well (EACCES would not).
    symlinkSync('loop.pem', path.join(repo, 'keys/loop.pem'));
    runGit(repo, 'add', 'keys/loop.pem');
    rmSync(path.join(repo, 'keys/gone.pem'));
    await expect(checkTrackedFiles(repo, [])).rejects.toThrow(/keys\/loop\.pem cannot be read .*ELOOP/);
    rmSync(path.join(repo, 'keys/loop.pem'));
    expect((await checkTrackedFiles(repo, [])).findings).toEqual([]);
  });

  it('reports a tracked key in a subdirectory checkout relative to it', async () => {
    const repo = gitRepo({ 'services/api/.env': 'A=1\n', '.env': 'B=1\n' });
    const result = await checkTrackedFiles(`${repo}/services/api`, []);
    expect(result.findings.map((finding) => finding.file)).toEqual(['.env']);
  });
});

function tempDirFiles(dir: string, files: Record<string, string>) {
  for (const [name, content] of Object.entries(files)) writeFileSync(path.join(dir, name), content);
}

describe('files that were there before the change', () => {
  it('are named at the level asked for, with the fix, and still honour allow-files', async () => {
    const dir = tempDir({ '.env': 'A=1\n', 'keys/old.pem': pemPrivateKey(), 'fixtures/.env.test': 'A=1\n' });
    const result = await checkFiles(dir, { brought: ['src/new.env'], preExisting: ['.env', 'keys/old.pem', 'fixtures/.env.test', 'README.md'], preExistingLevel: 'warning' }, ['fixtures/**']);
    expect(result.findings.map((finding) => `${finding.level} ${finding.rule} ${finding.file}`)).toEqual([
      'error file/dotenv src/new.env',
      'warning file/dotenv .env',
      'warning file/private-key keys/old.pem',
    ]);
    expect(result.findings[1]?.message).toBe('.env is a dotenv file in the repository; its values must be treated as leaked; it was already there before these commits.');
    expect(result.findings[1]?.help).toContain('Fix it in a change of its own');
    expect(result.filesChecked).toBe(5);
  });
});
