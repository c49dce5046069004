import { chmodSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EnvironmentError } from '../../src/core/errors.js';
import { checkExtraArgs, LEAKS_EXIT_CODE, runGitleaks, type GitleaksEngine } from '../../src/secret-scan/gitleaks.js';
import { ConfigurationError } from '../../src/core/errors.js';
import { tempDir, writeFiles } from '../helpers/temp.js';

/** A stand-in gitleaks that writes `report` (or nothing, when undefined) to --report-path and exits `code`. */
function fakeEngine(code: number, report: string | undefined): GitleaksEngine {
  const bin = tempDir();
  const write = report === undefined ? ':' : `printf '%s' '${report}' > "$2"`;
  writeFiles(bin, { gitleaks: `#!/bin/sh\nwhile [ $# -gt 0 ]; do [ "$1" = --report-path ] && ${write}; shift; done\nexit ${code}\n` });
  chmodSync(path.join(bin, 'gitleaks'), 0o755);
  return { kind: 'native', command: path.join(bin, 'gitleaks'), prefixArgs: [], origin: 'test' };
}

async function run(engine: GitleaksEngine) {
  const reportPath = path.join(tempDir(), 'report.json');
  return runGitleaks(engine, { mode: 'dir', source: tempDir(), reportPath, extraArgs: [] }, { PATH: process.env.PATH });
}

const leak = { RuleID: 'github-pat', File: 'a.ts', StartLine: 1, EndLine: 1, StartColumn: 1, EndColumn: 2, Secret: 'REDACTED' };

describe('runGitleaks: only a report that gitleaks wrote and that agrees with its exit code counts', () => {
  it('returns the leaks of a consistent run', async () => {
    expect(await run(fakeEngine(0, '[]'))).toEqual([]);
    expect(await run(fakeEngine(LEAKS_EXIT_CODE, JSON.stringify([leak])))).toEqual([leak]);
  });

  it.each([
    ['a clean exit without a report', 0, undefined, /exited 0 without writing its report/],
    ['a clean exit with an empty report file', 0, '', /not valid JSON/],
    ['a report that is not a list of findings', 0, '{"leaks":[]}', /not a list of findings/],
    ['"leaks found" with an empty list', LEAKS_EXIT_CODE, '[]', /report lists none/],
    ['any other exit code', 1, '[]', /failed with exit code 1/],
  ])('is an EnvironmentError on %s', async (_name, code, report, message) => {
    const attempt = run(fakeEngine(code, report));
    await expect(attempt).rejects.toBeInstanceOf(EnvironmentError);
    await expect(attempt).rejects.toThrow(message);
  });
});

describe('checkExtraArgs', () => {
  it.each(['--exit-code', '--exit-code=0', '--redact=0', '-c', '-cother.toml', '-c=other.toml', '-r/tmp/x', '-fcsv', '--log-opts=--all'])('refuses %s', (arg) => {
    expect(() => checkExtraArgs(['--verbose', arg])).toThrow(ConfigurationError);
  });

  it.each([['--max-target-megabytes', '5'], ['--enable-rule=github-pat'], ['-v'], ['-l', 'debug']])('passes %j', (...args) => {
    expect(() => checkExtraArgs(args)).not.toThrow();
  });
});
