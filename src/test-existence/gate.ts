import path from 'node:path';
import { ConfigurationError } from '../core/errors.js';
import type { Gate, GateContext, GateSettings } from '../core/gate.js';
import { createReport, type Finding, type Level } from '../core/report.js';
import { closestMatch } from '../core/suggest.js';
import { findEnabledOption, TEST_CLASSES, type SourceLocation, type TestClass } from './analyze.js';
import { compileAssertPatterns } from './assert-patterns.js';
import { discoverPackages, isFixtureFolder, packagesByName, type PackageDiscovery, type PackageManifest, type ProjectPackage } from '../core/packages.js';
import { listProjectFiles, readProjectFile } from '../core/project-files.js';
import { createTestFileMatcher, isInTestFolder, isScriptFile, isSourceFile, isTestDirectoryName } from './files.js';
import { judgeReports, readTestReports } from './reports.js';
import { startAnalysis } from './analysis-pool.js';
import { importedModules, isDemoPackage, isSupportPackage, repositoryDevTools, PackagePolicy, testHelperPackages, type PackageAllowEntry } from './package-policy.js';
import { parseJsonConfig } from './config-values.js';
import { codeWithoutTests, type CodeWithoutTests } from './own-code.js';
import { readRunnerSelection, type RunnerSelection } from './runner-config.js';
import { angularTestProjects, nxTestProjects, scriptsRunByRootTests } from './nx-projects.js';
import { pullRequestRuns } from '../hygiene/pull-request-runs.js';
import type { ScriptCoverage } from '../hygiene/coverage.js';
import { endToEndSuite } from './served-packages.js';
import { checkTestScript, delegatesToWorkspaces, isTestRunnerCommand, TEST_TARGET, testFilesRunByScripts, toolingFiles, WORKSPACE_TASK_RUNNERS, type TestScriptReading } from './scripts.js';
import { dependencyNames, fixtureDependencies, onlyRunsTests, packagesChosenBy, packagesUsedBuilt, testPackagesOf, withWorkspaceDependencies, type PackageTests } from './test-packages.js';

type RuleLevel = Level | 'off';

/** A tool's config by its name: `vite.config.ts`, `astro.config.mjs`, `webpack.config.js`. */
const TOOL_CONFIG = /^[\w-]+\.config\.[cm]?[jt]s$/;
/** Every rule of the gate with its default level. */
const DEFAULT_LEVELS: Readonly<Record<string, Level>> = {
  'test/focused': 'error',
  'test/empty': 'error',
  'test/no-assertion': 'error',
  'test/tautology': 'error',
  'test/skipped': 'warning',
  'test/todo': 'warning',
  'test/parse-error': 'error',
  'tests/none': 'error',
  'tests/not-executed': 'error',
  'tests/failed': 'error',
  'script/missing': 'error',
  'script/placeholder': 'error',
  'script/pass-with-no-tests': 'error',
  'script/ignored-exit-code': 'error',
  'tests/runner-config': 'notice',
};

const HELP: Readonly<Record<string, string>> = {
  'test/focused': 'Remove .only / fit / fdescribe (or `only: true`); a focused test makes the runner skip every other test.',
  'test/empty': 'Write the test body, or delete the test; an empty test always passes.',
  'test/no-assertion': 'Assert on what the code did (expect(…).toBe(…), assert.…, t.is(…)); to check only that it does not throw, say so: expect(() => …).not.toThrow(), assert.doesNotThrow(…). A helper that asserts counts, and so do names given in assert-functions.',
  'test/tautology': 'Compare values the code under test produced; expect(true).toBe(true) cannot fail.',
  'test/skipped': 'Fix and enable the test, or delete it; set levels: { test/skipped: off } to accept skipped tests.',
  'test/todo': 'Write the test, or remove the placeholder.',
  'test/parse-error': 'Fix the syntax, or leave the file out with test-patterns (e.g. "!**/broken.test.js").',
  'tests/none': 'Add tests that assert on the package\'s behaviour, or lower min-tests for this repository.',
  'tests/failed': 'Fix the failing tests; the gate reads the reports of the run that failed.',
  'tests/not-executed': 'Make the test step write its report where reports points, and make sure it runs the tests.',
  'script/missing': 'Add a "test" script that runs the package\'s tests (e.g. "vitest run").',
  'script/placeholder': 'Replace the placeholder with the command that runs the tests (e.g. "vitest run", "jest", "node --test").',
  'script/pass-with-no-tests': 'Remove passWithNoTests so that a run without tests fails.',
  'tests/runner-config': 'Write the test file settings (testMatch, testPathIgnorePatterns, test.include, spec) as literal values, or set test-patterns.',
  'script/ignored-exit-code': 'Drop `|| true` / `; exit 0` so that failing tests fail the job.',
};

const CLASS_MESSAGES: Record<Exclude<TestClass, 'real'>, string> = {
  focused: 'is focused (.only), so the runner skips every other test around it',
  empty: 'has an empty body, so it passes without checking anything',
  'no-assertion': 'makes no assertion, so it passes whatever the code returns (it fails only if something throws)',
  tautology: 'only asserts constants (like expect(true).toBe(true)), so it cannot fail',
  skipped: 'is skipped, so it checks nothing',
  todo: 'is a todo, so it checks nothing (it has no body, or the runner does not count its failures)',
};

/** Runners that drive a browser through an app, by their command. */
const BROWSER_RUNNERS = new Set(['playwright', 'cypress']);
/** Ember's template-tag files, `.gts` and `.gjs`: JavaScript with `<template>` in it, which the parsers do not read. */
const TEMPLATE_TAG_FILE = /\.g([jt])s$/;
/** The files that hold a package's gulp or Grunt tasks. */
const TASK_FILES = ['gulpfile.js', 'gulpfile.mjs', 'gulpfile.cjs', 'gulpfile.ts', 'gulpfile.babel.js', 'Gruntfile.js', 'Gruntfile.cjs', 'Gruntfile.coffee'];
/** vitest, vite and jest config files, where `passWithNoTests: true` may hide. */
const RUNNER_CONFIG = /(?:^|\/)(?:(?:vitest|vite|jest)\.config|vitest\.workspace)\.(?:[cm]?[jt]s|json)$/;

