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
}

export interface ParsedLockfile {
  packages: InstalledPackage[];
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
  /** What the lockfile itself says, for nodes no workspace reaches (stale or extraneous entries). */
  recordedKind?: DependencyKind;
  edges: GraphEdge[];
}

export interface LockfileGraph {
  /** Roots: the project and each workspace, by directory relative to the lockfile. */
  workspaces: Array<{ path: string; edges: GraphEdge[] }>;
  nodes: Map<string, GraphNode>;
}

const KIND_RANK: Record<DependencyKind, number> = { prod: 0, optional: 1, dev: 2 };

/** Which edge types each pass may follow: a node first reached in an earlier pass keeps that pass's kind. */
const PASSES: Array<{ kind: DependencyKind; follows: ReadonlySet<EdgeType> }> = [
  { kind: 'prod', follows: new Set(['prod']) },
  { kind: 'optional', follows: new Set(['prod', 'optional']) },
  { kind: 'dev', follows: new Set(['prod', 'optional', 'dev']) },
];

interface Reach {
  kind: DependencyKind;
  workspace: string;
  /** The node this one was first reached from, undefined for a workspace's direct dependency. */
  parent?: string;
  workspaces: Set<string>;
}

/**
 * Walks the graph breadth-first from every workspace, once per edge class, so each node gets the
 * most production-like kind it can be reached with and the shortest path of that kind. Nodes that
 * share a name and version are merged into one package.
 */
export function resolveInstalledPackages(graph: LockfileGraph): InstalledPackage[] {
  const reach = new Map<string, Reach>();
  for (const pass of PASSES) {
    const queue: string[] = [];
    const seen = new Set<string>();
    for (const workspace of graph.workspaces) {
      for (const edge of workspace.edges) {
        if (!pass.follows.has(edge.type) || !graph.nodes.has(edge.to) || seen.has(edge.to)) continue;
        seen.add(edge.to);
        queue.push(edge.to);
        if (!reach.has(edge.to)) reach.set(edge.to, { kind: pass.kind, workspace: workspace.path, workspaces: new Set() });
      }
    }
    for (let index = 0; index < queue.length; index += 1) {
      const key = queue[index]!;
      for (const edge of graph.nodes.get(key)!.edges) {
        if (!pass.follows.has(edge.type) || !graph.nodes.has(edge.to) || seen.has(edge.to)) continue;
        seen.add(edge.to);
        queue.push(edge.to);
        if (!reach.has(edge.to)) reach.set(edge.to, { kind: pass.kind, workspace: reach.get(key)!.workspace, parent: key, workspaces: new Set() });
      }
    }
  }
  for (const workspace of graph.workspaces) markWorkspace(graph, reach, workspace);

  const merged = new Map<string, InstalledPackage>();
  for (const [key, node] of graph.nodes) {
    const found = reach.get(key);
    const candidate: InstalledPackage = {
      name: node.name,
      version: node.version,
      kind: found?.kind ?? node.recordedKind ?? 'prod',
      workspaces: found ? [...found.workspaces].sort() : [],
      path: { workspace: found?.workspace ?? '.', steps: found ? pathSteps(graph, reach, key) : [`${node.name}@${node.version}`] },
      ...(node.line !== undefined ? { line: node.line } : {}),
    };
    const id = `${node.name}@${node.version}`;
    const existing = merged.get(id);
    if (!existing) {
      merged.set(id, candidate);
      continue;
    }
    const better = KIND_RANK[candidate.kind] < KIND_RANK[existing.kind] || (candidate.kind === existing.kind && candidate.path.steps.length < existing.path.steps.length);
    merged.set(id, {
      ...(better ? candidate : existing),
      workspaces: [...new Set([...existing.workspaces, ...candidate.workspaces])].sort(),
      ...(minLine(existing.line, candidate.line) !== undefined ? { line: minLine(existing.line, candidate.line) } : {}),
    });
  }
  return [...merged.values()].sort((a, b) => (a.name === b.name ? (a.version < b.version ? -1 : 1) : a.name < b.name ? -1 : 1));
}

function markWorkspace(graph: LockfileGraph, reach: Map<string, Reach>, workspace: LockfileGraph['workspaces'][number]): void {
  const queue = workspace.edges.map((edge) => edge.to).filter((key) => graph.nodes.has(key));
  const seen = new Set(queue);
  for (let index = 0; index < queue.length; index += 1) {
    const key = queue[index]!;
    reach.get(key)?.workspaces.add(workspace.path);
    for (const edge of graph.nodes.get(key)!.edges) {
      if (seen.has(edge.to) || !graph.nodes.has(edge.to)) continue;
      seen.add(edge.to);
      queue.push(edge.to);
    }
  }
}

function pathSteps(graph: LockfileGraph, reach: Map<string, Reach>, key: string): string[] {
  const steps: string[] = [];
  for (let current: string | undefined = key; current !== undefined; current = reach.get(current)?.parent) {
    const node = graph.nodes.get(current)!;
    steps.push(`${node.name}@${node.version}`);
  }
  return steps.reverse();
}

function minLine(a: number | undefined, b: number | undefined): number | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return Math.min(a, b);
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

/** `@scope/name@1.0.0` → [`@scope/name`, `1.0.0`]; the separator is the first `@` after the name's scope. */
export function splitNameAndSpec(value: string): [string, string] {
  const at = value.indexOf('@', 1);
  return at === -1 ? [value, ''] : [value.slice(0, at), value.slice(at + 1)];
}
