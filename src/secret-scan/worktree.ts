import { copyFile, link, lstat, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { EnvironmentError } from '../core/errors.js';

const LINK_BATCH = 64;

/**
 * Puts `files` (relative to `cwd`) under `target`, so that `gitleaks dir target` scans exactly
 * them: the files git tracks or would add, not what it ignores (a local .env.local, node_modules).
 * Hard links cost no copy when `target` is on the same file system (inside the git directory);
 * across file systems the file is copied. Symlinks and submodules are left out, as `gitleaks dir`
 * skips them; a listed file that is gone from the disk has nothing to scan.
 * Returns how many files were placed.
 */
export async function placeFiles(cwd: string, files: readonly string[], target: string): Promise<number> {
  let placed = 0;
  for (let start = 0; start < files.length; start += LINK_BATCH) {
    const results = await Promise.all(files.slice(start, start + LINK_BATCH).map((file) => placeFile(cwd, file, target)));
    placed += results.filter(Boolean).length;
  }
  return placed;
}

async function placeFile(cwd: string, file: string, target: string): Promise<boolean> {
  const source = path.join(cwd, file);
  try {
    if (!(await lstat(source)).isFile()) return false;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw new EnvironmentError(`${file} cannot be read for the secret scan (${(error as NodeJS.ErrnoException).code ?? String(error)}); make it readable`);
  }
  const destination = path.join(target, file);
  await mkdir(path.dirname(destination), { recursive: true });
  try {
    await link(source, destination);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EXDEV' && code !== 'EPERM' && code !== 'ENOTSUP') throw new EnvironmentError(`${file} cannot be prepared for the secret scan (${code ?? String(error)})`);
    await copyFile(source, destination);
  }
  return true;
}
