import path from 'node:path';
import picomatch from 'picomatch';
import { parse as parseYaml } from 'yaml';
import { ConfigurationError, causeOf } from '../core/errors.js';
import { readProjectFile } from './files.js';

export interface PackageManifest {
  name?: string;
  scripts?: Record<string, unknown>;
  workspaces?: unknown;
  jest?: unknown;
}

/** One unit the gate judges: the root project, or a workspace package of a monorepo. */
export interface ProjectPackage {
  /** Relative to the scanned root, forward slashes; '' for the root. */
  dir: string;
  /** The manifest's name, or the directory. */
  name: string;
  manifest?: PackageManifest;
  /** The manifest as written, to point findings at its lines. */
  manifestText?: string;
  /** Whether it was listed by the workspaces of the root (npm, yarn or pnpm). */
  isWorkspace: boolean;
}

/**
 * The packages of the project: the root, plus each directory with a package.json that the root's
 * `workspaces` (npm, yarn) or pnpm-workspace.yaml lists. `files` are the walked project files.
 */
export function findPackages(root: string, files: readonly string[]): ProjectPackage[] {
  const fileSet = new Set(files);
  const rootManifest = fileSet.has('package.json') ? readManifest(root, 'package.json') : undefined;
  const rootPackage: ProjectPackage = { dir: '', name: rootManifest?.manifest.name ?? (path.basename(root) || 'root'), isWorkspace: false, ...rootManifest };
  const patterns = [...workspacePatterns(rootManifest?.manifest), ...(fileSet.has('pnpm-workspace.yaml') ? pnpmWorkspacePatterns(root) : [])];
  const packages = [rootPackage];
  if (patterns.length === 0) return packages;
  const include = patterns.filter((pattern) => !pattern.startsWith('!')).map(normalizePattern);
  const exclude = patterns.filter((pattern) => pattern.startsWith('!')).map((pattern) => normalizePattern(pattern.slice(1)));
  const included = picomatch(include);
  const excluded = exclude.length ? picomatch(exclude) : () => false;
  for (const file of files) {
    if (!file.endsWith('/package.json')) continue;
    const dir = file.slice(0, -'/package.json'.length);
    if (!included(dir) || excluded(dir)) continue;
    const read = readManifest(root, file);
    packages.push({ dir, name: read.manifest.name ?? dir, ...read, isWorkspace: true });
  }
  return packages;
}

function normalizePattern(pattern: string): string {
  return pattern.replace(/^\.\//, '').replace(/\/+$/, '');
}

function readManifest(root: string, file: string): { manifest: PackageManifest; manifestText: string } {
  const text = readProjectFile(root, file);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new ConfigurationError(`${file} is not valid JSON (${causeOf(error)}); fix the manifest`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new ConfigurationError(`${file} is not a JSON object; fix the manifest`);
  return { manifest: value as PackageManifest, manifestText: text };
}

/** npm and yarn: `"workspaces": ["packages/*"]` or `"workspaces": { "packages": [...] }`. */
function workspacePatterns(manifest: PackageManifest | undefined): string[] {
  const workspaces = manifest?.workspaces;
  const list = Array.isArray(workspaces) ? workspaces : (workspaces as { packages?: unknown } | undefined)?.packages;
  if (list === undefined) return [];
  if (!Array.isArray(list) || !list.every((item) => typeof item === 'string')) {
    throw new ConfigurationError('package.json: workspaces must be a list of globs (or { "packages": [...] }); fix the manifest');
  }
  return list;
}

function pnpmWorkspacePatterns(root: string): string[] {
  const text = readProjectFile(root, 'pnpm-workspace.yaml');
  let document: unknown;
  try {
    document = parseYaml(text);
  } catch (error) {
    throw new ConfigurationError(`pnpm-workspace.yaml is not valid YAML (${causeOf(error)}); fix the file`);
  }
  const list = (document as { packages?: unknown } | null)?.packages;
  if (list === undefined) return [];
  if (!Array.isArray(list) || !list.every((item) => typeof item === 'string')) {
    throw new ConfigurationError('pnpm-workspace.yaml: packages must be a list of globs; fix the file');
  }
  return list;
}

/** The package a file belongs to: the deepest one whose directory contains it. */
export function createPackageResolver(packages: readonly ProjectPackage[]): (file: string) => ProjectPackage {
  const byDepth = [...packages].sort((a, b) => b.dir.length - a.dir.length);
  const rootPackage = packages.find((candidate) => candidate.dir === '')!;
  return (file) => byDepth.find((candidate) => candidate.dir !== '' && file.startsWith(`${candidate.dir}/`)) ?? rootPackage;
}
