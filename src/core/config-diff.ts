import { isDeepStrictEqual } from 'node:util';
import { resolveSettings, type ConfigSection, type ReadinessConfig } from './config.js';
import { GATE_NAMES, type GateName } from './report.js';

/** How a pull request's config differs from its base's, one setting at a time. */
export interface ConfigChange {
  gate: GateName;
  /** Key path inside the gate section (`fail-on`, `allow[2]`, `branches[0].required-reviews`), '' for the whole gate. */
  key: string;
  /** What changed, without any value that is not one of the allowed words. */
  description: string;
  /** `loosens` lets more through; `changes` cannot be judged either way and wants a reviewer's eye. */
  effect: 'loosens' | 'tightens' | 'changes';
  /** Where the change is in the pull request's config file, when it is there (not for a removal). */
  file?: string;
  line?: number;
  /** A file the gate reads from the checkout (`.gitleaksignore`): the change judges this very run. */
  inForce?: boolean;
}

/** `allow[2].path` → `['allow', 2, 'path']`, the path of a change's key inside its gate section. */
export function keyPathOf(key: string): Array<string | number> {
  return [...key.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((match) => (match[2] !== undefined ? Number(match[2]) : match[1]!));
}

type Effect = ConfigChange['effect'];

/**
 * How one setting is judged. `order` lists enum words from strictest to loosest; `minimum` is a
 * number whose lowering loosens; `strict-when-true` / `loose-when-true` are switches; `exceptions`
 * lists entries whose addition loosens; `requirements` lists entries whose removal loosens.
 */
type Judgement =
  | { kind: 'order'; words: readonly string[] }
  | { kind: 'minimum' | 'strict-when-true' | 'loose-when-true' | 'exceptions' | 'requirements' | 'levels' | 'branches' | 'added-loosens' | 'opaque' };

const SEVERITIES = ['low', 'moderate', 'high', 'critical'] as const;
const RULE_LEVELS = ['error', 'warning', 'notice', 'off'] as const;

const JUDGEMENTS: Record<string, Judgement> = {
  'secret-scan.baseline-path': { kind: 'added-loosens' },
  'audit.fail-on': { kind: 'order', words: SEVERITIES },
  'audit.on-error': { kind: 'order', words: ['fail', 'warn'] },
  'audit.production-only': { kind: 'loose-when-true' },
  'audit.require': { kind: 'requirements' },
  'test-existence.min-tests': { kind: 'minimum' },
  'test-existence.assert-functions': { kind: 'exceptions' },
  'test-existence.reports': { kind: 'requirements' },
  'test-existence.levels': { kind: 'levels' },
  'branch-protection.allow-weaken': { kind: 'loose-when-true' },
  'branch-protection.branches': { kind: 'branches' },
};

/** Branch settings whose switching off (or leaving out, which keeps whatever GitHub has) loosens. */
const BRANCH_STRICT_SWITCHES = ['strict', 'code-owner-reviews', 'dismiss-stale-reviews', 'require-last-push-approval', 'enforce-admins', 'linear-history', 'conversation-resolution', 'signed-commits'];
const BRANCH_LOOSE_SWITCHES = ['allow-force-pushes', 'allow-deletions'];

function judgementFor(gate: GateName, key: string, base: unknown, head: unknown): Judgement {
  const known = JUDGEMENTS[`${gate}.${key}`];
  if (known) return known;
  if (key === 'enabled') return { kind: 'strict-when-true' };
  // Every gate's exception lists are called allow…: an entry added is a finding let through.
  if (key.startsWith('allow') && (Array.isArray(base) || Array.isArray(head))) return { kind: 'exceptions' };
  return { kind: 'opaque' };
}

/**
 * Compares the settings of each gate (defaults filled in, so a key left out equals its default)
 * and which gates run. `enabledBase`/`enabledHead` are the gates `all` runs under each config.
 */
export function diffConfigs(base: ReadinessConfig, head: ReadinessConfig, enabledBase: readonly GateName[], enabledHead: readonly GateName[]): ConfigChange[] {
  const changes: ConfigChange[] = [];
  for (const gate of GATE_NAMES) {
    if (enabledBase.includes(gate) && !enabledHead.includes(gate)) {
      changes.push({ gate, key: '', description: head[gate] === undefined ? 'the config has no section for the gate any more, so `all` no longer runs it' : 'the gate is switched off (`enabled: false`)', effect: 'loosens' });
      continue;
    }
    if (!enabledBase.includes(gate) && enabledHead.includes(gate)) changes.push({ gate, key: '', description: 'the gate is switched on', effect: 'tightens' });
    if (isDeepStrictEqual(base[gate], head[gate])) continue;
    const before = withDefaults(gate, base[gate]);
    const after = withDefaults(gate, head[gate]);
    for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
      if (key === 'enabled' || isDeepStrictEqual(before[key], after[key])) continue;
      changes.push(...judge(gate, key, before[key], after[key], judgementFor(gate, key, before[key], after[key])));
    }
  }
  return changes;
}

function withDefaults(gate: GateName, section: ConfigSection | undefined): ConfigSection {
  return resolveSettings(gate, section, {}, (key) => key);
}

