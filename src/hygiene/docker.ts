import path from 'node:path';
import { DockerfileParser, type Dockerfile, type From, type Instruction } from 'dockerfile-ast';
import { readProjectFile } from '../core/project-files.js';
import { checkDockerignore, composeContexts } from './docker-context.js';
import type { Emit } from './emit.js';
import { isSecretName, looksLikeRealSecret } from './secrets.js';
import { shellCommands } from './shell.js';

const DOCKERFILE = /^(?:Dockerfile|Containerfile)(?:\.[\w.-]+)?$|^[\w.-]+\.(?:Dockerfile|Containerfile)$/i;
/**
 * Images for tests, development, CI builders or as a base for other images: what they run as, what
 * they are based on and what they compile is not what production runs.
 */
const NOT_PRODUCTION = /(?:^|\/)(?:tests?|e2e|\.devcontainer|dev|ci)\/|(?:^|[./_-])(?:test|tests|e2e|dev|devcontainer|ci|builder|base|playwright|cypress)(?:[./_-]|$)/i;
/** Official language images whose default tags are the full Debian image with compilers. */
const FULL_IMAGE_FAMILIES = new Set(['node', 'python', 'ruby', 'golang', 'rust', 'php', 'openjdk', 'eclipse-temurin', 'elixir', 'perl', 'buildpack-deps']);
const SLIM_TAG = /(?:^|[-.])(?:slim|alpine|distroless|jre|minimal|chiseled|nonroot)(?:$|[-.\d])/;
/** Images that run as a non-root user unless told otherwise. */
const NON_ROOT_IMAGES = /^(?:cgr\.dev\/chainguard\/|gcr\.io\/distroless\/.*:.*nonroot|.*:.*nonroot)/;
/** Debian and Ubuntu release names pin a major release as a version number would. */
const RELEASE_CODENAME = /(?:^|[-_.])(?:stretch|buster|bullseye|bookworm|trixie|forky|bionic|focal|jammy|noble|oracular|plucky)(?:$|[-_.])/;
const ROOT_USER = /^(?:root|0)(?::.*)?$/;

interface Stage {
  from: From;
  /** The stage's name (`AS build`), lower-cased. */
  name?: string;
  instructions: Instruction[];
}

export function isDockerfile(file: string): boolean {
  return DOCKERFILE.test(path.posix.basename(file));
}

/** docker/*: every Dockerfile or Containerfile, parsed. Returns how many were checked. */
export function checkDockerfiles(root: string, files: readonly string[], emit: Emit): number {
  const fileSet = new Set(files);
  const dockerfiles = files.filter(isDockerfile);
  const contexts = dockerfiles.length ? composeContexts(root, files) : new Map<string, string[]>();
  // One finding per .dockerignore, however many Dockerfiles share it.
  const reported = new Set<string>();
  const emitOnce: Emit = (finding) => {
    if (finding.rule === 'docker/dockerignore' && finding.file) {
      if (reported.has(finding.file)) return;
      reported.add(finding.file);
    }
    emit(finding);
  };
  for (const file of dockerfiles) checkDockerfile(root, file, readProjectFile(root, file), fileSet, contexts, emitOnce);
  return dockerfiles.length;
}

