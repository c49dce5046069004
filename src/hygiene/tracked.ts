import { statSync } from 'node:fs';
import path from 'node:path';
import picomatch from 'picomatch';
import { parse as parseYaml } from 'yaml';
import { readProjectFile } from '../core/project-files.js';
import { LOCKFILE_NAMES, type PackageDiscovery, type ProjectPackage } from '../core/packages.js';
import { plural, type Emit } from './emit.js';
import { FIXTURE_FOLDER } from './folders.js';

/** Folders that only ever hold build output or reports, wherever they are. */
const ALWAYS_OUTPUT = new Set(['.next', '.nuxt', '.svelte-kit', 'coverage', '.turbo', '.parcel-cache']);
/** Folders that hold build output when they sit in a package that builds and hold built code. */
const PACKAGE_OUTPUT = new Set(['dist', 'build', 'out']);
const BUILT_CODE = /\.(?:[cm]?js|css|html|map|d\.ts)$/;
const ENV_BACKUP = /^(?:\.env(?:\.[\w-]+)*|[\w-]+\.env)\.(?:backup|bak|old|orig|save|swp|tmp)$|^\.env~$/i;
/** Compiled or packaged executables (the extensions OpenSSF Scorecard's Binary-Artifacts check counts). */
const BINARY_EXTENSIONS = new Set(['.a', '.bin', '.class', '.crx', '.deb', '.dex', '.dll', '.dylib', '.efi', '.elf', '.exe', '.iso', '.jar', '.lib', '.msi', '.o', '.ocx', '.pyc', '.pyo', '.rpm', '.so', '.war', '.whl']);


export interface TrackedOptions {
  committedOutput: string[];
  maxFileBytes: number;
}

/**
 * tracked/*: what git tracks that it should not — dependencies, build output, env backups,
 * binaries and oversized files. A folder is reported once, not file by file.
 */
export function checkTrackedFiles(root: string, files: readonly string[], discovery: PackageDiscovery, options: TrackedOptions, emit: Emit): { checked: number } {
  const committed = picomatch(options.committedOutput.length ? options.committedOutput : ['\0'], { dot: true });
  const actionOutput = javascriptActionFolders(root, files);
  const packagesByDir = new Map(discovery.packages.map((entry) => [entry.dir, entry]));
  const outputFolders = new Map<string, number>();
  const moduleFolders = new Map<string, number>();
  for (const file of files) {
    if (FIXTURE_FOLDER.test(file)) continue;
    const parts = file.split('/');
    const moduleIndex = parts.indexOf('node_modules');
    if (moduleIndex !== -1) {
      const folder = parts.slice(0, moduleIndex + 1).join('/');
      moduleFolders.set(folder, (moduleFolders.get(folder) ?? 0) + 1);
      continue;
    }
    const output = outputFolderOf(parts, packagesByDir);
    if (output !== undefined) {
      if (!committed(output) && !actionOutput.has(output)) outputFolders.set(output, (outputFolders.get(output) ?? 0) + 1);
      continue;
    }
    const name = parts.at(-1)!;
    if (ENV_BACKUP.test(name)) {
      emit({ rule: 'tracked/env-backup', message: `${file} is a backup of an env file, so the values it held are in the repository's history.`, file, fingerprint: `${file}:tracked/env-backup` });
      continue;
    }
    if (BINARY_EXTENSIONS.has(path.posix.extname(name).toLowerCase())) {
      emit({ rule: 'tracked/binary', message: `${file} is a compiled binary; nobody can review what it does.`, file, fingerprint: `${file}:tracked/binary` });
      continue;
    }
    if (LOCKFILE_NAMES.has(name)) continue;
    const size = sizeOf(root, file);
    if (size > options.maxFileBytes) {
      emit({ rule: 'tracked/large-file', message: `${file} is ${(size / 1024 / 1024).toFixed(1)} MiB, above max-file-kib (${options.maxFileBytes / 1024} KiB); every clone downloads it forever.`, file, fingerprint: `${file}:tracked/large-file` });
    }
  }
  for (const [folder, count] of moduleFolders) {
    emit({ rule: 'tracked/node-modules', message: `${folder}/ is tracked (${plural(count, 'file')}): installed dependencies belong in the lockfile, not in git.`, file: folder, fingerprint: `${folder}:tracked/node-modules` });
  }
  for (const [folder, count] of outputFolders) {
    const shown = folder.endsWith('.tsbuildinfo') ? folder : `${folder}/`;
    emit({ rule: 'tracked/build-output', message: `${shown} is build output and is tracked (${plural(count, 'file')}); it goes stale against the source and hides what a change really ships.`, file: folder, fingerprint: `${folder}:tracked/build-output` });
  }
  return { checked: files.length };
}

/** The build-output folder a file lies in, if any. */
function outputFolderOf(parts: string[], packagesByDir: ReadonlyMap<string, ProjectPackage>): string | undefined {
  for (let index = 0; index < parts.length - 1; index += 1) {
    const part = parts[index]!;
    if (ALWAYS_OUTPUT.has(part)) return parts.slice(0, index + 1).join('/');
    if (PACKAGE_OUTPUT.has(part)) {
      // `build/` of an Electron app holds icons, `out/` may hold docs: only a folder at the top of a
      // package that has a build script and holding built code counts.
      const entry = packagesByDir.get(parts.slice(0, index).join('/'));
      if (entry && typeof entry.manifest.scripts?.build === 'string' && BUILT_CODE.test(parts.at(-1)!)) return parts.slice(0, index + 1).join('/');
      return undefined;
    }
  }
  return parts.at(-1)!.endsWith('.tsbuildinfo') ? parts.join('/') : undefined;
}

/**
 * Folders a JavaScript action runs from: GitHub runs `runs.main`/`pre`/`post` from the repository,
 * so their bundle must be committed.
 */
function javascriptActionFolders(root: string, files: readonly string[]): Set<string> {
  const folders = new Set<string>();
  for (const file of files) {
    if (!/(?:^|\/)action\.ya?ml$/.test(file)) continue;
    let metadata: { runs?: Record<string, unknown> } | undefined;
    const text = readProjectFile(root, file);
    try {
      metadata = parseYaml(text) as typeof metadata;
    } catch {
      continue; // Not an action we can read; its output folder is then judged like any other.
    }
    const runs = metadata?.runs;
    if (!runs || typeof runs.using !== 'string' || !runs.using.startsWith('node')) continue;
    for (const key of ['main', 'pre', 'post']) {
      const entry = runs[key];
      if (typeof entry !== 'string') continue;
      const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), entry));
      // The output folder is the first segment of the entry's path that is an output folder.
      const parts = target.split('/');
      for (let index = 0; index < parts.length - 1; index += 1) folders.add(parts.slice(0, index + 1).join('/'));
    }
  }
  return folders;
}

function sizeOf(root: string, file: string): number {
  try {
    return statSync(path.join(root, file)).size;
  } catch {
    return 0; // Deleted in the work tree but still in the index: nothing to weigh.
  }
}
