import { existsSync } from 'node:fs';
import path from 'node:path';
import { discoverPackages, readPackageManifest, type PackageManifest } from '../core/packages.js';
import { listProjectFiles } from '../core/project-files.js';

export type { PackageManifest } from '../core/packages.js';

/** What a lockfile parser gets: the text, and the manifests of the project some formats need. */
export interface LockfileSource {
  /** The lockfile, relative to the checked directory, for messages. */
  file: string;
  text: string;
  /** The package.json in a directory relative to the lockfile's, when it exists (a broken one is an error). */
  readManifest(directory: string): PackageManifest | undefined;
  /** Workspace directories (relative to the lockfile's) of the project the lockfile belongs to. */
  listWorkspaces(): string[];
}

export function createLockfileSource(file: string, text: string, root: string): LockfileSource {
  const readManifest = (directory: string): PackageManifest | undefined => readPackageManifest(root, directory)?.manifest;
  let workspaces: string[] | undefined;
  return {
    file,
    text,
    readManifest,
    listWorkspaces() {
      workspaces ??= listWorkspaceMembers(root);
      return workspaces;
    },
  };
}

/** The members of the workspace rooted at `root` (npm, yarn and bun `workspaces`, pnpm-workspace.yaml), by core's one discovery. */
export function listWorkspaceMembers(root: string): string[] {
  // Walking the tree costs a large repository a second; a project that declares no workspaces has no members.
  if (readPackageManifest(root, '.')?.manifest.workspaces === undefined && !existsSync(path.join(root, 'pnpm-workspace.yaml'))) return [];
  return discoverPackages(root, listProjectFiles(root)).packages.find((pkg) => pkg.dir === '')?.workspaces ?? [];
}
