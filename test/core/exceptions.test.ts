import { describe, expect, it } from 'vitest';
import { ExceptionList } from '../../src/core/exceptions.js';

interface Allow {
  id: string;
  reason: string;
  expires?: string;
}

describe('ExceptionList', () => {
  const entries: Allow[] = [
    { id: 'GHSA-1', reason: 'not reachable' },
    { id: 'GHSA-2', reason: 'old', expires: '2026-01-01' },
    { id: 'GHSA-3', reason: 'fix pending', expires: '2026-12-31' },
  ];
  const list = () => new ExceptionList(entries, (entry, index) => `audit.allow[${index}] (${entry.id})`, '2026-11-22');

  it('matches unexpired entries and never expired ones', () => {
    const exceptions = list();
    expect(exceptions.match((entry) => entry.id === 'GHSA-1')?.reason).toBe('not reachable');
    expect(exceptions.match((entry) => entry.id === 'GHSA-2')).toBeUndefined();
    expect(exceptions.match((entry) => entry.id === 'GHSA-9')).toBeUndefined();
  });

  it('turns expired entries into errors and unused ones into notices', () => {
    const exceptions = list();
    exceptions.match((entry) => entry.id === 'GHSA-1');
    expect(exceptions.findings('.github/readiness-gates.yml')).toEqual([
      {
        rule: 'policy/expired-exception',
        level: 'error',
        message: 'Exception audit.allow[1] (GHSA-2) expired on 2026-01-01; fix the finding it hid, or renew it with a new date and reason.',
        file: '.github/readiness-gates.yml',
      },
      { rule: 'policy/unused-exception', level: 'notice', message: 'Exception audit.allow[2] (GHSA-3) matched nothing; remove it.', file: '.github/readiness-gates.yml' },
    ]);
  });

  it('counts an entry expiring today as still valid', () => {
    const exceptions = new ExceptionList([{ id: 'x', reason: 'r', expires: '2026-11-22' }], () => 'x', '2026-11-22');
    expect(exceptions.match(() => true)).toBeDefined();
    expect(exceptions.findings()).toEqual([]);
  });
});
