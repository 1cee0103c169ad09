import { compileFilterPattern, UnsupportedPatternError } from '../helpers/filter-pattern.js';

const line = (event: Record<string, unknown>) => JSON.stringify(event);

describe('compileFilterPattern (the CloudWatch JSON pattern subset the stack uses)', () => {
  it('matches string equality on a top-level field', () => {
    const matches = compileFilterPattern('{ $.outcome = "code-sent" }');

    expect(matches(line({ outcome: 'code-sent' }))).toBe(true);
    expect(matches(line({ outcome: 'code-sent-later' }))).toBe(false);
    expect(matches(line({ outcome: 'CODE-SENT' }))).toBe(false);
  });

  it('matches numeric equality, and never a number against a string', () => {
    const matches = compileFilterPattern('{ $.round = 1 }');

    expect(matches(line({ round: 1 }))).toBe(true);
    expect(matches(line({ round: 2 }))).toBe(false);
    expect(matches(line({ round: '1' }))).toBe(false);
    expect(compileFilterPattern('{ $.round = "1" }')(line({ round: 1 }))).toBe(false);
  });

  it('matches IS TRUE and IS FALSE on booleans only', () => {
    const isTrue = compileFilterPattern('{ $.userNotFound IS TRUE }');
    const isFalse = compileFilterPattern('{ $.userNotFound IS FALSE }');

    expect(isTrue(line({ userNotFound: true }))).toBe(true);
    expect(isTrue(line({ userNotFound: false }))).toBe(false);
    expect(isTrue(line({ userNotFound: 'true' }))).toBe(false);
    expect(isFalse(line({ userNotFound: false }))).toBe(true);
    expect(isFalse(line({}))).toBe(false);
  });

  it('never matches a missing field', () => {
    expect(compileFilterPattern('{ $.reason = "x" }')(line({ outcome: 'x' }))).toBe(false);
  });

  it('follows a dotted selector into nested objects', () => {
    const matches = compileFilterPattern('{ $.error.name = "EmailDeliveryError" }');

    expect(matches(line({ error: { name: 'EmailDeliveryError' } }))).toBe(true);
    expect(matches(line({ 'error.name': 'EmailDeliveryError' }))).toBe(false);
  });

  it('needs every term of && and any term of ||', () => {
    const both = compileFilterPattern('{ ($.a = "x") && ($.b = "y") }');
    const either = compileFilterPattern('{ ($.a = "x") || ($.b = "y") }');

    expect(both(line({ a: 'x', b: 'y' }))).toBe(true);
    expect(both(line({ a: 'x', b: 'z' }))).toBe(false);
    expect(either(line({ a: 'z', b: 'y' }))).toBe(true);
    expect(either(line({ a: 'z', b: 'z' }))).toBe(false);
  });

  it('groups with parentheses', () => {
    const matches = compileFilterPattern('{ ($.t = "d") && (($.o = "p") || (($.o = "c") && ($.r = 1))) }');

    expect(matches(line({ t: 'd', o: 'p' }))).toBe(true);
    expect(matches(line({ t: 'd', o: 'c', r: 1 }))).toBe(true);
    expect(matches(line({ t: 'd', o: 'c', r: 2 }))).toBe(false);
    expect(matches(line({ t: 'x', o: 'p' }))).toBe(false);
  });

  it('never matches a line that is not a JSON object', () => {
    const matches = compileFilterPattern('{ $.outcome = "code-sent" }');

    expect(matches('outcome = "code-sent"')).toBe(false);
    expect(matches('(node:1) Warning: {"outcome":"code-sent"}')).toBe(false);
    expect(matches('["code-sent"]')).toBe(false);
    expect(matches('')).toBe(false);
  });

  it.each([
    ['no braces', '$.a = "x"'],
    ['a wildcard', '{ $.a = "x*" }'],
    ['an escape', '{ $.a = "x\\"y" }'],
    ['!=', '{ $.a != "x" }'],
    ['a range', '{ $.a > 1 }'],
    ['IS NULL', '{ $.a IS NULL }'],
    ['NOT EXISTS', '{ $.a NOT EXISTS }'],
    ['an array index', '{ $.a[0] = "x" }'],
    ['&& and || mixed without parentheses', '{ $.a = "x" && $.b = "y" || $.c = "z" }'],
    ['a bare word value', '{ $.a = x }'],
    ['text after the pattern', '{ $.a = "x" } extra'],
  ])('refuses %s instead of guessing', (_what, pattern) => {
    expect(() => compileFilterPattern(pattern)).toThrow(UnsupportedPatternError);
  });
});
