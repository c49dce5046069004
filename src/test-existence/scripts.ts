import path from 'node:path';
import picomatch from 'picomatch';
import { parseShell, shellCommands, type ShellNode } from '../core/shell.js';

/** Why a package's test script can exit 0 without having run tests. */
export interface ScriptProblem {
  rule: 'script/placeholder' | 'script/pass-with-no-tests' | 'script/ignored-exit-code';
  /** The script the problem is in: `test`, or one that `test` runs (`test:unit`). */
  script: string;
  message: string;
}

export interface TestScriptReading {
  problems: ScriptProblem[];
  /** Runner config files the test scripts name (`jest --config jest.ci.json`), relative to the package. */
  configFiles: string[];
  /** The test runners the scripts run, by command name (`jest`, `vitest`, `node --test` as `node`). */
  runners: string[];
  /** Those of them the scripts run somewhere without naming a config: the runner finds its own. */
  runnersWithoutConfig: string[];
  /** Those of them a script tells which files to run by its own flags (`jest --testMatch …`, `vitest --root …`): not their defaults. */
  runnersChoosingFiles: string[];
  /** Whether a script runs vitest with `--typecheck`, which checks its type tests whatever its config says. */
  vitestTypecheck: boolean;
  /** The files `node --test` and `mocha` are told to run, by their arguments (`node --test test/*.test.js`, `mocha test/ --recursive`). */
  runnerFiles: RunnerFiles[];
  /** The values the test scripts give environment variables: `db2` of sequelize's `cross-env DIALECT=db2 yarn _test-unit`. */
  environment: string[];
}

export interface RunnerFiles {
  runner: 'node' | 'mocha' | 'tap' | 'tape';
  /** Files, folders and globs, relative to the package; none means the runner's defaults. */
  paths: string[];
  recursive: boolean;
}

/** Options of node, mocha and tap that take the next word as their value, so that it is not a path. */
const VALUE_OPTIONS = new Set([
  '--test-reporter', '--test-reporter-destination', '--test-name-pattern', '--test-skip-pattern', '--test-concurrency', '--test-timeout', '--import', '--require',
  '-r', '--loader', '--experimental-loader', '--env-file', '--conditions', '-C', '--reporter', '-R', '--timeout', '-t', '--ui', '-u', '--grep', '-g', '--fgrep',
  '-f', '--file', '--config', '--extension', '--ignore', '--exclude', '--reporter-option', '--reporter-options', '-O', '--slow', '-s', '--retries', '--jobs', '-j', '--package',
  '--node-arg', '--test-arg', '--nyc-arg', '--coverage-report', '-o', '--output-file',
]);

type Command = Extract<ShellNode, { type: 'command' }>;

