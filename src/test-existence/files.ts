import picomatch from 'picomatch';

const SCRIPT_EXTENSION = /\.(?:[cm]?[jt]s|[jt]sx)$/;
const DECLARATION_FILE = /\.d\.[cm]?ts$/;

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