interface TestExistenceOptions {
  minTests: number;
  testPatterns: string[];
  assertFunctions: string[];
  reports: string[];
  levels: Record<string, RuleLevel>;
  allow: PackageAllowEntry[];
}

function parseOptions(settings: GateSettings): TestExistenceOptions {
  const levels = (settings.levels ?? {}) as Record<string, RuleLevel>;
  for (const rule of Object.keys(levels)) {
    if (!(rule in DEFAULT_LEVELS)) {
      const hint = closestMatch(rule, Object.keys(DEFAULT_LEVELS));
      throw new ConfigurationError(`test-existence.levels: unknown rule ${rule}${hint ? `; did you mean ${hint}?` : `; rules are ${Object.keys(DEFAULT_LEVELS).join(', ')}`}`);
    }
  }
  return {
    minTests: (settings['min-tests'] as number | undefined) ?? 1,
    testPatterns: (settings['test-patterns'] as string[] | undefined) ?? [],
    assertFunctions: (settings['assert-functions'] as string[] | undefined) ?? [],
    reports: (settings.reports as string[] | undefined) ?? [],
    levels,
    allow: (settings.allow as PackageAllowEntry[] | undefined) ?? [],
  };
}

interface PackageTally {
  testFiles: number;
  /** The package's source files (neither tests nor tooling). */
  sources: string[];
  classes: Record<TestClass, number>;
  configFiles: string[];
  /** Packages its test files import by name. */
  imports: Set<string>;
  /** Test files in Ember's template-tag format (`.gts`, `.gjs`), which the gate does not read. */
  templateTagTests: number;
}

