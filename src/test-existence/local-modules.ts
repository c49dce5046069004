import path from 'node:path';
import { CHECKING_NAME } from './bindings.js';
import { isTestCodePath } from './files.js';
import { ImportAliases, type PackageNamed } from './import-aliases.js';
import { packageNameOf } from './ast.js';
import { importsTestLibrary, TEST_LIBRARIES } from './package-policy.js';

/**
 * The tests calling a helper declares: none; `tests` of its own (`it(…)` or a suite in its body, a
 * table given to jest-in-case), or a suite around what the caller passes (enzyme's `describeIf`);
 * or the caller's `test`: the function the caller passes runs in a test the helper declares (ky's
 * `browserTest(title, browsers, async (t, page) => …)`), so that function is judged as a test's body.
 */
export type DeclaredTests = 'none' | 'tests' | 'callers-test';

/** What a helper module's exports do: `name` is an export, or `default`. */
export interface HelperExports {
  /** Whether the function asserts. */
  asserts(name: string): boolean;
  testsDeclared(name: string): DeclaredTests;
  /** Whether the function returns a promise that only an event settles (see settlesOnEvent). */
  settlesOnEvent(name: string): boolean;
  /** Whether the function hands back a chain of Cypress commands (a page object's `getPage = () => cy.get('#root')`). */
  returnsCypressChain(name: string): boolean;
  /** Whether calling the function registers a hook that asserts (vue-router's `mockWarn()`, whose afterEach throws on an unexpected warning). */
  registersAssertingHook(name: string): boolean;
  /** Whether what the function returns has a method of that name that asserts (pnpm's `prepareEmpty().has('x')`). */
  returnsAssertingMethod(name: string, method: string): boolean;
  /** Whether the object exported as `name` has a method of that name that asserts (a page object's `toBeVisible()`). */
  hasAssertingMethod(name: string, method: string): boolean;
  /** Whether the module, run as a script, asserts as it runs (see FileAnalyzer.assertsAsItRuns). */
  assertsAsItRuns(): boolean;
}

/** How many imports deep a helper is followed: a test imports a helper that imports another, and so on. */
const MAX_DEPTH = 4;
const EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];
/** Compiled names point at their sources: `./helper.js` is `./helper.ts` in a TypeScript project. */
const SOURCE_OF: Record<string, string[]> = { '.js': ['.ts', '.tsx'], '.jsx': ['.tsx'], '.mjs': ['.mts'], '.cjs': ['.cts'] };

/**
 * The project's own modules that tests import helpers from (`import { expectOk } from './helpers'`,
 * through an alias: `from '~utils'`, `from '#helpers'`, or a package of the repository by name), each parsed once and asked about its
 * exports on demand, to a bounded depth.
 */
export class LocalModules {
  private readonly analyzed = new Map<string, HelperExports | undefined>();
  private readonly resolved = new Map<string, string | undefined>();
  private readonly aliases: ImportAliases;
  private currentDepth = 0;

  constructor(
    private readonly files: ReadonlySet<string>,
    private readonly read: (file: string) => string | undefined,
    /** Parses a module and returns what answers for its exports; undefined when it does not parse. */
    private readonly analyze: (code: string, file: string) => HelperExports | undefined,
    private readonly packageNamed?: PackageNamed,
    /** The name of the repository's package whose folder holds a file. */
    private readonly packageContaining?: (file: string) => string | undefined,
  ) {
    this.aliases = new ImportAliases(files, read, packageNamed);
  }

  /**
   * Whether a runner or an assertion library that `importer` imports by its name is its own code: a package of the repository
   * that is a runner (`vitest`, `@jest/globals`), or the library of test helpers whose own tests `importer` is
   * (`@effect/vitest`'s `it.effect('…', () => Effect.sync(() => expect(1).toEqual(1)))` checks its `it.effect`).
   */
  isOwnTestLibrary(source: string, importer: string): boolean {
    const name = source.startsWith('.') ? undefined : packageNameOf(source);
    if (name === undefined || this.packageNamed?.(name) === undefined) return false;
    return TEST_LIBRARIES.has(name) || this.packageContaining?.(importer) === name;
  }

  /**
   * How many modules deep the question being answered is: what a helper module answers depends on
   * it (the bound cuts a deeper question short), so helper modules keep their answers per depth,
   * and a test file's answer does not depend on which file asked first.
   */
  get depth(): number {
    return this.currentDepth;
  }

  /**
   * Whether `name` (an export, or `default`) of what `from` imports as `source` asserts. False past
   * the depth bound, and for a function of the code under test imported by a relative path (see
   * isTestCodePath) unless its name says it checks (`verifyTree`): an `assert`, a throw or a
   * `satisfies never` there guards the code (vite's `resolveConfig()`, sinon's `createStub()`), and
   * checks nothing for the test that calls it.
   */
  asserts(from: string, source: string, name: string): boolean {
    if (source.startsWith('.') && !CHECKING_NAME.test(name)) {
      const file = this.resolve(from, source);
      if (file && !isTestCodePath(file)) return false;
    }
    return this.ask(from, source, (exports) => exports.asserts(name), false);
  }

  /** The tests calling `name` of what `from` imports as `source` declares. None past the depth bound. */
  testsDeclared(from: string, source: string, name: string): DeclaredTests {
    return this.ask(from, source, (exports) => exports.testsDeclared(name), 'none');
  }

  /** Whether `name` of what `from` imports as `source` returns a promise only an event settles. False past the depth bound. */
  settlesOnEvent(from: string, source: string, name: string): boolean {
    return this.ask(from, source, (exports) => exports.settlesOnEvent(name), false);
  }