/** npm's default, written by `npm init`. */
const NPM_PLACEHOLDER = /no test specified/i;
const PASS_WITH_NO_TESTS = /^--pass-?with-?no-?tests(?:=true)?$/i;
/** valibot's `vitest --typecheck`, and `--typecheck.enabled`, `--typecheck.only`. */
const VITEST_TYPECHECK = /^--typecheck(?:\.enabled|\.only)?(?:=true)?$/;
/** Test runners, by the name of their command. */
const TEST_RUNNERS = new Set([
  'jest', 'vitest', 'mocha', '_mocha', 'ava', 'tap', 'tape', 'uvu', 'jasmine', 'karma', 'playwright', 'cypress', 'tsd', 'tstyche', 'borp',
  'lab', 'qunit', 'wdio', 'testcafe', 'nightwatch', 'web-test-runner', 'wtr', 'brittle', 'zora', 'baretest', 'oletus', 'riteway', 'ts-mocha', 'electron-mocha',
]);
/** Whether `name` is a test runner's command: what runs it is known, unlike a runtime's (`node`), a task runner's (`nx`) or a script's. */
export function isTestRunnerCommand(name: string): boolean {
  return TEST_RUNNERS.has(name);
}
/** What `runners` holds for a `test` script that runs none the gate knows. */
const UNKNOWN_RUNNER = '(unknown)';
/** Commands that run the command after their own options: `cross-env CI=1 jest`, `c8 --reporter lcov mocha`. */
const WRAPPERS = new Set(['cross-env', 'cross-env-shell', 'env', 'dotenv', 'dotenvx', 'npx', 'pnpx', 'bunx', 'c8', 'nyc', 'time', 'nice', 'nohup', 'xvfb-run', 'with-env', 'env-cmd', 'node-env-run']);
/** Options of wrappers that take a value as the next word. */
const WRAPPER_VALUE_OPTIONS = new Set(['-e', '-f', '-p', '--package', '-r', '--reporter', '--report-dir', '-x', '--exclude', '-n', '--include', '-c', '--config', '--env-file', '--file']);
/** Scripts calling other scripts: they fail when one of those fails. */
const SCRIPT_RUNNERS = new Set(['run-s', 'run-p', 'npm-run-all', 'npm-run-all2', 'concurrently']);
/** `test`, `test:unit`, `test-e2e`: scripts meant to run tests. */
const TEST_SCRIPT_NAME = /^test(?:\W|$)/;
/** `test-fixtures`, `test:fixture`: a script that runs the fixtures of the package's tests. */
const FIXTURE_SCRIPT_NAME = /\bfixtures?\b/i;
const SHELLS = new Set(['sh', 'bash', 'zsh', 'dash']);

/**
 * Checks the `test` script and every script it runs (`npm run test:unit`, `pnpm lint`, `run-s test:*`),
 * read with a shell parser: placeholders, `--passWithNoTests`, and exit codes of tests that do not reach
 * the end — `jest; echo done`, `jest | tee out.txt` without pipefail, `(jest || true)`, `sh -c "jest || true"`.
 */
export function checkTestScript(scripts: Record<string, unknown>, runByWorkspace: readonly string[] = []): TestScriptReading {
  const reader = new ScriptReader(scripts);
  reader.visitScript('test');
  // The scripts by other names that the workspace root's test runs in the package (`nx run-many -t test:unit`) stand for its tests
  // as much as "test" does: their problems are the package's, once each.
  const delegated = new ScriptReader(scripts, reader.visited);
  for (const name of runByWorkspace) delegated.visitScript(name);
  // The runners of the other test scripts (`test-types: tstyche`) run test files too; their problems are theirs. Not those named
  // for fixtures: vitest's test/ui runs its Playwright specs as "test", and the fixture suites they start as `"test-fixtures": "vitest"`.
  const others = new ScriptReader(scripts);
  for (const name of Object.keys(scripts)) if (TEST_SCRIPT_NAME.test(name) && !FIXTURE_SCRIPT_NAME.test(name)) others.visitScript(name);
  // A `test` script that runs no runner the gate knows (eslint's `node Makefile.js test`) runs files it cannot tell.
  const unknown = typeof scripts.test === 'string' && reader.runners.size === 0 && reader.problems.every((problem) => problem.rule !== 'script/placeholder') ? [UNKNOWN_RUNNER] : [];
  return {
    // One script may run a runner twice with the same flaw (TanStack Table's `vitest --passWithNoTests && vitest --config x --passWithNoTests`).
    problems: [...new Map([...reader.problems, ...delegated.problems].map((problem) => [`${problem.rule}\0${problem.script}\0${problem.message}`, problem])).values()],
    configFiles: [...reader.configFiles],
    runners: [...new Set([...reader.runners, ...others.runners, ...unknown])],
    runnersWithoutConfig: [...new Set([...reader.runnersWithoutConfig, ...others.runnersWithoutConfig])],
    runnersChoosingFiles: [...new Set([...reader.runnersChoosingFiles, ...others.runnersChoosingFiles])],
    vitestTypecheck: reader.vitestTypecheck || others.vitestTypecheck,
    runnerFiles: [...reader.runnerFiles, ...others.runnerFiles],
    environment: [...new Set([...reader.environment, ...others.environment])],
  };
}

