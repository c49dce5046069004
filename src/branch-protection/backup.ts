import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigurationError, EnvironmentError, describeError } from '../core/errors.js';
import type { RepositoryApi, WriteRequest } from './api.js';

/** One line of the backup file: a branch's protection before a write, and the requests that bring it back. */
export interface BackupEntry {
  savedAt: string;
  repository: string;
  branch: string;
  api: string;
  /** Present for a tag rule: the ruleset protects tags, and `branch` holds the tag pattern. */
  kind?: 'tag';
  previous: unknown;
  /** `METHOD /path {json body}`, each ready to send as it stands. */
  restore: string[];
}

/** `PUT /repos/o/r/branches/main/protection {...}`: a write as plan prints it and the backup keeps it. */
export function formatWrite(api: RepositoryApi, write: WriteRequest): string {
  const values: Record<string, string | number> = { owner: api.owner, repo: api.name, ...write.parameters };
  const url = write.route.replace(/\{(\w+)\}/g, (placeholder, key: string) => (values[key] === undefined ? placeholder : encodeURIComponent(String(values[key]))));
  return `${write.method} ${url}${write.body ? ` ${JSON.stringify(write.body)}` : ''}`;
}

/**
 * The previous protection of every branch the run writes, one JSON object a line, appended
 * before the write so that a run that dies half-way still has the backup of what it changed
 * (a new ruleset's line comes right after its creation: only then is its id known).
 */
export class BackupFile {
  /** Branches whose write went through, for the closing notice. */
  written = 0;
  constructor(readonly file: string) {}

  save(entry: Omit<BackupEntry, 'savedAt'>): void {
    try {
      mkdirSync(path.dirname(this.file), { recursive: true });
      appendFileSync(this.file, `${JSON.stringify({ savedAt: new Date().toISOString(), ...entry })}\n`);
    } catch (error) {
      throw new EnvironmentError(`cannot save the backup to ${this.file} (${(error as NodeJS.ErrnoException).code ?? describeError(error)}), so nothing more was written; set backup-path to a writable file`);
    }
  }
}

/** A request of a backup line, split into what octokit takes. */
export interface ReplayRequest {
  method: 'PUT' | 'POST' | 'DELETE';
  path: string;
  body?: Record<string, unknown>;
}

export function parseReplayRequest(line: string, where: string): ReplayRequest {
  const match = /^(PUT|POST|DELETE) (\/repos\/[^\s{}]+)(?: (\{.*\}))?$/s.exec(line);
  if (!match) throw new ConfigurationError(`${where}: a restore request is not \`METHOD /repos/… {body}\` or still holds a placeholder; fix the line or remove it`);
  let body: Record<string, unknown> | undefined;
  try {
    body = match[3] === undefined ? undefined : (JSON.parse(match[3]) as Record<string, unknown>);
  } catch {
    throw new ConfigurationError(`${where}: the body of a restore request is not JSON; fix the line or remove it`);
  }
  return { method: match[1] as ReplayRequest['method'], path: match[2]!, body };
}

/**
 * The entries to replay: for each repository and branch, the last line written, which holds
 * the state before the last write to it.
 */
export function readBackup(file: string): BackupEntry[] {
  if (!existsSync(file)) throw new ConfigurationError(`mode: restore reads the backup file ${file}, which does not exist; set backup-path to the file an apply wrote`);
  const latest = new Map<string, BackupEntry>();
  readFileSync(file, 'utf8').split('\n').forEach((line, index) => {
    if (!line.trim()) return;
    const where = `${file}:${index + 1}`;
    let entry: BackupEntry;
    try {
      entry = JSON.parse(line) as BackupEntry;
    } catch {
      throw new ConfigurationError(`${where}: not a backup line (not JSON); fix or remove it`);
    }
    if (typeof entry.repository !== 'string' || typeof entry.branch !== 'string' || !Array.isArray(entry.restore)) {
      throw new ConfigurationError(`${where}: not a backup line (it needs repository, branch and restore); fix or remove it`);
    }
    for (const request of entry.restore) parseReplayRequest(String(request), where);
    latest.set(`${entry.repository}\u0000${entry.branch}`, entry);
  });
  if (latest.size === 0) throw new ConfigurationError(`mode: restore found no backup line in ${file}; nothing to restore`);
  return [...latest.values()];
}
