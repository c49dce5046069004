import { parseSyml } from '@yarnpkg/parsers';
import { ConfigurationError, causeOf } from '../core/errors.js';
import type { LockfileSource, PackageManifest } from './manifest.js';
import { edgesOf, indexLines, isLocalSpec, resolveLockfileGraph, splitNameAndSpec, type GraphEdge, type LockedDependency, type LockedImporters, type LockfileGraph, type ParsedLockfile } from './model.js';

interface YarnEntry {
  version?: string;
  resolution?: string;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  dependenciesMeta?: Record<string, { optional?: boolean | string }>;
  /** Berry: the platforms the package installs on, e.g. `os=darwin`. */
  conditions?: string;
}

/**
 * yarn.lock, classic (v1) and berry (2+). Entries are keyed by the descriptors that resolved to
 * them; a dependency is followed by looking its `name@range` descriptor up. Classic records no
 * workspaces and neither records which dependencies are dev ones, so the roots come from the
 * project's package.json files.
 */
export function parseYarnLockfile(source: LockfileSource): ParsedLockfile {
  let lock: Record<string, unknown>;
  try {
    lock = parseSyml(source.text);
  } catch (error) {
    throw new ConfigurationError(`${source.file} cannot be parsed (${causeOf(error)}); regenerate it with yarn install`);
  }
  const berry = '__metadata' in lock;
  const descriptorLines = new Map<string, number>();
  for (const [keys, line] of indexLines(source.text, /^(?![\s#])(.+):\s*$/gm)) for (const descriptor of splitDescriptors(keys)) descriptorLines.set(descriptor, line);

  const graph: LockfileGraph = { workspaces: [], nodes: new Map(), links: new Set() };
  /** Descriptor → node key; berry workspaces map to `workspace:<path>` keys that are not nodes. */
  const descriptors = new Map<string, string>();
  const entries = new Map<string, YarnEntry>();
  const workspaceEntries = new Map<string, YarnEntry>();
  for (const [keys, value] of Object.entries(lock)) {
    if (keys === '__metadata' || !value || typeof value !== 'object') continue;
    const entry = value as YarnEntry;
    const list = splitDescriptors(keys);
    const first = list[0]!;
    const key = berry ? (entry.resolution ?? first) : first;
    for (const descriptor of list) descriptors.set(descriptor, key);
    if (entries.has(key) || workspaceEntries.has(key)) continue;
    const [resolvedName, spec] = splitNameAndSpec(key);
    if (spec.startsWith('workspace:')) {
      workspaceEntries.set(key, entry);
      continue;
    }
    if (!entry.version || entry.version === '0.0.0-use.local') continue;
    entries.set(key, entry);
    const line = descriptorLines.get(first);
    graph.nodes.set(key, {
      name: berry ? resolvedName : classicName(first),
      version: String(entry.version),
      local: berry ? !isRegistryResolution(spec) : isLocalSpec(splitNameAndSpec(first)[1]),
      edges: [],
      ...(line !== undefined ? { line } : {}),
    });
  }
  // Berry binds folder and tarball descriptors to the package that declares them (`…::locator=app%40workspace%3A.`).
  const boundDescriptors = new Map<string, string>();
  for (const [descriptor, key] of descriptors) if (descriptor.includes('::')) boundDescriptors.set(descriptor.slice(0, descriptor.indexOf('::')), key);
  const resolve = (name: string, range: string) => {
    const key = descriptors.get(`${name}@${range}`) ?? boundDescriptors.get(`${name}@${range}`);
    if (key === undefined && isLocalSpec(range)) graph.links.add(`${name}@${range}`);
    return key;
  };
  // Berry installs a package with `conditions: os=darwin` only where they hold: like an optional one, not everywhere.
  const isConditional = (name: string, range: string) => entries.get(descriptors.get(`${name}@${range}`) ?? '')?.conditions !== undefined;
  for (const [key, entry] of entries) {
    graph.nodes.get(key)!.edges = [
      ...edgesOf(entry.dependencies, (name) => (entry.dependenciesMeta?.[name]?.optional || isConditional(name, entry.dependencies![name]!) ? 'optional' : 'prod'), resolve),
      ...edgesOf(entry.optionalDependencies, 'optional', resolve),
    ];
  }

  const versionOf = (key: string | undefined): LockedDependency => (key !== undefined && graph.nodes.has(key) ? { version: graph.nodes.get(key)!.version } : {});
  let importers: LockedImporters;
  if (berry) {
    const byDirectory = new Map<string, YarnEntry>();
    for (const [key, entry] of workspaceEntries) {
      const directory = splitNameAndSpec(key)[1].slice('workspace:'.length) || '.';
      byDirectory.set(directory, entry);
      graph.workspaces.push({ path: directory, edges: edgesOf(entry.dependencies, manifestEdgeType(source.readManifest(directory), entry), resolve) });
    }
    importers = {
      known: (directory) => byDirectory.has(directory),
      resolve(directory, name) {
        const recorded = byDirectory.get(directory)?.dependencies?.[name];
        if (recorded === undefined) return undefined;
        // A plain range is recorded under the default npm: protocol; other protocols are rewritten, so only ranges compare.
        const range = recorded.startsWith('npm:') ? recorded.slice('npm:'.length) : undefined;
        return { ...versionOf(resolve(name, recorded)), ...(range !== undefined && !range.includes('@') ? { specifier: range } : {}) };
      },
      // yarn install --immutable refuses a lockfile whose workspace ranges differ from the manifests.
      specifiersMustMatch: true,
    };
  } else {
    for (const directory of ['.', ...source.listWorkspaces()]) {
      const manifest = source.readManifest(directory);
      if (!manifest) continue;
      graph.workspaces.push({
        path: directory,
        edges: [
          ...edgesOf(manifest.dependencies, 'prod', resolve),
          ...edgesOf(manifest.optionalDependencies, 'optional', resolve),
          ...edgesOf(manifest.devDependencies, 'dev', resolve),
        ],
      });
    }
    // Classic records no workspaces: a dependency is in sync when its exact `name@range` descriptor is a key.
    importers = {
      known: () => true,
      resolve: (_directory, name, spec) => {
        const key = descriptors.get(`${name}@${spec}`);
        return key === undefined ? undefined : versionOf(key);
      },
      specifiersMustMatch: false,
    };
  }
  return { ...resolveLockfileGraph(graph, importers), ...(berry ? { berry } : {}) };
}

/** Berry merges a workspace's dependency lists; its package.json says which were dev or optional. */
function manifestEdgeType(manifest: PackageManifest | undefined, entry: YarnEntry): (name: string) => GraphEdge['type'] {
  return (name) => {
    if (entry.dependenciesMeta?.[name]?.optional || manifest?.optionalDependencies?.[name] !== undefined) return 'optional';
    if (manifest?.devDependencies?.[name] !== undefined && manifest.dependencies?.[name] === undefined) return 'dev';
    return 'prod';
  };
}

/** `npm:1.2.3`, or a patch of one: what the registry serves; folders, links, tarball files and git are not. */
function isRegistryResolution(spec: string): boolean {
  return spec.startsWith('npm:') || (spec.startsWith('patch:') && /@npm%3A/.test(spec));
}

function splitDescriptors(keys: string): string[] {
  return keys.split(/,\s*/).map((descriptor) => descriptor.replace(/^"|"$/g, '')).filter(Boolean);
}

/** Classic keeps no resolution; an alias descriptor (`foo@npm:bar@^1`) names the real package. */
function classicName(descriptor: string): string {
  const [name, spec] = splitNameAndSpec(descriptor);
  return spec.startsWith('npm:') ? splitNameAndSpec(spec.slice('npm:'.length))[0] : name;
}
