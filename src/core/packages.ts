import { existsSync } from 'node:fs';
import path from 'node:path';
import picomatch from 'picomatch';
import { parse as parseYaml } from 'yaml';
import { ConfigurationError, causeOf } from './errors.js';
import { readProjectFile } from './project-files.js';

/** The parts of a package.json the gates read; the rest is kept as written. */
export interface PackageManifest {
  name?: string;
  version?: string;
  private?: boolean;
  packageManager?: string;
  scripts?: Record<string, unknown>;
  workspaces?: unknown;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  [key: string]: unknown;
}

/** A folder with a package.json, as a user sees the project. */
export interface ProjectPackage {
  /** Relative to the root, forward slashes; '' for a package.json at the root. */
  dir: string;
  /** The manifest's name, else the folder. */
  name: string;
  manifest: PackageManifest;
  /** The manifest as written, to point findings at its lines. */
  manifestText: string;
  /** The workspace root (npm, yarn and bun `workspaces`, pnpm-workspace.yaml) that lists this package. */
  workspaceRoot?: string;
  /** For a workspace root: the folders of its members. */
  workspaces: string[];
  /** Lockfiles in the package's own folder, relative to the root. */
  lockfiles: string[];
}

export interface PackageDiscovery {
  /** Sorted by folder, the root's first. */
  packages: ProjectPackage[];
  /** The nearest package whose folder holds `file`; undefined for a file outside every package. */
  packageOf(file: string): ProjectPackage | undefined;
}

export const LOCKFILE_NAMES: ReadonlySet<string> = new Set(['package-lock.json', 'npm-shrinkwrap.json', 'pnpm-lock.yaml', 'yarn.lock', 'bun.lock', 'bun.lockb']);

/** package.json files below these folders describe test inputs or mocks, or what a package manager installs (yarn's `.yarn/sdks` for editors), not packages of the project. */
const FIXTURE_DIRECTORIES = new Set(['node_modules', '.yarn', 'fixtures', 'fixture', '__fixtures__', '__testfixtures__', 'test-fixtures', '__mocks__']);

/** Whether a folder is below one of fixtures or mocks, where a package.json is a test input. */
export function isFixtureFolder(dir: string): boolean {
  return dir.split('/').some((segment) => FIXTURE_DIRECTORIES.has(segment));
}

/**
 * Every folder with a package.json among `files` (relative paths, as listProjectFiles or
 * `git ls-files` give them) is a package, whether or not a workspace names it: an application with
 * backend/ and frontend/ and no workspaces config has two packages. Workspaces decide membership.
 */
export function discoverPackages(root: string, files: readonly string[]): PackageDiscovery {
  const fileSet = new Set(files);
  const byDir = new Map<string, ProjectPackage>();
  for (const file of files) {
    if (file !== 'package.json' && !file.endsWith('/package.json')) continue;
    const dir = parentOf(file);
    if (isFixtureFolder(dir)) continue;
    const { manifest, manifestText } = readManifest(root, file);
    if (isMarker(manifest, dir)) continue;
    byDir.set(dir, {
      dir,
      name: typeof manifest.name === 'string' && manifest.name ? manifest.name : dir,
      manifest,
      manifestText,
      workspaces: [],
      lockfiles: [...LOCKFILE_NAMES].map((name) => joinPath(dir, name)).filter((lockfile) => fileSet.has(lockfile)),
    });
  }
  // Deepest workspace roots first, so that a package belongs to the nearest root that lists it.
  const roots = [...byDir.values()]
    .map((entry) => ({ entry, patterns: workspacePatterns(root, entry, fileSet) }))
    .filter(({ patterns }) => patterns.length > 0)
    .sort((a, b) => b.entry.dir.length - a.entry.dir.length);
  for (const { entry: workspaceRoot, patterns } of roots) {
    const isMember = compileWorkspacePatterns(patterns);
    for (const candidate of byDir.values()) {
      if (candidate === workspaceRoot || candidate.workspaceRoot !== undefined || !isWithin(candidate.dir, workspaceRoot.dir)) continue;
      const relative = workspaceRoot.dir ? candidate.dir.slice(workspaceRoot.dir.length + 1) : candidate.dir;
      if (!isMember(relative)) continue;
      candidate.workspaceRoot = workspaceRoot.dir;
      workspaceRoot.workspaces.push(candidate.dir);
    }
    workspaceRoot.workspaces.sort();
  }
  const packages = [...byDir.values()].sort((a, b) => (a.dir < b.dir ? -1 : a.dir > b.dir ? 1 : 0));
  const packageOf = (file: string): ProjectPackage | undefined => {
    for (let dir = parentOf(file); ; dir = parentOf(dir)) {
      const found = byDir.get(dir);
      if (found || dir === '') return found;
    }
  };
  return { packages, packageOf };
}

/**
 * Packages by their names, as an import by name finds them: where a workspace root and a member
 * share a name (enzyme's root and `packages/enzyme`), the import resolves to the member, the deeper.
 */
