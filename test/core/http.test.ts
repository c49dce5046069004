import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_DEADLINE_MS, DEFAULT_TIMEOUT_MS, httpRequest, safeUrl } from '../../src/core/http.js';

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

async function closeServer(): Promise<void> {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
}

/** The shared server, answering with `handler` once the request body is read. */
async function route(handler: (request: IncomingMessage, response: ServerResponse, body: string) => void): Promise<{ url: string }> {
  server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => handler(request, response, body));
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server!.address() as AddressInfo).port}` };
}

/** A second server of its own, for tests that need two origins or keep sockets open. */
async function startServer(handler: (request: IncomingMessage, response: ServerResponse) => void): Promise<{ url: string; close(): Promise<void>; destroy(): void }> {
  const own = createServer(handler);
  const sockets = new Set<import('node:net').Socket>();
  own.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => own.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(own.address() as AddressInfo).port}/`,
    close: () => new Promise<void>((resolve) => own.close(() => resolve())),
    destroy: () => sockets.forEach((socket) => socket.destroy()),
  };
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

  it('307 and 308 re-send the method and the body to the new location', async () => {
    for (const status of [307, 308]) {
      const api = await route((request, response, body) => {
        if (request.url === '/old') return void response.writeHead(status, { location: '/new' }).end();
        response.end(`${request.method} ${request.url} ${body}`);
      });
      const answer = await httpRequest(`${api.url}/old`, { method: 'POST', body: Buffer.from('{"ms":["2.0.0"]}') });
      expect(answer.body.toString()).toBe('POST /new {"ms":["2.0.0"]}');
      expect(answer.url).toBe(`${api.url}/new`);
      await closeServer();
    }
  });

  it('301 and 302 on a POST are an error naming the target and the setting to change; on a GET they are followed', async () => {
    const api = await route((request, response) => {
      if (request.url === '/old') return void response.writeHead(301, { location: '/moved/here' }).end();
      response.end(`${request.method} ${request.url}`);
    });
    await expect(httpRequest(`${api.url}/old`, { method: 'POST', body: 'x', service: 'the advisory endpoint', setting: '`registry`' })).rejects.toThrow(
      `the advisory endpoint at ${api.url}/old answered the POST with HTTP 301, a redirect to ${api.url}/moved/here that would drop the request body; set \`registry\` to the new address`,
    );
    expect((await httpRequest(`${api.url}/old`)).body.toString()).toBe('GET /moved/here');
  });

  it('never sends credentials on to another origin', async () => {
    const other = await startServer((request, response) => response.end(String(request.headers.authorization ?? 'none')));
    const api = await route((request, response) => response.writeHead(307, { location: `${other.url}/x` }).end());
    const answer = await httpRequest(`${api.url}/x`, { headers: { authorization: 'Bearer secret-token' } });
    expect(answer.body.toString()).toBe('none');
    await other.close();
  });

  it('a Retry-After longer than the deadline allows is not slept through: the 429 is answered at once', async () => {
    const api = await serve([429, 200], { 'retry-after': '3600' });
    const answer = await httpRequest(api.url, { retries: 3 });
    expect(answer.status).toBe(429);
    expect(api.hits()).toBe(1);
  });

  it('a server that accepts but never answers fails by the deadline, saying so', async () => {
    let connections = 0;
    const silent = await startServer(() => void (connections += 1));
    const started = performance.now();
    const error = await httpRequest(silent.url, { retries: 10, timeoutMs: 200, deadlineMs: 700, backoffMs: 1, service: 'the advisory endpoint' }).catch((caught: unknown) => caught as Error);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(/^the advisory endpoint at http:\/\/127\.0\.0\.1:\d+\/ could not be reached after \d attempts \(no answer within \d+ ms; deadline of 700 ms reached\); check that the server is up/);
    // Far fewer than the 11 attempts asked for: the deadline stopped them.
    expect(connections).toBeLessThan(6);
    expect(performance.now() - started).toBeLessThan(10_000);
    silent.destroy();
    await silent.close();
  });

  it('defaults fail a dead server within 30 s', () => {
    expect(DEFAULT_DEADLINE_MS).toBeLessThanOrEqual(30_000);
    expect(DEFAULT_TIMEOUT_MS).toBeLessThan(DEFAULT_DEADLINE_MS);
  });

  it('strips credentials and queries from URLs in messages', () => {
    expect(safeUrl('https://user:pass@registry.example.test/path?token=x')).toBe('https://registry.example.test/path');
  });
});
