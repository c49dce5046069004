import type { ParserPlugin } from '@babel/parser';
import type { AssertPatterns } from './assert-patterns.js';
import { babelTree, keyName, parseSource, pluginSets, SourceLines, walk, type ParsedSource, type SourceLocation, type t } from './ast.js';
import type { HelperExports, LocalModules } from './local-modules.js';
import type { AssertingPatches, PatchedMethods } from './patched-methods.js';
import { isInTestFolder } from './files.js';
import { threadNativeParseLimit } from './native-stack.js';
import { FileAnalyzer } from './file-analyzer.js';
import { parseRun, SplitStatement, statementRuns } from './statement-runs.js';

export type { SourceLocation } from './ast.js';

/** What a test case amounts to. Every class but `real` is a way for CI to be green without checking anything. */
export type TestClass = 'real' | 'empty' | 'no-assertion' | 'tautology' | 'skipped' | 'todo' | 'focused';

export const TEST_CLASSES: readonly TestClass[] = ['real', 'empty', 'no-assertion', 'tautology', 'skipped', 'todo', 'focused'];

export interface TestCase extends SourceLocation {
  title: string;
  testClass: TestClass;
  /** The line above disables the matching ESLint rule (`eslint-disable-next-line jest/no-focused-tests`): the author chose this. */
  acknowledged?: boolean;
}

export interface FileAnalysis {
  tests: TestCase[];
  /** `describe.only`, `fdescribe`, `test.describe.only`: they silence every test outside them. */
  focusedSuites: Array<SourceLocation & { title: string }>;
  parseError?: SourceLocation & { message: string };
  /** Packages the file imports or requires by name (`enzyme` for `enzyme/build/Utils`), when it imports any. */
  packageImports?: string[];
}

export interface AnalyzeOptions {
  assertPatterns?: AssertPatterns;
  /** Files longer than `chars` characters are parsed in runs of about `runChars` (tests lower both). */
  largeFile?: { chars: number; runChars: number };
  /** Called between the parses of a large file's runs (the analysis pool bounds the thread's memory). */
  betweenRuns?: () => void;
  /** The project's modules, to follow helpers a test imports from them. */
  localModules?: LocalModules;
  /** The methods the project's test code patches onto objects, that assert. */
  patchedMethods?: PatchedMethods;
  /** Files of up to this many nesting units are parsed with oxc (see native-stack.ts); by default every file is left to babel. */
  nativeParseUnits?: number;
}

const TOO_DEEP = 'it nests deeper than the parser can follow';
/**
 * Files longer than `chars` are parsed in runs of top-level statements of about `runChars` each:
 * babel's tree of an 8 kB run (~0.6 MB) dies in the young generation, that of a 5 MB file takes
 * ~370 MB. Every ordinary test file is parsed whole.
 */
const LARGE_FILE = { chars: 1024 * 1024, runChars: 8 * 1024 };

/** Whether the file nests deeper than this thread's stack let the parser follow: a thread with a larger stack may read it. */
export function isTooDeep(analysis: FileAnalysis): boolean {
  return analysis.parseError?.message === TOO_DEEP;
}

/** Parses one test file and classifies every test it declares. A file that does not parse says so, and where. */
export function analyzeTestFile(code: string, file: string, options: AnalyzeOptions = {}): FileAnalysis {
  const large = options.largeFile ?? LARGE_FILE;
  if (code.length > large.chars) {
    const analysis = analyzeInRuns(code, file, options, large.runChars);
    if (analysis) return analysis;
  }
  const parsed = parseOrError(code, file, options.nativeParseUnits);
  if ('parseError' in parsed) return { tests: [], focusedSuites: [], parseError: parsed.parseError };
  return new FileAnalyzer(code, file, options).analyze([() => parsed.source]);
}

/**
 * A large file, a run of top-level statements at a time (see statement-runs.ts): the same analysis
 * as of the whole file. Undefined when the file must be parsed whole: it does not split into runs,
 * a run split a statement, or no plugin set reads every run (the whole parse says where it fails).
 */
