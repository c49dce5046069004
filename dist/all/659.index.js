export const id = 659;
export const ids = [659];
export const modules = {

/***/ 7659:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  branchProtectionGate: () => (/* binding */ branchProtectionGate)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
// EXTERNAL MODULE: ./src/core/github.ts + 25 modules
var github = __webpack_require__(1346);
// EXTERNAL MODULE: ./src/core/report.ts
var core_report = __webpack_require__(8557);
;// CONCATENATED MODULE: ./src/branch-protection/api.ts

/** Why a repository (or one of its branches) could not be checked; its message says what to do. */
class RepositoryAccessError extends Error {
    rule;
    help;
    name = 'RepositoryAccessError';
    constructor(
    /** Finding rule: `access/not-found`, `access/forbidden`, … */
    rule, message, help) {
        super(message);
        this.rule = rule;
        this.help = help;
    }
}
const ADMINISTRATION_HELP = 'GITHUB_TOKEN can never administer branch protection, whatever `permissions:` says. Use a fine-grained personal access token or a GitHub App installation token with the repository permission Administration: write (read is enough for mode: check and plan), passed as the `token` input.';
function failureOf(error) {
    if (typeof error !== 'object' || error === null || !('status' in error))
        return undefined;
    const { status, response, message: text } = error;
    const data = response?.data;
    const message = typeof data === 'object' && data !== null && 'message' in data ? String(data.message) : String(text);
    return { status, message, answered: response !== undefined };
}
/** Repository-scoped GitHub calls for the gate, each failure turned into a message a person can act on. */
class RepositoryApi {
    client;
    fullName;
    owner;
    name;
    constructor(client, fullName) {
        this.client = client;
        this.fullName = fullName;
        const [owner, name] = fullName.split('/');
        this.owner = owner;
        this.name = name;
    }
    /** The classic protection of a branch, or null when the branch exists and is not protected. */
    async readClassicProtection(branch) {
        try {
            const { data } = await this.client.request('GET /repos/{owner}/{repo}/branches/{branch}/protection', { owner: this.owner, repo: this.name, branch });
            return data;
        }
        catch (error) {
            const failure = failureOf(error);
            if (failure?.status === 404 && /not protected/i.test(failure.message))
                return null;
            throw await this.explain(error, `read the protection of ${branch}`, branch);
        }
    }
    /** The rules every ruleset (repository and organisation) applies to a branch. */
    async readEffectiveRules(branch) {
        try {
            return (await this.client.paginate('GET /repos/{owner}/{repo}/rules/branches/{branch}', { owner: this.owner, repo: this.name, branch, per_page: 100 }));
        }
        catch (error) {
            throw await this.explain(error, `read the rules of ${branch}`);
        }
    }
    /** The repository's own rulesets (not the organisation's), by name. */
    async listRepositoryRulesets() {
        try {
            const rulesets = (await this.client.paginate('GET /repos/{owner}/{repo}/rulesets', { owner: this.owner, repo: this.name, includes_parents: false, per_page: 100 }));
            return rulesets.filter((ruleset) => ruleset.source_type !== 'Organization').map(({ id, name }) => ({ id, name }));
        }
        catch (error) {
            throw await this.explain(error, 'list its rulesets');
        }
    }
    async readRuleset(id) {
        try {
            const { data } = await this.client.request('GET /repos/{owner}/{repo}/rulesets/{ruleset_id}', { owner: this.owner, repo: this.name, ruleset_id: id });
            return data;
        }
        catch (error) {
            throw await this.explain(error, `read ruleset ${id}`);
        }
    }
    /**
     * Sends one write of a plan, exactly as the plan shows it; returns the answer's `id` (the id of
     * a created ruleset).
     */
    async send(write) {
        try {
            const { data } = await this.client.request(`${write.method} ${write.route}`, { owner: this.owner, repo: this.name, ...write.parameters, ...write.body });
            return typeof data === 'object' && data !== null && 'id' in data ? Number(data.id) : undefined;
        }
        catch (error) {
            throw await this.explain(error, write.purpose, write.parameters.branch);
        }
    }
    async listBranchNames() {
        try {
            const branches = (await this.client.paginate('GET /repos/{owner}/{repo}/branches', { owner: this.owner, repo: this.name, per_page: 100 }));
            return branches.map((branch) => branch.name);
        }
        catch (error) {
            throw await this.explain(error, 'list its branches');
        }
    }
    /**
     * Turns a failed request into a RepositoryAccessError. A bare 404 is ambiguous (GitHub answers
     * 404 rather than 403 for a repository the token cannot see), so it costs one more request to
     * tell "no such branch" from "no such repository, or not visible to this token".
     */
    async explain(error, action, branch) {
        const failure = failureOf(error);
        if (!failure?.status)
            return error instanceof Error ? error : new Error(String(error));
        const where = this.fullName;
        const { status, message } = failure;
        if (!failure.answered)
            return new RepositoryAccessError('access/unreachable', `${where}: GitHub could not be reached to ${action} (${message}); check GITHUB_API_URL and the network`);
        if (status === 401)
            return new RepositoryAccessError('access/unauthorized', `${where}: GitHub refused the token (401 ${message}); check that the \`token\` input holds a valid, unexpired token`);
        if (status === 403 || status === 404) {
            if (/upgrade to github pro|make this repository public/i.test(message)) {
                return new RepositoryAccessError('access/plan-limit', `${where}: branch protection is not available for this repository on its plan (${message.replace(/\.$/, '')}); upgrade to GitHub Pro, Team or Enterprise or make the repository public`);
            }
            if (status === 403 && /rate limit/i.test(message)) {
                return new RepositoryAccessError('access/rate-limited', `${where}: the rate limit held after the retries (${message}); lower \`concurrency\` or split the run with \`shard\``);
            }
            if (status === 403) {
                return new RepositoryAccessError('access/forbidden', `${where}: the token may not ${action} (403 ${message}); it needs Administration: ${/^(read|list)/.test(action) ? 'read' : 'write'} on this repository`, ADMINISTRATION_HELP);
            }
            if (branch !== undefined && /branch not found/i.test(message)) {
                return new RepositoryAccessError('access/branch-not-found', `${where}: branch ${branch} does not exist; create it or fix the branch name in branch-protection.branches`);
            }
            if (branch !== undefined && (await this.branchExists(branch)) === false) {
                return new RepositoryAccessError('access/branch-not-found', `${where}: branch ${branch} does not exist; create it or fix the branch name in branch-protection.branches`);
            }
            return new RepositoryAccessError('access/not-found', `${where}: the repository does not exist or the token cannot see it (404 ${message}); check the name and that the token is granted this repository`, ADMINISTRATION_HELP);
        }
        return new RepositoryAccessError('access/failed', `${where}: GitHub answered ${status} when trying to ${action} (${message}); try again later`);
    }
    /** false when the repository is visible and the branch is not there; undefined when the repository is not visible. */
    async branchExists(branch) {
        try {
            await this.client.request('GET /repos/{owner}/{repo}/branches/{branch}', { owner: this.owner, repo: this.name, branch });
            return true;
        }
        catch (error) {
            if (failureOf(error)?.status !== 404)
                return undefined;
        }
        try {
            await this.client.request('GET /repos/{owner}/{repo}', { owner: this.owner, repo: this.name });
            return false;
        }
        catch {
            return undefined;
        }
    }
}
/** The repositories of an organisation, without archived ones (they cannot be protected). */
async function listOrganizationRepositories(client, org) {
    try {
        const repositories = (await client.paginate('GET /orgs/{org}/repos', { org, type: 'all', per_page: 100 }));
        return repositories.filter((repository) => !repository.archived).map((repository) => ({ fullName: repository.full_name, topics: repository.topics ?? [] }));
    }
    catch (error) {
        const failure = failureOf(error);
        if (failure?.status === 404)
            throw new errors/* ConfigurationError */.j1(`organisation ${org} does not exist or the token cannot see it (404 ${failure.message}); check the org setting and that the token belongs to it`);
        if (failure?.status === 401 || failure?.status === 403)
            throw new errors/* ConfigurationError */.j1(`the token may not list the repositories of ${org} (${failure.status} ${failure.message}); give it Metadata: read on the organisation's repositories`);
        throw new errors/* EnvironmentError */.eG(`could not list the repositories of ${org} (${failure ? `${failure.status} ${failure.message}` : String(error)}); try again later`);
    }
}

;// CONCATENATED MODULE: ./src/branch-protection/branches.ts
/** Whether a configured branch is a pattern (`release/*`) rather than one branch's name. */
function isBranchPattern(name) {
    return /[*?[]/.test(name);
}
/**
 * fnmatch as GitHub applies it to branch names: `*` stays within a path segment, `**` crosses
 * `/`, `?` is one character, `[...]` a class.
 */
function matchesBranchPattern(pattern, branch) {
    let source = '';
    for (let index = 0; index < pattern.length; index += 1) {
        const char = pattern[index];
        if (char === '*') {
            if (pattern[index + 1] === '*') {
                source += '.*';
                index += 1;
            }
            else {
                source += '[^/]*';
            }
        }
        else if (char === '?') {
            source += '[^/]';
        }
        else if (char === '[') {
            const end = pattern.indexOf(']', index + 1);
            if (end === -1)
                source += '\\[';
            else {
                source += `[${pattern.slice(index + 1, end).replace(/^!/, '^').replace(/\\/g, '\\\\')}]`;
                index = end;
            }
        }
        else {
            source += char.replace(/[.+^${}()|\\\]]/g, '\\$&');
        }
    }
    return new RegExp(`^${source}$`).test(branch);
}

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
var external_node_os_default = /*#__PURE__*/__webpack_require__.n(external_node_os_);
;// CONCATENATED MODULE: ./src/branch-protection/options.ts



/** Settings (validated and defaulted by the schema) as typed options; what the schema cannot say is checked here. */
function parseOptions(settings, context) {
    // The config keys of a branch are the setting names of ProtectionState.
    const branches = settings.branches;
    if (branches.length === 0) {
        throw new errors/* ConfigurationError */.j1('branch-protection.branches is empty, so there is nothing to check; list the branches to protect in the config file (e.g. `branches: [{name: main, required-reviews: 1}]`)');
    }
    const names = new Set();
    for (const branch of branches) {
        if (names.has(branch.name))
            throw new errors/* ConfigurationError */.j1(`branch-protection.branches: ${branch.name} is listed twice; merge its settings into one entry`);
        names.add(branch.name);
    }
    const backupPath = typeof settings['backup-path'] === 'string' && settings['backup-path']
        ? external_node_path_default().resolve(context.cwd, settings['backup-path'])
        : external_node_path_default().join(context.env.RUNNER_TEMP || external_node_os_default().tmpdir(), 'readiness-gates', 'branch-protection-backup.jsonl');
    return {
        mode: settings.mode,
        api: settings.api,
        repo: settings.repo,
        repositories: settings.repositories ?? [],
        org: settings.org || undefined,
        nameFilter: parseNameFilter(settings['name-filter']),
        topic: settings.topic || undefined,
        shard: parseShard(settings.shard),
        concurrency: settings.concurrency,
        prune: settings.prune,
        allowWeaken: settings['allow-weaken'],
        appId: settings['app-id'],
        backupPath,
        branches,
    };
}
function parseNameFilter(value) {
    if (!value)
        return undefined;
    try {
        return new RegExp(value);
    }
    catch (error) {
        throw new errors/* ConfigurationError */.j1(`name-filter: ${JSON.stringify(value)} is not a regular expression (${error.message}); fix the pattern`);
    }
}
function parseShard(value) {
    if (!value)
        return undefined;
    const [index, count] = value.split('/').map(Number);
    if (count < 1 || index < 1 || index > count)
        throw new errors/* ConfigurationError */.j1(`shard: "${value}" is not a slice; use i/n with 1 ≤ i ≤ n, e.g. 1/4`);
    return { index, count };
}
/**
 * The repositories of one shard: the list sorted case-insensitively, then every n-th from i, so
 * each job of a matrix gets the same slice however the list was gathered.
 */
function selectShard(repositories, shard) {
    const sorted = [...new Set(repositories)].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase()) || a.localeCompare(b));
    if (!shard)
        return sorted;
    return sorted.filter((_, position) => position % shard.count === shard.index - 1);
}

