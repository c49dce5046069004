import path from 'node:path';
import picomatch from 'picomatch';
import { isFixtureFolder } from '../core/packages.js';

const SCRIPT_EXTENSION = /\.(?:[cm]?[jt]s|[jt]sx)$/;
const DECLARATION_FILE = /\.d\.[cm]?ts$/;

/** A JS/TS module, not a declaration file. */
export function isScriptFile(file: string): boolean {
  return SCRIPT_EXTENSION.test(file) && !DECLARATION_FILE.test(file);
}

const HELPER_DIRECTORIES = new Set(['helpers', 'helper', '__helpers__']);
/** Directories whose files support tests but are not tests themselves (ava's, jest's, jscodeshift's and tap's conventions). */
const TEST_SUPPORT_DIRECTORIES = new Set(['fixtures', 'fixture', '__fixtures__', '__testfixtures__', ...HELPER_DIRECTORIES, '__mocks__', '__snapshots__', 'tap-snapshots']);
/** tsd checks the files of `test-d/` when no `index.test-d.ts` is beside the typings; tstyche those of `__typetests__/`. */
const TEST_DIRECTORIES = new Set(['test', 'tests', '__tests__', '__typetests__', 'test-d']);
/** Folders of a test folder that hold the tests' input. */
const INPUT_DIRECTORIES = new Set(['data', 'samples']);
/** Folders of templates a tool fills in: their files become code, tests among it, elsewhere (moment's `templates/test-header.js`, a UMD header glued onto each built test). */
const TEMPLATE_DIRECTORIES = new Set(['template', 'templates']);

/** A folder of tests by its name: `test/`, `__tests__/`, and an end-to-end suite's `e2e/`. */
export function isTestDirectoryName(name: string): boolean {
  return TEST_DIRECTORIES.has(name) || name === 'e2e';
}
/** `x.test.ts`, `x.spec.js`, `x.test-d.ts` and `x.tst.ts` (type tests), `x-test.mjs`, `x_test.cjs`, `test.js`, `test-x.js` (jest, vitest, mocha, node:test, ava, playwright). */
function isTestFileName(name: string): boolean {
  const stem = name.slice(0, name.lastIndexOf('.'));
  return stem === 'test' || stem.startsWith('test-') || /[.\-_](?:test|spec)(?:-d)?$|\.tst$/.test(stem);
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
  // A helpers folder holds the tests of helpers too, named as tests (axios's test/specs/helpers/buildURL.spec.js, which karma runs as jest and vitest would).
  if (segments.some((segment) => TEST_SUPPORT_DIRECTORIES.has(segment) && !(HELPER_DIRECTORIES.has(segment) && isTestFileName(name)))) return false;
  const testDirectory = segments.findIndex((segment) => TEST_DIRECTORIES.has(segment));
  // Templates hold tests to be; tests of a feature named so are tests (documenso's e2e/templates/*.spec.ts).
  const templates = segments.findIndex((segment) => TEMPLATE_DIRECTORIES.has(segment));
  if (templates !== -1 && !segments.slice(0, templates).some(isTestDirectoryName)) return false;
  // A tests' data or samples folder holds their input (jQuery's test/data/: a JSON document named .js, the runner's set-up;
  // zora's test/samples/, files its harness runs and compares the output of).
  if (testDirectory !== -1 && segments.slice(testDirectory).some((segment) => INPUT_DIRECTORIES.has(segment))) return false;
  return isTestFileName(name) || testDirectory !== -1;
}

/** A JS/TS file in a test or helper folder, fixtures and mocks aside (input to the code under test): tests, and the modules that set them up. */
export function isInTestFolder(file: string): boolean {
  if (!isScriptFile(file)) return false;
  const dir = path.posix.dirname(file);
  return dir.split('/').some((segment) => TEST_DIRECTORIES.has(segment) || HELPER_DIRECTORIES.has(segment)) && !isFixtureFolder(dir);
}

/** Words of a folder's or file's name that make it test code: `test-utils.ts`, `__testUtils__/`, `e2e/`, `cypress/support/`, `jest/`. */
const TEST_CODE_WORDS = new Set([
  'test', 'tests', 'spec', 'specs', 'testing', 'testkit', 'helper', 'helpers', 'mock', 'mocks', 'fixture', 'fixtures', 'e2e', 'cypress',
  'playwright', 'jest', 'vitest', 'mocha', 'karma',
]);