function analyzeInRuns(code: string, file: string, options: AnalyzeOptions, runChars: number): FileAnalysis | undefined {
  if (code.includes('\0')) return undefined;
  const runs = statementRuns(code, runChars);
  if (runs.length < 2) return undefined;
  const parse = (plugins: ParserPlugin[], index: number) => babelTree(parseRun(code, file, plugins, runs[index]!, index === runs.length - 1));
  /** The runs an earlier plugin set could not read: a later set is tried only when it reads them, not from the start. */
  const unread: number[] = [];
  for (const plugins of pluginSets(code, file)) {
    let current = 0;
    try {
      if (!unread.every((index) => parses(() => parse(plugins, index)))) continue;
      const parts = runs.map((_, index) => () => {
        options.betweenRuns?.();
        current = index;
        return parse(plugins, index);
      });
      return new FileAnalyzer(code, file, options).analyze(parts);
    } catch (error) {
      if (error instanceof SplitStatement || error instanceof RangeError) return undefined;
      // Another plugin set may read what this one does not (Flow, TypeScript in a .js file).
      if (!(error instanceof SyntaxError)) throw error;
      unread.push(current);
    }
  }
  return undefined;
}

/** Whether `parse` succeeds; a syntax error is an answer, any other error is thrown. */
function parses(parse: () => unknown): boolean {
  try {
    parse();
    return true;
  } catch (error) {
    if (error instanceof SyntaxError) return false;
    throw error;
  }
}

/** Reads a helper module of the project: whether each export asserts, or declares tests. Undefined when it does not parse. */
export function analyzeHelperModule(code: string, file: string, options: AnalyzeOptions = {}): HelperExports | undefined {
  const parsed = parseOrError(code, file, options.nativeParseUnits);
  if ('parseError' in parsed) return undefined;
  // A method the tests' code patches is the tests' (see PatchedMethods): the code under test calling one of that
  // name (pino's `opts.onChild(child)`) checks nothing.
  const { patchedMethods, ...withoutPatches } = options;
  const analyzer = new FileAnalyzer(code, file, patchedMethods && isInTestFolder(file) ? options : withoutPatches);
  analyzer.collectBindings(parsed.source.program);
  return { asserts: (name) => analyzer.exportAsserts(name), testsDeclared: (name) => analyzer.exportTestsDeclared(name), settlesOnEvent: (name) => analyzer.exportSettlesOnEvent(name), returnsCypressChain: (name) => analyzer.exportReturnsCypressChain(name), registersAssertingHook: (name) => analyzer.exportRegistersAssertingHook(name), returnsAssertingMethod: (name, method) => analyzer.exportReturnsAssertingMethod(name, method), hasAssertingMethod: (name, method) => analyzer.exportHasAssertingMethod(name, method), assertsAsItRuns: () => analyzer.assertsAsItRuns(parsed.source.program) };
}

/** The asserting methods a test support module patches onto objects, and its asserting fixtures (see PatchedMethods); none when it does not parse. */
export function assertingPatches(code: string, file: string, options: AnalyzeOptions = {}): AssertingPatches {
  const parsed = parseOrError(code, file, options.nativeParseUnits);
  if ('parseError' in parsed) return { methods: [], fixtures: [] };
  const analyzer = new FileAnalyzer(code, file, options);
  analyzer.collectBindings(parsed.source.program);
  return { methods: analyzer.patchedAssertingMethods(parsed.source.program), fixtures: analyzer.assertingFixtures(parsed.source.program) };
}

function parseOrError(code: string, file: string, nativeParseUnits = 0): { source: ParsedSource } | { parseError: NonNullable<FileAnalysis['parseError']> } {
  try {
    return { source: parseSource(code, file, nativeParseUnits) };
  } catch (error) {
    if (error instanceof RangeError) return { parseError: { message: TOO_DEEP, line: 1, column: 1 } };
    // A NUL byte outside a string (msw writes control characters into a template literal) is in no JavaScript
    // source: the file is binary (a build artefact or a misnamed asset).
    const nul = code.indexOf('\0');
    if (nul !== -1) return { parseError: { message: 'it is binary, not JavaScript or TypeScript', line: code.slice(0, nul).split('\n').length, column: 1 } };
    const { loc, message } = error as { loc?: { line: number; column: number }; message: string };
    return { parseError: { message: message.replace(/\s*\(\d+:\d+\)$/, ''), line: loc?.line ?? 1, column: (loc?.column ?? 0) + 1 } };
  }
}

/**
 * Where a tool's config file sets `name: true` (`passWithNoTests: true` in vitest.config.ts), or
 * undefined. A config that does not parse breaks its runner anyway and is left to it.
 */
export function findEnabledOption(code: string, file: string, name: string): SourceLocation | undefined {
  let program: t.Program;
  try {
    program = parseSource(code, file, threadNativeParseLimit()).program;
  } catch {
    return undefined;
  }
  let found: SourceLocation | undefined;
  walk(program, (node) => {
    if (found) return false;
    if (node.type === 'Property' && !node.computed && keyName(node.key) === name && node.value.type === 'Literal' && node.value.value === true) found = new SourceLines(code).at(node.start);
    return true;
  });
  return found;
}
