import type { ParserPlugin } from '@babel/parser';
import { parseWith, type BabelParse } from './ast.js';

/*
 * A very large test file (generated suites, several MB) is parsed a run of top-level statements at
 * a time, so that no syntax tree of the whole file is ever alive: babel's tree takes ~70 bytes per
 * character of source. Runs end where a quick scan takes a top-level statement to end; each run's
 * parse proves it (see parseRun), and where one does not, the file is parsed whole, as every smaller
 * file is.
 */

/** Whole top-level statements, `code.slice(start, end)`, starting at `line`:`column` (babel's 0-based column). */
export interface StatementRun {
  start: number;
  end: number;
  line: number;
  column: number;
}

/** A run's parse showed that the scan split a statement: the file must be parsed whole. */
export class SplitStatement extends Error {}

/**
 * Words that continue the statement of the line before (`x\ninstanceof Y`, `if (a) b()\nelse c()`,
 * `import x from 'y'\nwith { type: 'json' }`): a line starting with one starts no statement.
 */
const CONTINUING = new Set(['in', 'instanceof', 'as', 'satisfies', 'of', 'else', 'catch', 'finally', 'while', 'extends', 'implements', 'with', 'assert']);

/** Keywords after which a `/` starts a regular expression, not a division. */
const BEFORE_EXPRESSION = new Set(['return', 'typeof', 'instanceof', 'in', 'of', 'new', 'delete', 'void', 'throw', 'case', 'do', 'else', 'yield', 'await']);

/**
 * Splits `code` into runs of about `size` characters or more, each ending after a `;` at the top
 * level or before a line that starts with a name there (code without semicolons). The scan knows
 * strings, comments, templates and regular expressions well enough for ordinary code; where it is
 * wrong, a run does not parse as a whole statement list, and parseRun says so. Fewer than two runs
 * when the file has no such end past `size`.
 */
export function statementRuns(code: string, size: number): StatementRun[] {
  const ends: number[] = [];
  let depth = 0;
  /** The depth each open template's `${` was at: its `}` resumes the template. */
  const templates: number[] = [];
  /** Whether a `/` here would start a regular expression: after an operator or the start, not after a value. */
  let expressionExpected = true;
  let lastRunEnd = 0;
  let index = 0;
  const length = code.length;
  const skipTemplate = (from: number): number => {
    // From inside a template's text to just past its closing backquote, or past a `${` (depth recorded).
    let at = from;
    while (at < length) {
      const char = code[at];
      if (char === '\\') at += 2;
      else if (char === '`') return at + 1;
      else if (char === '$' && code[at + 1] === '{') {
        templates.push(depth);
        depth += 1;
        return at + 2;
      } else at += 1;
    }
    return at;
  };
  while (index < length) {
    const char = code[index]!;
    if (char === '/' && code[index + 1] === '/') {
      const newline = code.indexOf('\n', index);
      index = newline === -1 ? length : newline;
      continue;
    }
    if (char === '/' && code[index + 1] === '*') {
      const close = code.indexOf('*/', index + 2);
      index = close === -1 ? length : close + 2;
      continue;
    }
    if (char === '"' || char === "'") {
      index = skipQuoted(code, index, char);
      expressionExpected = false;
      continue;
    }
    if (char === '`') {
      index = skipTemplate(index + 1);
      expressionExpected = false;
      continue;
    }
    if (char === '/' && expressionExpected) {
      index = skipRegExp(code, index);
      expressionExpected = false;
      continue;
    }
    if (isWordStart(char)) {
      let end = index + 1;
      while (end < length && isWordStart(code[end]!)) end += 1;
      expressionExpected = BEFORE_EXPRESSION.has(code.slice(index, end));
      index = end;
      continue;
    }
    if (char === ' ' || char === '\n' || char === '\t' || char === '\r') {
      index += 1;
      // Code without semicolons: a line that starts with a name at the top level starts a statement.
      if (char === '\n' && depth === 0 && index - lastRunEnd >= size && startsStatement(code, index)) {
        lastRunEnd = index;
        ends.push(lastRunEnd);
      }
      continue;
    }
    if (char === '(' || char === '[' || char === '{') depth += 1;
    else if (char === ')' || char === ']') depth -= 1;
    else if (char === '}') {
      depth -= 1;
      if (templates.at(-1) === depth) {
        templates.pop();
        index = skipTemplate(index + 1);
        expressionExpected = false;
        continue;
      }
    } else if (char === ';' && depth === 0 && index + 1 - lastRunEnd >= size) {
      lastRunEnd = index + 1;
      ends.push(lastRunEnd);
    }
    expressionExpected = char !== ')' && char !== ']' && char !== '}';
    index += 1;
  }
  if (ends.length === 0) return [];
  if (ends.at(-1)! < length) ends.push(length);
  return runsEndingAt(code, ends);
}

