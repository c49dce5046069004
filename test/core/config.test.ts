import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import schema from '../../schema/readiness-gates.schema.json' with { type: 'json' };
import { AJV_OPTIONS, coerceSetting, parseConfig, resolveSettings, scalarSettings } from '../../src/core/config.js';
import { loadConfig } from '../../src/core/config-file.js';
import { ConfigurationError } from '../../src/core/errors.js';
import { tempDir } from '../helpers/temp.js';

const DESIGN_EXAMPLE = `
secret-scan:
  scope: auto
  allow:
    - fingerprint: src/config.ts:github-pat:3
      reason: revoked test token
      expires: 2026-12-31
audit:
  fail-on: high
  production-only: false
  require: ["tar>=7.5.2", "nodemailer>=7.0.7"]
  allow:
    - id: GHSA-xvch-5gv4-984h
      reason: not reachable from our code
      expires: 2026-12-31
test-existence:
  min-tests: 1
branch-protection:
  mode: check
  branches:
    - name: main
      required-checks: [lint, test, build]
      required-reviews: 1
      dismiss-stale-reviews: true
      enforce-admins: true
      linear-history: true
`;

function configError(text: string): string {
  try {
    parseConfig(text, '.github/readiness-gates.yml');
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigurationError);
    return (error as Error).message;
  }
  throw new Error('expected a configuration error');
}

describe('the config schema', () => {
  // The gate compiles it without checking it against the meta-schema (see config.ts): this is that check.
  it('is a valid draft-07 JSON Schema under the options the gate compiles it with', () => {
    const ajv = new Ajv(AJV_OPTIONS);
    expect(ajv.validateSchema(schema), ajv.errorsText()).toBe(true);
    expect(() => ajv.compile(schema)).not.toThrow();
  });
});

describe('parseConfig', () => {
  it('accepts the example of the design document', () => {
    const config = parseConfig(DESIGN_EXAMPLE, 'example.yml');
    expect(config.audit?.require).toEqual(['tar>=7.5.2', 'nodemailer>=7.0.7']);
    expect(config['branch-protection']?.branches).toHaveLength(1);
  });

  it('treats an empty file as no settings', () => {
    expect(parseConfig('', 'empty.yml')).toEqual({});
    expect(parseConfig('# only a comment\n', 'empty.yml')).toEqual({});
  });

  it('names the key path, the kind and length of the value (never the value) and what is allowed for a bad enum value', () => {
    expect(configError('audit:\n  fail-on: hihg\n')).toBe(
      '.github/readiness-gates.yml: audit.fail-on: a 4-character string is not one of low, moderate, high, critical',
    );
  });

  it('suggests the nearest key for a typo and lists keys otherwise', () => {
    expect(configError('audit:\n  fail_on: high\n')).toContain('audit.fail_on: unknown key; did you mean fail-on?');
    expect(configError('secretscan: {}\n')).toContain('secretscan: unknown key; did you mean secret-scan?');
    expect(configError('audit:\n  zzzzzzzzzzzz: 1\n')).toContain('allowed keys are enabled, fail-on,');
  });

  it('reports wrong types with what the value should be', () => {
    expect(configError('audit:\n  production-only: "yes"\n')).toContain('audit.production-only: a 3-character string should be true or false');
    expect(configError('test-existence:\n  min-tests: many\n')).toContain('test-existence.min-tests: a 4-character string should be a whole number');
    expect(configError('audit: [1]\n')).toContain('audit: a list should be a mapping');
  });

  it('points into lists of exceptions', () => {
    expect(configError('audit:\n  allow:\n    - id: GHSA-xvch-5gv4-984h\n')).toContain('audit.allow[0]: missing required key reason');
    expect(configError('secret-scan:\n  allow:\n    - reason: because\n')).toContain('secret-scan.allow[0]: needs one of fingerprint, secret-hash, rule, path');
    expect(configError('audit:\n  allow:\n    - id: GHSA-xvch-5gv4-984h\n      reason: r\n      expires: 31-12-2026\n')).toContain(
      'audit.allow[0].expires: a 10-character string is not valid (A calendar date, YYYY-MM-DD)',
    );
  });

  it('says what required-checks accepts', () => {
    expect(configError('branch-protection:\n  branches:\n    - name: main\n      required-checks: 5\n')).toContain(
      'branch-protection.branches[0].required-checks: a number should be a list of names or "auto"',
    );
  });

  it('counts further problems instead of listing them', () => {
    expect(configError('audit:\n  fail-on: x\n  production-only: 3\n')).toMatch(/\(and 1 more problem\)$/);
  });

  it('gives the line and column of invalid YAML', () => {
    expect(configError('audit:\n  fail-on: [high\n')).toMatch(/^\.github\/readiness-gates\.yml:\d+:\d+: invalid YAML: /);
    expect(configError('audit:\n  fail-on: high\n  fail-on: low\n')).toMatch(/invalid YAML: .*unique/i);
  });

  it('rejects a document that is not a mapping', () => {
    expect(configError('- audit\n')).toContain('must be a mapping of gate sections');
  });
});