export const testExistenceGate: Gate = {
  name: 'test-existence',
  async run(settings, context) {
    const startedAt = performance.now();
    const options = parseOptions(settings);
    // A bad assert-functions pattern stops the gate before any file is read.
    compileAssertPatterns(options.assertFunctions);
    const emit = createEmitter(options.levels);

    const files = listProjectFiles(context.cwd);
    const isTestFile = createTestFileMatcher(options.testPatterns);
    // The workers load while the packages and the runners' configs are read; the conventions tell how many files are coming.
    const analysis = startAnalysis({ cwd: context.cwd, files, assertFunctions: options.assertFunctions }, files.filter(isTestFile).length);
    const fileSet = new Set(files);
    const policy = new PackagePolicy(options.allow);
    const { packages, packageOf, discovery } = judgedPackages(context.cwd, files, fileSet);
    const read = (file: string) => readProjectFile(context.cwd, file);
    // The package whose folder holds a package's folder (the package itself at the top).
    const enclosingPackage = (dir: string) => packageOf(path.posix.join(path.posix.dirname(dir), '-'));
    // Placed as fixtures, apps with browser tests of their own are judged: they are how the packages they are built on are tested.
    const endToEndApps = new Set(packages.filter((entry) => policy.isFixture(entry) && runsEndToEndSuite(entry, fileSet, read)));
    const placedAsFixtures = packages.filter((entry) => policy.isFixture(entry) && !endToEndApps.has(entry));
    const runByRootTests = scriptsRunByRootTests(discovery);
    const readingOf = (entry: JudgedPackage) => checkTestScript(entry.manifest?.scripts ?? {}, runByRootTests(entry.dir).filter((name) => name !== 'test'));
    // What the workflows on pull_request run, read once, when first asked.
    let workflowRuns: { coverage: ScriptCoverage | undefined } | undefined;
    const pullRequestCoverage = () => (workflowRuns ??= { coverage: pullRequestRuns(context.cwd, files, discovery) }).coverage;
    // What each package's runners run; test-patterns, when set, replace both the conventions and what the runners' configs say.
    const selectionsRead = new Map<JudgedPackage, RunnerSelection>();
    const selectionOf = (entry: JudgedPackage, reading: TestScriptReading) => {
      if (!selectionsRead.has(entry)) selectionsRead.set(entry, runnerSelection(entry, reading, fileSet, context.cwd));
      return selectionsRead.get(entry)!;
    };
    // So is a workspace member whose tests its workspace root's runner runs: a package of the monorepo's own tests (keystone's
    // tests/api-tests, which the root's vitest config takes), not a project they run.
    const runByWorkspaceRoot = workspaceMembersRunByRoot(placedAsFixtures, packages, files, packageOf, (file) => options.testPatterns.length === 0 && isTestFile(file), (root) => selectionOf(root, readingOf(root)));
    // And one whose test scripts the root's "test", or a workflow on pull_request, runs with a test runner: vitest's test/unit
    // (`@vitest/test-unit`, run by the root's `pnpm --filter test-unit test:threads`), and its other test/* members, by CI's `pnpm test:ci`.
    for (const entry of placedAsFixtures) {
      const scripts = entry.manifest?.scripts ?? {};
      const named = Object.keys(scripts).filter((name) => TEST_TARGET.test(name) && typeof scripts[name] === 'string' && checkTestScript({ ...scripts, test: scripts[name] }).runners.some(isTestRunnerCommand));
      if (entry.workspaceRoot !== undefined && named.some((name) => runByRootTests(entry.dir).includes(name) || pullRequestCoverage()?.hasRun(entry, name) === true)) runByWorkspaceRoot.add(entry);
    }
    const fixtures = new Set(placedAsFixtures.filter((entry) => !runByWorkspaceRoot.has(entry)));
    // An example outside any workspace is a project of its own, which its readers run by hand: its tests are the repository's only
    // where the root's test, or a workflow on pull_request, runs them (ava's examples/*, whose `t.pass()` tests show a reporter),
    // or where the runner config of the package around it takes them.
    let runByRepositoryTest: ReturnType<typeof scriptsRunByRootTests> | undefined;
    const scriptsOf = (entry: JudgedPackage) => files.filter((file) => file.startsWith(`${entry.dir}/`) && isScriptFile(file) && packageOf(file) === entry);
    const runByEnclosingConfig = (entry: JudgedPackage, scripts: string[]) => {
      const enclosing = enclosingPackage(entry.dir);
      const selection = enclosing === entry ? undefined : selectionOf(enclosing, readingOf(enclosing));
      return (selection?.configs.length ?? 0) > 0 && scripts.some((file) => selection!.runs(file) === true);
    };
    const unrunExamples = new Set(
      packages.filter((entry) => {
        if (entry.dir === '' || entry.workspaceRoot !== undefined || fixtures.has(entry) || endToEndApps.has(entry) || !isDemoPackage(entry)) return false;
        const scripts = scriptsOf(entry);
        if (!scripts.some(isTestFile)) return false;
        const testScripts = Object.keys(entry.manifest?.scripts ?? {}).filter((name) => TEST_TARGET.test(name));
        // Read once, and only where there is an example with tests.
        const runByRoot = (runByRepositoryTest ??= scriptsRunByRootTests(discovery, new Set([''])))(entry.dir);
        return !testScripts.some((name) => runByRoot.includes(name) || pullRequestCoverage()?.hasRun(entry, name) === true) && !runByEnclosingConfig(entry, scripts);
      }),
    );
    const excluded = new Set(packages.filter((entry) => fixtures.has(entry) || unrunExamples.has(entry) || policy.allowed(entry)));
    const judged = packages.filter((entry) => !excluded.has(entry));
    const readings = new Map(judged.map((entry) => [entry, readingOf(entry)]));
    const tallies = new Map<JudgedPackage, PackageTally>(packages.map((entry) => [entry, emptyTally()]));
    // What the packages judged hold, together.
    const totals = { testFiles: 0, sourceFiles: 0, classes: noTests() };
    let parseErrors = 0;
    const filesWithRealTests = new Set<string>();
    let focusedSuites = 0;

    const selections = new Map(options.testPatterns.length > 0 ? [] : judged.map((entry) => [entry, selectionOf(entry, readings.get(entry)!)]));
    for (const [entry, selection] of selections) {
      for (const config of selection.unreadable) {
        emit({ rule: 'tests/runner-config', message: `${config} chooses its test files with values that cannot be read without running it, so the files of ${entry.dir || 'the root'} were judged by the conventions of the common runners.`, file: config });
      }
      for (const { file, because, defaults } of selection.defaulted) {
        emit({ rule: 'tests/runner-config', message: `${file} ${because}, so ${defaults} were judged.`, file });
      }
      for (const { file, setting } of selection.computedExclusions) {
        emit({ rule: 'tests/runner-config', message: `${file} computes ${setting} at run time, so the files it selects were judged, none left out by ${setting}.`, file });
      }
    }

    // A workspace member without a runner config of its own is run by its workspace root's (jest's projects, vitest's). Files a
    // root's script names to its runner are the root's own (rxjs's `node --test scripts/analyze-bundles.test.mjs`): they
    // choose nothing of a member's.
    const packageByDir = new Map(packages.map((entry) => [entry.dir, entry]));
    const combined = new Map<JudgedPackage, RunnerSelection>();
    const selectionFor = (entry: JudgedPackage): RunnerSelection | undefined => {
      const own = selections.get(entry);
      if (own?.configs.length || entry.workspaceRoot === undefined) return own;
      const root = selections.get(packageByDir.get(entry.workspaceRoot)!);
      if (!root?.configs.length) return own;
      // The files its own scripts name to a runner run beside the root's (signals' `node --test test/*.test.mjs` in a member, beside the root's vitest).
      if (!own || !readings.get(entry)?.runnerFiles.some((run) => run.paths.length > 0)) return root;
      if (!combined.has(entry)) combined.set(entry, { ...root, runs: (file) => (own.runs(file) === true || root.runs(file) === true ? true : own.runs(file) === false && root.runs(file) === false ? false : undefined) });
      return combined.get(entry);
    };
    const testFiles: Array<{ file: string; tally: PackageTally }> = [];
    const formatOnly = new Map<string, boolean>();
    const setsModuleFormatOnly = (manifest: string) => {
      if (!formatOnly.has(manifest)) formatOnly.set(manifest, onlyModuleFormat(parseJsonConfig(readProjectFile(context.cwd, manifest), manifest)));
      return formatOnly.get(manifest)!;
    };
    // A private workspace root's files at its top are the repository's tooling (react-router's build.utils.ts, lit's rollup-common.js), and
    // so are those in the folders that hold its members (pnpm's `pnpm11/fix-duplicates.mjs`, beside `pnpm11/*/*` packages).
    const toolingRoots = new Set(packages.filter((entry) => entry.manifest?.private === true && packages.some((member) => member.workspaceRoot === entry.dir)));
    const memberFolders = new Set(packages.flatMap((member) => (member.workspaceRoot === undefined ? [] : foldersAbove(member.dir, member.workspaceRoot))));
    const isRootTooling = (owner: JudgedPackage, withinPackage: string) => toolingRoots.has(owner) && (!withinPackage.includes('/') || memberFolders.has(path.posix.join(owner.dir, path.posix.dirname(withinPackage))));
    const tooling = new Map(packages.map((entry) => [entry, toolingFiles(entry.manifest?.scripts ?? {})]));
    // A file below a test folder that a test script runs by path is a test file, in its samples too (zora's pta runs `node test/samples/index.js`,
    // beside the samples it runs); not one elsewhere, which may be the code itself run for a smoke test (`"test": "node index.js"`).
    const runByTestScripts = new Map(packages.map((entry) => [entry, options.testPatterns.length === 0 ? testFilesRunByScripts(entry.manifest?.scripts ?? {}) : new Set<string>()]));
    for (const file of files) {
      const owner = packageOf(file);
      if (excluded.has(owner)) continue;
      // A test file the runner leaves out (jest's testPathIgnorePatterns) is neither judged nor source.
      const runs = isScriptFile(file) ? selectionFor(owner)?.runs(file) : undefined;
      // One the runner is told to run is the package's own test below a package.json that only sets its module format (sinon's `test/src/`).
      if (inFixtureProject(file, owner.dir, fileSet, policy, (manifest) => runs === true && setsModuleFormatOnly(manifest))) continue;
      const tally = tallies.get(owner)!;
      const withinPackage = owner.dir ? file.slice(owner.dir.length + 1) : file;
      if (RUNNER_CONFIG.test(file) && !withinPackage.includes('/')) tally.configFiles.push(file);
      if (TEMPLATE_TAG_FILE.test(file) && isTestFile(file.replace(TEMPLATE_TAG_FILE, '.$1s'))) tally.templateTagTests += 1;
      const conventional = isTestFile(file) || (runByTestScripts.get(owner)!.has(withinPackage) && withinPackage.split('/').slice(0, -1).some(isTestDirectoryName));
      if (runs ?? conventional) testFiles.push({ file, tally });
      else if (!conventional && isSourceFile(withinPackage) && !isRootTooling(owner, withinPackage) && !tooling.get(owner)!.has(withinPackage)) tally.sources.push(file);
    }

    if (testFiles.length === 0 && [...tallies.values()].every((tally) => tally.sources.length === 0)) {
      // Nothing to judge: a missing checkout, the wrong directory, or test-patterns that match nothing.
      throw new ConfigurationError(`test-existence: no JavaScript or TypeScript source or test file in ${context.cwd}, so there is nothing to check; point cwd at the project, fix test-patterns, or set test-existence.enabled: false`);
    }
    const providing = testHelperPackages(packages);
    const helperPackages = packages.filter((entry) => entry.manifest).map((entry) => ({ dir: entry.dir, name: entry.name, manifest: entry.manifest!, testingOnly: !providing.has(entry) }));
    const analyses = await analysis.analyze(testFiles.map(({ file }) => file), helperPackages);
    for (const [index, { file, tally }] of testFiles.entries()) {
      tally.testFiles += 1;
      const analysis = analyses[index]!;
      for (const name of analysis.packageImports ?? []) tally.imports.add(name);
      if (analysis.parseError) {
        parseErrors += 1;
        emit({ rule: 'test/parse-error', message: `${file} does not parse (${analysis.parseError.message}), so its tests were not checked.`, file, ...position(analysis.parseError) });
      }
      for (const suite of analysis.focusedSuites) {
        focusedSuites += 1;
        emit({ rule: 'test/focused', message: `Suite "${suite.title}" is focused (.only), so the runner skips every test outside it.`, file, ...position(suite), fingerprint: `${file}:test/focused:${suite.title}` });
      }
      for (const test of analysis.tests) {
        tally.classes[test.testClass] += 1;
        if (test.testClass === 'real') filesWithRealTests.add(file);
        if (test.testClass === 'real' || test.acknowledged) continue;
        const rule = `test/${test.testClass}`;
        emit({ rule, message: `Test "${test.title}" ${CLASS_MESSAGES[test.testClass]}.`, file, ...position(test), fingerprint: `${file}:${rule}:${test.title}` });
      }
    }

    const dependedOn = new Set(judged.flatMap((entry) => dependencyNames(entry.manifest)));
    const units = judged.map((entry) => {
      const tally = tallies.get(entry)!;
      const runs = readings.get(entry)!.runnerFiles.flatMap((run) => run.paths.map((file) => path.posix.join(entry.dir, file)));
      return { entry, dir: entry.dir, name: entry.name, sourceFiles: tally.sources.length, testFiles: tally.testFiles, realTests: tally.classes.real, imports: tally.imports, runs, onlyRunsTests: onlyRunsTests(entry, fileSet, dependedOn) };
    });
    const testedBy = testPackagesOf(units, packageOf, (testPackage) =>
      testFiles.filter(({ file }) => packageOf(file) === testPackage.entry).flatMap(({ file }) => packagesUsedBuilt(file, read(file), packageOf)),
    );
    const byName = packagesByName(judged);
    // An app the end-to-end suite of another package starts is tested through it, when that suite has real tests (react-hook-form's
    // app/, which Playwright's webServer runs), and so is a package a suite is pointed at by an environment variable and imports
    // (sequelize's `cross-env DIALECT=db2` in core's tests).
    // And a package the fixture projects of another package's tests take from the repository: fixtures (astro's integrations),
    // and support packages in its folder (react-router's integration/helpers/vite-7-template).
    const fixtureProjects = [
      ...files.filter((file) => file.endsWith('/package.json') && isFixtureFolder(path.posix.dirname(file))).map((manifest) => ({ dir: path.posix.dirname(manifest), manifest })),
      ...packages.filter((entry) => entry.dir !== '' && isSupportPackage(entry)).map((entry) => ({ dir: entry.dir, manifest: path.posix.join(entry.dir, 'package.json') })),
    ];
    const judgedTestFiles = new Set(testFiles.map(({ file }) => file));
    for (const tester of units) {
      if (tester.realTests === 0) continue;
      const suite = endToEndSuite(tester.entry, fileSet, read, (name) => byName.get(name)?.dir);
      const suiteTests = suite !== undefined && [...filesWithRealTests].some((file) => suite.testDir === '' || file.startsWith(`${suite.testDir}/`));
      // What an app the suite drives loads from the repository runs under its tests too (documenso's remix app and its ui and trpc packages).
      // An app with a suite of its own is the one that suite drives.
      const app = endToEndApps.has(tester.entry) ? [tester.entry] : [];
      const drives = [...suite?.served.map((dir) => packageByDir.get(dir)).filter((entry) => entry !== undefined) ?? [], ...app];
      const served = suiteTests ? withWorkspaceDependencies(drives, byName) : [];
      const chosen = packagesChosenBy(readings.get(tester.entry)!.environment, tester.imports, judged);
      const ownFixtures = fixtureProjects.filter((fixture) => enclosingPackage(fixture.dir) === tester.entry);
      // Its tests name the fixture, or the helpers they share do (react-router's create-fixture.ts, `defaultTemplateName = "vite-7-template"`).
      const testCode = ownFixtures.length === 0 ? [] : files.filter((file) => packageOf(file) === tester.entry && (judgedTestFiles.has(file) || isInTestFolder(file)));
      const configsOf = (dir: string) => files.filter((file) => path.posix.dirname(file) === dir && TOOL_CONFIG.test(path.posix.basename(file)));
      const fixtured = fixtureDependencies(ownFixtures.map((fixture) => ({ dir: fixture.dir, manifestText: read(fixture.manifest), configImports: configsOf(fixture.dir).flatMap((file) => importedModules(read(file))) })), testCode, read, judged);
      for (const tested of [...served, ...chosen, ...fixtured]) {
        if (!tested || tested === tester.entry || excluded.has(tested)) continue;
        const list = testedBy.get(tested) ?? [];
        if (!list.includes(tester)) testedBy.set(tested, [...list, tester]);
      }
    }

    // A package outside the workspaces whose code imports the code of the package around it by path is a build entry of that package
    // (prettier's packages/plugin-oxc: `import * as oxcParsers from "../../src/language-js/parse/oxc.js"`): that package's tests test it.
    for (const unit of units) {
      const entry = unit.entry;
      if (entry.dir === '' || entry.workspaceRoot !== undefined || testedBy.has(entry)) continue;
      const enclosing = units.find((other) => other.entry === enclosingPackage(entry.dir));
      if (!enclosing || enclosing === unit || enclosing.realTests === 0) continue;
      const reachesIn = tallies.get(entry)!.sources.some((file) =>
        importedModules(read(file)).some((specifier) => specifier.startsWith('../') && packageOf(path.posix.join(path.posix.dirname(file), specifier)) === enclosing.entry),
      );
      if (reachesIn) testedBy.set(entry, [enclosing]);
    }

    // Packages that would have too few tests without the ones a package of tests has for them.
    const devTools = repositoryDevTools(packageByDir.get(''), packages);
    const isSupport = (entry: JudgedPackage) => isSupportPackage(entry) || devTools.has(entry.dir);
    const testedElsewhere = [...testedBy.keys()].filter((entry) => !isSupport(entry) && tallies.get(entry)!.sources.length > 0 && tallies.get(entry)!.classes.real < options.minTests);

    const nxTests = nxTestProjects(fileSet, read);
    const angularTests = angularTestProjects(fileSet, read);
    // A workflow on pull_request runs a test script of the package by another name, one that runs a runner and can fail
    // (nestjs/typeorm's `npm run test:e2e`, with no "test"). The workflows are read only for a package without a "test" script.
    // So does a task named for tests of the package's gulpfile or Gruntfile (pdf.js's `npx gulp unittestcli`, with no scripts at all).
    const workflowRunsTests = (entry: JudgedPackage): boolean => {
      const scripts = entry.manifest?.scripts ?? {};
      const named = Object.keys(scripts).filter((name) => TEST_TARGET.test(name) && typeof scripts[name] === 'string');
      const taskFile = TASK_FILES.some((file) => fileSet.has(entry.dir ? `${entry.dir}/${file}` : file));
      if (typeof scripts.test === 'string' || (named.length === 0 && !taskFile)) return false;
      const coverage = pullRequestCoverage();
      return named.some((name) => coverage?.hasRun(entry, name) === true && canFail(checkTestScript({ ...scripts, test: scripts[name]! }))) || (taskFile && coverage?.ranTestTask(entry.dir) === true);
    };
    // A package outside any workspace, in the folder of another whose test script runs a runner whose config chooses its test files, is
    // tested by that script (preact's compat/ and hooks/, each with a package.json for its subpath, and the root's vitest projects
    // including `{compat,hooks}/test/browser/**/*.test.jsx`).
    const enclosingRunnerRuns = (entry: JudgedPackage): boolean => {
      if (entry.dir === '' || entry.workspaceRoot !== undefined) return false;
      const enclosing = enclosingPackage(entry.dir);
      const selection = selections.get(enclosing);
      if (enclosing === entry || !selection?.configs.length || (readings.get(enclosing)?.runners.length ?? 0) === 0) return false;
      const tally = tallies.get(entry);
      return testFiles.some((test) => test.tally === tally && selection.runs(test.file) === true);
    };
    let supportPackages = 0;
    const withoutTests: Record<CodeWithoutTests, number> = { reexports: 0, generated: 0, suites: 0, declarations: 0 };
    for (const entry of packages) {
      const tally = tallies.get(entry)!;
      const workspaceRoot = entry.workspaceRoot === undefined ? undefined : packageByDir.get(entry.workspaceRoot);
      const rootTestScript = workspaceRoot?.manifest?.scripts?.test;
      // A workspace root's runner (vitest projects, jest projects) runs its members' tests without their own scripts, and so do Nx and the Angular CLI their projects' test targets.
      // A root script that hands the run to the workspaces may run its runner over them too, its config choosing the member's test files
      // (pinia's `pnpm run test:vitest run && pnpm run -r test`, its vite.config.ts including `packages/**/*.spec.ts`).
      // Only a runner of its own does: turbo, nx and lerna run the members' own scripts, and skip a member without one
      // (better-auth's `turbo test --filter=./packages/*` beside a vitest config listing `./packages/*` that no script runs).
      const rootRunnerRuns =
        tally.testFiles > 0 && workspaceRoot !== undefined && (readings.get(workspaceRoot)?.runners.some((runner) => !WORKSPACE_TASK_RUNNERS.has(runner)) ?? false) && (selectionFor(entry)?.configs.length ?? 0) > 0 && selectionFor(entry)?.configs === selections.get(workspaceRoot)?.configs;
      // With no "test" at the root, its runner runs the members' tests where a workflow runs its script (lexical's `pnpm run test-unit`).
      const runWithoutTestScript =
        (typeof rootTestScript === 'string' ? !delegatesToWorkspaces(rootTestScript) || rootRunnerRuns : rootRunnerRuns && workflowRunsTests(workspaceRoot)) || runByRootTests(entry.dir).length > 0 || (nxTests?.(entry.dir, entry.manifest) ?? false) || (angularTests?.(entry.dir) ?? false) || enclosingRunnerRuns(entry) || workflowRunsTests(entry);
      if (excluded.has(entry)) continue;
      if (isSupport(entry)) supportPackages += 1;
      else {
        const why = checkPackage(entry, tally, readings.get(entry)!, testedBy.get(entry) ?? [], options, emit, context, fileSet, runWithoutTestScript);
        if (why) withoutTests[why] += 1;
      }
      totals.testFiles += tally.testFiles;
      totals.sourceFiles += tally.sources.length;
      for (const testClass of TEST_CLASSES) totals.classes[testClass] += tally.classes[testClass];
    }

    const metrics: Record<string, number> = {
      packages: packages.length - excluded.size,
      'excluded-packages': excluded.size,
      'fixture-packages': fixtures.size,
      'unrun-example-packages': unrunExamples.size,
      'support-packages': supportPackages,
      'tested-by-test-packages': testedElsewhere.length,
      'reexport-packages': withoutTests.reexports,
      'declaration-packages': withoutTests.declarations,
      'generated-packages': withoutTests.generated,
      'suite-packages': withoutTests.suites,
      'test-files': totals.testFiles,
      'source-files': totals.sourceFiles,
      tests: TEST_CLASSES.reduce((sum, testClass) => sum + totals.classes[testClass], 0),
      'real-tests': totals.classes.real,
      focused: totals.classes.focused + focusedSuites,
      empty: totals.classes.empty,
      'no-assertion': totals.classes['no-assertion'],
      tautology: totals.classes.tautology,
      skipped: totals.classes.skipped,
      todo: totals.classes.todo,
      'parse-errors': parseErrors,
    };
    if (options.reports.length > 0) {
      const executed = readTestReports(context.cwd, options.reports);
      metrics['executed-tests'] = executed.total;
      metrics['passed-tests'] = executed.passed;
      metrics['failed-tests'] = executed.failed;
      const reported = judged.filter((entry) => !isSupport(entry)).map((entry) => ({ dir: entry.dir, name: entry.name, realTests: tallies.get(entry)!.classes.real }));
      for (const problem of judgeReports(executed, options.reports, options.minTests, reported, (file) => packageOf(file).dir)) emit(problem);
    }
    context.log.info(`test-existence: ${metrics.tests} tests in ${metrics['test-files']} test files of ${metrics.packages} package(s), ${metrics['real-tests']} real`);
    if (testedElsewhere.length > 0) {
      const testPackages = new Set(testedElsewhere.flatMap((entry) => testedBy.get(entry)!.map((testPackage) => testPackage.dir || 'the root')));
      context.log.info(`test-existence: ${testedElsewhere.length} package(s) without tests of their own are tested by the tests of other packages (${[...testPackages].join(', ')}) that import them, that their test scripts run or point at, that their end-to-end suites start, or whose code they build on`);
    }
    if (withoutTests.reexports > 0) context.log.info(`test-existence: ${withoutTests.reexports} package(s) only re-export other modules (imports, exports and types, no code of their own) and need no tests of their own`);
    if (withoutTests.generated > 0) context.log.info(`test-existence: ${withoutTests.generated} package(s) hold only generated code (in generated/ or marked @generated, beside re-exports) and need no tests of their own`);
    if (withoutTests.declarations > 0) context.log.info(`test-existence: ${withoutTests.declarations} package(s) only declare values (types, enums, constants of literals) and need no tests of their own`);
    if (withoutTests.suites > 0) context.log.info(`test-existence: ${withoutTests.suites} package(s) are test suites that other packages run (their sources declare tests) and need no tests of their own`);
    if (unrunExamples.size > 0) context.log.info(`test-existence: ${unrunExamples.size} example package(s) outside the workspaces, whose tests neither the root's test script nor a workflow on pull_request runs, were not judged`);
    if (supportPackages > 0) context.log.info(`test-existence: ${supportPackages} support package(s) (examples, demos, playgrounds, e2e and test fixtures, benchmarks, docs, Storybook apps, tools' shared configs) need no tests of their own; the tests they have were judged`);
    return createReport('test-existence', [...emit.findings, ...policy.findings(context.configFile)].sort(byLocation), metrics, startedAt);
  },
};

