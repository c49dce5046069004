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

/** A Prism serving SPEC for the tests of the calling describe, started before them from a description in a tempDir. */
function prismForTheseTests(): { mock: PrismMock; specFile: string } {
  const started = {} as { mock: PrismMock; specFile: string };
  beforeAll(async () => {
    started.specFile = path.join(tempDir(), 'ping.json');
    writeFileSync(started.specFile, JSON.stringify(SPEC));
    started.mock = await startPrism(started.specFile);
  }, 120_000);
  afterAll(async () => {
    await started.mock?.stop();
  });
  return started;
}

describe('the Prism helper of the contract tests', () => {
  const started = prismForTheseTests();

  it('restarts Prism once when it dies, then fails with its output instead of hanging', async () => {
    expect((await fetch(`${started.mock.url}/ping`)).status).toBe(200);
    const first = started.mock.pid()!;
    await killAndWait(first);
    // the request that finds Prism dead is answered by a restarted one
    expect((await fetch(`${started.mock.url}/ping`)).status).toBe(200);
    expect(started.mock.pid()).not.toBe(first);
    await killAndWait(started.mock.pid()!);
    const failed = await fetch(`${started.mock.url}/ping`);
    expect(failed.status).toBe(502);
    expect(((await failed.json()) as { message: string }).message).toMatch(/^Prism failed again after one restart/);
  }, 120_000);
});

describe('a Prism started before the tests of a file', () => {
  const started = prismForTheseTests();

  it('serves the first test, after which the temporary directory of its description is removed', async () => {
    expect((await fetch(`${started.mock.url}/ping`)).status).toBe(200);
  });

  it('restarts from its own copy of the description in a later test', async () => {
    expect(existsSync(started.specFile)).toBe(false);
    const first = started.mock.pid()!;
    await killAndWait(first);
    expect((await fetch(`${started.mock.url}/ping`)).status).toBe(200);
    expect(started.mock.pid()).not.toBe(first);
  }, 120_000);
});
