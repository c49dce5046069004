import { joinDir, shellCommands, type ShellCommand } from './shell.js';

/** Which packages a command runs scripts in, relative to the repository root. */
export type RunTarget =
  /** The package at (or above) `dir`. */
  | { kind: 'package'; dir: string }
  /** Packages under the workspace root at `dir` (all of them when `selectors` is empty): npm -ws, pnpm -r, turbo, nx… */
  | { kind: 'packages'; dir: string; selectors: string[] };

/** A package script a command runs: `npm run lint`, `pnpm -r test`, `turbo run build`. */
export interface ScriptRun {
  /** Script names; `run-s lint:*` globs end in `*`. */
  scripts: string[];
  target: RunTarget;
}

/** A tool run directly rather than through a script: `npx eslint .`, `tsc --noEmit`. */
export interface ToolRun {
  dir: string;
  words: string[];
}

export interface Interpretation {
  scripts: ScriptRun[];
  tools: ToolRun[];
}

const PNPM_BUILTINS = new Set(['add', 'audit', 'bin', 'config', 'create', 'dedupe', 'deploy', 'dlx', 'doctor', 'env', 'exec', 'fetch', 'i', 'import', 'init', 'install', 'install-test', 'it', 'licenses', 'link', 'list', 'ln', 'ls', 'outdated', 'pack', 'patch', 'prune', 'publish', 'rb', 'rebuild', 'remove', 'rm', 'root', 'server', 'setup', 'store', 'un', 'uninstall', 'unlink', 'up', 'update', 'why']);
const YARN_BUILTINS = new Set(['add', 'audit', 'autoclean', 'bin', 'cache', 'check', 'config', 'constraints', 'dedupe', 'dlx', 'exec', 'explain', 'global', 'help', 'import', 'info', 'init', 'install', 'licenses', 'link', 'list', 'login', 'logout', 'node', 'npm', 'outdated', 'owner', 'pack', 'patch', 'plugin', 'policies', 'publish', 'rebuild', 'remove', 'set', 'tag', 'team', 'unlink', 'unplug', 'up', 'upgrade', 'upgrade-interactive', 'version', 'why', 'workspace', 'workspaces']);
const BUN_BUILTINS = new Set(['add', 'build', 'create', 'i', 'init', 'install', 'link', 'outdated', 'pm', 'publish', 'remove', 'rm', 'test', 'unlink', 'update', 'upgrade', 'x', 'audit', 'exec', 'patch']);
/** Options of the package managers that take a value, so the value is not read as a script name. */
const VALUE_OPTIONS = new Set(['--prefix', '-C', '--dir', '--cwd', '-w', '--workspace', '--filter', '-F', '--filter-prod', '--reporter', '--loglevel', '--include', '--exclude', '--from', '-j', '--jobs', '--since', '--scope', '--ignore', '--concurrency', '--workspace-concurrency', '--test-pattern', '--changed-files-ignore-pattern', '-p', '--projects', '--project', '-t', '--target', '--targets', '--configuration', '-c', '--base', '--head', '--package']);
/** Commands that run the rest of their arguments as a command. */
const WRAPPERS = new Set(['cross-env', 'env', 'time', 'nice', 'xvfb-run', 'dotenv', 'dotenvx', 'with-env', 'sudo']);

/** What a shell command runs, with `dir` the directory it runs in (relative to the root). */
export function interpretCommand(command: ShellCommand, baseDir: string): Interpretation {
  const result: Interpretation = { scripts: [], tools: [] };
  const dir = command.dir === undefined ? undefined : joinDir(baseDir, command.dir);
  if (dir === undefined) return result;
  interpretWords(stripWrappers(command.words), dir, result);
  return result;
}

export function stripWrappers(input: string[]): string[] {
  let words = input;
  for (;;) {
    while (words[0] !== undefined && /^[A-Za-z_][A-Za-z0-9_]*=/.test(words[0])) words = words.slice(1);
    const name = words[0];
    if (name === undefined || !WRAPPERS.has(name)) return words;
    const separator = words.indexOf('--');
    if (separator !== -1 && (name === 'dotenv' || name === 'dotenvx' || name === 'with-env')) {
      words = words.slice(separator + 1);
      continue;
    }
    words = words.slice(1);
    while (words[0]?.startsWith('-')) words = words.slice(1);
  }
}

interface Options {
  positionals: string[];
  values: Map<string, string[]>;
  flags: Set<string>;
}

/** Splits package-manager arguments into options and positionals, up to `--`. */
function readOptions(words: string[]): Options {
  const options: Options = { positionals: [], values: new Map(), flags: new Set() };
  for (let index = 0; index < words.length; index += 1) {
    const word = words[index]!;
    if (word === '--') break;
    const equals = word.indexOf('=');
    if (word.startsWith('-') && equals !== -1) {
      const name = word.slice(0, equals);
      options.values.set(name, [...(options.values.get(name) ?? []), word.slice(equals + 1)]);
    } else if (VALUE_OPTIONS.has(word) && index + 1 < words.length) {
      options.values.set(word, [...(options.values.get(word) ?? []), words[index + 1]!]);
      index += 1;
    } else if (word.startsWith('-')) {
      options.flags.add(word);
    } else {
      options.positionals.push(word);
    }
  }
  return options;
}