/** One unit the gate judges: a package, or the files of the root outside every package. */
interface JudgedPackage {
  dir: string;
  name: string;
  manifest?: PackageManifest;
  manifestText?: string;
  workspaceRoot?: string;
}

/** A reading of a test script that runs a runner and has no problem: a failing test fails it. */
function canFail(reading: TestScriptReading): boolean {
  return reading.runners.length > 0 && reading.problems.length === 0;
}

/**
 * Whether a package placed as a fixture (below e2e/ or test/) is an end-to-end suite of its own: a Playwright or Cypress
 * suite in its folder that one of its test scripts runs. TanStack Router's `e2e/react-start/basic` and sveltekit's
 * `packages/adapter-static/test/apps/spa` are apps built on the repository's packages, each with the browser tests
 * that check them: those tests are judged, and credit the packages the app is built on (see endToEndSuite).
 */
function runsEndToEndSuite(entry: JudgedPackage, files: ReadonlySet<string>, read: (file: string) => string): boolean {
  const scripts = entry.manifest?.scripts ?? {};
  const runsBrowserTests = Object.keys(scripts).some((name) => {
    const script = scripts[name];
    return TEST_TARGET.test(name) && typeof script === 'string' && checkTestScript({ ...scripts, test: script }).runners.some((runner) => BROWSER_RUNNERS.has(runner));
  });
  return runsBrowserTests && endToEndSuite(entry, files, read) !== undefined;
}