class ScriptReader {
  readonly problems: ScriptProblem[] = [];
  readonly configFiles = new Set<string>();
  readonly runners = new Set<string>();
  readonly runnersWithoutConfig = new Set<string>();
  readonly runnersChoosingFiles = new Set<string>();
  vitestTypecheck = false;
  readonly runnerFiles: RunnerFiles[] = [];
  readonly environment = new Set<string>();
  readonly visited: Set<string>;
  private readonly testing = new Map<string, boolean>();

  /** `visited`: scripts another reader has checked already. */
  constructor(
    private readonly scripts: Record<string, unknown>,
    visited: ReadonlySet<string> = new Set(),
  ) {
    this.visited = new Set(visited);
  }

  visitScript(name: string): void {
    const script = this.scripts[name];
    if (this.visited.has(name) || typeof script !== 'string') return;
    this.visited.add(name);
    const tree = parseShell(script);
    if (NPM_PLACEHOLDER.test(script)) {
      this.problems.push({ rule: 'script/placeholder', script: name, message: `the "${name}" script is npm's placeholder (${script}), so no test runs` });
      return;
    }
    // A script the shell refuses fails the job by itself.
    if (!tree) return;
    const commands = shellCommands(tree);
    if (commands.length > 0 && commands.every((command) => command.words[0] === 'echo' || command.words[0] === 'printf')) {
      this.problems.push({ rule: 'script/placeholder', script: name, message: `the "${name}" script only prints (${script}), so no test runs and it always passes` });
      return;
    }
    // `lint: "eslint . || true"` called from the test script is not a test; `test:unit: "exit 0"` is.
    if (TEST_SCRIPT_NAME.test(name) && alwaysSucceeds(tree) && !this.runsTests(tree)) {
      // Beside other scripts of `test` (socket.io's `test:types: "exit 0"` before `test:unit`), only its own tests are switched off.
      const outcome = name === 'test' ? 'CI is green whatever the code does' : 'the tests it stands for do not run';
      this.problems.push({ rule: 'script/ignored-exit-code', script: name, message: `the "${name}" script always exits 0 and runs no test (${script}), so ${outcome}` });
      return;
    }
    this.check(tree, name, script, { errexit: false, pipefail: false });
  }

  /** Looks for exit codes of tests that do not reach the end of `node`. */
  private check(node: ShellNode, name: string, script: string, shell: { errexit: boolean; pipefail: boolean }): void {
    const dropped = (how: string) => this.problems.push({ rule: 'script/ignored-exit-code', script: name, message: `the "${name}" script ${how} (${script}), so failing tests leave CI green` });
    switch (node.type) {
      case 'sequence': {
        let { errexit, pipefail } = shell;
        node.items.forEach((item, index) => {
          if (item.type === 'command' && item.words[0] === 'set') {
            const options = item.words.slice(1).join(' ');
            errexit ||= /(?:^|\s)-\w*e|-o errexit/.test(options);
            pipefail ||= /-o pipefail|-\w*o pipefail/.test(options);
          }
          if (index < node.items.length - 1 && !errexit && this.runsTests(item)) dropped('ignores the exit code of its tests: after `;` only the last command decides');
          if (this.runsTests(item) && node.items.slice(0, index).some(exitsZero)) dropped('exits 0 before its tests run');
          this.check(item, name, script, { errexit, pipefail });
        });
        return;
      }
      case 'or':
        if (this.runsTests(node.left) && alwaysSucceeds(node.right)) dropped('ignores the exit code of its tests with `||`');
        this.check(node.left, name, script, shell);
        this.check(node.right, name, script, shell);
        return;
      case 'and':
        if (endsExitingZero(node.left) && this.runsTests(node.right)) dropped('exits 0 before its tests run');
        this.check(node.left, name, script, shell);
        this.check(node.right, name, script, shell);
        return;
      case 'pipeline':
        if (node.negated && this.runsTests(node)) dropped('inverts the exit code of its tests with `!`');
        else if (!shell.pipefail && node.items.slice(0, -1).some((item) => this.runsTests(item))) dropped('pipes its tests into another command without `set -o pipefail`, so only that command\'s exit code counts');
        for (const item of node.items) this.check(item, name, script, shell);
        return;
      case 'subshell':
        this.check(node.body, name, script, shell);
        return;
      case 'command':
        this.checkCommand(node, name, script, dropped);
        return;
      default:
    }
  }