;// CONCATENATED MODULE: ./src/branch-protection/protection.ts
/**
 * One shape for branch protection, whichever API it comes from: the classic protection GET, a
 * ruleset, or the effective rules of a branch. Diffs and plans only ever see this shape.
 */
const GITHUB_ACTIONS_APP_ID = 15368;
const SETTINGS = [
    'required-checks',
    'strict',
    'required-reviews',
    'code-owner-reviews',
    'dismiss-stale-reviews',
    'require-last-push-approval',
    'enforce-admins',
    'linear-history',
    'conversation-resolution',
    'allow-force-pushes',
    'allow-deletions',
    'signed-commits',
];
/** Settings where `true` loosens the protection. */
const LOOSENING_FLAGS = new Set(['allow-force-pushes', 'allow-deletions']);
/** A branch nobody protects: anyone with write access may push, force-push and delete. */
function unprotectedState() {
    return {
        'required-checks': null,
        strict: false,
        'required-reviews': null,
        'code-owner-reviews': false,
        'dismiss-stale-reviews': false,
        'require-last-push-approval': false,
        'enforce-admins': false,
        'linear-history': false,
        'conversation-resolution': false,
        'allow-force-pushes': true,
        'allow-deletions': true,
        'signed-commits': false,
    };
}
/** -1 weaker, 0 same, 1 stronger: how `a` compares with `b` for a scalar setting. */
function compareStrength(setting, a, b) {
    if (setting === 'required-reviews')
        return Math.sign((a === null ? -1 : Number(a)) - (b === null ? -1 : Number(b)));
    if (a === b)
        return 0;
    const stronger = LOOSENING_FLAGS.has(setting) ? a === false : a === true;
    return stronger ? 1 : -1;
}
/** The protection of a branch as the strongest of its sources (classic protection and every ruleset). */
function strongestOf(states) {
    const result = unprotectedState();
    for (const state of states) {
        for (const setting of SETTINGS) {
            if (setting === 'required-checks') {
                const checks = state['required-checks'];
                if (checks === null)
                    continue;
                const merged = [...(result['required-checks'] ?? [])];
                for (const check of checks)
                    if (!merged.some((known) => known.context === check.context))
                        merged.push(check);
                result['required-checks'] = merged;
            }
            else if (compareStrength(setting, state[setting], result[setting]) > 0) {
                result[setting] = state[setting];
            }
        }
    }
    return result;
}
function asObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? value : {};
}
function enabled(value) {
    return asObject(value).enabled === true;
}
/**
 * The classic GET answer: `{enabled}` objects, url fields, user/team/app objects and checks
 * listed twice (`contexts` and `checks`) become the plain state.
 */
