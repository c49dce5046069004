import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPrism, type PrismMock } from '../helpers/prism.js';
import { tempDir } from '../helpers/temp.js';

const SPEC = {
  openapi: '3.0.3',
  info: { title: 'ping', version: '1' },
  paths: { '/ping': { get: { responses: { '200': { description: 'ok', content: { 'application/json': { schema: { type: 'object', properties: { ok: { type: 'boolean' } } }, example: { ok: true } } } } } } } },
};

/** Kills a process and waits until it is gone, without a timer: signal 0 probes it. */
async function killAndWait(pid: number): Promise<void> {
  process.kill(pid, 'SIGKILL');
  for (;;) {
    try {
      process.kill(pid, 0);
    } catch {
      return;
    }
    await new Promise((resolve) => setImmediate(resolve));
  }
}

describe('the Prism helper of the contract tests', () => {
  let mock: PrismMock;
  beforeAll(async () => {
    const file = path.join(tempDir(), 'ping.json');
    writeFileSync(file, JSON.stringify(SPEC));
    mock = await startPrism(file);
  }, 120_000);
  afterAll(async () => {
    await mock?.stop();
  });

  it('restarts Prism once when it dies, then fails with its output instead of hanging', async () => {
    expect((await fetch(`${mock.url}/ping`)).status).toBe(200);
    const first = mock.pid()!;
    await killAndWait(first);
    // the request that finds Prism dead is answered by a restarted one
    expect((await fetch(`${mock.url}/ping`)).status).toBe(200);
    expect(mock.pid()).not.toBe(first);
    await killAndWait(mock.pid()!);
    const failed = await fetch(`${mock.url}/ping`);
    expect(failed.status).toBe(502);
    expect(((await failed.json()) as { message: string }).message).toMatch(/^Prism failed again after one restart/);
  }, 120_000);
});

describe('a Prism started before the tests of a file', () => {
  let mock: PrismMock;
  let given: string;
  beforeAll(async () => {
    given = path.join(tempDir(), 'ping.json');
    writeFileSync(given, JSON.stringify(SPEC));
    mock = await startPrism(given);
  }, 120_000);
  afterAll(async () => {
    await mock?.stop();
  });

  it('serves the first test, after which the temporary directory of its description is removed', async () => {
    expect((await fetch(`${mock.url}/ping`)).status).toBe(200);
  });

  it('restarts from its own copy of the description in a later test', async () => {
    expect(existsSync(given)).toBe(false);
    const first = mock.pid()!;
    await killAndWait(first);
    expect((await fetch(`${mock.url}/ping`)).status).toBe(200);
    expect(mock.pid()).not.toBe(first);
  }, 120_000);
});
