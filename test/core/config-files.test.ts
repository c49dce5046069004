import { spawnSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { tempDir } from '../helpers/temp.js';

// Every case is a user mistake: exit code 2 and one line on stderr, never a hang, never a default.

async function cli(argv: string[], cwd: string) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), env: {}, cwd });
  return { code, stdout, stderr };
}

async function expectOneLineError(argv: string[], cwd: string, pattern: RegExp): Promise<string> {
  const result = await cli(argv, cwd);
  expect(result.code).toBe(2);
  expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(result.stderr).toMatch(pattern);
  return result.stderr;
}

/** Runs the CLI in a child process, so that a read that blocks is killed instead of blocking the test run. */
function cliProcess(argv: string[], cwd: string) {
  const result = spawnSync(path.resolve('node_modules/.bin/tsx'), [path.resolve('src/cli/index.ts'), ...argv], { cwd, encoding: 'utf8', timeout: 60_000, env: { ...process.env, GITHUB_EVENT_NAME: '' } });
  return { code: result.status, signal: result.signal, stderr: result.stderr };
}

const CONFIG = '.github/readiness-gates.yml';

describe('config files that are not regular files', () => {
  it('refuses a FIFO without opening it for a blocking read', () => {
    const dir = tempDir({ '.github/.keep': '' });
    expect(spawnSync('mkfifo', [path.join(dir, CONFIG)]).status).toBe(0);
    const result = cliProcess(['audit', '--format', 'json'], dir);
    expect(result.signal).toBeNull();
    expect(result.code).toBe(2);
    expect(result.stderr.trimEnd().split('\n')).toEqual([`readiness-gates: config file ${CONFIG} is a named pipe (FIFO), not a regular file; name the YAML file itself`]);
  });

  it('refuses a link to /dev/zero (a device) instead of reading forever', () => {
    const dir = tempDir({ '.github/.keep': '' });
    symlinkSync('/dev/zero', path.join(dir, CONFIG));
    const result = cliProcess(['audit'], dir);
    expect(result.signal).toBeNull();
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`readiness-gates: config file ${CONFIG} is a device, not a regular file; name the YAML file itself\n`);
  });

  it('refuses a directory, a dangling link and a link loop by name', async () => {
    const dir = tempDir({ 'conf/x.yml': '' });
    await expectOneLineError(['audit', '--config', 'conf'], dir, /config file conf is a directory, not a regular file/);
    const dangling = tempDir({ '.github/.keep': '' });
    symlinkSync('missing.yml', path.join(dangling, CONFIG));
    await expectOneLineError(['audit'], dangling, /config file \.github\/readiness-gates\.yml is a symbolic link to nothing; fix the link or remove it/);
    const loop = tempDir({ '.github/.keep': '' });
    symlinkSync('readiness-gates.yaml', path.join(loop, CONFIG));
    symlinkSync('readiness-gates.yml', path.join(loop, '.github/readiness-gates.yaml'));
    await expectOneLineError(['audit', '--config', CONFIG], loop, /config file \.github\/readiness-gates\.yml is a symbolic link loop/);
  });

  it('refuses a file far larger than a config', async () => {
    const dir = tempDir({ [CONFIG]: `# ${'x'.repeat(2 * 1024 * 1024)}\n` });
    await expectOneLineError(['audit'], dir, /is 2097155 bytes; a config file is at most 1 MiB/);
  });
});

describe('config contents that would mislead', () => {
  it('names both files when .yml and .yaml exist', async () => {
    const dir = tempDir({ [CONFIG]: 'audit: {}\n', '.github/readiness-gates.yaml': 'audit:\n  fail-on: critical\n' });
    await expectOneLineError(['audit'], dir, /^readiness-gates: both \.github\/readiness-gates\.yml and \.github\/readiness-gates\.yaml exist; keep one of them/);
  });

  it('stops an alias bomb with its own words', async () => {
    const levels = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (const name of 'bcdefghi') levels.push(`${name}: &${name} [${Array(9).fill(`*${String.fromCharCode(name.charCodeAt(0) - 1)}`).join(',')}]`);
    const dir = tempDir({ [CONFIG]: `${levels.join('\n')}\n` });
    const stderr = await expectOneLineError(['audit'], dir, /expands YAML aliases more than 50 times \(an alias bomb\); write the values out/);
    expect(stderr).not.toContain('internal error');
  });

  it('refuses a file of several documents in its own words', async () => {
    const dir = tempDir({ [CONFIG]: 'audit:\n  fail-on: low\n---\naudit:\n  fail-on: critical\n' });
    const stderr = await expectOneLineError(['audit'], dir, /holds more than one YAML document \(a `---` line\); keep every gate section in one document/);
    expect(stderr).not.toContain('parseAllDocuments');
  });

  it('never echoes a rejected value, in the file, a flag or a key', async () => {
    const token = 'ghp_0123456789abcdefghijklmnopqrstuvwxyz';
    for (const [config, argv] of [
      [`audit:\n  fail-on: ${token}\n`, ['audit']],
      [`test-existence:\n  min-tests: ${token}\n`, ['test-existence']],
      [`audit:\n  ${token}: 1\n`, ['audit']],
      ['', ['audit', '--fail-on', token]],
      ['', ['audit', '--production-only', token]],
      ['', ['audit', '--format', token]],
      ['', [token]],
    ] as const) {
      const result = await cli([...argv], tempDir({ [CONFIG]: config }));
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/a 40-character string/);
      expect(result.stderr + result.stdout).not.toContain(token);
    }
  });
});

describe('path settings', () => {
  it('keep a relative path inside the checked directory', async () => {
    const dir = tempDir({ 'outside/package-lock.json': '{}', 'repo/package.json': '{}', [`repo/${CONFIG}`]: 'audit:\n  lockfile: ../outside/package-lock.json\n' });
    const repo = path.join(dir, 'repo');
    const fromFile = await cli(['audit'], repo);
    expect(fromFile.code).toBe(2);
    expect(fromFile.stderr).toBe('readiness-gates: audit: error: audit.lockfile: a relative path that leaves the checked directory (..); give a path inside it, or an absolute path to read a file elsewhere on purpose\n');
    const fromFlag = await cli(['test-existence', '--reports', 'reports/../../*.xml'], repo);
    expect(fromFlag.stderr).toMatch(/^readiness-gates: test-existence: error: --reports: a relative path that leaves the checked directory/);
  });

  it('follow symbolic links before judging', async () => {
    const dir = tempDir({ 'outside/package-lock.json': '{}', 'repo/package.json': '{}' });
    const repo = path.join(dir, 'repo');
    mkdirSync(path.join(repo, 'locks'));
    symlinkSync(path.join(dir, 'outside'), path.join(repo, 'locks', 'shared'));
    const result = await cli(['audit', '--lockfile', 'locks/shared/package-lock.json'], repo);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--lockfile: a path that leads out of the checked directory through a symbolic link/);
  });

  it('take an absolute path as meant', async () => {
    const dir = tempDir({ 'outside/package-lock.json': '{"lockfileVersion": 3, "packages": {' , 'repo/package.json': '{}' });
    writeFileSync(path.join(dir, 'repo', 'package-lock.json'), '{}');
    const result = await cli(['audit', '--lockfile', path.join(dir, 'outside/package-lock.json')], path.join(dir, 'repo'));
    // the gate reads the file it was given (and finds it broken), rather than refusing the path
    expect(result.stderr).toMatch(/is not valid JSON/);
  });
});
