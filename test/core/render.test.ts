import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { ANNOTATION_LIMITS, describeOmitted, selectAnnotations } from '../../src/core/render/annotations.js';
import { renderReport } from '../../src/core/render/index.js';
import { renderMarkdown, SUMMARY_BYTE_LIMIT } from '../../src/core/render/markdown.js';
import { renderSarif } from '../../src/core/render/sarif.js';
import { renderText } from '../../src/core/render/text.js';
import { combineReports, errorReport, type Finding, type GateReport, type Level } from '../../src/core/report.js';

const require = createRequire(import.meta.url);
// The SARIF schema is draft-04, which needs ajv's draft-04 build (CommonJS, exporting the class).
const AjvDraft04 = require('ajv-draft-04') as typeof Ajv;
const sarifSchema = JSON.parse(readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));
const addFormats = require('ajv-formats') as (ajv: Ajv) => Ajv;
// With its formats checked too: the URIs, the relative ones included, and the times.
const validateSarif = addFormats(new AjvDraft04({ allErrors: true, strict: false, unicodeRegExp: false })).compile(sarifSchema);

const audit: GateReport = {
  gate: 'audit',
  status: 'fail',
  durationMs: 42,
  metrics: { packages: 120, critical: 1 },
  findings: [
    { rule: 'policy/unused-exception', level: 'notice', message: 'Exception audit.allow[0] matched nothing; remove it.' },
    { rule: 'GHSA-xvch-5gv4-984h', level: 'warning', message: 'minimist@1.2.0 has a moderate advisory', file: 'package-lock.json', line: 40 },
    {
      rule: 'GHSA-aaaa-bbbb-cccc',
      level: 'error',
      message: 'tar@6.0.0 | has a critical <advisory>',
      file: 'dir with space/package-lock.json',
      line: 12,
      column: 5,
      endLine: 14,
      fingerprint: 'tar@6.0.0:GHSA-aaaa-bbbb-cccc',
      help: 'Upgrade to tar >= 7.5.2.',
    },
  ],
};
const secretScan: GateReport = { gate: 'secret-scan', status: 'pass', durationMs: 1500, metrics: { files: 10 }, findings: [] };

describe('text renderer', () => {
  it('leads with the status and lists errors first with their location', () => {
    const text = renderText(audit);
    const lines = text.trimEnd().split('\n');
    expect(lines[0]).toBe('audit: FAIL — 1 error, 1 warning, 1 notice (42 ms)');
    expect(lines[1]).toContain('error');
    expect(lines[1]).toContain('dir with space/package-lock.json:12:5');
    expect(lines[2]).toContain('package-lock.json:40');
    expect(lines.at(-1)).toContain('packages: 120, critical: 1');
    expect(text).not.toContain('\u001b[');
  });

  it('colours only when asked and summarises a combined run', () => {
    expect(renderText(audit, { color: true })).toContain('\u001b[31mFAIL');
    const combined = renderText(combineReports([audit, secretScan]));
    expect(combined.trimEnd().split('\n').at(-1)).toBe('readiness-gates: FAIL (audit fail, secret-scan pass)');
  });
});

describe('JSON renderer', () => {
  it('prints exactly the report', () => {
    expect(JSON.parse(renderReport(audit, 'json'))).toEqual(audit);
    const combined = JSON.parse(renderReport(combineReports([audit, secretScan]), 'json'));
    expect(combined.status).toBe('fail');
    expect(combined.gates.map((gate: GateReport) => gate.gate)).toEqual(['audit', 'secret-scan']);
  });
});

describe('markdown renderer', () => {
  it('escapes table cells and links locations', () => {
    const markdown = renderMarkdown(audit, { linkFor: (file, line) => `https://example.test/${file}#L${line}` });
    expect(markdown).toContain('### ❌ audit: fail');
    expect(markdown).toContain('`tar@6.0.0` \\| has a critical &lt;advisory&gt;');
    expect(markdown).toContain('[`dir with space/package-lock.json:12:5`](https://example.test/dir%20with%20space/package-lock.json#L12)');
    expect(markdown).toContain('<sub>packages: 120 · critical: 1 · time: 42 ms</sub>');
    // errors lead the table
    expect(markdown.indexOf('GHSA-aaaa')).toBeLessThan(markdown.indexOf('GHSA-xvch'));
  });

  it('links a finding to the blob at the commit that holds it, others at the checked-out commit', () => {
    const linkFor = (file: string, line?: number, commit?: string) => `https://example.test/blob/${commit ?? 'HEAD'}/${file}#L${line}`;
    const report: GateReport = {
      ...secretScan,
      status: 'fail',
      findings: [
        { rule: 'github-pat', level: 'error', message: 'a token', file: 'gone.ts', line: 2, commit: 'c'.repeat(40) },
        { rule: 'file/dotenv', level: 'error', message: 'a dotenv file', file: '.env', line: 1 },
      ],
    };
    const markdown = renderMarkdown(report, { linkFor });
    expect(markdown).toContain(`[\`gone.ts:2\`](https://example.test/blob/${'c'.repeat(40)}/gone.ts#L2)`);
    expect(markdown).toContain('[`.env:1`](https://example.test/blob/HEAD/.env#L1)');
  });

  it('summarises a combined run in one table and caps long lists', () => {
    const markdown = renderMarkdown(combineReports([audit, secretScan]), { maxRows: 1 });
    expect(markdown).toContain('## ❌ readiness-gates: fail');
    expect(markdown).toContain('**1** error · **1** warning · **1** notice');
    expect(markdown).toContain('| audit | ❌ fail | 1 | 1 | 1 | 42 ms |');
    expect(markdown).toContain('| secret-scan | ✅ pass | 0 | 0 | 0 | 1.5 s |');
    expect(markdown).toContain('…and 2 more findings not listed here');
    expect(markdown).toContain('No findings.');
  });
});

