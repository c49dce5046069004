import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { RepositoryAccessError, RepositoryApi } from '../../src/branch-protection/api.js';
import { createGitHubClient } from '../../src/core/github.js';
import { silentLogger } from '../../src/core/logger.js';

let server: Server | undefined;
afterEach(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

/** Answers 502 to the first `failures` requests, then 200; stamps when each write arrived. */
async function flakyApi(failures: number): Promise<{ url: string; writes: number[] }> {
  const writes: number[] = [];
  let seen = 0;
  server = createServer((request, response) => {
    seen += 1;
    if (request.method !== 'GET') writes.push(Date.now());
    response.writeHead(seen <= failures ? 502 : 200, { 'content-type': 'application/json' });
    response.end('{}');
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server!.address() as AddressInfo).port}`, writes };
}

describe('createGitHubClient additions for request budgets', () => {
  it('reports every HTTP request sent, retries included', async () => {
    const api = await flakyApi(1);
    const sent: string[] = [];
    const client = createGitHubClient({ token: 't', env: { GITHUB_API_URL: api.url }, log: silentLogger, retries: 2, onRequest: ({ method, url }) => sent.push(`${method} ${url}`) });
    await client.request('GET /repos/{owner}/{repo}', { owner: 'o', repo: 'r' });
    expect(sent).toEqual([`GET ${api.url}/repos/o/r`, `GET ${api.url}/repos/o/r`]);
  });

  it('spaces writes by RG_GITHUB_WRITE_INTERVAL_MS and rejects a value that is not a number', async () => {
    const api = await flakyApi(0);
    const client = createGitHubClient({ token: 't', env: { GITHUB_API_URL: api.url, RG_GITHUB_WRITE_INTERVAL_MS: '150' }, log: silentLogger });
    await Promise.all([1, 2, 3].map((index) => client.request('PUT /repos/{owner}/{repo}/topics', { owner: 'o', repo: `r${index}`, names: [] })));
    expect(api.writes).toHaveLength(3);
    // Two gaps of 150 ms (timers may fire a little early), far below the default second apart.
    expect(api.writes[2]! - api.writes[0]!).toBeGreaterThanOrEqual(250);
    expect(api.writes[2]! - api.writes[0]!).toBeLessThan(1500);
    expect(() => createGitHubClient({ token: 't', env: { RG_GITHUB_WRITE_INTERVAL_MS: 'fast' }, log: silentLogger })).toThrow('RG_GITHUB_WRITE_INTERVAL_MS: "fast" is not a whole number of milliseconds');
  });
});

describe('RepositoryApi', () => {
  it('tells an API it cannot reach from one that answered', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(closed.address() as AddressInfo).port}`;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const client = createGitHubClient({ token: 't', env: { GITHUB_API_URL: url }, log: silentLogger, retries: 0 });
    const failure = await new RepositoryApi(client, 'o/r').readClassicProtection('main').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(RepositoryAccessError);
    expect(failure).toMatchObject({ rule: 'access/unreachable', message: expect.stringMatching(/^o\/r: GitHub could not be reached to read the protection of main \(.*\); check GITHUB_API_URL and the network$/) });
  });
});