function checkDockerfile(root: string, file: string, text: string, files: Set<string>, contexts: Map<string, string[]>, emit: Emit): void {
  const dockerfile = DockerfileParser.parse(text);
  const stages = splitStages(dockerfile);
  if (stages.length === 0) return;
  const args = initialArgs(dockerfile);
  const stageNames = new Set(stages.map((stage) => stage.name).filter(Boolean));
  const line = (instruction: { getRange(): { start: { line: number } } }) => instruction.getRange().start.line + 1;

  for (const stage of stages) {
    const image = resolveImage(stage.from, args);
    if (!image || stageNames.has(image.name.toLowerCase()) || image.name === 'scratch' || image.unresolved) continue;
    // `latest`, `alpine`, `lts`: a tag without a version number moves with every release.
    if (!image.digest && (!image.tag || !(/\d/.test(image.tag) || RELEASE_CODENAME.test(image.tag)))) {
      emit({ rule: 'docker/unpinned-base', message: `${file}: FROM ${image.name}${image.tag ? `:${image.tag}` : ''} is not pinned to a version, so each build may get a different base image.`, file, line: line(stage.from), fingerprint: `${file}:docker/unpinned-base:${image.name}` });
    } else if (!image.digest) {
      emit({ rule: 'docker/base-digest', message: `${file}: FROM ${image.name}:${image.tag} is pinned to a tag, which can be moved; a digest pins the exact image.`, file, line: line(stage.from), fingerprint: `${file}:docker/base-digest:${image.name}` });
    }
  }

  const final = stages.at(-1)!;
  const production = !NOT_PRODUCTION.test(file);
  // A Dockerfile with several targets (`--target rootless`) has no one final stage: it runs as root
  // only when every target does, and what each target is based on or builds is left alone.
  const targets = leafStages(stages);
  const singleTarget = targets.length <= 1;
  const rootTargets = targets.map((stage) => ({ stage, ...userOf(stage, stages, args) })).filter((target) => target.runsAsRoot);
  if (production && rootTargets.length === Math.max(targets.length, 1) && rootTargets.length > 0) {
    const { stage, lastUser } = rootTargets.find((target) => target.stage === final) ?? rootTargets.at(-1)!;
    const which = singleTarget ? 'the final stage' : `every target (${targets.map((target) => target.name ?? '?').join(', ')})`;
    emit({
      rule: 'docker/root-user',
      message: lastUser ? `${file}: ${which} switches back to USER root, so the application runs as root.` : `${file}: ${which} sets no USER, so the application runs as root.`,
      file,
      line: line(lastUser ?? stage.from),
      fingerprint: `${file}:docker/root-user`,
    });
  }
  const lineage = stageLineage(final, stages);
  const base = resolveImage(lineage.at(-1)!.from, args);
  if (production && singleTarget && base && !base.unresolved && isFullImage(base.name, base.tag)) {
    emit({ rule: 'docker/full-base-image', message: `${file}: the final stage runs on ${base.name}${base.tag ? `:${base.tag}` : ''}, the full image with compilers and package tools.`, file, line: line(lineage.at(-1)!.from), fingerprint: `${file}:docker/full-base-image` });
  }

  for (const stage of stages) {
    const isFinal = stage === final;
    for (const instruction of stage.instructions) {
      const keyword = instruction.getKeyword();
      if (keyword === 'RUN') checkRun(file, instruction, production && singleTarget && isFinal, stages.length, emit);
      else if (keyword === 'ENV' || keyword === 'ARG') checkProperties(file, instruction, emit);
      else if (keyword === 'COPY' || keyword === 'ADD') checkCopiedEnv(file, instruction, emit);
    }
  }
  const copiesContext = stages.some((stage) => stage.instructions.some((instruction) => {
    const keyword = instruction.getKeyword();
    return (keyword === 'COPY' || keyword === 'ADD') && !(instruction as unknown as { getFlags(): Array<{ getName(): string }> }).getFlags().some((flag) => flag.getName() === 'from');
  }));
  checkDockerignore({ file, copiesContext }, files, root, contexts, emit);
}

function splitStages(dockerfile: Dockerfile): Stage[] {
  const stages: Stage[] = [];
  for (const instruction of dockerfile.getInstructions()) {
    if (instruction.getKeyword() === 'FROM') {
      const from = instruction as From;
      stages.push({ from, name: from.getBuildStage()?.toLowerCase() ?? undefined, instructions: [] });
    } else {
      stages.at(-1)?.instructions.push(instruction);
    }
  }
  return stages;
}

