import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import picomatch from 'picomatch';
import { ConfigurationError, EnvironmentError } from '../core/errors.js';
import { readProjectFile } from '../core/project-files.js';

export interface Counts {
  total: number;
  passed: number;
  failed: number;
  skipped: number;
}

/** What the test runs recorded in their reports, summed. */
export interface ExecutedTests extends Counts {
  /** Report files read, relative to the root. */
  files: string[];
  /** Counts by the test file a report names for its tests (JUnit `file`, jest/vitest JSON `testResults[].name`), relative to the root. */
  byTestFile: Map<string, Counts>;
  /** Tests whose report names no test file. */
  unattributed: number;
}

interface ReportCounts extends Counts {
  byTestFile: Map<string, Counts>;
}

/**
 * Reads every JUnit XML, vitest JSON or jest JSON report the globs match (relative to `root`). A
 * runner told to write both JUnit and JSON writes the same run twice: a JSON report with the same
 * counts as a JUnit report of the same folder is that run, and counted once.
 */
export function readTestReports(root: string, globs: readonly string[]): ExecutedTests {
  const executed: ExecutedTests = { files: [], total: 0, passed: 0, failed: 0, skipped: 0, byTestFile: new Map(), unattributed: 0 };
  const junitRuns = new Set<string>();
  const reports = expandGlobs(root, globs).map((file) => ({ file, ...parseTestReport(readProjectFile(root, file), file, root) }));
  const runKey = (file: string, counts: Counts) => `${path.posix.dirname(file)}:${counts.total}:${counts.passed}:${counts.failed}`;
  for (const report of reports) if (report.format === 'junit') junitRuns.add(runKey(report.file, report));
  for (const report of reports) {
    executed.files.push(report.file);
    if (report.format === 'json' && junitRuns.has(runKey(report.file, report))) continue;
    add(executed, report);
    let attributed = 0;
    for (const [file, counts] of report.byTestFile) {
      const sum = executed.byTestFile.get(file) ?? { total: 0, passed: 0, failed: 0, skipped: 0 };
      add(sum, counts);
      executed.byTestFile.set(file, sum);
      attributed += counts.total;
    }
    executed.unattributed += report.total - attributed;
  }
  return executed;
}

interface ReportProblem {
  rule: 'tests/not-executed' | 'tests/failed';
  message: string;
  file?: string;
}

/**
 * What the reports fail to show: that tests ran and passed, for the whole run and, where the reports
 * name the test file of every test, for each package with real tests.
 */
export function judgeReports(
  executed: ExecutedTests,
  globs: readonly string[],
  minTests: number,
  packages: ReadonlyArray<{ dir: string; name: string; realTests: number }>,
  packageOf: (file: string) => string,
): ReportProblem[] {
  const files = executed.files.join(', ');
  const at = executed.files[0] ? { file: executed.files[0] } : {};
  if (executed.files.length === 0) return [{ rule: 'tests/not-executed', message: `Tests did not run: no test report matches ${globs.join(', ')}, so nothing shows that the tests ran.` }];
  if (executed.total === 0) return [{ rule: 'tests/not-executed', message: `Tests did not run: the reports (${files}) hold no test at all.`, ...at }];
  if (executed.skipped === executed.total) return [{ rule: 'tests/not-executed', message: `Tests did not run: every one of the ${executed.total} tests in ${files} was skipped.`, ...at }];
  if (executed.passed < minTests) {
    return executed.failed > 0
      ? [{ rule: 'tests/failed', message: `Tests failed: ${executed.failed} of the ${executed.total} tests in ${files} failed, and ${executed.passed} passed (min-tests ${minTests}).`, ...at }]
      : [{ rule: 'tests/not-executed', message: `Tests did not run: the reports (${files}) show ${executed.passed} passed tests, fewer than min-tests ${minTests}.`, ...at }];
  }
  // Per package only when every test of the reports names its file: otherwise a package's tests may hide among the others.
  if (executed.unattributed > 0 || executed.byTestFile.size === 0) return [];
  const passedByPackage = new Map<string, number>();
  for (const [file, counts] of executed.byTestFile) passedByPackage.set(packageOf(file), (passedByPackage.get(packageOf(file)) ?? 0) + counts.passed);
  return packages
    .filter((entry) => entry.realTests > 0 && (passedByPackage.get(entry.dir) ?? 0) < Math.max(minTests, 1))
    .map((entry) => ({
      rule: 'tests/not-executed' as const,
      message: `Tests did not run for package ${entry.name}${entry.dir ? ` (${entry.dir})` : ''}: it has ${entry.realTests} real tests, but the reports (${files}) show ${passedByPackage.get(entry.dir) ?? 0} of them passing.`,
      file: entry.dir ? `${entry.dir}/package.json` : 'package.json',
    }));
}

