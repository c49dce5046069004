import path from 'node:path';
import picomatch from 'picomatch';
import { unscopedName, type PackageDiscovery, type ProjectPackage } from '../core/packages.js';
import { interpretCommand, stripWrappers, type Interpretation, type RunTarget, type ScriptRun, type ToolRun } from './script-runs.js';
import { shellCommands } from './shell.js';
import { readRecipes, taskRunOf } from './task-files.js';

/** Task runners whose tasks are JavaScript (a gulpfile, a Gruntfile). */
const JS_TASK_RUNNERS = new Set(['gulp', 'grunt']);
/** A task named for tests: `test`, `test:unit`, `unittest`, pdf.js's `unittestcli`, `browsertest`; not `latest`. */
const TEST_TASK = /(?:^|[^a-z])(?:[a-z]*?(?:unit|integration|browser|e2e))?tests?(?:cli)?(?:$|[^a-z])/i;

/**
 * What the pull-request workflows run, followed into package scripts: `npm run check` whose script
 * runs lint and test counts for both, `turbo run test` for every package with a test script.
 */
export class ScriptCoverage {
  private readonly ran = new Set<string>();
  /** Scripts whose body ran scripts of other packages (`turbo run test`), so they are no runner themselves. */
  private readonly delegating = new Set<string>();
  readonly tools: ToolRun[] = [];
  /** Every command seen, in CI steps and in the scripts they run, to find audits and secret scans. */
  readonly commands: string[][] = [];

  /** Make and just targets already followed, by task file and target. */
  private readonly tasks = new Set<string>();

  constructor(
    private readonly discovery: PackageDiscovery,
    /** The text of a tracked file, or undefined when there is none: for Makefiles and justfiles. */
    private readonly readTaskFile: (file: string) => string | undefined = () => undefined,
  ) {}

  /** Shell text run in `dir` (relative to the root): a step's `run:`, or the body of `origin`, a package script. */
  addStepScript(script: string, dir: string, origin?: { entry: ProjectPackage; script: string }): void {
    for (const command of shellCommands(script)) {
      this.commands.push(command.words);
      const interpretation = interpretCommand(command, dir);
      this.apply(interpretation, origin);
      for (const tool of interpretation.tools) this.followTaskRunner(tool, origin);
    }
  }

  /** `make test` / `just test`: the recipe's commands run as if written in the step. */
  private followTaskRunner(tool: ToolRun, origin?: { entry: ProjectPackage; script: string }): void {
    const run = taskRunOf(stripWrappers(tool.words), tool.dir);
    const text = run && this.readTaskFile(run.file);
    if (!run || text === undefined) return;
    const { recipes, first } = readRecipes(text);
    const pending = run.targets.length ? [...run.targets] : first ? [first] : [];
    while (pending.length) {
      const target = pending.shift()!;
      const id = `${run.file}\0${target}`;
      const recipe = recipes.get(target);
      if (this.tasks.has(id) || !recipe) continue;
      this.tasks.add(id);
      pending.push(...recipe.needs);
      for (const line of recipe.lines) this.addStepScript(line, run.dir, origin);
    }
  }

  hasRun(entry: Pick<ProjectPackage, 'dir'>, script: string): boolean {
    return this.ran.has(key(entry, script));
  }

  /** A variant of the script ran (`test:unit`, `test:server` for "test"): CI splits it up. */
  ranVariant(entry: ProjectPackage, script: string): boolean {
    return Object.keys(entry.manifest.scripts ?? {}).some((name) => name.startsWith(`${script}:`) && this.hasRun(entry, name));
  }

  /** Whether the script ran as a runner of its own rather than a hand-off to other packages. */
  ranItself(entry: ProjectPackage, script: string): boolean {
    return this.hasRun(entry, script) && !this.delegating.has(key(entry, script));
  }