  /** Whether `name` of what `from` imports as `source` hands back a Cypress chain. False past the depth bound. */
  returnsCypressChain(from: string, source: string, name: string): boolean {
    return this.ask(from, source, (exports) => exports.returnsCypressChain(name), false);
  }

  /**
   * The name of the repository's package a relative import reaches into: a package's own tests import it so (mobx's
   * `import { when } from '../../src/mobx'` is mobx's `when`).
   */
  packageOf(from: string, source: string): string | undefined {
    const file = source.startsWith('.') ? this.resolve(from, source) : undefined;
    return file === undefined ? undefined : this.packageContaining?.(file);
  }

  /** Whether calling `name` of what `from` imports as `source` registers a hook that asserts. False past the depth bound. */
  registersAssertingHook(from: string, source: string, name: string): boolean {
    return this.ask(from, source, (exports) => exports.registersAssertingHook(name), false);
  }

  /** Whether what `name` of what `from` imports as `source` returns has a method `method` that asserts. False past the depth bound. */
  returnsAssertingMethod(from: string, source: string, name: string, method: string): boolean {
    return this.ask(from, source, (exports) => exports.returnsAssertingMethod(name, method), false);
  }

  /**
   * Whether the object that `from` imports as `name` of `source` has a method `method` that asserts: the test code's page objects, not
   * the objects of the code under test (see asserts). False past the depth bound.
   */
  hasAssertingMethod(from: string, source: string, name: string, method: string): boolean {
    const file = this.resolve(from, source);
    if (!file || !isTestCodePath(file)) return false;
    return this.askFile(file, (exports) => exports.hasAssertingMethod(name, method), false);
  }

  /**
   * Whether the script a test runs with Node asserts as it runs (vite's `await execFileAsync('node', ['test-ssr-dev.js'], { cwd })`,
   * whose script calls `assert.match(…)`): its failure fails the run, and the test. Its path is looked up from the test's folder
   * up, as the child's cwd is rarely a literal.
   */
  scriptAsserts(from: string, script: string): boolean {
    const relative = path.posix.normalize(script);
    if (path.posix.isAbsolute(relative)) return false;
    // Built from the test's folder: `path.join(__dirname, '../check.js')`.
    if (relative.startsWith('../')) {
      const file = path.posix.join(path.posix.dirname(from), relative);
      return this.files.has(file) && this.askFile(file, (exports) => exports.assertsAsItRuns(), false);
    }
    for (let dir = path.posix.dirname(from); ; dir = path.posix.dirname(dir)) {
      const file = dir === '.' ? relative : path.posix.join(dir, relative);
      if (this.files.has(file)) return this.askFile(file, (exports) => exports.assertsAsItRuns(), false);
      if (dir === '.') return false;
    }
  }

  private ask<T>(from: string, source: string, question: (exports: HelperExports) => T, unknown: T): T {
    const file = this.resolve(from, source);
    return file ? this.askFile(file, question, unknown) : unknown;
  }

  private askFile<T>(file: string, question: (exports: HelperExports) => T, unknown: T): T {
    if (this.currentDepth >= MAX_DEPTH) return unknown;
    this.currentDepth += 1;
    try {
      if (!this.analyzed.has(file)) {
        // Marked first: a module that imports itself, directly or in a cycle, asserts nothing through that import.
        this.analyzed.set(file, undefined);
        try {
          const code = this.read(file);
          this.analyzed.set(file, code === undefined ? undefined : this.analyze(code, file));
        } catch (error) {
          // Not read here (see LeftToAWorker): the module is asked about again, here or elsewhere.
          this.analyzed.delete(file);
          throw error;
        }
      }
      const exports = this.analyzed.get(file);
      return exports ? question(exports) : unknown;
    } finally {
      this.currentDepth -= 1;
    }
  }

  /** The project file `source` names where `from` imports it, looked up once per folder and specifier. */
  private resolve(from: string, source: string): string | undefined {
    const key = `${path.posix.dirname(from)}\0${source}`;
    if (!this.resolved.has(key)) this.resolved.set(key, this.lookUp(from, source));
    return this.resolved.get(key);
  }

  private lookUp(from: string, source: string): string | undefined {
    if (source.startsWith('.')) return resolveLocalImport(this.files, from, source);
    for (const target of this.aliases.targets(from, source)) {
      const file = resolveProjectPath(this.files, target);
      if (file !== undefined) return file;
    }
    for (const target of this.aliases.testCodeTargets(source)) {
      const file = resolveProjectPath(this.files, target);
      if (file !== undefined && importsTestLibrary(this.read(file) ?? '')) return file;
    }
    return undefined;
  }
}

/** The project file a relative import names, as the resolvers of node, TypeScript and bundlers find it. */
export function resolveLocalImport(files: ReadonlySet<string>, from: string, source: string): string | undefined {
  if (!source.startsWith('.')) return undefined;
  return resolveProjectPath(files, path.posix.normalize(path.posix.join(path.posix.dirname(from), source)).replace(/\/$/, ''));
}

/** The project file a path names, with the extensions and index files the resolvers try. */
function resolveProjectPath(files: ReadonlySet<string>, base: string): string | undefined {
  const extension = path.posix.extname(base);
  const candidates = [base, ...(SOURCE_OF[extension] ?? []).map((replacement) => base.slice(0, -extension.length) + replacement)];
  for (const suffix of EXTENSIONS) candidates.push(base + suffix, `${base}/index${suffix}`);
  return candidates.find((candidate) => files.has(candidate));
}
