import { describe, expect, it } from 'vitest';
import { parseShell, shellCommands } from '../../src/core/shell.js';

describe('parseShell', () => {
  it('reads sequences, pipes, subshells and assignments, and refuses what the shell refuses', () => {
    expect(parseShell('FOO=1 jest --ci 2>&1 | tee out; (a || b)')).toEqual({
      type: 'sequence',
      items: [
        { type: 'pipeline', negated: false, items: [{ type: 'command', words: ['jest', '--ci'], assignments: ['FOO=1'], background: false }, { type: 'command', words: ['tee', 'out'], assignments: [], background: false }] },
        { type: 'subshell', body: { type: 'or', left: { type: 'command', words: ['a'], assignments: [], background: false }, right: { type: 'command', words: ['b'], assignments: [], background: false } } },
      ],
    });
    expect(parseShell('jest ||')).toBeUndefined();
  });

  it('reads a line of plain words joined by && and || as the parser does: left to right, assignments first', () => {
    const command = (words: string[], assignments: string[] = []) => ({ type: 'command', words, assignments, background: false });
    expect(parseShell('NODE_ENV=test CI=1 yarn build:ts --out=dist && node ./check.js||echo failed')).toEqual({
      type: 'or',
      left: { type: 'and', left: command(['yarn', 'build:ts', '--out=dist'], ['NODE_ENV=test', 'CI=1']), right: command(['node', './check.js']) },
      right: command(['echo', 'failed']),
    });
    expect(parseShell('  jest src/*.test.js\t--ci ')).toEqual(command(['jest', 'src/*.test.js', '--ci']));
    expect(parseShell('cross-env NODE_ENV=test jest')).toEqual(command(['cross-env', 'NODE_ENV=test', 'jest']));
    expect(parseShell('FOO=1')).toEqual(command([], ['FOO=1']));
    // Control flow and unfinished lines are the parser's to read, or refuse.
    expect(parseShell('while true')).toBeUndefined();
    expect(parseShell('FOO=1 if true')).toEqual(command(['if', 'true'], ['FOO=1']));
    expect(parseShell('jest && ')).toBeUndefined();
    expect(parseShell('&& jest')).toBeUndefined();
  });
});

describe('shellCommands', () => {
  it('lists every simple command, in order, through lists, pipes, subshells and logical operators', () => {
    const tree = parseShell('a && (b | c); d; e &');
    expect(tree && shellCommands(tree).map((command) => `${command.words.join(' ')}${command.background ? ' &' : ''}`)).toEqual(['a', 'b', 'c', 'd', 'e &']);
  });

  it('keeps control flow as one compound node, with no commands read from it', () => {
    const tree = parseShell('if true; then jest; fi');
    expect(tree).toEqual({ type: 'compound' });
  });
});
