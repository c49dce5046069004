import { execFileSync } from 'node:child_process';
import semver from 'semver';
import { resolveSettings, type ConfigSection } from '../../src/core/config.js';
import { executeGate } from '../../src/core/gate.js';
import { silentLogger } from '../../src/core/logger.js';
import type { GateReport } from '../../src/core/report.js';
import { hygieneGate } from '../../src/hygiene/gate.js';
import { tempDir } from '../helpers/temp.js';

/** A git work tree with `files` added to the index (what `git ls-files` lists). */
export function gitRepo(files: Record<string, string>): string {
  const dir = tempDir(files);
  execFileSync('git', ['init', '-q', '-b', 'main'], { cwd: dir });
  execFileSync('git', ['add', '-A'], { cwd: dir });
  return dir;
}

/** Runs the gate with the config section resolved against the schema defaults, as the CLI does. */
export function runHygiene(cwd: string, section: ConfigSection = {}, configFile?: string): Promise<GateReport> {
  const settings = resolveSettings('hygiene', section, {}, (key) => key);
  return executeGate(hygieneGate, settings, { cwd, env: {}, log: silentLogger, inAction: false, ...(configFile ? { configFile } : {}) });
}

/** `rule file:line` per finding, the shape assertions compare. */
export function located(report: GateReport): string[] {
  return report.findings.map((finding) => `${finding.rule} ${finding.file ?? ''}${finding.line ? `:${finding.line}` : ''}`.trim());
}

export function rulesOf(report: GateReport): string[] {
  return report.findings.map((finding) => finding.rule);
}

export function manifest(content: Record<string, unknown>): string {
  return `${JSON.stringify(content, null, 2)}\n`;
}

/**
 * An npm lockfile (v3) in sync with the manifests it is given: the root's and its workspace
 * members' (folder → manifest), each dependency locked at the lowest version its range allows.
 */
export function npmLock(name: string, root: Record<string, unknown> = {}, members: Record<string, Record<string, unknown>> = {}): string {
  const packages: Record<string, Record<string, unknown>> = { '': { name, ...pick(root) } };
  const lock = (manifestFields: Record<string, unknown>) => {
    for (const [section, dev] of [['dependencies', false], ['devDependencies', true]] as const) {
      for (const [dependency, range] of Object.entries((manifestFields[section] ?? {}) as Record<string, string>)) {
        packages[`node_modules/${dependency}`] ??= { version: semver.minVersion(range)!.version, ...(dev ? { dev: true } : {}) };
      }
    }
  };
  lock(root);
  for (const [dir, member] of Object.entries(members)) {
    packages[dir] = { name: member.name, ...pick(member) };
    packages[`node_modules/${String(member.name)}`] = { resolved: dir, link: true };
    lock(member);
  }
  return manifest({ name, lockfileVersion: 3, requires: true, packages });
}

function pick(fields: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(['dependencies', 'devDependencies', 'workspaces'].filter((key) => key in fields).map((key) => [key, fields[key]]));
}

/** A workflow running on pull requests with the given job steps (YAML, indented for `steps:`). */
export function workflow(steps: string, extra = ''): string {
  return `name: ci\non:\n  pull_request:\npermissions:\n  contents: read\n${extra}jobs:\n  check:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n${steps}`;
}
