import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { httpRequest, safeUrl } from '../../src/core/http.js';

let server: Server | undefined;
afterEach(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

async function serve(statuses: number[], headers: Record<string, string> = {}): Promise<{ url: string; hits: () => number }> {
  let hits = 0;
  server = createServer((_request, response) => {
    const status = statuses[Math.min(hits, statuses.length - 1)]!;
    hits += 1;
    response.writeHead(status, headers);
    response.end(`status ${status}`);
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server!.address() as AddressInfo).port}/x`, hits: () => hits };
}

describe('httpRequest', () => {
  it('retries transient statuses and returns the final answer', async () => {
    const api = await serve([503, 502, 200]);
    const response = await httpRequest(api.url, { retries: 2, backoffMs: 1 });
    expect(response.status).toBe(200);
    expect(response.body.toString()).toBe('status 200');
    expect(api.hits()).toBe(3);
  });

  it('returns a client error at once for the caller to judge', async () => {
    const api = await serve([404]);
    expect((await httpRequest(api.url, { retries: 3, backoffMs: 1 })).status).toBe(404);
    expect(api.hits()).toBe(1);
  });

  it('honours Retry-After on 429', async () => {
    const api = await serve([429, 200], { 'retry-after': '0' });
    expect((await httpRequest(api.url, { retries: 1, backoffMs: 5000 })).status).toBe(200);
  });

  it('names the service and the URL when nothing answers', async () => {
    const api = await serve([200]);
    const url = api.url;
    await new Promise<void>((resolve) => server!.close(() => resolve()));
    server = undefined;
    await expect(httpRequest(`${url}?token=secret`, { retries: 1, backoffMs: 1, service: 'the advisory endpoint' })).rejects.toThrow(
      /^the advisory endpoint at http:\/\/127\.0\.0\.1:\d+\/x could not be reached after 2 attempts \(ECONNREFUSED\); check the URL/,
    );
  });

  it('strips credentials and queries from URLs in messages', () => {
    expect(safeUrl('https://user:pass@registry.example.test/path?token=x')).toBe('https://registry.example.test/path');
  });
});
