import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser';
import semver from 'semver';
import { ConfigurationError } from '../core/errors.js';
import type { LockfileSource } from './manifest.js';
import { edgesOf, indexLines, resolveLockfileGraph, splitNameAndSpec, type LockedImporters, type LockfileGraph, type ParsedLockfile } from './model.js';

interface BunWorkspace {
  name?: string;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  optionalPeers?: string[];
}

interface BunPackageInfo {
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  optionalPeers?: string[];
}

interface BunLockfile {
  lockfileVersion?: number;
  workspaces?: Record<string, BunWorkspace>;
  /** `[ident, …]`; npm packages are `[name@version, registry, info, integrity]`, others carry the info object elsewhere. */
  packages?: Record<string, unknown[]>;
}

/**
 * bun.lock, the text lockfile of bun 1.2+ (JSON with trailing commas). Package keys are install
 * paths of package names (`@fixture/lib/debug/ms` is ms nested under debug under the workspace
 * @fixture/lib), resolved like node_modules: the nearest enclosing key wins.
 */
export function parseBunLockfile(source: LockfileSource): ParsedLockfile {
  const errors: ParseError[] = [];
  const lock = parse(source.text, errors, { allowTrailingComma: true }) as BunLockfile | undefined;
  if (errors.length > 0 || !lock || typeof lock !== 'object') {
    const first = errors[0];
    const where = first ? ` (${printParseErrorCode(first.error)} at line ${lineAt(source.text, first.offset)})` : '';
    throw new ConfigurationError(`${source.file} is not a valid bun.lock${where}; regenerate it with bun install`);
  }
  if (!lock.packages || !lock.workspaces) throw new ConfigurationError(`${source.file} has no "packages" or "workspaces"; regenerate it with bun install`);

  const packages = lock.packages;
  const lines = indexLines(source.text, /^[ \t]+"((?:[^"\\]|\\.)+)": \[/gm);
  const graph: LockfileGraph = { workspaces: [], nodes: new Map(), links: new Set() };
  const resolve = (from: string[], name: string): string | undefined => {
    for (let depth = from.length; depth >= 0; depth -= 1) {
      const candidate = [...from.slice(0, depth), name].join('/');
      if (!(candidate in packages)) continue;
      // A workspace or a link is no node: counted as local when something depends on it.
      const ident = packages[candidate]?.[0];
      if (typeof ident === 'string' && /^(?:workspace|link):/.test(splitNameAndSpec(ident)[1])) graph.links.add(ident);
      return candidate;
    }
    return undefined;
  };

  for (const [key, value] of Object.entries(packages)) {
    if (!Array.isArray(value) || typeof value[0] !== 'string') continue;
    const [name, spec] = splitNameAndSpec(value[0]);
    if (spec.startsWith('workspace:') || spec.startsWith('link:')) continue;
    const info = (value.find((item) => item && typeof item === 'object' && !Array.isArray(item)) ?? {}) as BunPackageInfo;
    const from = keySegments(key);
    const follow = (dependency: string) => resolve(from, dependency);
    const optionalPeers = new Set(info.optionalPeers ?? []);
    const version = spec.startsWith('npm:') ? splitNameAndSpec(spec.slice('npm:'.length))[1] : spec;
    graph.nodes.set(key, {
      name,
      version,
      // Registry packages are locked at a version; folders, tarball files and git at their reference.
      local: semver.valid(version) === null,
      edges: [
        ...edgesOf(info.dependencies, 'prod', follow),
        ...edgesOf(info.optionalDependencies, 'optional', follow),
        // An optional peer is installed only when something else depends on it: that edge decides its kind.
        ...edgesOf(info.peerDependencies, 'prod', (peer) => (optionalPeers.has(peer) ? undefined : follow(peer))),
      ],
      ...(lines.has(key) ? { line: lines.get(key)! } : {}),
    });
  }
  for (const [directory, workspace] of Object.entries(lock.workspaces)) {
    // A workspace's own copies of packages are nested under its package name.
    const from = directory === '' || !workspace.name ? [] : [workspace.name];
    const follow = (dependency: string) => resolve(from, dependency);
    graph.workspaces.push({
      path: directory === '' ? '.' : directory,
      edges: [
        ...edgesOf(workspace.dependencies, 'prod', follow),
        // Optional peers are not installed for the workspace itself (its dev dependencies may bring them).
        ...edgesOf(workspace.peerDependencies, 'prod', (peer) => (workspace.optionalPeers?.includes(peer) ? undefined : follow(peer))),
        ...edgesOf(workspace.optionalDependencies, 'optional', follow),
        ...edgesOf(workspace.devDependencies, 'dev', follow),
      ],
    });
  }
  const workspaces = lock.workspaces;
  const importers: LockedImporters = {
    known: (directory) => workspaces[directory === '.' ? '' : directory] !== undefined,
    resolve(directory, name) {
      const workspace = workspaces[directory === '.' ? '' : directory];
      const specifier = workspace?.dependencies?.[name] ?? workspace?.devDependencies?.[name] ?? workspace?.optionalDependencies?.[name] ?? workspace?.peerDependencies?.[name];
      if (specifier === undefined) return undefined;
      const key = resolve(directory === '.' || !workspace?.name ? [] : [workspace.name], name);
      const version = key === undefined ? undefined : graph.nodes.get(key)?.version;
      return { specifier, ...(version !== undefined ? { version } : {}) };
    },
    // bun install --frozen-lockfile refuses a lockfile whose workspace specs differ from the manifests.
    specifiersMustMatch: true,
  };
  return resolveLockfileGraph(graph, importers);
}

/** `@fixture/lib/debug/ms` → [`@fixture/lib`, `debug`, `ms`]. */
function keySegments(key: string): string[] {
  const segments: string[] = [];
  const parts = key.split('/');
  for (let index = 0; index < parts.length; index += 1) {
    const part = parts[index]!;
    if (part.startsWith('@') && index + 1 < parts.length) {
      segments.push(`${part}/${parts[index + 1]}`);
      index += 1;
    } else {
      segments.push(part);
    }
  }
  return segments;
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let index = text.indexOf('\n'); index !== -1 && index < offset; index = text.indexOf('\n', index + 1)) line += 1;
  return line;
}
