import type { Level } from '../core/report.js';

/** Every rule of the gate: its default level and the fix shown with each finding. */
export const RULES = {
  'tracked/node-modules': { level: 'error', help: 'Remove it from the index (git rm -r --cached node_modules) and add node_modules/ to .gitignore; the lockfile is what pins dependencies.' },
  'tracked/build-output': { level: 'warning', help: 'Remove it from the index (git rm -r --cached <dir>) and ignore it; CI builds it. If it is meant to be committed, list it in committed-output.' },
  'tracked/env-backup': { level: 'error', help: 'Rotate the values it held, remove it (git rm --cached) and ignore *.backup; a template such as .env.example lists the names without values.' },
  'tracked/binary': { level: 'warning', help: 'Build it in CI or fetch it from a release instead of committing it; a committed binary cannot be reviewed.' },
  'tracked/large-file': { level: 'warning', help: 'Keep large files out of git (Git LFS, a release asset or a bucket), or raise max-file-kib.' },
  'docker/root-user': { level: 'error', help: 'Add `USER node` (or another non-root user) to the final stage, after the steps that need root.' },
  'docker/build-in-final-stage': { level: 'warning', help: 'Build in a stage of its own (`FROM … AS build`) and COPY --from=build only the output and production dependencies into the final stage.' },
  'docker/unpinned-base': { level: 'warning', help: 'Pin the base image to a version (node:22.11-slim), so that a rebuild cannot bring a different image.' },
  'docker/base-digest': { level: 'notice', help: 'Pin the base image by digest as well (node:22-slim@sha256:…) and let Dependabot or Renovate update it.' },
  'docker/full-base-image': { level: 'warning', help: 'Run the final stage on a slim, alpine or distroless variant; a full image ships compilers and tools an attacker can use.' },
  'docker/secret-in-image': { level: 'error', help: 'Pass secrets at build time with `RUN --mount=type=secret` or at run time through the environment; ENV and ARG values stay in the image history.' },
  'docker/copy-env': { level: 'error', help: 'Do not copy .env files into the image; pass configuration at run time and list .env* in .dockerignore.' },
  'docker/dockerignore': { level: 'warning', help: 'Add a .dockerignore beside the build context that lists .env*, node_modules and .git.' },
  'docker/npm-install': { level: 'warning', help: 'Use `npm ci` (with --omit=dev in the final stage): it installs exactly the lockfile and fails when it is out of date.' },
  'deps/no-update-tool': { level: 'warning', help: 'Add .github/dependabot.yml (or a Renovate config) with an entry per ecosystem, so that dependency and base-image updates arrive as pull requests.' },
  'deps/ecosystem-not-covered': { level: 'warning', help: 'Add an update entry for this ecosystem and directory to .github/dependabot.yml (Renovate covers every ecosystem unless enabledManagers limits it).' },
  'ci/no-pull-request-workflow': { level: 'warning', help: 'Add a workflow that runs `on: pull_request` and runs the packages\' lint, typecheck, test and build scripts.' },
  'ci/test-not-run': { level: 'error', help: 'Run the script in a workflow on pull_request (npm test, npm run test --workspaces, pnpm -r test, turbo run test…); names are set by test-scripts.' },
  'ci/typecheck-not-run': { level: 'warning', help: 'Run the script in a workflow on pull_request (npm run typecheck, tsc --noEmit); names are set by typecheck-scripts.' },
  'ci/lint-not-run': { level: 'warning', help: 'Run the script in a workflow on pull_request (npm run lint); names are set by lint-scripts.' },
  'ci/build-not-run': { level: 'warning', help: 'Run the script in a workflow on pull_request (npm run build); names are set by build-scripts.' },
  'ci/no-secret-scan': { level: 'warning', help: 'Run a secret scan on pull requests: readiness-gates/readiness-gates/actions/secret-scan, or gitleaks.' },
  'ci/no-dependency-audit': { level: 'warning', help: 'Run a dependency audit on pull requests: readiness-gates/readiness-gates/actions/audit, or npm audit.' },
  'ci/permissions': { level: 'warning', help: 'Declare `permissions:` at the top of the workflow (e.g. contents: read) and widen it only in the jobs that need more.' },
  'ci/pull-request-target-checkout': { level: 'error', help: 'Do not check out the pull request\'s code in a pull_request_target workflow (it runs with secrets and a write token); use pull_request, or a workflow_run that only reads artifacts.' },
  'ci/unpinned-action': { level: 'warning', help: 'Pin third-party actions to a full commit SHA (owner/action@<40 hex> # v1.2.3) and let Dependabot update it.' },
  'ci/invalid-workflow': { level: 'error', help: 'Fix the YAML; GitHub does not run a workflow it cannot parse.' },
  'env/no-template': { level: 'warning', help: 'Commit a .env.example beside the package that lists every variable the code reads, with placeholder values.' },
  'env/missing-variable': { level: 'warning', help: 'Add the variable to the env template with a placeholder value, or to provided-env when the platform sets it.' },
  'env/template-secret': { level: 'error', help: 'Replace the value with a placeholder (changeme, <your-key>) and rotate the real one: the template is committed.' },
  'lockfile/missing': { level: 'error', help: 'Commit the lockfile of the package manager (npm install writes package-lock.json), so that CI and production install what was tested.' },
  'lockfile/multiple-managers': { level: 'error', help: 'Keep the lockfile of the one package manager the project uses and delete the others.' },
  'lockfile/out-of-sync': { level: 'error', help: 'Run the package manager\'s install and commit the lockfile, so that CI installs (and the audit checks) what the manifests ask for.' },
  'lockfile/package-manager-mismatch': { level: 'error', help: 'Make packageManager name the manager whose lockfile is committed, or switch the lockfile.' },
} as const satisfies Record<string, { level: Level; help: string }>;

export type RuleId = keyof typeof RULES;
export const RULE_IDS = Object.keys(RULES) as RuleId[];