/** The project's packages, deepest first, then the root; a file belongs to its nearest one. */
function judgedPackages(root: string, files: readonly string[], fileSet: ReadonlySet<string>): { packages: JudgedPackage[]; packageOf: (file: string) => JudgedPackage; discovery: PackageDiscovery } {
  const discovery = discoverPackages(root, files);
  const owners = new Map(discovery.packages.map((entry) => [entry, subpathOwner(entry, discovery, fileSet)]));
  const packages: JudgedPackage[] = discovery.packages.filter((entry) => owners.get(entry) === entry).sort((a, b) => b.dir.length - a.dir.length);
  // Without a package.json at the root, the files outside every package are the root's.
  const rootPackage = packages.find((entry) => entry.dir === '') ?? { dir: '', name: path.basename(root) || 'root' };
  if (rootPackage !== packages.at(-1)) packages.push(rootPackage);
  return { packages, packageOf: (file) => { const found = discovery.packageOf(file); return (found && owners.get(found)) ?? rootPackage; }, discovery };
}

/**
 * The package a package.json belongs to: its own, or, for one named for a subpath of the package around it, that package's
 * (solid's `{ "name": "solid-js/html", "main": "./dist/html.cjs" }` in solid-js's html/ folder, and `solid-js/web/storage`
 * below `solid-js/web`: entry points of solid-js, tested by its suite); so is one that only tells a resolver what to load.
 */
