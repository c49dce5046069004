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