function fromClassicProtection(raw) {
    const protection = asObject(raw);
    const state = unprotectedState();
    const statusChecks = protection.required_status_checks;
    if (statusChecks) {
        const checks = asObject(statusChecks);
        const detailed = Array.isArray(checks.checks) ? checks.checks.map(asObject) : [];
        const contexts = Array.isArray(checks.contexts) ? checks.contexts.map(String) : [];
        const required = detailed.map((check) => ({ context: String(check.context), appId: typeof check.app_id === 'number' ? check.app_id : null }));
        for (const context of contexts)
            if (!required.some((check) => check.context === context))
                required.push({ context, appId: null });
        state['required-checks'] = required;
        state.strict = checks.strict === true;
    }
    const reviews = protection.required_pull_request_reviews;
    if (reviews) {
        const review = asObject(reviews);
        state['required-reviews'] = typeof review.required_approving_review_count === 'number' ? review.required_approving_review_count : 0;
        state['code-owner-reviews'] = review.require_code_owner_reviews === true;
        state['dismiss-stale-reviews'] = review.dismiss_stale_reviews === true;
        state['require-last-push-approval'] = review.require_last_push_approval === true;
    }
    state['enforce-admins'] = enabled(protection.enforce_admins);
    state['linear-history'] = enabled(protection.required_linear_history);
    state['conversation-resolution'] = enabled(protection.required_conversation_resolution);
    state['allow-force-pushes'] = enabled(protection.allow_force_pushes);
    state['allow-deletions'] = enabled(protection.allow_deletions);
    state['signed-commits'] = enabled(protection.required_signatures);
    return state;
}
/**
 * Rules, as a ruleset holds them or as the effective rules of a branch list them. `bypass`
 * says whether admins may bypass (a ruleset's bypass actors); effective rules do not say, so
 * they never claim `enforce-admins`.
 */
function fromRules(rules, adminsEnforced = false) {
    const state = unprotectedState();
    state['enforce-admins'] = adminsEnforced;
    for (const rule of Array.isArray(rules) ? rules.map(asObject) : []) {
        const parameters = asObject(rule.parameters);
        switch (rule.type) {
            case 'pull_request':
                state['required-reviews'] = Math.max(state['required-reviews'] ?? 0, Number(parameters.required_approving_review_count ?? 0));
                state['code-owner-reviews'] ||= parameters.require_code_owner_review === true;
                state['dismiss-stale-reviews'] ||= parameters.dismiss_stale_reviews_on_push === true;
                state['require-last-push-approval'] ||= parameters.require_last_push_approval === true;
                state['conversation-resolution'] ||= parameters.required_review_thread_resolution === true;
                break;
            case 'required_status_checks': {
                const checks = Array.isArray(parameters.required_status_checks) ? parameters.required_status_checks.map(asObject) : [];
                const merged = [...(state['required-checks'] ?? [])];
                for (const check of checks) {
                    if (!merged.some((known) => known.context === check.context))
                        merged.push({ context: String(check.context), appId: typeof check.integration_id === 'number' ? check.integration_id : -1 });
                }
                state['required-checks'] = merged;
                state.strict ||= parameters.strict_required_status_checks_policy === true;
                break;
            }
            case 'non_fast_forward':
                state['allow-force-pushes'] = false;
                break;
            case 'deletion':
                state['allow-deletions'] = false;
                break;
            case 'required_linear_history':
                state['linear-history'] = true;
                break;
            case 'required_signatures':
                state['signed-commits'] = true;
                break;
        }
    }
    return state;
}
/** The repository role id of `admin`, the bypass actor that stands for "admins are not enforced". */
const ADMIN_ROLE_ID = 5;
function isAdminActor(actor) {
    return (actor.actor_type === 'RepositoryRole' && actor.actor_id === ADMIN_ROLE_ID) || actor.actor_type === 'OrganizationAdmin';
}
/** Whether a ruleset lets admins bypass it, the rulesets' way of not enforcing it for admins. */
function adminsBypass(ruleset) {
    const actors = asObject(ruleset).bypass_actors;
    return Array.isArray(actors) && actors.map(asObject).some(isAdminActor);
}
/** Logins, slugs: what the PUT takes for the user/team/app objects the GET returns. */
function actorNames(value) {
    if (!value)
        return undefined;
    const actors = asObject(value);
    const names = (list, key) => (Array.isArray(list) ? list.map((item) => String(asObject(item)[key])) : []);
    return { users: names(actors.users, 'login'), teams: names(actors.teams, 'slug'), apps: names(actors.apps, 'slug') };
}
function hasActors(actors) {
    return actors !== undefined && actors.users.length + actors.teams.length + actors.apps.length > 0;
}
/** Whether the classic protection limits pushes to a list of nobody. */
function restrictsPushesToNobody(raw) {
    const restrictions = actorNames(asObject(raw).restrictions);
    return restrictions !== undefined && !hasActors(restrictions);
}
/**
 * The body of `PUT .../branches/{branch}/protection` for `target`. Whatever this gate does not
 * manage (push restrictions, dismissal restrictions, bypass allowances, lock and fork-sync flags)
 * is carried over from the current protection, so a write never drops it. Checks go as `checks`
 * only: the API refuses `contexts` and `checks` together.
 */
