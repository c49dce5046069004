import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderConfigReference } from '../../scripts/config-reference.js';
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

describe('README examples', () => {
  it('copies every workflow snippet from a file under docs/examples (which the workflow tests lint)', async () => {
    const { readdirSync } = await import('node:fs');
    const examples = readdirSync(path.join(ROOT, 'docs/examples')).map((file) => readFileSync(path.join(ROOT, 'docs/examples', file), 'utf8'));
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const snippets = [...readme.matchAll(/```ya?ml\n([\s\S]*?)```/g)].map((match) => match[1]!).filter((snippet) => /^jobs:/m.test(snippet));
    expect(snippets.length).toBeGreaterThan(0);
    for (const snippet of snippets) expect(examples.some((example) => example.includes(snippet.trim())), snippet.split('\n', 1)[0]).toBe(true);
  });
});

describe('README config example', () => {
  it('is a valid config file', async () => {
    const { parseConfig } = await import('../../src/core/config.js');
    const schema = JSON.parse(readFileSync(path.join(ROOT, 'schema/readiness-gates.schema.json'), 'utf8')) as { $id: string };
    // The schema's $id is where editors and SchemaStore fetch it: the v1 tag of this repository.
    expect(schema.$id).toBe('https://raw.githubusercontent.com/readiness-gates/readiness-gates/v1/schema/readiness-gates.schema.json');
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const configs = [...readme.matchAll(/```ya?ml\n([\s\S]*?)```/g)].map((match) => match[1]!).filter((snippet) => snippet.includes(`$schema=${schema.$id}`));
    expect(configs).toHaveLength(1);
    expect(Object.keys(parseConfig(configs[0]!, 'README.md'))).toEqual(['secret-scan', 'audit', 'test-existence', 'branch-protection']);
  });
});
