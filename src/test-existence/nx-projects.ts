import { parseJsonConfig } from './config-values.js';
import { ScriptCoverage } from '../hygiene/coverage.js';
import type { PackageDiscovery } from '../core/packages.js';
import { SCRIPT_EXTENSIONS, VITEST_CONFIGS } from './runner-config.js';
import { TEST_TARGET } from './scripts.js';

/** Nx's plugins that infer a test target for a project from the runner config in its folder (`@nx/vitest` took over from `@nx/vite/plugin` in Nx 23). */
const INFERRING_PLUGINS: Readonly<Record<string, readonly string[]>> = {
  '@nx/jest/plugin': SCRIPT_EXTENSIONS.map((extension) => `jest.config.${extension}`),
  '@nx/vite/plugin': VITEST_CONFIGS,
  '@nx/vitest': VITEST_CONFIGS,
};

/**
 * Which projects of an Nx workspace (an nx.json at the root) have a test target, which `nx test`, `nx run-many -t test`
 * and `nx affected -t test` run with no script in their package.json: a target of project.json or of package.json's
 * `nx`, or one a plugin of nx.json infers from the runner config in the project's folder (nx-examples' libraries:
 * `@nx/jest/plugin` and a jest.config.ts). Undefined outside such a workspace.
 */
export function nxTestProjects(files: ReadonlySet<string>, read: (file: string) => string): ((dir: string, manifest: Record<string, unknown> | undefined) => boolean) | undefined {
  if (!files.has('nx.json')) return undefined;
  const nx = parseJsonConfig(read('nx.json'), 'nx.json') as { plugins?: unknown } | null | undefined;
  const plugins: unknown[] = Array.isArray(nx?.plugins) ? nx.plugins : [];
  const inferredFrom = plugins.flatMap((plugin) => INFERRING_PLUGINS[typeof plugin === 'string' ? plugin : String((plugin as { plugin?: unknown } | null)?.plugin)] ?? []);
  return (dir, manifest) => {
    const within = (name: string) => (dir ? `${dir}/${name}` : name);
    const projectFile = within('project.json');
    const project = files.has(projectFile) ? (parseJsonConfig(read(projectFile), projectFile) as { targets?: unknown } | undefined) : undefined;
    const manifestTargets = (manifest?.nx as { targets?: unknown } | undefined)?.targets;
    return hasTestTarget(project?.targets) || hasTestTarget(manifestTargets) || inferredFrom.some((config) => files.has(within(config)));
  };
}

function hasTestTarget(targets: unknown): boolean {
  return typeof targets === 'object' && targets !== null && Object.keys(targets).some((name) => TEST_TARGET.test(name));
}

/**
 * Which projects of an Angular CLI workspace (an angular.json at the root) have a test target, which `ng test` with no
 * project runs for every one, with no script in their package.json (ngx-translate's libraries in `projects/`, each
 * with a package.json for its build). Undefined outside such a workspace.
 */
export function angularTestProjects(files: ReadonlySet<string>, read: (file: string) => string): ((dir: string) => boolean) | undefined {
  if (!files.has('angular.json')) return undefined;
  const workspace = parseJsonConfig(read('angular.json'), 'angular.json') as { projects?: unknown } | null | undefined;
  const projects = typeof workspace?.projects === 'object' && workspace.projects !== null ? Object.values(workspace.projects) : [];
  const tested = new Set(
    projects.flatMap((project) => {
      const { root, architect, targets } = (project ?? {}) as { root?: unknown; architect?: unknown; targets?: unknown };
      return typeof root === 'string' && (hasTestTarget(architect) || hasTestTarget(targets)) ? [root.replace(/^\.\/|\/$/g, '')] : [];
    }),
  );
  return (dir) => tested.has(dir);
}

/**
 * The scripts named for tests that each workspace root's test script runs in its members through a task runner or a package
 * manager: TanStack Router's root runs `nx run-many --targets=test:eslint,test:unit,…`, so a member's
 * `"test:unit": "exit 0; vitest"` is how its tests run (and do not), with or without a "test" of its own. `roots`, the folders
 * whose test script is read, are the workspace roots unless given.
 */
export function scriptsRunByRootTests(discovery: PackageDiscovery, roots = new Set(discovery.packages.flatMap((entry) => (entry.workspaceRoot === undefined ? [] : [entry.workspaceRoot])))): (dir: string) => string[] {
  const coverage = new ScriptCoverage(discovery);
  for (const root of discovery.packages) if (roots.has(root.dir) && typeof root.manifest.scripts?.test === 'string') coverage.addStepScript('npm test', root.dir);
  const byDir = new Map(discovery.packages.map((entry) => [entry.dir, entry]));
  return (dir) => Object.keys(byDir.get(dir)?.manifest.scripts ?? {}).filter((name) => TEST_TARGET.test(name) && coverage.hasRun({ dir }, name));
}
