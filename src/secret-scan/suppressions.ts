import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ConfigurationError } from '../core/errors.js';
import { gitFailureReason, gitResult, isShallowRepository } from '../core/git.js';
import type { Logger } from '../core/logger.js';
import type { Finding } from '../core/report.js';
import { leakFingerprint } from './findings.js';
import { isLeak, type GitleaksLeak } from './gitleaks.js';
import { hashLines, readAtCommit } from './secret-hash.js';

/** The leak a commit-bound entry named, whose lines can be read again to match the same secret elsewhere. */
interface Anchor {
  commit: string;
  file: string;
  rule: string;
  startLine: number;
  /** Baselines give it; a `.gitleaksignore` line does not, so the candidate leak's span is used. */
  endLine?: number;
}

/** One `.gitleaksignore` line or baseline entry. */
interface Entry {
  /** Names it in messages: `.gitleaksignore line 3`, `baseline-path entry 2`. */
  name: string;
  file: string;
  line?: number;
  /** Matches a leak as gitleaks does: by fingerprint, or by place. */
  matches: (leak: GitleaksLeak) => boolean;
  anchor?: Anchor;
}

const IGNORE_FILE = '.gitleaksignore';
const COMMIT_BOUND = /^([0-9a-f]{40,64}):(.+):([^:]+):(\d+)$/;

/**
 * The leaks `.gitleaksignore` and the baseline accept. An entry matches as in gitleaks (its
 * fingerprint or place); a commit-bound entry also matches the same secret line in the same file
 * wherever history moved it (a rebase, a squash merge, a moved line), when its commit is still in
 * the repository: its lines are read there and compared by secret hash.
 */
export class Suppressions {
  private readonly used = new Set<Entry>();

  private constructor(private readonly entries: readonly Entry[]) {}

  static async load(cwd: string, baselinePath: string | undefined): Promise<Suppressions> {
    const [ignore, baseline] = await Promise.all([readIgnoreFile(cwd), baselinePath ? readBaseline(baselinePath, cwd) : []]);
    return new Suppressions([...ignore, ...baseline]);
  }

  /** The leaks no entry names by fingerprint or place. */
  filterDirect(leaks: readonly GitleaksLeak[]): GitleaksLeak[] {
    return leaks.filter((leak) => !this.claim((entry) => entry.matches(leak)));
  }

  /**
   * The leaks left once commit-bound entries are matched by secret hash too; `hashes` holds each
   * leak's. An entry's commit missing from the clone (a squash-merged pull request's, which GitHub
   * keeps under refs/pull/) is fetched from origin when a leak it could match is there.
   */
  async filterMoved(cwd: string, leaks: readonly GitleaksLeak[], hashes: ReadonlyMap<GitleaksLeak, string>, log: Logger): Promise<GitleaksLeak[]> {
    const anchored = this.entries.filter((entry) => entry.anchor && leaks.some((leak) => leak.File === entry.anchor!.file && leak.RuleID === entry.anchor!.rule));
    if (anchored.length === 0) return [...leaks];
    const texts = new Map<Entry, string | undefined>();
    const read = () => Promise.all(anchored.map(async (entry) => texts.set(entry, await readAtCommit(cwd, entry.anchor!.commit, entry.anchor!.file))));
    await read();
    const missing = [...new Set(anchored.filter((entry) => texts.get(entry) === undefined).map((entry) => entry.anchor!.commit))];
    if (missing.length > 0 && (await fetchCommits(cwd, missing, log))) await read();
    return leaks.filter((leak) => {
      const hash = hashes.get(leak);
      if (hash === undefined) return true;
      return !this.claim((entry) => {
        const anchor = entry.anchor;
        const text = texts.get(entry);
        if (!anchor || text === undefined || anchor.file !== leak.File || anchor.rule !== leak.RuleID) return false;
        const endLine = anchor.endLine ?? anchor.startLine + (leak.EndLine - leak.StartLine);
        return hashLines(text, anchor.file, anchor.rule, anchor.startLine, endLine) === hash;
      });
    });
  }