function judge(gate: GateName, key: string, before: unknown, after: unknown, judgement: Judgement): ConfigChange[] {
  const change = (description: string, effect: Effect, at = key): ConfigChange => ({ gate, key: at, description, effect });
  switch (judgement.kind) {
    case 'order': {
      const from = judgement.words.indexOf(String(before));
      const to = judgement.words.indexOf(String(after));
      return [change(`\`${key}\` ${String(before)} → ${String(after)}`, to > from ? 'loosens' : 'tightens')];
    }
    case 'minimum':
      return [change(`\`${key}\` ${describe(before)} → ${describe(after)}`, Number(after ?? 0) < Number(before ?? 0) ? 'loosens' : 'tightens')];
    case 'strict-when-true':
    case 'loose-when-true': {
      const looser = judgement.kind === 'strict-when-true' ? before === true && after !== true : after === true && before !== true;
      return [change(`\`${key}\` ${describe(before)} → ${describe(after)}`, looser ? 'loosens' : 'tightens')];
    }
    case 'exceptions':
    case 'requirements':
      return judgeList(key, asList(before), asList(after), judgement.kind, change);
    case 'levels':
      return judgeLevels(key, asRecord(before), asRecord(after), change);
    case 'branches':
      return judgeBranches(asList(before), asList(after), change);
    case 'added-loosens':
      return [change(before === undefined ? `\`${key}\` is set` : `\`${key}\` is changed`, before === undefined ? 'loosens' : after === undefined ? 'tightens' : 'changes')];
    case 'opaque':
      return [change(`\`${key}\` is changed`, 'changes')];
  }
}

type MakeChange = (description: string, effect: Effect, at?: string) => ConfigChange;

/** Entries are matched whole: an exception whose reason or expiry changed counts as a new one. */
function judgeList(key: string, before: unknown[], after: unknown[], kind: 'exceptions' | 'requirements', change: MakeChange): ConfigChange[] {
  const changes: ConfigChange[] = [];
  after.forEach((entry, index) => {
    if (before.some((old) => isDeepStrictEqual(old, entry))) return;
    changes.push(change(`${kind === 'exceptions' ? 'exception' : 'entry'} added${describeEntry(entry)}`, kind === 'exceptions' ? 'loosens' : 'tightens', `${key}[${index}]`));
  });
  before.forEach((entry, index) => {
    if (after.some((next) => isDeepStrictEqual(next, entry))) return;
    changes.push(change(`${kind === 'exceptions' ? 'exception' : 'entry'} removed${describeEntry(entry)}`, kind === 'exceptions' ? 'tightens' : 'loosens', `${key}[${index}]`));
  });
  return changes;
}

function judgeLevels(key: string, before: Record<string, unknown>, after: Record<string, unknown>, change: MakeChange): ConfigChange[] {
  const changes: ConfigChange[] = [];
  for (const rule of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (before[rule] === after[rule]) continue;
    const from = RULE_LEVELS.indexOf(before[rule] as (typeof RULE_LEVELS)[number]);
    const to = RULE_LEVELS.indexOf(after[rule] as (typeof RULE_LEVELS)[number]);
    const description = `\`${key}.${rule}\` ${describe(before[rule])} → ${describe(after[rule])}`;
    // A rule given a level for the first time is judged against the strictest one: the gate's own default is its business.
    const effect: Effect = from === -1 ? (to === 0 ? 'tightens' : to === RULE_LEVELS.length - 1 ? 'loosens' : 'changes') : to === -1 ? 'changes' : to > from ? 'loosens' : 'tightens';
    changes.push(change(description, effect, `${key}.${rule}`));
  }
  return changes;
}

function judgeBranches(before: unknown[], after: unknown[], change: MakeChange): ConfigChange[] {
  const changes: ConfigChange[] = [];
  const named = (list: unknown[]) => new Map(list.map((entry, index) => [String(asRecord(entry).name), { entry: asRecord(entry), index }]));
  const old = named(before);
  const next = named(after);
  for (const [name, { index }] of old) if (!next.has(name)) changes.push(change(`branch \`${name}\` is no longer protected by the config`, 'loosens', `branches[${index}]`));
  for (const [name, { entry, index }] of next) {
    const previous = old.get(name)?.entry;
    if (!previous) {
      changes.push(change(`branch \`${name}\` is added`, 'tightens', `branches[${index}]`));
      continue;
    }
    for (const setting of new Set([...Object.keys(previous), ...Object.keys(entry)])) {
      if (isDeepStrictEqual(previous[setting], entry[setting])) continue;
      const at = `branches[${index}].${setting}`;
      const judgement: Judgement =
        setting === 'required-reviews' ? { kind: 'minimum' }
        : setting === 'required-checks' && Array.isArray(previous[setting]) && Array.isArray(entry[setting]) ? { kind: 'requirements' }
        : BRANCH_STRICT_SWITCHES.includes(setting) ? { kind: 'strict-when-true' }
        : BRANCH_LOOSE_SWITCHES.includes(setting) ? { kind: 'loose-when-true' }
        : { kind: 'opaque' };
      for (const found of judge('branch-protection', setting, previous[setting], entry[setting], judgement)) changes.push({ ...found, key: at.replace(setting, found.key) });
    }
  }
  return changes;
}

function asList(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function asRecord(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** Switches, numbers and level words are shown; free text is not (it is in the diff for reviewers). */
function describe(value: unknown): string {
  if (value === undefined) return 'unset';
  if (typeof value === 'boolean' || typeof value === 'number') return String(value);
  if (typeof value === 'string' && (RULE_LEVELS as readonly string[]).includes(value)) return value;
  return 'a new value';
}

/** Which fields an added or removed exception has (`path`, `rule`…), to find it in the diff. */
function describeEntry(entry: unknown): string {
  if (entry === null || typeof entry !== 'object') return '';
  return ` (${Object.keys(entry).join(', ')})`;
}
