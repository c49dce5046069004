import { ConfigurationError, EnvironmentError } from '../core/errors.js';
import type { GitHubClient } from '../core/github.js';
import { isBranchPattern } from './branches.js';

/** Why a repository (or one of its branches) could not be checked; its message says what to do. */
export class RepositoryAccessError extends Error {
  override readonly name = 'RepositoryAccessError';
  constructor(
    /** Finding rule: `access/not-found`, `access/forbidden`, … */
    readonly rule: string,
    message: string,
    readonly help?: string,
  ) {
    super(message);
  }
}

/** A write the plan will send: shown by `plan`, sent by `apply`. */
export interface WriteRequest {
  method: 'PUT' | 'POST' | 'DELETE';
  /** Route with `{owner}`/`{repo}` placeholders, as octokit takes it. */
  route: string;
  /** Path parameters besides owner and repo. */
  parameters: Record<string, string | number>;
  body?: Record<string, unknown>;
  /** What it does, for messages: `write the protection of main`. */
  purpose: string;
}

const ADMINISTRATION_HELP =
  'GITHUB_TOKEN can never administer branch protection, whatever `permissions:` says. Use a fine-grained personal access token or a GitHub App installation token with the repository permission Administration: write (read is enough for mode: check and plan), passed as the `token` input.';

interface RequestFailure {
  status?: number;
  message: string;
  /** Whether GitHub answered at all; octokit reports a failed connection as a 500 without a response. */
  answered: boolean;
  headers: Record<string, string | undefined>;
}

function failureOf(error: unknown): RequestFailure | undefined {
  if (typeof error !== 'object' || error === null || !('status' in error)) return undefined;
  const { status, response, message: text } = error as { status?: number; response?: { data?: unknown; headers?: Record<string, string | undefined> }; message?: string };
  const data = response?.data;
  const message = typeof data === 'object' && data !== null && 'message' in data ? String((data as { message: unknown }).message) : String(text);
  return { status, message, answered: response !== undefined, headers: response?.headers ?? {} };
}

/**
 * The organisation's authorisation URL from `x-github-sso: required; url=…`, which GitHub sends
 * when the token is not authorised for the organisation's SAML single sign-on.
 */
function ssoAuthorizationUrl(headers: Record<string, string | undefined>): string | undefined {
  const header = headers['x-github-sso'];
  if (!header || !/^required\b/.test(header)) return undefined;
  return /\burl=(\S+)/.exec(header)?.[1]?.replace(/;$/, '');
}

/** A check run or commit status reported on a commit, and the app that reported it (null for a status). */
export interface ReportedCheck {
  name: string;
  appId: number | null;
}

/** What a request needs, for the message when the token lacks it. */
type Permission = 'Administration' | 'Checks' | 'Commit statuses' | 'Pull requests' | 'Metadata' | 'Contents' | 'Deployments';

/** Repository-scoped GitHub calls for the gate, each failure turned into a message a person can act on. */
export class RepositoryApi {
  readonly owner: string;
  readonly name: string;

  constructor(
    private readonly client: GitHubClient,
    readonly fullName: string,
  ) {
    const [owner, name] = fullName.split('/') as [string, string];
    this.owner = owner;
    this.name = name;
  }

  /** The classic protection of a branch, or null when the branch exists and is not protected. */
  async readClassicProtection(branch: string): Promise<unknown> {
    try {
      const { data } = await this.client.request('GET /repos/{owner}/{repo}/branches/{branch}/protection', { owner: this.owner, repo: this.name, branch });
      return data;
    } catch (error) {
      const failure = failureOf(error);
      if (failure?.status === 404 && /not protected/i.test(failure.message)) return null;
      throw await this.explain(error, `read the protection of ${branch}`, { branch });
    }
  }

  /** The rules every ruleset (repository and organisation) applies to a branch. */
  async readEffectiveRules(branch: string): Promise<unknown[]> {
    try {
      return (await this.client.paginate('GET /repos/{owner}/{repo}/rules/branches/{branch}', { owner: this.owner, repo: this.name, branch, per_page: 100 })) as unknown[];
    } catch (error) {
      throw await this.explain(error, `read the rules of ${branch}`, { branch });
    }
  }