function classicProtectionBody(target, currentRaw) {
    const current = asObject(currentRaw);
    const currentReviews = asObject(current.required_pull_request_reviews);
    const reviews = target['required-reviews'] === null ? null : {
        dismiss_stale_reviews: target['dismiss-stale-reviews'],
        require_code_owner_reviews: target['code-owner-reviews'],
        required_approving_review_count: target['required-reviews'],
        require_last_push_approval: target['require-last-push-approval'],
    };
    if (reviews) {
        const dismissal = actorNames(currentReviews.dismissal_restrictions);
        if (hasActors(dismissal))
            reviews.dismissal_restrictions = dismissal;
        const bypass = actorNames(currentReviews.bypass_pull_request_allowances);
        if (hasActors(bypass))
            reviews.bypass_pull_request_allowances = bypass;
    }
    const checks = target['required-checks'];
    return {
        required_status_checks: checks === null ? null : {
            strict: target.strict,
            checks: checks.map((check) => (check.appId === null ? { context: check.context } : { context: check.context, app_id: check.appId })),
        },
        enforce_admins: target['enforce-admins'],
        required_pull_request_reviews: reviews,
        restrictions: actorNames(current.restrictions) ?? null,
        required_linear_history: target['linear-history'],
        allow_force_pushes: target['allow-force-pushes'],
        allow_deletions: target['allow-deletions'],
        block_creations: enabled(current.block_creations),
        required_conversation_resolution: target['conversation-resolution'],
        lock_branch: enabled(current.lock_branch),
        allow_fork_syncing: enabled(current.allow_fork_syncing),
    };
}
/** The name of the ruleset this gate owns for a branch or pattern; other rulesets are never touched. */
function ownedRulesetName(branch) {
    return `readiness-gates: ${branch}`;
}
/**
 * The body of a ruleset for `target`. Review settings and conversation resolution live in one
 * `pull_request` rule, so asking for any of them requires pull requests. Rules of types this gate
 * does not manage are carried over from the current ruleset.
 */
function rulesetBody(branch, target, currentRaw) {
    const current = asObject(currentRaw);
    const managed = new Set(['pull_request', 'required_status_checks', 'non_fast_forward', 'deletion', 'required_linear_history', 'required_signatures']);
    const rules = [];
    const wantsPullRequest = target['required-reviews'] !== null || target['conversation-resolution'] || target['code-owner-reviews'] || target['dismiss-stale-reviews'] || target['require-last-push-approval'];
    if (wantsPullRequest) {
        rules.push({
            type: 'pull_request',
            parameters: {
                required_approving_review_count: target['required-reviews'] ?? 0,
                dismiss_stale_reviews_on_push: target['dismiss-stale-reviews'],
                require_code_owner_review: target['code-owner-reviews'],
                require_last_push_approval: target['require-last-push-approval'],
                required_review_thread_resolution: target['conversation-resolution'],
            },
        });
    }
    const checks = target['required-checks'];
    if (checks !== null) {
        rules.push({
            type: 'required_status_checks',
            parameters: {
                strict_required_status_checks_policy: target.strict,
                required_status_checks: checks.map((check) => (check.appId === null || check.appId === -1 ? { context: check.context } : { context: check.context, integration_id: check.appId })),
            },
        });
    }
    if (!target['allow-force-pushes'])
        rules.push({ type: 'non_fast_forward' });
    if (!target['allow-deletions'])
        rules.push({ type: 'deletion' });
    if (target['linear-history'])
        rules.push({ type: 'required_linear_history' });
    if (target['signed-commits'])
        rules.push({ type: 'required_signatures' });
    const carried = (Array.isArray(current.rules) ? current.rules.map(asObject) : []).filter((rule) => !managed.has(String(rule.type)));
    const otherActors = (Array.isArray(current.bypass_actors) ? current.bypass_actors.map(asObject) : []).filter((actor) => !isAdminActor(actor));
    return {
        name: ownedRulesetName(branch),
        target: 'branch',
        enforcement: 'active',
        bypass_actors: target['enforce-admins'] ? otherActors : [...otherActors, { actor_id: ADMIN_ROLE_ID, actor_type: 'RepositoryRole', bypass_mode: 'always' }],
        conditions: { ref_name: { include: [`refs/heads/${branch}`], exclude: [] } },
        rules: [...rules, ...carried],
    };
}
/** How a setting's value reads in a message. */
function describeValue(setting, value) {
    if (setting === 'required-checks') {
        const checks = value;
        return checks === null ? 'not required' : checks.length === 0 ? 'none' : checks.map((check) => check.context).join(', ');
    }
    if (setting === 'required-reviews')
        return value === null ? 'pull requests not required' : String(value);
    return String(value);
}

;// CONCATENATED MODULE: ./src/branch-protection/planner.ts

/**
 * The one planner behind plan, check and apply. Compares the config with the effective
 * protection (so what a ruleset already enforces is not drift) and merges over the gate's own
 * source: checks are only added and protections only raised unless `prune` / `allow-weaken`.
 */
function planBranch(policy, managed, effective, options) {
    const target = structuredClone(managed);
    const changes = [];
    const kept = [];
    for (const setting of SETTINGS) {
        if (setting === 'required-checks') {
            const wanted = policy['required-checks'];
            if (wanted !== undefined)
                planChecks(wanted, managed, effective, options, target, changes, kept);
            continue;
        }
        const desired = policy[setting];
        if (desired === undefined)
            continue;
        const now = effective[setting];
        const strength = compareStrength(setting, desired, now);
        if (strength === 0)
            continue;
        if (strength > 0) {
            target[setting] = desired;
            changes.push({ setting, from: now, to: desired, weakens: false });
        }
        else if (options.allowWeaken && compareStrength(setting, desired, managed[setting]) < 0) {
            target[setting] = desired;
            changes.push({ setting, from: now, to: desired, weakens: true });
        }
        else {
            kept.push({
                setting,
                message: compareStrength(setting, desired, managed[setting]) < 0
                    ? `${setting} is ${describeValue(setting, now)}, stronger than the config's ${describeValue(setting, desired)}; kept (set allow-weaken: true to lower it)`
                    : `${setting} is ${describeValue(setting, now)} through a ruleset this gate does not own, stronger than the config's ${describeValue(setting, desired)}`,
            });
        }
    }
    // Review flags live inside the pull-request rule and strict inside the checks: asking for
    // one means requiring the container, or the API has nowhere to put it.
    const reviewFlags = target['code-owner-reviews'] || target['dismiss-stale-reviews'] || target['require-last-push-approval'];
    if (reviewFlags && target['required-reviews'] === null)
        target['required-reviews'] = 0;
    if (target.strict && target['required-checks'] === null)
        target['required-checks'] = [];
    return { target, changes, kept };
}
function planChecks(wanted, managed, effective, options, target, changes, kept) {
    const effectiveChecks = effective['required-checks'] ?? [];
    const managedChecks = managed['required-checks'] ?? [];
    const missing = wanted.filter((name) => !effectiveChecks.some((check) => check.context === name));
    const extra = managedChecks.filter((check) => !wanted.includes(check.context));
    const pruned = options.prune ? extra : [];
    if (extra.length > 0 && !options.prune) {
        kept.push({ setting: 'required-checks', message: `also requires ${extra.map((check) => check.context).join(', ')}, which the config does not list; kept (set prune: true to remove)` });
    }
    if (missing.length === 0 && pruned.length === 0)
        return;
    const next = [
        ...managedChecks.filter((check) => !pruned.includes(check)),
        ...missing.map((context) => ({ context, appId: options.appId })),
    ];
    target['required-checks'] = next;
    changes.push({ setting: 'required-checks', from: effective['required-checks'], to: next, weakens: pruned.length > 0 });
}
/**
 * Why the target would lock everyone out, or undefined. With admins enforced nobody can merge
 * past a check GitHub Actions must report but no workflow produces, and nobody can push to a
 * branch whose push allowance is empty. Without admins enforced an admin can still merge, so
 * those are warnings, not lock-outs.
 */