describe('SARIF renderer', () => {
  it('writes SARIF 2.1.0 that validates against the schema', () => {
    for (const report of [audit, secretScan, combineReports([audit, secretScan, errorReport('test-existence', new Error('boom'), 0)])]) {
      const sarif = JSON.parse(renderSarif(report));
      const valid = validateSarif(sarif);
      expect(validateSarif.errors ?? []).toEqual([]);
      expect(valid).toBe(true);
    }
  });

  it('maps levels, regions, fingerprints and rules', () => {
    const sarif = JSON.parse(renderSarif(audit, { fallbackUri: '.github/readiness-gates.yml' }));
    const [run] = sarif.runs;
    expect(run.tool.driver.name).toBe('readiness-gates/audit');
    expect(run.automationDetails.id).toBe('readiness-gates/audit/');
    expect(run.tool.driver.rules.map((rule: { id: string }) => rule.id)).toEqual(['GHSA-aaaa-bbbb-cccc', 'GHSA-xvch-5gv4-984h', 'policy/unused-exception']);
    const critical = run.results.find((result: { ruleId: string }) => result.ruleId === 'GHSA-aaaa-bbbb-cccc');
    expect(critical.level).toBe('error');
    expect(critical.locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: 'dir%20with%20space/package-lock.json', uriBaseId: '%SRCROOT%' },
      region: { startLine: 12, startColumn: 5, endLine: 14 },
    });
    expect(critical.partialFingerprints).toEqual({ 'readinessGatesFingerprint/v1': 'tar@6.0.0:GHSA-aaaa-bbbb-cccc' });
    expect(run.tool.driver.rules[critical.ruleIndex].id).toBe('GHSA-aaaa-bbbb-cccc');
    const notice = run.results.find((result: { ruleId: string }) => result.ruleId === 'policy/unused-exception');
    expect(notice.level).toBe('note');
    expect(notice.locations[0].physicalLocation.artifactLocation.uri).toBe('.github/readiness-gates.yml');
  });

  it('gives a report with a category its own code-scanning category, and a stable fingerprint alone', () => {
    const finding: Finding = { rule: 'github-pat', level: 'error', message: 'a token', file: 'a.ts', line: 3, fingerprint: `${'a'.repeat(40)}:a.ts:github-pat:3`, stableFingerprint: '0123456789abcdef0123' };
    const report: GateReport = { ...secretScan, status: 'fail', findings: [finding], category: 'history' };
    const [run] = JSON.parse(renderSarif(report)).runs;
    expect(run.automationDetails.id).toBe('readiness-gates/secret-scan/history/');
    expect(run.results[0].partialFingerprints).toEqual({ 'readinessGatesStableFingerprint/v1': '0123456789abcdef0123' });
    const combined = JSON.parse(renderSarif(combineReports([audit, report])));
    expect(combined.runs.map((each: { automationDetails: { id: string } }) => each.automationDetails.id)).toEqual(['readiness-gates/audit/', 'readiness-gates/secret-scan/history/']);
    expect(validateSarif(combined)).toBe(true);
  });

  it('reports a gate that could not decide as a failed invocation, not a result', () => {
    const sarif = JSON.parse(renderSarif(errorReport('audit', new Error('registry down'), 0)));
    expect(sarif.runs[0].results).toEqual([]);
    expect(sarif.runs[0].invocations[0].executionSuccessful).toBe(false);
    expect(sarif.runs[0].invocations[0].toolExecutionNotifications[0].message.text).toContain('registry down');
  });
});

