import path from 'node:path';
import { parse } from '@babel/parser';
import picomatch from 'picomatch';
import type { PackageDiscovery, ProjectPackage } from '../core/packages.js';
import { readProjectFile } from '../core/project-files.js';
import { plural, type Emit } from './emit.js';
import { looksLikeRealSecret } from './secrets.js';

/** Env templates: the names secret-scan accepts as templates, plus .env.dist and .env.defaults. */
const TEMPLATE = /^(?:\.env(?:\.[\w-]+)*\.(?:example|sample|template|dist|defaults)|(?:example|sample|template)\.env|env\.(?:example|sample|template))$/i;
const COMMITTED_ENV = /^\.env(?:\.(?:development|local|test|production|dev|prod))?$/;
const SOURCE = /\.(?:[cm]?[jt]sx?)$/;
const NOT_APPLICATION_CODE = /(?:^|\/)(?:tests?|__tests__|__mocks__|e2e|scripts|fixtures?|\.github|\.storybook|stories|examples?|docs?|bench(?:marks?)?|dist|build|out|\.next|coverage|vendor|public|static|migrations?|seeds?|seeders)\/|\.(?:test|spec|stories|d)\.[cm]?[jt]sx?$|(?:^|\/)[\w.-]+\.config(?:\.[\w-]+)*\.[cm]?[jt]s$/;
const TOOLING = /(?:^|\/)(?:extra|tools?|bin|hack|scripts?)\/|(?:^|[./])script\./;
const MAX_SOURCE_CHARS = 256 * 1024;
/** Variables the runtime, CI or hosting platform sets: no template needs them. */
const PROVIDED = ['NODE_ENV', 'CI', 'PORT', 'HOST', 'HOSTNAME', 'HOME', 'PATH', 'PWD', 'TZ', 'LANG', 'DEBUG', 'TERM', 'SHELL', 'USER', 'TMPDIR', 'TEMP', 'TMP', 'NODE_OPTIONS', 'NODE_DEBUG', 'FORCE_COLOR', 'NO_COLOR', 'npm_*', 'GITHUB_*', 'RUNNER_*', 'VERCEL', 'VERCEL_*', 'NEXT_RUNTIME', 'NEXT_PHASE', 'NETLIFY', 'JEST_WORKER_ID', 'VITEST', 'VITEST_*', 'MODE', 'BASE_URL', 'PROD', 'DEV', 'SSR', 'APPDATA', 'LOCALAPPDATA', 'USERPROFILE', 'XDG_*', 'K_SERVICE', 'AWS_LAMBDA_FUNCTION_NAME', 'AWS_REGION', 'KUBERNETES_SERVICE_HOST', 'HTTP_PROXY', 'HTTPS_PROXY', 'NO_PROXY', 'http_proxy', 'https_proxy', 'no_proxy', 'DYNO', 'HEROKU_*', 'RENDER', 'RENDER_*', 'FLY_*', 'RAILWAY_*'];
/** Dependencies that load env files or give the package an environment to configure. */
const APPLICATION_DEPENDENCY = /^(?:dotenv(?:-.+)?|@dotenvx\/dotenvx|env-cmd|next|nuxt|vite|@sveltejs\/kit|@remix-run\/.+|react-scripts|astro|express|fastify|koa|hono|@nestjs\/core|@nestjs\/config|envalid|env-var|@t3-oss\/env-.+)$/;

interface EnvRead {
  name: string;
  file: string;
  line: number;
}

export interface EnvOptions {
  providedEnv: string[];
}

/** env/*: an env template beside each application lists every variable its code reads, and holds no real secret. */
export function checkEnvTemplates(root: string, files: readonly string[], discovery: PackageDiscovery, options: EnvOptions, emit: Emit): { envReads: number } {
  const templates = files.filter((file) => TEMPLATE.test(path.posix.basename(file)));
  const templateNames = new Map<string, Set<string>>();
  for (const template of templates) templateNames.set(template, readTemplate(root, template, emit));
  // A committed .env is secret-scan's finding; here it documents the names all the same.
  for (const file of files) {
    if (COMMITTED_ENV.test(path.posix.basename(file)) && !templateNames.has(file)) {
      templates.push(file);
      templateNames.set(file, readTemplate(root, file, () => {}));
    }
  }

  const provided = picomatch([...PROVIDED, ...options.providedEnv]);
  const readsByPackage = new Map<ProjectPackage, EnvRead[]>();
  let total = 0;
  // Only packages with a template to compare against, or applications that should have one, are
  // read: a library's env reads (DEBUG, FORCE_COLOR) are its users' business.
  const judged = new Map<ProjectPackage, boolean>();
  const isJudged = (entry: ProjectPackage) => {
    let verdict = judged.get(entry);
    if (verdict === undefined) {
      verdict = isApplication(entry) || templates.some((template) => isAtOrAbove(path.posix.dirname(template), entry.dir));
      judged.set(entry, verdict);
    }
    return verdict;
  };
  for (const file of files) {
    if (!SOURCE.test(file) || NOT_APPLICATION_CODE.test(file) || file.includes('node_modules/')) continue;
    const owner = discovery.packageOf(file);
    if (!owner || !isJudged(owner)) continue;
    const text = readProjectFile(root, file);
    // Bundles and minified files are build output: their env reads are the sources' reads.
    if (text.length > MAX_SOURCE_CHARS) continue;
    if (!text.includes('process.env') && !text.includes('import.meta.env')) continue;
    const reads = readEnvNames(text, file).filter((read) => !provided(read.name));
    total += reads.length;
    if (reads.length) readsByPackage.set(owner, [...(readsByPackage.get(owner) ?? []), ...reads]);
  }

  for (const [entry, reads] of readsByPackage) {
    const besides = templates.filter((template) => isAtOrAbove(path.posix.dirname(template), entry.dir));
    if (besides.length === 0) {
      if (!isApplication(entry)) continue;
      const names = [...new Set(reads.map((read) => read.name))];
      // Point at application code rather than a helper script beside it, where there is a choice.
      const first = reads.find((read) => !TOOLING.test(read.file)) ?? reads[0]!;
      emit({
        rule: 'env/no-template',
        message: `${entry.dir ? `Package ${entry.name} (${entry.dir})` : `Package ${entry.name}`} reads ${plural(names.length, 'environment variable')} (${names.slice(0, 5).join(', ')}${names.length > 5 ? ', …' : ''}) but has no .env.example, so nobody knows what to set to run it.`,
        file: first.file,
        line: first.line,
        fingerprint: `${entry.dir || '.'}:env/no-template`,
      });
      continue;
    }
    const listed = new Set(besides.flatMap((template) => [...templateNames.get(template)!]));
    const reported = new Set<string>();
    for (const read of reads) {
      if (listed.has(read.name) || reported.has(read.name)) continue;
      reported.add(read.name);
      emit({ rule: 'env/missing-variable', message: `${read.name} is read here but not listed in ${besides.join(', ')}, so a fresh setup misses it.`, file: read.file, line: read.line, fingerprint: `${entry.dir || '.'}:env/missing-variable:${read.name}` });
    }
  }
  return { envReads: total };
}

