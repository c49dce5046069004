import path from 'node:path';
import { parse as parseJsonc } from 'jsonc-parser';
import picomatch from 'picomatch';
import { parse as parseYaml } from 'yaml';
import type { PackageDiscovery } from '../core/packages.js';
import { readProjectFile } from '../core/project-files.js';
import { isDockerfile } from './docker.js';
import type { Emit } from './emit.js';
import { SAMPLE_FOLDER } from './folders.js';

const DEPENDABOT = ['.github/dependabot.yml', '.github/dependabot.yaml'];
const RENOVATE = ['renovate.json', 'renovate.json5', '.renovaterc', '.renovaterc.json', '.renovaterc.json5', '.github/renovate.json', '.github/renovate.json5', '.gitlab/renovate.json', '.gitlab/renovate.json5'];
/** Manifests of other ecosystems, by Dependabot's name for them. */
const OTHER_ECOSYSTEMS: Array<[string, RegExp]> = [
  ['pip', /(?:^|\/)(?:requirements\.txt|pyproject\.toml|Pipfile|setup\.py)$/],
  ['gomod', /(?:^|\/)go\.mod$/],
  ['cargo', /(?:^|\/)Cargo\.toml$/],
  ['bundler', /(?:^|\/)Gemfile$/],
  ['composer', /(?:^|\/)composer\.json$/],
  ['maven', /(?:^|\/)pom\.xml$/],
];
const PRECISE_ECOSYSTEMS = new Set(['npm', 'docker', 'github-actions']);
/** Dependabot ecosystems that update another's manifests. */
const ALIASES: Record<string, string> = { uv: 'pip', pipenv: 'pip', poetry: 'pip', gradle: 'maven' };
/** Renovate's manager for each ecosystem, to read `enabledManagers`. */
const RENOVATE_MANAGER: Record<string, string> = { npm: 'npm', docker: 'dockerfile', 'github-actions': 'github-actions', pip: 'pip_requirements', gomod: 'gomod', cargo: 'cargo', bundler: 'bundler', composer: 'composer', maven: 'maven' };

interface Ecosystem {
  ecosystem: string;
  /** '/'-rooted, as Dependabot writes it. */
  directory: string;
}

interface DependabotUpdate {
  ecosystem: string;
  directories: string[];
}

/** deps/*: Dependabot or Renovate exists and covers every ecosystem the repository uses. */
export function checkUpdateAutomation(root: string, files: readonly string[], discovery: PackageDiscovery, emit: Emit): void {
  const fileSet = new Set(files);
  const found = findEcosystems(files, discovery);
  if (found.length === 0) return;
  const renovate = RENOVATE.find((file) => fileSet.has(file)) ?? (discovery.packages.find((entry) => entry.dir === '')?.manifest.renovate ? 'package.json' : undefined);
  if (renovate) {
    checkRenovate(root, renovate, found, emit);
    return;
  }
  const dependabot = DEPENDABOT.find((file) => fileSet.has(file));
  if (!dependabot) {
    const names = [...new Set(found.map((entry) => entry.ecosystem))];
    emit({ rule: 'deps/no-update-tool', message: `Neither Dependabot (.github/dependabot.yml) nor Renovate is configured, so nothing proposes updates for ${names.join(', ')}.`, fingerprint: 'deps/no-update-tool' });
    return;
  }
  const text = readProjectFile(root, dependabot);
  const updates = readDependabotUpdates(text);
  for (const entry of found) {
    // npm, docker and github-actions are judged folder by folder; for the others, the manifests this
    // gate finds are only a hint (a uv or Go workspace updates its members), so any entry covers them.
    const covered = PRECISE_ECOSYSTEMS.has(entry.ecosystem)
      ? updates.some((update) => update.ecosystem === entry.ecosystem && update.directories.some((directory) => coversDirectory(directory, entry.directory)))
      : updates.some((update) => (ALIASES[update.ecosystem] ?? update.ecosystem) === entry.ecosystem);
    if (!covered) {
      emit({
        rule: 'deps/ecosystem-not-covered',
        message: `${dependabot} has no \`${entry.ecosystem}\` update for ${entry.directory}, so its dependencies never get update pull requests.`,
        file: dependabot,
        line: 1,
        fingerprint: `${dependabot}:deps/ecosystem-not-covered:${entry.ecosystem}:${entry.directory}`,
      });
    }
  }
}

