/**
 * The one model every lockfile parser produces. Parsers only translate their format into a
 * dependency graph; the walk that decides what is prod, dev or optional, which workspace a package
 * belongs to and how it is reached is shared, so the five formats cannot drift apart.
 */

/** `prod`: reachable through production edges. `optional`: only through optional ones. `dev`: only through dev ones. */
export type DependencyKind = 'prod' | 'optional' | 'dev';

/** One installed `name@version`, however many copies of it the tree holds. */
export interface InstalledPackage {
  name: string;
  version: string;
  kind: DependencyKind;
  /** Workspaces (directories relative to the lockfile, `.` for the root) that depend on it. */
  workspaces: string[];
  /** The shortest dependency path: the workspace it starts from, then `name@version` steps ending with this package. */
  path: { workspace: string; steps: string[] };
  /** 1-based line of the package's entry in the lockfile. */
  line?: number;
  /** From a folder, a tarball file or git rather than the registry: never asked about, counted as not audited. */
  local?: true;
}

export interface ParsedLockfile {
  packages: InstalledPackage[];
  /** Local packages that are no node of the graph (links, workspaces), as `name@spec`: not audited either. */
  links: string[];
  /** What the lockfile holds for the manifests it was made from, for the sync check. */
  importers: LockedImporters;
  /** A yarn 2+ lockfile: the project's network settings are in .yarnrc.yml, not .npmrc. */
  berry?: boolean;
}

/** A manifest dependency as the lockfile holds it. */
export interface LockedDependency {
  /** The version locked for it; undefined for a link or folder, which has none. */
  version?: string;
  /** The spec the lockfile recorded from the manifest, when the format records one (pnpm, bun, berry, npm 7+). */
  specifier?: string;
}

/**
 * Per project directory (relative to the lockfile, `.` for the root): how a dependency `name` with
 * `spec` from its manifest resolves in the lockfile, undefined when the lockfile has nothing for it.
 * `known(directory)` is false when the lockfile holds no entry for that workspace; yarn classic records
 * no workspaces, so there every directory is known and resolution goes by `name@spec` alone.
 */
export interface LockedImporters {
  known(directory: string): boolean;
  resolve(directory: string, name: string, spec: string): LockedDependency | undefined;
  /** Whether the tool refuses a frozen install when the recorded spec differs from the manifest's (pnpm, bun, berry). */
  specifiersMustMatch: boolean;
}

export type EdgeType = 'prod' | 'optional' | 'dev';

export interface GraphEdge {
  /** Key of a node of the graph; edges to keys that are not nodes (links, workspaces) are not followed. */
  to: string;
  type: EdgeType;
}

export interface GraphNode {
  name: string;
  version: string;
  line?: number;
  /** What the lockfile itself says: for nodes no workspace reaches, or for all when the graph's kinds are recorded. */
  recordedKind?: DependencyKind;
  /** Not from the registry (see InstalledPackage.local). */
  local?: boolean;
  edges: GraphEdge[];
}

export interface LockfileGraph {
  /** Roots: the project and each workspace, by directory relative to the lockfile. */
  workspaces: Array<{ path: string; edges: GraphEdge[] }>;
  nodes: Map<string, GraphNode>;
  /**
   * The package manager recorded each node's kind by its own rules (npm's dev/optional/devOptional
   * flags): those decide what a production install leaves out, the walk only finds paths.
   */
  kindsRecorded?: boolean;
  /** Local dependencies that are no node (links to folders, workspaces), as `name@spec`. */
  links: Set<string>;
}

const KINDS: readonly DependencyKind[] = ['prod', 'optional', 'dev'];
/** Edge types by how production-like they are: pass `p` of the walk follows types up to `p`. */
const EDGE_RANK: Record<EdgeType, number> = { prod: 0, optional: 1, dev: 2 };

/**
 * Walks the graph breadth-first from every workspace, once per edge class (prod; prod+optional;
 * all), so each node gets the most production-like kind it can be reached with and the shortest
 * path of that kind. Nodes that share a name and version are merged into one package. Nodes are
 * numbered first so that the walks run on arrays: trees have tens of thousands of edges.
 */
export function resolveLockfileGraph(graph: LockfileGraph, importers: LockedImporters): ParsedLockfile {
  return { packages: resolveInstalledPackages(graph), links: [...graph.links].sort(), importers };
}