  private checkCommand(command: Command, name: string, script: string, dropped: (how: string) => void): void {
    if (command.background && this.runsTests(command)) dropped('runs its tests in the background with `&`, so nothing waits for their exit code');
    for (const value of environmentValues(command)) this.environment.add(value);
    const words = unwrap(command.words);
    const inner = shellArgument(words);
    if (inner !== undefined) {
      const tree = parseShell(inner);
      if (tree) this.check(tree, name, script, { errexit: false, pipefail: false });
      return;
    }
    if (isTestRunner(words)) {
      const { runner, words: runnerWords } = runnerCommand(words);
      this.runners.add(runner);
      if ((runner === 'node' && runnerWords.includes('--test')) || runner === 'mocha' || runner === '_mocha') {
        this.runnerFiles.push({ runner: runner === 'node' ? 'node' : 'mocha', paths: pathArguments(runnerWords.slice(1)), recursive: runnerWords.includes('--recursive') });
      }
      // tape's `nyc tap 'test/*.js'`: the files given, not the fixtures that its tests run from test/<folder>/ (tap searches a folder deep).
      if (runner === 'tap' || runner === 'tape') {
        const paths = pathArguments(runnerWords.slice(1));
        if (paths.length > 0) this.runnerFiles.push({ runner, paths, recursive: true });
      }
      if (runnerWords.some((word) => PASS_WITH_NO_TESTS.test(word))) {
        this.problems.push({ rule: 'script/pass-with-no-tests', script: name, message: `the "${name}" script passes --passWithNoTests, so it is green when no test is found` });
      }
      if (runner === 'vitest' && runnerWords.some((word) => VITEST_TYPECHECK.test(word))) this.vitestTypecheck = true;
      if (runnerWords.some((word) => FILE_CHOOSING_FLAG.test(word))) this.runnersChoosingFiles.add(runner);
      const config = configOption(runnerWords);
      if (config) this.configFiles.add(path.posix.normalize(config));
      else this.runnersWithoutConfig.add(runner);
    }
    for (const called of this.calledScripts(words)) this.visitScript(called);
    if (words[0] === 'concurrently') for (const argument of words.slice(1).filter((word) => !word.startsWith('-') && !word.startsWith('npm:'))) {
      const tree = parseShell(argument);
      if (tree) this.check(tree, name, script, { errexit: false, pipefail: false });
    }
  }

  /** Whether running `node` runs tests: a test runner, or a script that does. */
  private runsTests(node: ShellNode): boolean {
    return shellCommands(node).some((command) => {
      const words = unwrap(command.words);
      const inner = shellArgument(words);
      if (inner !== undefined) {
        const tree = parseShell(inner);
        return tree !== undefined && this.runsTests(tree);
      }
      return isTestRunner(words) || this.calledScripts(words).some((called) => this.scriptRunsTests(called));
    });
  }

  private scriptRunsTests(name: string): boolean {
    const known = this.testing.get(name);
    if (known !== undefined) return known;
    // A script that calls itself runs no more tests than it already does.
    this.testing.set(name, false);
    const script = this.scripts[name];
    const tree = typeof script === 'string' ? parseShell(script) : undefined;
    const runs = TEST_SCRIPT_NAME.test(name) || (tree !== undefined && this.runsTests(tree));
    this.testing.set(name, runs);
    return runs;
  }

