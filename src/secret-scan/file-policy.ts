import { open, readdir } from 'node:fs/promises';
import path from 'node:path';
import picomatch from 'picomatch';
import { EnvironmentError } from '../core/errors.js';
import { isGitWorkTree, listTrackedFiles } from '../core/git.js';
import type { Finding, Level } from '../core/report.js';

const DOTENV_RULE = 'file/dotenv';
const PRIVATE_KEY_RULE = 'file/private-key';

/** A dotenv name with one of these parts is a template (`.env.example`, `.env.production.example`, `.env.dist`). */
const TEMPLATE_PARTS = new Set(['example', 'sample', 'template', 'dist', 'defaults']);
const BACKUP_SUFFIX = '(?:bak|backup|old|orig|save|swp|tmp)';
// Anchored on the whole file name: `environment.ts` or `env.d.ts` are code, not dotenv files.
// `.envrc` is direnv's: shell exports of the same values.
const DOTENV_NAMES = [/^\.env(?:\..+)?$/, /^\.env~$/, /^\.envrc$/, /^[^.].*\.env$/, new RegExp(`^[^.].*\\.env\\.${BACKUP_SUFFIX}$`)];
const KEY_NAMES = /^id_(?:rsa|dsa|ecdsa|ed25519)(?:_sk)?$/;
const KEY_EXTENSIONS = new Set(['.p12', '.pfx']);
/** Files whose content is read for a PEM private-key block; other files are the gitleaks `private-key` rule's job. */
const PEM_CANDIDATE_EXTENSIONS = new Set(['', '.pem', '.key', '.crt', '.cer', '.cert', '.priv', '.asc', '.txt']);
const PEM_PRIVATE_KEY = /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----/;
const PEM_READ_LIMIT = 1024 * 1024;
const PEM_READ_BATCH = 64;
const WALK_SKIP = new Set(['.git', 'node_modules']);

export function isDotenvFile(file: string): boolean {
  const name = path.posix.basename(file);
  if (!DOTENV_NAMES.some((pattern) => pattern.test(name))) return false;
  return !name.toLowerCase().split('.').some((part) => TEMPLATE_PARTS.has(part));
}

export function isPrivateKeyFileName(file: string): boolean {
  const name = path.posix.basename(file);
  return KEY_NAMES.test(name) || KEY_EXTENSIONS.has(path.posix.extname(name).toLowerCase());
}

export interface FilePolicyResult {
  findings: Finding[];
  filesChecked: number;
}

/** The files the policy judges, and how hard. */
export interface PolicySubjects {
  /** Files the scanned change brings (or, without a change, every file): a policy file here is an error. */
  brought: readonly string[];
  /** Files that were there before the change: a policy file here is `preExistingLevel`, naming it. */
  preExisting?: readonly string[];
  preExistingLevel?: Level;
  /** Brought files the change removed again: gone from its last commit, still in its history. */
  removedAgain?: ReadonlySet<string>;
}

/**
 * Dotenv files and private keys are findings whatever gitleaks' rules say: a committed `.env` is a
 * leak even when its values look harmless today. Key-like files still on the disk are also read for
 * a PEM private-key block.
 */
export async function checkFiles(cwd: string, subjects: PolicySubjects, allowFiles: readonly string[]): Promise<FilePolicyResult> {
  const allowed = allowFiles.length ? picomatch(allowFiles as string[], { dot: true }) : () => false;
  const findings: Finding[] = [];
  const pemCandidates: { file: string; preExisting: boolean }[] = [];
  const all = [...subjects.brought.map((file) => ({ file, preExisting: false })), ...(subjects.preExisting ?? []).map((file) => ({ file, preExisting: true }))];
  const describe = (finding: Finding, preExisting: boolean) => {
    if (preExisting) return alreadyThere(finding, subjects.preExistingLevel ?? 'warning');
    return subjects.removedAgain?.has(finding.file ?? '') ? stillInHistory(finding) : finding;
  };
  for (const { file, preExisting } of all) {
    if (allowed(file)) continue;
    if (isDotenvFile(file)) findings.push(describe(dotenvFinding(file), preExisting));
    else if (isPrivateKeyFileName(file)) findings.push(describe(privateKeyFinding(file), preExisting));
    else if (PEM_CANDIDATE_EXTENSIONS.has(path.posix.extname(file).toLowerCase())) pemCandidates.push({ file, preExisting });
  }
  // In batches: a large repository would otherwise open thousands of files at once (EMFILE).
  for (let start = 0; start < pemCandidates.length; start += PEM_READ_BATCH) {
    const batch = pemCandidates.slice(start, start + PEM_READ_BATCH);
    const hasKey = await Promise.all(batch.map(({ file }) => containsPemPrivateKey(path.join(cwd, file))));
    batch.forEach(({ file, preExisting }, index) => {
      if (hasKey[index]) findings.push(describe(privateKeyFinding(file), preExisting));
    });
  }
  return { findings, filesChecked: all.length };
}

