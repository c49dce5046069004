import path from 'node:path';
import picomatch from 'picomatch';
import { ExceptionList, type ExceptionEntry } from '../core/exceptions.js';
import { isRecord, unscopedName } from '../core/packages.js';
import type { Finding } from '../core/report.js';
import { packageNameOf } from './ast.js';
import { wordsOf } from './files.js';

/** `test-existence.allow` entry: packages, by glob over their folder or name, the gate leaves out. */
export interface PackageAllowEntry extends ExceptionEntry {
  package: string;
}

/**
 * Words in the folders of packages nobody ships: examples, demos and playgrounds show how to use a
 * library; packages below e2e/, test/ or fixtures/ are projects the tests run against; benchmarks and
 * docs (and the examples they show, node-redis's doctests/) measure and explain; packages below scripts/ and .github/ are the repository's own tooling
 * (next-auth's `.github/broken-link-checker`, an action its workflows run; a babel preset
 * for its builds, a test helper). They need no tests of their own. `sfc-playground` and `dts-test` count.
 */
const SUPPORT_WORDS = new Set([
  'examples', 'example', 'demo', 'demos', 'playground', 'playgrounds', 'sandbox', 'sandboxes', 'template', 'templates', 'starter', 'starters', 'tutorial', 'tutorials',
  'e2e', 'test', 'tests', '__tests__', 'fixtures', 'fixture', '__fixtures__', 'bench', 'benches', 'benchmark', 'benchmarks', 'perf', 'perftest', 'perftests', 'docs', 'website', 'site', 'www', 'scripts',
  'storybook', 'testenv', 'doctest', 'doctests', '.github',
]);

/** The support words of packages that show a library in use, which their readers run by hand (see isDemoPackage). */
const DEMO_WORDS = new Set(['examples', 'example', 'demo', 'demos', 'playground', 'playgrounds', 'sandbox', 'sandboxes', 'template', 'templates', 'starter', 'starters', 'tutorial', 'tutorials']);

/** Tools a package of shared settings configures: `@repo/eslint-config`, `@formbricks/config-prettier`, `@acme/tailwind-config`. */
const CONFIGURED_TOOLS = new Set([
  'eslint', 'lint', 'prettier', 'stylelint', 'biome', 'oxlint', 'typescript', 'ts', 'tsconfig', 'tailwind', 'tailwindcss', 'postcss', 'babel', 'jest', 'vitest', 'commitlint', 'tsup', 'vite', 'rollup', 'webpack',
]);
const CONFIG_WORDS = new Set(['config', 'configs', 'tsconfig']);
/**
 * A description that keeps a package to tests: "for integration tests only", "only used in tests", "for testing purposes only",
 * "test-only". Not "utilities for testing React", which describes a library others test with.
 */
const TEST_ONLY_DESCRIPTION = /\b(?:for|in) (?:[\w-]+ ){0,2}(?:tests?|testing)(?: purposes)? only(?=\s*(?:[.,;:!)]|$))|\bonly (?:[\w-]+ )?(?:for|in) (?:[\w-]+ ){0,2}(?:tests?|testing)\b|\btest-only\b/i;
/** `com.example.app`, `io.acme.mobile`: an application id, as Stripe, Android and Apple apps are named. */
const REVERSE_DOMAIN = /^(?:com|org|net|io|dev|app|co)\.[\w-]+\.[\w.-]+$/;

/**
 * Words that make a support package only when it is not published: TanStack Query's `integrations/react-vite`
 * is a private app that only builds against the workspace's packages, to check them; `@vueuse/integrations`,
 * published from `packages/integrations`, ships code and needs tests.
 */
const UNPUBLISHED_SUPPORT_WORDS = new Set(['integration', 'integrations']);

const FIXTURE_PARENTS = new Set(['e2e', 'test', 'tests', '__tests__', 'fixtures', 'fixture', '__fixtures__', 'test-fixtures', 'goldens', '__goldens__']);
/** In a compound folder name: `pkg-tests-fixtures`; `goldens` hold the output a generator must match (lit's `gen-wrapper-angular/goldens/*`). */
const FIXTURE_WORDS = new Set(['fixtures', 'fixture', 'goldens']);

/**
 * Packages a library of test helpers builds on: runners whose `expect` or `assert` it calls, and
 * assertion libraries. A package that needs one to run (a dependency or a peer, not a dev
 * dependency, which any tested package has) asserts for the tests that call it.
 */
export const TEST_LIBRARIES = new Set([
  'vitest', 'jest', '@jest/globals', 'expect', '@jest/expect', 'mocha', 'chai', 'ava', 'tap', 'tape', 'uvu', '@playwright/test', 'power-assert', 'unexpected', 'earl',
]);