  /** The scripts a command runs: `npm run x`, `npm test`, `pnpm x`, `yarn x`, `bun run x`, `run-s test:*`, `concurrently "npm:test:*"`. */
  private calledScripts(words: readonly string[]): string[] {
    const [tool, first, second] = words;
    if (tool === undefined) return [];
    if (SCRIPT_RUNNERS.has(tool)) {
      const names = words.slice(1).filter((word) => !word.startsWith('-') || word.startsWith('npm:'));
      return names.flatMap((word) => this.expand(tool === 'concurrently' ? (word.startsWith('npm:') ? word.slice(4) : '') : word));
    }
    if (tool !== 'npm' && tool !== 'pnpm' && tool !== 'yarn' && tool !== 'bun') return [];
    const args = words.slice(1).filter((word) => !word.startsWith('-'));
    if (first === 'run' || first === 'run-script' || (tool === 'pnpm' && args[0] === 'run')) return second && !second.startsWith('-') ? [second] : args[1] ? [args[1]] : [];
    if (first === 'test' || first === 't') return tool === 'bun' ? [] : ['test'];
    // pnpm and yarn run a script by its name alone.
    if ((tool === 'pnpm' || tool === 'yarn') && args[0] && typeof this.scripts[args[0]] === 'string') return [args[0]];
    return [];
  }

