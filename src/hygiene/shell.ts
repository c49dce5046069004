import parse, { type BashNode } from '@ericcornelissen/bash-parser';
import path from 'node:path';

/** A simple command of a script, with the directory it runs in. */
export interface ShellCommand {
  /** Name and arguments, quotes removed where the parser removes them. */
  words: string[];
  /** Relative to where the script started ('' there); undefined after a `cd` to a place that is not written out. */
  dir: string | undefined;
}

/** Stands for a `${{ … }}` expression, which is no shell syntax. */
const EXPRESSION_PLACEHOLDER = 'GH_EXPRESSION';

/**
 * The simple commands of a shell script in the order they appear, following `cd`/`pushd` within
 * the script (a subshell's `cd` stays inside it). A script the parser rejects as a whole is parsed
 * line by line, so that one bash-only construct does not hide the commands around it.
 */
export function shellCommands(script: string): readonly ShellCommand[] {
  // The same scripts come back for every package and rule; the parser is the costly part.
  let commands = parsed.get(script);
  if (!commands) {
    commands = parseCommands(script);
    parsed.set(script, commands);
  }
  return commands;
}

const parsed = new Map<string, readonly ShellCommand[]>();

function parseCommands(script: string): ShellCommand[] {
  const source = script
    .replace(/\$\{\{\s*github\.workspace\s*\}\}|\$\{GITHUB_WORKSPACE\}|\$GITHUB_WORKSPACE/g, '.')
    .replace(/\$\{\{[\s\S]*?\}\}/g, EXPRESSION_PLACEHOLDER);
  const commands: ShellCommand[] = [];
  const state = { dir: '' as string | undefined, stack: [] as Array<string | undefined> };
  const whole = tryParse(source);
  if (whole) {
    walk(whole, state, commands);
    return commands;
  }
  for (const line of source.split('\n')) {
    const parsed = tryParse(line);
    if (parsed) walk(parsed, state, commands);
  }
  return commands;
}

function tryParse(source: string): BashNode | undefined {
  try {
    return parse(source);
  } catch {
    return undefined;
  }
}

interface DirState {
  dir: string | undefined;
  stack: Array<string | undefined>;
}

function walk(node: unknown, state: DirState, out: ShellCommand[]): void {
  if (Array.isArray(node)) {
    for (const child of node) walk(child, state, out);
    return;
  }
  if (!node || typeof node !== 'object') return;
  const current = node as BashNode;
  if (current.type === 'Subshell') {
    walk(current.list, { dir: state.dir, stack: [...state.stack] }, out);
    return;
  }
  if (current.type === 'Command') {
    // Command substitutions in the words run before the command itself.
    for (const word of [current.name, ...((current.prefix as unknown[]) ?? []), ...((current.suffix as unknown[]) ?? [])]) walkExpansions(word, state, out);
    const words = [current.name, ...((current.suffix as BashNode[]) ?? [])]
      .filter((word): word is BashNode => !!word && (word as BashNode).type === 'Word')
      .map((word) => unquote(word.text ?? ''));
    if (words.length === 0) return;
    changeDirectory(words, state);
    out.push({ words, dir: state.dir });
    return;
  }
  for (const [key, value] of Object.entries(current)) {
    if (key !== 'loc' && key !== 'type') walk(value, state, out);
  }
}

function walkExpansions(word: unknown, state: DirState, out: ShellCommand[]): void {
  for (const expansion of (word as BashNode | undefined)?.expansion ?? []) {
    if (expansion.commandAST) walk(expansion.commandAST, { dir: state.dir, stack: [...state.stack] }, out);
  }
}

function changeDirectory(words: string[], state: DirState): void {
  const [name, target] = words;
  if (name === 'cd' || name === 'pushd') {
    if (name === 'pushd') state.stack.push(state.dir);
    state.dir = target === undefined || target === '-' ? undefined : joinDir(state.dir, target);
  } else if (name === 'popd') {
    state.dir = state.stack.length ? state.stack.pop() : undefined;
  }
}

/** `base` joined with a relative directory; undefined when either is unknown or it leaves the root. */
export function joinDir(base: string | undefined, target: string): string | undefined {
  if (base === undefined || target.includes('$') || target.includes(EXPRESSION_PLACEHOLDER) || target.startsWith('~')) return undefined;
  if (path.posix.isAbsolute(target)) return undefined;
  const joined = path.posix.normalize(path.posix.join(base || '.', target)).replace(/\/$/, '');
  if (joined === '..' || joined.startsWith('../')) return undefined;
  return joined === '.' ? '' : joined;
}

/** Quotes around words with expansions stay in the parser's text. */
function unquote(text: string): string {
  return /^"[^"]*"$|^'[^']*'$/.test(text) ? text.slice(1, -1) : text;
}
