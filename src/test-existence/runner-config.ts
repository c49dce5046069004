import path from 'node:path';
import picomatch from 'picomatch';
import { BUILD_OUTPUT_FOLDERS } from '../core/packages.js';
import { moduleLoaded, parseSource, walk, type t } from './ast.js';
import { isObject, parseJsonConfig, projectPath, readConfigFile, ROOT, UNREADABLE, type Literal } from './config-values.js';
import { isScriptFile, isTestCodePath } from './files.js';
import { threadNativeParseLimit } from './native-stack.js';
import { resolveLocalImport } from './local-modules.js';
import { isTestRunnerCommand, type RunnerFiles } from './scripts.js';

/**
 * Which files a package's test runner runs, read from the runner's own config without executing
 * it: jest (`testMatch`, `testRegex`, `testPathIgnorePatterns`, `roots`; jest.config.*, package.json
 * `jest`, `--config`), vitest (`test.include`/`test.exclude`, inline `test.projects`), mocha (`spec` in .mocharc.* or
 * package.json `mocha`). Values that are not literals cannot be read: the runner's defaults apply.
 */
export interface RunnerSelection {
  /** The config files read, relative to the project root. */
  configs: string[];
  /**
   * Whether the runners run `file` (relative to the project root): true or false when the configs of
   * every runner the test scripts run decide, true or undefined (the conventions decide) when another
   * runner (node --test, ava, playwright …) runs too, undefined when no runner config was read.
   */
  runs(file: string): boolean | undefined;
  /** Configs whose test file selection could not be read statically (the defaults were used). */
  unreadable: string[];
  /** Configs of a runner whose files are judged beside the others' (Cypress's specs, tstyche's type tests), whose choice could not be read: its defaults were used. */
  defaulted: DefaultedConfig[];
  /** Configs read but for a list of files to leave out that is computed (`testPathIgnorePatterns: list.map(…)`): none were left out. */
  computedExclusions: Array<{ file: string; setting: string }>;
}

/** A config whose choice of files could not be read: why, and whose defaults were judged instead. */
export interface DefaultedConfig {
  file: string;
  because: string;
  defaults: string;
}

interface PackageFiles {
  dir: string;
  /** The runners the test scripts run (`jest`, `node`, …). */
  runners: readonly string[];
  /** What `node --test` and `mocha` are told to run. */
  runnerFiles: readonly RunnerFiles[];
  manifest?: Record<string, unknown>;
  /** Config files the test scripts name (`jest --config x`), relative to the project root. */
  namedConfigs: string[];
  /** The runners the test scripts run somewhere without naming a config. */
  runnersWithoutConfig?: readonly string[];
  /** Runners a script tells which files to run by its own flags (see TestScriptReading). */
  runnersChoosingFiles?: readonly string[];
  /** Whether a test script runs vitest with `--typecheck`. */
  vitestTypecheck?: boolean;
}

/** The config files each runner reads from a package's folder, in the order it prefers them (jest's JEST_CONFIG_EXT_ORDER, mocha's CONFIG_FILES): looked up, not searched for among all files. */
export const SCRIPT_EXTENSIONS = ['js', 'ts', 'mjs', 'mts', 'cjs', 'cts'];
const JEST_CONFIGS = [...SCRIPT_EXTENSIONS, 'json'].map((extension) => `jest.config.${extension}`);
/** A jest project given as a config file (`<rootDir>/jest.config.js`), not as a folder. */
const CONFIG_FILE = new RegExp(`\\.(?:${[...SCRIPT_EXTENSIONS, 'json'].join('|')})$`);
/** jasmine's config, where its CLI looks for it, and jasmine-browser-runner's beside it. */
const JASMINE_CONFIGS = ['json', 'mjs', 'js', 'cjs'].map((extension) => `spec/support/jasmine.${extension}`);
const JASMINE_BROWSER_CONFIGS = ['mjs', 'json', 'js', 'cjs'].map((extension) => `spec/support/jasmine-browser.${extension}`);
/** jasmine's defaults: specs below spec/ named for them, `FooSpec.js` as well as `foo.spec.mjs`. */
const JASMINE_DEFAULTS = { specDir: 'spec', specFiles: ['**/*[sS]pec.?(m)js'] };
/** vitest reads its own config before vite's. */
export const VITEST_CONFIGS = ['vitest', 'vite'].flatMap((runner) => SCRIPT_EXTENSIONS.map((extension) => `${runner}.config.${extension}`));
const MOCHA_CONFIGS = ['cjs', 'js', 'mjs', 'yaml', 'yml', 'jsonc', 'json'].map((extension) => `.mocharc.${extension}`);
/** Cypress 10 and later; cypress.json is the config of the releases before. */
export const CYPRESS_CONFIGS = [...SCRIPT_EXTENSIONS.map((extension) => `cypress.config.${extension}`), 'cypress.json'];

