import { describe, expect, it } from 'vitest';
import { gitRepo, located, runHygiene } from './helpers.js';

const DIGEST = `sha256:${'b'.repeat(64)}`;
const IGNORE = { '.dockerignore': '.env*\nnode_modules\n.git\n' };

async function dockerFindings(files: Record<string, string>): Promise<string[]> {
  const report = await runHygiene(gitRepo({ ...IGNORE, ...files }));
  return located(report).filter((entry) => entry.startsWith('docker/'));
}

describe('docker/*', () => {
  it('passes a multi-stage build that runs as a non-root user on a slim base pinned by digest', async () => {
    expect(await dockerFindings({
      Dockerfile: [
        `FROM node:22-slim@${DIGEST} AS build`,
        'WORKDIR /app',
        'COPY package.json package-lock.json ./',
        'RUN npm ci && npm run build',
        `FROM node:22-slim@${DIGEST}`,
        'WORKDIR /app',
        'COPY --from=build /app/dist ./dist',
        'COPY package.json package-lock.json ./',
        'RUN npm ci --omit=dev',
        'USER node',
        'CMD ["node", "dist/server.js"]',
      ].join('\n'),
    })).toEqual([]);
  });

  it('reports root, a full base image, building in the only stage, npm install and a tag without digest', async () => {
    expect(await dockerFindings({ Dockerfile: 'FROM node:20\nWORKDIR /app\nCOPY . .\nRUN npm install && npm run build\nCMD ["node", "dist/server.js"]\n' })).toEqual([
      'docker/base-digest Dockerfile:1',
      'docker/full-base-image Dockerfile:1',
      'docker/root-user Dockerfile:1',
      'docker/build-in-final-stage Dockerfile:4',
      'docker/npm-install Dockerfile:4',
    ]);
  });

  it('reports latest, untagged and versionless tags as unpinned, and resolves ARG defaults in FROM', async () => {
    expect(await dockerFindings({
      Dockerfile: `ARG NODE_VERSION=22\nFROM node:\${NODE_VERSION}-alpine AS deps\nFROM ubuntu AS tools\nFROM nginx:latest AS web\nFROM node:alpine\nCOPY --from=deps /x /x\nCOPY --from=tools /y /y\nCOPY --from=web /z /z\nFROM debian:bookworm-slim@${DIGEST}\nUSER 1000\n`,
    })).toEqual([
      'docker/base-digest Dockerfile:2',
      'docker/unpinned-base Dockerfile:3',
      'docker/unpinned-base Dockerfile:4',
      'docker/unpinned-base Dockerfile:5',
    ]);
  });

  it('points at a USER root that comes back at the end, and trusts images that run as non-root', async () => {
    expect(await dockerFindings({ Dockerfile: `FROM node:22-slim@${DIGEST}\nUSER node\nRUN id\nUSER root\nCMD ["node", "x.js"]\n` })).toEqual(['docker/root-user Dockerfile:4']);
    expect(await dockerFindings({ Dockerfile: `FROM gcr.io/distroless/nodejs22-debian12:nonroot@${DIGEST}\nCOPY x.js /x.js\n` })).toEqual([]);
  });

  it('judges a Dockerfile with several targets by all of them, and test or dev images not at all for root', async () => {
    const multiTarget = `FROM node:22-slim@${DIGEST} AS release\nCMD ["node", "x.js"]\nFROM release AS rootless\nUSER node\nFROM node:22-slim@${DIGEST} AS upload\nRUN echo upload\n`;
    expect(await dockerFindings({ Dockerfile: multiTarget })).toEqual([]);
    expect(await dockerFindings({ 'Dockerfile.dev': `FROM node:22@${DIGEST}\nRUN npm ci\n`, 'test/radius.dockerfile': `FROM node:22-slim@${DIGEST}\n` })).toEqual([]);
  });

  it('reports secret-looking ENV and ARG values and copied env files, without printing them', async () => {
    const token = `sk_live_${'4eC39HqLyjWDarjtT1zdp7dc'}`;
    const report = await runHygiene(gitRepo({
      ...IGNORE,
      Dockerfile: `FROM node:22-slim@${DIGEST}\nENV STRIPE_SECRET_KEY=${token} LOG_LEVEL=info\nARG NPM_TOKEN\nARG API_KEY=changeme\nCOPY .env ./\nCOPY .env.example ./\nUSER node\n`,
    }));
    expect(located(report).filter((entry) => entry.startsWith('docker/'))).toEqual(['docker/secret-in-image Dockerfile:2', 'docker/copy-env Dockerfile:5']);
    expect(JSON.stringify(report)).not.toContain(token);
  });

  it('wants a .dockerignore that keeps out env files, node_modules and .git, read from the compose build context', async () => {
    const dockerfile = `FROM node:22-slim@${DIGEST}\nCOPY . .\nUSER node\n`;
    expect(await dockerFindings({ '.dockerignore': '', 'api/Dockerfile': dockerfile })).toEqual(['docker/dockerignore .dockerignore']);
    const noIgnore = await runHygiene(gitRepo({ 'api/Dockerfile': dockerfile }));
    expect(located(noIgnore).filter((entry) => entry.startsWith('docker/'))).toEqual(['docker/dockerignore api/Dockerfile']);
    // compose builds api/Dockerfile from the root: the root .dockerignore counts, api/.dockerignore does not.
    const composed = await runHygiene(gitRepo({
      'api/Dockerfile': dockerfile,
      'api/.dockerignore': '.env*\n.git\n',
      '.dockerignore': '.git\n',
      'package.json': '{"name":"app","private":true}\n',
      'compose.yml': 'services:\n  api:\n    build:\n      context: .\n      dockerfile: api/Dockerfile\n',
    }));
    const finding = composed.findings.find((entry) => entry.rule === 'docker/dockerignore')!;
    expect(finding.file).toBe('.dockerignore');
    expect(finding.message).toContain('does not exclude .env*, node_modules');
  });
});