  /** A task named for tests of a JavaScript task runner, run in `dir` (pdf.js's `npx gulp unittestcli`): tasks the runs do not follow into. */
  ranTestTask(dir: string): boolean {
    return this.tools.some((tool) => {
      const [runner, ...args] = stripWrappers(tool.words);
      return tool.dir === dir && runner !== undefined && JS_TASK_RUNNERS.has(runner) && args.some((arg) => !arg.startsWith('-') && TEST_TASK.test(arg));
    });
  }

  /** A tool run in the package's folder or above it that is the script's own command (`npx eslint .` for "eslint ."). */
  ranAsTool(entry: ProjectPackage, body: string): boolean {
    const first = shellCommands(body).map((command) => stripWrappers(command.words)).find((words) => words.length > 0);
    if (!first) return false;
    const expected = commandName(first);
    const noEmit = first.includes('--noEmit');
    return this.tools.some((tool) => (tool.dir === entry.dir || entry.dir.startsWith(`${tool.dir}/`) || tool.dir === '') && commandName(stripWrappers(tool.words)) === expected && tool.words.includes('--noEmit') === noEmit);
  }

  /** A script made only of scripts that ran (`"test": "npm run lint && npm run test:unit"` when CI runs both). */
  ranEveryPart(entry: ProjectPackage, body: string): boolean {
    const commands = shellCommands(body);
    return commands.length > 0 && commands.every((command) => {
      const { scripts, tools } = interpretCommand(command, entry.dir);
      return tools.length === 0 && scripts.length > 0 && scripts.every((run) => run.target.kind === 'package' && this.resolve(run.target)[0] === entry && run.scripts.every((script) => this.hasRun(entry, script)));
    });
  }

  /** `tsc --noEmit` (or vue-tsc) run in the package's folder. */
  ranTypeCheck(entry: ProjectPackage): boolean {
    return this.tools.some((tool) => tool.dir === entry.dir && /^(?:vue-)?tsc$/.test(tool.words[0] ?? '') && (tool.words.includes('--noEmit') || tool.words.includes('-b') || tool.words.includes('--build')));
  }

  private apply(interpretation: Interpretation, origin?: { entry: ProjectPackage; script: string }): void {
    // Only tools a workflow step runs itself stand for a script: `tsc` inside "build" is not "typecheck".
    if (!origin) this.tools.push(...interpretation.tools);
    for (const run of interpretation.scripts) this.runScripts(run, origin);
  }

  private runScripts(run: ScriptRun, origin?: { entry: ProjectPackage; script: string }): void {
    const targets = this.resolve(run.target);
    if (origin && targets.some((entry) => entry !== origin.entry)) this.delegating.add(key(origin.entry, origin.script));
    for (const entry of targets) {
      const defined = Object.keys(entry.manifest.scripts ?? {});
      for (const script of run.scripts) {
        const matches = script.includes('*') ? picomatch(script.replace(/:\*$/, ':**'), { dot: true }) : undefined;
        const names = matches ? defined.filter((name) => matches(name)) : [script];
        for (const name of names) if (typeof entry.manifest.scripts?.[name] === 'string') this.runScript(entry, name);
      }
    }
  }

  private runScript(entry: ProjectPackage, script: string): void {
    const id = key(entry, script);
    if (this.ran.has(id)) return;
    this.ran.add(id);
    // npm and yarn run `pre<name>` and `post<name>` around a script.
    for (const name of [`pre${script}`, script, `post${script}`]) {
      const body = entry.manifest.scripts?.[name];
      if (typeof body !== 'string') continue;
      this.addStepScript(body, entry.dir, { entry, script });
    }
  }

  private packageAt(dir: string): ProjectPackage | undefined {
    return this.discovery.packageOf(dir ? `${dir}/package.json` : 'package.json');
  }

  /** The same hand-offs (`turbo run x --filter …`) come back for every script: resolve each once. */
  private readonly resolved = new Map<string, ProjectPackage[]>();

