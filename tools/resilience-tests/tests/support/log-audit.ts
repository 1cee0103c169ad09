/**
 * Collects every secret a test handles (codes, passwords, tokens, addresses)
 * and every log line the stack wrote, so a test can assert none leaked.
 */
export class LogAudit {
  readonly lines: string[] = [];
  private readonly secrets = new Set<string>();

  readonly log = (line: string) => {
    this.lines.push(line);
  };

  secret(...values: string[]): void {
    for (const value of values) if (value.length >= 6) this.secrets.add(value);
  }

  /**
   * The secrets that appear in the logs; an empty list is the pass. A code
   * (digits only) counts where it stands as a value of its own: hundreds of
   * 6-digit codes would otherwise turn up by chance inside the longer digit
   * runs of timestamps, ids and keys that every log line holds.
   */
  leaks(): string[] {
    const text = this.lines.join('\n');
    const appears = (secret: string) =>
      /^[0-9]+$/.test(secret) ? new RegExp(`(?<![0-9A-Za-z])${secret}(?![0-9A-Za-z])`).test(text) : text.includes(secret);
    return [...this.secrets].filter(appears).map((secret) => `${secret.slice(0, 3)}… (${secret.length} chars)`);
  }
}