  /** The repository's own rulesets (not the organisation's), by name. */
  async listRepositoryRulesets(): Promise<Array<{ id: number; name: string }>> {
    try {
      const rulesets = (await this.client.paginate('GET /repos/{owner}/{repo}/rulesets', { owner: this.owner, repo: this.name, includes_parents: false, per_page: 100 })) as Array<{ id: number; name: string; source_type?: string }>;
      return rulesets.filter((ruleset) => ruleset.source_type !== 'Organization').map(({ id, name }) => ({ id, name }));
    } catch (error) {
      throw await this.explain(error, 'list its rulesets');
    }
  }

  async readRuleset(id: number): Promise<unknown> {
    try {
      const { data } = await this.client.request('GET /repos/{owner}/{repo}/rulesets/{ruleset_id}', { owner: this.owner, repo: this.name, ruleset_id: id });
      return data;
    } catch (error) {
      throw await this.explain(error, `read ruleset ${id}`);
    }
  }

  /**
   * Sends one write of a plan, exactly as the plan shows it; returns the answer's `id` (the id of
   * a created ruleset).
   */
  async send(write: WriteRequest): Promise<number | undefined> {
    try {
      const { data } = await this.client.request(`${write.method} ${write.route}`, { owner: this.owner, repo: this.name, ...write.parameters, ...write.body });
      return typeof data === 'object' && data !== null && 'id' in data ? Number(data.id) : undefined;
    } catch (error) {
      throw await this.explain(error, write.purpose, { branch: write.parameters.branch as string | undefined });
    }
  }

  /** The id of a team of the repository's owner, for a bypass list. */
  async teamId(slug: string): Promise<number> {
    try {
      const { data } = await this.client.request('GET /orgs/{org}/teams/{team_slug}', { org: this.owner, team_slug: slug });
      return data.id;
    } catch (error) {
      if (failureOf(error)?.status === 404) throw new RepositoryAccessError('access/team-not-found', `${this.fullName}: ${this.owner} has no team ${slug} the token can see (404); fix bypass-actors or give the token Members: read on the organisation`);
      throw await this.explain(error, `read team ${slug}`, { permission: 'Metadata' });
    }
  }

  /** The name of the repository's default branch, what `~DEFAULT_BRANCH` stands for. */
  async defaultBranch(): Promise<string> {
    try {
      const { data } = await this.client.request('GET /repos/{owner}/{repo}', { owner: this.owner, repo: this.name });
      return data.default_branch;
    } catch (error) {
      throw await this.explain(error, 'read its default branch', { permission: 'Metadata' });
    }
  }

  /** The check runs and commit statuses reported on a commit (the first 100 of each: a commit rarely has more). */
  async reportedChecks(ref: string): Promise<ReportedCheck[]> {
    const request = { owner: this.owner, repo: this.name, ref, per_page: 100 };
    let runs: Array<{ name: string; app?: { id?: number } | null }>;
    let statuses: Array<{ context: string }>;
    try {
      runs = (await this.client.request('GET /repos/{owner}/{repo}/commits/{ref}/check-runs', request)).data.check_runs;
    } catch (error) {
      throw await this.explain(error, `read the check runs of ${ref}`, { permission: 'Checks' });
    }
    try {
      statuses = (await this.client.request('GET /repos/{owner}/{repo}/commits/{ref}/status', request)).data.statuses;
    } catch (error) {
      throw await this.explain(error, `read the commit statuses of ${ref}`, { permission: 'Commit statuses' });
    }
    return [...runs.map((run) => ({ name: run.name, appId: run.app?.id ?? null })), ...statuses.map((status) => ({ name: status.context, appId: null }))];
  }

  /** The head commit of the pull request into `base` opened last, or undefined when there is none. */
  async latestPullRequestHead(base: string): Promise<string | undefined> {
    try {
      const { data } = await this.client.request('GET /repos/{owner}/{repo}/pulls', { owner: this.owner, repo: this.name, base, state: 'all', sort: 'created', direction: 'desc', per_page: 1 });
      return data[0]?.head.sha;
    } catch (error) {
      throw await this.explain(error, `list the pull requests into ${base}`, { permission: 'Pull requests' });
    }
  }

