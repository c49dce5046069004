import path from 'node:path';
import { BUILD_OUTPUT_FOLDERS, packagesByName, unscopedName, type PackageManifest } from '../core/packages.js';
import { packageNameOf } from './ast.js';
import { isTestDirectoryName } from './files.js';

/**
 * Tests kept in a package of their own (enzyme's `packages/enzyme-test-suite`, a `packages/tests`
 * beside the packages it tests): the packages they test have no test file of their own, yet are tested.
 */

/** What the gate knows of one package for this: its tests, the packages they load, what its test script runs. */
export interface PackageTests<P> {
  entry: P;
  dir: string;
  name: string;
  sourceFiles: number;
  testFiles: number;
  realTests: number;
  /** Packages its test files import or require by name. */
  imports: ReadonlySet<string>;
  /** Files and folders its test script tells mocha or node to run, relative to the repository (`packages/tests/build`). */
  runs: readonly string[];
  /** Its scripts only run tests and it has no entry point (see onlyRunsTests): its other files support its tests. */
  onlyRunsTests?: boolean;
}

/**
 * The test packages that test each package: a package of test files only (or of tests and fewer files
 * that support them, see onlyRunsTests), with real tests, tests every package its tests import by name
 * or use built (see packagesUsedBuilt, given as `builtBy`),
 * and every package whose test script runs its files (a root whose `npm test` is `mocha --recursive
 * packages/tests`). A name shared by a workspace root and a member (enzyme's root and `packages/enzyme`)
 * is the member's: that is what the import resolves to.
 */
export function testPackagesOf<P>(units: ReadonlyArray<PackageTests<P>>, packageOf: (file: string) => P, builtBy: (testPackage: PackageTests<P>) => Iterable<string> = () => []): Map<P, Array<PackageTests<P>>> {
  const byName = packagesByName(units);
  const testedBy = new Map<P, Array<PackageTests<P>>>();
  const credit = (unit: PackageTests<P>, testPackage: PackageTests<P>) => {
    const list = testedBy.get(unit.entry) ?? [];
    if (unit !== testPackage && !list.includes(testPackage)) testedBy.set(unit.entry, [...list, testPackage]);
  };
  // A service run from its Dockerfile may have test scripts only too: its tests do not outnumber its code.
  const testPackages = units.filter((unit) => unit.testFiles > 0 && (unit.sourceFiles === 0 || (unit.onlyRunsTests === true && unit.sourceFiles < unit.testFiles)) && unit.realTests > 0);
  for (const testPackage of testPackages) {
    for (const name of [...testPackage.imports, ...builtBy(testPackage)]) {
      const imported = byName.get(name);
      if (imported) credit(imported, testPackage);
    }
    for (const unit of units) {
      if (unit.runs.some((run) => packageOf(path.posix.join(staticPrefix(run), '-')) === testPackage.entry)) credit(unit, testPackage);
    }
    const around = enclosingUnit(testPackage, units, packageOf);
    if (around) credit(around, testPackage);
  }
  return testedBy;
}

