import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import picomatch from 'picomatch';
import { ConfigurationError, EnvironmentError } from '../core/errors.js';
import { readProjectFile } from '../core/project-files.js';

/** What the test runs recorded in their reports, summed. */
export interface ExecutedTests {
  /** Report files read, relative to the root. */
  files: string[];
  total: number;
  passed: number;
  skipped: number;
}

/** Reads every JUnit XML, vitest JSON or jest JSON report the globs match (relative to `root`). */
export function readTestReports(root: string, globs: readonly string[]): ExecutedTests {
  const executed: ExecutedTests = { files: [], total: 0, passed: 0, skipped: 0 };
  for (const file of expandGlobs(root, globs)) {
    const counts = parseTestReport(readProjectFile(root, file), file);
    executed.files.push(file);
    executed.total += counts.total;
    executed.passed += counts.passed;
    executed.skipped += counts.skipped;
  }
  return executed;
}

/** Report files are build output, usually git-ignored, so the walk ignores .gitignore (not node_modules). */
function expandGlobs(root: string, globs: readonly string[]): string[] {
  const found = new Set<string>();
  for (const glob of globs) {
    const pattern = glob.replace(/^\.\//, '');
    const scan = picomatch.scan(pattern);
    if (!scan.isGlob) {
      if (isFile(path.join(root, pattern))) found.add(pattern);
      continue;
    }
    const matches = picomatch(pattern, { dot: true });
    const pending = [scan.base];
    while (pending.length > 0) {
      const dir = pending.pop()!;
      let entries;
      try {
        entries = readdirSync(path.join(root, dir), { withFileTypes: true });
      } catch (error) {
        // A glob whose base does not exist matches nothing; one that cannot be read must not pass as that.
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'ENOENT' || code === 'ENOTDIR') continue;
        throw new EnvironmentError(`reports: cannot read directory ${dir || '.'} (${code ?? 'unknown error'}); give the job read access to it`);
      }
      for (const entry of entries) {
        const relative = dir ? `${dir}/${entry.name}` : entry.name;
        if (entry.isDirectory() && entry.name !== 'node_modules' && entry.name !== '.git') pending.push(relative);
        else if (entry.isFile() && matches(relative)) found.add(relative);
      }
    }
  }
  return [...found].sort();
}

function isFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

type Counts = Omit<ExecutedTests, 'files'>;

function parseTestReport(text: string, file: string): Counts {
  const trimmed = text.trimStart();
  if (trimmed.startsWith('<')) return parseJUnit(trimmed, file);
  if (trimmed.startsWith('{')) return parseJestJson(trimmed, file);
  throw notAReport(file);
}

function notAReport(file: string): ConfigurationError {
  return new ConfigurationError(`reports: ${file} is neither JUnit XML nor a vitest/jest JSON report; point reports at the runner's JUnit (--reporter=junit) or JSON (--json) output`);
}

/** jest `--json` and vitest `--reporter=json` share this summary. */
function parseJestJson(text: string, file: string): Counts {
  let report: Record<string, unknown>;
  try {
    report = JSON.parse(text) as Record<string, unknown>;
  } catch {
    throw notAReport(file);
  }
  const count = (key: string) => (typeof report[key] === 'number' ? report[key] : 0);
  if (typeof report.numTotalTests !== 'number') throw notAReport(file);
  return {
    total: count('numTotalTests'),
    passed: count('numPassedTests'),
    skipped: count('numPendingTests') + count('numTodoTests'),
  };
}

const TEST_CASE = /<testcase\b[^>]*?(?:\/>|>([\s\S]*?)<\/testcase>)/g;

function parseJUnit(text: string, file: string): Counts {
  if (!/<testsuites?\b/.test(text)) throw notAReport(file);
  const counts: Counts = { total: 0, passed: 0, skipped: 0 };
  for (const match of text.matchAll(TEST_CASE)) {
    const body = match[1] ?? '';
    counts.total += 1;
    if (/<skipped\b/.test(body)) counts.skipped += 1;
    else if (!/<(?:failure|error)\b/.test(body)) counts.passed += 1;
  }
  return counts;
}
