import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Comment, OxcError, ParserOptions, Program } from 'oxc-parser';

export interface OxcParse {
  program: Program;
  comments: Comment[];
  errors: OxcError[];
}

type Oxc = typeof import('oxc-parser');

/** The native bindings that dist/oxc-parser/ holds: one per GitHub-hosted runner (scripts/vendor-oxc-parser.mjs vendors them). */
export type NativeTarget = 'linux-x64-gnu' | 'linux-arm64-gnu' | 'darwin-x64' | 'darwin-arm64' | 'win32-x64-msvc' | 'win32-arm64-msvc';

/** The vendored binding that runs on this platform, architecture and C library; undefined where none does (musl, FreeBSD, 32-bit…). */
export function nativeTarget(platform: string, arch: string, libc: 'glibc' | 'musl' | undefined): NativeTarget | undefined {
  if (arch !== 'x64' && arch !== 'arm64') return undefined;
  if (platform === 'linux') return libc === 'glibc' ? `linux-${arch}-gnu` : undefined;
  if (platform === 'darwin') return `darwin-${arch}`;
  if (platform === 'win32') return `win32-${arch}-msvc`;
  return undefined;
}

/** The vendored binding for this process's platform (Node reports the glibc it runs on; a Linux without one is taken for musl). */
export function hostNativeTarget(): NativeTarget | undefined {
  return nativeTarget(process.platform, process.arch, hostLibc());
}

function hostLibc(): 'glibc' | 'musl' | undefined {
  if (process.platform !== 'linux') return undefined;
  const fromLdd = libcOfLdd(readLdd());
  if (fromLdd) return fromLdd;
  // The report's network part looks up the host name of every open socket: it could take seconds, and says nothing of the libc.
  const report = process.report as typeof process.report & { excludeNetwork?: boolean };
  const excluded = report.excludeNetwork;
  report.excludeNetwork = true;
  try {
    const header = (report.getReport() as { header?: { glibcVersionRuntime?: string } }).header;
    return header?.glibcVersionRuntime ? 'glibc' : 'musl';
  } finally {
    report.excludeNetwork = excluded;
  }
}

/** The dynamic linker's front end, read where it exists: a glibc script, or musl's loader itself. */
function readLdd(): string {
  try {
    return readFileSync('/usr/bin/ldd', 'latin1');
  } catch {
    return '';
  }
}

/**
 * The C library that `ldd` (its text) belongs to; undefined when it does not say. Reading it takes
 * a millisecond, where Node's report, which says the same, takes 30 (as detect-libc does).
 */
export function libcOfLdd(text: string): 'glibc' | 'musl' | undefined {
  if (text.includes('musl')) return 'musl';
  if (text.includes('GNU C Library') || text.includes('GLIBC')) return 'glibc';
  return undefined;
}

const moduleFile = fileURLToPath(import.meta.url);

/**
 * oxc-parser's wrapper loads its deserializers through require() at run time, which ncc does not follow:
 * the bundles do not hold oxc. From the sources it comes from node_modules. A bundle (dist/<entry>/) loads
 * the copy that scripts/bundle.mjs vendors into dist/oxc-parser/, pointed at this platform's binding
 * through the variable the wrapper reads first (set only while it loads).
 */
function loadOxc(): Oxc | undefined {
  const requireHere = createRequire(import.meta.url);
  if (moduleFile.endsWith('.ts')) return requireHere('oxc-parser') as Oxc;
  const target = hostNativeTarget();
  if (!target) return undefined;
  const vendored = path.join(path.dirname(moduleFile), '..', 'oxc-parser');
  const variable = 'NAPI_RS_NATIVE_LIBRARY_PATH';
  const previous = process.env[variable];
  process.env[variable] = path.join(vendored, `parser.${target}.node`);
  try {
    return requireHere(path.join(vendored, 'src-js', 'index.js')) as Oxc;
  } finally {
    if (previous === undefined) delete process.env[variable];
    else process.env[variable] = previous;
  }
}

let oxc: Oxc | null | undefined;

/** oxc once loaded; null where no native binding of it loads (the reason does not matter: babel parses then). */
function loadedOxc(): Oxc | null {
  if (oxc === undefined) {
    try {
      oxc = loadOxc() ?? null;
    } catch {
      oxc = null;
    }
  }
  return oxc;
}

/**
 * oxc's parse of a file, ESTree-shaped (TS-ESTree for TypeScript); undefined where no native binding
 * of oxc loads. The language is the file extension's unless `lang` is given.
 */
export function parseWithOxc(code: string, file: string, sourceType: ParserOptions['sourceType'], lang?: ParserOptions['lang']): OxcParse | undefined {
  const parser = loadedOxc();
  if (!parser) return undefined;
  // Raw transfer (Node >= 22) hands the tree over as one buffer: twice as fast as JSON. oxc's types do not list the option yet.
  const options: ParserOptions & { experimentalRawTransfer: boolean } = {
    sourceType,
    ...(lang ? { lang } : {}),
    preserveParens: false,
    // One deserializer for every file, the TypeScript one, whose tree of a JavaScript file only adds empty type fields:
    // each thread compiles and warms up one set of its large functions, not two.
    astType: 'ts',
    experimentalRawTransfer: parser.rawTransferSupported(),
  };
  const result = parser.parseSync(file, code, options);
  return { program: result.program, comments: result.comments, errors: result.errors };
}
