import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addRepository, startFakeGitHub, type FakeGitHub } from './fake-github.js';

/**
 * The stateful fake answers in the shape of GitHub's official description: each answer the
 * gate reads is validated against the 200 schema of its operation in @octokit/openapi, so a
 * field the fake gives with the wrong type, a wrong enum value or a misplaced object fails here
 * before a behaviour test can trust it. `required` is dropped from the schemas: the fake leaves
 * out the dozens of URL fields of user, repository and pull request objects that nothing reads
 * (GitHub's own examples miss some of them too); that it keeps what the gate writes is the test
 * below the table.
 */

type Json = Record<string, unknown>;
const spec = JSON.parse(readFileSync(path.resolve('node_modules/@octokit/openapi/generated/api.github.com.json'), 'utf8')) as { paths: Record<string, Record<string, Json>>; components: Json };

/** The schemas without `required`, and with `nullable` only where Ajv accepts it (beside a type). */
function relaxed(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(relaxed);
  if (typeof node !== 'object' || node === null) return node;
  const entries = Object.entries(node as Json).filter(([key]) => key !== 'required' && key !== 'example' && key !== 'examples' && !(key === 'nullable' && !('type' in (node as Json))));
  return Object.fromEntries(entries.map(([key, value]) => [key, relaxed(value)]));
}

const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
ajv.addSchema({ $id: 'github', components: relaxed(spec.components) });

function validatorOf(route: string, method = 'get') {
  const responses = spec.paths[route]![method]!.responses as Record<string, { content?: Record<string, { schema: Json }> }>;
  const status = responses['200'] ? '200' : '201';
  // Component references inside point at the root document: resolve them against the registered copy.
  const schema = JSON.parse(JSON.stringify(relaxed(responses[status]!.content!['application/json']!.schema)).replaceAll('"#/components/', '"github#/components/')) as Json;
  return ajv.compile(schema);
}

let fake: FakeGitHub;
beforeAll(async () => {
  fake = await startFakeGitHub();
  const repository = addRepository(fake, 'o/r', {
    collaborators: [{ login: 'ada', role: 'admin' }],
    pulls: [{ base: 'main', sha: 'c0ffee' }],
    reported: new Map([['c0ffee', { checkRuns: [{ name: 'lint', appId: 15368 }], statuses: ['codecov/patch'] }]]),
    files: new Map([['.github/CODEOWNERS', '* @o/core\n']]),
    deployments: [{ sha: 'c0ffee', environment: 'preview' }],
  });
  fake.teams.set('o/core', 7);
  repository.rulesets.set(1, {
    id: 1, name: 'readiness-gates: main', target: 'branch', enforcement: 'active', source_type: 'Repository', source: 'o/r',
    conditions: { ref_name: { include: ['~DEFAULT_BRANCH'], exclude: [] } },
    bypass_actors: [{ actor_id: 7, actor_type: 'Team', bypass_mode: 'pull_request' }],
    rules: [{ type: 'required_linear_history' }, { type: 'merge_queue', parameters: { check_response_timeout_minutes: 60, grouping_strategy: 'ALLGREEN', max_entries_to_build: 5, max_entries_to_merge: 5, merge_method: 'MERGE', min_entries_to_merge: 1, min_entries_to_merge_wait_minutes: 5 } }],
  });
  await call('PUT', '/repos/o/r/branches/main/protection', {
    required_status_checks: { strict: true, checks: [{ context: 'lint', app_id: 15368 }] },
    enforce_admins: true,
    required_pull_request_reviews: { required_approving_review_count: 1, dismissal_restrictions: { users: ['ada'], teams: [] }, bypass_pull_request_allowances: { users: ['ada'], teams: ['core'], apps: [] } },
    restrictions: { users: ['ada'], teams: ['core'], apps: [] },
    lock_branch: false,
  });
  await call('POST', '/repos/o/r/branches/main/protection/required_signatures');
});
afterAll(async () => {
  await fake.close();
});

async function call(method: string, route: string, body?: Json): Promise<unknown> {
  const response = await fetch(`${fake.url}${route}`, { method, headers: { 'content-type': 'application/json' }, body: body && JSON.stringify(body) });
  expect(response.status, `${method} ${route}`).toBeLessThan(300);
  return response.status === 204 ? undefined : response.json();
}

describe('the fake answers as the official description says', () => {
  it.each([
    ['/repos/{owner}/{repo}', '/repos/o/r'],
    ['/repos/{owner}/{repo}/branches/{branch}/protection', '/repos/o/r/branches/main/protection'],
    ['/repos/{owner}/{repo}/rulesets', '/repos/o/r/rulesets'],
    ['/repos/{owner}/{repo}/rulesets/{ruleset_id}', '/repos/o/r/rulesets/1'],
    ['/repos/{owner}/{repo}/rules/branches/{branch}', '/repos/o/r/rules/branches/main'],
    ['/repos/{owner}/{repo}/commits/{ref}/check-runs', '/repos/o/r/commits/c0ffee/check-runs'],
    ['/repos/{owner}/{repo}/commits/{ref}/status', '/repos/o/r/commits/c0ffee/status'],
    ['/repos/{owner}/{repo}/pulls', '/repos/o/r/pulls?base=main'],
    ['/repos/{owner}/{repo}/collaborators', '/repos/o/r/collaborators?permission=push'],
    ['/repos/{owner}/{repo}/contents/{path}', '/repos/o/r/contents/.github%2FCODEOWNERS'],
    ['/orgs/{org}/teams/{team_slug}', '/orgs/o/teams/core'],
    ['/repos/{owner}/{repo}/deployments', '/repos/o/r/deployments?sha=c0ffee&environment=preview'],
  ])('%s', async (route, url) => {
    const validate = validatorOf(route);
    const answer = await call('GET', url);
    validate(answer);
    expect(validate.errors ?? [], JSON.stringify(answer)).toEqual([]);
  });

  it('keeps what a protection PUT sets, bypass allowances and push restrictions included', async () => {
    const protection = (await call('GET', '/repos/o/r/branches/main/protection')) as Json;
    expect(protection.required_pull_request_reviews).toMatchObject({ bypass_pull_request_allowances: { users: [{ login: 'ada' }], teams: [{ slug: 'core' }], apps: [] } });
    expect(protection.restrictions).toMatchObject({ users: [{ login: 'ada' }], teams: [{ slug: 'core' }] });
    expect(protection.required_signatures).toMatchObject({ enabled: true });
  });

  it('sees a shape the description forbids, so the checks above can fail', () => {
    const validate = validatorOf('/repos/{owner}/{repo}/branches/{branch}/protection');
    expect(validate({ enforce_admins: { enabled: 'yes' } })).toBe(false);
    const rulesets = validatorOf('/repos/{owner}/{repo}/rulesets/{ruleset_id}');
    expect(rulesets({ id: 1, name: 'x', enforcement: 'always', bypass_actors: [{ actor_type: 'Robot' }] })).toBe(false);
    expect(rulesets.errors!.map((error) => error.instancePath)).toEqual(expect.arrayContaining(['/enforcement', '/bypass_actors/0/actor_type']));
  });
});