/** Stages no other stage builds FROM or copies from: the images a build can target. */
function leafStages(stages: Stage[]): Stage[] {
  const used = new Set<Stage>();
  stages.forEach((stage) => {
    const parent = stages.find((candidate) => candidate !== stage && candidate.name !== undefined && candidate.name === stage.from.getImageName()?.toLowerCase());
    if (parent) used.add(parent);
    for (const instruction of stage.instructions) {
      if (instruction.getKeyword() !== 'COPY') continue;
      const source = (instruction as unknown as { getFlags(): Array<{ getName(): string; getValue(): string | null }> }).getFlags().find((flag) => flag.getName() === 'from')?.getValue()?.toLowerCase();
      const copied = source === undefined ? undefined : /^\d+$/.test(source) ? stages[Number(source)] : stages.find((candidate) => candidate.name === source);
      if (copied && copied !== stage) used.add(copied);
    }
  });
  return stages.filter((stage) => !used.has(stage));
}

/** The user a stage runs as: its last USER, or its parent stage's, or the base image's default. */
function userOf(stage: Stage, stages: Stage[], args: Map<string, string>): { runsAsRoot: boolean; lastUser?: Instruction } {
  const lineage = stageLineage(stage, stages);
  const base = resolveImage(lineage.at(-1)!.from, args);
  const lastUser = lineage.flatMap((entry) => [...entry.instructions].reverse()).find((instruction) => instruction.getKeyword() === 'USER');
  if (lastUser) return { runsAsRoot: ROOT_USER.test((lastUser.getArgumentsContent() ?? '').trim()), lastUser };
  return { runsAsRoot: !(base && NON_ROOT_IMAGES.test(`${base.name}:${base.tag ?? ''}`)) };
}

/** The final stage and the stages it is built FROM, nearest first (a stage inherits its parent's USER). */
function stageLineage(stage: Stage, stages: Stage[]): Stage[] {
  const lineage = [stage];
  let current = stage;
  while (lineage.length <= stages.length) {
    const parentName = current.from.getImageName()?.toLowerCase();
    const parent = stages.find((candidate) => candidate.name === parentName && candidate !== current);
    if (!parent || lineage.includes(parent)) break;
    lineage.push(parent);
    current = parent;
  }
  return lineage;
}

function initialArgs(dockerfile: Dockerfile): Map<string, string> {
  const args = new Map<string, string>();
  for (const arg of dockerfile.getInitialARGs()) {
    const property = arg.getProperty();
    const value = property?.getValue();
    if (property && value) args.set(property.getName(), value);
  }
  return args;
}

interface ImageReference {
  name: string;
  tag?: string;
  digest?: string;
  /** A variable without a default: the image is only known at build time. */
  unresolved: boolean;
}

function resolveImage(from: From, args: Map<string, string>): ImageReference | undefined {
  const raw = from.getImage();
  if (!raw) return undefined;
  let unresolved = false;
  const image = raw.replace(/\$\{?(\w+)(?::?-([^}]*))?\}?/g, (_match, name: string, fallback: string | undefined) => {
    const value = args.get(name) ?? fallback;
    if (value === undefined) unresolved = true;
    return value ?? '';
  });
  const [withoutDigest, digest] = image.split('@', 2) as [string, string | undefined];
  const lastSlash = withoutDigest.lastIndexOf('/');
  const colon = withoutDigest.indexOf(':', lastSlash + 1);
  const name = colon === -1 ? withoutDigest : withoutDigest.slice(0, colon);
  const tag = colon === -1 ? undefined : withoutDigest.slice(colon + 1);
  return { name, unresolved, ...(tag ? { tag } : {}), ...(digest ? { digest } : {}) };
}

function isFullImage(name: string, tag: string | undefined): boolean {
  const family = name.replace(/^(?:docker\.io\/)?(?:library\/)?/, '');
  return FULL_IMAGE_FAMILIES.has(family) && !SLIM_TAG.test(tag ?? '');
}