function isAtOrAbove(folder: string, dir: string): boolean {
  const normalized = folder === '.' ? '' : folder;
  return normalized === '' || normalized === dir || dir.startsWith(`${normalized}/`);
}

/** A package that is deployed rather than published, and configured through its environment. */
function isApplication(entry: ProjectPackage): boolean {
  const manifest = entry.manifest;
  const published = manifest.private !== true && ['exports', 'bin', 'module', 'types', 'typings', 'files', 'publishConfig'].some((key) => manifest[key] !== undefined);
  if (published) return false;
  const scripts = manifest.scripts ?? {};
  const dependencies = Object.keys({ ...manifest.dependencies, ...manifest.devDependencies });
  return typeof scripts.start === 'string' || typeof scripts.dev === 'string' || dependencies.some((name) => APPLICATION_DEPENDENCY.test(name));
}

/** The variable names a template lists (commented-out `# NAME=` lines count: they document an optional one). */
function readTemplate(root: string, file: string, emit: Emit): Set<string> {
  const names = new Set<string>();
  readProjectFile(root, file).split(/\r?\n/).forEach((text, index) => {
    const match = /^\s*(#\s*)?(?:export\s+)?([A-Za-z_][A-Za-z0-9_.]*)\s*=(.*)$/.exec(text);
    if (!match) return;
    const [, commented, name, value] = match as unknown as [string, string | undefined, string, string];
    names.add(name);
    if (!commented && looksLikeRealSecret(name, value.replace(/\s+#.*$/, ''))) {
      emit({ rule: 'env/template-secret', message: `${file}: ${name} holds a value that looks like a real secret, and the template is committed.`, file, line: index + 1, fingerprint: `${file}:env/template-secret:${name}` });
    }
  });
  return names;
}

type Node = { type: string; [key: string]: unknown };

/** process.env.X, process.env['X'], const { X } = process.env, import.meta.env.X. */
export function readEnvNames(text: string, file: string): EnvRead[] {
  let ast: Node;
  try {
    ast = parse(text, { sourceType: 'unambiguous', errorRecovery: true, plugins: file.endsWith('.ts') || file.endsWith('.mts') || file.endsWith('.cts') ? ['typescript'] : ['typescript', 'jsx'] }) as unknown as Node;
  } catch {
    return []; // Not parseable: test-existence and the build report syntax errors.
  }
  const reads: EnvRead[] = [];
  const add = (name: string, node: Node) => reads.push({ name, file, line: (node.loc as { start: { line: number } }).start.line });
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const child of node) visit(child);
      return;
    }
    if (!node || typeof node !== 'object' || typeof (node as Node).type !== 'string') return;
    const current = node as Node;
    if ((current.type === 'MemberExpression' || current.type === 'OptionalMemberExpression') && isEnvObject(current.object as Node)) {
      const property = current.property as Node;
      if (!current.computed && property.type === 'Identifier') add(property.name as string, current);
      else if (current.computed && property.type === 'StringLiteral') add(property.value as string, current);
    } else if (current.type === 'VariableDeclarator' && current.init && isEnvObject(current.init as Node) && (current.id as Node).type === 'ObjectPattern') {
      for (const property of (current.id as Node).properties as Node[]) {
        const key = property.key as Node | undefined;
        if (property.type === 'ObjectProperty' && key && !property.computed && key.type === 'Identifier') add(key.name as string, property);
        else if (property.type === 'ObjectProperty' && key?.type === 'StringLiteral') add(key.value as string, property);
      }
    }
    for (const [key, value] of Object.entries(current)) {
      if (key !== 'loc' && key !== 'extra' && key !== 'leadingComments' && key !== 'trailingComments' && key !== 'innerComments' && value && typeof value === 'object') visit(value);
    }
  };
  visit(ast);
  return reads;
}

/** `process.env` or `import.meta.env`. */
function isEnvObject(node: Node | undefined): boolean {
  if (!node || (node.type !== 'MemberExpression' && node.type !== 'OptionalMemberExpression') || node.computed) return false;
  const object = node.object as Node;
  const property = node.property as Node;
  if (property.type !== 'Identifier' || property.name !== 'env') return false;
  return (object.type === 'Identifier' && object.name === 'process') || (object.type === 'MetaProperty' && (object.meta as Node).name === 'import' && (object.property as Node).name === 'meta');
}
