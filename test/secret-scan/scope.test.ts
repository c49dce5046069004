import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ConfigurationError, EnvironmentError } from '../../src/core/errors.js';
import { buildGitleaksArgs } from '../../src/secret-scan/gitleaks.js';
import { gitLogOptions } from '../../src/secret-scan/history.js';
import { resolveScanRange, scanCategory, type ScanTarget } from '../../src/secret-scan/scope.js';
import { fixturePath } from './helpers.js';

const BASE = '1'.repeat(40);
const HEAD = '2'.repeat(40);

function event(name: string, file = name): { eventName: string; payload: Record<string, unknown> } {
  return { eventName: name, payload: JSON.parse(readFileSync(fixturePath('events', `${file}.json`), 'utf8')) as Record<string, unknown> };
}

/** The arguments `gitleaks git` gets for a target, as the gate builds them for a native binary. */
function gitModeArgs(target: ScanTarget): string[] {
  if (target.kind !== 'commits' && target.kind !== 'history') throw new Error(`no git mode for ${target.kind}`);
  return buildGitleaksArgs({
    mode: 'git',
    source: '/repo',
    reportPath: '/tmp/report.json',
    logOptions: gitLogOptions(target.kind === 'history' ? { all: true } : { head: target.head, exclude: target.exclude }),
    extraArgs: [],
  });
}

describe('resolveScanRange (scope: auto) from event payloads', () => {
  it.each([
    ['pull_request', 'pull_request'],
    ['pull_request_target', 'pull_request_target'],
    ['merge_group', 'merge_group'],
    ['push', 'push'],
  ])('%s scans base..head, every commit, merges included', (name, file) => {
    const target = resolveScanRange('auto', undefined, event(name, file));
    expect(target).toMatchObject({ kind: 'commits', head: HEAD, exclude: [BASE] });
    expect(gitModeArgs(target)).toEqual([
      'git', '--redact', '--no-banner', '--no-color', '--report-format', 'json', '--report-path', '/tmp/report.json', '--exit-code', '99',
      `--log-opts=--full-history --diff-merges=remerge --relative --no-textconv --no-renames --src-prefix=a/ --dst-prefix=b/ ${HEAD} ^${BASE}`,
      '.',
    ]);
  });

  it('fetches both ends of a pull request, whose head a merge-ref checkout does not contain', () => {
    expect(resolveScanRange('auto', undefined, event('pull_request'))).toMatchObject({ fetch: [BASE, HEAD], description: expect.stringContaining('#42') });
  });

  it('scans the commits of a new branch that the default branch does not have', () => {
    const target = resolveScanRange('auto', undefined, event('push', 'push-new-branch'));
    expect(target).toMatchObject({
      kind: 'commits',
      head: HEAD,
      exclude: ['refs/remotes/origin/main'],
      fetch: ['+refs/heads/main:refs/remotes/origin/main', HEAD],
    });
    expect(gitModeArgs(target)).toContain(`--log-opts=--full-history --diff-merges=remerge --relative --no-textconv --no-renames --src-prefix=a/ --dst-prefix=b/ ${HEAD} ^refs/remotes/origin/main`);
  });

  it('scans every commit of a newly pushed default branch', () => {
    const { payload } = event('push', 'push-new-branch');
    const target = resolveScanRange('auto', undefined, { eventName: 'push', payload: { ...payload, ref: 'refs/heads/main' } });
    expect(target).toMatchObject({ kind: 'commits', head: HEAD, exclude: [] });
  });

  it('scans nothing for a deleted branch', () => {
    expect(resolveScanRange('auto', undefined, event('push', 'push-deleted-branch')).kind).toBe('nothing');
  });

  it.each(['schedule', 'workflow_dispatch'])('%s scans the full history', (name) => {
    const target = resolveScanRange('auto', undefined, event(name));
    expect(target.kind).toBe('history');
    expect(gitModeArgs(target)).toContain('--log-opts=--full-history --diff-merges=remerge --relative --no-textconv --no-renames --src-prefix=a/ --dst-prefix=b/ --all');
  });

  it('scans the working tree when there is no event (local CLI)', () => {
    expect(resolveScanRange('auto', undefined, { eventName: '', payload: {} }).kind).toBe('worktree');
  });

  it('fails, instead of guessing, when a payload lacks its commits', () => {
    expect(() => resolveScanRange('auto', undefined, { eventName: 'pull_request', payload: { pull_request: { base: {} } } })).toThrow(EnvironmentError);
    const { payload } = event('push', 'push-new-branch');
    expect(() => resolveScanRange('auto', undefined, { eventName: 'push', payload: { ...payload, repository: {} } })).toThrow(/default_branch/);
  });
});

describe('resolveScanRange with an explicit scope', () => {
  it('ignores the event for worktree and history', () => {
    expect(resolveScanRange('worktree', undefined, event('pull_request')).kind).toBe('worktree');
    expect(resolveScanRange('history', undefined, event('pull_request')).kind).toBe('history');
  });

  it('scans since..HEAD for range, and needs since', () => {
    expect(resolveScanRange('range', 'v1.2.0', event('schedule'))).toMatchObject({ kind: 'commits', head: 'HEAD', exclude: ['v1.2.0'] });
    expect(() => resolveScanRange('range', undefined, event('schedule'))).toThrow(ConfigurationError);
  });
});

describe('scanCategory: one code-scanning category per part of the history a scan covers', () => {
  it.each([
    ['pull_request', 'pull_request', 'pull-request'],
    ['merge_group', 'merge_group', 'pull-request'],
    ['push', 'push', 'push'],
    ['push', 'push-new-branch', 'push'],
    ['push', 'push-deleted-branch', 'push'],
    ['schedule', 'schedule', 'history'],
  ])('%s (%s) → %s', (name, file, category) => {
    expect(scanCategory(resolveScanRange('auto', undefined, event(name, file)), name)).toBe(category);
  });

  it('names explicit scopes after themselves', () => {
    // The gate reads no event for an explicit scope.
    expect(scanCategory(resolveScanRange('range', 'v1.2.0', { eventName: '', payload: {} }), '')).toBe('range');
    expect(scanCategory(resolveScanRange('history', undefined, { eventName: '', payload: {} }), '')).toBe('history');
    expect(scanCategory(resolveScanRange('worktree', undefined, { eventName: '', payload: {} }), '')).toBe('worktree');
    expect(scanCategory(resolveScanRange('auto', undefined, { eventName: '', payload: {} }, true), '')).toBe('staged');
  });
});