  /** The merge methods the repository allows; undefined where the answer leaves them out (no admin view). */
  async mergeMethods(): Promise<{ merge?: boolean; squash?: boolean; rebase?: boolean }> {
    try {
      const { data } = await this.client.request('GET /repos/{owner}/{repo}', { owner: this.owner, repo: this.name });
      return { merge: data.allow_merge_commit, squash: data.allow_squash_merge, rebase: data.allow_rebase_merge };
    } catch (error) {
      throw await this.explain(error, 'read its merge settings', { permission: 'Metadata' });
    }
  }

  /** Whether a deployment to `environment` was made for the commit `sha`. */
  async deployedTo(environment: string, sha: string): Promise<boolean> {
    try {
      const { data } = await this.client.request('GET /repos/{owner}/{repo}/deployments', { owner: this.owner, repo: this.name, sha, environment, per_page: 1 });
      return data.length > 0;
    } catch (error) {
      throw await this.explain(error, `list the deployments to ${environment}`, { permission: 'Deployments' });
    }
  }

  /** People with write access (push, maintain or admin), who alone can approve a pull request; `atLeast` when there are more than one page shows. */
  async countWriters(): Promise<{ count: number; atLeast: boolean }> {
    try {
      const { data } = await this.client.request('GET /repos/{owner}/{repo}/collaborators', { owner: this.owner, repo: this.name, permission: 'push', affiliation: 'all', per_page: 100 });
      return { count: data.length, atLeast: data.length === 100 };
    } catch (error) {
      throw await this.explain(error, 'list the collaborators who can approve', { permission: 'Metadata' });
    }
  }

  /** A file's text on a ref (default: the default branch), or undefined when it is not there. */
  async readFile(file: string, ref?: string): Promise<string | undefined> {
    try {
      const { data } = await this.client.request('GET /repos/{owner}/{repo}/contents/{path}', { owner: this.owner, repo: this.name, path: file, ...(ref ? { ref } : {}) });
      const content = (data as { content?: string }).content;
      return content === undefined ? undefined : Buffer.from(content, 'base64').toString('utf8');
    } catch (error) {
      if (failureOf(error)?.status === 404 && (await this.repositoryVisible())) return undefined;
      throw await this.explain(error, `read ${file}`, { permission: 'Contents' });
    }
  }

  /** Sends a request of a backup line as it stands (`/repos/o/r/…`, already encoded). */
  async replay(method: string, route: string, body: Record<string, unknown> | undefined, purpose: string): Promise<void> {
    try {
      await this.client.request(`${method} ${route}`, { ...body });
    } catch (error) {
      throw await this.explain(error, purpose);
    }
  }

  async listBranchNames(): Promise<string[]> {
    try {
      const branches = (await this.client.paginate('GET /repos/{owner}/{repo}/branches', { owner: this.owner, repo: this.name, per_page: 100 })) as Array<{ name: string }>;
      return branches.map((branch) => branch.name);
    } catch (error) {
      throw await this.explain(error, 'list its branches');
    }
  }

