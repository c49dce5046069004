import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { branchProtectionGate } from '../../src/branch-protection/gate.js';
import { resolveSettings } from '../../src/core/config.js';
import { executeGate } from '../../src/core/gate.js';
import { silentLogger } from '../../src/core/logger.js';
import { startPrism, type PrismMock } from '../helpers/prism.js';
import { tempDir } from '../helpers/temp.js';

/**
 * Contract tests: Prism serves GitHub's official OpenAPI description (@octokit/openapi) and
 * answers 422/400 to any request that does not validate against it. A recording proxy in front
 * of Prism keeps every status and Prism's `sl-violations` header.
 *
 * The copy of the description Prism serves is patched, on purpose, in two places:
 * - every JSON response also lists GitHub's media types (application/vnd.github.v3+json,
 *   application/vnd.github+json): octokit asks for them and Prism would answer 406 otherwise;
 * - `required_status_checks.contexts` is no longer required in the protection PUT: the
 *   description requires it, but the live API refuses `contexts` together with `checks` and
 *   accepts `checks` alone (go-github#2976, ossf/allstar#155), which is what the gate sends.
 * It is also cut down to the operations the gate calls (and the components they reach), so that
 * Prism starts in seconds instead of parsing the whole API, and the second ruleset of the
 * ruleset-list example is renamed `readiness-gates: release`, so that the gate finds a ruleset of
 * its own and the read and update of an existing ruleset are exercised too (schemas untouched).
 */

const SPECS = ['api.github.com', 'ghes-3.19'];
const OPERATIONS: Record<string, string[]> = {
  '/repos/{owner}/{repo}': ['get'],
  '/repos/{owner}/{repo}/branches': ['get'],
  '/repos/{owner}/{repo}/branches/{branch}': ['get'],
  '/repos/{owner}/{repo}/branches/{branch}/protection': ['get', 'put', 'delete'],
  '/repos/{owner}/{repo}/branches/{branch}/protection/required_signatures': ['get', 'post', 'delete'],
  '/repos/{owner}/{repo}/rules/branches/{branch}': ['get'],
  '/repos/{owner}/{repo}/rulesets': ['get', 'post'],
  '/repos/{owner}/{repo}/rulesets/{ruleset_id}': ['get', 'put'],
  '/orgs/{org}/repos': ['get'],
  // What the lock-out guard asks: who reports a check, who can approve, where CODEOWNERS is.
  '/repos/{owner}/{repo}/commits/{ref}/check-runs': ['get'],
  '/repos/{owner}/{repo}/commits/{ref}/status': ['get'],
  '/repos/{owner}/{repo}/pulls': ['get'],
  '/repos/{owner}/{repo}/collaborators': ['get'],
  '/repos/{owner}/{repo}/contents/{path}': ['get'],
  '/repos/{owner}/{repo}/deployments': ['get'],
};
const GITHUB_MEDIA_TYPES = ['application/vnd.github.v3+json', 'application/vnd.github+json'];

type Json = Record<string, unknown>;

/** The patched, trimmed copy of one official description (see the comment at the top). */
function patchedSpec(name: string): Json {
  const spec = JSON.parse(readFileSync(path.resolve(`node_modules/@octokit/openapi/generated/${name}.json`), 'utf8')) as Json;
  const allPaths = spec.paths as Record<string, Json>;
  const paths: Record<string, Json> = {};
  for (const [route, methods] of Object.entries(OPERATIONS)) {
    const item = allPaths[route];
    if (!item) throw new Error(`${name} has no ${route}`);
    paths[route] = Object.fromEntries(Object.entries(item).filter(([key]) => methods.includes(key) || key === 'parameters'));
  }
  const put = (paths['/repos/{owner}/{repo}/branches/{branch}/protection']!.put as Json);
  const body = ((((put.requestBody as Json).content as Json)['application/json'] as Json).schema as Json);
  const checks = (body.properties as Record<string, Json>).required_status_checks!;
  checks.required = (checks.required as string[]).filter((key) => key !== 'contexts');
  for (const item of Object.values(paths)) {
    for (const operation of Object.values(item)) {
      for (const response of Object.values(((operation as Json).responses as Record<string, Json> | undefined) ?? {})) {
        const content = response.content as Record<string, unknown> | undefined;
        if (content?.['application/json']) for (const type of GITHUB_MEDIA_TYPES) content[type] = content['application/json'];
      }
    }
  }
  const rulesetList = (spec.components as Record<string, Record<string, { value: Array<{ name: string }> }>>).examples!['repository-ruleset-items']!;
  rulesetList.value[1]!.name = 'readiness-gates: release';
  const { 'x-webhooks': _webhooks, ...rest } = spec;
  return { ...rest, paths, components: reachableComponents(spec.components as Record<string, Record<string, unknown>>, paths) };
}