function findLockout({ target, produced, pushesRestrictedToNobody }) {
    if (!target['enforce-admins'])
        return undefined;
    if (pushesRestrictedToNobody)
        return 'pushes are restricted to nobody and admins would be enforced, so nobody could push or merge';
    if (produced === undefined)
        return undefined;
    const orphaned = (target['required-checks'] ?? []).filter((check) => check.appId === GITHUB_ACTIONS_APP_ID && !produced.has(check.context));
    if (orphaned.length === 0)
        return undefined;
    return `required check${orphaned.length === 1 ? '' : 's'} ${orphaned.map((check) => check.context).join(', ')} must come from GitHub Actions, no workflow produces ${orphaned.length === 1 ? 'it' : 'them'} on pull requests, and admins would be enforced, so no pull request could ever merge`;
}

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
;// CONCATENATED MODULE: ./src/branch-protection/workflows.ts





const WORKFLOW_DIRECTORY = '.github/workflows';
const PULL_REQUEST_EVENTS = ['pull_request', 'pull_request_target'];
/**
 * The check names the workflows under `cwd` report on a pull request into `branch`, named the
 * way GitHub names check runs: the job `name` (matrix expressions filled in) or the job id,
 * `job (a, b)` for a matrix without an expression in the name, `caller / callee` for a local
 * reusable workflow.
 */
function deriveRequiredChecks(cwd, branch) {
    const directory = external_node_path_default().join(cwd, WORKFLOW_DIRECTORY);
    const result = { checks: [], unresolved: [], found: false };
    if (!(0,external_node_fs_.existsSync)(directory))
        return result;
    const files = (0,external_node_fs_.readdirSync)(directory).filter((name) => /\.ya?ml$/.test(name)).sort();
    result.found = files.length > 0;
    for (const name of files) {
        const file = `${WORKFLOW_DIRECTORY}/${name}`;
        const workflow = readWorkflow(cwd, file);
        if (!runsOnPullRequest(workflow.on, branch))
            continue;
        for (const [jobId, job] of Object.entries(workflows_asObject(workflow.jobs))) {
            for (const check of jobCheckNames(cwd, file, jobId, workflows_asObject(job), result.unresolved, new Set([file]))) {
                if (!result.checks.some((known) => known.name === check))
                    result.checks.push({ name: check, file });
            }
        }
    }
    return result;
}
function readWorkflow(cwd, file) {
    let value;
    try {
        value = (0,dist/* parse */.qg)((0,external_node_fs_.readFileSync)(external_node_path_default().join(cwd, file), 'utf8'));
    }
    catch (error) {
        throw new errors/* ConfigurationError */.j1(`${file}: cannot derive required checks, the workflow is not valid YAML (${error.message.split('\n', 1)[0]}); fix it or list required-checks by name`);
    }
    return workflows_asObject(value);
}
function runsOnPullRequest(on, branch) {
    if (typeof on === 'string')
        return PULL_REQUEST_EVENTS.includes(on);
    if (Array.isArray(on))
        return on.some((event) => PULL_REQUEST_EVENTS.includes(String(event)));
    const events = workflows_asObject(on);
    return PULL_REQUEST_EVENTS.some((event) => event in events && targetsBranch(workflows_asObject(events[event]), branch));
}
/** Applies the trigger's `branches` / `branches-ignore` filters to the pull request's base branch. */
function targetsBranch(filter, branch) {
    const include = filter.branches;
    if (Array.isArray(include)) {
        let matched = false;
        // A `!pattern` after a match excludes again; order matters, as in GitHub's filter.
        for (const pattern of include.map(String)) {
            if (pattern.startsWith('!')) {
                if (matchesBranchPattern(pattern.slice(1), branch))
                    matched = false;
            }
            else if (matchesBranchPattern(pattern, branch)) {
                matched = true;
            }
        }
        return matched;
    }
    const ignore = filter['branches-ignore'];
    if (Array.isArray(ignore))
        return !ignore.map(String).some((pattern) => matchesBranchPattern(pattern, branch));
    return true;
}
function jobCheckNames(cwd, file, jobId, job, unresolved, seen) {
    const combinations = expandMatrix(workflows_asObject(job.strategy).matrix);
    if (combinations === undefined) {
        unresolved.push({ file, job: jobId, reason: 'its matrix is computed at run time' });
        return [];
    }
    const template = typeof job.name === 'string' ? job.name : undefined;
    const names = [];
    for (const combination of combinations) {
        const name = nameJob(template ?? jobId, combination);
        if (name === undefined) {
            unresolved.push({ file, job: jobId, reason: `its name ${JSON.stringify(template)} uses an expression other than matrix values` });
            return [];
        }
        names.push(name);
    }
    if (typeof job.uses !== 'string')
        return names;
    const callees = calleeCheckNames(cwd, file, jobId, job.uses, unresolved, seen);
    return names.flatMap((caller) => callees.map((callee) => `${caller} / ${callee}`));
}
function calleeCheckNames(cwd, file, jobId, uses, unresolved, seen) {
    if (!uses.startsWith('./')) {
        unresolved.push({ file, job: jobId, reason: `it calls ${uses}, a workflow outside this repository` });
        return [];
    }
    const callee = uses.slice(2).replace(/@.*$/, '');
    if (seen.has(callee) || !(0,external_node_fs_.existsSync)(external_node_path_default().join(cwd, callee))) {
        unresolved.push({ file, job: jobId, reason: `it calls ${callee}, which ${seen.has(callee) ? 'calls itself' : 'does not exist'}` });
        return [];
    }
    const workflow = readWorkflow(cwd, callee);
    return Object.entries(workflows_asObject(workflow.jobs)).flatMap(([id, job]) => jobCheckNames(cwd, callee, id, workflows_asObject(job), unresolved, new Set([...seen, callee])));
}
/**
 * The default name GitHub gives a matrix job is `name (v1, v2)`; a name that mentions the matrix
 * in an expression is used as it is, with the expressions filled in.
 */
