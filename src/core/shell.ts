import parseBash, { type BashNode, type BashWord } from '@ericcornelissen/bash-parser';

/**
 * A shell command line (an npm script, a `run:` step) as a small tree: what runs, and how the exit
 * codes combine. Control flow (if, for, while, functions) is kept as `compound`: it runs something,
 * but what exits with which code is not read.
 */
export type ShellNode =
  | { readonly type: 'command'; readonly words: readonly string[]; readonly assignments: readonly string[]; readonly background: boolean }
  | { readonly type: 'and' | 'or'; readonly left: ShellNode; readonly right: ShellNode }
  /** `a; b` and lines: the exit code is the last one's. */
  | { readonly type: 'sequence'; readonly items: readonly ShellNode[] }
  /** `a | b`: the exit code is the last one's, unless `set -o pipefail`. */
  | { readonly type: 'pipeline'; readonly items: readonly ShellNode[]; readonly negated: boolean }
  | { readonly type: 'subshell'; readonly body: ShellNode }
  | { readonly type: 'compound' };

/** Trees already made: a run reads each package's test script several times, and the parser is slow (it copies its position as JSON at every character). */
const parsed = new Map<string, ShellNode | undefined>();

/** Parses a command line; undefined when it is not valid shell (the shell would refuse it too). The tree is shared, and read-only. */
export function parseShell(script: string): ShellNode | undefined {
  if (!parsed.has(script)) parsed.set(script, plainCommands(script) ?? parseOnce(script));
  return parsed.get(script);
}

/** Plain words: no quote, expansion, operator, redirection or comment, nothing but blanks between them (a glob's `*` is kept as written). */
const PLAIN_WORDS = /^[\w@%+=:,./*-]+(?:[ \t]+[\w@%+=:,./*-]+)*$/;
const ASSIGNMENT = /^[A-Za-z_]\w*=/;
/** Words that open control flow as a line's first word (after an assignment, `if` names a command). */
const RESERVED_WORDS = new Set(['if', 'then', 'else', 'elif', 'fi', 'do', 'done', 'case', 'esac', 'while', 'until', 'for', 'in', 'function', 'select', 'time', 'coproc']);

/**
 * The tree of a line of commands of plain words joined by `&&` and `||` (`jest --ci`, `NODE_ENV=test
 * yarn build:ts && node check.js`), as the parser gives it, without the parser: two scripts in three
 * are such lines, and the parser takes a millisecond or more for each. Undefined for any other line.
 */
function plainCommands(script: string): ShellNode | undefined {
  const parts = script.split(/(&&|\|\|)/);
  let tree: ShellNode | undefined = plainCommand(parts[0]!);
  for (let index = 1; tree && index < parts.length; index += 2) {
    const right = plainCommand(parts[index + 1]!);
    tree = right && { type: parts[index] === '&&' ? 'and' : 'or', left: tree, right };
  }
  return tree;
}

function plainCommand(line: string): Extract<ShellNode, { type: 'command' }> | undefined {
  const trimmed = line.trim();
  if (!PLAIN_WORDS.test(trimmed)) return undefined;
  const words = trimmed.split(/[ \t]+/);
  let name = 0;
  while (name < words.length && ASSIGNMENT.test(words[name]!)) name += 1;
  if (RESERVED_WORDS.has(words[0]!)) return undefined;
  return { type: 'command', words: words.slice(name), assignments: words.slice(0, name), background: false };
}

function parseOnce(script: string): ShellNode | undefined {
  let ast: BashNode;
  try {
    ast = parseBash(script);
  } catch {
    return undefined;
  }
  return convert(ast);
}

function convert(node: BashNode): ShellNode {
  switch (node.type) {
    case 'Script':
    case 'CompoundList': {
      const items = (node.commands ?? []).map(convert);
      return items.length === 1 ? items[0]! : { type: 'sequence', items };
    }
    case 'Command':
      return {
        type: 'command',
        words: [...(node.name ? [node.name.text] : []), ...wordsOf(node.suffix)],
        assignments: wordsOf(node.prefix).filter((word) => /^[A-Za-z_]\w*=/.test(word)),
        background: node.async === true,
      };
    case 'LogicalExpression':
      return { type: node.op === 'and' ? 'and' : 'or', left: convert(node.left!), right: convert(node.right!) };
    case 'Pipeline':
      return { type: 'pipeline', items: (node.commands ?? []).map(convert), negated: node.bang === true };
    case 'Subshell':
      return { type: 'subshell', body: node.list ? convert(node.list) : { type: 'sequence', items: [] } };
    default:
      return { type: 'compound' };
  }
}

/** The words of a prefix or suffix, without redirections (`2>&1`, `> out.txt`). */
function wordsOf(parts: Array<BashWord | BashNode> | undefined): string[] {
  return (parts ?? []).filter((part): part is BashWord => part.type === 'Word' || part.type === 'AssignmentWord').map((part) => part.text);
}

/** Every simple command in the tree, in order. */
export function shellCommands(node: ShellNode): Array<Extract<ShellNode, { type: 'command' }>> {
  switch (node.type) {
    case 'command':
      return [node];
    case 'and':
    case 'or':
      return [...shellCommands(node.left), ...shellCommands(node.right)];
    case 'sequence':
    case 'pipeline':
      return node.items.flatMap(shellCommands);
    case 'subshell':
      return shellCommands(node.body);
    default:
      return [];
  }
}
