// Bundles every entry point with ncc into dist/<entry>/ (committed; CI rebuilds and diffs).
// Usage: node scripts/bundle.mjs [entry…]
// dist/oxc-parser/ is shared by the entries and vendored first (scripts/vendor-oxc-parser.mjs).
import { execFile } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { minify } from 'terser';
import { vendorOxcParser, VendorError } from './vendor-oxc-parser.mjs';

const require = createRequire(import.meta.url);
const ncc = require('@vercel/ncc');

export const ENTRIES = ['cli', 'all', 'secret-scan', 'audit', 'test-existence', 'branch-protection', 'hygiene'];

const root = path.resolve(import.meta.dirname, '..');

// One compress pass: a second made the bundles 0.1% smaller for half again the time.
async function minifyModule(source) {
  return (await minify(source, { module: true, compress: true })).code;
}

// The processes bundleEach starts bundle one entry each, and leave dist/oxc-parser/ to it.
const CHILD = '--one-entry';
const isChild = process.argv[2] === CHILD;
const requested = process.argv.slice(isChild ? 3 : 2);
for (const entry of requested) {
  if (!ENTRIES.includes(entry)) throw new Error(`unknown entry ${entry}; entries: ${ENTRIES.join(', ')}`);
}
if (!isChild) {
  try {
    const { version, files } = await vendorOxcParser(root);
    const bindings = files.filter((entry) => entry.file.endsWith('.node'));
    console.error(`dist/oxc-parser/  oxc-parser ${version}, ${bindings.length} native bindings, ${(bindings.reduce((sum, entry) => sum + entry.size, 0) / 2 ** 20).toFixed(1)} MiB`);
  } catch (error) {
    if (!(error instanceof VendorError)) throw error;
    console.error(`bundle: ${error.message}`);
    process.exit(1);
  }
}
if (requested.length === 1) await bundle(requested[0]);
else await bundleEach(requested.length ? requested : ENTRIES);

/**
 * ncc keeps what it compiled for the life of the process: seven entries in one process outgrow a
 * 4 GB heap. Each entry gets a process of its own, two at a time (the machines have two cores).
 */
async function bundleEach(entries) {
  const pending = [...entries];
  const worker = async () => {
    for (let entry = pending.shift(); entry; entry = pending.shift()) {
      await new Promise((resolve, reject) => {
        const child = execFile(process.execPath, [import.meta.filename, CHILD, entry], { cwd: root }, (error) => (error ? reject(new Error(`bundling ${entry} failed: ${error.message}`)) : resolve()));
        child.stderr.pipe(process.stderr);
      });
    }
  };
  await Promise.all([worker(), worker()]);
}

async function bundle(entry) {
  const { code, assets } = await ncc(path.join(root, 'src', entry, 'index.ts'), {
    // terser below minifies the entry and the chunks alike, and tighter than ncc's own pass.
    minify: false,
    target: 'es2022',
    cache: false,
    // Types are checked once for the whole project by `npm run typecheck`, not again per entry.
    transpileOnly: true,
    quiet: true,
    sourceMap: false,
    license: 'licenses.txt',
  });
  const out = path.join(root, 'dist', entry);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const entryCode = await minifyModule(code);
  writeFileSync(path.join(out, 'index.js'), entryCode);
  for (const [name, asset] of Object.entries(assets)) {
    mkdirSync(path.dirname(path.join(out, name)), { recursive: true });
    writeFileSync(path.join(out, name), name.endsWith('.js') ? await minifyModule(asset.source.toString()) : asset.source);
  }
  console.error(`dist/${entry}/index.js  ${(Buffer.byteLength(entryCode) / 1024).toFixed(0)} KiB`);
}
