import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderConfigReference } from '../../scripts/config-reference.ts';
import { ROOT } from '../helpers/action-runner.js';

describe('docs/configuration.md', () => {
  it('is what the schema and the action.yml files say (regenerate with `node scripts/config-reference.ts`)', () => {
    expect(readFileSync(path.join(ROOT, 'docs/configuration.md'), 'utf8')).toBe(renderConfigReference(ROOT));
  });

  it('lists every gate setting with its flag', () => {
    const reference = renderConfigReference(ROOT);
    expect(reference).toContain('| `fail-on` | `low` \\| `moderate` \\| `high` \\| `critical` | `"high"` | `--fail-on` |');
    expect(reference).toContain('| `allow` | list of mapping |  | config only |');
  });
});
