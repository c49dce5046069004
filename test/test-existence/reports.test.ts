import { describe, expect, it } from 'vitest';
import { executeGate } from '../../src/core/gate.js';
import { silentLogger } from '../../src/core/logger.js';
import type { GateReport } from '../../src/core/report.js';
import { testExistenceGate } from '../../src/test-existence/gate.js';
import { tempDir } from '../helpers/temp.js';

const DEFAULTS = { 'min-tests': 1, 'test-patterns': [], 'assert-functions': [], levels: {}, allow: [] };
const REAL = "it('adds', () => { expect(add(1, 2)).toBe(3) });\n";
const SOURCE = 'export const add = (a, b) => a + b;\n';
const junit = (cases: string) => `<?xml version="1.0"?>\n<testsuites><testsuite name="a">${cases}</testsuite></testsuites>\n`;
const pkg = (name: string) => JSON.stringify({ name, scripts: { test: 'vitest run' } });

function run(files: Record<string, string>, reports: string[]): Promise<GateReport> {
  return executeGate(testExistenceGate, { ...DEFAULTS, reports }, { cwd: tempDir({ 'package.json': pkg('app'), 'src/add.js': SOURCE, 'test/add.test.js': REAL, ...files }), env: {}, log: silentLogger, inAction: false });
}

function messages(report: GateReport): string[] {
  return report.findings.map((finding) => `${finding.rule}: ${finding.message}`);
}

describe('reports read as a runner writes them', () => {
  it('does not count a <testcase inside CDATA or a comment', async () => {
    const report = await run({ 'out/junit.xml': junit('<system-out><![CDATA[<testcase name="fake"/>]]></system-out><!-- <testcase name="old"/> -->') }, ['out/junit.xml']);
    expect(messages(report)).toEqual(['tests/not-executed: Tests did not run: the reports (out/junit.xml) hold no test at all.']);
  });

  it('counts one run written as JUnit and JSON once', async () => {
    const json = JSON.stringify({ numTotalTests: 2, numPassedTests: 2, numFailedTests: 0, numPendingTests: 0, testResults: [{ name: 'test/add.test.js', assertionResults: [{ status: 'passed' }, { status: 'passed' }] }] });
    const report = await run({ 'out/junit.xml': junit('<testcase name="a" file="test/add.test.js"/><testcase name="b" file="test/add.test.js"/>'), 'out/results.json': json }, ['out/*']);
    expect(report.metrics).toMatchObject({ 'executed-tests': 2, 'passed-tests': 2 });
    expect(messages(report)).toEqual([]);
  });

  it('says that tests failed when they failed', async () => {
    const report = await run({ 'out/junit.xml': junit('<testcase name="a"><failure message="boom"/></testcase><testcase name="b"><error/></testcase>') }, ['out/junit.xml']);
    expect(messages(report)).toEqual(['tests/failed: Tests failed: 2 of the 2 tests in out/junit.xml failed, and 0 passed (min-tests 1).']);
    expect(report.metrics['failed-tests']).toBe(2);
  });

  it('is a configuration error, not a pass, for XML that is not well-formed', async () => {
    const report = await run({ 'out/junit.xml': '<testsuites><testsuite><testcase name="a"></testsuite>' }, ['out/junit.xml']);
    expect(report.status).toBe('error');
    expect(report.findings[0]?.message).toMatch(/^reports: out\/junit.xml is neither JUnit XML nor/);
  });

  it('checks each package when the reports name the test file of every test', async () => {
    const files = { 'web/package.json': pkg('web'), 'web/src/add.js': SOURCE, 'web/test/add.test.js': REAL };
    const vitestJson = (names: string[]) => JSON.stringify({ numTotalTests: names.length, numPassedTests: names.length, testResults: names.map((name) => ({ name, assertionResults: [{ status: 'passed' }] })) });
    const onlyRoot = await run({ ...files, 'out/results.json': vitestJson(['test/add.test.js']) }, ['out/results.json']);
    expect(messages(onlyRoot)).toEqual(['tests/not-executed: Tests did not run for package web (web): it has 1 real tests, but the reports (out/results.json) show 0 of them passing.']);
    expect(onlyRoot.findings[0]?.file).toBe('web/package.json');
    const both = await run({ ...files, 'out/results.json': vitestJson(['test/add.test.js', 'web/test/add.test.js']) }, ['out/results.json']);
    expect(messages(both)).toEqual([]);
    // A report that does not say where its tests are cannot be split by package: it counts for the whole run.
    const anonymous = await run({ ...files, 'out/junit.xml': junit('<testcase name="a"/>') }, ['out/junit.xml']);
    expect(messages(anonymous)).toEqual([]);
  });
});