function runsEndingAt(code: string, ends: readonly number[]): StatementRun[] {
  const runs: StatementRun[] = [];
  let start = 0;
  let line = 1;
  let lineStart = 0;
  for (const end of ends) {
    runs.push({ start, end, line, column: start - lineStart });
    // Line breaks as babel counts them: \n, \r\n, \r, U+2028, U+2029.
    for (let at = start; at < end; at += 1) {
      const char = code.charCodeAt(at);
      if (char === 0x0a || char === 0x2028 || char === 0x2029 || (char === 0x0d && code.charCodeAt(at + 1) !== 0x0a)) {
        line += 1;
        lineStart = at + 1;
      }
    }
    start = end;
  }
  return runs;
}

/** Past the closing quote, or the end of the line (a broken string ends there). */
function skipQuoted(code: string, from: number, quote: string): number {
  let at = from + 1;
  while (at < code.length) {
    const char = code[at];
    if (char === '\\') at += 2;
    else if (char === quote) return at + 1;
    else if (char === '\n') return at;
    else at += 1;
  }
  return at;
}

/** Past the closing `/` of a regular expression (a `/` inside [classes] does not close it), or the end of the line. */
function skipRegExp(code: string, from: number): number {
  let at = from + 1;
  let inClass = false;
  while (at < code.length) {
    const char = code[at];
    if (char === '\\') at += 2;
    else if (char === '\n') return at;
    else {
      if (char === '[') inClass = true;
      else if (char === ']') inClass = false;
      else if (char === '/' && !inClass) return at + 1;
      at += 1;
    }
  }
  return at;
}

/** Whether the line at `at` starts with a name that begins a statement: at its first column, not a word that continues one. */
function startsStatement(code: string, at: number): boolean {
  const first = code[at];
  if (first === undefined || !isWordStart(first) || (first >= '0' && first <= '9') || first === '#') return false;
  let end = at + 1;
  while (end < code.length && isWordStart(code[end]!)) end += 1;
  return !CONTINUING.has(code.slice(at, end));
}

/** Names, keywords and numbers: a `/` after one divides, unless the word is a keyword that expects an expression. */
function isWordStart(char: string): boolean {
  return (char >= 'a' && char <= 'z') || (char >= 'A' && char <= 'Z') || (char >= '0' && char <= '9') || char === '_' || char === '$' || char === '#' || char > '\u007f';
}

/**
 * Parses one run with `plugins`, positions as in the whole file. Throws babel's error when the run
 * does not parse, and SplitStatement when it parses but not as whole statements ending at the
 * run's end (but for white space) with nothing recovered: then the scan misread where it ended
 * (a `;` in a comment, a string or JSX text), and the runs do not add up to the file. A run that
 * starts inside a statement of the file does not parse.
 */
export function parseRun(code: string, file: string, plugins: ParserPlugin[], run: StatementRun, last: boolean): BabelParse {
  const parsed = parseWith(code.slice(run.start, run.end), file, plugins, { sourceType: 'module', startIndex: run.start, startLine: run.line, startColumn: run.column });
  if ((parsed.errors?.length ?? 0) > 0 || (!last && !endsWithStatement(code, parsed, run))) throw new SplitStatement(`${file}: a run of statements does not end at ${run.end}`);
  return parsed;
}

/** Whether only white space and comments follow the run's last statement. */
function endsWithStatement(code: string, parsed: BabelParse, run: StatementRun): boolean {
  // babel's estree plugin puts directives (`'use strict'`) among the statements.
  let at = parsed.program.body.at(-1)?.end ?? run.start;
  for (const comment of parsed.comments ?? []) {
    if ((comment.start ?? 0) < at) continue;
    if (code.slice(at, comment.start ?? 0).trim() !== '') return false;
    at = comment.end ?? at;
  }
  return code.slice(at, run.end).trim() === '';
}
