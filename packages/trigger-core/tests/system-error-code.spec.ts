import { findSystemErrorCode } from '../src';

describe('findSystemErrorCode', () => {
  it('finds the code on the error or on the errors it wraps', () => {
    expect(findSystemErrorCode(Object.assign(new Error('x'), { code: 'ECONNREFUSED' }))).toBe('ECONNREFUSED');
    expect(findSystemErrorCode(new Error('x', { cause: Object.assign(new Error('y'), { code: 'ENOTFOUND' }) }))).toBe('ENOTFOUND');
  });

  it('reads it from the message when only the message survived', () => {
    expect(findSystemErrorCode(new Error('connect ECONNRESET 127.0.0.1:1'))).toBe('ECONNRESET');
  });

  it('finds nothing in an HTTP error or a non-error', () => {
    expect(findSystemErrorCode(Object.assign(new Error('throttled'), { code: 'ThrottlingException' }))).toBeUndefined();
    expect(findSystemErrorCode(undefined)).toBeUndefined();
  });
});
