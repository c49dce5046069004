import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';

/** An advisory in the shape the registry's bulk endpoint answers with. */
export interface BulkAdvisory {
  id: number;
  url: string;
  title: string;
  severity: 'info' | 'low' | 'moderate' | 'high' | 'critical';
  vulnerable_versions: string;
  cwe: string[];
  cvss: { score: number; vectorString: string | null };
}

export interface RecordedRequest {
  headers: IncomingHttpHeaders;
  gzipped: boolean;
  body: Record<string, string[]>;
}

export interface AdvisoryServerOptions {
  /** Answer every bulk request with this status (and no advisories). */
  status?: number;
  /** Answer with this body instead of the advisories, e.g. to test unknown shapes. */
  rawAnswer?: string;
  /** Require `authorization: Bearer <token>`; answer 401 otherwise. */
  token?: string;
  /** Extra response headers for the status answer, e.g. retry-after. */
  headers?: Record<string, string>;
  /** Serve https with this key and certificate (on 127.0.0.1). */
  tls?: { key: string; cert: string };
}

export interface AdvisoryServer {
  /** Registry base URL, with a trailing slash. */
  url: string;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

/**
 * A loopback registry serving the bulk advisory endpoint as the public one does: it reads a
 * (gzipped) `{name: [versions]}` body and answers `{name: [advisory…]}` for the names it knows.
 * It answers every advisory of a requested name, whether or not its range covers the requested
 * versions, so the range check is the client's. Everything else (packuments) is 404.
 */
export async function startAdvisoryServer(advisories: Record<string, BulkAdvisory[]>, options: AdvisoryServerOptions = {}): Promise<AdvisoryServer> {
  const requests: RecordedRequest[] = [];
  const handler = (request: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      if (request.method !== 'POST' || request.url !== '/-/npm/v1/security/advisories/bulk') {
        response.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"Not found"}');
        return;
      }
      const gzipped = request.headers['content-encoding'] === 'gzip';
      const raw = Buffer.concat(chunks);
      const body = JSON.parse((gzipped ? gunzipSync(raw) : raw).toString('utf8')) as Record<string, string[]>;
      requests.push({ headers: request.headers, gzipped, body });
      if (options.token !== undefined && request.headers.authorization !== `Bearer ${options.token}`) {
        response.writeHead(401, { 'content-type': 'application/json' }).end('{"error":"unauthorized"}');
        return;
      }
      if (options.status !== undefined) {
        response.writeHead(options.status, { 'content-type': 'application/json', ...options.headers }).end('{"error":"unavailable"}');
        return;
      }
      const answer = options.rawAnswer ?? JSON.stringify(Object.fromEntries(Object.keys(body).filter((name) => advisories[name]).map((name) => [name, advisories[name]])));
      response.writeHead(200, { 'content-type': 'application/json' }).end(answer);
    });
  };
  const server = options.tls ? createTlsServer(options.tls, handler) : createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `${options.tls ? 'https' : 'http'}://127.0.0.1:${port}/`,
    requests,
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}

function advisory(id: number, ghsa: string, title: string, severity: BulkAdvisory['severity'], range: string, cwe: string): BulkAdvisory {
  return { id, url: `https://github.com/advisories/${ghsa}`, title, severity, vulnerable_versions: range, cwe: [cwe], cvss: { score: 5.3, vectorString: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:L' } };
}

/**
 * Advisories for the fixture dependency set, with real ids and ranges. Some match the installed
 * versions (debug@2.6.8, both semvers, minimist, lodash); some do not (debug 4.x, ms, an old lodash one).
 */
export const FIXTURE_ADVISORIES: Record<string, BulkAdvisory[]> = {
  debug: [
    advisory(1096348, 'GHSA-gxpj-cx7g-858c', 'Regular Expression Denial of Service in debug', 'low', '<2.6.9 || >=3.0.0 <3.1.0', 'CWE-400'),
    advisory(1094219, 'GHSA-9vvw-cc9w-f27h', 'debug Inefficient Regular Expression Complexity vulnerability', 'high', '>=4.0.0 <4.3.1', 'CWE-1333'),
  ],
  ms: [advisory(1094419, 'GHSA-w9mr-4mfr-499f', 'Vercel ms Inefficient Regular Expression Complexity vulnerability', 'moderate', '<2.0.0', 'CWE-1333')],
  semver: [advisory(1101088, 'GHSA-c2qf-rxjj-qqgw', 'semver vulnerable to Regular Expression Denial of Service', 'high', '<5.7.2 || >=6.0.0 <6.3.1 || >=7.0.0 <7.5.2', 'CWE-1333')],
  minimist: [
    advisory(1097677, 'GHSA-xvch-5gv4-984h', 'Prototype Pollution in minimist', 'critical', '<0.2.4 || >=1.0.0 <1.2.6', 'CWE-1321'),
    advisory(1096693, 'GHSA-vh95-rmgr-6w4m', 'Prototype Pollution in minimist', 'moderate', '<0.2.1 || >=1.0.0 <1.2.3', 'CWE-1321'),
  ],
  lodash: [
    advisory(1106913, 'GHSA-35jh-r3h4-6jhm', 'Command Injection in lodash', 'high', '<4.17.21', 'CWE-77'),
    advisory(1106914, 'GHSA-p6mc-m468-83gw', 'Prototype Pollution in lodash', 'high', '>=3.7.0 <4.17.19', 'CWE-1321'),
  ],
};

/**
 * For the local set (project-local/): the fixture advisories, and qs (a dependency of the local
 * tarball, so prod). inherits has none: a package without advisories is still asked about.
 */
export const LOCAL_SET_ADVISORIES: Record<string, BulkAdvisory[]> = {
  ...FIXTURE_ADVISORIES,
  qs: [advisory(1104042, 'GHSA-hrpp-h998-j3pp', 'qs vulnerable to Prototype Pollution', 'high', '<6.2.4 || >=6.3.0 <6.3.3 || >=6.4.0 <6.4.1 || >=6.5.0 <6.5.3 || >=6.6.0 <6.6.1', 'CWE-1321')],
};
