import { logIdentity } from '../src';

describe('logIdentity', () => {
  it('prefers the sub', () => {
    expect(logIdentity({ userName: 'jane@example.com', request: { userAttributes: { sub: 'abc-123' } } })).toBe('abc-123');
  });

  it('masks the user name when there is no sub', () => {
    expect(logIdentity({ userName: 'jane@example.com', request: { userAttributes: {} } })).toBe('j***@e***.com');
  });

  it('ignores a sub that could carry anything else', () => {
    expect(logIdentity({ userName: 'jane@example.com', request: { userAttributes: { sub: 'x@example.com' } } })).toBe('j***@e***.com');
    expect(logIdentity(null)).toBe('unknown');
  });
});