/** A dependency on a package of the workspace, in a manifest a test writes: `"@tailwindcss/vite": "workspace:^"`. */
const WORKSPACE_DEPENDENCY = /["']((?:@[\w.-]+\/)?[\w.-]+)["']\s*:\s*["']workspace:/g;
/** A relative path in a test's text: a string's, or a template's before its first `${`. */
const RELATIVE_PATH = /["'`](\.\.?\/[^"'`$\s]*)/g;
/**
 * The packages a test file uses built, not by an import: those a project it writes depends on from the workspace (tailwindcss's
 * integration tests write a package.json of `"@tailwindcss/vite": "workspace:^"` and a vite.config.ts that loads it, in template
 * strings), and those whose build output it names by a path from its folder (`../../packages/@tailwindcss-standalone/dist/${binary}`).
 */
export function packagesUsedBuilt<P extends { dir: string; name: string }>(file: string, code: string, packageOf: (file: string) => P): string[] {
  const names = [...code.matchAll(WORKSPACE_DEPENDENCY)].map(([, name]) => name!);
  for (const [, relative] of code.matchAll(RELATIVE_PATH)) {
    const target = path.posix.join(path.posix.dirname(file), relative!);
    if (target.startsWith('..')) continue;
    const owner = packageOf(path.posix.join(target, '-'));
    const within = owner.dir === '' ? target : target.slice(owner.dir.length + 1);
    if (BUILD_OUTPUT_FOLDERS.has(within.split('/')[0]!)) names.push(owner.name);
  }
  return names;
}

/**
 * The package whose test folder holds a package of tests: astro's language-server keeps its suite in
 * `test/` with a package.json of its own (the suite's dependencies), and those tests load the server
 * from the folder around them, by path, not by name.
 */
function enclosingUnit<P>(testPackage: PackageTests<P>, units: ReadonlyArray<PackageTests<P>>, packageOf: (file: string) => P): PackageTests<P> | undefined {
  if (testPackage.dir === '') return undefined;
  const entry = packageOf(path.posix.join(path.posix.dirname(testPackage.dir), '-'));
  const around = units.find((unit) => unit.entry === entry);
  if (!around || around === testPackage) return undefined;
  const within = around.dir === '' ? testPackage.dir : testPackage.dir.slice(around.dir.length + 1);
  return isTestDirectoryName(within.split('/')[0]!) ? around : undefined;
}

/** Scripts that run tests (`test`, `test:e2e`, `e2e-ui`) or only tend the code (lint, format, type checks, cleaning). */
const TEST_OR_CHORE_SCRIPT = /^(?:test|e2e|lint|format|prettier|typecheck|type-check|tsc|clean)(?:$|[-:._])/;

/**
 * Whether a package is a package of tests with files that support them: every script it has runs tests
 * or tends the code, no entry point it names (`main`, `module`, `exports`, `bin`) exists, and no package
 * of the repository depends on it. documenso's `packages/app-tests` holds Playwright specs, the
 * constants they share in `constants/`, and scripts `test:dev` and `test:e2e`; its `main: "index.js"`,
 * npm's default, names no file. An app has a script that builds or starts it, and a library an entry
 * point (one a build writes may be missing) or packages that depend on it.
 */
export function onlyRunsTests(pkg: { dir: string; name: string; manifest?: PackageManifest }, files: ReadonlySet<string>, dependedOn: ReadonlySet<string>): boolean {
  const manifest = pkg.manifest;
  const scripts = Object.keys(manifest?.scripts ?? {});
  if (!manifest || dependedOn.has(pkg.name) || !scripts.every((name) => TEST_OR_CHORE_SCRIPT.test(name))) return false;
  // Without scripts, its tests run from elsewhere (tailwindcss's integrations/, run by the root's `vitest --root=./integrations`);
  // a src/ folder, or Node's default entry, index.js, makes it a library.
  if (scripts.length === 0 && [...files].some((file) => file.startsWith(pkg.dir === '' ? 'src/' : `${pkg.dir}/src/`))) return false;
  const entries = [manifest.main ?? (scripts.length === 0 ? 'index.js' : undefined), manifest.module, manifest.bin, manifest.exports].flatMap(pathsIn);
  return !entries.some((entry) => files.has(path.posix.join(pkg.dir, entry)));
}

/** The paths a manifest field names: a string, or the values of an object (exports' conditions, bin's commands), at any depth. */
function pathsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (typeof value === 'object' && value !== null) return Object.values(value).flatMap(pathsIn);
  return [];
}

/**
 * The packages and, with them, every package of the repository they depend on, and those depend on in
 * turn: what an app loads from the repository when it runs.
 */
export function withWorkspaceDependencies<P extends { name: string; manifest?: PackageManifest }>(packages: readonly P[], byName: ReadonlyMap<string, P>): P[] {
  const found = new Set(packages);
  for (const entry of found) {
    for (const name of dependencyNames(entry.manifest)) {
      const dependency = byName.get(name);
      if (dependency) found.add(dependency);
    }
  }
  return [...found];
}

/** The names of the packages a manifest depends on, of every kind (dev, optional and peer too). */
export function dependencyNames(manifest: PackageManifest | undefined): string[] {
  return Object.keys({ ...manifest?.dependencies, ...manifest?.devDependencies, ...manifest?.optionalDependencies, ...manifest?.peerDependencies });
}

/** The part of a path before its first glob (`packages/tests` for `packages/tests/**\/*.js`). */
function staticPrefix(run: string): string {
  const segments = run.split('/');
  const glob = segments.findIndex((segment) => /[*?[\]{}!]/.test(segment));
  return (glob === -1 ? segments : segments.slice(0, glob)).join('/');
}

