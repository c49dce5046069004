import { ConfigurationError, EnvironmentError } from '../core/errors.js';
import type { GitHubClient } from '../core/github.js';

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
}

function failureOf(error: unknown): RequestFailure | undefined {
  if (typeof error !== 'object' || error === null || !('status' in error)) return undefined;
  const { status, response, message: text } = error as { status?: number; response?: { data?: unknown }; message?: string };
  const data = response?.data;
  const message = typeof data === 'object' && data !== null && 'message' in data ? String((data as { message: unknown }).message) : String(text);
  return { status, message, answered: response !== undefined };
}

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
      throw await this.explain(error, `read the protection of ${branch}`, branch);
    }
  }

  /** The rules every ruleset (repository and organisation) applies to a branch. */
  async readEffectiveRules(branch: string): Promise<unknown[]> {
    try {
      return (await this.client.paginate('GET /repos/{owner}/{repo}/rules/branches/{branch}', { owner: this.owner, repo: this.name, branch, per_page: 100 })) as unknown[];
    } catch (error) {
      throw await this.explain(error, `read the rules of ${branch}`);
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
      throw await this.explain(error, write.purpose, write.parameters.branch as string | undefined);
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
   * 404 rather than 403 for a repository the token cannot see), so it costs one more request to
   * tell "no such branch" from "no such repository, or not visible to this token".
   */
  private async explain(error: unknown, action: string, branch?: string): Promise<Error> {
    const failure = failureOf(error);
    if (!failure?.status) return error instanceof Error ? error : new Error(String(error));
    const where = this.fullName;
    const { status, message } = failure;
    if (!failure.answered) return new RepositoryAccessError('access/unreachable', `${where}: GitHub could not be reached to ${action} (${message}); check GITHUB_API_URL and the network`);
    if (status === 401) return new RepositoryAccessError('access/unauthorized', `${where}: GitHub refused the token (401 ${message}); check that the \`token\` input holds a valid, unexpired token`);
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
  private async branchExists(branch: string): Promise<boolean | undefined> {
    try {
      await this.client.request('GET /repos/{owner}/{repo}/branches/{branch}', { owner: this.owner, repo: this.name, branch });
      return true;
    } catch (error) {
      if (failureOf(error)?.status !== 404) return undefined;
    }
    try {
      await this.client.request('GET /repos/{owner}/{repo}', { owner: this.owner, repo: this.name });
      return false;
    } catch {
      return undefined;
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
    if (failure?.status === 404) throw new ConfigurationError(`organisation ${org} does not exist or the token cannot see it (404 ${failure.message}); check the org setting and that the token belongs to it`);
    if (failure?.status === 401 || failure?.status === 403) throw new ConfigurationError(`the token may not list the repositories of ${org} (${failure.status} ${failure.message}); give it Metadata: read on the organisation's repositories`);
    throw new EnvironmentError(`could not list the repositories of ${org} (${failure ? `${failure.status} ${failure.message}` : String(error)}); try again later`);
  }
}