function value(options: Options, ...names: string[]): string | undefined {
  for (const name of names) {
    const values = options.values.get(name);
    if (values?.length) return values.at(-1);
  }
  return undefined;
}

function values(options: Options, ...names: string[]): string[] {
  return names.flatMap((name) => options.values.get(name) ?? []).flatMap((item) => item.split(','));
}

function interpretWords(words: string[], dir: string, result: Interpretation): void {
  const [name, ...rest] = words;
  if (!name) return;
  const tool = name.replace(/^.*\/node_modules\/\.bin\//, '');
  switch (tool) {
    case 'npm':
      return interpretNpm(rest, dir, result);
    case 'pnpm':
      return interpretPnpm(rest, dir, result);
    case 'yarn':
      return interpretYarn(rest, dir, result);
    case 'bun':
      return interpretBun(rest, dir, result);
    case 'npx':
    case 'bunx':
    case 'pnpx':
      return interpretTool(dropLeadingOptions(rest), dir, result);
    case 'sh':
    case 'bash': {
      const script = rest[rest.indexOf('-c') + 1];
      if (rest.includes('-c') && script) for (const command of shellCommands(script)) mergeInto(result, interpretCommand(command, dir));
      return;
    }
    default:
      return interpretTool(words, dir, result);
  }
}

function dropLeadingOptions(words: string[]): string[] {
  let index = 0;
  while (index < words.length && words[index]!.startsWith('-')) index += words[index] === '-p' || words[index] === '--package' ? 2 : 1;
  return words.slice(index);
}

function interpretNpm(args: string[], baseDir: string, result: Interpretation): void {
  const options = readOptions(args);
  const prefix = value(options, '--prefix', '-C');
  const dir = prefix === undefined ? baseDir : joinDir(baseDir, prefix);
  if (dir === undefined) return;
  const [command, script] = options.positionals;
  if ((command === 'ci' || command === 'install' || command === 'i' || command === 'install-clean') && options.positionals.length === 1) return addInstall(dir, result);
  let scripts: string[];
  if (command === 'run' || command === 'run-script' || command === 'rum' || command === 'urn') scripts = script ? [script] : [];
  else if (command === 'test' || command === 't' || command === 'tst') scripts = ['test'];
  else if (command === 'start' || command === 'stop' || command === 'restart') scripts = [command];
  else if ((command === 'exec' || command === 'x') && args.indexOf('--') !== -1) return interpretTool(args.slice(args.indexOf('--') + 1), dir, result);
  else return;
  const selectors = values(options, '-w', '--workspace');
  const allWorkspaces = options.flags.has('--workspaces') || options.flags.has('-ws');
  result.scripts.push({ scripts, target: selectors.length || allWorkspaces ? { kind: 'packages', dir, selectors } : { kind: 'package', dir } });
}

function interpretPnpm(args: string[], baseDir: string, result: Interpretation): void {
  const options = readOptions(args);
  const directory = value(options, '-C', '--dir');
  const dir = directory === undefined ? baseDir : joinDir(baseDir, directory);
  if (dir === undefined) return;
  const [command, ...positionals] = options.positionals;
  if (command === undefined) return;
  if ((command === 'install' || command === 'i') && positionals.length === 0) return addInstall(dir, result);
  if (command === 'exec' || command === 'dlx') return interpretTool(args.slice(args.indexOf(command) + 1).filter((word) => word !== '--'), dir, result);
  if (command === 'turbo' || command === 'nx' || command === 'lerna') return interpretTool(args.slice(args.indexOf(command)), dir, result);
  let scripts: string[];
  if (command === 'run' || command === 'run-script') scripts = positionals.slice(0, 1);
  else if (command === 'test' || command === 't' || command === 'tst') scripts = ['test'];
  else if (!PNPM_BUILTINS.has(command)) scripts = [command];
  else return;
  const filters = values(options, '--filter', '-F', '--filter-prod');
  const recursive = options.flags.has('-r') || options.flags.has('--recursive') || filters.length > 0;
  result.scripts.push({ scripts, target: recursive ? { kind: 'packages', dir, selectors: filters } : { kind: 'package', dir } });
}

function interpretYarn(args: string[], baseDir: string, result: Interpretation): void {
  const options = readOptions(args);
  const directory = value(options, '--cwd');
  const dir = directory === undefined ? baseDir : joinDir(baseDir, directory);
  if (dir === undefined) return;
  const [command, ...positionals] = options.positionals;
  if (command === undefined || (command === 'install' && positionals.length === 0)) return addInstall(dir, result);
  if (command === 'workspaces') {
    // yarn workspaces foreach [options] [run] <script> (berry), yarn workspaces run <script> (classic).
    const [sub, first, second] = positionals;
    const script = sub === 'foreach' ? (first === 'run' ? second : first) : sub === 'run' ? first : undefined;
    if (script) result.scripts.push({ scripts: [script], target: { kind: 'packages', dir, selectors: values(options, '--include') } });
    return;
  }
  if (command === 'workspace') {
    const [workspace, first, second] = positionals;
    const script = first === 'run' ? second : first;
    if (workspace && script) result.scripts.push({ scripts: [script], target: { kind: 'packages', dir, selectors: [workspace] } });
    return;
  }
  if (command === 'dlx' || command === 'exec') return interpretTool(positionals, dir, result);
  let scripts: string[];
  if (command === 'run') scripts = positionals.slice(0, 1);
  else if (command === 'test') scripts = ['test'];
  else if (!YARN_BUILTINS.has(command)) scripts = [command];
  else return;
  result.scripts.push({ scripts, target: { kind: 'package', dir } });
}

function interpretBun(args: string[], dir: string, result: Interpretation): void {
  const options = readOptions(args);
  const [command, ...positionals] = options.positionals;
  if (command === undefined) return;
  if ((command === 'install' || command === 'i') && positionals.length === 0) return addInstall(dir, result);
  if (command === 'x') return interpretTool(positionals, dir, result);
  let scripts: string[];
  if (command === 'run') scripts = positionals.slice(0, 1);
  else if (command === 'test') return interpretTool(['bun', ...args], dir, result);
  else if (!BUN_BUILTINS.has(command)) scripts = [command];
  else return;
  const filters = values(options, '--filter', '-F');
  result.scripts.push({ scripts, target: filters.length ? { kind: 'packages', dir, selectors: filters } : { kind: 'package', dir } });
}

/** Task runners that run a script in every package that has it, and script runners that run several. */
function interpretTool(words: string[], dir: string, result: Interpretation): void {
  const [name, ...args] = words;
  if (!name) return;
  const options = readOptions(args);
  switch (name) {
    case 'turbo': {
      const positionals = options.positionals[0] === 'run' ? options.positionals.slice(1) : options.positionals;
      const tasks = positionals.map((task) => task.replace(/^.*#/, ''));
      if (tasks.length) result.scripts.push({ scripts: tasks, target: { kind: 'packages', dir, selectors: values(options, '--filter', '-F') } });
      return;
    }
    case 'nx': {
      const [command, ...positionals] = options.positionals;
      const targets = values(options, '-t', '--target', '--targets');
      const projects = values(options, '-p', '--projects', '--project');
      if (command === 'run-many' || command === 'affected') result.scripts.push({ scripts: targets, target: { kind: 'packages', dir, selectors: projects } });
      else if (command?.startsWith('affected:')) result.scripts.push({ scripts: [command.slice('affected:'.length)], target: { kind: 'packages', dir, selectors: [] } });
      else if (command === 'run' && positionals[0]?.includes(':')) {
        const [project, target] = positionals[0].split(':');
        result.scripts.push({ scripts: [target!], target: { kind: 'packages', dir, selectors: [project!] } });
      } else if (command && positionals[0]) result.scripts.push({ scripts: [command], target: { kind: 'packages', dir, selectors: [positionals[0]] } });
      return;
    }
    case 'lerna':
      if (options.positionals[0] === 'run' && options.positionals[1]) result.scripts.push({ scripts: [options.positionals[1]], target: { kind: 'packages', dir, selectors: values(options, '--scope') } });
      return;
    case 'npm-run-all':
    case 'npm-run-all2':
    case 'run-s':
    case 'run-p':
      if (options.positionals.length) result.scripts.push({ scripts: options.positionals, target: { kind: 'package', dir } });
      return;
    case 'concurrently':
      for (const part of options.positionals) {
        if (part.startsWith('npm:') || part.startsWith('yarn:') || part.startsWith('pnpm:')) result.scripts.push({ scripts: [part.slice(part.indexOf(':') + 1)], target: { kind: 'package', dir } });
        else for (const command of shellCommands(part)) mergeInto(result, interpretCommand(command, dir));
      }
      return;
    default:
      result.tools.push({ dir, words });
  }
}

/** Lifecycle scripts an install runs, in the package and in its workspace members. */
const INSTALL_SCRIPTS = ['preinstall', 'install', 'postinstall', 'prepare'];

function addInstall(dir: string, result: Interpretation): void {
  result.scripts.push({ scripts: INSTALL_SCRIPTS, target: { kind: 'package', dir } }, { scripts: INSTALL_SCRIPTS, target: { kind: 'packages', dir, selectors: [] } });
}

function mergeInto(target: Interpretation, source: Interpretation): void {
  target.scripts.push(...source.scripts);
  target.tools.push(...source.tools);
}