/** Commands that compile or install development dependencies. */
function buildStep(words: string[]): string | undefined {
  const [tool, sub, ...rest] = words;
  const args = [sub, ...rest].filter((word): word is string => word !== undefined);
  const production = args.some((arg) => /^--(?:omit=dev|production|only=prod(?:uction)?|prod)$/.test(arg) || arg === '--omit' || arg === '-P');
  switch (tool) {
    case 'npm':
      if ((sub === 'ci' || sub === 'install' || sub === 'i') && !production && !args.slice(1).some((arg) => !arg.startsWith('-'))) return `${tool} ${sub}`;
      if ((sub === 'run' || sub === 'run-script') && rest[0] && /^(?:build|compile)(?::|$)/.test(rest[0])) return `npm run ${rest[0]}`;
      return undefined;
    case 'yarn':
    case 'pnpm':
    case 'bun':
      if ((sub === undefined || sub === 'install' || sub === 'i') && !production) return `${tool}${sub ? ` ${sub}` : ''}`;
      if (sub && /^(?:build|compile)(?::|$)/.test(sub === 'run' ? (rest[0] ?? '') : sub)) return `${tool} ${args.join(' ')}`;
      return undefined;
    case 'tsc':
    case 'gcc':
    case 'g++':
    case 'make':
      return tool;
    case 'go':
    case 'cargo':
      return sub === 'build' ? `${tool} build` : undefined;
    case 'mvn':
    case 'gradle':
    case './gradlew':
      return args.some((arg) => /^(?:package|install|build|assemble)$/.test(arg)) ? `${tool} ${args.join(' ')}` : undefined;
    default:
      return undefined;
  }
}

/** `judgeBuild`: whether this RUN is in the final stage of a production image. */
function checkRun(file: string, instruction: Instruction, judgeBuild: boolean, stageCount: number, emit: Emit): void {
  const line = instruction.getRange().start.line + 1;
  const commands = shellCommands(instruction.getArgumentsContent() ?? '');
  for (const { words } of commands) {
    if (words[0] === 'npm' && (words[1] === 'install' || words[1] === 'i') && !words.slice(2).some((arg) => !arg.startsWith('-'))) {
      emit({ rule: 'docker/npm-install', message: `${file}: \`npm ${words[1]}\` may change the lockfile and install other versions than CI tested.`, file, line, fingerprint: `${file}:docker/npm-install:${line}` });
    }
  }
  if (!judgeBuild) return;
  const step = commands.map(({ words }) => buildStep(words)).find(Boolean);
  if (step) {
    emit({
      rule: 'docker/build-in-final-stage',
      message: `${file}: \`${step}\` runs in the ${stageCount === 1 ? 'only' : 'final'} stage, so compilers, dev dependencies and sources ship in the image.`,
      file,
      line,
      fingerprint: `${file}:docker/build-in-final-stage`,
    });
  }
}

function checkProperties(file: string, instruction: Instruction, emit: Emit): void {
  const properties = instruction.getKeyword() === 'ENV'
    ? (instruction as unknown as { getProperties(): Array<{ getName(): string; getValue(): string | null }> }).getProperties()
    : [(instruction as unknown as { getProperty(): { getName(): string; getValue(): string | null } | null }).getProperty()].filter((property) => property !== null);
  for (const property of properties) {
    const name = property.getName();
    const value = property.getValue();
    if (value && isSecretName(name) && looksLikeRealSecret(name, value)) {
      const line = instruction.getRange().start.line + 1;
      emit({ rule: 'docker/secret-in-image', message: `${file}: ${instruction.getKeyword()} ${name} holds a value that looks like a real secret; it stays readable in the image's history.`, file, line, fingerprint: `${file}:docker/secret-in-image:${name}` });
    }
  }
}

const ENV_FILE = /^\.env(?:\.[\w-]+)*$/;
const ENV_TEMPLATE = /\.(?:example|sample|template|dist|defaults)$/;

function checkCopiedEnv(file: string, instruction: Instruction, emit: Emit): void {
  const args = instruction.getArguments().map((argument) => argument.getValue()).filter((value) => !value.startsWith('--'));
  for (const source of args.slice(0, -1)) {
    const name = path.posix.basename(source);
    if (ENV_FILE.test(name) && !ENV_TEMPLATE.test(name)) {
      const line = instruction.getRange().start.line + 1;
      emit({ rule: 'docker/copy-env', message: `${file}: ${instruction.getKeyword()} ${source} puts an env file, and the secrets in it, into the image.`, file, line, fingerprint: `${file}:docker/copy-env:${source}` });
    }
  }
}
