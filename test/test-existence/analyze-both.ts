import { expect } from 'vitest';
import { analyzeTestFile, type AnalyzeOptions, type FileAnalysis } from '../../src/test-existence/analyze.js';

/**
 * The analysis of a file as each parser the gate uses gives it: oxc (where a thread's stack holds
 * the file's nesting) and babel (Flow, larger files, platforms without oxc). Both must answer
 * alike: the tests analyse through this, so that every case checks both. `options` may depend on
 * the parser (helper modules are parsed by the same one).
 */
export function analyzeWithBoth(code: string, file: string, options: AnalyzeOptions | ((nativeParseUnits: number) => AnalyzeOptions) = {}): FileAnalysis {
  const optionsFor = (nativeParseUnits: number) => ({ ...(typeof options === 'function' ? options(nativeParseUnits) : options), nativeParseUnits });
  const babel = analyzeTestFile(code, file, optionsFor(0));
  const oxc = analyzeTestFile(code, file, optionsFor(Number.MAX_SAFE_INTEGER));
  expect(oxc, 'oxc and babel analyse the file alike').toEqual(babel);
  return oxc;
}
