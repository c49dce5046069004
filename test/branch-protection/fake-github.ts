import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A stateful in-memory GitHub for the branch-protection endpoints: classic protection in the
 * shape the real GET answers (`{enabled}` objects, url fields, user/team objects), rulesets,
 * effective rules, org listings, 403/404 answers as GitHub words them, and optional rate limits.
 * Shared by the behaviour tests and the bench.
 */

type Json = Record<string, unknown>;

export interface FakeRepository {
  branches: Set<string>;
  /** Classic protection in the GET shape, by branch. */
  protection: Map<string, Json>;
  rulesets: Map<number, Json>;
  /** A private repository on the free plan: protection answers 403 "Upgrade to GitHub Pro". */
  freePlanPrivate?: boolean;
  topics?: string[];
  archived?: boolean;
  /** People with access and their role; the collaborators listing filters by `permission`. */
  collaborators?: Array<{ login: string; role: 'admin' | 'maintain' | 'push' | 'triage' | 'pull' }>;
  /** Check runs and commit statuses reported on a branch or a commit sha. */
  reported?: Map<string, { checkRuns?: Array<{ name: string; appId: number }>; statuses?: string[] }>;
  /** Pull requests, newest first: base branch and head sha. */
  pulls?: Array<{ base: string; sha: string }>;
  /** The merge methods allowed (all three unless set). */
  mergeMethods?: { merge: boolean; squash: boolean; rebase: boolean };
  /** Deployments: the commit and the environment. */
  deployments?: Array<{ sha: string; environment: string }>;
  /** The default branch; main unless set. */
  defaultBranch?: string;
  /** Files of the default branch, by path. */
  files?: Map<string, string>;
}

/** Roles that include a permission, as the collaborators listing's `permission` filter applies them. */
const ROLES_WITH: Record<string, string[]> = {
  pull: ['pull', 'triage', 'push', 'maintain', 'admin'],
  triage: ['triage', 'push', 'maintain', 'admin'],
  push: ['push', 'maintain', 'admin'],
  maintain: ['maintain', 'admin'],
  admin: ['admin'],
};

export interface RateLimits {
  /** Requests per window before the primary limit answers 403 with x-ratelimit-remaining: 0. */
  primary: number;
  windowMs: number;
  /** Requests in flight at once before the secondary limit answers 403 with retry-after. */
  concurrent: number;
  /** Writes allowed in any one second before the secondary limit answers (GitHub counts content-creating requests per minute). */
  writesPerSecond: number;
}

export interface RecordedRequest {
  method: string;
  path: string;
  body?: Json;
  status: number;
}

export interface FakeGitHub {
  url: string;
  repositories: Map<string, FakeRepository>;
  /** Organisation-level rulesets, applied through effective rules and never listed as the repo's own. */
  orgRulesets: Json[];
  requests: RecordedRequest[];
  /** Answers refused by the rate limits. */
  refused: () => number;
  /** Tokens that may read but not administer (403 Resource not accessible by integration). */
  readOnlyTokens: Set<string>;
  /** Tokens without any Administration permission, like GITHUB_TOKEN: even reading protection answers 403. */
  noAdminTokens: Set<string>;
  /** Tokens a fine-grained token without Administration stands for: protection answers 404, as GitHub hides it. */
  hiddenProtectionTokens: Set<string>;
  /** Teams by `org/slug`, with their ids. */
  teams: Map<string, number>;
  /** Organisations that enforce SAML SSO the token is not authorised for: 403 with x-github-sso. */
  ssoOrganizations: Set<string>;
  /** Answers to give before the real ones (status, body, headers), e.g. a 502 or a limit. */
  queue: Array<{ status: number; body: Json; headers?: Record<string, string> }>;
  limits?: RateLimits;
  close: () => Promise<void>;
}

export function addRepository(fake: FakeGitHub, fullName: string, options: Partial<FakeRepository> & { branches?: Set<string> } = {}): FakeRepository {
  const repository: FakeRepository = { branches: new Set(['main']), protection: new Map(), rulesets: new Map(), ...options };
  fake.repositories.set(fullName, repository);
  return repository;
}

let nextRulesetId = 100;

