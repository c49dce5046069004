import path from 'node:path';
import ignore from 'ignore';
import { parse as parseYaml } from 'yaml';
import { readProjectFile } from '../core/project-files.js';
import type { Emit } from './emit.js';

/** What the .dockerignore check needs of a Dockerfile: whether it copies from the build context. */
export interface ContextUse {
  file: string;
  copiesContext: boolean;
}

/**
 * A build that copies from its context needs a .dockerignore that keeps out env files, installed
 * dependencies and git's history. The context is the one a compose file gives the Dockerfile;
 * without one, the Dockerfile's folder or the root, whichever has the better .dockerignore.
 */
export function checkDockerignore({ file, copiesContext }: ContextUse, files: Set<string>, root: string, contexts: Map<string, string[]>, emit: Emit): void {
  if (!copiesContext) return;
  const folder = parentOf(file);
  const candidates = contexts.get(file) ?? [...new Set([folder, ''])];
  const judged = candidates.map((context) => {
    const ignoreFile = files.has(`${file}.dockerignore`) ? `${file}.dockerignore` : [context ? `${context}/.dockerignore` : '.dockerignore'].find((candidate) => files.has(candidate));
    if (!ignoreFile) return { context, missing: undefined };
    const matcher = ignore().add(readProjectFile(root, ignoreFile));
    const isNodeContext = files.has(context ? `${context}/package.json` : 'package.json') || manifests(files).some((candidate) => context === '' || candidate.startsWith(`${context}/`));
    const missing = [
      ['.env', '.env*'],
      ...(isNodeContext ? [['node_modules/x', 'node_modules']] : []),
      ['.git/HEAD', '.git'],
    ].filter(([probe]) => !matcher.ignores(probe!)).map(([, name]) => name!);
    return { context, ignoreFile, missing };
  });
  const best = judged.filter((entry) => entry.missing !== undefined).sort((a, b) => a.missing!.length - b.missing!.length)[0];
  if (!best) {
    emit({ rule: 'docker/dockerignore', message: `${file} copies its build context, but no .dockerignore keeps .env files, node_modules and .git out of the image.`, file, fingerprint: `${file}:docker/dockerignore` });
    return;
  }
  const missing = best.missing!;
  if (missing.length) {
    emit({ rule: 'docker/dockerignore', message: `${best.ignoreFile} does not exclude ${missing.join(', ')}, so \`COPY\` in ${file} (and any Dockerfile built from that context) can put ${missing.length === 1 ? 'it' : 'them'} into the image.`, file: best.ignoreFile!, fingerprint: `${best.ignoreFile}:docker/dockerignore` });
  }
}

const manifestLists = new WeakMap<Set<string>, string[]>();

/** The package.json files of the repository, outside node_modules, listed once per file set. */
function manifests(files: Set<string>): string[] {
  let list = manifestLists.get(files);
  if (!list) {
    list = [...files].filter((file) => file.endsWith('/package.json') && !file.includes('node_modules/'));
    manifestLists.set(files, list);
  }
  return list;
}

function parentOf(file: string): string {
  const folder = path.posix.dirname(file);
  return folder === '.' ? '' : folder;
}

const COMPOSE_FILE = /(?:^|\/)(?:docker-)?compose(?:\.[\w-]+)?\.ya?ml$/;

/** Build contexts compose files give Dockerfiles: Dockerfile path → context folders, relative to the root. */
export function composeContexts(root: string, files: readonly string[]): Map<string, string[]> {
  const contexts = new Map<string, string[]>();
  for (const file of files) {
    if (!COMPOSE_FILE.test(file)) continue;
    let document: { services?: Record<string, { build?: unknown }> } | undefined;
    const text = readProjectFile(root, file);
    try {
      document = parseYaml(text) as typeof document;
    } catch {
      continue; // A compose file we cannot read gives no context; the fallback applies.
    }
    for (const service of Object.values(document?.services ?? {})) {
      const build = service?.build;
      const spec = typeof build === 'string' ? { context: build } : (build as { context?: unknown; dockerfile?: unknown } | undefined);
      if (!spec || typeof spec.context !== 'string' || spec.context.includes('://') || spec.context.includes('$')) continue;
      const context = parentOf(path.posix.normalize(path.posix.join(parentOf(file) || '.', spec.context, 'x')));
      const dockerfile = path.posix.normalize(path.posix.join(context || '.', typeof spec.dockerfile === 'string' ? spec.dockerfile : 'Dockerfile'));
      contexts.set(dockerfile, [...new Set([...(contexts.get(dockerfile) ?? []), context])]);
    }
  }
  return contexts;
}