const JEST_DEFAULT_MATCH = ['**/__tests__/**/*.?([mc])[jt]s?(x)', '**/?(*.)+(spec|test).?([mc])[jt]s?(x)'];
const VITEST_DEFAULT_INCLUDE = ['**/*.{test,spec}.?(c|m)[jt]s?(x)'];
/** The type tests vitest checks when its `typecheck` is enabled. */
const VITEST_TYPECHECK_INCLUDE = ['**/*.{test,spec}-d.?(c|m)[jt]s?(x)'];
const VITEST_DEFAULT_EXCLUDE = ['**/node_modules/**', '**/dist/**', '**/cypress/**', '**/.{idea,git,cache,output,temp}/**'];
const MOCHA_DEFAULT_SPEC = ['test/*.{js,cjs,mjs}'];
/** Cypress's `specPattern` of each testing type, and the `excludeSpecPattern` of both; node_modules is always left out. */
const CYPRESS_DEFAULT_SPEC = { e2e: ['cypress/e2e/**/*.cy.{js,jsx,ts,tsx}'], component: ['**/*.cy.{js,jsx,ts,tsx}'] };
const CYPRESS_DEFAULT_EXCLUDE = ['*.hot-update.js'];
/** Before Cypress 10: `testFiles` within `integrationFolder` (and `componentFolder`), less `ignoreTestFiles`. */
const CYPRESS_LEGACY_DEFAULTS = { integrationFolder: 'cypress/integration', testFiles: ['**/*.*'], ignoreTestFiles: ['*.hot-update.js'] };

/** The files tstyche and tsd check by default. */
const TYPE_TEST_RUNNER_FILES: Record<string, string[]> = {
  tstyche: ['**/*.tst.*', '**/__typetests__/*.test.*', '**/typetests/*.test.*'],
  tsd: ['**/*.test-d.ts', '**/*.test-d.tsx', 'test-d/**/*.ts', 'test-d/**/*.tsx'],
};


type Matcher = (file: string) => boolean;
/** Called with a setting that leaves files out and is computed: the matcher leaves none out by it. */
type Computed = (setting: string) => void;

/** A config file's literal value, and that of the local module it re-exports (`export { default } from '../../vitest.config'`), a few files deep. */
export function readConfigFollowingImports(file: string, files: ReadonlySet<string>, read: (file: string) => string, depth = 0, name = 'default'): Literal {
  return readConfigFile(read(file), file, (source, imported) => {
    const target = depth < 4 ? resolveLocalImport(files, file, source) : undefined;
    return target ? readConfigFollowingImports(target, files, read, depth + 1, imported) : UNREADABLE;
  }, name);
}

