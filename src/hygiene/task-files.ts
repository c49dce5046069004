import path from 'node:path';

/** A `make` or `just` invocation: the task file to read and the targets to run. */
export interface TaskRun {
  file: string;
  /** The folder the recipes run in, relative to the root. */
  dir: string;
  targets: string[];
}

/** Reads `make [-C dir] [-f file] targets…` or `just [-f file] [-d dir] recipe`, run in `dir`. */
export function taskRunOf(words: readonly string[], dir: string): TaskRun | undefined {
  const [tool, ...args] = words;
  if (tool !== 'make' && tool !== 'gmake' && tool !== 'just') return undefined;
  let runDir = dir;
  let file: string | undefined;
  const positionals: string[] = [];
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index]!;
    const next = args[index + 1];
    if ((arg === '-C' || arg === '--directory' || arg === '-d' || arg === '--working-directory') && next !== undefined) {
      runDir = path.posix.join(runDir || '.', next).replace(/^\.$/, '');
      index += 1;
    } else if ((arg === '-f' || arg === '--file' || arg === '--makefile' || arg === '--justfile') && next !== undefined) {
      file = next;
      index += 1;
    } else if (arg.startsWith('--directory=')) {
      runDir = path.posix.join(runDir || '.', arg.slice('--directory='.length)).replace(/^\.$/, '');
    } else if (arg === '-j' || arg === '--jobs') {
      index += 1;
    } else if (!arg.startsWith('-') && !arg.includes('=')) {
      positionals.push(arg);
    }
  }
  const defaultName = tool === 'just' ? 'justfile' : 'Makefile';
  const taskFile = path.posix.normalize(path.posix.join(runDir || '.', file ?? defaultName));
  // just takes the recipe's arguments after its name; make runs every target named.
  return { file: taskFile, dir: runDir, targets: tool === 'just' ? positionals.slice(0, 1) : positionals };
}

/**
 * The recipes of a Makefile or justfile: target → its prerequisites and command lines. Only the
 * plain forms are read (`target: deps` then indented commands); variables are not expanded.
 */
export function readRecipes(text: string): { recipes: Map<string, { needs: string[]; lines: string[] }>; first?: string } {
  const recipes = new Map<string, { needs: string[]; lines: string[] }>();
  let current: { needs: string[]; lines: string[] } | undefined;
  let first: string | undefined;
  for (const raw of text.split(/\r?\n/)) {
    if (/^\s/.test(raw)) {
      const line = raw.trim().replace(/^[@-]+/, '');
      if (current && line && !line.startsWith('#')) current.lines.push(line);
      continue;
    }
    const rule = /^([A-Za-z0-9_.\-/ ]+?)\s*:(?![=:])\s*(.*)$/.exec(raw);
    if (!rule || raw.startsWith('#') || raw.startsWith('.')) {
      current = undefined;
      continue;
    }
    current = { needs: rule[2]!.replace(/#.*$/, '').split(/\s+/).filter((name) => /^[\w.-]+$/.test(name)), lines: [] };
    for (const name of rule[1]!.split(/\s+/).filter(Boolean)) {
      recipes.set(name, current);
      first ??= name;
    }
  }
  return { recipes, ...(first ? { first } : {}) };
}
