import { parentPort, workerData } from 'node:worker_threads';
import { EnvironmentError } from '../core/errors.js';
import { readProjectFile } from '../core/project-files.js';
import { analyzeHelperModule, analyzeTestFile, type AnalyzeOptions, type FileAnalysis } from './analyze.js';
import { compileAssertPatterns } from './assert-patterns.js';
import { LocalModules } from './local-modules.js';
import { boundYoungGeneration } from './memory.js';

/** What every thread that analyses test files knows of the project. */
export interface AnalysisProject {
  cwd: string;
  /** Every file of the project, relative to cwd: where imported helpers are looked up. */
  files: string[];
  assertFunctions: string[];
}

/** A worker's answer for the file at `index` of the list it was given files from. */
export type AnalysisAnswer = { index: number; analysis: FileAnalysis } | { index: number; error: { environment: boolean; message: string } };

/**
 * Reads and analyses test files of the project; imported helpers are parsed once per thread.
 * Files up to `nativeParseChars` characters are parsed with oxc (a worker's stack holds their nesting).
 */
export function projectAnalyzer(project: AnalysisProject, nativeParseChars = 0): (file: string) => FileAnalysis {
  const files = new Set(project.files);
  const options: AnalyzeOptions = { assertPatterns: compileAssertPatterns(project.assertFunctions), betweenRuns: boundYoungGeneration, nativeParseChars };
  options.localModules = new LocalModules(files, (file) => readProjectFile(project.cwd, file), (code, file) => analyzeHelperModule(code, file, options));
  return (file) => analyzeTestFile(readProjectFile(project.cwd, file), file, options);
}

/** In an analysis worker: answers each `{ index, file }` its parent sends, until the parent ends it. */
export function serveAnalysis(): void {
  const port = parentPort!;
  const { nativeParseChars, ...project } = workerData as AnalysisProject & { nativeParseChars: number };
  const analyze = projectAnalyzer(project, nativeParseChars);
  port.on('message', ({ index, file }: { index: number; file: string }) => {
    let answer: AnalysisAnswer;
    try {
      answer = { index, analysis: analyze(file) };
    } catch (error) {
      answer = { index, error: { environment: error instanceof EnvironmentError, message: (error as Error).message } };
    }
    port.postMessage(answer);
  });
}