export function readRunnerSelection(pkg: PackageFiles, files: ReadonlySet<string>, read: (file: string) => string): RunnerSelection {
  const within = (name: string) => (pkg.dir ? `${pkg.dir}/${name}` : name);
  const configs: string[] = [];
  const unreadable: string[] = [];
  const computedExclusions: RunnerSelection['computedExclusions'] = [];
  const computed = (file: string) => (setting: string) => computedExclusions.push({ file, setting });
  const runners: Matcher[] = [];
  const readRunners = new Set<string>();
  const present = (names: readonly string[]) => names.map(within).filter((file) => files.has(file));
  const readConfig = (file: string) => readConfigFollowingImports(file, files, read);

  const jestFiles = [...pkg.namedConfigs.filter((file) => /jest/i.test(file) || (file.endsWith('.json') && !/jasmine/i.test(file))), ...present(JEST_CONFIGS)];
  const jestConfigs: Array<{ file: string; value: Literal }> = jestFiles.map((file) => ({ file, value: readConfig(file) }));
  if (pkg.manifest?.jest !== undefined) jestConfigs.push({ file: within('package.json'), value: pkg.manifest.jest as Literal });
  for (const { file, value } of jestConfigs.slice(0, 1)) {
    configs.push(file);
    // A project listed as a config file of the repository (mobx's `projects: ['<rootDir>/jest.config.js']`) is read, once.
    const listed = new Set([file]);
    const project = (listedFile: string) => {
      if (!files.has(listedFile) || listed.has(listedFile)) return undefined;
      listed.add(listedFile);
      return readConfig(listedFile);
    };
    const matcher = jestMatcher(value, path.posix.dirname(file).replace(/^\.$/, ''), computed(file), files, project, pkg.dir);
    readRunners.add('jest');
    if (matcher) runners.push(matcher);
    else unreadable.push(file);
  }
  // Without a config of the package's, jest runs the files of its defaults (testMatch in the package); a workspace root's config may run them instead (see the gate).
  // Not where a script names a config the gate cannot read (`--config '{…}'`), or chooses the files by its flags: the conventions stand.
  const byDefaults = (runner: string) => pkg.runners.includes(runner) && (pkg.runnersWithoutConfig?.includes(runner) ?? true) && !pkg.runnersChoosingFiles?.includes(runner);
  if (!readRunners.has('jest') && byDefaults('jest')) {
    runners.push(jestMatcher({}, pkg.dir, computed(within('package.json')), files, () => undefined, pkg.dir)!);
    readRunners.add('jest');
  }

  // vite.config.* is a build's config first: vitest's unless the test scripts only run other test runners (logto's console
  // builds with vite and tests with jest); nx, turbo or a script of the project's own may run vitest.
  const runsVitest = pkg.runners.some((runner) => runner === 'vitest' || !isTestRunnerCommand(runner)) || pkg.runners.length === 0;
  // The configs the scripts name (`vitest --config vitest.node.config.js`: the AI SDK's packages, each with a node and an edge
  // config; vite's `vitest run -c vitest.config.e2e.ts`) run beside the one vitest finds itself where a script runs it without
  // one (vite's `vitest run`): the files of each are judged.
  const namedVitest = pkg.runners.includes('vitest') ? pkg.namedConfigs.filter((file) => /vite/i.test(path.posix.basename(file))) : [];
  const findsItsOwn = namedVitest.length === 0 || (pkg.runnersWithoutConfig?.includes('vitest') ?? true);
  const foundVitest = findsItsOwn ? present(VITEST_CONFIGS).filter((file) => runsVitest || path.posix.basename(file).startsWith('vitest.')) : [];
  for (const file of new Set([...namedVitest, ...foundVitest.slice(0, 1)])) {
    configs.push(file);
    const matcher = vitestMatcher(readConfig(file), pkg.dir, computed(file), pkg.vitestTypecheck ?? false);
    readRunners.add('vitest');
    if (matcher) runners.push(matcher);
    else unreadable.push(file);
  }
  // So does vitest, which looks for its config in the folder it runs in alone: `*.{test,spec}.*`, not every file below test/.
  if (!readRunners.has('vitest') && byDefaults('vitest')) {
    runners.push(vitestMatcher({}, pkg.dir, computed(within('package.json')), pkg.vitestTypecheck ?? false)!);
    readRunners.add('vitest');
  }

  // And bun, whose `bun test` runs the files named as tests wherever they are, its arguments only filtering them (`bun test ./tests`).
  if (byDefaults('bun')) {
    runners.push(globMatcher(BUN_TEST_DEFAULTS, [], pkg.dir));
    readRunners.add('bun');
  }

  const mocha = present(MOCHA_CONFIGS)[0];
  const mochaValue = mocha ? readConfig(mocha) : (pkg.manifest?.mocha as Literal | undefined);
  if (mochaValue !== undefined) {
    const file = mocha ?? within('package.json');
    configs.push(file);
    const matcher = mochaMatcher(mochaValue, pkg.dir, files);
    readRunners.add('mocha');
    if (matcher) runners.push(matcher);
    else unreadable.push(file);
  }

  // jasmine's specs, by its config (`jasmine --config=…`, or spec/support/jasmine.json) or its defaults; jasmine-browser-runner's, by its own.
  const jasmineFiles = [...pkg.namedConfigs.filter((file) => /jasmine/i.test(file) && !/jasmine-browser/i.test(file)), ...present(JASMINE_CONFIGS)];
  const jasmineBrowser = [...pkg.namedConfigs.filter((file) => /jasmine-browser/i.test(file)), ...present(JASMINE_BROWSER_CONFIGS)];
  for (const [file, browser] of [[jasmineFiles[0], false], [jasmineBrowser[0], true]] as const) {
    if (file === undefined && (browser || !pkg.runners.includes('jasmine'))) continue;
    if (file) configs.push(file);
    const matcher = jasmineMatcher(file ? readConfig(file) : {}, pkg.dir, browser);
    readRunners.add(browser ? 'jasmine-browser-runner' : 'jasmine');
    if (matcher) runners.push(matcher);
    else unreadable.push(file!);
  }

  // Cypress's specs are judged beside what the other runners run: a suite the scripts may not show (eslint's Makefile runs it).
  const defaulted: DefaultedConfig[] = [];
  const cypressConfig = present(CYPRESS_CONFIGS)[0];
  let cypress: Matcher | undefined;
  if (cypressConfig) {
    configs.push(cypressConfig);
    readRunners.add('cypress');
    const value = readConfig(cypressConfig);
    const legacy = cypressConfig.endsWith('.json');
    cypress = legacy ? legacyCypressMatcher(value, pkg.dir) : cypressMatcher(value, pkg.dir);
    if (!cypress) {
      defaulted.push({ file: cypressConfig, because: 'chooses its specs with values that cannot be read without running it', defaults: "Cypress's default spec patterns" });
      cypress = legacy ? legacyCypressMatcher({}, pkg.dir) : cypressMatcher({ component: {} }, pkg.dir);
    }
  }

  // `node --test test/*.test.js`, `mocha test/ --recursive`: the arguments choose the files, for runners without a config read above.
  for (const { runner, paths, recursive } of pkg.runnerFiles) {
    if (runner === 'mocha' && readRunners.has('mocha') && paths.length === 0) continue;
    runners.push(argumentMatcher(runner, paths, recursive, pkg.dir, files));
    readRunners.add(runner);
  }

  // An entry file the runner is given may load the suites: rollup's `mocha test/test.js` requires test/function/index.js and the rest.
  const entries = pkg.runnerFiles.flatMap(({ paths }) => paths.map((given) => within(path.posix.normalize(given)))).filter((file) => files.has(file) && isScriptFile(file));
  const loaded = loadedSuites(entries, pkg.dir, files, read);
  if (loaded.size > 0) runners.push((file) => loaded.has(file));

  const selection = (runs: RunnerSelection['runs']): RunnerSelection => ({ configs, unreadable, computedExclusions, defaulted, runs: cypress ? (file) => cypress(file) || runs(file) : runs });
  // A config that cannot be read leaves the choice to the conventions, for every runner of the package.
  if (runners.length === 0 || unreadable.length > 0) return selection(() => undefined);
  const runs = (file: string) => runners.some((matches) => matches(file));
  const others = pkg.runners.filter((runner) => !readRunners.has(runner === '_mocha' ? 'mocha' : runner));
  if (others.length === 0) return selection(runs);
  // Type-test runners run their own files, by defaults the gate knows; others leave it to the conventions.
  if (others.every((runner) => runner in TYPE_TEST_RUNNER_FILES)) {
    const typeTests = picomatch(others.flatMap((runner) => (runner === 'tstyche' ? tstycheFiles(pkg.dir, files, read, defaulted) : TYPE_TEST_RUNNER_FILES[runner]!)), { dot: true });
    return selection((file) => runs(file) || (relativeTo(pkg.dir, file) !== undefined && typeTests(relativeTo(pkg.dir, file)!)));
  }
  return selection((file) => (runs(file) ? true : undefined));
}

