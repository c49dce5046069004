import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { VENDORED_TARGETS, vendorOxcParser, VendorError } from '../../scripts/vendor-oxc-parser.mjs';
import { ROOT } from '../helpers/action-runner.js';
import { tempDir } from '../helpers/temp.js';

const { version } = JSON.parse(readFileSync(path.join(ROOT, 'node_modules/oxc-parser/package.json'), 'utf8')) as { version: string };
const sha512 = (bytes: Buffer) => `sha512-${createHash('sha512').update(bytes).digest('base64')}`;

/**
 * A project root as the bundle script sees it: the installed oxc-parser, a lockfile, and the
 * bindings' tarballs already in the cache — packed by npm from stand-ins, so that no test downloads.
 */
function project(): { root: string; cache: string; tarball: (target: string) => string } {
  const root = tempDir();
  const cache = path.join(root, 'node_modules/.cache/oxc-parser-bindings');
  mkdirSync(cache, { recursive: true });
  symlinkSync(path.join(ROOT, 'node_modules/oxc-parser'), path.join(root, 'node_modules/oxc-parser'), 'junction');
  const packages: Record<string, { version: string; integrity?: string }> = { 'node_modules/oxc-parser': { version } };
  const sources = VENDORED_TARGETS.map((target) => {
    const dir = path.join(root, 'stand-ins', target);
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: `@oxc-parser/binding-${target}`, version, main: `parser.${target}.node` }));
    writeFileSync(path.join(dir, 'README.md'), `binding for ${target}\n`);
    writeFileSync(path.join(dir, `parser.${target}.node`), `native code for ${target}\n`.repeat(200));
    return dir;
  });
  execFileSync('npm', ['pack', ...sources, '--pack-destination', cache, '--silent'], { cwd: root, shell: process.platform === 'win32' });
  const tarball = (target: string) => path.join(cache, `oxc-parser-binding-${target}-${version}.tgz`);
  for (const target of VENDORED_TARGETS) {
    packages[`node_modules/@oxc-parser/binding-${target}`] = { version, integrity: sha512(readFileSync(tarball(target))) };
  }
  writeFileSync(path.join(root, 'package-lock.json'), JSON.stringify({ lockfileVersion: 3, packages }));
  return { root, cache, tarball };
}

function lockfile(root: string) {
  return JSON.parse(readFileSync(path.join(root, 'package-lock.json'), 'utf8')) as { packages: Record<string, { version: string; integrity?: string }> };
}

function tree(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    files[path.relative(dir, file).split(path.sep).join('/')] = createHash('sha256').update(readFileSync(file)).digest('hex');
  }
  return files;
}

async function vendorError(root: string): Promise<VendorError> {
  const error: unknown = await vendorOxcParser(root).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(VendorError);
  expect((error as Error).message).not.toContain('\n');
  return error as VendorError;
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('vendoring oxc-parser into dist/oxc-parser/', () => {
  it('takes each binding out of its checked tarball, the wrapper and the licence, and lists every file in the manifest', async () => {
    const { root } = project();
    const out = path.join(root, 'dist/oxc-parser');
    mkdirSync(out, { recursive: true });
    writeFileSync(path.join(out, 'parser.linux-ia32-gnu.node'), 'left from an older build');
    await vendorOxcParser(root);
    for (const target of VENDORED_TARGETS) {
      expect(readFileSync(path.join(out, `parser.${target}.node`), 'utf8')).toBe(`native code for ${target}\n`.repeat(200));
    }
    expect(existsSync(path.join(out, 'parser.linux-ia32-gnu.node'))).toBe(false);
    expect(readFileSync(path.join(out, 'src-js/bindings.js'))).toEqual(readFileSync(path.join(ROOT, 'node_modules/oxc-parser/src-js/bindings.js')));
    expect(existsSync(path.join(out, 'src-js/generated/deserialize/ts.js'))).toBe(true);
    expect(existsSync(path.join(out, 'LICENSE'))).toBe(true);
    const manifest = JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8')) as { version: string; targets: string[]; files: Array<{ file: string; size: number; sha256: string }> };
    expect(manifest.version).toBe(version);
    expect(manifest.targets).toEqual(VENDORED_TARGETS);
    const { 'manifest.json': _manifest, ...vendored } = tree(out);
    expect(Object.fromEntries(manifest.files.map((entry) => [entry.file, entry.sha256]))).toEqual(vendored);
  });

  it('writes the same bytes on every run, from the cache', async () => {
    const { root } = project();
    await vendorOxcParser(root);
    const first = tree(path.join(root, 'dist/oxc-parser'));
    // No registry is reachable: the second run must not ask one.
    vi.stubEnv('npm_config_registry', 'http://127.0.0.1:9/');
    await vendorOxcParser(root);
    expect(tree(path.join(root, 'dist/oxc-parser'))).toEqual(first);
  });

  it('stops on a tarball that does not match the lockfile, removes it, and leaves dist as it was', async () => {
    const { root, tarball } = project();
    const lock = lockfile(root);
    lock.packages['node_modules/@oxc-parser/binding-darwin-arm64']!.integrity = sha512(Buffer.from('another tarball'));
    writeFileSync(path.join(root, 'package-lock.json'), JSON.stringify(lock));
    const error = await vendorError(root);
    expect(error.message).toMatch(new RegExp(`^@oxc-parser/binding-darwin-arm64@${version} does not match the integrity package-lock.json records for it`));
    expect(existsSync(tarball('darwin-arm64'))).toBe(false);
    expect(existsSync(path.join(root, 'dist/oxc-parser'))).toBe(false);
  });

  it('stops when the lockfile pins a binding at another version than oxc-parser, or none', async () => {
    const { root } = project();
    const lock = lockfile(root);
    lock.packages['node_modules/@oxc-parser/binding-win32-arm64-msvc']!.version = '0.1.0';
    delete lock.packages['node_modules/@oxc-parser/binding-linux-arm64-gnu'];
    writeFileSync(path.join(root, 'package-lock.json'), JSON.stringify(lock));
    expect((await vendorError(root)).message).toBe(`package-lock.json does not pin @oxc-parser/binding-linux-arm64-gnu@${version} with an integrity; run npm install to refresh it`);
  });

  it('names the package it could not download when the registry is unreachable', async () => {
    const { root, tarball } = project();
    rmSync(tarball('win32-x64-msvc'));
    const closed = createServer();
    const port = await new Promise<number>((resolve) => closed.listen(0, '127.0.0.1', () => resolve((closed.address() as { port: number }).port)));
    await new Promise((resolve) => closed.close(resolve));
    vi.stubEnv('npm_config_registry', `http://127.0.0.1:${port}/`);
    vi.stubEnv('npm_config_cache', tempDir());
    vi.stubEnv('npm_config_fetch_retries', '0');
    vi.stubEnv('npm_config_offline', 'false');
    expect((await vendorError(root)).message).toBe(`could not download @oxc-parser/binding-win32-x64-msvc@${version} (ECONNREFUSED); check the network and npm's registry setting`);
  });
});
