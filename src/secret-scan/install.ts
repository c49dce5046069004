import { createHash } from 'node:crypto';
import { constants as fsConstants } from 'node:fs';
import { access, chmod, mkdir, open, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { ConfigurationError, EnvironmentError } from '../core/errors.js';
import { httpRequest, safeUrl } from '../core/http.js';
import type { Logger } from '../core/logger.js';
import { execFile } from '../core/exec.js';
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
  /** The CLI may fall back to the WebAssembly build when no release can be had; an action must not. */
  allowWasmFallback: boolean;
  platform?: string;
  arch?: string;
  /** Per attempt, for the checksums file: a mirror that does not answer fails within two of these. */
  probeTimeoutMs?: number;
  /** Per attempt, for the archive. */
  timeoutMs?: number;
}

/** A download or cache entry that does not verify: never replaced by another gitleaks. */
export class VerificationError extends EnvironmentError {}

/** A gitleaks run by the gate, and why that one. */
export interface ResolvedGitleaks extends GitleaksEngine {
  /** What `gitleaks version` says, for gitleaks-path binaries the gate did not verify. */
  reportedVersion?: string;
}

/**
 * Finds the gitleaks to run. `gitleaks-path` is the user's explicit choice and runs as it is. Any
 * other gitleaks must be the version `gitleaks-version` asks for: one on PATH is asked with
 * `gitleaks version`, a tool-cache entry or a download is verified by SHA-256. A binary refused on
 * the way is named in the error when nothing else can be had. The CLI, offline, may run the
 * WebAssembly build of the same version instead; a verification failure is always an error.
 */
export async function resolveGitleaks(options: ResolveGitleaksOptions): Promise<ResolvedGitleaks> {
  if (options.gitleaksPath) {
    const engine = await engineAtPath(path.resolve(options.cwd, options.gitleaksPath));
    return { ...engine, reportedVersion: await reportedVersion(engine) };
  }
  const refused: string[] = [];
  const platform = options.platform ?? process.platform;
  const onPath = await findOnPath(options.env, platform);
  if (onPath && (await isNodeScript(onPath))) {
    refused.push(`${onPath} on PATH is the WebAssembly build (a node script), which cannot run \`gitleaks git\``);
  } else if (onPath) {
    const engine: GitleaksEngine = { kind: 'native', command: onPath, prefixArgs: [], origin: `PATH (${onPath})` };
    const version = await reportedVersion(engine);
    if (sameVersion(version, options.version)) return { ...engine, origin: `PATH (${onPath}, version ${options.version})` };
    refused.push(`${onPath} on PATH reports ${version ? `version "${version}"` : 'no version'}, not gitleaks-version ${options.version}`);
  }
  for (const reason of refused) options.log.info(`not using ${reason}`);

  const arch = options.arch ?? process.arch;
  const asset = gitleaksAsset(options.version, platform, arch, String((process.config.variables as Record<string, unknown>).arm_version ?? ''));
  try {
    if (!asset) throw new EnvironmentError(`gitleaks publishes no build for ${platform}/${arch}; install gitleaks ${options.version} on PATH or set gitleaks-path`);
    return await cachedOrDownloaded(asset, options);
  } catch (error) {
    if (!(error instanceof EnvironmentError)) throw error;
    const wasm = options.allowWasmFallback && !(error instanceof VerificationError) ? await wasmFallback(options) : undefined;
    if (wasm) {
      options.log.warning(`${firstClause(error.message)}; using gitleaks ${options.version} compiled to WebAssembly (${wasm.prefixArgs[0]}) instead, which is slower`);
      return wasm;
    }
    if (!refused.length) throw error;
    const ErrorClass = error instanceof VerificationError ? VerificationError : EnvironmentError;
    throw new ErrorClass(`${firstClause(error.message)}, and ${refused.join('; ')}; install gitleaks ${options.version} or set gitleaks-path`, { cause: error });
  }
}

/** The first part of an error message, before its advice, to join it with another. */
function firstClause(message: string): string {
  return message.split(';', 1)[0]!;
}

function sameVersion(reported: string | undefined, wanted: string): boolean {
  return reported !== undefined && reported.replace(/^v/, '') === wanted.replace(/^v/, '');
}

/** `gitleaks version`'s answer (`v8.28.0`, or a distribution's placeholder), or undefined when it gives none. */
async function reportedVersion(engine: GitleaksEngine): Promise<string | undefined> {
  try {
    const result = await execFile(engine.command, [...engine.prefixArgs, 'version'], { timeoutMs: 30_000 });
    const text = result.stdout.trim().split('\n', 1)[0]?.trim();
    return result.exitCode === 0 && text ? text.slice(0, 80) : undefined;
  } catch {
    return undefined;
  }
}