/**
 * Whether a module is test code by its path: a folder or file name with a word of test code
 * (`test/helpers.ts`, `src/test-utils.tsx`, `e2e/pages.ts`, `checkout.spec.ts`). Any other module is
 * the code under test, where an `assert`, a throw or a `satisfies never` guards the code.
 */
export function isTestCodePath(file: string): boolean {
  return file.split('/').some((segment) => wordsOf(segment.replace(SCRIPT_EXTENSION, '')).some((word) => TEST_CODE_WORDS.has(word)));
}

/** The words of a folder's or file's name: `pkg-tests-fixtures`, `integration_tests`, `pkg.spec`, and camelCase `integrationTests` (graphql-js). */
export function wordsOf(name: string): string[] {
  return name
    .replace(/([a-z\d])([A-Z])/g, '$1-$2')
    .toLowerCase()
    .split(/[-_.]/);
}

/**
 * Directories of code that ships without needing its own tests: build output, tooling, docs,
 * examples, Flow's library definitions, Prisma's schema, migrations and seed scripts; and every folder whose
 * name starts with a dot (`.github`, `.storybook`, `.husky`, yarn's `.yarn/releases` and `.yarn/plugins`, which hold yarn itself).
 */
const NON_SOURCE_DIRECTORIES = new Set([
  'dist', 'build', 'coverage', 'out', 'scripts', 'bench', 'benches', 'benchmark', 'benchmarks', 'benchmarking', 'examples', 'example', 'docs',
  'stories', 'e2e', 'flow-typed', 'prisma', ...TEST_DIRECTORIES, ...TEST_SUPPORT_DIRECTORIES,
]);
/**
 * A tool's own folder at the package's top: a test runner's (react-router's `jest/transform.js`, `cypress/support/commands.js`),
 * and turborepo's, whose `turbo/generators/config.ts` scaffolds new packages.
 */
const TOOL_DIRECTORIES = new Set(['jest', 'vitest', 'mocha', 'karma', 'cypress', 'playwright', 'turbo']);
/**
 * Tool configuration and setup (`vitest.config.ts`, `karma.conf.js`, `.eslintrc.cjs`, `jest.setup.js`, jest and karma configs by
 * another name such as `jest.prod.js` and `karma.base.js`, a runner's named files such as svelte's `vitest-xhtml-environment.ts`,
 * `gulpfile.js`), stories and benchmarks are not code under test.
 */
const NON_SOURCE_FILE = /(?:^\.|^(?:jest|karma)\.[^.]+\.|^(?:jest|vitest|mocha|karma)-|\.(?:config|conf|setup|preset|stories|bench)\.|^setup-?tests\.|^(?:gulpfile|gruntfile)\.|\.d\.[cm]?ts$)/i;

/**
 * A build script at the package's top (uptime-kuma's `extra/uptime-kuma-push/build.js`, which its Dockerfile runs to pick the
 * binary `go build` made; esbuild's `build.mjs`): the package's tooling, as a `gulpfile.js` is. Below `src/` a `build.js` is code.
 */
const BUILD_SCRIPT = /^build\.[cm]?[jt]s$/;

/** A folder named for the tests it supports: sveltekit's `test-utils/`, `testing/`, graphql-js's `__testUtils__/`. */
function isTestSupportFolder(name: string): boolean {
  return wordsOf(name).some((word) => word === 'test' || word === 'tests' || word === 'testing');
}

/** A JS/TS file of the package's own code (`rel` relative to the package). */
export function isSourceFile(relative: string): boolean {
  if (!SCRIPT_EXTENSION.test(relative)) return false;
  const segments = relative.split('/');
  const name = segments.pop()!;
  if (segments.length > 0 && TOOL_DIRECTORIES.has(segments[0]!)) return false;
  if (segments.length === 0 && BUILD_SCRIPT.test(name)) return false;
  return !NON_SOURCE_FILE.test(name) && !segments.some((segment) => segment.startsWith('.') || NON_SOURCE_DIRECTORIES.has(segment) || isTestSupportFolder(segment));
}