/**
 * tstyche's `testFileMatch` in its config (immutable-js's `type-definitions/ts-tests/*.ts`), else its defaults; a config that does
 * not parse, or whose `testFileMatch` is no list of globs, is added to `defaulted` (tstyche stops on it, and the gate says why it judged the defaults).
 */
function tstycheFiles(dir: string, files: ReadonlySet<string>, read: (file: string) => string, defaulted: DefaultedConfig[]): string[] {
  const file = dir ? `${dir}/tstyche.config.json` : 'tstyche.config.json';
  if (!files.has(file)) return TYPE_TEST_RUNNER_FILES.tstyche!;
  const config = parseJsonConfig(read(file), file) as { testFileMatch?: unknown } | undefined;
  const match = config?.testFileMatch;
  if (Array.isArray(match) && match.length > 0 && match.every((glob) => typeof glob === 'string')) return match.map(stripDotSlash);
  if (config === undefined || match !== undefined) defaulted.push({ file, because: 'does not parse, or its testFileMatch is not a list of globs', defaults: "tstyche's default test files" });
  return TYPE_TEST_RUNNER_FILES.tstyche!;
}

/** How many modules deep the suites an entry file loads are followed. */
const SUITE_DEPTH = 3;

/**
 * The modules entry files load from their own folders down, a few modules deep: what runs as the runner runs them. From an entry at
 * the package's top, only test code (solid's `node test.js` loads the code under test, its index.js, which is no suite).
 */
function loadedSuites(entries: readonly string[], packageDir: string, files: ReadonlySet<string>, read: (file: string) => string): Set<string> {
  const loaded = new Set<string>();
  const suiteRoot = (file: string) => (path.posix.dirname(file) === (packageDir || '.') ? undefined : `${path.posix.dirname(file)}/`);
  let pending = entries.map((file) => ({ file, root: suiteRoot(file) }));
  for (let depth = 0; depth < SUITE_DEPTH && pending.length > 0; depth += 1) {
    const next: typeof pending = [];
    for (const { file, root } of pending) {
      // A file that cannot be read stops the gate here; one that does not parse loads nothing more, and the analysis reports it.
      const code = read(file);
      let program: t.Program;
      try {
        program = parseSource(code, file, threadNativeParseLimit()).program;
      } catch {
        continue;
      }
      walk(program, (node) => {
        const specifier = moduleLoaded(node);
        const target = specifier === undefined ? undefined : resolveLocalImport(files, file, specifier);
        if (target && isScriptFile(target) && (root === undefined ? isTestCodePath(target.slice(packageDir ? packageDir.length + 1 : 0)) : target.startsWith(root)) && !loaded.has(target) && !entries.includes(target)) {
          loaded.add(target);
          next.push({ file: target, root });
        }
        return true;
      });
    }
    pending = next;
  }
  return loaded;
}