function nameJob(template, combination) {
    const expressions = [...template.matchAll(/\$\{\{\s*([^}]*?)\s*\}\}/g)];
    if (expressions.length === 0) {
        return combination.length === 0 ? template : `${template} (${combination.map(([, value]) => formatMatrixValue(value)).join(', ')})`;
    }
    let name = template;
    for (const [text, expression] of expressions) {
        const key = /^matrix\.([\w-]+)$/.exec(expression ?? '')?.[1];
        const entry = key === undefined ? undefined : combination.find(([name]) => name === key);
        if (!entry)
            return undefined;
        name = name.replace(text, formatMatrixValue(entry[1]));
    }
    return name;
}
function formatMatrixValue(value) {
    return typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value);
}
/**
 * The combinations of a `strategy.matrix`, as GitHub builds them: the product of the list keys,
 * less `exclude`, then each `include` entry added to every combination it does not contradict,
 * or as a combination of its own. Undefined when the matrix comes from an expression.
 */
function expandMatrix(matrix) {
    if (matrix === undefined || matrix === null)
        return [[]];
    if (typeof matrix === 'string')
        return undefined;
    const spec = workflows_asObject(matrix);
    let combinations = [[]];
    for (const [key, values] of Object.entries(spec)) {
        if (key === 'include' || key === 'exclude')
            continue;
        if (!Array.isArray(values))
            return undefined;
        combinations = combinations.flatMap((combination) => values.map((value) => [...combination, [key, value]]));
    }
    if (Array.isArray(spec.exclude)) {
        const excludes = spec.exclude.map(workflows_asObject);
        combinations = combinations.filter((combination) => !excludes.some((exclude) => Object.entries(exclude).every(([key, value]) => sameValue(workflows_valueOf(combination, key), value))));
    }
    const originalKeys = new Set(Object.keys(spec).filter((key) => key !== 'include' && key !== 'exclude'));
    const hasProduct = originalKeys.size > 0 && combinations.length > 0;
    if (Array.isArray(spec.include)) {
        const extended = combinations.map((combination) => [...combination]);
        for (const include of spec.include.map(workflows_asObject)) {
            let merged = false;
            if (hasProduct) {
                for (const combination of extended.slice(0, combinations.length)) {
                    const contradicts = Object.entries(include).some(([key, value]) => originalKeys.has(key) && !sameValue(workflows_valueOf(combination, key), value));
                    if (contradicts)
                        continue;
                    for (const [key, value] of Object.entries(include))
                        if (!originalKeys.has(key))
                            setValue(combination, key, value);
                    merged = true;
                }
            }
            if (!merged)
                extended.push(Object.entries(include));
        }
        combinations = extended;
    }
    return combinations.length === 0 ? [[]] : combinations;
}
function workflows_valueOf(combination, key) {
    return combination.find(([name]) => name === key)?.[1];
}
function setValue(combination, key, value) {
    const entry = combination.find(([name]) => name === key);
    if (entry)
        entry[1] = value;
    else
        combination.push([key, value]);
}
function sameValue(a, b) {
    return JSON.stringify(a) === JSON.stringify(b);
}
function workflows_asObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? value : {};
}

;// CONCATENATED MODULE: ./src/branch-protection/gate.ts











const CHECK_HELP = 'Run with mode: apply and a token with Administration: write to restore it, or change the config if the new value is intended.';
const branchProtectionGate = {
    name: 'branch-protection',
    async run(settings, context) {
        const startedAt = performance.now();
        const options = parseOptions(settings, context);
        const token = (0,github/* requireToken */.Fw)(context.token, 'branch protection');
        let requests = 0;
        const client = (0,github/* createGitHubClient */.LX)({ token, env: context.env, log: context.log, onRequest: () => (requests += 1) });
        const repositories = await selectRepositories(options, client, context);
        const findings = [];
        const local = localWorkflowChecks(options, repositories, context, findings);
        const backup = new BackupFile(options.backupPath);
        context.log.info(`branch-protection: ${options.mode} ${repositories.length} repositor${repositories.length === 1 ? 'y' : 'ies'} through the ${options.api} API`);
        const results = await mapConcurrently(repositories, options.concurrency, (repository) => checkRepository(new RepositoryApi(client, repository), options, local.get(repository), backup, context));
        for (const result of results)
            findings.push(...result.findings);
        if (backup.entries > 0) {
            findings.push({ rule: 'backup/saved', level: 'notice', message: `saved the previous protection of ${backup.entries} branch(es) to ${backup.file} before writing; each line holds the requests that restore one branch` });
        }
        const failed = results.filter((result) => result.failed).length;
        const report = (0,core_report/* createReport */.LU)('branch-protection', findings, {
            repositories: repositories.length,
            branches: results.reduce((sum, result) => sum + result.branches, 0),
            drifted: results.filter((result) => result.drifted).length,
            applied: results.filter((result) => result.applied).length,
            failed,
            requests,
            'backed-up': backup.entries,
        }, startedAt);
        // A repository that could not be read has not been checked: the run cannot pass, and a
        // `fail` would say "drift found" where the truth is "could not look". Its rows stay in the report.
        return failed > 0 ? { ...report, status: 'error' } : report;
    },
};
async function selectRepositories(options, client, context) {
    const listed = [...(options.repo ? [options.repo] : []), ...options.repositories];
    if (options.org) {
        const repositories = await listOrganizationRepositories(client, options.org);
        listed.push(...repositories.filter((repository) => (!options.nameFilter || options.nameFilter.test(repository.fullName.split('/')[1])) && (!options.topic || repository.topics.includes(options.topic))).map((repository) => repository.fullName));
        if (listed.length === 0)
            throw new errors/* ConfigurationError */.j1(`org ${options.org} has no repository matching the name-filter and topic; loosen the filters`);
    }
    if (listed.length === 0) {
        const current = context.env.GITHUB_REPOSITORY;
        if (!current)
            throw new errors/* ConfigurationError */.j1('no repository to check; set repo (owner/name), repositories or org, or run in GitHub Actions where GITHUB_REPOSITORY names the current one');
        listed.push(current);
    }
    const selected = selectShard(listed, options.shard);
    if (selected.length === 0)
        context.log.warning(`shard ${options.shard?.index}/${options.shard?.count} of ${listed.length} repositories is empty`);
    return selected;
}
/**
 * The checkout's workflows describe one repository: the current one (GITHUB_REPOSITORY) or the
 * only one a run covers. `auto` needs them, so it cannot serve a run over many repositories.
 */
