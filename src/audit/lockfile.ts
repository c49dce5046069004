import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { ConfigurationError } from '../core/errors.js';
import { parseBunLockfile } from './lockfile-bun.js';
import { parseNpmLockfile } from './lockfile-npm.js';
import { parsePnpmLockfile } from './lockfile-pnpm.js';
import { parseYarnLockfile } from './lockfile-yarn.js';
import { createLockfileSource, type LockfileSource } from './manifest.js';
import type { ParsedLockfile } from './model.js';

export type LockfileFormat = 'npm' | 'pnpm' | 'yarn' | 'bun';

/**
 * Lockfiles looked for when none is set, in this order: npm's shrinkwrap wins over its
 * package-lock as npm itself does; the first found is read, the others are named in the log.
 */
export const LOCKFILE_ORDER: ReadonlyArray<{ file: string; format: LockfileFormat }> = [
  { file: 'npm-shrinkwrap.json', format: 'npm' },
  { file: 'package-lock.json', format: 'npm' },
  { file: 'pnpm-lock.yaml', format: 'pnpm' },
  { file: 'yarn.lock', format: 'yarn' },
  { file: 'bun.lock', format: 'bun' },
];

const PARSERS: Record<LockfileFormat, (source: LockfileSource) => ParsedLockfile> = {
  npm: parseNpmLockfile,
  pnpm: parsePnpmLockfile,
  yarn: parseYarnLockfile,
  bun: parseBunLockfile,
};

export interface LoadedLockfile extends ParsedLockfile {
  /** Relative to the checked directory, forward slashes. */
  file: string;
  /** The lockfile's directory, absolute: the project it was made from. */
  directory: string;
  format: LockfileFormat;
  /** Other lockfiles present that were not read. */
  ignored: string[];
}

/** Reads the lockfile `setting` names, or the first of LOCKFILE_ORDER found in `cwd`. */
export function loadLockfile(cwd: string, setting: string | undefined): LoadedLockfile {
  const chosen = setting ? chooseSetLockfile(cwd, setting) : detectLockfile(cwd);
  const absolute = path.resolve(cwd, chosen.file);
  const file = path.relative(cwd, absolute).split(path.sep).join('/');
  let text: string;
  try {
    text = readFileSync(absolute, 'utf8');
  } catch (error) {
    throw new ConfigurationError(`lockfile ${file} cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)}); check the path and its permissions`);
  }
  const parsed = parseLockfileText(file, text, chosen.format, path.dirname(absolute));
  if (parsed.packages.length === 0) checkNothingInstalled(createLockfileSource(file, text, path.dirname(absolute)));
  return { ...parsed, file, directory: path.dirname(absolute), format: chosen.format, ignored: chosen.ignored };
}

/** A lockfile's text in a known format; `directory` holds the manifests some formats need (yarn classic, npm v1). */
export function parseLockfileText(file: string, text: string, format: LockfileFormat, directory: string): ParsedLockfile {
  return PARSERS[format](createLockfileSource(file, text, directory));
}

/**
 * A lockfile that lists no packages passes only when the project's package.json files show there is
 * nothing to install: otherwise it is stale, or in a form the parser read as empty, and "clean" would be a guess.
 */
function checkNothingInstalled(source: LockfileSource): void {
  const directories = ['.', ...source.listWorkspaces()];
  const manifests = directories.map((directory) => source.readManifest(directory));
  if (!manifests[0]) {
    throw new ConfigurationError(`${source.file} lists no packages and there is no readable package.json beside it to show the project has none; regenerate the lockfile, or point \`lockfile\` at the right one`);
  }
  const local = new Set(manifests.map((manifest) => manifest?.name));
  const declared = manifests.flatMap((manifest) =>
    Object.entries({ ...manifest?.dependencies, ...manifest?.optionalDependencies, ...manifest?.devDependencies })
      .filter(([name, spec]) => !local.has(name) && !/^(?:workspace|link|file|portal):/.test(String(spec)))
      .map(([name]) => name),
  );
  if (declared.length > 0) {
    throw new ConfigurationError(`${source.file} lists no packages, but package.json declares ${[...new Set(declared)].slice(0, 3).join(', ')}${declared.length > 3 ? ', …' : ''}; the lockfile is stale or not one this gate reads: regenerate it with your package manager`);
  }
}

function chooseSetLockfile(cwd: string, setting: string): { file: string; format: LockfileFormat; ignored: string[] } {
  const absolute = path.resolve(cwd, setting);
  if (!existsSync(absolute) || !statSync(absolute).isFile()) {
    throw new ConfigurationError(`lockfile: ${setting} does not exist in ${cwd}; set it to the lockfile's path relative to the working directory`);
  }
  return { file: setting, format: formatOf(absolute), ignored: [] };
}

function detectLockfile(cwd: string): { file: string; format: LockfileFormat; ignored: string[] } {
  const present = LOCKFILE_ORDER.filter(({ file }) => existsSync(path.join(cwd, file)));
  const [first, ...rest] = present;
  if (!first) {
    const binary = existsSync(path.join(cwd, 'bun.lockb'))
      ? '; bun.lockb is binary: run `bun install --save-text-lockfile` to write bun.lock'
      : '; commit the lockfile your package manager writes, or set `lockfile`';
    throw new ConfigurationError(`no lockfile in ${cwd} (looked for ${LOCKFILE_ORDER.map(({ file }) => file).join(', ')})${binary}`);
  }
  return { file: first.file, format: first.format, ignored: rest.map(({ file }) => file) };
}

/** By file name, else by content, so a renamed or moved lockfile still reads. */
function formatOf(file: string): LockfileFormat {
  const name = path.basename(file);
  const known = LOCKFILE_ORDER.find((candidate) => candidate.file === name);
  if (known) return known.format;
  if (name.endsWith('.lockb')) throw new ConfigurationError(`lockfile: ${name} is bun's binary lockfile; run \`bun install --save-text-lockfile\` and point \`lockfile\` at bun.lock`);
  const head = readFileSync(file, 'utf8').slice(0, 2000);
  if (/^\s*\{/.test(head)) return /"workspaces"\s*:\s*\{/.test(head) ? 'bun' : 'npm';
  if (/^lockfileVersion:/m.test(head)) return 'pnpm';
  if (/yarn lockfile v1|__metadata:/.test(head)) return 'yarn';
  throw new ConfigurationError(`lockfile: ${name} is not a lockfile this gate reads (package-lock.json, npm-shrinkwrap.json, pnpm-lock.yaml, yarn.lock, bun.lock)`);
}