function resolveInstalledPackages(graph: LockfileGraph): InstalledPackage[] {
  const nodes = [...graph.nodes.values()];
  const count = nodes.length;
  const numbers = new Map<string, number>();
  let index = 0;
  for (const key of graph.nodes.keys()) numbers.set(key, index++);
  // Edges of node i are targets/ranks[offsets[i] .. offsets[i + 1]); workspaces follow the nodes.
  const sources = [...nodes.map((node) => node.edges), ...graph.workspaces.map((workspace) => workspace.edges)];
  const offsets = new Int32Array(sources.length + 1);
  sources.forEach((edges, source) => (offsets[source + 1] = offsets[source]! + edges.length));
  const targets = new Int32Array(offsets[sources.length]!);
  const ranks = new Uint8Array(offsets[sources.length]!);
  sources.forEach((edges, source) => {
    let at = offsets[source]!;
    for (const edge of edges) {
      const target = numbers.get(edge.to);
      // Links and workspaces are no nodes: their own dependencies are walked from their workspace.
      if (target === undefined) continue;
      targets[at] = target;
      ranks[at] = EDGE_RANK[edge.type];
      at += 1;
    }
    for (; at < offsets[source + 1]!; at += 1) targets[at] = -1;
  });

  const queue = new Int32Array(count);
  /**
   * Breadth-first from the given workspaces over edges ranked up to `maxRank`; `found` is called
   * once per node reached, with the node it was reached from, or -1 - workspace for a direct dependency.
   */
  const walk = (workspaces: readonly number[], maxRank: number, found: (target: number, from: number) => void) => {
    const seen = new Uint8Array(count);
    let tail = 0;
    const follow = (source: number, from: number) => {
      for (let edge = offsets[source]!; edge < offsets[source + 1]!; edge += 1) {
        const target = targets[edge]!;
        if (target === -1 || ranks[edge]! > maxRank || seen[target]) continue;
        seen[target] = 1;
        queue[tail++] = target;
        found(target, from);
      }
    };
    for (const workspace of workspaces) follow(count + workspace, -1 - workspace);
    for (let head = 0; head < tail; head += 1) follow(queue[head]!, queue[head]!);
  };

  const kind = new Int8Array(count).fill(-1);
  const parent = new Int32Array(count).fill(-1);
  const startedAt = new Int32Array(count);
  const allWorkspaces = graph.workspaces.map((_, workspace) => workspace);
  for (let pass = 0; pass < KINDS.length; pass += 1) {
    walk(allWorkspaces, pass, (target, from) => {
      if (kind[target] !== -1) return;
      kind[target] = pass;
      if (from < 0) {
        startedAt[target] = -1 - from;
      } else {
        parent[target] = from;
        startedAt[target] = startedAt[from]!;
      }
    });
  }

  // Which workspaces reach each node, through any edge; with one workspace, every reached node.
  const memberships: number[][] = [];
  if (graph.workspaces.length > 1) {
    for (const workspace of allWorkspaces) walk([workspace], KINDS.length - 1, (target) => (memberships[target] ??= []).push(workspace));
  }
  const workspacesOf = (node: number): string[] => {
    if (graph.workspaces.length > 1) return (memberships[node] ?? []).map((workspace) => graph.workspaces[workspace]!.path);
    return kind[node] === -1 || graph.workspaces.length === 0 ? [] : [graph.workspaces[0]!.path];
  };

  const ids = nodes.map((node) => `${node.name}@${node.version}`);
  const steps = (index: number): string[] => {
    const path: string[] = [];
    for (let current = index; current !== -1; current = parent[current]!) path.push(ids[current]!);
    return path.reverse();
  };
  const merged = new Map<string, { pkg: InstalledPackage; rank: number; depth: number; reached: boolean }>();
  for (index = 0; index < count; index += 1) {
    const node = nodes[index]!;
    const reached = kind[index] !== -1;
    const nodeKind = reached && !(graph.kindsRecorded && node.recordedKind) ? KINDS[kind[index]!]! : (node.recordedKind ?? 'prod');
    const id = ids[index]!;
    const workspaces = workspacesOf(index);
    const existing = merged.get(id);
    const rank = KINDS.indexOf(nodeKind);
    let depth = 0;
    if (reached) for (let current = index; current !== -1; current = parent[current]!) depth += 1;
    // A copy some workspace reaches decides the kind over one none does (berry's implicit patch of the same version, a stale entry).
    const keepExisting = existing && (existing.reached !== reached ? existing.reached : existing.rank < rank || (existing.rank === rank && existing.depth <= depth));
    if (existing && keepExisting) {
      mergeInto(existing.pkg, workspaces, node.line);
      if (!node.local) delete existing.pkg.local;
      continue;
    }
    const pkg: InstalledPackage = {
      name: node.name,
      version: node.version,
      kind: nodeKind,
      workspaces,
      path: { workspace: reached ? graph.workspaces[startedAt[index]!]!.path : '.', steps: reached ? steps(index) : [id] },
      ...(node.line !== undefined ? { line: node.line } : {}),
      ...(node.local && (!existing || existing.pkg.local) ? { local: true as const } : {}),
    };
    if (existing) mergeInto(pkg, existing.pkg.workspaces, existing.pkg.line);
    merged.set(id, { pkg, rank, depth, reached });
  }
  const packages = [...merged.values()].map(({ pkg }) => {
    if (pkg.workspaces.length > 1) pkg.workspaces.sort();
    return pkg;
  });
  return packages.sort((a, b) => (a.name === b.name ? (a.version < b.version ? -1 : a.version > b.version ? 1 : 0) : a.name < b.name ? -1 : 1));
}

