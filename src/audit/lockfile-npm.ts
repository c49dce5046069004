import { ConfigurationError } from '../core/errors.js';
import { edgesOf, indexLines, isLocalSpec, resolveLockfileGraph, type GraphEdge, type LockedImporters, type LockfileGraph, type ParsedLockfile } from './model.js';
import type { LockfileSource, PackageManifest } from './manifest.js';

interface NpmPackageEntry {
  name?: string;
  version?: string;
  resolved?: string;
  link?: boolean;
  dev?: boolean;
  optional?: boolean;
  devOptional?: boolean;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
}

/** An entry of the nested `dependencies` tree of lockfile v1. */
interface NpmLegacyEntry {
  version?: string;
  dev?: boolean;
  optional?: boolean;
  requires?: Record<string, string>;
  dependencies?: Record<string, NpmLegacyEntry>;
}

interface NpmLockfile {
  lockfileVersion?: number;
  packages?: Record<string, NpmPackageEntry>;
  dependencies?: Record<string, NpmLegacyEntry>;
}

/**
 * package-lock.json and npm-shrinkwrap.json. v2 and v3 carry a flat `packages` map keyed by
 * install location, v1 a nested `dependencies` tree; both become locations so that a dependency
 * resolves the way Node resolves it: the nearest `node_modules` up the tree.
 */
export function parseNpmLockfile(source: LockfileSource): ParsedLockfile {
  let lock: NpmLockfile;
  try {
    lock = JSON.parse(source.text) as NpmLockfile;
  } catch (error) {
    throw new ConfigurationError(`${source.file} is not valid JSON (${(error as Error).message}); regenerate it with npm install`);
  }
  if (!lock || typeof lock !== 'object') throw new ConfigurationError(`${source.file} is not an npm lockfile; regenerate it with npm install`);
  if (lock.packages && typeof lock.packages === 'object') return graphFromPackages(lock.packages, source.text);
  if (lock.dependencies && typeof lock.dependencies === 'object') return graphFromLegacyTree(lock.dependencies, source);
  throw new ConfigurationError(`${source.file} has neither "packages" nor "dependencies"; regenerate it with npm install`);
}

function graphFromPackages(packages: Record<string, NpmPackageEntry>, text: string): ParsedLockfile {
  const lines = indexLines(text, /^[ \t]+"((?:[^"\\]|\\.)*node_modules\/(?:[^"\\]|\\.)*)": \{/gm);
  const locations = Object.keys(packages);
  const resolveLocation = createLocationResolver(locations);
  const links = new Set<string>();
  const resolve = (from: string, name: string): string | undefined => {
    const found = resolveLocation(from, name);
    if (found === undefined) return undefined;
    const entry = packages[found]!;
    if (!entry.link) return found;
    links.add(`${name}@file:${entry.resolved ?? ''}`);
    return entry.resolved;
  };

  // npm decides what --omit=dev leaves out by the flags it writes (dev; devOptional stays), not by a walk.
  const graph: LockfileGraph = { workspaces: [], nodes: new Map(), links, kindsRecorded: true };
  for (const location of locations) {
    const entry = packages[location]!;
    if (entry.link) continue;
    const follow = (name: string) => resolve(location, name);
    // An optional peer is installed only when something else depends on it: that edge decides its kind, so none is added here.
    const followPeer = (name: string) => (entry.peerDependenciesMeta?.[name]?.optional ? undefined : follow(name));
    const edges = [...edgesOf(entry.dependencies, 'prod', follow), ...edgesOf(entry.peerDependencies, 'prod', followPeer), ...edgesOf(entry.optionalDependencies, 'optional', follow)];
    const isPackage = location.startsWith('node_modules/') || location.includes('/node_modules/');
    if (!isPackage) {
      // The project and its workspaces (and file: folders): roots whose dev dependencies are installed.
      edges.push(...edgesOf(entry.devDependencies, 'dev', follow));
      graph.workspaces.push({ path: location === '' ? '.' : location, edges });
      continue;
    }
    if (!entry.version) continue;
    const line = lines.get(location);
    graph.nodes.set(location, {
      name: entry.name ?? nameFromLocation(location),
      version: entry.version,
      // devOptional: dev, and optional of a prod package, so installed without dev dependencies too.
      recordedKind: entry.dev ? 'dev' : entry.optional || entry.devOptional ? 'optional' : 'prod',
      local: entry.resolved !== undefined && isLocalSpec(entry.resolved),
      edges,
      ...(line !== undefined ? { line } : {}),
    });
  }
  const importers: LockedImporters = {
    known: (directory) => packages[directory === '.' ? '' : directory] !== undefined,
    resolve(directory, name) {
      const from = directory === '.' ? '' : directory;
      const root = packages[from];
      const specifier = root?.dependencies?.[name] ?? root?.devDependencies?.[name] ?? root?.optionalDependencies?.[name] ?? root?.peerDependencies?.[name];
      const found = resolveLocation(from, name);
      if (found === undefined) return undefined;
      const entry = packages[found]!;
      return { ...(entry.link ? {} : { version: entry.version }), ...(specifier !== undefined ? { specifier } : {}) };
    },
    // npm ci checks that the locked version satisfies the manifest, not that the recorded spec is the same.
    specifiersMustMatch: false,
  };
  return resolveLockfileGraph(graph, importers);
}

function graphFromLegacyTree(tree: Record<string, NpmLegacyEntry>, source: LockfileSource): ParsedLockfile {
  const packages: Record<string, NpmLegacyEntry> = {};
  const flatten = (entries: Record<string, NpmLegacyEntry>, base: string) => {
    for (const [name, entry] of Object.entries(entries)) {
      const location = `${base}node_modules/${name}`;
      packages[location] = entry;
      if (entry.dependencies) flatten(entry.dependencies, `${location}/`);
    }
  };
  flatten(tree, '');
  const linesByPackage = indexLines(source.text, /^[ \t]+"((?:[^"\\]|\\.)+)": \{\n\s+"version": "([^"]+)"/gm, (match) => `${match[1]}@${match[2]}`);
  const resolveLocation = createLocationResolver(Object.keys(packages));
  const graph: LockfileGraph = { workspaces: [], nodes: new Map(), links: new Set(), kindsRecorded: true };
  const resolve = (from: string, name: string): string | undefined => {
    const found = resolveLocation(from, name);
    const version = found === undefined ? undefined : packages[found]!.version;
    if (version?.startsWith('file:')) graph.links.add(`${name}@${version}`);
    return found;
  };
  for (const [location, entry] of Object.entries(packages)) {
    if (!entry.version) continue;
    const requires = edgesOf(entry.requires, 'prod', (name) => resolve(location, name));
    const name = nameFromLocation(location);
    if (entry.version.startsWith('file:')) {
      // A workspace or local folder: its own dependencies are nested under it.
      graph.workspaces.push({ path: entry.version.slice('file:'.length), edges: requires });
      continue;
    }
    graph.nodes.set(location, {
      name,
      version: entry.version,
      recordedKind: entry.dev ? 'dev' : entry.optional ? 'optional' : 'prod',
      local: isLocalSpec(entry.version),
      edges: requires,
      ...(linesByPackage.has(`${name}@${entry.version}`) ? { line: linesByPackage.get(`${name}@${entry.version}`)! } : {}),
    });
  }
  graph.workspaces.unshift({ path: '.', edges: legacyRootEdges(packages, source.readManifest('.'), resolve) });
  // v1 records the project's dependencies only as top-level entries, and a workspace as a `file:` entry with its own nested ones.
  const folders = new Map(Object.entries(packages).flatMap(([location, entry]) => (entry.version?.startsWith('file:') ? [[entry.version.slice('file:'.length), location]] : [])));
  const importers: LockedImporters = {
    known: (directory) => directory === '.' || folders.has(directory),
    resolve(directory, name) {
      const found = resolveLocation(directory === '.' ? '' : (folders.get(directory) ?? ''), name);
      return found === undefined ? undefined : { version: packages[found]!.version! };
    },
    specifiersMustMatch: false,
  };
  return resolveLockfileGraph(graph, importers);
}

