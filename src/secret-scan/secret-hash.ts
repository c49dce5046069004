import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { gitResult } from '../core/git.js';
import type { GitleaksLeak } from './gitleaks.js';

/** Where a leak's text is read: the work tree, the index (staged), or the commit gitleaks names. */
export type LeakTextSource = 'worktree' | 'staged' | 'commits';

const READ_BATCH = 8;

/**
 * A key for a leak that survives history edits: the SHA-256 of its file, its rule and the text of
 * the lines it spans, not of its commit or line number. A squash merge, a rebase or lines moved
 * above it keep the key; editing the secret's line or renaming its file makes a new one. 20 hex
 * digits, so it is short enough to paste; it reveals nothing of the secret. The `sha256:` prefix
 * keeps gitleaks' generic-api-key rule from taking `secret-hash: <hex>` in the config for a secret.
 */
export function secretHash(file: string, rule: string, text: string): string {
  return `sha256:${createHash('sha256').update(`${file}\0${rule}\0${text}`).digest('hex').slice(0, 20)}`;
}

/**
 * The secret hash of each leak. The secret itself never leaves this function: gitleaks reports are
 * redacted, so the lines are read again from where gitleaks read them. A leak whose text cannot be
 * read (a file gone from the work tree) gets no hash, and so matches no `secret-hash` entry.
 */
export async function hashLeaks(cwd: string, leaks: readonly GitleaksLeak[], source: LeakTextSource): Promise<Map<GitleaksLeak, string>> {
  const places = [...new Set(leaks.map((leak) => placeOf(leak, source)))];
  const texts = new Map<string, string | undefined>();
  for (let start = 0; start < places.length; start += READ_BATCH) {
    const batch = places.slice(start, start + READ_BATCH);
    const read = await Promise.all(batch.map((place) => readPlace(cwd, place, source)));
    batch.forEach((place, index) => texts.set(place, read[index]));
  }
  const hashes = new Map<GitleaksLeak, string>();
  for (const leak of leaks) {
    const text = texts.get(placeOf(leak, source));
    if (text === undefined) continue;
    hashes.set(leak, hashLines(text, leak.File, leak.RuleID, leak.StartLine, leak.EndLine));
  }
  return hashes;
}

/** The secret hash of lines `startLine`..`endLine` (1-based, inclusive) of a file's text. */
export function hashLines(text: string, file: string, rule: string, startLine: number, endLine: number): string {
  const lines = text.split('\n').slice(startLine - 1, Math.max(endLine, startLine));
  return secretHash(file, rule, lines.map((line) => line.replace(/\r$/, '')).join('\n'));
}

/** A file's text at a commit, or undefined when the commit or the file is not in the repository. */
export async function readAtCommit(cwd: string, commit: string, file: string): Promise<string | undefined> {
  // `./` keeps the path relative to cwd.
  const result = await gitResult(cwd, ['cat-file', 'blob', `${commit}:./${file}`]);
  return result.exitCode === 0 ? result.stdout : undefined;
}

/** `<commit>\0<file>`, or the file alone for the work tree and the index. */
function placeOf(leak: GitleaksLeak, source: LeakTextSource): string {
  return source === 'commits' ? `${leak.Commit ?? ''}\0${leak.File}` : leak.File;
}

async function readPlace(cwd: string, place: string, source: LeakTextSource): Promise<string | undefined> {
  if (source === 'worktree') return readFile(path.join(cwd, place), 'utf8').catch(() => undefined);
  const [commit = '', file = place] = source === 'commits' ? place.split('\0') : ['', place];
  // An empty commit reads the index (`:path`).
  return readAtCommit(cwd, commit, file);
}
