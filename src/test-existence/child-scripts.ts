import { calleePath, literalValue, type t } from './ast.js';

/** A script Node runs: `test-ssr-dev.js`, `./fixtures/check.mjs`. */
const SCRIPT_FILE = /\.[cm]?[jt]sx?$/;

/**
 * Calls that run a command and fail when it exits with an error: awaited, the promise forms (`execFileAsync`, execa,
 * `execaNode`, and any name the file gives `promisify(exec)` or `promisify(execFile)`); as they are, the synchronous forms that
 * throw (`execFileSync`, `execSync`, `execaSync`). `spawnSync` returns the status and throws nothing, and child_process's own
 * `exec`, `execFile`, `spawn` and `fork` return at once, leaving the exit to a callback.
 */
const AWAITED_RUN = /^(?:exec\w*Async|execa(?:Node|Command)?)$/;
const THROWING_RUN = /^(?:execFileSync|execSync|execaSync|execaCommandSync)$/;

/**
 * The script a child process runs with Node, where the call fails when the script does: vite's
 * `await execFileAsync('node', ['test-ssr-dev.js'], { cwd })` and `await execaNode('check.mjs')`, `execSync('node x.js')`.
 * The script's path as written, relative to some folder of the test (its cwd is rarely a literal).
 */
export function nodeScriptRun(call: t.CallExpression, awaited: boolean, promisifiedRun: (name: string) => boolean): string | undefined {
  const name = calleePath(call.callee)?.at(-1);
  const awaitable = name !== undefined && (AWAITED_RUN.test(name) || (call.callee.type === 'Identifier' && promisifiedRun(name)));
  if (name === undefined || !((awaited && awaitable) || THROWING_RUN.test(name))) return undefined;
  const [first, second] = call.arguments;
  if (!first) return undefined;
  // execaNode('check.mjs', args)
  if (name === 'execaNode') return scriptPath(first);
  const command = literalValue(first)?.value;
  if (typeof command !== 'string') return isExecPath(first) && second?.type === 'ArrayExpression' ? scriptArgument(second.elements) : undefined;
  // execSync('node --flag x.js'), execaCommand('node x.js')
  const words = command.trim().split(/\s+/);
  if (words[0] !== 'node') return undefined;
  if (words.length > 1) return words.slice(1).find((word) => !word.startsWith('-') && SCRIPT_FILE.test(word));
  return second?.type === 'ArrayExpression' ? scriptArgument(second.elements) : undefined;
}

/** The first argument that is no flag, when it names a script. */
function scriptArgument(elements: ReadonlyArray<t.Node | null>): string | undefined {
  for (const element of elements) {
    if (!element) return undefined;
    const value = literalValue(element)?.value;
    if (typeof value === 'string' && value.startsWith('-')) continue;
    return scriptPath(element);
  }
  return undefined;
}

/** A script's path: a literal, or the last literal of the call that builds it (`path.join(__dirname, 'x.js')`, `fileURLToPath(new URL('./x.js', import.meta.url))`). */
function scriptPath(node: t.Node, depth = 0): string | undefined {
  const value = literalValue(node)?.value;
  if (typeof value === 'string') return SCRIPT_FILE.test(value) ? value : undefined;
  if ((node.type === 'CallExpression' || node.type === 'NewExpression') && depth < 2) {
    for (const argument of [...node.arguments].reverse()) {
      const found = scriptPath(argument, depth + 1);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

/** `process.execPath`: the Node running the tests. */
function isExecPath(node: t.Node): boolean {
  const path = calleePath(node);
  return path?.length === 2 && path[0] === 'process' && path[1] === 'execPath';
}