function mergeInto(pkg: InstalledPackage, workspaces: string[], line: number | undefined): void {
  for (const workspace of workspaces) if (!pkg.workspaces.includes(workspace)) pkg.workspaces.push(workspace);
  if (line !== undefined && (pkg.line === undefined || line < pkg.line)) pkg.line = line;
}

/**
 * Edges to the nodes a dependency list resolves to, of one type or a type per name. A dependency
 * that resolves to no node (a link, a workspace, an entry the lockfile lacks) gets no edge.
 */
export function edgesOf<Spec>(
  dependencies: Record<string, Spec> | undefined,
  type: EdgeType | ((name: string) => EdgeType),
  resolve: (name: string, spec: Spec) => string | undefined,
): GraphEdge[] {
  const edges: GraphEdge[] = [];
  for (const [name, spec] of Object.entries(dependencies ?? {})) {
    const to = resolve(name, spec);
    if (to !== undefined) edges.push({ to, type: typeof type === 'function' ? type(name) : type });
  }
  return edges;
}

/** 1-based line of the first match of each key (by default group 1 of `pattern`), in one pass over the text. */
export function indexLines(text: string, pattern: RegExp, keyOf: (match: RegExpMatchArray) => string = (match) => match[1]!): Map<string, number> {
  const lines = new Map<string, number>();
  let line = 1;
  let position = 0;
  for (const match of text.matchAll(pattern)) {
    for (let index = text.indexOf('\n', position); index !== -1 && index < match.index; index = text.indexOf('\n', index + 1)) line += 1;
    position = match.index;
    const key = keyOf(match);
    if (!lines.has(key)) lines.set(key, line);
  }
  return lines;
}

/**
 * A dependency spec or locked reference that names no registry version: a folder, a link, a
 * tarball file, a workspace or a git repository (by URL or `owner/repo` shorthand). A registry's
 * own tarball URL (`https://…/ms-2.0.0.tgz`, as lockfiles record `resolved`) is not local.
 */
export function isLocalSpec(spec: string): boolean {
  return (
    /^(?:file|link|portal|workspace|git|git\+[a-z]+|github|gitlab|bitbucket|gist):/.test(spec) ||
    /^(?:\.{0,2}\/|~\/)/.test(spec) ||
    /^[\w.-]+\/[\w.-]+(?:#.*)?$/.test(spec) ||
    /\.git(?:#.*)?$/.test(spec) ||
    // A tarball file by path; a tarball URL is fetched by name like any registry package and is audited.
    (!/^[a-z]+:\/\//i.test(spec) && /\.(?:tgz|tar\.gz|tar)$/.test(spec))
  );
}

/** `@scope/name@1.0.0` → [`@scope/name`, `1.0.0`]; the separator is the first `@` after the name's scope. */
export function splitNameAndSpec(value: string): [string, string] {
  const at = value.indexOf('@', 1);
  return at === -1 ? [value, ''] : [value.slice(0, at), value.slice(at + 1)];
}