function subpathOwner(entry: ProjectPackage, discovery: PackageDiscovery, files: ReadonlySet<string>): ProjectPackage {
  let current = entry;
  while (current.dir !== '') {
    const outer = discovery.packageOf(path.posix.join(path.posix.dirname(current.dir), '-'));
    if (!outer || !(current.name.startsWith(`${outer.name}/`) || isResolutionStub(current, files))) return current;
    current = outer;
  }
  return current;
}

/**
 * A package.json named for its folder, no workspace lists, with no version, scripts or dependencies and a main file beside it:
 * a module's stand-in that the package around it resolves (insomnia's `send-request/electron`, `{ "name": "electron", "main":
 * "index.js" }` over a stub of electron's API).
 */
function isResolutionStub(entry: ProjectPackage, files: ReadonlySet<string>): boolean {
  const manifest = entry.manifest;
  if (entry.workspaceRoot !== undefined || entry.name !== path.posix.basename(entry.dir) || typeof manifest.main !== 'string') return false;
  return manifest.version === undefined && Object.keys(manifest.scripts ?? {}).length === 0 && dependencyNames(manifest).length === 0 && files.has(path.posix.join(entry.dir, manifest.main));
}

function checkPackage(
  entry: JudgedPackage,
  tally: PackageTally,
  reading: TestScriptReading,
  testPackages: ReadonlyArray<PackageTests<JudgedPackage>>,
  options: TestExistenceOptions,
  emit: Emitter,
  context: GateContext,
  files: ReadonlySet<string>,
  /** The package's tests run without a "test" script of its own (see the caller). */
  runWithoutTestScript: boolean,
): CodeWithoutTests | undefined {
  const manifestFile = entry.dir ? `${entry.dir}/package.json` : 'package.json';
  const where = entry.dir ? `Package ${entry.name} (${entry.dir})` : `Package ${entry.name}`;
  const testedElsewhere = testPackages.reduce((sum, testPackage) => sum + testPackage.realTests, 0);
  const shortOfTests = tally.classes.real + testedElsewhere < options.minTests;
  // Read only for a package short of tests: re-exports (lit's `lit`), generated code and test suites need none of their own.
  const withoutTests = shortOfTests ? codeWithoutTests(entry, tally.sources, (file) => readProjectFile(context.cwd, file)) : undefined;
  const needsTests = tally.sources.length > 0 && !withoutTests;
  if (needsTests && shortOfTests) {
    const notReal = TEST_CLASSES.filter((testClass) => testClass !== 'real' && tally.classes[testClass] > 0).map((testClass) => `${tally.classes[testClass]} ${testClass}`);
    emit({
      rule: 'tests/none',
      message: `${where} has ${plural(tally.sources.length, 'source file')} but ${plural(tally.classes.real, 'real test')} (min-tests: ${options.minTests})${notReal.length ? `; the others are ${notReal.join(', ')}` : ''}${tally.templateTagTests > 0 ? `; ${plural(tally.templateTagTests, 'test file')} in Ember's template-tag format (.gts, .gjs) were not read` : ''}.`,
      ...(entry.manifest ? { file: manifestFile } : {}),
    });
  }
  const manifest = entry.manifest;
  const scripts = manifest?.scripts ?? {};
  // Configs the test scripts name (`jest --config jest.ci.json`) count as much as the conventional ones.
  const named = reading.configFiles.map((file) => (entry.dir ? `${entry.dir}/${file}` : file)).filter((file) => files.has(file));
  // A run that finds no test passes nothing that needs one: typescript-eslint's types, generated code and declarations, with `passWithNoTests: true`.
  const needsNone = withoutTests !== undefined || (tally.sources.length === 0 && tally.testFiles === 0);
  for (const configFile of needsNone ? [] : new Set([...tally.configFiles, ...named])) {
    const option = passWithNoTestsIn(readProjectFile(context.cwd, configFile), configFile);
    if (option) emit({ rule: 'script/pass-with-no-tests', message: `${configFile} sets passWithNoTests, so the run is green when no test is found.`, file: configFile, ...position(option) });
  }
  if (!manifest) return withoutTests;
  // A package tested by a package of tests is run by that package's runner, not by a script of its own.
  if (needsTests && typeof scripts.test !== 'string' && !runWithoutTestScript && testPackages.length === 0) {
    emit({ rule: 'script/missing', message: `${where} has source files but no "test" script, so \`npm test\` runs nothing.`, file: manifestFile, line: manifestLine(entry.manifestText, 'scripts') ?? 1 });
  }
  for (const problem of reading.problems) {
    // A placeholder is no gap where nothing needs tests (TanStack Router's router-vite-plugin, re-exports with `echo 'No unit tests are needed here'`;
    // novu's stubs, whose code a build brings), nor where another package's tests test the package (node-postgres's pg-cloudflare, `echo e2e test in pg package`).
    if ((!needsTests || testPackages.length > 0) && problem.rule === 'script/placeholder') continue;
    if (needsNone && problem.rule === 'script/pass-with-no-tests') continue;
    emit({ rule: problem.rule, message: `${where}: ${problem.message}.`, file: manifestFile, line: manifestLine(entry.manifestText, problem.script) ?? 1 });
  }
  if ((manifest.jest as { passWithNoTests?: unknown } | undefined)?.passWithNoTests === true) {
    emit({ rule: 'script/pass-with-no-tests', message: `${where} sets jest.passWithNoTests, so the run is green when no test is found.`, file: manifestFile, line: manifestLine(entry.manifestText, 'passWithNoTests') ?? 1 });
  }
  return withoutTests;
}

