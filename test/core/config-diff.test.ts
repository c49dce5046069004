import { describe, expect, it } from 'vitest';
import { diffConfigs } from '../../src/core/config-diff.js';
import type { ReadinessConfig } from '../../src/core/config.js';
import { enabledGatesOf } from '../../src/core/run.js';

function diff(base: ReadinessConfig, head: ReadinessConfig) {
  return diffConfigs(base, head, enabledGatesOf(base), enabledGatesOf(head)).map((change) => `${change.effect} ${change.gate}${change.key ? `.${change.key}` : ''}: ${change.description}`);
}

describe('diffConfigs', () => {
  it('judges thresholds by their direction', () => {
    expect(diff({ audit: { 'fail-on': 'high' } }, { audit: { 'fail-on': 'critical' } })).toEqual(['loosens audit.fail-on: `fail-on` high → critical']);
    expect(diff({ audit: { 'fail-on': 'high' } }, { audit: { 'fail-on': 'low' } })).toEqual(['tightens audit.fail-on: `fail-on` high → low']);
    // a key left out equals its default
    expect(diff({ audit: {} }, { audit: { 'fail-on': 'moderate', 'on-error': 'warn' } })).toEqual(['tightens audit.fail-on: `fail-on` high → moderate', 'loosens audit.on-error: `on-error` fail → warn']);
    expect(diff({ 'test-existence': { 'min-tests': 2 } }, { 'test-existence': {} })).toEqual(['loosens test-existence.min-tests: `min-tests` 2 → 1']);
  });

  it('calls new exceptions and removed requirements loosening', () => {
    const base: ReadinessConfig = { audit: { require: ['tar>=7.5.2'], allow: [{ id: 'GHSA-xvch-5gv4-984h', reason: 'r' }] } };
    expect(diff(base, { audit: { require: [], allow: [{ id: 'GHSA-xvch-5gv4-984h', reason: 'r' }, { id: 'GHSA-aaaa-bbbb-cccc', reason: 'r2', expires: '2030-01-01' }] } })).toEqual([
      'loosens audit.require[0]: entry removed',
      'loosens audit.allow[1]: exception added (id, reason, expires)',
    ]);
    expect(diff({ 'secret-scan': { 'allow-files': ['a/.env'] } }, { 'secret-scan': {} })).toEqual(['tightens secret-scan.allow-files[0]: exception removed']);
  });

  it('calls a gate switched off loosening, and cannot judge free-form settings', () => {
    expect(diff({ audit: {}, 'test-existence': {} }, { audit: { enabled: false }, 'test-existence': {} })).toEqual(['loosens audit: the gate is switched off (`enabled: false`)']);
    expect(diff({ 'secret-scan': {} }, { 'secret-scan': { 'extra-args': '--max-target-megabytes 1', 'baseline-path': 'b.json' } })).toEqual([
      'changes secret-scan.extra-args: `extra-args` is changed',
      'loosens secret-scan.baseline-path: `baseline-path` is set',
    ]);
    expect(diff({ 'test-existence': { levels: { 'test/skipped': 'error' } } }, { 'test-existence': { levels: { 'test/skipped': 'off', 'test/todo': 'warning' } } })).toEqual([
      'loosens test-existence.levels.test/skipped: `levels.test/skipped` error → off',
      'changes test-existence.levels.test/todo: `levels.test/todo` unset → warning',
    ]);
  });

  it('follows branch protection per branch', () => {
    const base: ReadinessConfig = { 'branch-protection': { branches: [{ name: 'main', 'required-checks': ['lint', 'test'], 'required-reviews': 2, 'enforce-admins': true }, { name: 'release/*' }] } };
    const head: ReadinessConfig = { 'branch-protection': { branches: [{ name: 'main', 'required-checks': ['lint'], 'required-reviews': 1, 'allow-force-pushes': true }] } };
    expect(diff(base, head)).toEqual([
      'loosens branch-protection.branches[1]: branch `release/*` is no longer protected by the config',
      'loosens branch-protection.branches[0].required-checks[1]: entry removed',
      'loosens branch-protection.branches[0].required-reviews: `required-reviews` 2 → 1',
      'loosens branch-protection.branches[0].enforce-admins: `enforce-admins` true → unset',
      'loosens branch-protection.branches[0].allow-force-pushes: `allow-force-pushes` unset → true',
    ]);
  });

  it('finds nothing when nothing changed', () => {
    expect(diff({ audit: { 'fail-on': 'high' } }, { audit: { 'fail-on': 'high' } })).toEqual([]);
  });
});