  /** Script names a run-s/npm-run-all pattern matches: `test:*`, `test:**`. */
  private expand(pattern: string): string[] {
    if (!pattern) return [];
    if (!/[*?[{]/.test(pattern)) return [pattern];
    const matches = picomatch(pattern.replace(/:/g, '/'));
    return Object.keys(this.scripts).filter((name) => matches(name.replace(/:/g, '/')));
  }
}

/** The values a command gives environment variables: `DIALECT=db2 mocha`, `cross-env DIALECT=db2 yarn test`, `env CI=1 jest`. */
function environmentValues(command: Command): string[] {
  const [tool, ...args] = command.words;
  const assignments = [...command.assignments];
  if (tool === 'cross-env' || tool === 'cross-env-shell' || tool === 'env') {
    for (const word of args) {
      if (!ASSIGNMENT.test(word)) break;
      assignments.push(word);
    }
  }
  return assignments.filter((word) => ASSIGNMENT.test(word)).map((word) => word.slice(word.indexOf('=') + 1)).filter(Boolean);
}
const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=/;

/** The command a wrapper runs: `cross-env CI=1 jest` → jest, `dotenv -e .env -- vitest run` → vitest run. */
function unwrap(words: readonly string[]): string[] {
  let rest = [...words];
  for (let guard = 0; guard < 8 && rest.length > 0; guard += 1) {
    const [tool, ...args] = rest;
    const subcommand = args[0];
    if ((tool === 'pnpm' || tool === 'yarn' || tool === 'npm') && (subcommand === 'exec' || subcommand === 'dlx' || subcommand === 'x')) {
      rest = args[1] === '--' ? args.slice(2) : args.slice(1);
      continue;
    }
    // yarn jest, pnpm vitest run, bun mocha: a package manager runs the binary of that name.
    if ((tool === 'yarn' || tool === 'pnpm' || tool === 'bun') && subcommand && TEST_RUNNERS.has(subcommand)) {
      rest = args;
      continue;
    }
    if (!tool || !WRAPPERS.has(tool)) return rest;
    const separator = args.indexOf('--');
    if (separator !== -1 && (tool.startsWith('dotenv') || tool === 'env-cmd' || tool === 'with-env')) {
      rest = args.slice(separator + 1);
      continue;
    }
    let index = 0;
    while (index < args.length) {
      const word = args[index]!;
      if (/^[A-Za-z_]\w*=/.test(word)) index += 1;
      else if (WRAPPER_VALUE_OPTIONS.has(word)) index += 2;
      else if (word.startsWith('-')) index += 1;
      else break;
    }
    rest = args.slice(index);
  }
  return rest;
}

/** The command string of `sh -c "…"` / `bash -c "…"`. */
function shellArgument(words: readonly string[]): string | undefined {
  if (!words[0] || !SHELLS.has(path.posix.basename(words[0]))) return undefined;
  const flag = words.findIndex((word) => /^-\w*c\w*$/.test(word));
  return flag === -1 ? undefined : words[flag + 1];
}

function isTestRunner(words: readonly string[]): boolean {
  const [tool, ...args] = words;
  if (!tool) return false;
  const name = path.posix.basename(tool).replace(/\.[cm]?js$/, '');
  if (TEST_RUNNERS.has(name)) return true;
  if (name === 'node' || name === 'bun' || name === 'deno' || name === 'tsx') {
    return args.some((word) => word === '--test' || word.startsWith('--test=') || (name !== 'node' && word === 'test')) || args.some(pathOfRunner);
  }
  if (WORKSPACE_TASK_RUNNERS.has(name) && args.some((word) => /^test(?:\W|$)/.test(word))) return true;
  if ((name === 'react-scripts' || name === 'ng' || name === 'vue-cli-service' || name === 'craco') && args.some((word) => word.startsWith('test'))) return true;
  // A test script of the project's own: ./scripts/test.sh, scripts/run-tests.js (`test` alone is the shell's builtin).
  return name !== 'test' && /(?:^|[\W_])tests?(?:[\W_]|$)/.test(name);
}

/** The command names that run a script given by path: `node`, and the runtimes and loaders like it. */
const SCRIPT_RUNTIMES = new Set(['node', 'bun', 'deno', 'tsx']);

/**
 * The runner a command runs, and its words from the runner on: a runner run by path through node
 * is that runner (webpack's `node --expose-gc node_modules/jest-cli/bin/jest --logHeapUsage` is jest,
 * reading jest's config and arguments), and node's own `--test` is node's.
 */
function runnerCommand(words: readonly string[]): { runner: string; words: readonly string[] } {
  const name = path.posix.basename(words[0]!).replace(/\.[cm]?js$/, '');
  if (!SCRIPT_RUNTIMES.has(name) || words.some((word) => word === '--test' || word.startsWith('--test='))) return { runner: name, words };
  const at = words.findIndex((word, index) => index > 0 && pathOfRunner(word));
  if (at === -1) return { runner: name, words };
  const runner = pathOfRunner(words[at]!)!;
  return { runner, words: [runner, ...words.slice(at + 1)] };
}

/** The runner a path names, if one: `jest` of `node_modules/jest-cli/bin/jest.js`, `_mocha` of `node_modules/mocha/bin/_mocha`. */
function pathOfRunner(word: string): string | undefined {
  if (word.startsWith('-')) return undefined;
  return word.split('/').map((part) => part.replace(/\.[cm]?js$/, '')).findLast((part) => TEST_RUNNERS.has(part));
}

/** The words of a command that are paths: not options, nor the values of options. */
function pathArguments(words: readonly string[]): string[] {
  const paths: string[] = [];
  for (let index = 0; index < words.length; index += 1) {
    const word = words[index]!;
    if (VALUE_OPTIONS.has(word)) index += 1;
    else if (!word.startsWith('-')) paths.push(word.replace(/^\.\//, ''));
  }
  return paths;
}

/** `--config x`, `--config=x`, `-c x`: the runner config a command names. */
/** Flags with which jest and vitest choose their test files beside or instead of their config. */
const FILE_CHOOSING_FLAG = /^--(?:testMatch|testRegex|roots|rootDir|root)(?:=|$)/;

function configOption(words: readonly string[]): string | undefined {
  for (let index = 1; index < words.length; index += 1) {
    const word = words[index]!;
    if (word === '--config' || word === '-c') return words[index + 1];
    if (word.startsWith('--config=')) return word.slice('--config='.length);
  }
  return undefined;
}

/** Commands that exit 0 whatever happened before them. */
/** `exit 0`: the script ends there, green (TanStack Router's `exit 0; vitest --typecheck`, a suite switched off). */
function exitsZero(node: ShellNode): boolean {
  return node.type === 'command' && node.words[0] === 'exit' && node.words[1] === '0';
}

/** `exit 0`, or a chain that gets there: `rm -rf out && exit 0`. */
function endsExitingZero(node: ShellNode): boolean {
  return exitsZero(node) || (node.type === 'and' && endsExitingZero(node.right));
}

function alwaysSucceeds(node: ShellNode): boolean {
  switch (node.type) {
    case 'command': {
      const tool = node.words[0];
      return tool === 'true' || tool === ':' || tool === 'echo' || tool === 'printf' || exitsZero(node);
    }
    case 'or':
      return alwaysSucceeds(node.right);
    case 'and':
      return alwaysSucceeds(node.left) && alwaysSucceeds(node.right);
    case 'sequence':
      return node.items.length > 0 && alwaysSucceeds(node.items.at(-1)!);
    case 'subshell':
      return alwaysSucceeds(node.body);
    default:
      return false;
  }
}

/** Commands that run a task of each workspace member, by the member's own scripts. */
export const WORKSPACE_TASK_RUNNERS: ReadonlySet<string> = new Set(['turbo', 'nx', 'lerna']);
const DELEGATING_SCRIPT = new RegExp(`\\b(?:${[...WORKSPACE_TASK_RUNNERS].join('|')})\\b|--workspaces?\\b|(?:^|\\s)-(?:r|ws)\\b|--recursive\\b|--filter\\b|workspaces\\s+foreach\\b`);

/** Whether a root test script runs every workspace's own test script (turbo, nx, lerna, `--workspaces`, `-r`). */
export function delegatesToWorkspaces(script: string): boolean {
  return DELEGATING_SCRIPT.test(script);
}

/** `test`, `test:unit`, `test-ci`: scripts and targets that run tests. */
export const TEST_TARGET = /^test(?:\W|$)/;

/** Scripts that make or check the package rather than run it: build, code generation, install and publish hooks. */
const MAKING_SCRIPT = /^(?:pre|post)?(?:build|compile|bundle|gen|generate|codegen|prepare|prepack|prepublish|prepublishOnly|install|version|release)(?:$|[-:._])/;
const SOURCE_EXTENSION = /\.(?:[cm]?[jt]s|[jt]sx)$/;

/**
 * The files, relative to the package, that its making scripts run by path: novu's `"build": "node ./check-ee.mjs"`,
 * `"prebuild": "tsx tools/gen.ts"`. They are its tooling, not the code it ships; `start` and `dev` run the code itself.
 */
export function toolingFiles(scripts: Record<string, unknown>): Set<string> {
  return filesRunByScripts(scripts, MAKING_SCRIPT);
}

/** The files, relative to the package, that its test scripts run by path with node, bun, deno or tsx: zora's pta, `"test": "node test/samples/index.js"`. */
export function testFilesRunByScripts(scripts: Record<string, unknown>): Set<string> {
  return filesRunByScripts(scripts, TEST_TARGET);
}

function filesRunByScripts(scripts: Record<string, unknown>, names: RegExp): Set<string> {
  const files = new Set<string>();
  for (const [name, script] of Object.entries(scripts)) {
    const tree = names.test(name) && typeof script === 'string' ? parseShell(script) : undefined;
    for (const { words } of tree ? shellCommands(tree) : []) {
      const [tool, ...args] = unwrap(words);
      if (!tool || !SCRIPT_RUNTIMES.has(path.posix.basename(tool))) continue;
      const file = pathArguments(args).find((word) => SOURCE_EXTENSION.test(word));
      if (file) files.add(path.posix.normalize(file));
    }
  }
  return files;
}