/** The workspace members among `candidates` whose test files their workspace root's runner, by its config, runs. */
function workspaceMembersRunByRoot(candidates: readonly JudgedPackage[], packages: readonly JudgedPackage[], files: readonly string[], packageOf: (file: string) => JudgedPackage, isTestFile: (file: string) => boolean, selectionOf: (root: JudgedPackage) => RunnerSelection): Set<JudgedPackage> {
  const members = new Set(candidates.filter((entry) => entry.workspaceRoot !== undefined));
  const run = new Set<JudgedPackage>();
  if (members.size === 0) return run;
  const byDir = new Map(packages.map((entry) => [entry.dir, entry]));
  for (const file of files) {
    const owner = packageOf(file);
    if (!members.has(owner) || run.has(owner) || !isTestFile(file)) continue;
    const root = byDir.get(owner.workspaceRoot!)!;
    const selection = selectionOf(root);
    if (selection.configs.length > 0 && selection.runs(file) === true) run.add(owner);
  }
  return run;
}

/** The folders between a member's folder and its workspace root's, both left out: `pnpm11/core/types` below '' gives pnpm11, pnpm11/core. */
function foldersAbove(dir: string, root: string): string[] {
  const folders: string[] = [];
  for (let folder = path.posix.dirname(dir); folder !== '.' && folder !== root && folder.startsWith(root ? `${root}/` : ''); folder = path.posix.dirname(folder)) folders.push(folder);
  return folders;
}

