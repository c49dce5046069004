import { ConfigurationError } from '../core/errors.js';
import type { ExceptionEntry } from '../core/exceptions.js';
import type { GateSettings } from '../core/gate.js';
import type { Level } from '../core/report.js';
import { closestMatch } from '../core/suggest.js';
import { RULE_IDS, type RuleId } from './rules.js';

export type RuleLevel = Level | 'off';

export interface AllowEntry extends ExceptionEntry {
  rule?: string;
  path?: string;
  fingerprint?: string;
}

/** The four kinds of package script CI must run, each with the script names that count as it. */
export const SCRIPT_KINDS = ['lint', 'typecheck', 'test', 'build'] as const;
export type ScriptKind = (typeof SCRIPT_KINDS)[number];

export interface HygieneOptions {
  levels: Partial<Record<RuleId, RuleLevel>>;
  allow: AllowEntry[];
  /** Globs of tracked paths left out of every check. */
  excludePaths: string[];
  /** Globs of build output that is meant to be committed. */
  committedOutput: string[];
  maxFileBytes: number;
  scripts: Record<ScriptKind, string[]>;
  /** Variables the platform sets, on top of the built-in list. */
  providedEnv: string[];
}

export function parseOptions(settings: GateSettings): HygieneOptions {
  const levels = (settings.levels ?? {}) as Record<string, RuleLevel>;
  for (const rule of Object.keys(levels)) {
    if (!(RULE_IDS as string[]).includes(rule)) {
      const hint = closestMatch(rule, RULE_IDS);
      throw new ConfigurationError(`hygiene.levels: unknown rule ${rule}${hint ? `; did you mean ${hint}?` : '; the rules are listed in docs/configuration.md'}`);
    }
  }
  const list = (key: string) => (settings[key] as string[] | undefined) ?? [];
  return {
    levels,
    allow: (settings.allow as AllowEntry[] | undefined) ?? [],
    excludePaths: list('exclude-paths'),
    committedOutput: list('committed-output'),
    maxFileBytes: ((settings['max-file-kib'] as number | undefined) ?? 5120) * 1024,
    scripts: {
      lint: list('lint-scripts'),
      typecheck: list('typecheck-scripts'),
      test: list('test-scripts'),
      build: list('build-scripts'),
    },
    providedEnv: list('provided-env'),
  };
}