  /**
   * Entries that matched nothing, as notices. Only a full-history scan can tell: a scan of some
   * commits says nothing of the leaks elsewhere, and a work-tree scan lets gitleaks apply
   * `.gitleaksignore` itself. An entry whose commit is gone cannot match again, whatever it names.
   */
  async unusedFindings(cwd: string): Promise<Finding[]> {
    const unused = this.entries.filter((entry) => !this.used.has(entry));
    return Promise.all(
      unused.map(async (entry): Promise<Finding> => {
        const gone = entry.anchor && (await readAtCommit(cwd, entry.anchor.commit, entry.anchor.file)) === undefined;
        const why = gone
          ? `names ${entry.anchor!.file} in commit ${entry.anchor!.commit.slice(0, 12)}, which is not in the history (a squash merge or a rebase replaced it), so it matches nothing; replace it with a secret-scan.allow entry by the secret-hash its finding gives, or remove it`
          : 'matched no leak in the full history; remove it';
        return { rule: 'policy/unused-exception', level: 'notice', message: `${entry.name} ${why}.`, file: entry.file, ...(entry.line ? { line: entry.line } : {}) };
      }),
    );
  }

  private claim(matches: (entry: Entry) => boolean): boolean {
    const entry = this.entries.find(matches);
    if (entry) this.used.add(entry);
    return entry !== undefined;
  }
}

/** `.gitleaksignore` at the scanned root: one fingerprint a line (comments and blank lines skipped). */
async function readIgnoreFile(cwd: string): Promise<Entry[]> {
  let text: string;
  try {
    text = await readFile(path.join(cwd, IGNORE_FILE), 'utf8');
  } catch {
    return [];
  }
  const entries: Entry[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (!line || line.startsWith('#')) return;
    const bound = COMMIT_BOUND.exec(line);
    entries.push({
      name: `${IGNORE_FILE} line ${index + 1}`,
      file: IGNORE_FILE,
      line: index + 1,
      // Like gitleaks: `commit:file:rule:line` names one leak, `file:rule:line` that place in every commit.
      matches: (leak) => line === leakFingerprint(leak) || line === `${leak.File}:${leak.RuleID}:${leak.StartLine}`,
      ...(bound ? { anchor: { commit: bound[1]!, file: bound[2]!, rule: bound[3]!, startLine: Number(bound[4]) } } : {}),
    });
  });
  return entries;
}

/**
 * A gitleaks JSON report whose leaks are accepted. Matched by fingerprint, or by rule, place and
 * commit for reports without one; never by the secret, which our reports do not carry.
 */
async function readBaseline(file: string, cwd: string): Promise<Entry[]> {
  const fix = 'point baseline-path at a gitleaks JSON report (gitleaks … --report-format json --report-path FILE)';
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(path.resolve(cwd, file), 'utf8'));
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'does not exist' : 'is not valid JSON';
    throw new ConfigurationError(`baseline-path: ${file} ${reason}; ${fix}`);
  }
  if (!Array.isArray(parsed) || !parsed.every(isLeak)) throw new ConfigurationError(`baseline-path: ${file} is not a list of gitleaks findings; ${fix}`);
  return parsed.map((accepted, index) => ({
    name: `baseline-path entry ${index + 1} (${accepted.File}:${accepted.RuleID}:${accepted.StartLine})`,
    file: file.split(path.sep).join('/'),
    matches: (leak) => (accepted.Fingerprint !== undefined && accepted.Fingerprint === leakFingerprint(leak)) || placeKey(accepted) === placeKey(leak),
    ...(accepted.Commit ? { anchor: { commit: accepted.Commit, file: accepted.File, rule: accepted.RuleID, startLine: accepted.StartLine, endLine: accepted.EndLine } } : {}),
  }));
}

/**
 * Fetches commits by id from origin (GitHub serves any commit a ref reaches, refs/pull/ included).
 * A failure is no error: the entries naming them then match only as gitleaks would.
 */
async function fetchCommits(cwd: string, commits: readonly string[], log: Logger): Promise<boolean> {
  log.info(`fetching ${commits.length} commit(s) named by .gitleaksignore or the baseline from origin, to match their secrets where history moved them`);
  // A full clone stays full: --depth would make the fetched commits shallow boundaries.
  const depth = (await isShallowRepository(cwd)) ? ['--depth=1'] : [];
  const result = await gitResult(cwd, ['fetch', '--no-tags', '--quiet', ...depth, 'origin', ...commits]);
  if (result.exitCode !== 0) log.info(`could not fetch them (${gitFailureReason(result.stderr, result.exitCode)}); those entries match only their own commit and line`);
  return result.exitCode === 0;
}

function placeKey(leak: GitleaksLeak): string {
  return [leak.RuleID, leak.File, leak.StartLine, leak.EndLine, leak.StartColumn, leak.EndColumn, leak.Commit ?? ''].join('\0');
}
