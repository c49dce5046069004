import { ConfigurationError } from '../core/errors.js';
import { indexLines, resolveInstalledPackages, type GraphEdge, type GraphNode, type LockfileGraph, type ParsedLockfile } from './model.js';
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
  if (lock.packages && typeof lock.packages === 'object') return { packages: resolveInstalledPackages(graphFromPackages(lock.packages, source.text)) };
  if (lock.dependencies && typeof lock.dependencies === 'object') return { packages: resolveInstalledPackages(graphFromLegacyTree(lock.dependencies, source)) };
  throw new ConfigurationError(`${source.file} has neither "packages" nor "dependencies"; regenerate it with npm install`);
}

function graphFromPackages(packages: Record<string, NpmPackageEntry>, text: string): LockfileGraph {
  const lines = indexLines(text, /^[ \t]+"((?:[^"\\]|\\.)*node_modules\/(?:[^"\\]|\\.)*)": \{/gm);
  const links = new Map<string, string>();
  for (const [location, entry] of Object.entries(packages)) if (entry.link && entry.resolved) links.set(location, entry.resolved);
  const resolve = (from: string, name: string): string | undefined => {
    const found = resolveLocation(packages, from, name);
    return found === undefined ? undefined : (links.get(found) ?? found);
  };

  const graph: LockfileGraph = { workspaces: [], nodes: new Map() };
  for (const [location, entry] of Object.entries(packages)) {
    if (entry.link) continue;
    const isPackage = location === 'node_modules' || location.startsWith('node_modules/') || location.includes('/node_modules/');
    if (!isPackage) {
      // The project and its workspaces (and file: folders): roots whose dev dependencies are installed.
      const edges = [
        ...edgesOf(entry.dependencies, 'prod', location, resolve),
        ...edgesOf(entry.peerDependencies, 'prod', location, resolve),
        ...edgesOf(entry.optionalDependencies, 'optional', location, resolve),
        ...edgesOf(entry.devDependencies, 'dev', location, resolve),
      ];
      graph.workspaces.push({ path: location === '' ? '.' : location, edges });
      continue;
    }
    if (!entry.version) continue;
    const node: GraphNode = {
      name: entry.name ?? nameFromLocation(location),
      version: entry.version,
      recordedKind: entry.dev || entry.devOptional ? 'dev' : entry.optional ? 'optional' : 'prod',
      edges: [
        ...edgesOf(entry.dependencies, 'prod', location, resolve),
        ...edgesOf(entry.peerDependencies, 'prod', location, resolve),
        ...edgesOf(entry.optionalDependencies, 'optional', location, resolve),
      ],
    };
    const line = lines.get(location);
    if (line !== undefined) node.line = line;
    graph.nodes.set(location, node);
  }
  return graph;
}

function graphFromLegacyTree(tree: Record<string, NpmLegacyEntry>, source: LockfileSource): LockfileGraph {
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
  const resolve = (from: string, name: string) => resolveLocation(packages, from, name);
  const graph: LockfileGraph = { workspaces: [], nodes: new Map() };
  for (const [location, entry] of Object.entries(packages)) {
    if (!entry.version) continue;
    const requires = edgesOf(entry.requires, 'prod', location, resolve);
    if (entry.version.startsWith('file:')) {
      // A workspace or local folder: its own dependencies are nested under it.
      graph.workspaces.push({ path: entry.version.slice('file:'.length), edges: requires });
      continue;
    }
    const name = nameFromLocation(location);
    graph.nodes.set(location, {
      name,
      version: entry.version,
      recordedKind: entry.dev ? 'dev' : entry.optional ? 'optional' : 'prod',
      edges: requires,
      ...(linesByPackage.has(`${name}@${entry.version}`) ? { line: linesByPackage.get(`${name}@${entry.version}`)! } : {}),
    });
  }
  graph.workspaces.unshift({ path: '.', edges: legacyRootEdges(packages, source.readManifest('.'), resolve) });
  return graph;
}

/**
 * v1 does not record what the project itself depends on: the manifest says it; without one,
 * every top-level entry is a root dependency of the kind npm recorded on it.
 */
function legacyRootEdges(packages: Record<string, NpmLegacyEntry>, manifest: PackageManifest | undefined, resolve: (from: string, name: string) => string | undefined): GraphEdge[] {
  if (manifest) {
    return [
      ...edgesOf(manifest.dependencies, 'prod', '', resolve),
      ...edgesOf(manifest.optionalDependencies, 'optional', '', resolve),
      ...edgesOf(manifest.devDependencies, 'dev', '', resolve),
    ];
  }
  return Object.entries(packages)
    .filter(([location]) => !location.includes('/node_modules/'))
    .map(([location, entry]) => ({ to: location, type: entry.dev ? 'dev' : entry.optional ? 'optional' : 'prod' }));
}

function edgesOf(dependencies: Record<string, string> | undefined, type: GraphEdge['type'], from: string, resolve: (from: string, name: string) => string | undefined): GraphEdge[] {
  if (!dependencies) return [];
  const edges: GraphEdge[] = [];
  for (const name of Object.keys(dependencies)) {
    const to = resolve(from, name);
    if (to !== undefined) edges.push({ to, type });
  }
  return edges;
}

/** The location Node would load `name` from when required at `from`. */
function resolveLocation(packages: Record<string, unknown>, from: string, name: string): string | undefined {
  let base = from;
  for (;;) {
    const candidate = base === '' ? `node_modules/${name}` : `${base}/node_modules/${name}`;
    if (candidate in packages) return candidate;
    if (base === '') return undefined;
    const parent = base.lastIndexOf('/node_modules/');
    // A top-level package or a workspace folder resolves next through the project's node_modules.
    base = parent === -1 ? '' : base.slice(0, parent);
  }
}

function nameFromLocation(location: string): string {
  const index = location.lastIndexOf('node_modules/');
  return location.slice(index + 'node_modules/'.length);
}
