import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { readEventContext, requireToken, resolveToken } from '../../src/core/github-context.js';
import { createGitHubClient } from '../../src/core/github.js';
import { silentLogger, type Logger } from '../../src/core/logger.js';
import { tempDir } from '../helpers/temp.js';

let server: Server | undefined;
afterEach(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

/** A loopback API that answers each request with the next queued response. */
async function fakeApi(responses: Array<{ status: number; body: unknown; headers?: Record<string, string> }>): Promise<{ url: string; requests: IncomingMessage[]; arrivals: number[] }> {
  const requests: IncomingMessage[] = [];
  const arrivals: number[] = [];
  server = createServer((request, response) => {
    requests.push(request);
    arrivals.push(performance.now());
    const next = responses.shift() ?? { status: 500, body: { message: 'no more responses' } };
    response.writeHead(next.status, { 'content-type': 'application/json', ...next.headers });
    response.end(JSON.stringify(next.body));
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server!.address() as AddressInfo).port}`, requests, arrivals };
}

describe('token resolution', () => {
  it('prefers the input, then GITHUB_TOKEN, then GH_TOKEN', () => {
    expect(resolveToken('from-input', { GITHUB_TOKEN: 'a', GH_TOKEN: 'b' })).toBe('from-input');
    expect(resolveToken('', { GITHUB_TOKEN: 'a', GH_TOKEN: 'b' })).toBe('a');
    expect(resolveToken(undefined, { GH_TOKEN: 'b' })).toBe('b');
    expect(resolveToken('  ', {})).toBeUndefined();
  });

  it('names the token input when none is there', () => {
    expect(() => requireToken(undefined, 'branch protection')).toThrow('no GitHub token for branch protection; set the `token` input (or GITHUB_TOKEN / GH_TOKEN for the CLI)');
  });
});

describe('createGitHubClient', () => {
  it('talks to GITHUB_API_URL (GHES) with the token and masks it', async () => {
    const api = await fakeApi([{ status: 200, body: { full_name: 'o/r' } }]);
    const secrets: string[] = [];
    const log: Logger = { ...silentLogger, secret: (value) => secrets.push(value) };
    const client = createGitHubClient({ token: 'ghs_testtoken123', env: { GITHUB_API_URL: `${api.url}/api/v3/` }, log });
    const { data } = await client.rest.repos.get({ owner: 'o', repo: 'r' });
    expect(data.full_name).toBe('o/r');
    expect(api.requests[0]!.url).toBe('/api/v3/repos/o/r');
    expect(api.requests[0]!.headers.authorization).toBe('token ghs_testtoken123');
    expect(secrets).toEqual(['ghs_testtoken123']);
  });

  it('retries a server error and then succeeds', async () => {
    const api = await fakeApi([
      { status: 502, body: { message: 'bad gateway' } },
      { status: 200, body: { full_name: 'o/r' } },
    ]);
    const client = createGitHubClient({ token: 't', env: { GITHUB_API_URL: api.url }, log: silentLogger, retries: 2 });
    const { data } = await client.rest.repos.get({ owner: 'o', repo: 'r' });
    expect(data.full_name).toBe('o/r');
    expect(api.requests).toHaveLength(2);
  });

  it('waits out a rate limit that says when to retry', async () => {
    const warnings: string[] = [];
    const api = await fakeApi([
      { status: 403, body: { message: 'API rate limit exceeded' }, headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(Math.floor(Date.now() / 1000)) } },
      { status: 200, body: { full_name: 'o/r' } },
    ]);
    const client = createGitHubClient({ token: 't', env: { GITHUB_API_URL: api.url }, log: { ...silentLogger, warning: (message) => warnings.push(message) } });
    await client.rest.repos.get({ owner: 'o', repo: 'r' });
    expect(api.requests).toHaveLength(2);
    expect(warnings[0]).toMatch(/^rate limit reached for GET \/repos\/\{owner\}\/\{repo\}/);
  });
});

describe('429 answers', () => {
  it('waits as long as retry-after says, counting every attempt', async () => {
    const api = await fakeApi([
      { status: 429, body: { message: 'Too many requests' }, headers: { 'retry-after': '7' } },
      { status: 429, body: { message: 'Too many requests' } },
      { status: 200, body: { full_name: 'o/r' } },
    ]);
    const waits: number[] = [];
    const sent: string[] = [];
    const warnings: string[] = [];
    const client = createGitHubClient({ token: 't', env: { GITHUB_API_URL: api.url }, log: { ...silentLogger, warning: (message) => warnings.push(message) }, sleep: async (ms) => void waits.push(ms), onRequest: ({ method }) => sent.push(method) });
    const { data } = await client.rest.repos.get({ owner: 'o', repo: 'r' });
    expect(data.full_name).toBe('o/r');
    // retry-after: 7 is honoured; a bare 429 falls back to the second step of 1, 4, 9 s.
    expect(waits).toEqual([7000, 4000]);
    expect(sent).toHaveLength(3);
    expect(warnings[0]).toBe('too many requests (429) for GET /repos/o/r; retrying in 7s as GitHub asked');
  });

  it('gives up at once when retry-after exceeds what is left of the total wait', async () => {
    const api = await fakeApi([
      { status: 429, body: { message: 'Too many requests' }, headers: { 'retry-after': '30' } },
      { status: 429, body: { message: 'Too many requests' }, headers: { 'retry-after': '30' } },
    ]);
    const waits: number[] = [];
    const client = createGitHubClient({ token: 't', env: { GITHUB_API_URL: api.url }, log: silentLogger, maxRateLimitWaitSeconds: 40, sleep: async (ms) => void waits.push(ms) });
    await expect(client.rest.repos.get({ owner: 'o', repo: 'r' })).rejects.toMatchObject({ status: 429 });
    expect(waits).toEqual([30000]);
    expect(api.requests).toHaveLength(2);
  });

  it('does not wait out a primary limit whose reset lies past the budget', async () => {
    const api = await fakeApi([
      { status: 403, body: { message: 'API rate limit exceeded' }, headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 3600) } },
    ]);
    const client = createGitHubClient({ token: 't', env: { GITHUB_API_URL: api.url }, log: silentLogger, maxRateLimitWaitSeconds: 60 });
    await expect(client.rest.repos.get({ owner: 'o', repo: 'r' })).rejects.toMatchObject({ status: 403 });
    expect(api.requests).toHaveLength(1);
  });
});

describe('request budgets', () => {
  it('reports every HTTP request sent, retries included', async () => {
    const api = await fakeApi([
      { status: 502, body: {} },
      { status: 200, body: {} },
    ]);
    const sent: string[] = [];
    const client = createGitHubClient({ token: 't', env: { GITHUB_API_URL: api.url }, log: silentLogger, retries: 2, onRequest: ({ method, url }) => sent.push(`${method} ${url}`) });
    await client.request('GET /repos/{owner}/{repo}', { owner: 'o', repo: 'r' });
    expect(sent).toEqual([`GET ${api.url}/repos/o/r`, `GET ${api.url}/repos/o/r`]);
  });

  it('spaces writes by RG_GITHUB_WRITE_INTERVAL_MS and rejects a value that is not a number', async () => {
    const api = await fakeApi([1, 2, 3].map(() => ({ status: 200, body: {} })));
    const client = createGitHubClient({ token: 't', env: { GITHUB_API_URL: api.url, RG_GITHUB_WRITE_INTERVAL_MS: '400' }, log: silentLogger });
    await Promise.all([1, 2, 3].map((index) => client.request('PUT /repos/{owner}/{repo}/topics', { owner: 'o', repo: `r${index}`, names: [] })));
    // Unspaced, three writes land within a few milliseconds; spaced, two gaps of 400 ms. The
    // margin leaves room for timers and a loaded machine without accepting unspaced writes.
    expect(api.arrivals.at(-1)! - api.arrivals[0]!).toBeGreaterThan(500);
    expect(() => createGitHubClient({ token: 't', env: { RG_GITHUB_WRITE_INTERVAL_MS: 'fast' }, log: silentLogger })).toThrow('RG_GITHUB_WRITE_INTERVAL_MS: "fast" is not a whole number of milliseconds');
  });
});

describe('readEventContext', () => {
  it('reads the event payload the runner wrote', () => {
    const dir = tempDir({ 'event.json': JSON.stringify({ pull_request: { number: 7 } }) });
    const context = readEventContext({ GITHUB_EVENT_PATH: `${dir}/event.json`, GITHUB_EVENT_NAME: 'pull_request', GITHUB_REPOSITORY: 'o/r' });
    expect(context).toMatchObject({ eventName: 'pull_request', repository: 'o/r', payload: { pull_request: { number: 7 } } });
  });

  it('fails clearly on a payload that is not JSON', () => {
    const dir = tempDir({ 'event.json': '{' });
    expect(() => readEventContext({ GITHUB_EVENT_PATH: `${dir}/event.json` })).toThrow(/is not a readable JSON event payload/);
  });
});
