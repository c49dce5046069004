import type { ExceptionEntry } from '../core/exceptions.js';
import type { GateSettings } from '../core/gate.js';

export type Scope = 'auto' | 'worktree' | 'history' | 'range';

/** One `secret-scan.allow` entry: it matches on every key it gives. */
export interface AllowEntry extends ExceptionEntry {
  fingerprint?: string;
  /** A leak's secret hash (file, rule and the text of its lines): survives squash, rebase and moved lines. */
  'secret-hash'?: string;
  rule?: string;
  path?: string;
}

export interface SecretScanOptions {
  scope: Scope;
  since?: string;
  /** Scan the staged changes (a pre-commit hook) instead of `scope`. */
  staged: boolean;
  gitleaksPath?: string;
  gitleaksVersion: string;
  gitleaksReleaseUrl: string;
  gitleaksConfig?: string;
  baselinePath?: string;
  extraArgs: string[];
  allowFiles: string[];
  allow: AllowEntry[];
}

/** Settings arrive validated and defaulted by the schema; this only gives them types. */
export function parseOptions(settings: GateSettings): SecretScanOptions {
  return {
    scope: settings.scope as Scope,
    since: text(settings.since),
    staged: settings.staged === true,
    gitleaksPath: text(settings['gitleaks-path']),
    gitleaksVersion: settings['gitleaks-version'] as string,
    gitleaksReleaseUrl: (settings['gitleaks-release-url'] as string).replace(/\/+$/, ''),
    gitleaksConfig: text(settings['gitleaks-config']),
    baselinePath: text(settings['baseline-path']),
    extraArgs: (text(settings['extra-args']) ?? '').split(/\s+/).filter(Boolean),
    allowFiles: (settings['allow-files'] as string[] | undefined) ?? [],
    allow: (settings.allow as AllowEntry[] | undefined) ?? [],
  };
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}
