import path from 'node:path';
import { parseShell, shellCommands } from '../core/shell.js';
import { isObject, projectPath, type Literal } from './config-values.js';
import { CYPRESS_CONFIGS, readConfigFollowingImports } from './runner-config.js';

/**
 * Packages an end-to-end suite starts and then tests through a browser: the app of a repository whose
 * Playwright config (`webServer: { command: 'pnpm start' }`, with `start: "cd ./app && pnpm run dev"`)
 * serves a package that has no test of its own (react-hook-form's `app/`), or whose scripts start it
 * before they run the suite (documenso's `start-server-and-test "npm run start -w @documenso/remix" …
 * "playwright test"`; Cypress's `start-server-and-test start:ci http://localhost:3000 cypress:run`).
 */

/** Playwright's config files, in the order it looks for them. */
const PLAYWRIGHT_CONFIGS = ['ts', 'js', 'mts', 'mjs', 'cts', 'cjs'].map((extension) => `playwright.config.${extension}`);

const PACKAGE_MANAGERS = new Set(['npm', 'pnpm', 'yarn', 'bun']);
/** Options of package managers that run in another folder: `npm --prefix app`, `pnpm --dir app`, `pnpm -C app`, `yarn --cwd app`. */
const FOLDER_OPTIONS = new Set(['--prefix', '--dir', '-C', '--cwd']);
/** Options that run a script of a workspace member: `npm -w @acme/web` (or its folder), `pnpm --filter @acme/web`, bun's too. */
const WORKSPACE_OPTIONS: Readonly<Record<string, ReadonlySet<string>>> = { npm: new Set(['-w', '--workspace']), pnpm: new Set(['--filter', '-F']), bun: new Set(['--filter', '-F']) };
/** start-server-and-test's names: its arguments are servers to start, each followed by the URL to wait for, then the tests. */
const START_THEN_TEST = new Set(['start-server-and-test', 'server-test', 'start-test']);
/** Tools that run each of their arguments as a command, side by side: `concurrently "npm run start -w web" "playwright test"`. */
const SIDE_BY_SIDE = new Set(['concurrently']);
/** Package-manager commands that are not scripts: `pnpm install`, `npm ci`. */
const MANAGER_COMMANDS = new Set(['install', 'i', 'ci', 'add', 'exec', 'dlx', 'x', 'create', 'init', 'link', 'rebuild', 'prune', 'dedupe']);
/** How many scripts deep a web server's command is followed. */
const SCRIPT_DEPTH = 4;

/** The package of the repository an end-to-end config belongs to: its folder and its scripts. */
interface ConfigPackage {
  dir: string;
  scripts: Readonly<Record<string, unknown>>;
}

/** The folder of the repository's package of that name, when there is one. */
export type PackageDirByName = (name: string) => string | undefined;

/** An end-to-end suite: the folder of its tests, and the folders its web servers run in. */
export interface EndToEndSuite {
  testDir: string;
  served: string[];
}

/** The end-to-end suite of `owner`, by its Playwright config, else its Cypress config; undefined without either. */
export function endToEndSuite(
  owner: { dir: string; manifest?: { scripts?: Record<string, unknown> } },
  files: ReadonlySet<string>,
  read: (file: string) => string,
  packageDir: PackageDirByName = () => undefined,
): EndToEndSuite | undefined {
  const within = (name: string) => (owner.dir ? `${owner.dir}/${name}` : name);
  const pkg = { dir: owner.dir, scripts: owner.manifest?.scripts ?? {} };
  const configFile = PLAYWRIGHT_CONFIGS.map(within).find((file) => files.has(file));
  // A Cypress suite starts no server: its specs are below the config's folder, and the package's scripts start the app.
  if (!configFile) return CYPRESS_CONFIGS.some((name) => files.has(within(name))) ? { testDir: owner.dir, served: startedByScripts(pkg, 'cypress', packageDir) } : undefined;
  const config = readConfigFollowingImports(configFile, files, read);
  if (!isObject(config)) return undefined;
  const base = path.posix.dirname(configFile).replace(/^\.$/, '');
  // Playwright's tests are below `testDir`, the config's folder by default; one that cannot be read leaves no test of the suite known.
  const testDir = typeof config.testDir === 'string' ? projectPath(config.testDir, base) : config.testDir === undefined ? base : undefined;
  if (testDir === undefined) return undefined;
  return { testDir, served: [...new Set([...servedFolders(config, base, pkg, packageDir), ...startedByScripts(pkg, 'playwright', packageDir)])] };
}

/**
 * The folders the scripts of the suite's package start servers in before they run the `runner`:
 * `start-server-and-test <server> <url> … <tests>`, a server and the tests given as commands or as
 * scripts of the package, and `concurrently <command> …`.
 */