function relativeTo(dir: string, file: string): string | undefined {
  if (!dir) return file;
  return file.startsWith(`${dir}/`) ? file.slice(dir.length + 1) : undefined;
}

/**
 * jest's selection for a config in the folder `configDir`, run in `runDir`: its own, or with `projects`, that of each
 * inline project, of `<rootDir>` where it is listed, and of each config file it lists that `project`
 * reads; other folders it lists are packages with configs of their own.
 */
function jestMatcher(config: Literal, configDir: string, computed: Computed, files: ReadonlySet<string>, project: (file: string) => Literal | undefined, runDir: string): Matcher | undefined {
  if (!isObject(config)) return undefined;
  if (typeof config.rootDir !== 'string' && config.rootDir !== undefined) return undefined;
  // rootDir is relative to the config's folder; <rootDir> in projects means the same.
  const dir = typeof config.rootDir === 'string' ? projectPath(config.rootDir, configDir) : configDir;
  if (dir === undefined) return undefined;
  if (config.projects === undefined) return jestProjectMatcher(config, dir, computed, files);
  if (!Array.isArray(config.projects)) return undefined;
  const matchers: Array<Matcher | undefined> = [];
  for (const entry of config.projects) {
    if (typeof entry === 'string') {
      if (/^(?:<rootDir>|\.)\/?$/.test(entry)) matchers.push(jestProjectMatcher(config, dir, computed, files));
      const configFile = CONFIG_FILE.test(entry) ? projectPath(entry.replace(/^<rootDir>/, '.'), dir) : undefined;
      const listed = configFile === undefined ? undefined : project(configFile);
      // jest takes a project's rootDir from its config file's folder.
      if (listed !== undefined) matchers.push(jestMatcher(listed, path.posix.dirname(configFile!).replace(/^\.$/, ''), computed, files, project, runDir));
    } else if (isObject(entry)) {
      // An inline project's rootDir is the config file's folder, as is <rootDir> in it, whatever the config's own rootDir; another
      // relative rootDir is the folder jest runs in's (apollo-client's `{ ...defaults, rootDir: 'src' }` in config/jest.config.ts).
      const own = entry.rootDir;
      if (own !== undefined && typeof own !== 'string') return undefined;
      const projectDir = own === undefined ? configDir : own.startsWith('<rootDir>') ? projectPath(own.replace(/^<rootDir>/, '.'), configDir) : projectPath(own, runDir);
      matchers.push(projectDir === undefined ? undefined : jestProjectMatcher(entry, projectDir, computed, files));
    } else {
      return undefined;
    }
  }
  if (matchers.length === 0) return jestProjectMatcher(config, dir, computed, files);
  if (matchers.some((matcher) => matcher === undefined)) return undefined;
  return (file) => matchers.some((matches) => matches!(file));
}

function jestProjectMatcher(config: { [key: string]: Literal }, dir: string, computed: Computed, files: ReadonlySet<string>): Matcher | undefined {
  const rootDir = `${ROOT}/${dir}`.replace(/\/$/, '');
  const substitute = (value: string) => value.replaceAll('<rootDir>', rootDir);
  // `<rootDir>/dist/**/*.test.js` into build output the checkout lacks is read at the sources, as mocha's spec is.
  const testMatch = stringList(config.testMatch, JEST_DEFAULT_MATCH)?.map((glob) => {
    const inRoot = /^(!?)<rootDir>\/(.+)$/.exec(glob);
    return inRoot ? `${inRoot[1]}<rootDir>/${atSources(inRoot[2]!, dir, files)}` : glob;
  });
  const testRegex = stringList(config.testRegex, []);
  const ignore = exclusionList(config.testPathIgnorePatterns, ['/node_modules/'], [], () => computed('testPathIgnorePatterns'));
  const roots = stringList(config.roots, ['<rootDir>']);
  if (!testMatch || !testRegex || !ignore || !roots) return undefined;
  // jest resolves a root that is not absolute from rootDir.
  const rootPaths = roots.map((root) => {
    const value = substitute(root);
    return (value.startsWith('/') ? value : path.posix.join(rootDir, value)).replace(/\/+$/, '');
  });
  // A root in build output the checkout lacks (logto's `roots: ['./build']`, which `tsc` fills before jest runs) stands for the
  // sources it is compiled from: the package's own folder. A path its ignore patterns name in that output (`/build/routes/session/`)
  // is one below the package.
  const builds = rootPaths.filter((root) => isMissingBuildOutput(root, rootDir, files));
  const sourceRoots = rootPaths.map((root) => (builds.includes(root) ? rootDir : root));
  const sourceIgnore = ignore.map((pattern) => builds.reduce((current, build) => current.replaceAll(`${build.slice(rootDir.length)}/`, '/'), pattern));
  let ignored: RegExp[];
  let regexes: RegExp[];
  try {
    ignored = sourceIgnore.map((pattern) => new RegExp(substitute(pattern)));
    regexes = testRegex.map((pattern) => new RegExp(pattern));
  } catch {
    return undefined;
  }
  const globs = testMatch.map((glob) => picomatch(substitute(glob).replace(/^!/, ''), { dot: true }));
  const negated = testMatch.map((glob) => glob.startsWith('!'));
  return (file) => {
    const absolute = `${ROOT}/${file}`;
    if (!sourceRoots.some((root) => absolute.startsWith(`${root}/`))) return false;
    if (ignored.some((pattern) => pattern.test(absolute))) return false;
    if (regexes.length > 0) return regexes.some((pattern) => pattern.test(absolute));
    // jest matches globs against the absolute path; `**/` at their start spans the root.
    let matched = false;
    globs.forEach((glob, index) => {
      if (glob(absolute.slice(1)) || glob(absolute)) matched = !negated[index];
    });
    return matched;
  };
}

