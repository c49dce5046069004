// The floor under the gate's time on a tree: Node's start, loading oxc and parsing the files listed
// in LIST, nothing else, on one thread. MODE `tree` builds the JavaScript tree the gate analyses
// (raw transfer, deserialized whole); `lazy-calls` leaves the tree in oxc's buffer and visits only
// the calls, reading each callee: what an analysis that touched calls alone would pay at least.
// Usage: node parse-only.mjs ROOT LIST MODE (run by tree.mjs with --floor)
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { experimentalGetLazyVisitor, parseSync } from 'oxc-parser';

const [root, list, mode] = process.argv.slice(2);
if (mode !== 'tree' && mode !== 'lazy-calls') throw new Error(`unknown mode ${mode}: tree or lazy-calls`);
const LazyVisitor = experimentalGetLazyVisitor();
let calls = 0;
const visitor = new LazyVisitor({
  CallExpression(node) {
    calls += node.callee.type === 'Identifier' ? 1 : 0;
  },
});
let statements = 0;
for (const file of readFileSync(list, 'utf8').split('\n').filter(Boolean)) {
  const code = readFileSync(path.join(root, file), 'utf8');
  if (mode === 'tree') {
    statements += parseSync(file, code, { sourceType: 'unambiguous', preserveParens: false, experimentalRawTransfer: true }).program.body.length;
  } else {
    const result = parseSync(file, code, { sourceType: 'unambiguous', experimentalLazy: true });
    result.visit(visitor);
    result.dispose();
  }
}
// Printed so that no work is left unused.
console.log(JSON.stringify({ statements, calls }));
