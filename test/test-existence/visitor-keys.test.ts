import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { visitorKeysJson } from '../../scripts/visitor-keys.js';

describe('src/test-existence/visitor-keys.json', () => {
  it("is oxc's and babel's current table of child keys (regenerate with `node scripts/visitor-keys.ts`)", () => {
    const committed = readFileSync(path.resolve(import.meta.dirname, '../../src/test-existence/visitor-keys.json'), 'utf8');
    expect(committed).toBe(visitorKeysJson());
    expect(JSON.parse(committed).CallExpression).toEqual(expect.arrayContaining(['callee', 'arguments']));
  });
});
