// Vendors oxc-parser into dist/oxc-parser/, once for every bundle: its JavaScript wrapper (ncc cannot
// bundle it: it requires its deserializers at run time) and a native binding per GitHub-hosted runner.
// npm installs only the host's binding: the others come from their packages at the version the
// lockfile pins, checked against the lockfile's integrity before anything is taken out of them.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { extract } from 'tar-stream';

/** The targets nativeTarget() in src/test-existence/oxc.ts picks (a test checks that they agree). */
export const VENDORED_TARGETS = ['linux-x64-gnu', 'linux-arm64-gnu', 'darwin-x64', 'darwin-arm64', 'win32-x64-msvc', 'win32-arm64-msvc'];

/** The wrapper's files that Node runs: the package's own list, less the browser and WebContainer entries and the types. */
const SKIPPED_WRAPPER_FILES = new Set(['src-js/wasm.js', 'src-js/webcontainer-fallback.cjs']);

export class VendorError extends Error {}

/** Writes dist/oxc-parser/ afresh: the wrapper, the bindings, oxc's licence and a manifest of every file, which it returns. */
export async function vendorOxcParser(root) {
  const lock = JSON.parse(readFileSync(path.join(root, 'package-lock.json'), 'utf8')).packages;
  const packageDir = path.join(root, 'node_modules', 'oxc-parser');
  const { version, files: published } = JSON.parse(readFileSync(path.join(packageDir, 'package.json'), 'utf8'));
  if (lock['node_modules/oxc-parser']?.version !== version) {
    throw new VendorError(`node_modules/oxc-parser is ${version}, the lockfile pins ${lock['node_modules/oxc-parser']?.version}; run npm ci`);
  }
  const out = path.join(root, 'dist', 'oxc-parser');
  const files = new Map();
  for (const file of published.filter((name) => /^src-js\/.*\.c?js$/.test(name) && !SKIPPED_WRAPPER_FILES.has(name)).sort()) {
    files.set(file, readFileSync(path.join(packageDir, file)));
  }
  files.set('LICENSE', readFileSync(path.join(packageDir, 'LICENSE')));
  // The wrapper is ES modules, as in its own package.
  files.set('package.json', Buffer.from(`${JSON.stringify({ type: 'module' })}\n`));
  for (const target of VENDORED_TARGETS) {
    const name = `@oxc-parser/binding-${target}`;
    const locked = lock[`node_modules/${name}`];
    if (locked?.version !== version || !locked.integrity) {
      throw new VendorError(`package-lock.json does not pin ${name}@${version} with an integrity; run npm install to refresh it`);
    }
    const tarball = await packedTarball(root, name, version, locked.integrity);
    const file = `parser.${target}.node`;
    files.set(file, await tarEntry(tarball, `package/${file}`, `${name}@${version}`));
  }
  const manifest = {
    version,
    targets: VENDORED_TARGETS,
    files: [...files].map(([file, bytes]) => ({ file, size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') })),
  };
  rmSync(out, { recursive: true, force: true });
  for (const [file, bytes] of files) {
    mkdirSync(path.dirname(path.join(out, file)), { recursive: true });
    writeFileSync(path.join(out, file), bytes);
  }
  writeFileSync(path.join(out, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

/** The package's tarball, from the cache under node_modules/.cache or else packed from the registry, once its integrity is checked. */
async function packedTarball(root, name, version, integrity) {
  const cache = path.join(root, 'node_modules', '.cache', 'oxc-parser-bindings');
  const cached = path.join(cache, `${name.slice(1).replace('/', '-')}-${version}.tgz`);
  if (!existsSync(cached)) {
    mkdirSync(cache, { recursive: true });
    try {
      await promisify(execFile)('npm', ['pack', `${name}@${version}`, '--pack-destination', cache], { cwd: cache, shell: process.platform === 'win32' });
    } catch (error) {
      // npm's code only (ECONNREFUSED, E404…): its other lines may hold a registry address with credentials.
      const code = /^npm (?:error|ERR!) code (\S+)/m.exec(String(error.stderr))?.[1] ?? 'npm pack failed';
      throw new VendorError(`could not download ${name}@${version} (${code}); check the network and npm's registry setting`);
    }
  }
  const tarball = readFileSync(cached);
  const [algorithm, expected] = integrity.split(/-(.*)/s);
  const actual = createHash(algorithm).update(tarball).digest('base64');
  if (actual !== expected) {
    rmSync(cached, { force: true });
    throw new VendorError(`${name}@${version} does not match the integrity package-lock.json records for it (${algorithm} ${actual}); the download was removed, run the bundle again`);
  }
  return tarball;
}

/** One regular file of a gzipped tar archive (an npm package), read with tar-stream. */
async function tarEntry(tarball, wanted, label) {
  const entries = extract();
  entries.end(gunzipSync(tarball));
  let found;
  for await (const entry of entries) {
    if (entry.header.name === wanted && entry.header.type === 'file') {
      const chunks = [];
      for await (const chunk of entry) chunks.push(chunk);
      found = Buffer.concat(chunks);
    } else entry.resume();
  }
  if (!found) throw new VendorError(`${label} holds no ${wanted}`);
  return found;
}