/** The files of a directory the policy judges: git's view of it when it is a work tree, else every file. */
export async function worktreeFiles(cwd: string): Promise<string[]> {
  return (await isGitWorkTree(cwd)) ? listTrackedFiles(cwd, { untracked: true }) : walkFiles(cwd);
}

/** A policy file the change added and removed again: the commits that hold it are still pushed. */
function stillInHistory(finding: Finding): Finding {
  return {
    ...finding,
    message: `${finding.message.replace(/\.$/, '')}; these commits added it and removed it again, but it stays in their history.`,
    help: `${finding.help} Removing it in a later commit does not take it out of the pushed history: rotate what it held, and squash or rewrite the commits before merging.`,
  };
}

/** A policy file the change did not bring: named, with the fix, without blaming the change. */
function alreadyThere(finding: Finding, level: Level): Finding {
  return {
    ...finding,
    level,
    message: `${finding.message.replace(/\.$/, '')}; it was already there before these commits.`,
    help: `${finding.help} Fix it in a change of its own; until then it is reported on every scan.`,
  };
}

function dotenvFinding(file: string): Finding {
  return {
    rule: DOTENV_RULE,
    level: 'error',
    message: `${file} is a dotenv file in the repository; its values must be treated as leaked.`,
    file,
    fingerprint: `${file}:${DOTENV_RULE}`,
    help: 'Rotate every value in it, remove it (git rm --cached), add it to .gitignore and commit a template such as .env.example instead; if it holds no secrets, list it in `allow-files`.',
  };
}

function privateKeyFinding(file: string): Finding {
  return {
    rule: PRIVATE_KEY_RULE,
    level: 'error',
    message: `${file} is a private key in the repository; treat the key as compromised.`,
    file,
    fingerprint: `${file}:${PRIVATE_KEY_RULE}`,
    help: 'Revoke and replace the key, remove the file (git rm --cached) and keep keys in a secret store; a test-only key can be listed in `allow-files`.',
  };
}

async function containsPemPrivateKey(file: string): Promise<boolean> {
  let handle;
  try {
    handle = await open(file, 'r');
  } catch (error) {
    // A tracked file missing from the work tree (deleted, sparse checkout, a dangling symlink) has no
    // content to judge; one that exists but cannot be read might hold a key.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw new EnvironmentError(`${file} cannot be read to check it for a private key (${(error as NodeJS.ErrnoException).code ?? String(error)}); make it readable or list it in allow-files`);
  }
  try {
    // A submodule (gitlink) or a tracked symlink to a directory is listed like a file but has no content.
    const stats = await handle.stat();
    if (!stats.isFile()) return false;
    // As much as the file holds, up to the limit: a zeroed 1 MiB buffer for each of a tree's small files costs start-up time.
    const length = Math.min(stats.size, PEM_READ_LIMIT);
    const buffer = Buffer.allocUnsafe(length);
    const { bytesRead } = await handle.read(buffer, 0, length, 0);
    return PEM_PRIVATE_KEY.test(buffer.toString('latin1', 0, bytesRead));
  } finally {
    await handle.close();
  }
}

/** Every file below `root` (forward slashes), for directories that are not git work trees. */
async function walkFiles(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  const files: string[] = [];
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const relative = path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join('/');
    if (relative.split('/').some((part) => WALK_SKIP.has(part))) continue;
    files.push(relative);
  }
  return files.sort();
}
