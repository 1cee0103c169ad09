/**
 * A matcher for the subset of CloudWatch Logs' JSON filter pattern syntax the
 * stack's metric filters use, so tests can run a pattern over real log lines:
 *
 *   pattern    = "{" expression "}"
 *   expression = term { "&&" term }  |  term { "||" term }
 *   term       = "(" expression ")" | comparison
 *   comparison = selector "=" ( string | number )  |  selector "IS" ( "TRUE" | "FALSE" )
 *   selector   = "$" { "." name }
 *
 * As CloudWatch does, a line that is not a JSON object never matches, a
 * missing field never matches, and a string compares only with a string, a
 * number only with a number. Anything outside the subset (wildcards, `!=`,
 * `>`, `IS NULL`, `NOT EXISTS`, arrays, escapes) throws instead of guessing,
 * and so does mixing `&&` and `||` without parentheses, whose precedence the
 * CloudWatch documentation does not state.
 */

type Expression =
  | { readonly kind: 'and' | 'or'; readonly terms: readonly Expression[] }
  | { readonly kind: 'equals'; readonly path: readonly string[]; readonly value: string | number }
  | { readonly kind: 'is'; readonly path: readonly string[]; readonly value: boolean };

type Token = { readonly kind: 'punct'; readonly text: string } | { readonly kind: 'string'; readonly text: string } | { readonly kind: 'word'; readonly text: string };

export class UnsupportedPatternError extends Error {
  override readonly name = 'UnsupportedPatternError';
}

function tokenize(pattern: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < pattern.length) {
    const rest = pattern.slice(i);
    const space = /^\s+/.exec(rest);
    if (space) {
      i += space[0].length;
      continue;
    }
    const punct = /^(&&|\|\||[{}()=])/.exec(rest);
    if (punct) {
      tokens.push({ kind: 'punct', text: punct[0] });
      i += punct[0].length;
      continue;
    }
    if (rest.startsWith('"')) {
      const end = rest.indexOf('"', 1);
      if (end < 0) throw new UnsupportedPatternError(`unterminated string at ${i} in ${pattern}`);
      const text = rest.slice(1, end);
      if (/[\\*]/.test(text)) throw new UnsupportedPatternError(`escapes and wildcards are not supported: "${text}"`);
      tokens.push({ kind: 'string', text });
      i += end + 1;
      continue;
    }
    const word = /^[$A-Za-z0-9_.-]+/.exec(rest);
    if (word) {
      tokens.push({ kind: 'word', text: word[0] });
      i += word[0].length;
      continue;
    }
    throw new UnsupportedPatternError(`unsupported syntax at ${i}: ${rest.slice(0, 10)} in ${pattern}`);
  }
  return tokens;
}

class Parser {
  private position = 0;

  constructor(
    private readonly tokens: readonly Token[],
    private readonly pattern: string,
  ) {}

  parsePattern(): Expression {
    this.expect('{');
    const expression = this.expression();
    this.expect('}');
    if (this.position !== this.tokens.length) this.fail('text after the closing "}"');
    return expression;
  }

  private expression(): Expression {
    const terms = [this.term()];
    let operator: '&&' | '||' | undefined;
    for (let next = this.peek(); next?.kind === 'punct' && (next.text === '&&' || next.text === '||'); next = this.peek()) {
      if (operator !== undefined && operator !== next.text) this.fail('"&&" and "||" mixed without parentheses');
      operator = next.text;
      this.position++;
      terms.push(this.term());
    }
    if (operator === undefined) return terms[0]!;
    return { kind: operator === '&&' ? 'and' : 'or', terms };
  }

  private term(): Expression {
    const next = this.peek();
    if (next?.kind === 'punct' && next.text === '(') {
      this.position++;
      const inner = this.expression();
      this.expect(')');
      return inner;
    }
    return this.comparison();
  }

  private comparison(): Expression {
    const selector = this.take();
    if (selector?.kind !== 'word' || !/^\$(\.[A-Za-z_][A-Za-z0-9_]*)+$/.test(selector.text)) this.fail('a selector such as $.field');
    const path = selector.text.split('.').slice(1);
    const operator = this.take();
    if (operator?.kind === 'punct' && operator.text === '=') {
      const value = this.take();
      if (value?.kind === 'string') return { kind: 'equals', path, value: value.text };
      if (value?.kind === 'word' && /^-?\d+(\.\d+)?$/.test(value.text)) return { kind: 'equals', path, value: Number(value.text) };
      return this.fail('a quoted string or a number after "="');
    }
    if (operator?.kind === 'word' && operator.text === 'IS') {
      const value = this.take();
      if (value?.kind === 'word' && (value.text === 'TRUE' || value.text === 'FALSE')) return { kind: 'is', path, value: value.text === 'TRUE' };
      return this.fail('TRUE or FALSE after IS');
    }
    return this.fail('"=" or "IS" after the selector');
  }

  private peek(): Token | undefined {
    return this.tokens[this.position];
  }

  private take(): Token | undefined {
    return this.tokens[this.position++];
  }

  private expect(text: string): void {
    const token = this.take();
    if (token?.kind !== 'punct' || token.text !== text) this.fail(`"${text}"`);
  }

  private fail(wanted: string): never {
    throw new UnsupportedPatternError(`expected ${wanted} at token ${this.position} of ${this.pattern}`);
  }
}

function select(event: unknown, path: readonly string[]): unknown {
  let value = event;
  for (const key of path) {
    if (typeof value !== 'object' || value === null || Array.isArray(value) || !Object.hasOwn(value, key)) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

function evaluate(expression: Expression, event: unknown): boolean {
  switch (expression.kind) {
    case 'and':
      return expression.terms.every((term) => evaluate(term, event));
    case 'or':
      return expression.terms.some((term) => evaluate(term, event));
    case 'equals':
      return select(event, expression.path) === expression.value;
    case 'is':
      return select(event, expression.path) === expression.value;
  }
}

/** Parses `pattern` once; the result tells whether a raw log line matches it. */
export function compileFilterPattern(pattern: string): (line: string) => boolean {
  const expression = new Parser(tokenize(pattern), pattern).parsePattern();
  return (line) => {
    let event: unknown;
    try {
      event = JSON.parse(line);
    } catch {
      return false;
    }
    if (typeof event !== 'object' || event === null || Array.isArray(event)) return false;
    return evaluate(expression, event);
  };
}
