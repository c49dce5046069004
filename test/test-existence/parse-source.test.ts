import { describe, expect, it } from 'vitest';
import { parseSource } from '../../src/test-existence/ast.js';
import { nestingUnits } from '../../src/test-existence/native-stack.js';

// babel's estree plugin keeps its own `loc` on every node; oxc gives offsets only: which parser read the file.
const parser = (source: ReturnType<typeof parseSource>) => ('loc' in source.program ? 'babel' : 'oxc');

describe('parseSource', () => {
  const test = "it('adds', () => { expect(add(1, 2)).toBe(3) });\n";

  it('parses with oxc a file within the nesting units it is allowed, and with babel a larger one or by default', () => {
    const units = nestingUnits(test);
    expect(units).toBeLessThan(test.length);
    expect(parser(parseSource(test, 'a.test.js', units))).toBe('oxc');
    expect(parser(parseSource(test, 'a.test.js', units - 1))).toBe('babel');
    expect(parser(parseSource(test, 'a.test.js'))).toBe('babel');
  });

  it('leaves to babel what oxc does not read: Flow, with its pragma or without, and TypeScript in a .js file', () => {
    for (const code of [`// @flow\n${test}`, `const add = (a: number, b: number): number => a + b;\n${test}`, `const x = <T,>(a: T) => a as unknown;\n${test}`]) {
      const parsed = parseSource(code, 'a.test.js', Number.MAX_SAFE_INTEGER);
      expect(parser(parsed)).toBe('babel');
      expect(parsed.program.body.at(-1)?.type).toBe('ExpressionStatement');
    }
  });

  it('parses JSX in a .js, .mjs or .cjs file with oxc, as babel reads it, and a TypeScript file that mentions @flow', () => {
    const jsx = "it('renders', () => { expect(render(<Button label=\"ok\" />)).toBeTruthy(); });\n";
    for (const file of ['a.test.js', 'a.test.mjs', 'a.test.cjs', 'a.test.jsx']) {
      const parsed = parseSource(jsx, file, Number.MAX_SAFE_INTEGER);
      expect(parser(parsed), file).toBe('oxc');
      expect(JSON.stringify(parsed.program)).toContain('"JSXElement"');
    }
    const docblock = "it('reads', () => { expect(parse('/** @flow */')).toEqual({ flow: '' }); });\n";
    expect(parser(parseSource(docblock, 'docblock.test.ts', Number.MAX_SAFE_INTEGER))).toBe('oxc');
    expect(parser(parseSource(docblock, 'docblock.test.js', Number.MAX_SAFE_INTEGER))).toBe('babel');
  });

  it('gives the same tree from either parser, but for what the analysis does not read', () => {
    const code = "import { expect as e } from 'vitest';\nconst o = { a: 1, m() { return a?.b?.(); }, ['k']: /x/g, n: 1n };\nclass C { f = 1; static { init(); } #p() {} }\nit.each`a`('t %s', async ({ a }) => { await e(import('./m.js')).resolves.toBe(`v${a}`); });\n";
    // babel's positions and extras; the fields oxc sets to null where babel leaves them out; where a template's raw parts begin.
    const strip = (source: ReturnType<typeof parseSource>) =>
      JSON.parse(JSON.stringify(source.program, function (this: { type?: string }, key, value: unknown) {
        if (value === null || ['loc', 'range', 'extra', 'module'].includes(key) || (this.type === 'TemplateElement' && (key === 'start' || key === 'end'))) return undefined;
        return typeof value === 'bigint' || value instanceof RegExp ? String(value) : value;
      }));
    expect(strip(parseSource(code, 'a.test.ts', Number.MAX_SAFE_INTEGER))).toEqual(strip(parseSource(code, 'a.test.ts')));
  });
});
