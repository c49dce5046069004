import { describe, expect, it } from 'vitest';
import { ConfigurationError, EnvironmentError, ExitCode, UsageError, describeError } from '../../src/core/errors.js';
import { exitCodeForStatus } from '../../src/core/exit-code.js';
import { combineReports, createReport, errorReport, statusOf, type GateReport } from '../../src/core/report.js';

const report = (gate: GateReport['gate'], status: GateReport['status']): GateReport => ({ gate, status, findings: [], metrics: {}, durationMs: 1 });

describe('status and exit codes', () => {
  it('fails only on error-level findings', () => {
    expect(statusOf([])).toBe('pass');
    expect(statusOf([{ rule: 'r', level: 'warning', message: 'm' }, { rule: 'r', level: 'notice', message: 'm' }])).toBe('pass');
    expect(statusOf([{ rule: 'r', level: 'warning', message: 'm' }, { rule: 'r', level: 'error', message: 'm' }])).toBe('fail');
  });

  it('maps pass, fail and error to 0, 1 and 2', () => {
    expect(exitCodeForStatus('pass')).toBe(ExitCode.Pass);
    expect(exitCodeForStatus('fail')).toBe(1);
    expect(exitCodeForStatus('error')).toBe(2);
  });

  it('lets one gate that could not decide make the whole suite an error', () => {
    expect(combineReports([report('audit', 'pass'), report('secret-scan', 'pass')]).status).toBe('pass');
    expect(combineReports([report('audit', 'pass'), report('secret-scan', 'fail')]).status).toBe('fail');
    expect(combineReports([report('audit', 'error'), report('secret-scan', 'fail')]).status).toBe('error');
  });

  it('builds a report with status and duration', () => {
    const built = createReport('audit', [{ rule: 'GHSA-x', level: 'error', message: 'm' }], { packages: 3 }, performance.now() - 5);
    expect(built).toMatchObject({ gate: 'audit', status: 'fail', metrics: { packages: 3 } });
    expect(built.durationMs).toBeGreaterThanOrEqual(4);
  });
});

describe('errors', () => {
  it('prints expected errors as their own first line', () => {
    expect(describeError(new ConfigurationError('audit.fail-on: bad\nmore'))).toBe('audit.fail-on: bad');
    expect(describeError(new UsageError('unknown flag --x'))).toBe('unknown flag --x');
    expect(describeError(new EnvironmentError('registry unreachable'))).toBe('registry unreachable');
  });

  it('marks anything else as an internal error without its stack', () => {
    const text = describeError(new TypeError('x is undefined'));
    expect(text).toMatch(/^internal error: x is undefined \(a bug in readiness-gates/);
    expect(text).not.toContain('at ');
  });

  it('turns a thrown error into an error report', () => {
    const built = errorReport('audit', new EnvironmentError('registry at http://127.0.0.1:1/ did not answer'), performance.now());
    expect(built.status).toBe('error');
    expect(built.findings).toEqual([{ rule: 'gate/error', level: 'error', message: 'registry at http://127.0.0.1:1/ did not answer' }]);
  });
});

describe('Redactor', () => {
  it('removes every registered secret and ignores values too short to be one', async () => {
    const { Redactor } = await import('../../src/core/redact.js');
    const redactor = new Redactor();
    redactor.add('ghp_abcdefghijklmnopqrstuvwxyz0123456789');
    redactor.add('abc');
    expect(redactor.redact('token=ghp_abcdefghijklmnopqrstuvwxyz0123456789; abc; ghp_abcdefghijklmnopqrstuvwxyz0123456789')).toBe('token=***; abc; ***');
  });
});
