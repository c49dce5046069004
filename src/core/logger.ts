/** Where gates say what they are doing. Actions log through the runner; the CLI writes to stderr. */
export interface Logger {
  info(message: string): void;
  warning(message: string): void;
  debug(message: string): void;
  /** Registers a value that must never be printed. */
  secret(value: string): void;
}

export const silentLogger: Logger = {
  info() {},
  warning() {},
  debug() {},
  secret() {},
};
