import path from 'node:path';
import semver from 'semver';
import type { Finding } from '../core/report.js';
import { loadLockfile, type LoadedLockfile, type LockfileFormat } from './lockfile.js';
import { readPackageManifest } from '../core/packages.js';
import { listWorkspaceMembers } from './manifest.js';
import { splitNameAndSpec } from './model.js';

export const OUT_OF_SYNC_RULE = 'lockfile/out-of-sync';

/** The command that rewrites each format's lockfile from the manifests. */
const FIX_COMMAND: Record<LockfileFormat, string> = { npm: 'npm install', pnpm: 'pnpm install', yarn: 'yarn install', bun: 'bun install' };

/** Installed dependency lists; peers are left to the tools' differing peer rules. */
const SECTIONS = ['dependencies', 'optionalDependencies', 'devDependencies'] as const;

/**
 * `lockfile/out-of-sync` errors for the lockfile at `lockfile` (relative to `cwd`; else the one the
 * audit picks in `cwd`, npm-shrinkwrap.json first): a dependency a
 * manifest declares that the lockfile lacks, a locked version outside the manifest's range (or, for
 * pnpm, bun and berry, whose frozen installs refuse it, a recorded spec that differs), and a workspace
 * member the lockfile does not hold. Each names the package, the manifest and the command that fixes it.
 */
export function checkLockfileSync(cwd: string, lockfile?: string): Finding[] {
  return findOutOfSync(loadLockfile(cwd, lockfile));
}

/** The same check on a lockfile already loaded (the audit reads it once). */
export function findOutOfSync(lock: LoadedLockfile): Finding[] {
  const base = path.posix.dirname(lock.file);
  const relative = (file: string) => path.posix.normalize(base === '.' ? file : `${base}/${file}`);
  const fix = `run \`${FIX_COMMAND[lock.format]}\` in ${base === '.' ? 'the project' : base} and commit ${path.posix.basename(lock.file)}`;
  const members = listWorkspaceMembers(lock.directory);
  // A dependency on a sibling workspace is linked, whatever its range: no lockfile entry to check.
  const memberNames = new Set(members.map((directory) => readPackageManifest(lock.directory, directory)?.manifest.name));
  const findings: Finding[] = [];

  for (const directory of ['.', ...members]) {
    const read = readPackageManifest(lock.directory, directory);
    if (!read) continue;
    const { manifest, manifestText: text } = read;
    const manifestFile = relative(`${directory}/package.json`);
    const finding = (name: string | undefined, section: string | undefined, message: string): Finding => ({
      rule: OUT_OF_SYNC_RULE,
      level: 'error',
      message,
      file: manifestFile,
      ...lineOf(text, section, name),
      fingerprint: `${OUT_OF_SYNC_RULE}:${manifestFile}:${name ?? ''}`,
      help: `The audit would check the lockfile, not what the manifest asks for: ${fix}.`,
    });
    if (!lock.importers.known(directory)) {
      findings.push(finding(undefined, undefined, `Workspace ${directory} (${manifest.name ?? 'unnamed'}) is not in ${lock.file}; ${fix}.`));
      continue;
    }
    for (const section of SECTIONS) {
      for (const [name, spec] of Object.entries(manifest[section] ?? {})) {
        if (typeof spec !== 'string' || /^(?:link|workspace|portal):/.test(spec) || memberNames.has(name)) continue;
        const locked = lock.importers.resolve(directory, name, spec);
        if (!locked) {
          findings.push(finding(name, section, `${manifestFile} declares ${name}@${spec} in ${section}, but ${lock.file} has no entry for it; ${fix}.`));
        } else if (lock.importers.specifiersMustMatch && locked.specifier !== undefined) {
          // The tool's own rule: the recorded spec is the manifest's. The version may differ from the range on purpose (overrides, resolutions).
          if (locked.specifier !== spec) findings.push(finding(name, section, `${lock.file} was made for ${name}@${locked.specifier}, but ${manifestFile} declares ${name}@${spec}; ${fix}.`));
        } else if (locked.version !== undefined && !satisfiesSpec(locked.version, spec)) {
          findings.push(finding(name, section, `${lock.file} locks ${name}@${locked.version}, outside ${spec} that ${manifestFile} declares; ${fix}.`));
        }
      }
    }
  }
  return findings;
}

/** True unless the spec is a semver range (or an npm: alias of one) that the version falls outside. */
function satisfiesSpec(version: string, spec: string): boolean {
  const range = spec.startsWith('npm:') ? splitNameAndSpec(spec.slice('npm:'.length))[1] : spec;
  if (semver.validRange(range, { loose: true }) === null || semver.valid(version, { loose: true }) === null) return true;
  return semver.satisfies(version, range, { loose: true });
}

/** The line of `"name":` inside the `"section"` object of the manifest, else of the section, else nothing. */
function lineOf(text: string, section: string | undefined, name: string | undefined): { line?: number } {
  if (section === undefined) return {};
  const start = text.indexOf(`"${section}"`);
  if (start === -1) return {};
  const at = name === undefined ? -1 : text.indexOf(`${JSON.stringify(name)}`, start + section.length + 2);
  const offset = at === -1 ? start : at;
  return { line: text.slice(0, offset).split('\n').length };
}