function localWorkflowChecks(options, repositories, context, findings) {
    const usesAuto = options.branches.filter((branch) => branch['required-checks'] === 'auto');
    const owner = repositories.length === 1 ? repositories[0] : repositories.find((repository) => repository === context.env.GITHUB_REPOSITORY);
    if (usesAuto.length > 0 && (repositories.length !== 1 || !owner)) {
        throw new errors/* ConfigurationError */.j1(`required-checks: auto (branch ${usesAuto[0].name}) reads the workflows of the checkout, so it serves one repository only; list the check names for a run over ${repositories.length} repositories`);
    }
    const result = new Map();
    if (!owner)
        return result;
    const local = { resolved: new Map(), produced: new Set() };
    const unresolved = new Set();
    let found = false;
    for (const branch of options.branches) {
        const derived = deriveRequiredChecks(context.cwd, branch.name);
        found ||= derived.found;
        for (const check of derived.checks)
            local.produced.add(check.name);
        for (const job of derived.unresolved) {
            // Every configured branch reads the same workflows; say each job once.
            const key = `${job.file}#${job.job}`;
            if (unresolved.has(key))
                continue;
            unresolved.add(key);
            findings.push({ rule: 'checks/unresolved', level: 'warning', file: job.file, message: `job ${job.job} runs on pull requests but its check names cannot be derived: ${job.reason}; list them under required-checks by name` });
        }
        if (branch['required-checks'] === 'auto') {
            if (!derived.found)
                throw new errors/* ConfigurationError */.j1(`required-checks: auto (branch ${branch.name}) found no workflow in ${WORKFLOW_DIRECTORY}; check out the repository first (actions/checkout) or list the check names`);
            local.resolved.set(branch.name, derived.checks.map((check) => check.name));
        }
    }
    if (!found)
        return result;
    for (const branch of options.branches) {
        const configured = branch['required-checks'];
        if (!Array.isArray(configured))
            continue;
        const orphaned = configured.filter((name) => !local.produced.has(name));
        if (orphaned.length > 0) {
            findings.push({
                rule: 'checks/unproduced',
                level: 'warning',
                file: context.configFile,
                message: `branch ${branch.name} requires ${orphaned.join(', ')}, which no workflow in ${WORKFLOW_DIRECTORY} produces on pull requests; every pull request would wait for ${orphaned.length === 1 ? 'it' : 'them'} forever`,
                help: 'Use the check run name as GitHub shows it (job name, `job (matrix, values)`, `caller / callee`), or required-checks: auto.',
            });
        }
    }
    result.set(owner, local);
    return result;
}
/** One result row per repository; its failure is its own error finding and the run goes on. */
async function checkRepository(api, options, local, backup, context) {
    const result = { findings: [], branches: 0, drifted: false, applied: false, failed: false };
    try {
        const ownedRulesets = options.api === 'rulesets' ? await api.listRepositoryRulesets() : [];
        let branchNames;
        for (const configured of options.branches) {
            const policy = resolvePolicy(configured, local);
            let targets = [configured.name];
            if (options.api === 'classic' && isBranchPattern(configured.name)) {
                branchNames ??= await api.listBranchNames();
                targets = branchNames.filter((name) => matchesBranchPattern(configured.name, name));
                if (targets.length === 0)
                    result.findings.push({ rule: 'branch/no-match', level: 'warning', message: `${api.fullName}: no branch matches ${configured.name}, so nothing is protected by it` });
            }
            for (const branch of targets) {
                const protection = options.api === 'classic'
                    ? await readClassic(api, branch)
                    : await readOwnedRuleset(api, branch, ownedRulesets.find((ruleset) => ruleset.name === ownedRulesetName(branch))?.id);
                const outcome = await handleBranch(api, branch, { ...policy, name: branch }, protection, options, local, backup, context);
                result.branches += 1;
                result.findings.push(...outcome.findings);
                result.drifted ||= outcome.drifted;
                result.applied ||= outcome.applied;
            }
        }
    }
    catch (error) {
        result.failed = true;
        result.findings.push(error instanceof RepositoryAccessError
            ? { rule: error.rule, level: 'error', message: error.message, help: error.help }
            : { rule: 'access/failed', level: 'error', message: `${api.fullName}: ${(0,errors/* describeError */.Uc)(error)}` });
    }
    const verdict = result.failed ? 'could not be checked' : result.applied ? 'written' : result.drifted ? 'drifted' : 'matches the config';
    context.log.info(`${api.fullName}: ${result.branches} branch(es), ${verdict}`);
    return result;
}
function resolvePolicy(configured, local) {
    const checks = configured['required-checks'];
    return { ...configured, 'required-checks': checks === 'auto' ? local?.resolved.get(configured.name) ?? [] : checks };
}
async function readClassic(api, branch) {
    const raw = await api.readClassicProtection(branch);
    const parameters = { branch };
    const protectionRoute = '/repos/{owner}/{repo}/branches/{branch}/protection';
    const signaturesRoute = `${protectionRoute}/required_signatures`;
    const put = (state, from) => ({ method: 'PUT', route: protectionRoute, parameters, body: classicProtectionBody(state, from), purpose: `write the protection of ${branch}` });
    const signatures = (required) => ({ method: required ? 'POST' : 'DELETE', route: signaturesRoute, parameters, purpose: `${required ? 'require' : 'stop requiring'} signed commits on ${branch}` });
    const managed = raw === null ? unprotectedState() : fromClassicProtection(raw);
    return {
        managed,
        raw,
        pushesRestrictedToNobody: restrictsPushesToNobody(raw),
        readOthers: async () => [fromRules(await api.readEffectiveRules(branch))],
        writes: (plan) => {
            const requests = [];
            // The protection PUT does not carry signed commits, and they need a protected branch first.
            if (raw === null || plan.changes.some((change) => change.setting !== 'signed-commits'))
                requests.push(put(plan.target, raw));
            if (plan.changes.some((change) => change.setting === 'signed-commits'))
                requests.push(signatures(plan.target['signed-commits']));
            return requests;
        },
        restore: () => (raw === null
            ? [{ method: 'DELETE', route: protectionRoute, parameters, purpose: `remove the protection of ${branch}` }]
            : [put(managed, raw), signatures(managed['signed-commits'])]),
        reread: async () => {
            const after = await api.readClassicProtection(branch);
            return after === null ? unprotectedState() : fromClassicProtection(after);
        },
    };
}
async function readOwnedRuleset(api, branch, id) {
    const raw = id === undefined ? null : await api.readRuleset(id);
    const stateOf = (ruleset) => {
        const active = ruleset.enforcement === 'active';
        return active ? fromRules(ruleset.rules, !adminsBypass(ruleset)) : unprotectedState();
    };
    const rulesetRoute = '/repos/{owner}/{repo}/rulesets';
    const write = (target) => (id === undefined
        ? { method: 'POST', route: rulesetRoute, parameters: {}, body: rulesetBody(branch, target, raw), purpose: `create ruleset ${ownedRulesetName(branch)}` }
        : { method: 'PUT', route: `${rulesetRoute}/{ruleset_id}`, parameters: { ruleset_id: id }, body: rulesetBody(branch, target, raw), purpose: `update ruleset ${ownedRulesetName(branch)}` });
    return {
        managed: raw === null ? unprotectedState() : stateOf(raw),
        raw,
        pushesRestrictedToNobody: false,
        // Effective rules need a branch name; for a pattern only the gate's own ruleset is compared.
        readOthers: async () => (isBranchPattern(branch) ? [] : [fromRules((await api.readEffectiveRules(branch)).filter((rule) => rule.ruleset_id !== id))]),
        writes: (plan) => [write(plan.target)],
        restore: () => {
            // The id of a ruleset the run creates is not known before the write; the line keeps the placeholder.
            if (raw === null)
                return [{ method: 'DELETE', route: `${rulesetRoute}/{ruleset_id}`, parameters: {}, purpose: `delete ruleset ${ownedRulesetName(branch)}` }];
            const { name, target, enforcement, bypass_actors, conditions, rules } = raw;
            return [{ method: 'PUT', route: `${rulesetRoute}/{ruleset_id}`, parameters: { ruleset_id: id }, body: { name, target, enforcement, bypass_actors, conditions, rules }, purpose: `restore ruleset ${ownedRulesetName(branch)}` }];
        },
        reread: async (createdId) => {
            const rulesetId = createdId ?? id;
            if (rulesetId === undefined)
                throw new RepositoryAccessError('access/failed', `${api.fullName}: GitHub did not answer the id of the ruleset ${ownedRulesetName(branch)} it created, so the write cannot be verified; check Settings → Rules`);
            return stateOf(await api.readRuleset(rulesetId));
        },
    };
}
async function handleBranch(api, branch, policy, owned, options, local, backup, context) {
    const where = `${api.fullName} ${branch}`;
    const planOptions = { prune: options.prune, allowWeaken: options.allowWeaken, appId: options.appId };
    let others = [];
    let plan = planBranch(policy, owned.managed, owned.managed, planOptions);
    // What the gate's own source satisfies needs no second look; only then are the other
    // sources read, so an unchanged branch costs one request.
    if (plan.changes.length > 0) {
        others = await owned.readOthers();
        plan = planBranch(policy, owned.managed, strongestOf([owned.managed, ...others]), planOptions);
    }
    const findings = plan.kept.map((kept) => ({ rule: `kept/${kept.setting}`, level: 'notice', message: `${where}: ${kept.message}` }));
    if (plan.changes.length === 0)
        return { findings, drifted: false, applied: false };
    const lockout = findLockout({ target: plan.target, produced: local?.produced, pushesRestrictedToNobody: owned.pushesRestrictedToNobody });
    if (lockout) {
        findings.push({ rule: 'safety/lockout', level: 'error', message: `${where}: refusing this protection: ${lockout}`, help: 'Make a workflow produce the check, drop it from required-checks, or set enforce-admins: false so an admin can still merge.' });
    }
    const writes = owned.writes(plan);
    if (options.mode === 'check') {
        for (const change of plan.changes) {
            findings.push({ rule: `drift/${change.setting}`, level: 'error', message: `${where}: ${change.setting} is ${describeValue(change.setting, change.from)}${owned.raw === null && options.api === 'classic' ? ' (the branch is not protected)' : ''}, the config wants ${describeValue(change.setting, change.to)}`, help: CHECK_HELP });
        }
        return { findings, drifted: true, applied: false };
    }
    if (options.mode === 'plan' || lockout) {
        for (const change of plan.changes)
            findings.push({ rule: `plan/${change.setting}`, level: 'notice', message: `${where}: would ${change.weakens ? 'weaken' : 'set'} ${change.setting} from ${describeValue(change.setting, change.from)} to ${describeValue(change.setting, change.to)}` });
        for (const write of writes)
            context.log.info(`plan ${api.fullName}: ${formatWrite(api, write)}`);
        return { findings, drifted: true, applied: false };
    }
    backup.save({ repository: api.fullName, branch, api: options.api, previous: owned.raw, restore: owned.restore().map((write) => formatWrite(api, write)) });
    let createdId;
    for (const write of writes) {
        context.log.info(`apply ${api.fullName}: ${formatWrite(api, write).split(' ', 2).join(' ')}`);
        createdId = (await api.send(write)) ?? createdId;
    }
    for (const change of plan.changes)
        findings.push({ rule: `applied/${change.setting}`, level: 'notice', message: `${where}: ${change.weakens ? 'weakened' : 'set'} ${change.setting} from ${describeValue(change.setting, change.from)} to ${describeValue(change.setting, change.to)}` });
    const after = await owned.reread(owned.raw === null ? createdId : undefined);
    const verified = planBranch(policy, after, strongestOf([after, ...others]), planOptions);
    for (const change of verified.changes) {
        findings.push({ rule: `verify/${change.setting}`, level: 'error', message: `${where}: ${change.setting} reads ${describeValue(change.setting, change.from)} after the write, not ${describeValue(change.setting, change.to)}; GitHub did not keep the change`, help: 'Another rule or an organisation policy may override it; check Settings → Rules and Branches.' });
    }
    return { findings, drifted: true, applied: true };
}
/** `PUT /repos/o/r/branches/main/protection {...}`: a write as plan prints it and the backup keeps it. */
function formatWrite(api, write) {
    const values = { owner: api.owner, repo: api.name, ...write.parameters };
    const url = write.route.replace(/\{(\w+)\}/g, (placeholder, key) => (values[key] === undefined ? placeholder : encodeURIComponent(String(values[key]))));
    return `${write.method} ${url}${write.body ? ` ${JSON.stringify(write.body)}` : ''}`;
}
/**
 * The previous protection of every branch the run writes, one JSON object a line, appended
 * before the write so that a run that dies half-way still has the backup of what it changed.
 */
class BackupFile {
    file;
    entries = 0;
    constructor(file) {
        this.file = file;
    }
    save(entry) {
        try {
            (0,external_node_fs_.mkdirSync)(external_node_path_default().dirname(this.file), { recursive: true });
            (0,external_node_fs_.appendFileSync)(this.file, `${JSON.stringify({ savedAt: new Date().toISOString(), ...entry })}\n`);
        }
        catch (error) {
            throw new errors/* EnvironmentError */.eG(`cannot save the backup to ${this.file} (${error.code ?? (0,errors/* describeError */.Uc)(error)}), so nothing was written; set backup-path to a writable file`);
        }
        this.entries += 1;
    }
}
async function mapConcurrently(items, limit, work) {
    const results = new Array(items.length);
    let next = 0;
    const worker = async () => {
        while (next < items.length) {
            const index = next++;
            results[index] = await work(items[index]);
        }
    };
    await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
    return results;
}


/***/ })

};