describe('loadConfig', () => {
  it('finds .github/readiness-gates.yml, then .yaml', () => {
    const yml = tempDir({ '.github/readiness-gates.yml': 'audit:\n  fail-on: low\n' });
    expect(loadConfig(yml)).toEqual({ file: '.github/readiness-gates.yml', config: { audit: { 'fail-on': 'low' } } });
    const yaml = tempDir({ '.github/readiness-gates.yaml': 'audit:\n  fail-on: critical\n' });
    expect(loadConfig(yaml).file).toBe('.github/readiness-gates.yaml');
  });

  it('returns no settings when there is no file', () => {
    expect(loadConfig(tempDir())).toEqual({ config: {} });
  });

  it('fails on an explicit file that does not exist or is a directory', () => {
    const dir = tempDir({ 'conf/x.yml': '' });
    expect(() => loadConfig(dir, 'missing.yml')).toThrow(/config file missing\.yml does not exist/);
    expect(() => loadConfig(dir, 'conf')).toThrow(/config file conf is a directory/);
  });
});

describe('resolveSettings', () => {
  it('lets overrides win over the config file and the file over defaults', () => {
    const settings = resolveSettings('audit', { 'fail-on': 'low', 'production-only': true }, { 'fail-on': 'critical' }, (key) => `--${key}`);
    expect(settings).toMatchObject({ 'fail-on': 'critical', 'production-only': true, 'on-error': 'fail', require: [] });
  });

  it('names the flag or input in an override error', () => {
    expect(() => resolveSettings('audit', {}, { 'fail-on': 'hihg' }, (key) => `--${key}`)).toThrow(
      '--fail-on: a 4-character string is not one of low, moderate, high, critical',
    );
    expect(() => resolveSettings('test-existence', {}, { 'min-tests': -1 }, (key) => `input ${key}`)).toThrow(
      'input min-tests: a number is below the minimum 0',
    );
  });

  it('does not share default objects between runs', () => {
    const first = resolveSettings('audit', undefined, {}, String);
    (first.require as string[]).push('x@1');
    expect(resolveSettings('audit', undefined, {}, String).require).toEqual([]);
  });
});

describe('scalarSettings and coerceSetting', () => {
  it('exposes scalars and string lists, not object lists', () => {
    const keys = scalarSettings('audit').map((setting) => setting.key);
    expect(keys).toContain('fail-on');
    expect(keys).toContain('require');
    expect(keys).not.toContain('allow');
  });

  it('splits lists on new lines and commas', () => {
    expect(coerceSetting('string-list', 'tar>=7.5.2\nnodemailer>=7.0.7, semver>=7', 'input require')).toEqual(['tar>=7.5.2', 'nodemailer>=7.0.7', 'semver>=7']);
    expect(coerceSetting('string-list', ['a', 'b,c'], '--x')).toEqual(['a', 'b', 'c']);
  });

  it('parses booleans and whole numbers strictly', () => {
    expect(coerceSetting('boolean', 'TRUE', 'x')).toBe(true);
    expect(coerceSetting('boolean', 'false', 'x')).toBe(false);
    expect(() => coerceSetting('boolean', 'yes', 'input production-only')).toThrow('input production-only: a 3-character string is not a boolean; use true or false');
    expect(coerceSetting('integer', '3', 'x')).toBe(3);
    expect(() => coerceSetting('integer', '3.5', '--min-tests')).toThrow('--min-tests: a 3-character string is not a whole number');
  });
});
