/** Exit codes of the CLI contract: 0 pass, 1 a gate failed, 2 the gate could not decide. */
export const ExitCode = {
  Pass: 0,
  Fail: 1,
  Error: 2,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/**
 * A mistake the user can fix: a bad flag, input or config value. The message is one line that
 * names the problem and the fix; it is printed as it is, without a stack.
 */
export class ConfigurationError extends Error {
  override readonly name: string = 'ConfigurationError';
}

/** Wrong command-line usage: unknown subcommand or flag, missing flag value. */
export class UsageError extends ConfigurationError {
  override readonly name = 'UsageError';
}

/**
 * The environment stopped the gate from checking: a service that does not answer, a tool that
 * cannot be had, a download that does not verify. Never a pass.
 */
export class EnvironmentError extends Error {
  override readonly name = 'EnvironmentError';
}

/** Errors the user (or their environment) caused; everything else is our bug. */
export function isExpectedError(error: unknown): error is Error {
  return error instanceof ConfigurationError || error instanceof EnvironmentError;
}

/**
 * One line for a person. Expected errors are their own message; anything else is an internal
 * error whose stack is only shown when `RG_DEBUG` is set.
 */
export function describeError(error: unknown): string {
  if (isExpectedError(error)) return firstLine(error.message);
  const message = error instanceof Error ? error.message : String(error);
  return `internal error: ${firstLine(message)} (a bug in readiness-gates; set RG_DEBUG=1 for the stack and report it)`;
}

/** The first line of what was thrown, for a message that quotes its cause. */
export function causeOf(error: unknown): string {
  return firstLine(error instanceof Error ? error.message : String(error));
}

function firstLine(text: string): string {
  const line = text.split(/\r?\n/, 1)[0] ?? '';
  return line.trim() || 'unknown error';
}
