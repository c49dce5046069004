import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { EnvironmentError } from '../../src/core/errors.js';
import { silentLogger } from '../../src/core/logger.js';
import { resolveGitleaks, type ResolveGitleaksOptions } from '../../src/secret-scan/install.js';
import { KNOWN_ARCHIVE_SHA256, PINNED_GITLEAKS_VERSION } from '../../src/secret-scan/release.js';
import { main } from '../../src/cli/main.js';
import { tempDir } from '../helpers/temp.js';
import { fakeTokens, gitRepo, WASM_GITLEAKS } from './helpers.js';

type Route = Buffer | ((request: IncomingMessage, response: ServerResponse) => void);

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

/** A release server on loopback; `requests` lists the paths it was asked for. */
async function releaseServer(routes: Record<string, Route>) {
  const requests: string[] = [];
  const server = createServer((request, response) => {
    requests.push(request.url ?? '');
    const route = routes[request.url ?? ''];
    if (route === undefined) {
      response.writeHead(404).end('Not Found');
    } else if (Buffer.isBuffer(route)) {
      response.writeHead(200, { 'content-type': 'application/octet-stream' }).end(route);
    } else {
      route(request, response);
    }
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/releases`, requests };
}

/** A directory holding a "gitleaks" whose `gitleaks version` says `version`. */
function fakeGitleaksDir(version: string): string {
  const bin = tempDir({ gitleaks: `#!/bin/sh\n[ "$1" = version ] && echo '${version}' && exit 0\nexit 3\n` });
  chmodSync(path.join(bin, 'gitleaks'), 0o755);
  return bin;
}

/** A "gitleaks" that runs the WebAssembly build, so a downloaded release really scans. */
function gitleaksScript(): string {
  return `#!/bin/sh\nexec "${process.execPath}" "${WASM_GITLEAKS}" "$@"\n`;
}

/** A release archive made by the real tar / zip tools. */
function releaseArchive(format: 'tar.gz' | 'zip', binaryName: string, content = gitleaksScript()): Buffer {
  const dir = tempDir({ [binaryName]: content, 'README.md': '# gitleaks\n', LICENSE: 'MIT\n' });
  chmodSync(path.join(dir, binaryName), 0o755);
  const out = path.join(tempDir(), `release.${format}`);
  if (format === 'zip') execFileSync('zip', ['-q', out, 'LICENSE', 'README.md', binaryName], { cwd: dir });
  else execFileSync('tar', ['-czf', out, '-C', dir, 'LICENSE', 'README.md', binaryName]);
  return readFileSync(out);
}

function sha256(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

function release(version: string, asset: string, archive: Buffer, listedHash = sha256(archive)): Record<string, Route> {
  return {
    [`/releases/v${version}/gitleaks_${version}_checksums.txt`]: Buffer.from(`${'0'.repeat(64)}  gitleaks_${version}_darwin_x64.tar.gz\n${listedHash}  ${asset}\n`),
    [`/releases/v${version}/${asset}`]: archive,
  };
}

function options(url: string, overrides: Partial<ResolveGitleaksOptions> = {}): ResolveGitleaksOptions {
  return {
    version: '8.99.0',
    releaseUrl: url,
    cwd: tempDir(),
    env: { RUNNER_TOOL_CACHE: tempDir(), PATH: '' },
    log: silentLogger,
    allowWasmFallback: false,
    platform: 'linux',
    arch: 'x64',
    timeoutMs: 5000,
    ...overrides,
  };
}

describe('gitleaks download, verification and tool cache (loopback release server)', () => {
  it('downloads the linux tar.gz, verifies it, caches it, and a warm cache downloads nothing', async () => {
    const archive = releaseArchive('tar.gz', 'gitleaks');
    const server = await releaseServer(release('8.99.0', 'gitleaks_8.99.0_linux_x64.tar.gz', archive));
    const settings = options(server.url);

    const engine = await resolveGitleaks(settings);
    const cacheDir = path.join(settings.env.RUNNER_TOOL_CACHE!, 'gitleaks', '8.99.0', 'x64');
    expect(engine).toMatchObject({ kind: 'native', command: path.join(cacheDir, 'gitleaks') });
    expect(readFileSync(engine.command, 'utf8')).toBe(gitleaksScript());
    expect(existsSync(`${cacheDir}.complete`)).toBe(true);
    expect(server.requests).toHaveLength(2);

    const warm = await resolveGitleaks(settings);
    expect(warm.command).toBe(engine.command);
    expect(warm.origin).toContain('tool cache');
    expect(server.requests).toHaveLength(2);
  });

  it('downloads the windows zip and extracts gitleaks.exe', async () => {
    const archive = releaseArchive('zip', 'gitleaks.exe', 'MZ not really a PE file');
    const server = await releaseServer(release('8.99.0', 'gitleaks_8.99.0_windows_arm64.zip', archive));
    const engine = await resolveGitleaks(options(server.url, { platform: 'win32', arch: 'arm64' }));
    expect(path.basename(engine.command)).toBe('gitleaks.exe');
    expect(readFileSync(engine.command, 'utf8')).toBe('MZ not really a PE file');
  });

  it.each([
    ['a checksum mismatch', { listed: 'f'.repeat(64) }, /does not match gitleaks_8\.99\.0_checksums\.txt/],
    ['an asset missing from the checksums', { asset: 'gitleaks_8.99.0_linux_arm64.tar.gz' }, /lists no gitleaks_8\.99\.0_linux_x64\.tar\.gz/],
    ['a 404', { version: '8.98.0' }, /failed with HTTP 404/],
  ])('fails on %s', async (_name, change: { listed?: string; asset?: string; version?: string }, message) => {
    const archive = releaseArchive('tar.gz', 'gitleaks');
    const server = await releaseServer(release(change.version ?? '8.99.0', change.asset ?? 'gitleaks_8.99.0_linux_x64.tar.gz', archive, change.listed));
    const settings = options(server.url);
    const failure = resolveGitleaks(settings);
    await expect(failure).rejects.toThrow(EnvironmentError);
    await expect(failure).rejects.toThrow(message);
    expect(existsSync(path.join(settings.env.RUNNER_TOOL_CACHE!, 'gitleaks', '8.99.0', 'x64.complete'))).toBe(false);
  });

  it('rejects an archive of the pinned release that matches its checksums file but not the shipped hashes', async () => {
    const asset = `gitleaks_${PINNED_GITLEAKS_VERSION}_linux_x64.tar.gz`;
    expect(KNOWN_ARCHIVE_SHA256[asset]).toMatch(/^[0-9a-f]{64}$/);
    const server = await releaseServer(release(PINNED_GITLEAKS_VERSION, asset, releaseArchive('tar.gz', 'gitleaks')));
    await expect(resolveGitleaks(options(server.url, { version: PINNED_GITLEAKS_VERSION }))).rejects.toThrow(/does not match the SHA-256 readiness-gates ships/);
  });

  it('fails on a truncated archive even when the checksums file vouches for it', async () => {
    const archive = releaseArchive('tar.gz', 'gitleaks', 'x'.repeat(200_000)).subarray(0, 300);
    const server = await releaseServer(release('8.99.0', 'gitleaks_8.99.0_linux_x64.tar.gz', archive));
    await expect(resolveGitleaks(options(server.url))).rejects.toThrow(/cannot be extracted: it is not a complete gzip file/);
  });

  it('fails on a transfer cut off mid-body and on a server that never answers', async () => {
    const archive = releaseArchive('tar.gz', 'gitleaks');
    const routes = release('8.99.0', 'gitleaks_8.99.0_linux_x64.tar.gz', archive);
    routes['/releases/v8.99.0/gitleaks_8.99.0_linux_x64.tar.gz'] = (_request, response) => {
      response.writeHead(200, { 'content-length': String(archive.length) });
      response.write(archive.subarray(0, 100));
      setTimeout(() => response.destroy(), 20);
    };
    const cut = await releaseServer(routes);
    await expect(resolveGitleaks(options(cut.url))).rejects.toThrow(/could not be reached after 2 attempts \(response body incomplete/);

    const silent = await releaseServer({ '/releases/v8.99.0/gitleaks_8.99.0_checksums.txt': () => {} });
    await expect(resolveGitleaks(options(silent.url, { probeTimeoutMs: 200 }))).rejects.toThrow(/could not be reached after 2 attempts \(no answer within 200 ms\)/);
  });

  it('re-verifies every cache hit: a tampered binary or archive is an error', async () => {
    const archive = releaseArchive('tar.gz', 'gitleaks');
    const server = await releaseServer(release('8.99.0', 'gitleaks_8.99.0_linux_x64.tar.gz', archive));
    const settings = options(server.url);
    const engine = await resolveGitleaks(settings);

    writeFileSync(engine.command, '#!/bin/sh\necho pwned\n');
    await expect(resolveGitleaks(settings)).rejects.toThrow(/differs from its verified archive/);

    writeFileSync(path.join(path.dirname(engine.command), 'gitleaks_8.99.0_linux_x64.tar.gz'), releaseArchive('tar.gz', 'gitleaks', 'evil'));
    await expect(resolveGitleaks(settings)).rejects.toThrow(/cached gitleaks_8\.99\.0_linux_x64\.tar\.gz does not match/);
    expect(server.requests).toHaveLength(2);
  });

  it('replaces a tool cache entry it cannot verify (another tool cached the binary alone) with the verified download', async () => {
    const archive = releaseArchive('tar.gz', 'gitleaks');
    const server = await releaseServer(release('8.99.0', 'gitleaks_8.99.0_linux_x64.tar.gz', archive));
    const settings = options(server.url);
    const dir = path.join(settings.env.RUNNER_TOOL_CACHE!, 'gitleaks', '8.99.0', 'x64');
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'gitleaks'), '#!/bin/sh\necho unverified\n');
    writeFileSync(`${dir}.complete`, '');
    const engine = await resolveGitleaks(settings);
    expect(engine.origin).toMatch(/^download/);
    expect(readFileSync(engine.command, 'utf8')).toBe(gitleaksScript());
    expect(server.requests).toHaveLength(2);
  });

  it('prefers gitleaks-path, then a PATH gitleaks of the wanted version, over the cache and a download', async () => {
    const bin = fakeGitleaksDir('v8.99.0');
    const server = await releaseServer({});
    expect(await resolveGitleaks(options(server.url, { env: { PATH: bin } }))).toMatchObject({ kind: 'native', command: path.join(bin, 'gitleaks') });
    expect(await resolveGitleaks(options(server.url, { env: { PATH: bin }, gitleaksPath: WASM_GITLEAKS }))).toMatchObject({ kind: 'wasm', prefixArgs: [WASM_GITLEAKS], reportedVersion: 'v8.28.0' });
    expect(server.requests).toEqual([]);
  });

  it('refuses a PATH gitleaks of another version and runs the verified download instead', async () => {
    const bin = fakeGitleaksDir('v8.16.0');
    const server = await releaseServer(release('8.99.0', 'gitleaks_8.99.0_linux_x64.tar.gz', releaseArchive('tar.gz', 'gitleaks')));
    const log: string[] = [];
    const engine = await resolveGitleaks(options(server.url, { env: { PATH: bin, RUNNER_TOOL_CACHE: tempDir() }, log: { ...silentLogger, info: (message) => log.push(message) } }));
    expect(engine.origin).toMatch(/^download/);
    expect(log.join('\n')).toContain(`not using ${path.join(bin, 'gitleaks')} on PATH reports version "v8.16.0", not gitleaks-version 8.99.0`);
  });

  it('names the refused PATH gitleaks and why when no verified one can be had', async () => {
    const bin = fakeGitleaksDir('version is set by build process');
    const server = await releaseServer({});
    const failure = resolveGitleaks(options(server.url, { env: { PATH: bin, RUNNER_TOOL_CACHE: tempDir() } }));
    await expect(failure).rejects.toThrow(EnvironmentError);
    await expect(failure).rejects.toThrow(
      `failed with HTTP 404, and ${path.join(bin, 'gitleaks')} on PATH reports version "version is set by build process", not gitleaks-version 8.99.0; install gitleaks 8.99.0 or set gitleaks-path`,
    );
  });

  it('recognises the WebAssembly build on PATH (as npm run puts it there) and does not run it as a native gitleaks', async () => {
    const bin = tempDir();
    symlinkSync(WASM_GITLEAKS, path.join(bin, 'gitleaks'));
    const server = await releaseServer({});
    const failure = resolveGitleaks(options(server.url, { env: { PATH: bin, RUNNER_TOOL_CACHE: tempDir() }, version: PINNED_GITLEAKS_VERSION }));
    await expect(failure).rejects.toThrow(/on PATH is the WebAssembly build \(a node script\), which cannot run `gitleaks git`/);
  });
});

describe('secret-scan end to end with a downloaded gitleaks', () => {
  async function cli(cwd: string, env: NodeJS.ProcessEnv, ...flags: string[]) {
    let stdout = '';
    let stderr = '';
    const code = await main(['secret-scan', '--scope', 'worktree', '--format', 'json', ...flags], { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), env, cwd });
    return { code, stdout, stderr };
  }

  it('scans with the release it downloaded, then with the cached one', async () => {
    const archive = releaseArchive('tar.gz', 'gitleaks');
    const server = await releaseServer(release('8.99.0', `gitleaks_8.99.0_${process.platform === 'darwin' ? 'darwin' : 'linux'}_${process.arch === 'arm64' ? 'arm64' : 'x64'}.tar.gz`, archive));
    const cwd = gitRepo({ 'src/slack.ts': `export const token = '${fakeTokens().slack}';\n` });
    const env = { PATH: path.dirname(process.execPath), RUNNER_TOOL_CACHE: tempDir() };
    const flags = ['--gitleaks-version', '8.99.0', '--gitleaks-release-url', server.url];

    const first = await cli(cwd, env, ...flags);
    expect(first.code).toBe(1);
    expect(JSON.parse(first.stdout).findings.map((finding: { rule: string }) => finding.rule)).toEqual(['slack-bot-token']);
    expect(first.stderr).toContain('downloading gitleaks 8.99.0');
    const second = await cli(cwd, env, ...flags);
    expect(second.stdout.replace(/"durationMs": \d+/, '')).toBe(first.stdout.replace(/"durationMs": \d+/, ''));
    expect(second.stderr).toContain('from the tool cache');
    expect(server.requests).toHaveLength(2);
  });

  it('falls back to the WebAssembly build in the CLI, saying so, when no release can be had', async () => {
    const server = await releaseServer({});
    const cwd = gitRepo({ 'src/slack.ts': `export const token = '${fakeTokens().slack}';\n` });
    const result = await cli(cwd, { PATH: '', RUNNER_TOOL_CACHE: tempDir() }, '--gitleaks-release-url', server.url);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/failed with HTTP 404; using gitleaks 8\.28\.0 compiled to WebAssembly/);
    expect(JSON.parse(result.stdout).findings.map((finding: { rule: string }) => finding.rule)).toEqual(['slack-bot-token']);
  });

  it('never swaps a failed verification for the WebAssembly build: exit 2 naming the mismatch', async () => {
    const asset = `gitleaks_${PINNED_GITLEAKS_VERSION}_${process.platform === 'darwin' ? 'darwin' : 'linux'}_${process.arch === 'arm64' ? 'arm64' : 'x64'}.tar.gz`;
    const server = await releaseServer(release(PINNED_GITLEAKS_VERSION, asset, releaseArchive('tar.gz', 'gitleaks'), 'f'.repeat(64)));
    const cwd = gitRepo({ 'src/slack.ts': `export const token = '${fakeTokens().slack}';\n` });
    const result = await cli(cwd, { PATH: '', RUNNER_TOOL_CACHE: tempDir() }, '--gitleaks-release-url', server.url);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/does not match gitleaks_[\d.]+_checksums\.txt/);
    expect(result.stderr).not.toMatch(/WebAssembly/);
  });

  it('never swaps versions: offline, a gitleaks-version other than the WebAssembly build is exit 2', async () => {
    const server = await releaseServer({});
    const cwd = gitRepo({ 'src/slack.ts': `export const token = '${fakeTokens().slack}';\n` });
    const result = await cli(cwd, { PATH: '', RUNNER_TOOL_CACHE: tempDir() }, '--gitleaks-release-url', server.url, '--gitleaks-version', '8.99.0');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('failed with HTTP 404');
    expect(result.stderr).toContain('not falling back to the WebAssembly build: it is gitleaks v8.28.0, not gitleaks-version 8.99.0');
    expect(JSON.parse(result.stdout).status).toBe('error');
  });

  it('resolves --gitleaks-path against the shell directory, not --cwd, and names it in the report', async () => {
    const repo = gitRepo({ 'src/slack.ts': `export const token = '${fakeTokens().slack}';\n` });
    const shellDir = path.dirname(path.dirname(WASM_GITLEAKS));
    let stdout = '';
    const code = await main(['secret-scan', '--scope', 'worktree', '--format', 'json', '--cwd', repo, '--gitleaks-path', 'bin/gitleaks'], {
      stdout: (text) => (stdout += text),
      stderr: () => {},
      env: { PATH: '' },
      cwd: shellDir,
    });
    expect(code).toBe(1);
    const findings = JSON.parse(stdout).findings as { rule: string; level: string; message: string }[];
    expect(findings.map((finding) => finding.rule)).toEqual(['slack-bot-token', 'gitleaks/explicit-path']);
    expect(findings[1]).toMatchObject({ level: 'notice', message: expect.stringContaining(`gitleaks-path (${WASM_GITLEAKS}, the WebAssembly build), reporting version "v8.28.0"`) });
  });
});
