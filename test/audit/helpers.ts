import { cpSync } from 'node:fs';
import path from 'node:path';
import { main } from '../../src/cli/main.js';
import type { GateReport } from '../../src/core/report.js';
import { tempDir, writeFiles } from '../helpers/temp.js';

export const LOCKFILE_FIXTURES = path.resolve(import.meta.dirname, '../fixtures/audit/lockfiles');

/** Every fixture directory: the same dependency set locked by each package manager. */
export const FORMATS = ['npm-v1', 'npm-v2', 'npm-v3', 'npm-shrinkwrap', 'pnpm-v6', 'pnpm-v9', 'yarn-classic', 'yarn-berry', 'bun'] as const;
export type FixtureFormat = (typeof FORMATS)[number];

export const LOCKFILE_NAMES: Record<FixtureFormat, string> = {
  'npm-v1': 'package-lock.json',
  'npm-v2': 'package-lock.json',
  'npm-v3': 'package-lock.json',
  'npm-shrinkwrap': 'npm-shrinkwrap.json',
  'pnpm-v6': 'pnpm-lock.yaml',
  'pnpm-v9': 'pnpm-lock.yaml',
  'yarn-classic': 'yarn.lock',
  'yarn-berry': 'yarn.lock',
  bun: 'bun.lock',
};

export const LOCAL_FIXTURES = path.resolve(import.meta.dirname, '../fixtures/audit/lockfiles-local');

/** The local-packages set (project-local/): one directory per package manager, with what it installed. */
export const LOCAL_FORMATS = ['npm', 'pnpm', 'yarn-classic', 'yarn-berry', 'bun'] as const;
export type LocalFormat = (typeof LOCAL_FORMATS)[number];

/** Names of the project's own packages in the local set: folders, a tarball file, a workspace. */
export const LOCAL_NAMES = ['fixture-local', 'local-prod', 'local-dev', 'local-tar', '@fixture/local-lib'];

/** A temporary copy of a local-set fixture. */
export function localFixtureProject(format: LocalFormat, files: Record<string, string> = {}): string {
  const dir = tempDir();
  cpSync(path.join(LOCAL_FIXTURES, format), dir, { recursive: true });
  writeFiles(dir, files);
  return dir;
}

/** A temporary copy of a fixture project, with extra files (config, .npmrc) written into it. */
export function fixtureProject(format: FixtureFormat, files: Record<string, string> = {}): string {
  const dir = tempDir();
  cpSync(path.join(LOCKFILE_FIXTURES, format), dir, { recursive: true });
  writeFiles(dir, files);
  return dir;
}

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** The CLI in-process, as a user runs it. */
export async function runCli(argv: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), env, cwd });
  return { code, stdout, stderr };
}

/** `audit --format json`, parsed. */
export async function auditJson(cwd: string, flags: string[] = [], env: NodeJS.ProcessEnv = {}): Promise<{ code: number; report: GateReport; stderr: string }> {
  const result = await runCli(['audit', '--format', 'json', ...flags], cwd, env);
  return { code: result.code, report: JSON.parse(result.stdout) as GateReport, stderr: result.stderr };
}