function startedByScripts(owner: ConfigPackage, runner: string, packageDir: PackageDirByName): string[] {
  const folders = new Set<string>();
  const command = (arg: string) => (/\s/.test(arg) ? arg : String(owner.scripts[arg] ?? ''));
  for (const body of Object.values(owner.scripts)) {
    if (typeof body !== 'string') continue;
    const tree = parseShell(body);
    if (!tree) continue;
    for (const { words } of shellCommands(tree)) {
      const [name, ...args] = words;
      const tool = name === undefined ? '' : path.posix.basename(name);
      // Servers and their URLs alternate; the last argument runs the tests.
      const servers = START_THEN_TEST.has(tool) && command(args.at(-1) ?? '').includes(runner)
        ? args.filter((_, index) => index % 2 === 0 && index < args.length - 1)
        : SIDE_BY_SIDE.has(tool) && body.includes(runner) ? args.filter((arg) => /\s/.test(arg)) : [];
      for (const server of servers) commandFolders(/\s/.test(server) ? server : `npm run ${server}`, owner.dir, owner.scripts, folders, packageDir, 0);
    }
  }
  return [...folders];
}

/**
 * The folders (project-relative, '' for the root) the web servers of a Playwright config in `base` run in:
 * a server's `cwd`, the folders its command changes to or names to a package manager, and those of the
 * scripts it runs, followed a few deep. A config that cannot be read serves nothing the gate knows.
 */
function servedFolders(config: { [key: string]: Literal }, base: string, owner: ConfigPackage, packageDir: PackageDirByName): string[] {
  const servers: Literal[] = Array.isArray(config.webServer) ? config.webServer : config.webServer === undefined ? [] : [config.webServer];
  const folders = new Set<string>();
  for (const server of servers) {
    if (!isObject(server)) continue;
    const dir = typeof server.cwd === 'string' ? projectPath(server.cwd, base) : base;
    if (dir === undefined) continue;
    if (dir !== base) folders.add(dir);
    if (typeof server.command === 'string') commandFolders(server.command, dir, dir === owner.dir ? owner.scripts : {}, folders, packageDir, 0);
  }
  return [...folders];
}

/**
 * Adds the folders `command`, run in `dir`, changes to, names (by folder, or a workspace member by name), or runs the
 * scripts of: `scripts` are those of the package at `dir`.
 */
function commandFolders(command: string, dir: string, scripts: Readonly<Record<string, unknown>>, folders: Set<string>, packageDir: PackageDirByName, depth: number): void {
  const tree = parseShell(command);
  if (!tree) return;
  let here = dir;
  for (const { words } of shellCommands(tree)) {
    const [name, ...args] = words;
    if (name === 'cd' && args[0] !== undefined) {
      const next = projectPath(args[0], here);
      // A folder outside the project: what runs there is none of its packages.
      if (next === undefined) return;
      here = next;
      folders.add(here);
      continue;
    }
    if (!name || !PACKAGE_MANAGERS.has(name)) continue;
    let target = here;
    const positional: string[] = [];
    for (let index = 0; index < args.length; index += 1) {
      const arg = args[index]!;
      const [option, inline] = arg.split('=', 2) as [string, string | undefined];
      if (FOLDER_OPTIONS.has(option)) {
        const value = inline ?? args[(index += 1)];
        target = value === undefined ? target : (projectPath(value, here) ?? '..');
      } else if (WORKSPACE_OPTIONS[name]?.has(option)) {
        const member = inline ?? args[(index += 1)];
        // npm takes a member's folder too, from the workspace's root.
        const memberDir = member === undefined ? undefined : (packageDir(member) ?? (name === 'npm' ? projectPath(member, '') : undefined));
        if (memberDir !== undefined) folders.add(memberDir);
      } else if (!arg.startsWith('-')) positional.push(arg);
    }
    // `yarn workspace @acme/web start`
    if (name === 'yarn' && positional[0] === 'workspace' && positional[1] !== undefined) {
      const memberDir = packageDir(positional[1]);
      if (memberDir !== undefined) folders.add(memberDir);
      continue;
    }
    if (target !== here) folders.add(target);
    // `npm start`, `npm run dev`, `pnpm dev`: a script of the package in that folder, known only for the config's own.
    const script = positional[0] === 'run' || positional[0] === 'run-script' ? positional[1] : positional[0];
    const body = here === dir && target === here && script !== undefined && !MANAGER_COMMANDS.has(script) ? scripts[script] : undefined;
    if (typeof body === 'string' && depth < SCRIPT_DEPTH) commandFolders(body, here, scripts, folders, packageDir, depth + 1);
  }
}