/** The WebAssembly build that ships with readiness-gates, when it is the version asked for. */
async function wasmFallback(options: ResolveGitleaksOptions): Promise<ResolvedGitleaks | undefined> {
  const script = findWasmBuild(options.cwd);
  if (!script) return undefined;
  const engine: GitleaksEngine = { kind: 'wasm', command: process.execPath, prefixArgs: [script], origin: `WebAssembly build (${script})` };
  const version = await reportedVersion(engine);
  if (!sameVersion(version, options.version)) {
    options.log.info(`not falling back to the WebAssembly build: it is gitleaks ${version ?? '(unknown version)'}, not gitleaks-version ${options.version}`);
    return undefined;
  }
  return engine;
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
  if (await isNodeScript(file)) return { kind: 'wasm', command: process.execPath, prefixArgs: [file], origin: `gitleaks-path (${file}, the WebAssembly build)` };
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
  const archivePath = path.join(dir, asset.name);
  const checksumsPath = path.join(dir, checksumsFileName(options.version));
  if ((await exists(marker)) && !((await exists(archivePath)) && (await exists(checksumsPath)))) {
    // Another tool's entry in the same layout (setup actions cache the binary alone): it cannot be
    // verified, so it is not run; the verified download replaces it.
    options.log.info(`not using the tool cache entry ${dir}: it holds no archive and checksums to verify it by`);
  } else if (await exists(marker)) {
    await verifyCacheEntry(dir, binaryPath, asset, options.version);
    options.log.info(`gitleaks ${options.version} from the tool cache (${dir}), verified by SHA-256`);
    return { kind: 'native', command: binaryPath, prefixArgs: [], origin: `tool cache (${dir})` };
  }

  const base = `${options.releaseUrl}/v${options.version}`;
  options.log.info(`downloading gitleaks ${options.version} (${asset.name}) from ${safeUrl(base)}`);
  const checksums = await download(`${base}/${checksumsFileName(options.version)}`, options.probeTimeoutMs ?? PROBE_TIMEOUT_MS);
  // Checked before the archive is fetched: a mirror without the asset's checksum is useless.
  publishedHash(checksums.toString('utf8'), asset, options.version);
  const archive = await download(`${base}/${asset.name}`, options.timeoutMs ?? ARCHIVE_TIMEOUT_MS);
  verifyArchive(archive, asset, options.version, checksums.toString('utf8'), safeUrl(`${base}/${asset.name}`));
  const binary = await extractBinary(archive, asset);

  await rm(dir, { recursive: true, force: true });
  await rm(marker, { force: true });
  await mkdir(dir, { recursive: true });
  await writeFile(archivePath, archive);
  await writeFile(checksumsPath, checksums);
  // Written under a temporary name and renamed, so a concurrent job never runs half a binary.
  await writeFile(`${binaryPath}.partial`, binary);
  await chmod(`${binaryPath}.partial`, 0o755);
  await rename(`${binaryPath}.partial`, binaryPath);
  await writeFile(marker, '');
  return { kind: 'native', command: binaryPath, prefixArgs: [], origin: `download (${asset.name}, cached in ${dir})` };
}

/**
 * Two attempts each. The checksums file comes first with a short limit, so a mirror that does not
 * answer fails within ~20 s; the archive (tens of MB) then has a minute per attempt.
 */
const PROBE_TIMEOUT_MS = 10_000;
const ARCHIVE_TIMEOUT_MS = 60_000;

async function download(url: string, timeoutMs: number): Promise<Buffer> {
  const response = await httpRequest(url, { timeoutMs, retries: 1, service: 'the gitleaks release server', backoffMs: 250 });
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
    throw new VerificationError(`${checksumsFileName(version)} lists no ${asset.name}; the download cannot be verified (check gitleaks-version and gitleaks-release-url)`);
  }
  return published;
}

/** The archive must match the release's checksums file and, for the pinned release, the shipped table. */
function verifyArchive(archive: Buffer, asset: GitleaksAsset, version: string, checksums: string, source: string): void {
  const actual = sha256(archive);
  const published = publishedHash(checksums, asset, version);
  if (actual !== published) {
    throw new VerificationError(`${source} does not match ${checksumsFileName(version)} (SHA-256 ${actual}, expected ${published}); the download is damaged or tampered with`);
  }
  const known = version === PINNED_GITLEAKS_VERSION ? KNOWN_ARCHIVE_SHA256[asset.name] : undefined;
  if (known && actual !== known) {
    throw new VerificationError(`${source} does not match the SHA-256 readiness-gates ships for gitleaks ${version} (${actual}, expected ${known}); the release or the mirror was tampered with`);
  }
}

async function extractBinary(archive: Buffer, asset: GitleaksAsset): Promise<Buffer> {
  try {
    return await readArchiveMember(archive, asset.format, asset.binary);
  } catch (error) {
    throw new VerificationError(`${asset.name} cannot be extracted: ${(error as Error).message}`, { cause: error });
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
    throw new VerificationError(`the tool cache entry ${dir} is incomplete and cannot be verified; ${fix}`);
  }
  verifyArchive(archive, asset, version, checksums, `the cached ${asset.name}`);
  if (!(await extractBinary(archive, asset)).equals(binary)) {
    throw new VerificationError(`the cached gitleaks binary in ${dir} differs from its verified archive (tampered with?); ${fix}`);
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
