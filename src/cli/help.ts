import { GATES } from '../all/gates.js';
import { scalarSettings } from '../core/config.js';
import { GATE_NAMES, type GateName } from '../core/report.js';
import { VERSION } from '../core/version.js';

const COMMON = `Common flags:
  --cwd DIR        project directory to check (default: the current directory)
  --config FILE    config file (default: .github/readiness-gates.yml or .yaml under --cwd)
  --format FORMAT  text | json | sarif | markdown (default: text); reports go to stdout, logs to stderr
  -h, --help       this help
  -V, --version    the version

Exit codes: 0 pass, 1 a gate failed, 2 error (usage, config, environment, service unreachable).
`;

export function mainHelp(): string {
  const width = Math.max(...GATE_NAMES.map((name) => name.length), 3);
  return `readiness-gates ${VERSION} — production-readiness gates for pull requests

Usage: readiness-gates <command> [flags]

Commands:
${GATE_NAMES.map((name) => `  ${name.padEnd(width)}  ${GATES[name].summary}`).join('\n')}
  ${'all'.padEnd(width)}  Runs every gate enabled in the config file and combines the reports.

${COMMON}
Run \`readiness-gates <command> --help\` for the flags of a gate.
`;
}

export function gateHelp(gate: GateName): string {
  const settings = scalarSettings(gate).filter((setting) => setting.key !== 'enabled');
  const flags = settings.map(({ key, kind, schema }) => {
    const value = kind === 'boolean' ? '' : schema.enum ? ` ${schema.enum.join('|')}` : kind === 'integer' ? ' N' : kind === 'string-list' ? ' VALUE…' : ' VALUE';
    const fallback = schema.default !== undefined && !(Array.isArray(schema.default) && schema.default.length === 0) ? ` (default: ${String(schema.default)})` : '';
    return { left: `--${key}${value}`, right: `${schema.description ?? ''}${fallback}` };
  });
  const width = Math.max(0, ...flags.map((flag) => flag.left.length));
  return `Usage: readiness-gates ${gate} [flags]

${GATES[gate].summary}

Flags (each is also the config key \`${gate}.<name>\` and the action input of that name):
${flags.map((flag) => `  ${flag.left.padEnd(width)}  ${flag.right}`).join('\n')}
  Lists repeat (--flag a --flag b) or take commas; booleans take --flag, --no-flag or --flag=false.

${COMMON}`;
}

export function allHelp(): string {
  return `Usage: readiness-gates all [flags]

Runs every gate that has a section in the config file (unless it says \`enabled: false\`); with no
section at all: secret-scan, audit, test-existence and hygiene. Gate flags apply to every gate that has them.
Fails when any gate fails; an error in any gate makes the result an error (exit 2).

${COMMON}`;
}