function reachableComponents(components: Record<string, Record<string, unknown>>, root: unknown): Json {
  const kept: Record<string, Record<string, unknown>> = {};
  const pending = [root];
  while (pending.length > 0) {
    const node = pending.pop();
    if (typeof node !== 'object' || node === null) continue;
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string') {
        const [, , section, name] = value.split('/') as [string, string, string, string];
        if (kept[section]?.[name] === undefined) {
          (kept[section] ??= {})[name] = components[section]![name];
          pending.push(components[section]![name]);
        }
      } else {
        pending.push(value);
      }
    }
  }
  return kept;
}

type Mock = PrismMock;

async function startPrismFor(specName: string): Promise<Mock> {
  const file = path.join(tempDir(), `${specName}.json`);
  writeFileSync(file, JSON.stringify(patchedSpec(specName)));
  return startPrism(file);
}

const POLICY = {
  name: 'main',
  'required-checks': ['lint', 'test'],
  strict: true,
  'required-reviews': 2,
  'code-owner-reviews': true,
  'dismiss-stale-reviews': true,
  'require-last-push-approval': true,
  'enforce-admins': true,
  'linear-history': true,
  'conversation-resolution': true,
  'allow-force-pushes': false,
  'allow-deletions': false,
  'signed-commits': true,
};

