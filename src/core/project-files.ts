import { readdirSync, readFileSync, type Dirent } from 'node:fs';
import path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { EnvironmentError } from './errors.js';

/** Never walked: installed packages and git's own store. */
const NEVER_WALKED = new Set(['node_modules', '.git']);

interface IgnoreRules {
  /** The directory of the .gitignore, relative to the root ('' for the root), with a trailing slash. */
  base: string;
  rules: Ignore;
}

/**
 * Every file below `root` that git would not ignore, relative to it with forward slashes, in a
 * stable order. Each directory's .gitignore applies below it; node_modules is never entered.
 * A directory that cannot be read stops the walk: a gate must not pass on a partial tree.
 */
export function listProjectFiles(root: string): string[] {
  const files: string[] = [];
  const pending: Array<{ dir: string; rules: IgnoreRules[] }> = [{ dir: '', rules: [] }];
  while (pending.length > 0) {
    const { dir, rules: inherited } = pending.pop()!;
    const entries = readDirectory(root, dir);
    const rules = entries.some((entry) => entry.name === '.gitignore' && entry.isFile()) ? [...inherited, readIgnoreRules(root, dir)] : inherited;
    for (const entry of entries) {
      const relative = dir ? `${dir}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (!NEVER_WALKED.has(entry.name) && !isIgnored(rules, `${relative}/`)) pending.push({ dir: relative, rules });
      } else if (entry.isFile() && !isIgnored(rules, relative)) {
        files.push(relative);
      }
    }
  }
  return files.sort();
}

function readDirectory(root: string, dir: string): Dirent[] {
  try {
    return readdirSync(path.join(root, dir), { withFileTypes: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unknown error';
    throw new EnvironmentError(`cannot read directory ${dir || root} (${code}); give the job read access to it, or run the gate on a directory it can read`);
  }
}

function readIgnoreRules(root: string, dir: string): IgnoreRules {
  return { base: dir ? `${dir}/` : '', rules: ignore().add(readProjectFile(root, dir ? `${dir}/.gitignore` : '.gitignore')) };
}

/** A file of the project (`file` relative to `root`); one that cannot be read stops the gate. */
export function readProjectFile(root: string, file: string): string {
  try {
    return readFileSync(path.join(root, file), 'utf8');
  } catch (error) {
    throw new EnvironmentError(`cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? 'unknown error'}); give the job read access to it`);
  }
}

function isIgnored(rules: readonly IgnoreRules[], relative: string): boolean {
  return rules.some(({ base, rules: matcher }) => relative.startsWith(base) && matcher.ignores(relative.slice(base.length)));
}
