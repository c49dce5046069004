import { parseJsonConfig } from './config-values.js';

const CONFIG_EXTENSIONS = ['ts', 'js', 'mts', 'mjs', 'cts', 'cjs'];
const VITE_CONFIGS = ['vitest', 'vite'].flatMap((name) => CONFIG_EXTENSIONS.map((extension) => `${name}.config.${extension}`));
/** Nx's plugins that infer a test target for a project from the runner config in its folder. */
const INFERRING_PLUGINS: Readonly<Record<string, readonly string[]>> = {
  '@nx/jest/plugin': CONFIG_EXTENSIONS.map((extension) => `jest.config.${extension}`),
  '@nx/vite/plugin': VITE_CONFIGS,
  '@nx/vitest': VITE_CONFIGS,
  '@nx/vitest/plugin': VITE_CONFIGS,
};
/** `test`, `test:unit`, `test-ci`: targets that run tests. */
const TEST_TARGET = /^test(?:\W|$)/;

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
