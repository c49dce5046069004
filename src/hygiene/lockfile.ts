import path from 'node:path';
import { LOCKFILE_ORDER } from '../audit/lockfile.js';
import { checkLockfileSync, OUT_OF_SYNC_RULE } from '../audit/sync.js';
import type { PackageDiscovery, ProjectPackage } from '../core/packages.js';
import { readProjectFile } from '../core/project-files.js';
import { lineOf, type Emit } from './emit.js';
import { SAMPLE_FOLDER } from './folders.js';

const MANAGER_OF_LOCKFILE: Record<string, string> = {
  'package-lock.json': 'npm',
  'npm-shrinkwrap.json': 'npm',
  'pnpm-lock.yaml': 'pnpm',
  'yarn.lock': 'yarn',
  'bun.lock': 'bun',
  'bun.lockb': 'bun',
};

/** A package whose lockfile decides what it installs: a workspace root or a standalone package. */
export interface InstallRoot {
  entry: ProjectPackage;
  /** The managers whose lockfiles sit beside its manifest. */
  managers: string[];
}

/**
 * lockfile/*: every package is covered by one committed lockfile of one manager, `packageManager`
 * names that manager, and the lockfile holds what the manifests ask for (the audit's own check, so
 * that both gates agree). Returns the install roots with a lockfile.
 */
export function checkLockfiles(root: string, files: ReadonlySet<string>, discovery: PackageDiscovery, emit: Emit): InstallRoot[] {
  const roots: InstallRoot[] = [];
  for (const entry of discovery.packages) {
    if (entry.workspaceRoot !== undefined) continue; // Its workspace root's lockfile covers it.
    const manifestFile = entry.dir ? `${entry.dir}/package.json` : 'package.json';
    const where = entry.dir ? `${entry.name} (${entry.dir})` : entry.name;
    const managers = [...new Set(entry.lockfiles.map((file) => MANAGER_OF_LOCKFILE[path.posix.basename(file)]).filter((manager): manager is string => !!manager))];
    if (managers.length === 0) {
      if (!hasDependencies(entry, discovery) || SAMPLE_FOLDER.test(entry.dir) || lockfileDisabled(root, files, entry.dir)) continue;
      emit({ rule: 'lockfile/missing', message: `Package ${where} has dependencies but no committed lockfile, so every install may resolve other versions than the ones tested.`, file: manifestFile, line: 1, fingerprint: `${manifestFile}:lockfile/missing` });
      continue;
    }
    roots.push({ entry, managers });
    checkSync(root, entry, emit);
    if (managers.length > 1) {
      emit({ rule: 'lockfile/multiple-managers', message: `Package ${where} has lockfiles of ${managers.join(' and ')} (${entry.lockfiles.join(', ')}); each manager installs from its own, so they drift apart.`, file: entry.lockfiles[0]!, fingerprint: `${manifestFile}:lockfile/multiple-managers` });
    }
    const declared = typeof entry.manifest.packageManager === 'string' ? entry.manifest.packageManager.split('@', 1)[0] : undefined;
    if (declared && !managers.includes(declared)) {
      emit({
        rule: 'lockfile/package-manager-mismatch',
        message: `Package ${where} declares packageManager ${declared} but its lockfile is ${managers.join(' and ')}'s, so Corepack runs a manager that ignores it.`,
        file: manifestFile,
        line: lineOf(entry.manifestText, /"packageManager"\s*:/) ?? 1,
        fingerprint: `${manifestFile}:lockfile/package-manager-mismatch`,
      });
    }
  }
  return roots;
}

/** lockfile/out-of-sync for the lockfile the audit would read in the package's folder (bun.lockb it cannot read). */
function checkSync(root: string, entry: ProjectPackage, emit: Emit): void {
  const lockfile = LOCKFILE_ORDER.map(({ file }) => (entry.dir ? `${entry.dir}/${file}` : file)).find((file) => entry.lockfiles.includes(file));
  if (!lockfile) return;
  for (const { message, file, line, fingerprint } of checkLockfileSync(root, lockfile)) {
    emit({ rule: OUT_OF_SYNC_RULE, message, ...(file ? { file } : {}), ...(line ? { line } : {}), ...(fingerprint ? { fingerprint } : {}) });
  }
}

/** Whether the package, or a workspace member of it, depends on anything. */
function hasDependencies(entry: ProjectPackage, discovery: PackageDiscovery): boolean {
  const members = discovery.packages.filter((candidate) => candidate === entry || entry.workspaces.includes(candidate.dir));
  return members.some(({ manifest }) => Object.keys({ ...manifest.dependencies, ...manifest.devDependencies, ...manifest.optionalDependencies }).length > 0);
}

/** `package-lock=false` in an .npmrc of the package or the root: the repository decided against a lockfile. */
function lockfileDisabled(root: string, files: ReadonlySet<string>, dir: string): boolean {
  return [dir ? `${dir}/.npmrc` : '.npmrc', '.npmrc'].some((file) => files.has(file) && /^\s*package-lock\s*=\s*false\s*$/m.test(readProjectFile(root, file)));
}
