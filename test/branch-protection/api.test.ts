import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { RepositoryAccessError, RepositoryApi } from '../../src/branch-protection/api.js';
import { createGitHubClient } from '../../src/core/github.js';
import { silentLogger } from '../../src/core/logger.js';

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