/** The modules a file imports or requires by a literal name, read from its text. */
const IMPORTED_MODULE = /\b(?:from|import|require)\s*\(?\s*['"]([^'"]+)['"]/g;

/** The modules a file's code imports or requires by a literal name. */
export function importedModules(code: string): string[] {
  return [...code.matchAll(IMPORTED_MODULE)].map(([, specifier]) => specifier!);
}

/**
 * Whether a module's code imports a runner or an assertion library: test code, whichever package holds it and whatever
 * its manifest declares (a monorepo's private `utils` package whose `adapter.ts` imports `test` from vitest, hoisted to the root).
 */
export function importsTestLibrary(code: string): boolean {
  for (const specifier of importedModules(code)) {
    const name = packageNameOf(specifier);
    if (name !== undefined && TEST_LIBRARIES.has(name)) return true;
  }
  return false;
}

export interface PackageRef {
  dir: string;
  name: string;
  manifest?: { name?: unknown; version?: unknown; description?: unknown; private?: unknown; dependencies?: unknown; peerDependencies?: unknown; devDependencies?: unknown; bin?: unknown };
}

/**
 * Which packages the gate judges. An allowed package (with a reason, maybe an expiry) is left out
 * entirely. A support package (isSupportPackage) need not have tests or a test script, but the tests
 * it has are still judged.
 */
export class PackagePolicy {
  private readonly exceptions: ExceptionList<PackageAllowEntry>;
  private readonly matchers: Map<PackageAllowEntry, (value: string) => boolean>;

  constructor(entries: readonly PackageAllowEntry[]) {
    this.exceptions = new ExceptionList(entries, (entry, index) => `test-existence.allow[${index}] (${entry.package})`);
    this.matchers = new Map(entries.map((entry) => [entry, picomatch(entry.package.replace(/^\.\//, '').replace(/\/+$/, ''), { dot: true })]));
  }

  /** The allow entry that leaves `pkg` out, if any (the root package is `.`). */
  allowed(pkg: PackageRef): PackageAllowEntry | undefined {
    const dir = pkg.dir || '.';
    return this.exceptions.match((entry) => {
      const matches = this.matchers.get(entry)!;
      return matches(dir) || matches(pkg.name);
    });
  }

  /**
   * A package below e2e/, test(s)/, __tests__/, fixtures/ or goldens/ is a project the tests run against (jest's
   * e2e/<case>/) or the output they expect: its tests are inputs, often failing or empty on purpose, so nothing in it is judged.
   * So is one below a folder of fixtures by a compound name (yarn's `pkg-tests-fixtures/packages/*`).
   */
  isFixture(pkg: PackageRef): boolean {
    return pkg.dir.split('/').slice(0, -1).some((segment) => FIXTURE_PARENTS.has(segment) || wordsOf(segment).some((word) => FIXTURE_WORDS.has(word)));
  }

  /** Expired entries (errors) and entries that matched nothing (notices). */
  findings(configFile?: string): Finding[] {
    return this.exceptions.findings(configFile);
  }
}

/**
 * A folder named by a support word (`examples/`, `template/`) makes a support package, and so does a
 * folder above it with the word inside a compound name (yarn's `pkg-tests/pkg-tests-core`, a helper of
 * its package tests; graphql-js's `integrationTests/node`, a project its integration test installs and runs).
 * A package's own folder named for fixtures (`screenshot-fixtures`) is one, published or not: it ships inputs, not code.
 * The package's own compound folder name (`sfc-playground`, `dts-test`) or package name (zod's
 * `packages/tsc`, named `@zod/tsc-perftest`) and an integration folder (`integrations/`) do too, unless
 * the package is published under a name and version: `jest-test-result` is shipped, and needs tests like any other.
 * A package named for a tool's shared config (`eslint-config-acme`, `@repo/typescript-config`) is one either way.
 */
export function isSupportPackage(pkg: PackageRef): boolean {
  const segments = pkg.dir.split('/');
  if (segments.some((segment) => SUPPORT_WORDS.has(segment.toLowerCase()))) return true;
  if (segments.slice(0, -1).some((segment) => wordsOf(segment).some((word) => SUPPORT_WORDS.has(word)))) return true;
  if (wordsOf(segments.at(-1)!).some((word) => FIXTURE_WORDS.has(word))) return true;
  const manifest = pkg.manifest;
  const name = typeof manifest?.name === 'string' ? unscopedName(manifest.name) : '';
  // Shared settings of a tool are configuration, published or not: their rules are the tool's to check.
  const nameWords = wordsOf(name);
  if (nameWords.some((word) => CONFIG_WORDS.has(word)) && nameWords.some((word) => CONFIGURED_TOOLS.has(word))) return true;
  // A package that says it is there for tests only is the repository's test infrastructure, published or not: logto's
  // `@logto/connector-mock-email`, "Mock Email Service connector implementation for integration tests only".
  if (typeof manifest?.description === 'string' && TEST_ONLY_DESCRIPTION.test(manifest.description)) return true;
  if (isPublished(pkg)) return false;
  // Named config alone and not published, the repository's shared build settings (floating-ui's `config`: defineViteConfig, tsconfig.base).
  if (nameWords.length > 0 && nameWords.every((word) => CONFIG_WORDS.has(word))) return true;
  // Below a folder named dev, an app not published is one its developers try the packages in by hand (next-auth's apps/dev/express);
  // below one named testing, the repository's test infrastructure (pnpm's testing/registry-mock). Only the folder: a private
  // `@acme/ab-testing` is a feature of the product.
  if (segments.slice(0, -1).some((segment) => segment === 'dev' || segment === 'testing')) return true;
  // A reverse-domain id names an app, and its `example` is a placeholder domain: dub's Stripe app, `com.example.dub`.
  const nameSegments = REVERSE_DOMAIN.test(name) ? [] : [name];
  return [...segments, ...nameSegments].some((segment) => wordsOf(segment).some((word) => SUPPORT_WORDS.has(word) || UNPUBLISHED_SUPPORT_WORDS.has(word)));
}

/**
 * Whether a package is in a folder of examples, demos or templates (ava's `examples/tap-reporter`, whose `t.pass()` tests
 * show a reporter's output): its tests show a feature to a reader, and are the repository's tests only where its scripts run them.
 */
export function isDemoPackage(pkg: PackageRef): boolean {
  return pkg.dir.split('/').some((segment) => DEMO_WORDS.has(segment.toLowerCase()));
}

/** Published under a name and version. */
function isPublished(pkg: PackageRef): boolean {
  const manifest = pkg.manifest;
  return manifest !== undefined && manifest.private !== true && typeof manifest.name === 'string' && typeof manifest.version === 'string';
}

/**
 * The folders of the packages not published that are the repository's own tooling: those the root links into its
 * devDependencies by path (`file:` or `link:`; graphql-js's `"eslint-plugin-internal-rules": "file:./resources/eslint-internal-rules"`,
 * apollo-client's size-limit plugin in config/size-limit), support as its scripts/ folder is; and commands (a `bin`) that the
 * repository's packages take as a devDependency and none as a dependency (commitlint's `@commitlint/utils`, whose `dep-check`
 * and `pkg-check` every package's scripts run).
 */
export function repositoryDevTools(root: PackageRef | undefined, packages: readonly PackageRef[]): Set<string> {
  const rootDevDependencies = root?.manifest?.devDependencies;
  const linked = new Set(
    Object.values(isRecord(rootDevDependencies) ? rootDevDependencies : {}).flatMap((spec) => {
      const target = typeof spec === 'string' ? /^(?:file|link):(.+)$/.exec(spec)?.[1] : undefined;
      return target === undefined ? [] : [path.posix.join(root!.dir, target).replace(/\/$/, '')];
    }),
  );
  const namesIn = (field: 'dependencies' | 'peerDependencies' | 'devDependencies') => new Set(packages.flatMap((entry) => Object.keys(isRecord(entry.manifest?.[field]) ? entry.manifest[field] : {})));
  const needed = new Set([...namesIn('dependencies'), ...namesIn('peerDependencies')]);
  const devOnly = new Set([...namesIn('devDependencies')].filter((name) => !needed.has(name)));
  const isCommand = (entry: PackageRef) => entry.manifest?.bin !== undefined && devOnly.has(entry.name);
  return new Set(packages.filter((entry) => !isPublished(entry) && (linked.has(entry.dir) || isCommand(entry))).map((entry) => entry.dir));
}

/**
 * Whether tests follow helpers imported from the package by its name: a support package (see
 * isSupportPackage), or a library of test helpers, one that needs a runner or an assertion library
 * to run (effect's `@effect/vitest`, whose `@effect/vitest/utils` exports `deepStrictEqual`). An
 * `assert` in the code of any other package guards that code and checks nothing for the test.
 */
export function providesTestHelpers(pkg: PackageRef): boolean {
  if (isSupportPackage(pkg)) return true;
  const needs = [pkg.manifest?.dependencies, pkg.manifest?.peerDependencies];
  return needs.some((field) => typeof field === 'object' && field !== null && Object.keys(field).some((name) => TEST_LIBRARIES.has(name)));
}

/**
 * The packages of the repository that provide test helpers (see providesTestHelpers), and those built on one: pnpm's
 * `@pnpm/prepare`, whose `prepareEmpty()` returns `@pnpm/assert-project`'s project, whose `has(…)` asserts with jest's expect.
 */
export function testHelperPackages<P extends PackageRef>(packages: readonly P[]): Set<P> {
  const providing = new Set(packages.filter(providesTestHelpers));
  const names = new Set([...providing].map((entry) => entry.name));
  for (let grown = true; grown;) {
    grown = false;
    for (const entry of packages) {
      const needs = entry.manifest?.dependencies;
      if (providing.has(entry) || typeof needs !== 'object' || needs === null || !Object.keys(needs).some((name) => names.has(name))) continue;
      providing.add(entry);
      names.add(entry.name);
      grown = true;
    }
  }
  return providing;
}