  /**
   * Turns a failed request into a RepositoryAccessError. A bare 404 is ambiguous (GitHub answers
   * 404 rather than 403 for a repository the token cannot see, and for protection the token may
   * not read), so it costs one or two more requests to tell "no such branch", "no permission"
   * and "no such repository, or not visible to this token" apart.
   */
  private async explain(error: unknown, action: string, { branch, permission = 'Administration' }: { branch?: string; permission?: Permission } = {}): Promise<Error> {
    const failure = failureOf(error);
    if (!failure?.status) return error instanceof Error ? error : new Error(String(error));
    const where = this.fullName;
    const { status, message } = failure;
    const level = /^(read|list)/.test(action) || permission !== 'Administration' ? 'read' : 'write';
    const needs = `${permission}: ${level}`;
    const help = permission === 'Administration' ? ADMINISTRATION_HELP : undefined;
    if (!failure.answered) return new RepositoryAccessError('access/unreachable', `${where}: GitHub could not be reached to ${action} (${message}); check GITHUB_API_URL and the network`);
    if (status === 401) return new RepositoryAccessError('access/unauthorized', `${where}: GitHub refused the token (401 ${message}); check that the \`token\` input holds a valid, unexpired token`);
    if (status === 429) return new RepositoryAccessError('access/rate-limited', `${where}: GitHub kept answering 429 Too Many Requests to ${action}, past the retries and the run's wait budget; lower \`concurrency\` or split the run with \`shard\``);
    if (status === 403 || status === 404) {
      const sso = ssoAuthorizationUrl(failure.headers);
      if (sso !== undefined || /SAML enforcement|single sign-on/i.test(message)) {
        return new RepositoryAccessError('access/sso', `${where}: the organisation ${this.owner} enforces SAML single sign-on and the token is not authorised for it, so it may not ${action}; authorise the token for ${this.owner}${sso ? ` at ${sso}` : ' (Settings → Tokens → Configure SSO)'}`);
      }
      if (/upgrade to github pro|make this repository public/i.test(message)) {
        return new RepositoryAccessError('access/plan-limit', `${where}: branch protection is not available for this repository on its plan (${message.replace(/\.$/, '')}); upgrade to GitHub Pro, Team or Enterprise or make the repository public`);
      }
      if (status === 403 && /rate limit/i.test(message)) {
        return new RepositoryAccessError('access/rate-limited', `${where}: the rate limit held after the retries (${message}); lower \`concurrency\` or split the run with \`shard\``);
      }
      if (status === 403) {
        return new RepositoryAccessError('access/forbidden', `${where}: the token may not ${action} (403 ${message}); it needs ${needs} on this repository`, help);
      }
      if (branch !== undefined && /branch not found/i.test(message)) {
        return new RepositoryAccessError('access/branch-not-found', `${where}: branch ${branch} does not exist; create it or fix the branch name in branch-protection.branches`);
      }
      const branchThere = branch === undefined || isBranchPattern(branch) ? undefined : await this.branchExists(branch);
      if (branchThere === false) {
        return new RepositoryAccessError('access/branch-not-found', `${where}: branch ${branch} does not exist; create it or fix the branch name in branch-protection.branches`);
      }
      if (branchThere === true || (await this.repositoryVisible())) {
        // GitHub hides what a token may not read behind a 404, even on a repository it can see.
        return new RepositoryAccessError('access/forbidden', `${where}: the token can see the repository but GitHub answered 404 ${message} to ${action}; the token lacks ${needs} on this repository`, help);
      }
      return new RepositoryAccessError('access/not-found', `${where}: the repository does not exist or the token cannot see it (404 ${message}); check the name and that the token is granted this repository`, help);
    }
    return new RepositoryAccessError('access/failed', `${where}: GitHub answered ${status} when trying to ${action} (${message}); try again later`);
  }

  /** Whether the branch exists; undefined when that cannot be told (the repository is not visible). */
  private async branchExists(branch: string): Promise<boolean | undefined> {
    try {
      await this.client.request('GET /repos/{owner}/{repo}/branches/{branch}', { owner: this.owner, repo: this.name, branch });
      return true;
    } catch (error) {
      if (failureOf(error)?.status !== 404) return undefined;
    }
    return (await this.repositoryVisible()) ? false : undefined;
  }

  private async repositoryVisible(): Promise<boolean> {
    try {
      await this.client.request('GET /repos/{owner}/{repo}', { owner: this.owner, repo: this.name });
      return true;
    } catch {
      return false;
    }
  }
}

/** The repositories of an organisation, without archived ones (they cannot be protected). */
export async function listOrganizationRepositories(client: GitHubClient, org: string): Promise<Array<{ fullName: string; topics: string[] }>> {
  try {
    const repositories = (await client.paginate('GET /orgs/{org}/repos', { org, type: 'all', per_page: 100 })) as Array<{ full_name: string; archived?: boolean; topics?: string[] }>;
    return repositories.filter((repository) => !repository.archived).map((repository) => ({ fullName: repository.full_name, topics: repository.topics ?? [] }));
  } catch (error) {
    const failure = failureOf(error);
    const sso = failure ? ssoAuthorizationUrl(failure.headers) : undefined;
    if (sso !== undefined) throw new ConfigurationError(`organisation ${org} enforces SAML single sign-on and the token is not authorised for it; authorise the token for ${org} at ${sso}`);
    if (failure?.status === 404) throw new ConfigurationError(`organisation ${org} does not exist or the token cannot see it (404 ${failure.message}); check the org setting and that the token belongs to it`);
    if (failure?.status === 401 || failure?.status === 403) throw new ConfigurationError(`the token may not list the repositories of ${org} (${failure.status} ${failure.message}); give it Metadata: read on the organisation's repositories`);
    throw new EnvironmentError(`could not list the repositories of ${org} (${failure ? `${failure.status} ${failure.message}` : String(error)}); try again later`);
  }
}
