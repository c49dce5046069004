import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { scalarSettings } from '../../src/core/config.js';
import { COMMON_INPUTS } from '../../src/core/action.js';
import { GATE_NAMES } from '../../src/core/report.js';

const root = path.resolve(import.meta.dirname, '../..');

interface ActionMetadata {
  inputs: Record<string, { description: string; required?: boolean; default?: string }>;
  outputs: Record<string, { description: string; value?: string }>;
  runs: { using: string; main?: string; steps?: Array<{ run?: string; uses?: string }> };
}

function readAction(file: string): ActionMetadata {
  return parse(readFileSync(path.join(root, file), 'utf8')) as ActionMetadata;
}

describe.each(GATE_NAMES)('actions/%s/action.yml', (gate) => {
  const action = readAction(`actions/${gate}/action.yml`);

  it('runs its bundle on node24', () => {
    expect(action.runs.using).toBe('node24');
    expect(action.runs.main).toBe(`../../dist/${gate}/index.js`);
    expect(existsSync(path.join(root, 'actions', gate, action.runs.main!))).toBe(true);
  });

  it('has one input per setting of the gate, named as in the config file', () => {
    const settings = scalarSettings(gate).map((setting) => setting.key).filter((key) => key !== 'enabled');
    expect(Object.keys(action.inputs).sort()).toEqual([...COMMON_INPUTS, ...settings].sort());
  });

  it('documents every input and its default, without a default the runner would pass as if given', () => {
    const defaults = new Map(scalarSettings(gate).map((setting) => [setting.key, setting.schema.default]));
    for (const [name, input] of Object.entries(action.inputs)) {
      expect(input.description, name).toBeTruthy();
      expect(input.default, name).toBeUndefined();
      const fallback = defaults.get(name);
      if (fallback !== undefined && !(Array.isArray(fallback) && fallback.length === 0)) expect(input.description, name).toContain(`Default: ${String(fallback)}.`);
    }
  });

  it('documents the outputs every gate sets', () => {
    for (const output of ['status', 'findings', 'errors', 'warnings', 'notices', 'report-path', 'sarif-path']) expect(action.outputs[output], output).toBeDefined();
  });
});

describe('action.yml (all gates)', () => {
  const action = readAction('action.yml');

  it('is a composite that runs the all-gates bundle and can upload SARIF', () => {
    expect(action.runs.using).toBe('composite');
    expect(action.runs.steps?.[0]?.run).toContain('dist/all/index.js');
    expect(existsSync(path.join(root, 'dist/all/index.js'))).toBe(true);
    expect(action.runs.steps?.some((step) => step.uses?.startsWith('github/codeql-action/upload-sarif@'))).toBe(true);
    expect(action.inputs['upload-sarif']?.default).toBe('false');
  });
});