/** Whether `root` (absolute, below ROOT) is a build output folder below `rootDir` that holds none of the checkout's files. */
function isMissingBuildOutput(root: string, rootDir: string, files: ReadonlySet<string>): boolean {
  if (!root.startsWith(`${rootDir}/`) || !root.slice(rootDir.length + 1).split('/').some((segment) => BUILD_OUTPUT_FOLDERS.has(segment))) return false;
  const prefix = `${root.slice(ROOT.length + 1)}/`;
  for (const file of files) if (file.startsWith(prefix)) return false;
  return true;
}

function vitestMatcher(config: Literal, dir: string, computed: Computed, typecheckFlag: boolean): Matcher | undefined {
  if (!isObject(config)) return undefined;
  const test = config.test ?? {};
  if (!isObject(test)) return undefined;
  const own = vitestProjectMatcher(config, test, {}, dir, computed, typecheckFlag);
  if (test.projects === undefined) return own;
  if (!Array.isArray(test.projects)) return undefined;
  // Inline projects choose their own files (`extends: true` inherits the root's). Paths and globs
  // (`'./packages/*'`) name folders whose own configs the gate reads with their packages.
  const inline = test.projects.filter((project) => typeof project !== 'string');
  if (inline.length === 0) return own;
  const projects = inline.map((project) => {
    if (!isObject(project) || (project.test !== undefined && !isObject(project.test))) return undefined;
    return vitestProjectMatcher(project, (project.test ?? {}) as { [key: string]: Literal }, project.extends === true ? test : {}, dir, computed, typecheckFlag);
  });
  if (projects.some((matcher) => matcher === undefined)) return undefined;
  return (file) => projects.some((matches) => matches!(file));
}

function vitestProjectMatcher(config: { [key: string]: Literal }, test: { [key: string]: Literal }, inherited: { [key: string]: Literal }, dir: string, computed: Computed, typecheckFlag: boolean): Matcher | undefined {
  const include = stringList(test.include ?? inherited.include, VITEST_DEFAULT_INCLUDE);
  // `exclude: [...configDefaults.exclude, 'e2e/**']` builds on vitest's defaults, which stand in for what is computed.
  const exclude = exclusionList(test.exclude ?? inherited.exclude, VITEST_DEFAULT_EXCLUDE, VITEST_DEFAULT_EXCLUDE, () => computed('test.exclude'));
  // vitest's own root (`test.root`) comes before vite's (floating-ui's `root: './test/visual'` for the dev server, `test: { root: './test/unit' }`).
  const root = [test.dir, test.root, config.root].find((value): value is string => typeof value === 'string');
  if (!include || !exclude || (test.dir !== undefined && typeof test.dir !== 'string')) return undefined;
  const base = root ? projectPath(root, dir) : dir;
  if (base === undefined) return undefined;
  // With `typecheck: { enabled: true }`, or run with `--typecheck`, vitest also checks its type tests (h3's `*.test-d.ts`). Where whether
  // it does is computed (h3's `enabled: !process.argv.includes('bench')`), they are judged, as the type tests they are; which, computed, is unknown.
  const typecheck = isObject(test.typecheck) ? test.typecheck : isObject(inherited.typecheck) ? inherited.typecheck : undefined;
  const typeTests = typecheckFlag || typecheck?.enabled === true || typecheck?.enabled === UNREADABLE ? stringList(typecheck?.include, VITEST_TYPECHECK_INCLUDE) : [];
  if (!typeTests) return undefined;
  const included = picomatch([...include, ...typeTests].map(stripDotSlash), { dot: true });
  const excluded = picomatch(exclude.map(stripDotSlash), { dot: true });
  return (file) => {
    const relative = relativeTo(base, file);
    return relative !== undefined && included(relative) && !excluded(relative);
  };
}

