import { readdirSync, readFileSync, type Dirent } from 'node:fs';
import path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import picomatch from 'picomatch';
import { EnvironmentError } from '../core/errors.js';

const SCRIPT_EXTENSION = /\.(?:[cm]?[jt]s|[jt]sx)$/;
const DECLARATION_FILE = /\.d\.[cm]?ts$/;
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

/** Directories whose files support tests but are not tests themselves (ava's and jest's conventions). */
const TEST_SUPPORT_DIRECTORIES = new Set(['fixtures', 'fixture', '__fixtures__', 'helpers', 'helper', '__helpers__', '__mocks__', '__snapshots__']);
const TEST_DIRECTORIES = new Set(['test', 'tests', '__tests__']);
/** `x.test.ts`, `x.spec.js`, `x-test.mjs`, `x_test.cjs`, `test.js`, `test-x.js` (jest, vitest, mocha, node:test, ava, playwright). */
function isTestFileName(name: string): boolean {
  const stem = name.slice(0, name.lastIndexOf('.'));
  return stem === 'test' || stem.startsWith('test-') || /[.\-_](?:test|spec)$/.test(stem);
}

/** Decides which files are tests: the conventions of the common runners, or the `test-patterns` setting. */
export function createTestFileMatcher(patterns: readonly string[]): (file: string) => boolean {
  if (patterns.length > 0) {
    const include = patterns.filter((pattern) => !pattern.startsWith('!'));
    const exclude = patterns.filter((pattern) => pattern.startsWith('!')).map((pattern) => pattern.slice(1));
    const included = picomatch(include.length ? include : ['**/*'], { dot: true });
    const excluded = exclude.length ? picomatch(exclude, { dot: true }) : () => false;
    return (file) => SCRIPT_EXTENSION.test(file) && !DECLARATION_FILE.test(file) && included(file) && !excluded(file);
  }
  return isConventionalTestFile;
}

function isConventionalTestFile(file: string): boolean {
  if (!SCRIPT_EXTENSION.test(file) || DECLARATION_FILE.test(file)) return false;
  const segments = file.split('/');
  const name = segments.pop()!;
  if (segments.some((segment) => TEST_SUPPORT_DIRECTORIES.has(segment))) return false;
  return isTestFileName(name) || segments.some((segment) => TEST_DIRECTORIES.has(segment));
}

/** Directories of code that ships without needing its own tests: build output, tooling, docs, examples. */
const NON_SOURCE_DIRECTORIES = new Set([
  'dist', 'build', 'coverage', 'out', 'scripts', 'bench', 'benches', 'benchmark', 'benchmarks', 'examples', 'example', 'docs',
  '.github', '.storybook', 'stories', 'e2e', ...TEST_DIRECTORIES, ...TEST_SUPPORT_DIRECTORIES,
]);
/** Tool configuration and setup (`vitest.config.ts`, `.eslintrc.cjs`, `jest.setup.js`, `gulpfile.js`), stories and benchmarks are not code under test. */
const NON_SOURCE_FILE = /(?:^\.|\.(?:config|setup|preset|stories|bench)\.|^setup-?tests\.|^(?:gulpfile|gruntfile)\.|\.d\.[cm]?ts$)/i;

/** A JS/TS file of the package's own code (`rel` relative to the package). */
export function isSourceFile(relative: string): boolean {
  if (!SCRIPT_EXTENSION.test(relative)) return false;
  const segments = relative.split('/');
  const name = segments.pop()!;
  return !NON_SOURCE_FILE.test(name) && !segments.some((segment) => NON_SOURCE_DIRECTORIES.has(segment));
}
