import { UsageError } from '../core/errors.js';
import { closestMatch } from '../core/suggest.js';

export interface FlagSpec {
  /** Boolean flags take no value (`--production-only`, `--no-production-only`, `--production-only=false`). */
  boolean: boolean;
  /** Repeatable flags collect every value. */
  repeatable: boolean;
}

export interface ParsedArgs {
  positionals: string[];
  /** Flag values as given: the last one for single flags, all for repeatable ones. */
  flags: Map<string, string | string[]>;
}

/**
 * A small strict parser: every flag must be known, values come as `--flag value` or `--flag=value`,
 * and a mistake names the flag and the nearest known one.
 */
export function parseArgs(argv: readonly string[], specs: ReadonlyMap<string, FlagSpec>, aliases: Readonly<Record<string, string>> = {}): ParsedArgs {
  const positionals: string[] = [];
  const flags = new Map<string, string | string[]>();
  for (let index = 0; index < argv.length; index += 1) {
    const token = argv[index]!;
    if (token === '--') {
      positionals.push(...argv.slice(index + 1));
      break;
    }
    if (!token.startsWith('-') || token === '-') {
      positionals.push(token);
      continue;
    }
    const expanded = aliases[token] ?? token;
    const equals = expanded.indexOf('=');
    let name = (equals === -1 ? expanded : expanded.slice(0, equals)).replace(/^--?/, '');
    let value: string | undefined = equals === -1 ? undefined : expanded.slice(equals + 1);
    let spec = specs.get(name);
    if (!spec && name.startsWith('no-') && specs.get(name.slice(3))?.boolean && value === undefined) {
      name = name.slice(3);
      spec = specs.get(name);
      value = 'false';
    }
    if (!spec) {
      const hint = closestMatch(name, [...specs.keys()]);
      throw new UsageError(`unknown flag --${name}${hint ? `; did you mean --${hint}?` : ''} (see --help)`);
    }
    if (value === undefined) {
      if (spec.boolean) {
        value = 'true';
      } else {
        const next = argv[index + 1];
        if (next === undefined || (next.startsWith('--') && next.length > 2)) throw new UsageError(`--${name} needs a value (see --help)`);
        value = next;
        index += 1;
      }
    }
    if (spec.repeatable) {
      const previous = flags.get(name);
      flags.set(name, [...(Array.isArray(previous) ? previous : []), value]);
    } else {
      flags.set(name, value);
    }
  }
  return { positionals, flags };
}