/**
 * A glob into build output (`build/compiled/test/**\/*.test.js`) matches none of the repository's
 * files: the runner runs what a build made of the sources. It is read at the sources: without the
 * build's folders before its first wildcard (`test/**\/*.test.js`), a `.js` standing for the
 * `.ts`/`.jsx` it was compiled from. A glob that matches files, or has no build folder, is kept.
 */
function atSources(glob: string, dir: string, files: ReadonlySet<string>): string {
  const segments = glob.split('/');
  const firstWildcard = segments.findIndex((segment) => /[*?{[]/.test(segment));
  const prefix = firstWildcard === -1 ? segments.length : firstWildcard;
  const kept = segments.filter((segment, index) => index >= prefix || !BUILD_OUTPUT_FOLDERS.has(segment));
  if (kept.length === segments.length) return glob;
  const matches = picomatch(glob, { dot: true });
  for (const file of files) {
    const relative = relativeTo(dir, file);
    if (relative !== undefined && matches(relative)) return glob;
  }
  return kept.join('/').replace(/\.js$/, '.{js,jsx,ts,tsx}').replace(/\{js,cjs,mjs,ts,cts,mts\}$/, '{js,cjs,mjs,jsx,ts,cts,mts,tsx}');
}

function mochaMatcher(config: Literal, dir: string, files: ReadonlySet<string>): Matcher | undefined {
  if (!isObject(config)) return undefined;
  const spec = stringList(config.spec, MOCHA_DEFAULT_SPEC);
  if (!spec) return undefined;
  const recursive = config.recursive === true;
  const globs = spec.map((entry) => {
    const clean = stripDotSlash(inPackage(entry, dir)).replace(/\/+$/, '');
    // A folder names its files (all of them, deep, with --recursive).
    return atSources(/[*?{[]|\.[cm]?[jt]sx?$/.test(clean) ? clean : `${clean}/${recursive ? '**/' : ''}*.{js,cjs,mjs,ts,cts,mts}`, dir, files);
  });
  const matches = picomatch(globs, { dot: true });
  return (file) => {
    const relative = relativeTo(dir, file);
    return relative !== undefined && matches(relative);
  };
}

/**
 * jasmine's specs: `spec_files` below `spec_dir` (jasmine-browser-runner's `specFiles` below `specDir`), relative to the
 * package, negated with `!`; its `helpers` load before them and are no specs.
 */
function jasmineMatcher(config: Literal, dir: string, browser: boolean): Matcher | undefined {
  if (!isObject(config)) return undefined;
  const specDir = config[browser ? 'specDir' : 'spec_dir'] ?? JASMINE_DEFAULTS.specDir;
  const specFiles = stringList(config[browser ? 'specFiles' : 'spec_files'], JASMINE_DEFAULTS.specFiles);
  if (typeof specDir !== 'string' || !specFiles) return undefined;
  const base = stripDotSlash(specDir).replace(/\/+$/, '');
  const under = (glob: string) => (base && base !== '.' ? `${base}/${stripDotSlash(glob)}` : stripDotSlash(glob));
  return globMatcher(specFiles.filter((glob) => !glob.startsWith('!')).map(under), specFiles.filter((glob) => glob.startsWith('!')).map((glob) => under(glob.slice(1))), dir);
}

/**
 * The specs of Cypress's testing types: end-to-end always (`cypress run` runs them by default), component
 * when the config sets them up. Globs are relative to the config's folder, the Cypress project.
 */
function cypressMatcher(config: Literal, dir: string): Matcher | undefined {
  if (!isObject(config)) return undefined;
  const types = (['e2e', 'component'] as const).filter((type) => type === 'e2e' || config[type] !== undefined);
  const matchers = types.map((type) => {
    const options = config[type] ?? {};
    if (!isObject(options)) return undefined;
    const spec = stringList(options.specPattern, CYPRESS_DEFAULT_SPEC[type]);
    const exclude = stringList(options.excludeSpecPattern ?? config.excludeSpecPattern, CYPRESS_DEFAULT_EXCLUDE);
    return spec && exclude ? globMatcher(spec.map((glob) => specGlob(inPackage(glob, dir))), exclude, dir) : undefined;
  });
  if (matchers.some((matcher) => matcher === undefined)) return undefined;
  return (file) => matchers.some((matches) => matches!(file));
}

/** A glob, or a folder that names every file below it (redash's `specPattern: 'client/cypress/integration/'`: Cypress's globbing expands folders). */
function specGlob(entry: string): string {
  return /[*?{[]/.test(entry) || /\.[^/]+$/.test(entry) ? entry : `${entry.replace(/\/+$/, '')}/**/*`;
}

function legacyCypressMatcher(config: Literal, dir: string): Matcher | undefined {
  if (!isObject(config)) return undefined;
  const testFiles = stringList(config.testFiles, CYPRESS_LEGACY_DEFAULTS.testFiles);
  const ignored = stringList(config.ignoreTestFiles, CYPRESS_LEGACY_DEFAULTS.ignoreTestFiles);
  const folders = [config.integrationFolder ?? CYPRESS_LEGACY_DEFAULTS.integrationFolder, ...(config.componentFolder === undefined ? [] : [config.componentFolder])];
  if (!testFiles || !ignored || folders.some((folder) => typeof folder !== 'string')) return undefined;
  return globMatcher(
    (folders as string[]).flatMap((folder) => testFiles.map((glob) => `${stripDotSlash(folder).replace(/\/+$/, '')}/${glob}`)),
    ignored,
    dir,
  );
}

/** Files of `dir` that match `include` and not `exclude` (never those in node_modules); an exclusion without a slash is of a file's name, as Cypress reads it. */
function globMatcher(include: readonly string[], exclude: readonly string[], dir: string): Matcher {
  const included = picomatch(include.map(stripDotSlash), { dot: true });
  // picomatch's matchBase reads every pattern as a name, those with slashes too.
  const excluded = picomatch([...exclude.map((glob) => (glob.includes('/') ? stripDotSlash(glob) : `**/${glob}`)), '**/node_modules/**'], { dot: true });
  return (file) => {
    const relative = relativeTo(dir, file);
    return relative !== undefined && included(relative) && !excluded(relative);
  };
}

/** bun's own patterns, for `bun test`. */
const BUN_TEST_DEFAULTS = ['**/*{.,_}{test,spec}.{js,jsx,ts,tsx}'];

/** node:test's own patterns, for `node --test` with no path or a folder. */
const NODE_TEST_DEFAULTS = ['**/*.test.{cjs,mjs,js,cts,mts,ts}', '**/*-test.{cjs,mjs,js,cts,mts,ts}', '**/*_test.{cjs,mjs,js,cts,mts,ts}', '**/test-*.{cjs,mjs,js,cts,mts,ts}', '**/test.{cjs,mjs,js,cts,mts,ts}', '**/test/**/*.{cjs,mjs,js,cts,mts,ts}'];

/** The files `node --test <paths>`, `mocha <paths>` or `tap <paths>` run: globs, files, and folders (node and tap search them deep, mocha with --recursive). */
function argumentMatcher(runner: RunnerFiles['runner'], paths: readonly string[], recursive: boolean, dir: string, files: ReadonlySet<string>): Matcher {
  const folder = (clean: string) => (runner === 'node' ? NODE_TEST_DEFAULTS.map((glob) => `${clean}/${glob}`) : [`${clean}/${recursive ? '**/' : ''}*.{js,cjs,mjs,ts,cts,mts}`]);
  const globs = paths.length === 0
    ? runner === 'node' ? NODE_TEST_DEFAULTS : MOCHA_DEFAULT_SPEC
    : paths.flatMap((entry) => {
        const clean = stripDotSlash(entry).replace(/\/+$/, '');
        return (/[*?{[]|\.[cm]?[jt]sx?$/.test(clean) ? [clean] : folder(clean)).map((glob) => atSources(glob, dir, files));
      });
  const matches = picomatch(globs, { dot: true });
  return (file) => {
    const relative = relativeTo(dir, file);
    return relative !== undefined && matches(relative);
  };
}

/** A path the config built from its own folder (`path.join(__dirname, 'test')`), from the package's. */
function inPackage(entry: string, dir: string): string {
  return entry.startsWith(`${ROOT}/`) ? path.posix.relative(`${ROOT}/${dir}`, entry) : entry;
}

function stripDotSlash(glob: string): string {
  return glob.replace(/^\.\//, '');
}

/**
 * A list of what to leave out: as stringList, but where it cannot be read (computed as a whole, or of
 * unknown elements only) it is `whenComputed`, and `computed` is told: the files it would have left
 * out are judged, where reading no config would judge every file by the conventions.
 */
function exclusionList(value: Literal | undefined, fallback: string[], whenComputed: string[], computed: () => void): string[] {
  const list = stringList(value, fallback);
  if (list) return list;
  computed();
  return whenComputed;
}

/**
 * A list of strings (or one string), `fallback` when the setting is absent, undefined when it cannot
 * be read. Elements that are not literals (`cond ? a : b`) are left out: they stay unknown, and the
 * other elements still apply. A list of unknown elements only cannot be read: as an empty list, it
 * would run no file at all (`roots: [path.resolve('src')]`).
 */
function stringList(value: Literal | undefined, fallback: string[]): string[] | undefined {
  // Set to null, a setting is unset: apollo-server's jest base `testMatch: null` beside its `testRegex`, which jest takes alone.
  if (value === undefined || value === null) return fallback;
  if (typeof value === 'string') return [value];
  if (!Array.isArray(value)) return undefined;
  const known = value.filter((item): item is string => typeof item === 'string');
  return known.length === 0 && value.length > 0 ? undefined : known;
}