export async function startFakeGitHub(options: { limits?: RateLimits } = {}): Promise<FakeGitHub> {
  let refused = 0;
  let inFlight = 0;
  let windowStart = Date.now();
  let used = 0;
  const recentWrites: number[] = [];
  const fake: FakeGitHub = {
    url: '',
    repositories: new Map(),
    orgRulesets: [],
    requests: [],
    refused: () => refused,
    readOnlyTokens: new Set(),
    noAdminTokens: new Set(),
    hiddenProtectionTokens: new Set(),
    ssoOrganizations: new Set(),
    teams: new Map(),
    queue: [],
    limits: options.limits,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };

  const server: Server = createServer((request, response) => {
    let text = '';
    request.on('data', (chunk: Buffer) => (text += chunk.toString()));
    request.on('end', () => {
      inFlight += 1;
      // Answer asynchronously so that concurrency is real and the secondary limit can see it.
      setImmediate(() => {
        const body = text ? (JSON.parse(text) as Json) : undefined;
        const answer = respond(request, body);
        const url = new URL(request.url ?? '/', 'http://fake');
        fake.requests.push({ method: request.method ?? 'GET', path: url.pathname + url.search, body, status: answer.status });
        send(response, answer);
        inFlight -= 1;
      });
    });
  });

  function limited(request: IncomingMessage): Answer | undefined {
    const limits = fake.limits;
    if (!limits) return undefined;
    const now = Date.now();
    if (now - windowStart >= limits.windowMs) {
      windowStart = now;
      used = 0;
    }
    const reset = Math.ceil((windowStart + limits.windowMs) / 1000);
    if (used >= limits.primary) {
      refused += 1;
      return { status: 403, body: { message: 'API rate limit exceeded for installation.' }, headers: { 'x-ratelimit-limit': String(limits.primary), 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(reset) } };
    }
    const write = request.method !== 'GET';
    while (recentWrites.length > 0 && now - recentWrites[0]! >= 1000) recentWrites.shift();
    if (inFlight > limits.concurrent || (write && recentWrites.length >= limits.writesPerSecond)) {
      refused += 1;
      return { status: 403, body: { message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.' }, headers: { 'retry-after': '1' } };
    }
    used += 1;
    if (write) recentWrites.push(now);
    return undefined;
  }

  function respond(request: IncomingMessage, body: Json | undefined): Answer {
    const queued = fake.queue.shift();
    if (queued) return queued;
    const limit = limited(request);
    if (limit) return limit;
    const answer = route(request, body);
    if (!fake.limits) return answer;
    return { ...answer, headers: { ...answer.headers, 'x-ratelimit-limit': String(fake.limits.primary), 'x-ratelimit-remaining': String(fake.limits.primary - used) } };
  }

  function route(request: IncomingMessage, body: Json | undefined): Answer {
    const url = new URL(request.url ?? '/', 'http://fake');
    const method = request.method ?? 'GET';
    const token = (request.headers.authorization ?? '').replace(/^(token|bearer) /i, '');
    const parts = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
    if (parts[0] === 'orgs' && parts[2] === 'repos' && method === 'GET') return listOrgRepositories(parts[1]!, url);
    if (parts[0] === 'orgs' && parts[2] === 'teams' && parts.length === 4 && method === 'GET') {
      const id = fake.teams.get(`${parts[1]}/${parts[3]}`);
      return id === undefined ? notFound() : ok({ id, slug: parts[3], name: parts[3], privacy: 'closed' });
    }
    if (parts[0] !== 'repos' || parts.length < 3) return notFound();
    const fullName = `${parts[1]}/${parts[2]}`;
    const repository = fake.repositories.get(fullName);
    if (!repository) return notFound();
    if (fake.ssoOrganizations.has(parts[1]!)) {
      return { status: 403, body: { message: 'Resource protected by organization SAML enforcement. You must grant your Personal Access token access to this organization.', documentation_url: 'https://docs.github.com/articles/authenticating-to-a-github-organization-with-saml-single-sign-on/' }, headers: { 'x-github-sso': `required; url=https://github.com/orgs/${parts[1]}/sso?authorization_request=AbC123` } };
    }
    const rest = parts.slice(3);
    if (rest.length === 0 && method === 'GET') {
      const methods = repository.mergeMethods ?? { merge: true, squash: true, rebase: true };
      return ok({ full_name: fullName, private: repository.freePlanPrivate === true, default_branch: repository.defaultBranch ?? 'main', allow_merge_commit: methods.merge, allow_squash_merge: methods.squash, allow_rebase_merge: methods.rebase });
    }
    if (rest[0] === 'collaborators' && rest.length === 1 && method === 'GET') {
      const roles = ROLES_WITH[url.searchParams.get('permission') ?? 'pull'] ?? [];
      const perPage = Number(url.searchParams.get('per_page') ?? 30);
      return ok((repository.collaborators ?? []).filter((person) => roles.includes(person.role)).slice(0, perPage).map((person, index) => ({ login: person.login, id: index + 1, type: 'User', role_name: person.role })));
    }
    if (rest[0] === 'commits' && (rest[2] === 'check-runs' || rest[2] === 'status') && method === 'GET') {
      const reported = repository.reported?.get(rest[1]!) ?? {};
      if (rest[2] === 'status') return ok({ state: 'success', sha: rest[1], total_count: reported.statuses?.length ?? 0, statuses: (reported.statuses ?? []).map((context, id) => ({ id, context, state: 'success' })) });
      const runs = (reported.checkRuns ?? []).map((run, id) => ({ id, name: run.name, status: 'completed', conclusion: 'success', app: { id: run.appId, slug: run.appId === 15368 ? 'github-actions' : `app-${run.appId}` } }));
      return ok({ total_count: runs.length, check_runs: runs });
    }
    if (rest[0] === 'deployments' && rest.length === 1 && method === 'GET') {
      const sha = url.searchParams.get('sha');
      const environment = url.searchParams.get('environment');
      const matching = (repository.deployments ?? []).filter((deployment) => (sha === null || deployment.sha === sha) && (environment === null || deployment.environment === environment));
      return ok(matching.map((deployment, id) => ({ id, sha: deployment.sha, ref: deployment.sha, task: 'deploy', environment: deployment.environment, payload: {} })));
    }
    if (rest[0] === 'pulls' && rest.length === 1 && method === 'GET') {
      const base = url.searchParams.get('base');
      const perPage = Number(url.searchParams.get('per_page') ?? 30);
      return ok((repository.pulls ?? []).filter((pull) => base === null || pull.base === base).slice(0, perPage).map((pull, index) => ({ number: index + 1, base: { ref: pull.base }, head: { sha: pull.sha } })));
    }
    if (rest[0] === 'contents' && method === 'GET') {
      const file = repository.files?.get(rest.slice(1).join('/'));
      return file === undefined ? notFound() : ok({ type: 'file', encoding: 'base64', path: rest.slice(1).join('/'), content: Buffer.from(file).toString('base64') });
    }
    if (rest[0] === 'branches') {
      if (rest.length === 1) return ok([...repository.branches].map((name) => ({ name, protected: repository.protection.has(name) })));
      const branch = rest[1]!;
      if (!repository.branches.has(branch)) return { status: 404, body: { message: 'Branch not found' } };
      if (rest.length === 2) return ok({ name: branch, protected: repository.protection.has(branch) });
      if (rest[2] !== 'protection') return notFound();
      if (repository.freePlanPrivate) return { status: 403, body: { message: 'Upgrade to GitHub Pro or make this repository public to enable this feature.' } };
      const write = method !== 'GET';
      if (write && fake.readOnlyTokens.has(token)) return { status: 403, body: { message: 'Resource not accessible by integration' } };
      if (fake.noAdminTokens.has(token)) return { status: 403, body: { message: 'Resource not accessible by integration' } };
      if (fake.hiddenProtectionTokens.has(token)) return notFound();
      if (rest[3] === 'required_signatures') {
        const protection = repository.protection.get(branch);
        if (!protection) return { status: 404, body: { message: 'Branch not protected' } };
        const url = `https://api.github.com/repos/${fullName}/branches/${branch}/protection/required_signatures`;
        protection.required_signatures = { url, enabled: method === 'POST' };
        return method === 'DELETE' ? { status: 204 } : ok({ url, enabled: true });
      }
      if (method === 'GET') {
        const protection = repository.protection.get(branch);
        return protection ? ok(protection) : { status: 404, body: { message: 'Branch not protected' } };
      }
      if (method === 'DELETE') {
        repository.protection.delete(branch);
        return { status: 204 };
      }
      if (method === 'PUT') {
        const checks = body?.required_status_checks as Json | null | undefined;
        if (checks && checks.contexts !== undefined && checks.checks !== undefined) {
          return { status: 422, body: { message: 'Invalid request.\n\nNo subschema in "anyOf" matched.\n"contexts" and "checks" cannot both be set.' } };
        }
        const stored = classicGetShape(fullName, branch, body ?? {}, repository.protection.get(branch));
        repository.protection.set(branch, stored);
        return ok(stored);
      }
    }
    if (rest[0] === 'rules' && rest[1] === 'branches' && method === 'GET') {
      const branch = rest.slice(2).join('/');
      const rules = [...[...repository.rulesets.values()].map((ruleset) => ({ ruleset, source: fullName, type: 'Repository' })), ...fake.orgRulesets.map((ruleset) => ({ ruleset, source: fullName.split('/')[0]!, type: 'Organization' }))]
        .filter(({ ruleset }) => ruleset.enforcement === 'active' && appliesTo(ruleset, branch, repository.defaultBranch ?? 'main'))
        .flatMap(({ ruleset, source, type }) => (ruleset.rules as Json[]).map((rule) => ({ ...rule, ruleset_source_type: type, ruleset_source: source, ruleset_id: ruleset.id })));
      return ok(rules);
    }
    if (rest[0] === 'rulesets') {
      if (rest.length === 1 && method === 'GET') {
        const own = [...repository.rulesets.values()].map((ruleset) => ({ id: ruleset.id, name: ruleset.name, source_type: 'Repository', source: fullName, enforcement: ruleset.enforcement }));
        const parents = url.searchParams.get('includes_parents') === 'false' ? [] : fake.orgRulesets.map((ruleset) => ({ id: ruleset.id, name: ruleset.name, source_type: 'Organization', source: fullName.split('/')[0], enforcement: ruleset.enforcement }));
        return ok([...own, ...parents]);
      }
      if (method !== 'GET' && fake.readOnlyTokens.has(token)) return { status: 403, body: { message: 'Resource not accessible by integration' } };
      if (rest.length === 1 && method === 'POST') {
        const ruleset = { ...body, id: nextRulesetId++, source_type: 'Repository', source: fullName };
        repository.rulesets.set(ruleset.id, ruleset);
        return { status: 201, body: ruleset };
      }
      const ruleset = repository.rulesets.get(Number(rest[1]));
      if (!ruleset) return notFound();
      if (method === 'GET') return ok(ruleset);
      if (method === 'PUT') {
        Object.assign(ruleset, body);
        return ok(ruleset);
      }
      if (method === 'DELETE') {
        repository.rulesets.delete(ruleset.id as number);
        return { status: 204 };
      }
    }
    return notFound();
  }

  function listOrgRepositories(org: string, url: URL): Answer {
    const perPage = Number(url.searchParams.get('per_page') ?? 30);
    const page = Number(url.searchParams.get('page') ?? 1);
    const all = [...fake.repositories.entries()].filter(([name]) => name.startsWith(`${org}/`));
    if (all.length === 0) return notFound();
    const slice = all.slice((page - 1) * perPage, page * perPage).map(([name, repository]) => ({ full_name: name, name: name.split('/')[1], archived: repository.archived === true, topics: repository.topics ?? [] }));
    const headers: Record<string, string> = {};
    if (page * perPage < all.length) headers.link = `<${fake.url}/orgs/${org}/repos?per_page=${perPage}&page=${page + 1}>; rel="next"`;
    return { status: 200, body: slice, headers };
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return fake;
}

interface Answer {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

function ok(body: unknown): Answer {
  return { status: 200, body };
}

function notFound(): Answer {
  return { status: 404, body: { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' } };
}

function send(response: ServerResponse, answer: Answer): void {
  response.writeHead(answer.status, { 'content-type': 'application/json; charset=utf-8', ...answer.headers });
  response.end(answer.body === undefined ? '' : JSON.stringify(answer.body));
}

/** Whether a ruleset's ref_name condition takes the branch: include (~ALL, ~DEFAULT_BRANCH, names, trailing *) less exclude. */
function appliesTo(ruleset: Json, branch: string, defaultBranch: string): boolean {
  const condition = (ruleset.conditions as Json | undefined)?.ref_name as Json | undefined;
  const matches = (pattern: string) => pattern === '~ALL' || (pattern === '~DEFAULT_BRANCH' && branch === defaultBranch) || pattern === `refs/heads/${branch}` || (pattern.endsWith('*') && `refs/heads/${branch}`.startsWith(pattern.slice(0, -1)));
  return ((condition?.include as string[] | undefined) ?? []).some(matches) && !((condition?.exclude as string[] | undefined) ?? []).some(matches);
}

/** What GitHub stores and answers for a protection PUT: enabled objects, urls, actor objects. */
export function classicGetShape(fullName: string, branch: string, body: Json, previous?: Json): Json {
  const base = `https://api.github.com/repos/${fullName}/branches/${branch}/protection`;
  const flag = (name: string, value: unknown) => ({ [name]: { url: `${base}/${name}`, enabled: value === true } });
  const shape: Json = { url: base };
  const checks = body.required_status_checks as Json | null | undefined;
  if (checks) {
    const list = (checks.checks as Array<{ context: string; app_id?: number }> | undefined) ?? ((checks.contexts as string[] | undefined) ?? []).map((context): { context: string; app_id?: number } => ({ context }));
    shape.required_status_checks = {
      url: `${base}/required_status_checks`,
      strict: checks.strict === true,
      contexts: list.map((check) => check.context),
      contexts_url: `${base}/required_status_checks/contexts`,
      checks: list.map((check) => ({ context: check.context, app_id: check.app_id ?? null })),
    };
  }
  const reviews = body.required_pull_request_reviews as Json | null | undefined;
  if (reviews) {
    shape.required_pull_request_reviews = {
      url: `${base}/required_pull_request_reviews`,
      dismiss_stale_reviews: reviews.dismiss_stale_reviews === true,
      require_code_owner_reviews: reviews.require_code_owner_reviews === true,
      required_approving_review_count: reviews.required_approving_review_count ?? 0,
      require_last_push_approval: reviews.require_last_push_approval === true,
      ...(reviews.dismissal_restrictions ? { dismissal_restrictions: actorObjects(reviews.dismissal_restrictions as Json) } : {}),
      ...(reviews.bypass_pull_request_allowances ? { bypass_pull_request_allowances: actorObjects(reviews.bypass_pull_request_allowances as Json) } : {}),
    };
  }
  Object.assign(shape, flag('required_signatures', (previous?.required_signatures as Json | undefined)?.enabled));
  Object.assign(shape, flag('enforce_admins', body.enforce_admins));
  Object.assign(shape, { required_linear_history: { enabled: body.required_linear_history === true } });
  Object.assign(shape, { allow_force_pushes: { enabled: body.allow_force_pushes === true } });
  Object.assign(shape, { allow_deletions: { enabled: body.allow_deletions === true } });
  Object.assign(shape, { block_creations: { enabled: body.block_creations === true } });
  Object.assign(shape, { required_conversation_resolution: { enabled: body.required_conversation_resolution === true } });
  Object.assign(shape, { lock_branch: { enabled: body.lock_branch === true } });
  Object.assign(shape, { allow_fork_syncing: { enabled: body.allow_fork_syncing === true } });
  if (body.restrictions) shape.restrictions = { url: `${base}/restrictions`, ...actorObjects(body.restrictions as Json) };
  return shape;
}

function actorObjects(actors: Json): Json {
  return {
    users: ((actors.users as string[] | undefined) ?? []).map((login) => ({ login, id: 1, url: `https://api.github.com/users/${login}` })),
    teams: ((actors.teams as string[] | undefined) ?? []).map((slug) => ({ slug, id: 2, name: slug })),
    apps: ((actors.apps as string[] | undefined) ?? []).map((slug) => ({ slug, id: 3, name: slug })),
  };
}
