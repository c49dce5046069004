import { closeSync, constants as fsConstants, fstatSync, lstatSync, openSync, readFileSync, type Stats } from 'node:fs';
import path from 'node:path';
import { parseConfig, type ReadinessConfig } from './config.js';
import { ConfigurationError } from './errors.js';

// Finding and reading the config file so that nothing on disk can hang the run or be read
// silently instead: only a regular file of sane size is read, anything else is named.

/** Paths tried, in order, when no `--config` / `config` input names the file. */
export const CONFIG_FILE_CANDIDATES = ['.github/readiness-gates.yml', '.github/readiness-gates.yaml'];

export interface LoadedConfig {
  /** The file read, relative to the working directory; undefined when there is none. */
  file?: string;
  config: ReadinessConfig;
}

/** A config file is a few kilobytes; anything far larger is not one (a link to a log, a device). */
export const MAX_CONFIG_BYTES = 1024 * 1024;

export function loadConfig(cwd: string, explicitPath?: string): LoadedConfig {
  const file = explicitPath ? path.resolve(cwd, explicitPath) : findConfigFile(cwd);
  if (!file) return { config: {} };
  const shown = toDisplayPath(cwd, file);
  return { file: shown, config: parseConfig(readConfigText(file, shown), shown) };
}

/** The default config file in `cwd`, if any; both spellings at once is an error, as one would be ignored. */
function findConfigFile(cwd: string): string | undefined {
  const present = CONFIG_FILE_CANDIDATES.filter((candidate) => lexists(path.join(cwd, candidate)));
  if (present.length > 1) throw new ConfigurationError(`both ${present.join(' and ')} exist; keep one of them (only one can be read)`);
  return present[0] === undefined ? undefined : path.join(cwd, present[0]);
}

function lexists(file: string): boolean {
  try {
    lstatSync(file);
    return true;
  } catch {
    return false;
  }
}

/**
 * Reads a config file that is a regular file of sane size. It is opened without blocking and
 * checked on the open descriptor, so a FIFO or a device can neither hang the read nor be raced in.
 */
export function readConfigText(file: string, shown: string): string {
  let descriptor: number;
  try {
    descriptor = openSync(file, fsConstants.O_RDONLY | (fsConstants.O_NONBLOCK ?? 0));
  } catch (error) {
    throw new ConfigurationError(describeOpenFailure(file, shown, (error as NodeJS.ErrnoException).code));
  }
  try {
    const stats = fstatSync(descriptor);
    if (!stats.isFile()) throw new ConfigurationError(`config file ${shown} is ${describeFileKind(stats)}, not a regular file; name the YAML file itself`);
    if (stats.size > MAX_CONFIG_BYTES) throw new ConfigurationError(`config file ${shown} is ${stats.size} bytes; a config file is at most 1 MiB, so this is not one`);
    return readFileSync(descriptor, 'utf8');
  } catch (error) {
    if (error instanceof ConfigurationError) throw error;
    throw new ConfigurationError(`config file ${shown} cannot be read (${(error as NodeJS.ErrnoException).code ?? 'unknown error'}); check its permissions`);
  } finally {
    closeSync(descriptor);
  }
}

function describeOpenFailure(file: string, shown: string, code: string | undefined): string {
  if (code === 'ELOOP') return `config file ${shown} is a symbolic link loop; point the link at the YAML file`;
  if (code === 'ENOENT') {
    if (lexists(file)) return `config file ${shown} is a symbolic link to nothing; fix the link or remove it`;
    return `config file ${shown} does not exist; fix the path or drop --config to use ${CONFIG_FILE_CANDIDATES[0]}`;
  }
  if (code === 'EISDIR') return `config file ${shown} is a directory, not a regular file; name the YAML file itself`;
  return `config file ${shown} cannot be read (${code ?? 'unknown error'}); check its permissions`;
}

function describeFileKind(stats: Stats): string {
  if (stats.isDirectory()) return 'a directory';
  if (stats.isFIFO()) return 'a named pipe (FIFO)';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  if (stats.isSocket()) return 'a socket';
  return 'not a file';
}

function toDisplayPath(cwd: string, file: string): string {
  const relative = path.relative(cwd, file);
  return (relative.startsWith('..') || path.isAbsolute(relative) ? file : relative).split(path.sep).join('/');
}

