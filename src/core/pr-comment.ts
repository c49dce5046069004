import { causeOf } from './errors.js';
import { createGitHubClient } from './github.js';
import type { EventContext } from './github-context.js';
import type { Logger } from './logger.js';

export interface CommentTarget {
  owner: string;
  repo: string;
  number: number;
}

/** The pull request a run belongs to, or undefined outside pull request events. */
export function pullRequestOf(event: EventContext): CommentTarget | undefined {
  if (event.eventName !== 'pull_request' && event.eventName !== 'pull_request_target') return undefined;
  const pullRequest = event.payload.pull_request as { number?: unknown } | undefined;
  const [owner, repo] = (event.repository ?? '').split('/');
  if (typeof pullRequest?.number !== 'number' || !owner || !repo) return undefined;
  return { owner, repo, number: pullRequest.number };
}

export type CommentOutcome = { kind: 'created' | 'updated' } | { kind: 'not-permitted' | 'failed'; message: string };

/**
 * Writes the suite's one comment on the pull request: the comment that carries `marker` is
 * updated in place, else one is created. A token that may not write (a fork's pull request gets a
 * read-only one) and any other failure are outcomes for the caller to report, never a thrown
 * error: the comment is a convenience and the job summary holds everything.
 */
export async function publishComment(target: CommentTarget, marker: string, body: string, options: { token: string; env: NodeJS.ProcessEnv; log: Logger }): Promise<CommentOutcome> {
  const github = createGitHubClient({ token: options.token, env: options.env, log: options.log, retries: 2 });
  try {
    const comments = await github.paginate(github.rest.issues.listComments, { owner: target.owner, repo: target.repo, issue_number: target.number, per_page: 100 });
    const existing = comments.find((comment) => comment.body?.startsWith(marker));
    if (existing) {
      await github.rest.issues.updateComment({ owner: target.owner, repo: target.repo, comment_id: existing.id, body });
      return { kind: 'updated' };
    }
    await github.rest.issues.createComment({ owner: target.owner, repo: target.repo, issue_number: target.number, body });
    return { kind: 'created' };
  } catch (error) {
    const status = (error as { status?: number }).status;
    if (status === 401 || status === 403 || status === 404) {
      return {
        kind: 'not-permitted',
        message: `The pull request comment was skipped: the token may not write to pull request #${target.number} (HTTP ${status}; a pull request from a fork gets a read-only token, or the job lacks pull-requests: write). The job summary holds every finding.`,
      };
    }
    return { kind: 'failed', message: `could not write the pull request comment (${causeOf(error)}); the job summary holds every finding` };
  }
}
