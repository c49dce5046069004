import path from 'node:path';
import { parse as parseJsonc } from 'jsonc-parser';
import { BUILD_OUTPUT_FOLDERS, isRecord, type PackageManifest } from '../core/packages.js';
import { packageNameOf } from './ast.js';

/** How many `extends` a tsconfig is followed through. */
const MAX_EXTENDS = 4;

interface PathMapping {
  /** The pattern's text before and after its `*` (after is undefined for an exact pattern). */
  prefix: string;
  suffix: string | undefined;
  targets: string[];
}

interface TsconfigPaths {
  /** Where `paths` targets and bare `baseUrl` imports are resolved from, relative to the project. */
  base: string | undefined;
  mappings: PathMapping[];
  /** Whether a `baseUrl` is set: bare specifiers are then looked up under it too. */
  hasBaseUrl: boolean;
}

/** A package of the repository, found by its name; with `testingOnly`, only its testing subpaths are followed. */
export type PackageNamed = (name: string) => { dir: string; manifest: PackageManifest; testingOnly?: boolean } | undefined;

/** Subpaths a package ships its test helpers under, beside the code under test: `effect/testing`, `@acme/core/test-utils`. */
const TESTING_SUBPATH = /^(?:testing|tests?|test-?utils|test-?helpers|testUtils|testHelpers)(?:\/|$)/;

/**
 * Where a project's non-relative imports of its own modules point: TypeScript `paths` and
 * `baseUrl` of the nearest tsconfig.json (`import { until } from '~utils'`, `@/test/helpers`),
 * package.json `imports` (`#helpers`), and the repository's own packages by name (a workspace's
 * `@acme/test-utils`). Each config is read once.
 */
export class ImportAliases {
  private readonly tsconfigs = new Map<string, TsconfigPaths | undefined>();

  constructor(
    private readonly files: ReadonlySet<string>,
    private readonly read: (file: string) => string | undefined,
    private readonly packageNamed: PackageNamed = () => undefined,
  ) {}

  /** The project paths (before extensions are tried) that `source`, imported from the file `from`, may name. */
  targets(from: string, source: string): string[] {
    const config = this.nearest(from, 'tsconfig.json');
    const paths = config === undefined ? undefined : this.tsconfig(config);
    return [...(source.startsWith('#') ? this.packageImports(from, source) : []), ...(paths ? mapSpecifier(paths, source) : []), ...this.packageFiles(source)];
  }

  /**
   * A package of the repository imported by name (only a testing subpath of a package whose code is
   * under test): its `source`, `exports`, `module` or `main` entry
   * (or `index`), or the file a subpath names (`enzyme/build/Utils`); build output is looked for
   * at its source under src/, as a repository keeps only that. A subpath is also looked for under
   * src/: a build may write to the package's own folder (lit's `@lit-internal/tests/utils/assert-goldens.js`
   * from `src/utils/assert-goldens.ts`, with `rootDir: src`, `outDir: ./`).
   */
  private packageFiles(source: string, testCode = false): string[] {
    const name = packageNameOf(source);
    const found = name === undefined ? undefined : this.packageNamed(name);
    if (!found) return [];
    const subpath = source.slice(name!.length + 1);
    // What the tests of a package under test follow anyway, or only to test code: its testing subpaths, or the rest.
    const followed = found.testingOnly !== true || TESTING_SUBPATH.test(subpath);
    if (followed === testCode) return [];
    const manifest = found.manifest;
    const entries = subpath
      ? [...exportTargets(manifest.exports, `./${subpath}`), subpath]
      : [manifest.source, ...exportTargets(manifest.exports, '.'), manifest.module, manifest.main, 'index', 'src/index'].filter((entry): entry is string => typeof entry === 'string');
    return entries.flatMap((entry) => {
      const [first, ...rest] = path.posix.normalize(entry).split('/');
      const atSources = BUILD_OUTPUT_FOLDERS.has(first!) ? [['src', ...rest].join('/')] : subpath && first !== 'src' ? [`src/${path.posix.normalize(entry)}`] : [];
      return [entry, ...atSources].map((file) => join(found.dir, file));
    });
  }

  /**
   * The project paths another subpath of a package under test names (`utils/adapter` of next-auth's private `utils`): its
   * tests follow them only to a module of test code, one that imports a runner.
   */
  testCodeTargets(source: string): string[] {
    return this.packageFiles(source, true);
  }

  private packageImports(from: string, source: string): string[] {
    const manifest = this.nearest(from, 'package.json');
    if (manifest === undefined) return [];
    const imports = (readJson(this.read(manifest)) as { imports?: unknown } | undefined)?.imports;
    if (!isRecord(imports)) return [];
    const dir = path.posix.dirname(manifest);
    const mappings = Object.entries(imports).map(([key, value]) => ({ ...splitPattern(key), targets: stringsIn(value).filter((target) => target.startsWith('./')) }));
    return mapSpecifier({ base: dir === '.' ? '' : dir, mappings, hasBaseUrl: false }, source);
  }

