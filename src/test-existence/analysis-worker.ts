import { parentPort, workerData } from 'node:worker_threads';
import { EnvironmentError } from '../core/errors.js';
import { packagesByName, type PackageManifest } from '../core/packages.js';
import { readProjectFile } from '../core/project-files.js';
import { analyzeHelperModule, analyzeTestFile, assertingPatches, type AnalyzeOptions, type FileAnalysis } from './analyze.js';
import { compileAssertPatterns } from './assert-patterns.js';
import { LocalModules } from './local-modules.js';
import { boundYoungGeneration } from './memory.js';
import { PatchedMethods } from './patched-methods.js';

/** What every thread that analyses test files knows of the project. */
export interface AnalysisProject {
  cwd: string;
  /** Every file of the project, relative to cwd: where imported helpers are looked up. */
  files: string[];
  assertFunctions: string[];
  /** The repository's packages whose helpers tests import by name (see providesTestHelpers): known once the packages are read. */
  helperPackages?: HelperPackage[];
}

export interface HelperPackage {
  dir: string;
  name: string;
  manifest: PackageManifest;
  /** Only its testing subpaths hold helpers (`effect/testing`): the rest is code under test. */
  testingOnly?: boolean;
}

/** A worker's answer for the file at `index` of the list it was given files from. */
export type AnalysisAnswer = { index: number; analysis: FileAnalysis } | { index: number; error: { environment: boolean; message: string } };

/**
 * Thrown by an analyzer whose `leaves` says so for a test file or a helper module it imports: the
 * file is better analysed in a worker, where oxc can parse it, than here with babel.
 */
export class LeftToAWorker extends Error {
  constructor(readonly file: string) {
    super(`${file} is left to a worker`);
  }
}

/**
 * Reads and analyses test files of the project; imported helpers are parsed once per thread.
 * Files of up to `nativeParseUnits` nesting units are parsed with oxc (a worker's stack holds their
 * nesting). A test file or helper module whose code `leaves` throws LeftToAWorker.
 */
export function projectAnalyzer(project: AnalysisProject, nativeParseUnits = 0, leaves: (code: string) => boolean = () => false): (file: string) => FileAnalysis {
  const files = new Set(project.files);
  const options: AnalyzeOptions = { assertPatterns: compileAssertPatterns(project.assertFunctions), betweenRuns: boundYoungGeneration, nativeParseUnits };
  const analyzeHelper = (code: string, file: string) => {
    if (leaves(code)) throw new LeftToAWorker(file);
    return analyzeHelperModule(code, file, options);
  };
  // Only test-support packages and libraries of test helpers are followed by name (`@acme/test-utils`, emotion's
  // scripts/babel-tester, `@effect/vitest`), and the testing subpaths of the others (`effect/testing`): an `assert`
  // in the code of a package under test guards the code, it checks nothing for the test.
  let byName: Map<string, HelperPackage> | undefined;
  const packageNamed = (name: string) => (byName ??= packagesByName(project.helperPackages ?? [])).get(name);
  const packageContaining = (file: string) => (project.helperPackages ?? []).filter((entry) => entry.dir === '' || file.startsWith(`${entry.dir}/`)).reduce<HelperPackage | undefined>((nearest, entry) => (nearest && nearest.dir.length >= entry.dir.length ? nearest : entry), undefined)?.name;
  options.localModules = new LocalModules(files, (file) => readProjectFile(project.cwd, file), analyzeHelper, packageNamed, packageContaining);
  // A module's own patches are not looked up while its patches are read.
  const patchingOptions = { ...options };
  options.patchedMethods = new PatchedMethods(project.files, (file) => readProjectFile(project.cwd, file), (code, file) => assertingPatches(code, file, patchingOptions));
  return (file) => {
    const code = readProjectFile(project.cwd, file);
    if (leaves(code)) throw new LeftToAWorker(file);
    return analyzeTestFile(code, file, options);
  };
}

/** In an analysis worker: answers each `{ index, file }` its parent sends, until the parent ends it. */
export function serveAnalysis(): void {
  const port = parentPort!;
  const { nativeParseUnits, ...project } = workerData as AnalysisProject & { nativeParseUnits: number };
  const analyze = projectAnalyzer(project, nativeParseUnits);
  port.on('message', (message: { index: number; file: string } | { helperPackages: HelperPackage[] }) => {
    // Sent before the first file, once the gate has read the packages.
    if ('helperPackages' in message) {
      project.helperPackages = message.helperPackages;
      return;
    }
    const { index, file } = message;
    let answer: AnalysisAnswer;
    try {
      answer = { index, analysis: analyze(file) };
    } catch (error) {
      answer = { index, error: { environment: error instanceof EnvironmentError, message: (error as Error).message } };
    }
    port.postMessage(answer);
  });
}
