/**
 * Keeps every secret the process has seen and removes them from text before it is printed.
 * Actions also register secrets with the runner (`core.setSecret`); this covers the CLI and
 * report files, which the runner's masking never sees.
 */
export class Redactor {
  private readonly secrets = new Set<string>();

  add(secret: string | undefined): void {
    // Very short values would mask ordinary words everywhere and protect nothing.
    if (secret && secret.length >= 6) this.secrets.add(secret);
  }

  redact(text: string): string {
    let result = text;
    for (const secret of this.secrets) result = result.split(secret).join('***');
    return result;
  }
}
