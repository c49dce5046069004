/** Why a package's test script can exit 0 without having run tests. */
export interface ScriptProblem {
  rule: 'script/placeholder' | 'script/pass-with-no-tests' | 'script/ignored-exit-code';
  /** The script the problem is in: `test`, or one that `test` runs (`test:unit`). */
  script: string;
  message: string;
}

interface ShellCommand {
  words: string[];
  /** The operator before the command: `&&`, `||`, `;`, `|`, `&`, or '' for the first. */
  operator: string;
}

/** npm's default, written by `npm init`. */
const NPM_PLACEHOLDER = /no test specified/i;
const PASS_WITH_NO_TESTS = /^--pass-?with-?no-?tests(?:=true)?$/i;
/** Commands that always exit 0. */
const ALWAYS_SUCCEEDS = (words: readonly string[]): boolean =>
  (words.length === 1 && (words[0] === 'true' || words[0] === ':')) || (words[0] === 'exit' && (words[1] ?? '0') === '0') || words[0] === 'echo';

/** Checks the `test` script and the test scripts it runs (`npm run test:unit`, `pnpm test:e2e`, `yarn test:ci`). */
export function checkTestScript(scripts: Record<string, unknown>): ScriptProblem[] {
  const problems: ScriptProblem[] = [];
  const seen = new Set<string>();
  const pending = ['test'];
  while (pending.length > 0) {
    const name = pending.shift()!;
    const script = scripts[name];
    if (seen.has(name) || typeof script !== 'string') continue;
    seen.add(name);
    const commands = splitShell(script);
    problems.push(...checkCommands(name, script, commands));
    for (const command of commands) {
      const called = calledScript(command.words);
      // `test:unit`, `test-e2e`: scripts that run tests; `lint` or `build` ignoring their own failures is another matter.
      if (called?.startsWith('test')) pending.push(called);
    }
  }
  return problems;
}

function checkCommands(name: string, script: string, commands: ShellCommand[]): ScriptProblem[] {
  const problems: ScriptProblem[] = [];
  if (NPM_PLACEHOLDER.test(script)) {
    problems.push({ rule: 'script/placeholder', script: name, message: `the "${name}" script is npm's placeholder (${script}), so no test runs` });
    return problems;
  }
  if (commands.length > 0 && commands.every((command) => command.words[0] === 'echo')) {
    problems.push({ rule: 'script/placeholder', script: name, message: `the "${name}" script only prints (${script}), so no test runs and it always passes` });
    return problems;
  }
  if (commands.some((command) => command.words.some((word) => PASS_WITH_NO_TESTS.test(word)))) {
    problems.push({ rule: 'script/pass-with-no-tests', script: name, message: `the "${name}" script passes --passWithNoTests, so it is green when no test is found` });
  }
  const last = commands.at(-1);
  const swallowed = commands.some((command, index) => index > 0 && command.operator === '||' && ALWAYS_SUCCEEDS(command.words));
  if (swallowed || (last && (last.operator === ';' || commands.length === 1) && ALWAYS_SUCCEEDS(last.words) && last.words[0] !== 'echo')) {
    problems.push({ rule: 'script/ignored-exit-code', script: name, message: `the "${name}" script ignores the exit code of its tests (${script}), so failing tests leave CI green` });
  }
  return problems;
}

/** The script an `npm run x` / `npm test` / `pnpm x` / `yarn x` / `bun run x` command runs, if any. */
function calledScript(words: readonly string[]): string | undefined {
  const [tool, first, second] = words;
  if (tool !== 'npm' && tool !== 'pnpm' && tool !== 'yarn' && tool !== 'bun') return undefined;
  if (first === 'run' || first === 'run-script') return second;
  if (first === 'test' || first === 't') return tool === 'bun' ? undefined : 'test';
  // pnpm and yarn run a script by its name alone; builtin commands take no part here.
  if ((tool === 'pnpm' || tool === 'yarn') && first && !first.startsWith('-') && first.includes(':')) return first;
  return undefined;
}

/** Whether a root test script runs every workspace's own test script (turbo, nx, lerna, `--workspaces`, `-r`). */
export function delegatesToWorkspaces(script: string): boolean {
  return /\b(?:turbo|nx|lerna)\b|--workspaces?\b|(?:^|\s)-(?:r|ws)\b|--recursive\b|--filter\b|workspaces\s+foreach\b/.test(script);
}

/** Splits a shell command line into simple commands, honouring quotes; enough to read npm scripts. */
function splitShell(script: string): ShellCommand[] {
  const commands: ShellCommand[] = [];
  let words: string[] = [];
  let word = '';
  let inWord = false;
  let operator = '';
  const endWord = () => {
    if (inWord) words.push(word);
    word = '';
    inWord = false;
  };
  const endCommand = (next: string) => {
    endWord();
    if (words.length > 0) commands.push({ words, operator });
    words = [];
    operator = next;
  };
  for (let index = 0; index < script.length; index += 1) {
    const char = script[index]!;
    if (char === "'" || char === '"') {
      const close = script.indexOf(char, index + 1);
      const end = close === -1 ? script.length : close;
      word += script.slice(index + 1, end);
      inWord = true;
      index = end;
    } else if (char === '\\') {
      word += script[index + 1] ?? '';
      inWord = true;
      index += 1;
    } else if ((char === '&' || char === '|') && script[index - 1] !== '>') {
      // `2>&1` and `>|` are redirections, not operators.
      const double = script[index + 1] === char;
      endCommand(double ? char + char : char);
      if (double) index += 1;
    } else if (char === ';' || char === '\n') {
      endCommand(';');
    } else if (char === ' ' || char === '\t') {
      endWord();
    } else {
      word += char;
      inWord = true;
    }
  }
  endCommand('');
  return commands;
}
