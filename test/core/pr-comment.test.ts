import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { allowLine, COMMENT_CHARACTER_LIMIT, renderPullRequestComment } from '../../src/core/render/comment.js';
import { combineReports, type Finding, type GateReport } from '../../src/core/report.js';
import { runSourceActionAsync } from '../helpers/action-runner.js';
import { commitFiles, gitRepo, runGit } from '../secret-scan/helpers.js';

interface Comment {
  id: number;
  body: string;
}

/** The three issue-comment endpoints of the GitHub API, on a loopback port; `forbid` answers writes as for a fork's token. */
async function fakeGitHub(options: { forbid?: boolean } = {}) {
  const comments: Comment[] = [{ id: 1, body: 'a reviewer wrote this' }];
  const requests: string[] = [];
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const url = new URL(request.url!, 'http://x');
      requests.push(`${request.method} ${url.pathname}`);
      const reply = (status: number, body: unknown) => {
        response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
        response.end(JSON.stringify(body));
      };
      const body = chunks.length ? (JSON.parse(Buffer.concat(chunks).toString()) as { body: string }) : undefined;
      if (request.method !== 'GET' && options.forbid) return reply(403, { message: 'Resource not accessible by integration' });
      if (request.method === 'GET' && url.pathname === '/repos/octo-org/octo-repo/issues/7/comments') return reply(200, comments);
      if (request.method === 'POST' && url.pathname === '/repos/octo-org/octo-repo/issues/7/comments') {
        const created = { id: comments.length + 1, body: body!.body };
        comments.push(created);
        return reply(201, created);
      }
      const update = /^\/repos\/octo-org\/octo-repo\/issues\/comments\/(\d+)$/.exec(url.pathname);
      const existing = update && comments.find((comment) => comment.id === Number(update[1]));
      if (request.method === 'PATCH' && existing) {
        existing.body = body!.body;
        return reply(200, existing);
      }
      return reply(404, { message: 'Not Found' });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  servers.push(server);
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, comments, requests };
}

const servers: Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await new Promise<void>((resolve) => server.close(() => resolve()));
});

const TAUTOLOGY = "import { expect, it } from 'vitest';\n\nit('works', () => {\n  expect(true).toBe(true);\n});\n";

/** A pull request on a project with one tautological test, and the runner's view of it. */
function pullRequest() {
  const workspace = gitRepo({ 'package.json': JSON.stringify({ name: 'calc', version: '1.0.0', scripts: { test: 'vitest run' } }), 'src/add.js': 'export const add = (a, b) => a + b;\n' });
  const base = runGit(workspace, 'rev-parse', 'HEAD').trim();
  const head = commitFiles(workspace, { 'test/add.test.js': TAUTOLOGY });
  return { workspace, event: { number: 7, pull_request: { number: 7, base: { sha: base, ref: 'main' }, head: { sha: head, ref: 'feature' } } } };
}

describe('the pull request comment', () => {
  it('is written once and then updated in place on every run', { timeout: 120_000 }, async () => {
    const github = await fakeGitHub();
    const pr = pullRequest();
    const options = { ...pr, eventName: 'pull_request', inputs: { comment: 'true', token: 'ghs_test' }, env: { GITHUB_API_URL: github.url } };
    const first = await runSourceActionAsync('test-existence', options);
    expect(first.stdout).toContain('comment: created on pull request #7');
    const second = await runSourceActionAsync('test-existence', options);
    expect(second.stdout).toContain('comment: updated on pull request #7');
    expect(github.requests.filter((request) => request.startsWith('POST'))).toHaveLength(1);
    expect(github.comments).toHaveLength(2);
    expect(github.comments[0]!.body).toBe('a reviewer wrote this');
    expect(github.comments[1]!.body.split('\n')[0]).toBe('<!-- readiness-gates comment: . -->');
    expect(github.comments[1]!.body).toContain('### ❌ test-existence: fail');
    // the verdict is the gate's, whatever the comment did
    expect(second.exitCode).toBe(1);
  });

  it('is skipped with a notice, not a failure, where the token may not write', { timeout: 120_000 }, async () => {
    const github = await fakeGitHub({ forbid: true });
    const pr = pullRequest();
    const run = await runSourceActionAsync('test-existence', { ...pr, eventName: 'pull_request', inputs: { comment: 'true', token: 'ghs_test' }, env: { GITHUB_API_URL: github.url } });
    expect(run.stdout).toMatch(/^::notice::The pull request comment was skipped: the token may not write to pull request #7 \(HTTP 403;/m);
    expect(run.stdout).not.toMatch(/^::warning::could not write the pull request comment/m);
    expect(run.outputs.status).toBe('fail');
    expect(github.comments).toHaveLength(1);
  });
});

describe('the comment body', () => {
  const leak: Finding = { rule: 'github-pat', level: 'error', message: 'A GitHub token in src/settings.js.', file: 'src/settings.js', line: 3, fingerprint: 'src/settings.js:github-pat:3' };
  const advisory: Finding = { rule: 'GHSA-xvch-5gv4-984h', level: 'error', message: 'minimist@1.2.0 has a critical advisory.', file: 'package-lock.json', line: 40, fingerprint: 'GHSA-xvch-5gv4-984h:@scope/minimist@1.2.0' };

  it('carries for each finding that can be allowed the line to paste', () => {
    expect(allowLine('secret-scan', leak)).toBe('- { fingerprint: "src/settings.js:github-pat:3", reason: "…" }');
    expect(allowLine('secret-scan', { ...leak, stableFingerprint: '0123456789abcdef0123' })).toBe('- { secret-hash: 0123456789abcdef0123, reason: "…" }');
    expect(allowLine('audit', advisory)).toBe('- { id: GHSA-xvch-5gv4-984h, package: "@scope/minimist", reason: "…", expires: YYYY-MM-DD }');
    expect(allowLine('test-existence', { rule: 'test/no-assertion', level: 'error', message: 'm' })).toBeUndefined();
    expect(allowLine('secret-scan', { ...leak, rule: 'config/loosened' })).toBeUndefined();
    const body = renderPullRequestComment({ gate: 'audit', status: 'fail', durationMs: 1, metrics: {}, findings: [advisory] }, '.');
    expect(body).toContain('<br><sub>allow under `audit.allow`: `- { id: GHSA-xvch-5gv4-984h, package: "@scope/minimist", reason: "…", expires: YYYY-MM-DD }`</sub>');
  });

  it('stays under GitHub\'s comment limit with thousands of findings', () => {
    const findings = Array.from({ length: 2000 }, (_, index): Finding => ({ ...leak, line: index + 1, fingerprint: `src/settings.js:github-pat:${index + 1}`, message: `A GitHub token in src/settings.js at line ${index + 1}. ${'More context. '.repeat(10)}` }));
    const report: GateReport = { gate: 'secret-scan', status: 'fail', durationMs: 1, metrics: {}, findings };
    const body = renderPullRequestComment(combineReports([report, { ...report, gate: 'audit', findings: [advisory] }]), 'packages/app');
    expect(body.length).toBeLessThan(COMMENT_CHARACTER_LIMIT);
    expect(body).toContain('more findings not listed here');
    expect(body).toContain('### ❌ audit: fail');
  });
});
