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

  /** The secrets that appear in the logs; an empty list is the pass. */
  leaks(): string[] {
    const text = this.lines.join('\n');
    return [...this.secrets].filter((secret) => text.includes(secret)).map((secret) => `${secret.slice(0, 3)}… (${secret.length} chars)`);
  }
}