/** A package's name without its scope: `db2-ibmi` of `@sequelize/db2-ibmi`. */
export function unscopedName(name: string): string {
  return name.replace(/^@[^/]*\//, '');
}

export function packagesByName<P extends { dir: string; name: string }>(packages: readonly P[]): Map<string, P> {
  const byName = new Map<string, P>();
  for (const entry of [...packages].sort((a, b) => b.dir.length - a.dir.length)) if (!byName.has(entry.name)) byName.set(entry.name, entry);
  return byName;
}

const PACKAGE_KEYS = ['name', 'scripts', 'workspaces', 'dependencies', 'devDependencies', 'optionalDependencies', 'peerDependencies'];

/**
 * Folders a build writes (tsc's `outDir: build/compiled`, babel's `--out-dir lib`, dual `esm/` and
 * `cjs/` builds): a repository keeps their sources, and a package.json there describes the files beside it.
 */
export const BUILD_OUTPUT_FOLDERS: ReadonlySet<string> = new Set(['dist', 'build', 'lib', 'out', 'compiled', 'esm', 'cjs', 'es', 'umd']);
/** What a package.json of build output holds: how to load the files beside it, and maybe the package's name again. */
const MODULE_KEYS = new Set(['name', 'type', 'main', 'module', 'types', 'typings', 'exports', 'sideEffects', 'browser', 'private']);

/**
 * `{"type": "module"}` beside build output (ncc, tsup, dual ESM/CJS builds) marks a module format; it
 * is no package. So is `{"name": "@socket.io/component-emitter", "type": "module"}` in `lib/esm/`:
 * the name of the package it was built from, with no version, scripts or dependencies of its own.
 */
function isMarker(manifest: PackageManifest, dir: string): boolean {
  if (!PACKAGE_KEYS.some((key) => key in manifest)) return true;
  return dir.split('/').some((segment) => BUILD_OUTPUT_FOLDERS.has(segment)) && Object.keys(manifest).every((key) => MODULE_KEYS.has(key));
}

/** `frontend/src/a.ts` → `frontend/src`; a file at the root → ''. */
function parentOf(file: string): string {
  const slash = file.lastIndexOf('/');
  return slash === -1 ? '' : file.slice(0, slash);
}

function joinPath(dir: string, name: string): string {
  return dir ? `${dir}/${name}` : name;
}

function isWithin(dir: string, ancestor: string): boolean {
  return ancestor === '' || dir.startsWith(`${ancestor}/`);
}

/**
 * The package.json in `dir` (relative to `root`), or undefined where there is none. One that is not
 * a JSON object is a ConfigurationError and one that cannot be read an EnvironmentError: a gate
 * must not take a broken manifest for an empty one.
 */
export function readPackageManifest(root: string, dir: string): { manifest: PackageManifest; manifestText: string } | undefined {
  const file = joinPath(dir === '.' ? '' : dir, 'package.json');
  return existsSync(path.join(root, file)) ? readManifest(root, file) : undefined;
}

function readManifest(root: string, file: string): { manifest: PackageManifest; manifestText: string } {
  const manifestText = readProjectFile(root, file);
  let value: unknown;
  try {
    // npm and Node read a package.json that starts with a UTF-8 byte order mark; so must we.
    value = JSON.parse(manifestText.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new ConfigurationError(`${file} is not valid JSON (${causeOf(error)}); fix the manifest`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new ConfigurationError(`${file} is not a JSON object; fix the manifest`);
  return { manifest: value as PackageManifest, manifestText };
}

/** The workspace globs a package declares: `workspaces` (npm, yarn, bun) and its pnpm-workspace.yaml. */
function workspacePatterns(root: string, entry: ProjectPackage, fileSet: ReadonlySet<string>): string[] {
  const manifestFile = joinPath(entry.dir, 'package.json');
  const workspaces = entry.manifest.workspaces;
  const declared = workspaces !== null && typeof workspaces === 'object' && !Array.isArray(workspaces) ? (workspaces as { packages?: unknown }).packages : workspaces;
  if (declared !== undefined && !isStringList(declared)) {
    throw new ConfigurationError(`${manifestFile}: workspaces must be a list of globs (or { "packages": [...] }); fix the manifest`);
  }
  const pnpmFile = joinPath(entry.dir, 'pnpm-workspace.yaml');
  return [...(declared ?? []), ...(fileSet.has(pnpmFile) ? pnpmWorkspacePatterns(root, pnpmFile) : [])];
}

function pnpmWorkspacePatterns(root: string, file: string): string[] {
  const text = readProjectFile(root, file);
  let document: unknown;
  try {
    document = parseYaml(text);
  } catch (error) {
    throw new ConfigurationError(`${file} is not valid YAML (${causeOf(error)}); fix the file`);
  }
  const list = (document as { packages?: unknown } | null)?.packages;
  // `packages:` with nothing after it is null, which pnpm (10) takes for no packages, as h3's docs/ site has it.
  if (list === undefined || list === null) return [];
  if (!isStringList(list)) throw new ConfigurationError(`${file}: packages must be a list of globs; fix the file`);
  return list;
}

function isStringList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

/**
 * Workspace globs as the package managers read them: relative to the workspace root, `*` one
 * folder level, `**` any number, `!glob` excludes.
 */
function compileWorkspacePatterns(patterns: readonly string[]): (dir: string) => boolean {
  const normalize = (pattern: string) => pattern.replace(/^\.\//, '').replace(/\/+$/, '');
  const include = patterns.filter((pattern) => !pattern.startsWith('!')).map(normalize);
  const exclude = patterns.filter((pattern) => pattern.startsWith('!')).map((pattern) => normalize(pattern.slice(1)));
  const included = include.length ? picomatch(include, { dot: true }) : () => false;
  const excluded = exclude.length ? picomatch(exclude, { dot: true }) : () => false;
  return (dir) => included(dir) && !excluded(dir);
}

/** A JSON object: a manifest's field of names (`dependencies`, `scripts`), not an array or a value. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