/** The ecosystems to keep current and where they live: npm per install root, docker per Dockerfile folder. */
function findEcosystems(files: readonly string[], discovery: PackageDiscovery): Ecosystem[] {
  const found = new Map<string, Ecosystem>();
  const add = (ecosystem: string, folder: string) => {
    if (SAMPLE_FOLDER.test(folder)) return;
    const directory = `/${folder}`;
    found.set(`${ecosystem}\0${directory}`, { ecosystem, directory });
  };
  for (const entry of discovery.packages) {
    if (entry.workspaceRoot !== undefined) continue; // Updated with its workspace root.
    if (entry.lockfiles.length || Object.keys({ ...entry.manifest.dependencies, ...entry.manifest.devDependencies }).length) add('npm', entry.dir);
  }
  for (const file of files) {
    const folder = path.posix.dirname(file) === '.' ? '' : path.posix.dirname(file);
    if (isDockerfile(file)) add('docker', folder);
    else if (/^\.github\/workflows\/[^/]+\.ya?ml$/.test(file)) add('github-actions', '');
    else for (const [ecosystem, pattern] of OTHER_ECOSYSTEMS) if (pattern.test(file) && !folder.includes('node_modules')) add(ecosystem, folder);
  }
  return [...found.values()].sort((a, b) => a.ecosystem.localeCompare(b.ecosystem) || a.directory.localeCompare(b.directory));
}

function readDependabotUpdates(text: string): DependabotUpdate[] {
  let document: { updates?: unknown };
  try {
    document = (parseYaml(text) ?? {}) as { updates?: unknown };
  } catch {
    return [];
  }
  if (!Array.isArray(document.updates)) return [];
  return document.updates.flatMap((update: Record<string, unknown>) => {
    if (typeof update?.['package-ecosystem'] !== 'string') return [];
    const directories = [update.directory, ...(Array.isArray(update.directories) ? update.directories : [])].filter((value): value is string => typeof value === 'string');
    // Dependabot's npm updater is named npm whatever the manager (yarn, pnpm, bun).
    const ecosystem = update['package-ecosystem'] === 'bun' ? 'npm' : update['package-ecosystem'];
    return [{ ecosystem, directories }];
  });
}

/** Dependabot directories are '/'-rooted and may be globs (`/packages/*`); `/` also means the root. */
function coversDirectory(configured: string, directory: string): boolean {
  const normalized = `/${configured.replace(/^\.?\/*/, '').replace(/\/+$/, '')}`;
  return normalized === directory || picomatch.isMatch(directory, normalized, { dot: true });
}

function checkRenovate(root: string, file: string, found: Ecosystem[], emit: Emit): void {
  // jsonc-parser reads comments and trailing commas; a JSON5 config it cannot read counts as every manager.
  const config = parseJsonc(readProjectFile(root, file), [], { allowTrailingComma: true }) as { enabledManagers?: unknown; renovate?: { enabledManagers?: unknown } } | undefined;
  const enabled = file === 'package.json' ? config?.renovate?.enabledManagers : config?.enabledManagers;
  if (!Array.isArray(enabled)) return;
  for (const ecosystem of new Set(found.map((entry) => entry.ecosystem))) {
    if (!enabled.includes(RENOVATE_MANAGER[ecosystem])) {
      emit({ rule: 'deps/ecosystem-not-covered', message: `${file} limits Renovate to ${enabled.join(', ')}, so ${ecosystem} dependencies never get update pull requests.`, file, line: 1, fingerprint: `${file}:deps/ecosystem-not-covered:${ecosystem}` });
    }
  }
}
