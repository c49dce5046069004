import { open, readdir } from 'node:fs/promises';
import path from 'node:path';
import picomatch from 'picomatch';
import { EnvironmentError } from '../core/errors.js';
import { isGitWorkTree, listTrackedFiles } from '../core/git.js';
import type { Finding } from '../core/report.js';

const DOTENV_RULE = 'file/dotenv';
const PRIVATE_KEY_RULE = 'file/private-key';

const TEMPLATE_PARTS = new Set(['example', 'sample', 'template']);
const BACKUP_SUFFIX = '(?:bak|backup|old|orig|save|swp|tmp)';
// Anchored on the whole file name: `environment.ts` or `env.d.ts` are code, not dotenv files.
const DOTENV_NAMES = [/^\.env(?:\..+)?$/, /^\.env~$/, /^[^.].*\.env$/, new RegExp(`^[^.].*\\.env\\.${BACKUP_SUFFIX}$`)];
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

/**
 * Tracked dotenv files and private keys are findings whatever gitleaks' rules say: a committed
 * `.env` is a leak even when its values look harmless today.
 */
export async function checkTrackedFiles(cwd: string, allowFiles: readonly string[]): Promise<FilePolicyResult> {
  const files = (await isGitWorkTree(cwd)) ? await listTrackedFiles(cwd) : await walkFiles(cwd);
  const allowed = allowFiles.length ? picomatch(allowFiles as string[], { dot: true }) : () => false;
  const findings: Finding[] = [];
  const pemCandidates: string[] = [];
  for (const file of files) {
    if (allowed(file)) continue;
    if (isDotenvFile(file)) findings.push(dotenvFinding(file));
    else if (isPrivateKeyFileName(file)) findings.push(privateKeyFinding(file));
    else if (PEM_CANDIDATE_EXTENSIONS.has(path.posix.extname(file).toLowerCase())) pemCandidates.push(file);
  }
  // In batches: a large repository would otherwise open thousands of files at once (EMFILE).
  for (let start = 0; start < pemCandidates.length; start += PEM_READ_BATCH) {
    const batch = pemCandidates.slice(start, start + PEM_READ_BATCH);
    const hasKey = await Promise.all(batch.map((file) => containsPemPrivateKey(path.join(cwd, file))));
    batch.forEach((file, index) => {
      if (hasKey[index]) findings.push(privateKeyFinding(file));
    });
  }
  return { findings, filesChecked: files.length };
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
    if (!(await handle.stat()).isFile()) return false;
    const buffer = Buffer.alloc(PEM_READ_LIMIT);
    const { bytesRead } = await handle.read(buffer, 0, PEM_READ_LIMIT, 0);
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