/**
 * v1 does not record what the project itself depends on: the manifest says it; without one,
 * every top-level entry is a root dependency of the kind npm recorded on it.
 */
function legacyRootEdges(packages: Record<string, NpmLegacyEntry>, manifest: PackageManifest | undefined, resolve: (from: string, name: string) => string | undefined): GraphEdge[] {
  if (manifest) {
    const follow = (name: string) => resolve('', name);
    return [...edgesOf(manifest.dependencies, 'prod', follow), ...edgesOf(manifest.optionalDependencies, 'optional', follow), ...edgesOf(manifest.devDependencies, 'dev', follow)];
  }
  return Object.entries(packages)
    .filter(([location]) => !location.includes('/node_modules/'))
    .map(([location, entry]) => ({ to: location, type: entry.dev ? 'dev' : entry.optional ? 'optional' : 'prod' }));
}

/**
 * Resolves `name` required at a location to the location Node would load it from: the nearest
 * `node_modules/<name>` up the tree. Locations are grouped by the folder whose node_modules holds
 * them, so a lookup walks the few enclosing folders instead of building candidate paths.
 */
function createLocationResolver(locations: readonly string[]): (from: string, name: string) => string | undefined {
  const byFolder = new Map<string, Map<string, string>>();
  for (const location of locations) {
    const index = location.lastIndexOf('node_modules/');
    if (index === -1) continue;
    const folder = index === 0 ? '' : location.slice(0, index - 1);
    let children = byFolder.get(folder);
    if (!children) byFolder.set(folder, (children = new Map()));
    children.set(location.slice(index + 'node_modules/'.length), location);
  }
  const enclosing = new Map<string, string[]>();
  return (from, name) => {
    let folders = enclosing.get(from);
    if (!folders) {
      folders = [];
      // A top-level package or a workspace folder resolves next through the project's node_modules.
      for (let folder = from; folder !== ''; ) {
        folders.push(folder);
        const parent = folder.lastIndexOf('/node_modules/');
        folder = parent === -1 ? '' : folder.slice(0, parent);
      }
      folders.push('');
      enclosing.set(from, folders);
    }
    for (const folder of folders) {
      const found = byFolder.get(folder)?.get(name);
      if (found !== undefined) return found;
    }
    return undefined;
  };
}

function nameFromLocation(location: string): string {
  const index = location.lastIndexOf('node_modules/');
  return location.slice(index + 'node_modules/'.length);
}
