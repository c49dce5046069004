import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** The parts of a package.json the audit reads. */
export interface PackageManifest {
  name?: string;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  workspaces?: string[] | { packages?: string[] };
}

/** What a lockfile parser gets: the text, and the manifests of the project some formats need. */
export interface LockfileSource {
  /** The lockfile, relative to the checked directory, for messages. */
  file: string;
  text: string;
  /** The package.json in a directory relative to the lockfile's, when it exists and parses. */
  readManifest(directory: string): PackageManifest | undefined;
  /** Workspace directories (relative to the lockfile's) the root manifest declares. */
  listWorkspaces(): string[];
}

export function createLockfileSource(file: string, text: string, root: string): LockfileSource {
  const readManifest = (directory: string): PackageManifest | undefined => {
    try {
      const manifest = JSON.parse(readFileSync(path.join(root, directory, 'package.json'), 'utf8')) as unknown;
      return manifest && typeof manifest === 'object' ? (manifest as PackageManifest) : undefined;
    } catch {
      return undefined;
    }
  };
  return {
    file,
    text,
    readManifest,
    listWorkspaces() {
      const declared = readManifest('.')?.workspaces;
      const patterns = Array.isArray(declared) ? declared : (declared?.packages ?? []);
      return expandWorkspacePatterns(root, patterns.filter((pattern): pattern is string => typeof pattern === 'string'));
    },
  };
}

/**
 * Workspace globs as package managers use them: `*` is one directory level, `**` any number;
 * `!pattern` excludes; only directories with a package.json count.
 */
export function expandWorkspacePatterns(root: string, patterns: string[]): string[] {
  const included = new Set<string>();
  const excluded = new Set<string>();
  for (const pattern of patterns) {
    const negated = pattern.startsWith('!');
    const segments = pattern.replace(/^!/, '').replace(/^\.\//, '').split('/').filter((segment) => segment !== '' && segment !== '.');
    for (const directory of matchSegments(root, '', segments)) (negated ? excluded : included).add(directory);
  }
  return [...included].filter((directory) => !excluded.has(directory) && hasManifest(root, directory)).sort();
}

function matchSegments(root: string, base: string, segments: string[]): string[] {
  if (segments.length === 0) return [base];
  const [segment, ...rest] = segments as [string, ...string[]];
  if (segment === '**') return [...matchSegments(root, base, rest), ...subdirectories(root, base).flatMap((child) => matchSegments(root, child, segments))];
  if (!segment.includes('*')) return matchSegments(root, join(base, segment), rest);
  const matcher = new RegExp(`^${segment.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('[^/]*')}$`);
  return subdirectories(root, base)
    .filter((child) => matcher.test(path.posix.basename(child)))
    .flatMap((child) => matchSegments(root, child, rest));
}

function subdirectories(root: string, base: string): string[] {
  try {
    return readdirSync(path.join(root, base), { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && entry.name !== 'node_modules' && !entry.name.startsWith('.'))
      .map((entry) => join(base, entry.name));
  } catch {
    return [];
  }
}

function hasManifest(root: string, directory: string): boolean {
  return existsSync(path.join(root, directory, 'package.json'));
}

function join(base: string, name: string): string {
  return base === '' ? name : `${base}/${name}`;
}