function add(sum: Counts, counts: Counts): void {
  sum.total += counts.total;
  sum.passed += counts.passed;
  sum.failed += counts.failed;
  sum.skipped += counts.skipped;
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

function parseTestReport(text: string, file: string, root: string): ReportCounts & { format: 'junit' | 'json' } {
  const trimmed = text.trimStart();
  if (trimmed.startsWith('<')) return { format: 'junit', ...parseJUnit(trimmed, file, root) };
  if (trimmed.startsWith('{')) return { format: 'json', ...parseJestJson(trimmed, file, root) };
  throw notAReport(file);
}

function notAReport(file: string): ConfigurationError {
  return new ConfigurationError(`reports: ${file} is neither JUnit XML nor a vitest/jest JSON report; point reports at the runner's JUnit (--reporter=junit) or JSON (--json) output`);
}

/** A test file a report names, relative to the root; absolute paths outside the root and names that are no paths give undefined. */
function testFileOf(name: unknown, root: string): string | undefined {
  if (typeof name !== 'string' || !/\.[cm]?[jt]sx?$/.test(name)) return undefined;
  const relative = path.isAbsolute(name) ? path.relative(root, name) : name;
  if (relative.startsWith('..') || path.isAbsolute(relative)) return undefined;
  return relative.split(path.sep).join('/').replace(/^\.\//, '');
}

function countInto(counts: ReportCounts, testFile: string | undefined, outcome: 'passed' | 'failed' | 'skipped'): void {
  counts.total += 1;
  counts[outcome] += 1;
  if (!testFile) return;
  const byFile = counts.byTestFile.get(testFile) ?? { total: 0, passed: 0, failed: 0, skipped: 0 };
  byFile.total += 1;
  byFile[outcome] += 1;
  counts.byTestFile.set(testFile, byFile);
}

/** jest `--json` and vitest `--reporter=json` share this shape: a summary, and `testResults` per test file. */
function parseJestJson(text: string, file: string, root: string): ReportCounts {
  let report: Record<string, unknown>;
  try {
    report = JSON.parse(text) as Record<string, unknown>;
  } catch {
    throw notAReport(file);
  }
  if (typeof report !== 'object' || report === null || typeof report.numTotalTests !== 'number') throw notAReport(file);
  const count = (key: string) => (typeof report[key] === 'number' ? report[key] : 0);
  const counts: ReportCounts = { total: 0, passed: 0, failed: 0, skipped: 0, byTestFile: new Map() };
  const results = Array.isArray(report.testResults) ? (report.testResults as Array<Record<string, unknown>>) : [];
  const perTest = results.every((result) => Array.isArray(result?.assertionResults)) && results.length > 0;
  if (!perTest) {
    return { total: count('numTotalTests'), passed: count('numPassedTests'), failed: count('numFailedTests'), skipped: count('numPendingTests') + count('numTodoTests'), byTestFile: new Map() };
  }
  for (const result of results) {
    const testFile = testFileOf(result.name, root);
    for (const assertion of result.assertionResults as Array<{ status?: unknown }>) {
      const status = assertion?.status;
      countInto(counts, testFile, status === 'passed' ? 'passed' : status === 'failed' ? 'failed' : 'skipped');
    }
  }
  return counts;
}

const XML = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => name === 'testsuite' || name === 'testcase' || name === 'testsuites' });

interface JUnitNode {
  testsuites?: JUnitNode[];
  testsuite?: JUnitNode[];
  testcase?: Array<Record<string, unknown>>;
  file?: unknown;
}

/** JUnit XML, read with an XML parser: a `<testcase` inside CDATA or a comment is text, not a test. */
function parseJUnit(text: string, file: string, root: string): ReportCounts {
  let document: JUnitNode;
  try {
    document = XML.parse(text, true) as JUnitNode;
  } catch {
    throw notAReport(file);
  }
  if (!document.testsuites && !document.testsuite) throw notAReport(file);
  const counts: ReportCounts = { total: 0, passed: 0, failed: 0, skipped: 0, byTestFile: new Map() };
  const pending: Array<{ node: JUnitNode; file?: unknown }> = [{ node: document }];
  while (pending.length > 0) {
    const { node, file: suiteFile } = pending.pop()!;
    for (const child of [...(node.testsuites ?? []), ...(node.testsuite ?? [])]) {
      if (typeof child === 'object' && child !== null) pending.push({ node: child, file: child.file ?? suiteFile });
    }
    for (const entry of node.testcase ?? []) {
      // `<testcase></testcase>` with nothing in it parses as an empty string.
      const testcase: Record<string, unknown> = typeof entry === 'object' && entry !== null ? entry : {};
      const testFile = testFileOf(testcase.file ?? suiteFile, root) ?? testFileOf(testcase.classname, root);
      const outcome = 'failure' in testcase || 'error' in testcase ? 'failed' : 'skipped' in testcase ? 'skipped' : 'passed';
      countInto(counts, testFile, outcome);
    }
  }
  return counts;
}