describe.each(SPECS)('requests validate against the %s OpenAPI description (Prism)', (specName) => {
  let mock: Mock;
  beforeAll(async () => {
    mock = await startPrismFor(specName);
  }, 180_000);
  afterAll(async () => {
    await mock?.stop();
  });

  it.each([
    ['classic', 'check'],
    ['classic', 'plan'],
    ['classic', 'apply'],
    ['rulesets', 'check'],
    ['rulesets', 'plan'],
    ['rulesets', 'apply'],
  ])('%s API, mode %s', async (api, mode) => {
    mock.recorded.length = 0;
    // GitHub's example protection meets most of POLICY: main asks for signed commits (their own
    // endpoint), release for more reviews (the protection PUT).
    const branches = [POLICY, { ...POLICY, name: 'release', 'required-reviews': 6 }];
    // GitHub's examples show one collaborator and no lint check: the guard refuses, and
    // accept-lockout lets the writes through so that they are validated too.
    const settings = resolveSettings('branch-protection', { repo: 'octo/hello', api, mode, 'allow-weaken': true, prune: true, 'accept-lockout': true, branches }, {}, (key) => key);
    const report = await executeGate(branchProtectionGate, settings, {
      cwd: tempDir(),
      env: { GITHUB_API_URL: mock.url, RUNNER_TEMP: tempDir() },
      log: silentLogger,
      token: 'ghp_contract',
      inAction: false,
    });
    expect(mock.recorded.length).toBeGreaterThan(0);
    for (const request of mock.recorded) {
      // Prism also reports where GitHub's own response examples break its schemas; only the
      // request side is the gate's doing.
      const requestViolations = (JSON.parse(request.violations ?? '[]') as Array<{ location: string[] }>).filter((violation) => violation.location[0] === 'request');
      expect(requestViolations, `${request.method} ${request.url}`).toEqual([]);
      expect(request.status, `${request.method} ${request.url}${request.error ? ` (${request.error})` : ''}`).toBeLessThan(400);
    }
    expect(report.findings.filter((finding) => finding.rule.startsWith('access/'))).toEqual([]);
    expect(report.status, JSON.stringify(report.findings)).not.toBe('error');
    const routes = mock.recorded.map((request) => `${request.method} ${request.url.split('?')[0]}`);
    if (mode !== 'apply') expect(mock.recorded.every((request) => request.method === 'GET')).toBe(true);
    else if (api === 'classic') expect(routes).toEqual(expect.arrayContaining(['POST /repos/octo/hello/branches/main/protection/required_signatures', 'PUT /repos/octo/hello/branches/release/protection']));
    else expect(routes).toEqual(expect.arrayContaining(['POST /repos/octo/hello/rulesets', 'GET /repos/octo/hello/rulesets/314', 'PUT /repos/octo/hello/rulesets/314']));
    if (api === 'classic') expect(routes).toContain('GET /repos/octo/hello/rules/branches/main');
    expect(routes).toEqual(expect.arrayContaining(['GET /repos/octo/hello/collaborators', 'GET /repos/octo/hello/pulls', expect.stringMatching(/^GET \/repos\/octo\/hello\/commits\/\w+\/check-runs$/), expect.stringMatching(/^GET \/repos\/octo\/hello\/commits\/\w+\/status$/)]));
    expect(report.findings.some((finding) => finding.rule === 'safety/lockout-accepted')).toBe(true);
    if (api === 'classic' && mode === 'check') {
      // GitHub's own example protection, normalised: two approvals and enforced admins meet the
      // config, its `{enabled: false}` signatures and travis context do not.
      const messages = report.findings.map((finding) => finding.message);
      expect(messages).toContain('octo/hello main: signed-commits is false, the config wants true');
      expect(messages).toContain('octo/hello main: required-checks is continuous-integration/travis-ci, the config wants lint, test');
      expect(messages.filter((message) => /^octo\/hello main: (required-reviews|enforce-admins|dismiss-stale-reviews)/.test(message))).toEqual([]);
    }
  }, 60_000);

  it('rulesets with every setting only they hold, and tag rules: every write validates', async () => {
    mock.recorded.length = 0;
    const branches = [{ ...POLICY, 'merge-queue': true, 'required-deployments': ['staging'], 'lock-branch': false, 'bypass-actors': [{ role: 'maintain' }, { app: 42, mode: 'pull_request' }], exclude: ['main-old'] }];
    const tags = [{ name: 'v*', 'allow-deletions': false, 'allow-force-pushes': false, 'enforce-admins': true, enforcement: 'evaluate' }];
    const settings = resolveSettings('branch-protection', { repo: 'octo/hello', api: 'rulesets', mode: 'apply', 'allow-weaken': true, prune: true, 'accept-lockout': true, branches, tags }, {}, (key) => key);
    const report = await executeGate(branchProtectionGate, settings, { cwd: tempDir(), env: { GITHUB_API_URL: mock.url, RUNNER_TEMP: tempDir() }, log: silentLogger, token: 'ghp_contract', inAction: false });
    const writes = mock.recorded.filter((request) => request.method !== 'GET');
    expect(writes.length).toBeGreaterThanOrEqual(2);
    for (const request of mock.recorded) {
      const requestViolations = (JSON.parse(request.violations ?? '[]') as Array<{ location: string[] }>).filter((violation) => violation.location[0] === 'request');
      expect(requestViolations, `${request.method} ${request.url}`).toEqual([]);
      expect(request.status, `${request.method} ${request.url}${request.error ? ` (${request.error})` : ''}`).toBeLessThan(400);
    }
    expect(report.status, JSON.stringify(report.findings)).not.toBe('error');
  }, 60_000);

  it('refuses what the description forbids, so the checks above can fail', async () => {
    mock.recorded.length = 0;
    const response = await fetch(`${mock.url}/repos/octo/hello/branches/main/protection`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', accept: 'application/vnd.github.v3+json' },
      body: JSON.stringify({ required_status_checks: { strict: 'yes', checks: [{ context: 'lint' }] }, enforce_admins: true, required_pull_request_reviews: null, restrictions: null }),
    });
    expect([400, 422]).toContain(response.status);
    // The same filter as above must see the violation, or it would wave every request through.
    const located = (JSON.parse(mock.recorded[0]!.violations ?? '[]') as Array<{ location: string[] }>).filter((violation) => violation.location[0] === 'request');
    expect(located.map((violation) => violation.location.join('.'))).toContain('request.body.required_status_checks.strict');
  });

  it('refuses a ruleset body the description forbids', async () => {
    mock.recorded.length = 0;
    const response = await fetch(`${mock.url}/repos/octo/hello/rulesets`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/vnd.github+json' },
      body: JSON.stringify({ name: 'readiness-gates: main', enforcement: 'always', rules: [{ type: 'no_such_rule' }] }),
    });
    expect([400, 422]).toContain(response.status);
    // Prism names the violation in sl-violations or, where the operation has a 422 of its own, in the body.
    expect(`${mock.recorded[0]!.violations ?? ''} ${await response.text()}`).toContain('enforcement');
  });
});
