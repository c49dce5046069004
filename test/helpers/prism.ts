import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';

const PRISM = path.resolve('node_modules/.bin/prism');

/** One request as the recording proxy saw it. */
export interface Recorded {
  method: string;
  url: string;
  status: number;
  violations?: string;
  /** Why the proxy answered 502 itself: Prism could not be reached, even after its restart. */
  error?: string;
}

export interface PrismMock {
  url: string;
  recorded: Recorded[];
  /** The process id of the Prism now serving (tests kill it to prove the restart). */
  pid: () => number | undefined;
  stop: () => Promise<void>;
}

interface PrismProcess {
  port: number;
  child: ChildProcess;
  exited: Promise<void>;
  output: () => string;
}

/**
 * Prism serving `specFile` behind a recording proxy. Prism is started and waited for (its
 * "listening" line, no timer), with a second try if it cannot start. If it dies later under a busy
 * machine, it is restarted once and the request retried; a second death answers 502 with Prism's
 * last output (recorded as the request's `error`), so the test fails with the cause instead of timing out.
 */
export async function startPrism(givenSpecFile: string): Promise<PrismMock> {
  // Prism reads the description again when it restarts: its own copy lives until stop(), not until the caller's
  // temporary directory goes (tempDir removes it after the first test, while a Prism started in beforeAll serves the rest).
  const specDir = mkdtempSync(path.join(os.tmpdir(), 'rg-prism-'));
  const specFile = path.join(specDir, path.basename(givenSpecFile));
  copyFileSync(givenSpecFile, specFile);
  let restarts = 0;
  let stopping = false;
  // A second try at the start has a budget of its own: a slow first start must not use up the restart that a death later needs.
  let prism: PrismProcess;
  try {
    prism = await launch(specFile).catch(() => launch(specFile));
  } catch (error) {
    rmSync(specDir, { recursive: true, force: true });
    throw error;
  }

  // Requests that fail together share one restart; a failure of the restarted Prism is final.
  let restarting: Promise<void> | undefined;
  const restart = (failed: PrismProcess, cause: string): Promise<void> => {
    if (failed !== prism) return restarting ?? Promise.resolve();
    if (restarts >= 1) return Promise.reject(new Error(`Prism failed again after one restart (${cause}); its last output: ${prism.output().slice(-1500)}`));
    restarts += 1;
    restarting = (async () => {
      failed.child.kill('SIGKILL');
      await failed.exited;
      prism = await launch(specFile);
    })();
    return restarting;
  };

  const recorded: Recorded[] = [];
  const forward = async (request: IncomingMessage, body: Buffer | undefined, response: ServerResponse) => {
    const headers = Object.fromEntries(Object.entries(request.headers).filter(([key]) => key !== 'host' && key !== 'content-length')) as Record<string, string>;
    const ask = () => fetch(`http://127.0.0.1:${prism.port}${request.url}`, { method: request.method, headers, body });
    let upstream: Response;
    try {
      const serving = prism;
      try {
        upstream = await ask();
      } catch (error) {
        if (stopping) throw error;
        await restart(serving, `a request failed: ${(error as Error).message}`);
        upstream = await ask();
      }
    } catch (error) {
      recorded.push({ method: request.method!, url: request.url!, status: 502, error: (error as Error).message });
      response.writeHead(502, { 'content-type': 'application/json; charset=utf-8' });
      response.end(JSON.stringify({ message: (error as Error).message }));
      return;
    }
    const text = await upstream.text();
    recorded.push({ method: request.method!, url: request.url!, status: upstream.status, violations: upstream.headers.get('sl-violations') ?? undefined });
    // Prism labels its answer with the media type octokit asked for; GitHub always answers
    // application/json, and octokit only parses a body labelled so.
    response.writeHead(upstream.status, { 'content-type': 'application/json; charset=utf-8' });
    response.end(text);
  };
  const proxy: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => void forward(request, chunks.length ? Buffer.concat(chunks) : undefined, response));
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`,
    recorded,
    pid: () => prism.child.pid,
    stop: async () => {
      stopping = true;
      prism.child.kill();
      await prism.exited;
      proxy.closeAllConnections();
      await new Promise<void>((resolve) => proxy.close(() => resolve()));
      rmSync(specDir, { recursive: true, force: true });
    },
  };
}

/** Starts Prism on a free port and resolves once it says it listens; rejects if it exits first. */
async function launch(specFile: string): Promise<PrismProcess> {
  const port = await freePort();
  const child = spawn(PRISM, ['mock', '--host', '127.0.0.1', '--port', String(port), specFile], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (/Prism is listening/.test(output)) resolve();
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('error', reject);
    child.once('exit', (code, signal) => reject(new Error(`Prism exited (${signal ?? `code ${code}`}) before listening: ${output.slice(-1500)}`)));
  });
  return { port, child, exited, output: () => output };
}

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}
