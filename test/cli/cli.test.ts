import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { VERSION } from '../../src/core/version.js';
import { tempDir } from '../helpers/temp.js';

async function cli(argv: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    env: options.env ?? {},
    cwd: options.cwd ?? tempDir(),
  });
  return { code, stdout, stderr };
}

describe('CLI contract', () => {
  it('prints the version and the help', async () => {
    expect(await cli(['--version'])).toEqual({ code: 0, stdout: `${VERSION}\n`, stderr: '' });
    const help = await cli(['--help']);
    expect(help.code).toBe(0);
    for (const command of ['secret-scan', 'audit', 'test-existence', 'branch-protection', 'hygiene', 'all']) expect(help.stdout).toContain(`  ${command}`);
  });

  it("lists each gate's flags with their defaults", async () => {
    const help = await cli(['audit', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/--fail-on low\|moderate\|high\|critical\s+Lowest advisory severity .*\(default: high\)/);
    expect(help.stdout).toContain('--require VALUE…');
    expect(help.stdout).not.toContain('--allow ');
    expect((await cli(['all', '-h'])).stdout).toContain('Usage: readiness-gates all');
  });

  it.each([
    [[], 'missing command; use one of secret-scan, audit, test-existence, branch-protection, hygiene, all (see --help)'],
    [['audti'], 'unknown command (a 5-character string); did you mean audit?'],
    [['audit', '--fial-on', 'high'], 'unknown flag --fial-on; did you mean --fail-on? (see --help)'],
    [['audit', '--fail-on'], '--fail-on needs a value (see --help)'],
    [['audit', '--min-tests', '2'], '--min-tests is not a flag of audit; it belongs to test-existence'],
    [['audit', 'extra'], 'unexpected argument (a 5-character string); audit takes flags only'],
    [['audit', '--format', 'xml'], '--format: a 3-character string is not one of text, json, sarif, markdown'],
    [['audit', '--cwd', '/no/such/dir'], '--cwd: /no/such/dir does not exist; pass the project directory'],
    [['audit', '--config', 'nope.yml'], 'config file nope.yml does not exist'],
    [['audit', '--production-only=maybe'], '--production-only: a 5-character string is not a boolean; use true or false'],
  ])('rejects %j with one line and exit 2', async (argv, message) => {
    const result = await cli(argv);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.split('\n').filter(Boolean)).toHaveLength(1);
    expect(result.stderr).toContain(message);
  });

  it('rejects a bad config value naming the key path', async () => {
    const cwd = tempDir({ '.github/readiness-gates.yml': 'audit:\n  fail-on: hihg\n' });
    const result = await cli(['audit'], { cwd });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('readiness-gates: .github/readiness-gates.yml: audit.fail-on: a 4-character string is not one of low, moderate, high, critical\n');
  });

  it('rejects a bad flag value naming the flag, before running anything', async () => {
    const result = await cli(['audit', '--fail-on', 'hihg', '--format', 'json']);
    expect(result.code).toBe(2);
    expect(JSON.parse(result.stdout)).toMatchObject({ gate: 'audit', status: 'error', findings: [{ message: '--fail-on: a 4-character string is not one of low, moderate, high, critical' }] });
  });

  it('keeps stdout to exactly one JSON document, even on a config error', async () => {
    const cwd = tempDir({ '.github/readiness-gates.yml': 'audit: [\n' });
    const result = await cli(['all', '--format', 'json'], { cwd });
    expect(result.code).toBe(2);
    expect(JSON.parse(result.stdout)).toEqual({ gates: [], status: 'error' });
    expect(result.stderr).toMatch(/invalid YAML/);
  });

  it('runs the gates a config enables, and only those', async () => {
    const cwd = tempDir({ '.github/readiness-gates.yml': 'audit: {}\nsecret-scan:\n  enabled: false\n' });
    const result = await cli(['all', '--format', 'json'], { cwd });
    const combined = JSON.parse(result.stdout);
    expect(combined.gates.map((gate: { gate: string }) => gate.gate)).toEqual(['audit']);
  });

  it('refuses a config in which every gate is switched off', async () => {
    const cwd = tempDir({ '.github/readiness-gates.yml': 'audit:\n  enabled: false\n' });
    const result = await cli(['all'], { cwd });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('every gate in the config file says `enabled: false`');
  });
});