/**
 * The packages a test run is pointed at by the values its scripts give environment variables, by
 * folder or unscoped name, and that its tests import by name: sequelize's core runs its suite with
 * `cross-env DIALECT=db2` and its tests import `@sequelize/db2`, so they test `packages/db2`, whose
 * only tests those are. A value alone (`SERVICE=api`) may name anything.
 */
export function packagesChosenBy<P extends { dir: string; name: string }>(values: readonly string[], imports: ReadonlySet<string>, packages: readonly P[]): P[] {
  const chosen = new Set(values);
  return packages.filter((entry) => entry.dir !== '' && imports.has(entry.name) && (chosen.has(path.posix.basename(entry.dir)) || chosen.has(unscopedName(entry.name))));
}

/** Ways a package.json takes a dependency from the repository rather than the registry. */
const LOCAL_SPEC = /^(?:workspace|file|link|portal):/;
const FOLDER_EDGES = new Set(['/', '\\', "'", '"', '`']);

/**
 * The repository's packages that fixture projects take from the repository, when a test file names the
 * fixture's folder: astro's `test/fixtures/solid-component/package.json` depends on
 * `"@astrojs/solid-js": "workspace:*"`, and `solid-component.test.ts` builds that fixture
 * (`loadFixture({ root: './fixtures/solid-component/' })`) and checks what Solid rendered. A
 * dependency from the registry is not the repository's code, whatever its name; a package.json that
 * does not parse may be a test input, and takes nothing. Each test file is read once, for every fixture.
 */
export function fixtureDependencies<P extends { dir: string; name: string }>(fixtures: ReadonlyArray<{ dir: string; manifestText: string; configImports?: readonly string[] }>, testFiles: readonly string[], read: (file: string) => string, packages: readonly P[]): P[] {
  const byName = packagesByName(packages);
  const taking = fixtures.flatMap((fixture) => {
    // Also what its tools' configs import from the repository by name, hoisted there: unocss's test/fixtures/vite, whose
    // vite.config.ts imports `@unocss/vite` and whose package.json names no dependency.
    const configured = (fixture.configImports ?? []).flatMap((specifier) => {
      const name = packageNameOf(specifier);
      return name !== undefined && byName.has(name) ? [name] : [];
    });
    const names = [...new Set([...localDependencies(fixture.manifestText), ...configured])];
    return names.length > 0 ? [{ folder: path.posix.basename(fixture.dir), names }] : [];
  });
  const unnamed = new Set(taking.map(({ folder }) => folder));
  for (const file of testFiles) {
    if (unnamed.size === 0) break;
    const code = read(file);
    for (const folder of unnamed) if (namesFolder(code, folder)) unnamed.delete(folder);
  }
  return taking.filter(({ folder }) => !unnamed.has(folder)).flatMap(({ names }) => names.flatMap((name) => byName.get(name) ?? []));
}

/** The dependencies a package.json takes from the repository; none when it does not parse. */
function localDependencies(manifestText: string): string[] {
  let manifest: PackageManifest;
  try {
    manifest = JSON.parse(manifestText) as PackageManifest;
  } catch {
    return [];
  }
  const dependencies = typeof manifest === 'object' && manifest !== null ? { ...manifest.devDependencies, ...manifest.dependencies } : {};
  return Object.entries(dependencies).flatMap(([name, spec]) => (typeof spec === 'string' && LOCAL_SPEC.test(spec) ? [name] : []));
}

/**
 * Whether `code` names `folder` as a segment of a path in a string: `'./fixtures/solid-component/'`;
 * a compound name alone in quotes too (`"vite-7-template"`), and a plain word only beside a slash, for
 * `'basic'` may as well be a test's title.
 */
function namesFolder(code: string, folder: string): boolean {
  const compound = /[-_.]/.test(folder);
  for (let at = code.indexOf(folder); at !== -1; at = code.indexOf(folder, at + 1)) {
    const before = code[at - 1] ?? '';
    const after = code[at + folder.length] ?? '';
    if (FOLDER_EDGES.has(before) && FOLDER_EDGES.has(after) && (compound || before === '/' || after === '/')) return true;
  }
  return false;
}