  /** The nearest `name` in the folder of `from` or above it. */
  private nearest(from: string, name: string): string | undefined {
    for (let dir = path.posix.dirname(from); ; dir = path.posix.dirname(dir)) {
      const candidate = dir === '.' ? name : `${dir}/${name}`;
      if (this.files.has(candidate)) return candidate;
      if (dir === '.' || dir === '/') return undefined;
    }
  }

  private tsconfig(file: string): TsconfigPaths | undefined {
    if (!this.tsconfigs.has(file)) this.tsconfigs.set(file, this.readTsconfig(file, 0));
    return this.tsconfigs.get(file);
  }

  /** `paths` and `baseUrl` of `file`, each from the nearest config of its `extends` chain that sets it. */
  private readTsconfig(file: string, depth: number): TsconfigPaths | undefined {
    const config = readJson(this.read(file));
    if (!isRecord(config)) return undefined;
    const dir = path.posix.dirname(file);
    const options = isRecord(config.compilerOptions) ? config.compilerOptions : {};
    const parentFile = typeof config.extends === 'string' && config.extends.startsWith('.') && depth < MAX_EXTENDS ? tsconfigFile(dir, config.extends) : undefined;
    const parent = parentFile !== undefined && this.files.has(parentFile) ? this.readTsconfig(parentFile, depth + 1) : undefined;
    const baseUrl = typeof options.baseUrl === 'string' ? join(dir, options.baseUrl) : undefined;
    const paths = isRecord(options.paths) ? options.paths : undefined;
    if (baseUrl === undefined && paths === undefined) return parent;
    const mappings = paths ? Object.entries(paths).map(([key, value]) => ({ ...splitPattern(key), targets: stringsIn(value) })) : (parent?.mappings ?? []);
    // Targets are relative to baseUrl, or to the config that holds `paths` when there is none.
    const base = baseUrl ?? (paths ? (dir === '.' ? '' : dir) : parent?.base);
    return { base, mappings, hasBaseUrl: baseUrl !== undefined || (parent?.hasBaseUrl ?? false) };
  }
}

/** As TypeScript matches: an exact pattern, or the `*` pattern with the longest prefix; then baseUrl. */
function mapSpecifier(paths: TsconfigPaths, source: string): string[] {
  const base = paths.base ?? '';
  let best: { mapping: PathMapping; star: string } | undefined;
  for (const mapping of paths.mappings) {
    if (mapping.suffix === undefined) {
      if (mapping.prefix === source) return mapping.targets.map((target) => join(base, target));
      continue;
    }
    if (source.length >= mapping.prefix.length + mapping.suffix.length && source.startsWith(mapping.prefix) && source.endsWith(mapping.suffix)) {
      if (!best || mapping.prefix.length > best.mapping.prefix.length) best = { mapping, star: source.slice(mapping.prefix.length, source.length - mapping.suffix.length) };
    }
  }
  if (best) return best.mapping.targets.map((target) => join(base, target.replace('*', best.star)));
  return paths.hasBaseUrl ? [join(base, source)] : [];
}

function splitPattern(key: string): { prefix: string; suffix: string | undefined } {
  const star = key.indexOf('*');
  return star === -1 ? { prefix: key, suffix: undefined } : { prefix: key.slice(0, star), suffix: key.slice(star + 1) };
}

function tsconfigFile(dir: string, extendsPath: string): string {
  const target = join(dir, extendsPath);
  return target.endsWith('.json') ? target : `${target}.json`;
}

/** A project path: `dir` and `relative` joined and normalised, '' for the root. */
function join(dir: string, relative: string): string {
  return path.posix.normalize(path.posix.join(dir === '.' ? '' : dir, relative)).replace(/\/$/, '').replace(/^\.$/, '');
}

/** The files package.json `exports` gives for `key` (`.` or `./sub`): a string, conditions, or a map of subpaths. */
function exportTargets(exports: unknown, key: string): string[] {
  if (typeof exports === 'string' || Array.isArray(exports)) return key === '.' ? stringsIn(exports) : [];
  if (!isRecord(exports)) return [];
  const bySubpath = Object.keys(exports).some((subpath) => subpath.startsWith('.'));
  if (bySubpath) return stringsIn(exports[key]);
  return key === '.' ? stringsIn(exports) : [];
}

/** Every string in a `paths` entry or a conditional `imports` value, in order. */
function stringsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsIn);
  if (isRecord(value)) return Object.values(value).flatMap(stringsIn);
  return [];
}

function readJson(text: string | undefined): unknown {
  return text === undefined ? undefined : parseJsonc(text, [], { allowTrailingComma: true });
}