  private resolve(target: RunTarget): ProjectPackage[] {
    const id = target.kind === 'package' ? `package\0${target.dir}` : `packages\0${target.dir}\0${target.selectors.join('\0')}`;
    let packages = this.resolved.get(id);
    if (!packages) {
      packages = this.resolveUncached(target);
      this.resolved.set(id, packages);
    }
    return packages;
  }

  private resolveUncached(target: RunTarget): ProjectPackage[] {
    const base = this.packageAt(target.dir);
    if (target.kind === 'package') return base ? [base] : [];
    const root = base?.workspaceRoot !== undefined ? this.discovery.packages.find((entry) => entry.dir === base.workspaceRoot) : base;
    const candidates = root && root.workspaces.length
      ? this.discovery.packages.filter((entry) => root.workspaces.includes(entry.dir))
      : this.discovery.packages.filter((entry) => entry.dir !== (root?.dir ?? target.dir) && (target.dir === '' || entry.dir.startsWith(`${target.dir}/`)));
    return filterBySelectors(candidates, target.selectors, root?.dir ?? target.dir);
  }
}

function key(entry: Pick<ProjectPackage, 'dir'>, script: string): string {
  return `${entry.dir}\0${script}`;
}

/** A command's identity: the binary, and for runtimes and managers the subcommand too (`bun test`, `node --test`). */
function commandName(words: string[]): string {
  const [first = '', second = ''] = words;
  const binary = path.posix.basename(first);
  if (binary === 'npx' || binary === 'bunx' || binary === 'pnpx') return commandName(words.slice(1).filter((word) => !word.startsWith('-')));
  return /^(?:node|bun|deno|tsx|ts-node|npm|pnpm|yarn|python3?|go|cargo|make)$/.test(binary) ? `${binary} ${second}` : binary;
}

/**
 * pnpm/turbo `--filter`, npm `-w`, nx `-p`, lerna `--scope`: by name (globs), by folder (`./apps/*`,
 * `{apps/web}`), with `...` for dependents or dependencies (read as the package itself) and `!` to
 * exclude. Change-based selectors (`[origin/main]`) select every package: what changes is unknown.
 */
function filterBySelectors(candidates: ProjectPackage[], selectors: string[], rootDir: string): ProjectPackage[] {
  const include: Array<(entry: ProjectPackage) => boolean> = [];
  const exclude: Array<(entry: ProjectPackage) => boolean> = [];
  let changeBased = false;
  for (const raw of selectors) {
    const negated = raw.startsWith('!');
    let selector = raw.replace(/^!/, '').replace(/^\.\.\.\^?|\^?\.\.\.$/g, '').replace(/^\.\.\.|\.\.\.$/g, '');
    if (/\[.*\]/.test(selector)) {
      selector = selector.replace(/\[.*\]/, '');
      if (!selector) {
        changeBased = true;
        continue;
      }
    }
    const folder = /^\{(.*)\}$/.exec(selector)?.[1] ?? (selector.startsWith('.') || (selector.includes('/') && !selector.startsWith('@')) ? selector : undefined);
    let matcher: (entry: ProjectPackage) => boolean;
    if (folder !== undefined) {
      const pattern = path.posix.normalize(path.posix.join(rootDir || '.', folder)).replace(/\/$/, '');
      const inFolder = picomatch([pattern, `${pattern}/**`], { dot: true });
      matcher = (entry) => inFolder(entry.dir || '.');
    } else {
      // pnpm takes a name without its scope too (`--filter test-unit` for `@vitest/test-unit`).
      const named = picomatch(selector, { dot: true });
      matcher = (entry) => named(entry.name) || (!selector.startsWith('@') && named(unscopedName(entry.name))) || path.posix.basename(entry.dir) === selector;
    }
    (negated ? exclude : include).push(matcher);
  }
  return candidates.filter((entry) => (include.length === 0 || changeBased || include.some((matches) => matches(entry))) && !exclude.some((matches) => matches(entry)));
}
