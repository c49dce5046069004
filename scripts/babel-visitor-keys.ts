// Writes src/test-existence/visitor-keys.json: babel's child keys per node type. The gate walks
// syntax trees with this table instead of bundling @babel/types (which would double the size of
// its bundle); test/test-existence/visitor-keys.test.ts fails when a babel upgrade changes it.
// Usage: node scripts/babel-visitor-keys.ts
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { VISITOR_KEYS } from '@babel/types';

export function visitorKeysJson(): string {
  const sorted = Object.fromEntries(Object.entries(VISITOR_KEYS).sort(([a], [b]) => a.localeCompare(b)));
  return `${JSON.stringify(sorted, null, 1)}\n`;
}

if (import.meta.filename === process.argv[1]) {
  writeFileSync(path.resolve(import.meta.dirname, '../src/test-existence/visitor-keys.json'), visitorKeysJson());
  console.log('wrote src/test-existence/visitor-keys.json');
}