describe('annotations', () => {
  it('places findings on their file and line', () => {
    const { annotations } = selectAnnotations([audit]);
    const critical = annotations.find((annotation) => annotation.properties.title === 'audit: GHSA-aaaa-bbbb-cccc')!;
    expect(critical).toEqual({
      level: 'error',
      message: 'tar@6.0.0 | has a critical <advisory>\nUpgrade to tar >= 7.5.2.',
      properties: { title: 'audit: GHSA-aaaa-bbbb-cccc', file: 'dir with space/package-lock.json', startLine: 12, endLine: 14 },
    });
    const notice = annotations.find((annotation) => annotation.level === 'notice')!;
    expect(notice.properties).toEqual({ title: 'audit: policy/unused-exception' });
  });
});

/** `count` findings spread over the levels and files, as a large real report has them. */
function manyFindings(count: number): Finding[] {
  const levels: Level[] = ['notice', 'warning', 'error'];
  return Array.from({ length: count }, (_, index) => ({
    rule: `GHSA-${String(index).padStart(4, '0')}-bbbb-cccc`,
    level: levels[index % 3]!,
    message: `lodash@4.17.${index} has an advisory; upgrade packages/app-${index}/node_modules/lodash to 4.17.21 or later. ${'Context. '.repeat(40)}`,
    file: index % 5 === 0 ? undefined : `packages/app-${index}/package-lock.json`,
    line: index % 5 === 0 ? undefined : index + 1,
    help: `allow with: { id: GHSA-${index}, reason: … }`,
  }));
}

describe('results at scale', () => {
  const big: GateReport = { gate: 'audit', status: 'fail', durationMs: 10, metrics: { packages: 5000 }, findings: manyFindings(500) };

  it('keeps 500 findings within GitHub annotation limits, errors first, and counts the rest', () => {
    const { annotations, omitted } = selectAnnotations([big, { ...secretScan, findings: manyFindings(30) }]);
    const byLevel = (level: Level) => annotations.filter((annotation) => annotation.level === level).length;
    expect(byLevel('error')).toBe(ANNOTATION_LIMITS.error);
    expect(byLevel('warning')).toBe(ANNOTATION_LIMITS.warning);
    // one notice slot is left for the "and N more" notice
    expect(byLevel('notice')).toBe(ANNOTATION_LIMITS.notice - 1);
    expect(annotations.length + 1).toBeLessThanOrEqual(50);
    expect(annotations.slice(0, 10).every((annotation) => annotation.level === 'error')).toBe(true);
    // findings on a line come before findings without one
    expect(annotations.filter((annotation) => annotation.level === 'error').every((annotation) => annotation.properties.startLine !== undefined)).toBe(true);
    expect(omitted.error + omitted.warning + omitted.notice + annotations.length).toBe(530);
    expect(describeOmitted(omitted, 'the job summary')).toBe(`…and ${omitted.error} errors, ${omitted.warning} warnings, ${omitted.notice} notices more than GitHub shows as annotations on one step; every finding is in the job summary.`);
  });

  it('emits no "more" notice and keeps every notice slot when all fit', () => {
    const { annotations, omitted } = selectAnnotations([audit]);
    expect(annotations).toHaveLength(3);
    expect(describeOmitted(omitted, 'x')).toBeUndefined();
  });

  it('writes a summary of 500 findings under 1 MiB with the verdict first and the long list folded', () => {
    const markdown = renderMarkdown(combineReports([big, big, big, secretScan]));
    expect(Buffer.byteLength(markdown)).toBeLessThan(SUMMARY_BYTE_LIMIT);
    expect(markdown.split('\n')[0]).toBe('## ❌ readiness-gates: fail');
    expect(markdown).toContain('| audit | ❌ fail | 166 | 167 | 167 |');
    expect(markdown.indexOf('**498** errors')).toBeLessThan(markdown.indexOf('### ❌ audit'));
    expect(markdown).toContain('<details><summary>');
    expect(markdown).toContain("more findings not listed here, to stay within GitHub's size limit");
    // every gate gets a section, however noisy the first ones are
    expect(markdown).toContain('### ✅ secret-scan: pass');
    // a package@version is a code span, never a bare word GitHub turns into a mailto link
    expect(markdown).toContain('`lodash@4.17.0`');
    expect(markdown).not.toMatch(/[^`]lodash@4\.17\.\d+[^`]/);
    expect(markdown).toContain('`packages/app-1/node_modules/lodash`');
  });

  it('puts a single gate\'s verdict and counts before its rows', () => {
    const markdown = renderMarkdown(big, { maxBytes: 50_000 });
    expect(markdown.split('\n')[0]).toBe('### ❌ audit: fail — 166 errors, 167 warnings, 167 notices');
    expect(Buffer.byteLength(markdown)).toBeLessThan(50_000);
  });
});
