import path from 'node:path';
import { lineOfKey, parseConfig, type ReadinessConfig } from './config.js';
import { CONFIG_FILE_CANDIDATES, loadConfig, MAX_CONFIG_BYTES, readConfigText, type LoadedConfig } from './config-file.js';
import { diffConfigs, keyPathOf, type ConfigChange } from './config-diff.js';
import { ConfigurationError, EnvironmentError } from './errors.js';
import { git, gitResult, resolveCommit } from './git.js';
import { readEventContext } from './github-context.js';
import type { GateName } from './report.js';
import { enabledGatesOf, selectEnabledGates } from './run.js';

/** The settings a run is judged by, and on a pull request what the pull request changes in them. */
export interface EffectiveConfig extends LoadedConfig {
  /** Set on pull request events: the commit whose config is in force. */
  base?: { sha: string; description: string };
  /** What the pull request's own config changes; it applies once merged. */
  changes: ConfigChange[];
}

/** Where the events carry the commit the change goes into. */
const BASE_SHA_PATHS: Record<string, readonly string[]> = {
  pull_request: ['pull_request', 'base', 'sha'],
  pull_request_target: ['pull_request', 'base', 'sha'],
  merge_group: ['merge_group', 'base_sha'],
};

/**
 * The config that judges this run. On a pull request (or merge queue) event it is the base
 * commit's, so a pull request cannot loosen the gates that judge it; the pull request's own file
 * is still parsed, so that one that would break after merging fails now, and compared.
 */
export async function loadEffectiveConfig(cwd: string, explicitPath: string | undefined, env: NodeJS.ProcessEnv): Promise<EffectiveConfig> {
  const head = loadConfig(cwd, explicitPath);
  const keys = BASE_SHA_PATHS[env.GITHUB_EVENT_NAME ?? ''];
  if (!keys) return { ...head, changes: [] };
  const event = readEventContext(env);
  const sha = field(event.payload, keys);
  if (typeof sha !== 'string' || !/^[0-9a-f]{40,64}$/i.test(sha)) {
    throw new EnvironmentError(`the ${event.eventName} event payload has no base commit at ${keys.join('.')}, so the base branch's config cannot be read; run on an unmodified pull_request event`);
  }
  const file = explicitPath ? path.resolve(cwd, explicitPath) : undefined;
  const base = await readConfigAtCommit(cwd, sha, file);
  // A config file outside the repository is not part of the pull request: it is in force as it is.
  if (base === 'outside') return { ...head, changes: [] };
  const changes = locateChanges(diffConfigs(base.config, head.config, enabledGates(base.config), enabledGates(head.config)), cwd, head.file);
  changes.push(...(await diffGateFiles(cwd, sha, base.config)));
  return { file: base.file, config: base.config, base: { sha, description: `the base commit ${sha.slice(0, 12)}` }, changes };
}

/**
 * Files a gate reads from the checkout besides the config: a pull request that adds a line to
 * them lets findings through as an allow entry would. `exceptions` files loosen by added lines;
 * the others cannot be judged and want a reviewer's eye.
 */
function gateFiles(config: ReadinessConfig): Array<{ gate: GateName; file: string; kind: 'exceptions' | 'settings' }> {
  const scan = config['secret-scan'] ?? {};
  const files: Array<{ gate: GateName; file: string; kind: 'exceptions' | 'settings' }> = [
    { gate: 'secret-scan', file: '.gitleaksignore', kind: 'exceptions' },
    { gate: 'secret-scan', file: typeof scan['gitleaks-config'] === 'string' ? scan['gitleaks-config'] : '.gitleaks.toml', kind: 'settings' },
  ];
  if (typeof scan['baseline-path'] === 'string') files.push({ gate: 'secret-scan', file: scan['baseline-path'], kind: 'exceptions' });
  // Paths outside the checked directory are refused by the gate itself (checkPathSettings); git would refuse them here.
  return files.filter(({ file }) => !path.isAbsolute(file) && !path.normalize(file).startsWith('..'));
}

async function diffGateFiles(cwd: string, sha: string, baseConfig: ReadinessConfig): Promise<ConfigChange[]> {
  const files = gateFiles(baseConfig);
  // --numstat: added and removed lines per file, relative to cwd; `-` for binary files.
  const output = await git(cwd, ['diff', '--numstat', '--no-renames', '--relative', sha, 'HEAD', '--', ...files.map(({ file }) => file)]);
  const changes: ConfigChange[] = [];
  for (const line of output.split('\n').filter(Boolean)) {
    const [added = '', removed = '', file = ''] = line.split('\t');
    const entry = files.find((candidate) => path.normalize(candidate.file) === path.normalize(file));
    if (!entry) continue;
    const loosens = entry.kind === 'exceptions' && added !== '0';
    const description = `\`${file}\` changes (${added === '-' ? 'binary' : `+${added} −${removed} lines`}); the gate reads it from the checkout, so it applies to this run already`;
    changes.push({ gate: entry.gate, key: '', description, effect: loosens ? 'loosens' : entry.kind === 'exceptions' ? 'tightens' : 'changes', file, inForce: true });
  }
  return changes;
}

