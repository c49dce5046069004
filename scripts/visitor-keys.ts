// Writes src/test-existence/visitor-keys.json: the child keys per node type of the trees the gate
// reads. They are ESTree trees, from oxc or from babel's estree plugin: oxc's table, and babel's for
// what only babel parses (Flow). The gate walks trees with this table instead of bundling both
// packages' tables; test/test-existence/visitor-keys.test.ts fails when an upgrade changes it.
// Usage: node scripts/visitor-keys.ts
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { VISITOR_KEYS } from '@babel/types';
import { visitorKeys as oxcKeys } from 'oxc-parser';

export function visitorKeysJson(): string {
  const keys: Record<string, readonly string[]> = { ...VISITOR_KEYS, ...oxcKeys };
  const sorted = Object.fromEntries(Object.entries(keys).sort(([a], [b]) => a.localeCompare(b)));
  return `${JSON.stringify(sorted, null, 1)}\n`;
}

if (import.meta.filename === process.argv[1]) {
  writeFileSync(path.resolve(import.meta.dirname, '../src/test-existence/visitor-keys.json'), visitorKeysJson());
  console.log('wrote src/test-existence/visitor-keys.json');
}
