import { load, loadAll } from 'js-yaml';
import semver from 'semver';
import { ConfigurationError, causeOf } from '../core/errors.js';
import type { LockfileSource } from './manifest.js';
import { edgesOf, indexLines, resolveLockfileGraph, splitNameAndSpec, type LockedImporters, type LockfileGraph, type ParsedLockfile } from './model.js';

/** v6+ importers map names to `{ specifier, version }`; older single-project files to the version. */
type PnpmDependencies = Record<string, string | { specifier?: string; version?: string }>;

interface PnpmImporter {
  dependencies?: PnpmDependencies;
  devDependencies?: PnpmDependencies;
  optionalDependencies?: PnpmDependencies;
}

interface PnpmPackage {
  name?: string;
  version?: string;
  dev?: boolean;
  optional?: boolean;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
  resolution?: { directory?: string; type?: string; repo?: string; tarball?: string };
}

interface PnpmLockfile extends PnpmImporter {
  lockfileVersion?: string | number;
  importers?: Record<string, PnpmImporter>;
  packages?: Record<string, PnpmPackage | null>;
  snapshots?: Record<string, PnpmPackage | null>;
}

/**
 * pnpm-lock.yaml, lockfile versions 6 (pnpm 8) and 9 (pnpm 9+). v9 splits package metadata
 * (`packages`) from the resolved graph (`snapshots`, keyed with peer suffixes); v6 keeps both in
 * `packages`, keyed with a leading slash.
 */
export function parsePnpmLockfile(source: LockfileSource): ParsedLockfile {
  let lock: PnpmLockfile;
  try {
    lock = readLockDocument(source.text);
  } catch (error) {
    throw new ConfigurationError(`${source.file} is not valid YAML (${causeOf(error)}); regenerate it with pnpm install`);
  }
  if (!lock || typeof lock !== 'object' || lock.lockfileVersion === undefined) {
    throw new ConfigurationError(`${source.file} has no lockfileVersion; regenerate it with pnpm install`);
  }
  const version = Number.parseFloat(String(lock.lockfileVersion));
  if (!(version >= 6)) {
    throw new ConfigurationError(`${source.file} is pnpm lockfile version ${String(lock.lockfileVersion)}; versions 6 and 9 are read: regenerate it with pnpm 8 or later`);
  }

  const metadata = lock.packages ?? {};
  const entries = lock.snapshots ?? metadata;
  const lines = indexLines(source.text, /^ {2}(?! )'?([^'\n]+?)'?:(?: |$)/gm, (match) => stripSlash(match[1]!));
  const graph: LockfileGraph = { workspaces: [], nodes: new Map(), links: new Set() };
  const snapshots: Array<{ key: string; entry: PnpmPackage | null; meta: PnpmPackage | null | undefined }> = [];
  for (const [rawKey, entry] of Object.entries(entries)) {
    const key = stripSlash(rawKey);
    const baseKey = key.includes('(') ? key.slice(0, key.indexOf('(')) : key;
    const meta = lock.snapshots ? metadata[baseKey] ?? metadata[rawKey] : entry;
    snapshots.push({ key, entry, meta });
    const [derivedName, derivedVersion] = splitNameAndSpec(baseKey);
    graph.nodes.set(key, {
      name: meta?.name ?? derivedName,
      version: meta?.version ?? derivedVersion,
      recordedKind: meta?.dev ? 'dev' : meta?.optional || entry?.optional ? 'optional' : 'prod',
      // Registry packages are keyed name@version; folders, tarball files and git by their reference.
      local: semver.valid(derivedVersion) === null || isLocalResolution(meta?.resolution),
      edges: [],
      ...(lines.has(baseKey) ? { line: lines.get(baseKey)! } : lines.has(key) ? { line: lines.get(key)! } : {}),
    });
  }
  const resolve = (name: string, value: PnpmDependencies[string]): string | undefined => {
    const version = typeof value === 'string' ? value : value?.version;
    if (version === undefined) return undefined;
    // YAML reads a bare version such as 1.0 as a number.
    const reference = String(version);
    if (reference.startsWith('link:')) {
      graph.links.add(`${name}@${reference}`);
      return undefined;
    }
    const head = reference.includes('(') ? reference.slice(0, reference.indexOf('(')) : reference;
    // An alias (`string-width-cjs: string-width@4.2.3`) names the real package in the reference.
    const candidates = head.indexOf('@', 1) > 0 ? [stripSlash(reference)] : [`${name}@${reference}`, stripSlash(reference)];
    return candidates.find((candidate) => graph.nodes.has(candidate));
  };
  for (const { key, entry, meta } of snapshots) {
    // Resolved peers are listed with the dependencies; an optional one is there only because something
    // else installed it, and that edge decides its kind.
    const optionalPeers = meta?.peerDependenciesMeta ?? {};
    const dependencies = Object.fromEntries(Object.entries(entry?.dependencies ?? {}).filter(([name]) => !optionalPeers[name]?.optional));
    graph.nodes.get(key)!.edges = [...edgesOf(dependencies, 'prod', resolve), ...edgesOf(entry?.optionalDependencies, 'optional', resolve)];
  }

  const importers = lock.importers ?? { '.': { dependencies: lock.dependencies, devDependencies: lock.devDependencies, optionalDependencies: lock.optionalDependencies } };
  for (const [directory, importer] of Object.entries(importers)) {
    graph.workspaces.push({
      path: directory,
      edges: [
        ...edgesOf(importer?.dependencies, 'prod', resolve),
        ...edgesOf(importer?.optionalDependencies, 'optional', resolve),
        ...edgesOf(importer?.devDependencies, 'dev', resolve),
      ],
    });
  }
  const lockedImporters: LockedImporters = {
    known: (directory) => importers[directory] !== undefined,
    resolve(directory, name) {
      const importer = importers[directory];
      const value = importer?.dependencies?.[name] ?? importer?.devDependencies?.[name] ?? importer?.optionalDependencies?.[name];
      if (value === undefined) return undefined;
      const key = resolve(name, value);
      const specifier = typeof value === 'object' && value?.specifier !== undefined ? { specifier: String(value.specifier) } : {};
      return { ...(key !== undefined ? { version: graph.nodes.get(key)!.version } : {}), ...specifier };
    },
    // pnpm install --frozen-lockfile refuses a lockfile whose specifiers differ from the manifests.
    specifiersMustMatch: true,
  };
  return resolveLockfileGraph(graph, lockedImporters);
}

/**
 * pnpm 10+ may put a document for its own config dependencies before the project's lockfile, separated
 * by `---`; the project's is the last one. js-yaml, not a document-model parser: a large lockfile is
 * megabytes of plain mappings, read several times faster without the model.
 */
function readLockDocument(text: string): PnpmLockfile {
  if (!/^---[ \t]*$/m.test(text)) return (load(text) ?? {}) as PnpmLockfile;
  return (loadAll(text).at(-1) ?? {}) as PnpmLockfile;
}

/** A folder (`directory`) or git (`type: git`, `repo`) resolution; tarballs are judged by their key. */
function isLocalResolution(resolution: PnpmPackage['resolution']): boolean {
  return Boolean(resolution && (resolution.directory !== undefined || resolution.type === 'git' || resolution.repo !== undefined));
}

function stripSlash(key: string): string {
  return key.startsWith('/') ? key.slice(1) : key;
}