/**
 * Whether `file` is in a fixture project below its package: a folder below e2e/, test/ or fixtures/
 * with a package.json of its own, even one that is no package (jest's `e2e/<case>/package.json`
 * holding only a `jest` key), but not one `kept` (a package.json that only sets the module format
 * of tests the package's runner runs).
 */
function inFixtureProject(file: string, packageDir: string, files: ReadonlySet<string>, policy: PackagePolicy, kept: (manifest: string) => boolean): boolean {
  for (let slash = file.lastIndexOf('/'); slash > packageDir.length; slash = file.lastIndexOf('/', slash - 1)) {
    const dir = file.slice(0, slash);
    const manifest = `${dir}/package.json`;
    if (files.has(manifest) && policy.isFixture({ dir, name: dir }) && !kept(manifest)) return true;
  }
  return false;
}

/** `{"type": "module"}`: a package.json that only tells Node how to load the files beside it. */
function onlyModuleFormat(manifest: unknown): boolean {
  return typeof manifest === 'object' && manifest !== null && Object.keys(manifest).length > 0 && Object.keys(manifest).every((key) => key === 'type');
}

/**
 * What the package's runners run, by their configs; the test scripts may name the config (`jest --config x`). The runners
 * of "test", and of the other scripts named for tests that
 * run a runner with a config of their own (NestJS's `"test:e2e": "jest --config ./test/jest-e2e.json"` beside `"test": "jest"`,
 * whose config in package.json takes only the specs under src/). Those add the files their config chooses.
 */
function runnerSelection(entry: JudgedPackage, reading: TestScriptReading, files: ReadonlySet<string>, root: string): RunnerSelection {
  const selectionOf = (of: TestScriptReading) => {
    // Resolved from the package, also out of it: next-auth's packages run `vitest run -c ../utils/vitest.config.ts`.
    const named = of.configFiles.map((file) => path.posix.join(entry.dir, file)).filter((file) => files.has(file));
    return readRunnerSelection({ dir: entry.dir, runners: of.runners, runnersWithoutConfig: of.runnersWithoutConfig, runnersChoosingFiles: of.runnersChoosingFiles, vitestTypecheck: of.vitestTypecheck, runnerFiles: of.runnerFiles, ...(entry.manifest ? { manifest: entry.manifest } : {}), namedConfigs: named }, files, (file) => readProjectFile(root, file));
  };
  const scripts = entry.manifest?.scripts ?? {};
  const configured = new Map(
    Object.keys(scripts)
      .filter((name) => name !== 'test' && TEST_TARGET.test(name) && typeof scripts[name] === 'string')
      .map((name) => checkTestScript({ ...scripts, test: scripts[name]! }))
      .filter((other) => other.runners.length > 0 && other.configFiles.length > 0 && other.configFiles.join('\0') !== reading.configFiles.join('\0'))
      .map((other) => [JSON.stringify([other.runners, other.configFiles]), other]),
  );
  const main = selectionOf(reading);
  const others = [...configured.values()].map(selectionOf).filter((other) => other.configs.length > 0);
  if (others.length === 0) return main;
  const unique = (lists: string[][]) => [...new Set(lists.flat())];
  const all = [main, ...others];
  return {
    configs: unique(all.map((selection) => selection.configs)),
    unreadable: unique(all.map((selection) => selection.unreadable)),
    defaulted: [...new Map(all.flatMap((selection) => selection.defaulted).map((config) => [config.file, config])).values()],
    computedExclusions: all.flatMap((selection) => selection.computedExclusions),
    runs: (file) => (others.some((other) => other.runs(file) === true) ? true : main.runs(file)),
  };
}

/** Where a runner config sets `passWithNoTests: true`: a JSON config at its top or under `test`, a JS/TS one anywhere. */
function passWithNoTestsIn(code: string, file: string): SourceLocation | undefined {
  if (!/\.jsonc?$/.test(file)) return findEnabledOption(code, file, 'passWithNoTests');
  // A config its runner cannot read fails the run by itself.
  const config = parseJsonConfig(code, file);
  const enabled = (value: unknown) => (value as { passWithNoTests?: unknown } | null)?.passWithNoTests === true;
  if (!enabled(config) && !enabled((config as { test?: unknown } | null)?.test)) return undefined;
  return { line: manifestLine(code, 'passWithNoTests') ?? 1, column: 1 };
}

type Emitter = ((finding: Omit<Finding, 'level' | 'help'>) => void) & { findings: Finding[] };

/** Adds findings at their configured level, with their help; rules set to `off` are dropped. */
function createEmitter(levels: Record<string, RuleLevel>): Emitter {
  const findings: Finding[] = [];
  const emit = (finding: Omit<Finding, 'level' | 'help'>) => {
    const level = levels[finding.rule] ?? DEFAULT_LEVELS[finding.rule] ?? 'error';
    if (level === 'off') return;
    findings.push({ ...finding, level, ...(HELP[finding.rule] ? { help: HELP[finding.rule] } : {}) });
  };
  return Object.assign(emit, { findings });
}

function emptyTally(): PackageTally {
  return { testFiles: 0, sources: [], classes: noTests(), configFiles: [], imports: new Set(), templateTagTests: 0 };
}

function noTests(): Record<TestClass, number> {
  return Object.fromEntries(TEST_CLASSES.map((testClass) => [testClass, 0])) as Record<TestClass, number>;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

function position(location: SourceLocation): SourceLocation {
  return { line: location.line, column: location.column };
}

/** The line of `"key":` in a manifest, so that the annotation lands on the script. */
function manifestLine(text: string | undefined, key: string): number | undefined {
  if (!text) return undefined;
  const index = text.search(new RegExp(`"${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"\\s*:`));
  return index === -1 ? undefined : text.slice(0, index).split('\n').length;
}

function byLocation(a: Finding, b: Finding): number {
  return (a.file ?? '').localeCompare(b.file ?? '') || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0);
}