/** Points each change at its line in the pull request's config file, where the change is to be read. */
function locateChanges(changes: ConfigChange[], cwd: string, headFile: string | undefined): ConfigChange[] {
  if (!headFile || changes.length === 0) return changes;
  const text = readConfigText(path.resolve(cwd, headFile), headFile);
  return changes.map((change) => {
    const line = lineOfKey(text, [change.gate, ...keyPathOf(change.key)]);
    return { ...change, file: headFile, ...(line === undefined ? {} : { line }) };
  });
}

function enabledGates(config: ReadinessConfig): GateName[] {
  try {
    return selectEnabledGates(config);
  } catch {
    return enabledGatesOf(config);
  }
}

/** The config file as it is in `sha`: the named file, or the default one; `outside` when the file is not in the repository. */
async function readConfigAtCommit(cwd: string, sha: string, explicitFile: string | undefined): Promise<LoadedConfig | 'outside'> {
  const topLevel = await repositoryRoot(cwd);
  if (explicitFile && isOutside(topLevel, explicitFile)) return 'outside';
  await ensureCommit(topLevel, sha);
  const candidates = explicitFile ? [explicitFile] : CONFIG_FILE_CANDIDATES.map((candidate) => path.join(cwd, candidate));
  const entries = (await Promise.all(candidates.map(async (file) => ({ file, entry: await treeEntry(topLevel, sha, file) })))).filter((found) => found.entry);
  const shown = (file: string) => path.relative(cwd, file).split(path.sep).join('/');
  if (entries.length > 1) throw new ConfigurationError(`the base commit ${sha.slice(0, 12)} has both ${entries.map((found) => shown(found.file)).join(' and ')}; keep one of them on the base branch`);
  const [found] = entries;
  if (!found) return { config: {} };
  const name = `${shown(found.file)} at the base commit ${sha.slice(0, 12)}`;
  if (found.entry!.type !== 'blob' || !/^100[67]/.test(found.entry!.mode)) {
    throw new ConfigurationError(`config file ${name} is ${found.entry!.mode === '120000' ? 'a symbolic link' : 'not a regular file'}; the base branch must hold the YAML file itself`);
  }
  const size = Number((await git(topLevel, ['cat-file', '-s', found.entry!.object])).trim());
  if (size > MAX_CONFIG_BYTES) throw new ConfigurationError(`config file ${name} is ${size} bytes; a config file is at most 1 MiB, so this is not one`);
  const text = await git(topLevel, ['cat-file', 'blob', found.entry!.object]);
  return { file: shown(found.file), config: parseConfig(text, name) };
}

async function repositoryRoot(cwd: string): Promise<string> {
  const result = await gitResult(cwd, ['rev-parse', '--show-toplevel']);
  if (result.exitCode !== 0) {
    throw new ConfigurationError(`on pull request events the settings come from the base commit, but ${cwd} is not a git work tree; check out the repository first (actions/checkout)`);
  }
  return result.stdout.trim();
}

function isOutside(root: string, file: string): boolean {
  const relative = path.relative(root, file);
  return relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative);
}

/** The base commit is absent from a shallow clone (actions/checkout's default): fetch just it. */
async function ensureCommit(topLevel: string, sha: string): Promise<void> {
  if (await resolveCommit(topLevel, sha)) return;
  const fetched = await gitResult(topLevel, ['fetch', '--no-tags', '--no-recurse-submodules', '--depth=1', 'origin', sha]);
  if (fetched.exitCode === 0 && (await resolveCommit(topLevel, sha))) return;
  const reason = fetched.stderr.trim().split('\n', 1)[0] || `exit code ${fetched.exitCode}`;
  throw new EnvironmentError(
    `the base commit ${sha.slice(0, 12)} of the pull request is not in the clone and could not be fetched from origin (${reason}); check out with actions/checkout and fetch-depth: 0, or give the job contents: read`,
  );
}

interface TreeEntry {
  mode: string;
  type: string;
  object: string;
}

async function treeEntry(topLevel: string, sha: string, file: string): Promise<TreeEntry | undefined> {
  const relative = path.relative(topLevel, file).split(path.sep).join('/');
  const output = await git(topLevel, ['ls-tree', '-z', '--full-tree', sha, '--', relative]);
  const line = output.split('\0').find((entry) => entry.endsWith(`\t${relative}`));
  if (!line) return undefined;
  const [mode = '', type = '', object = ''] = line.slice(0, line.indexOf('\t')).split(' ');
  return { mode, type, object };
}

function field(payload: Record<string, unknown>, keys: readonly string[]): unknown {
  let value: unknown = payload;
  for (const key of keys) value = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
  return value;
}

/** One line for the log: which config judges this run and what the pull request changes in it. */
export function describeConfigSource(loaded: EffectiveConfig): string {
  if (!loaded.base) return loaded.file ? `Config: ${loaded.file}` : 'Config: none (defaults)';
  const source = `${loaded.file ?? 'no config file (defaults)'} at ${loaded.base.description}`;
  if (loaded.changes.length === 0) return `Config: ${source} (pull request event; the pull request does not change it)`;
  const loosened = loaded.changes.filter((change) => change.effect === 'loosens').length;
  return `Config: ${source} (pull request event); the pull request changes ${loaded.changes.length} setting(s), ${loosened} of them loosening a gate; they apply once merged`;
}
