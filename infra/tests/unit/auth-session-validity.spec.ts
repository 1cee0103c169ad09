import { authSessionValidityMinutes } from '../../src/config/auth-session-validity.js';

describe('authSessionValidityMinutes', () => {
  it('gives 5 minutes for the default 300 s code', () => {
    expect(authSessionValidityMinutes(300)).toBe(5);
  });

  it('never goes below Cognito minimum of 3 minutes', () => {
    expect(authSessionValidityMinutes(60)).toBe(3);
  });

  it('rounds a partial minute up', () => {
    expect(authSessionValidityMinutes(301)).toBe(6);
  });

  it('reaches Cognito maximum of 15 minutes for the longest code', () => {
    expect(authSessionValidityMinutes(900)).toBe(15);
  });

  it('outlives the code for every allowed code lifetime', () => {
    for (let ttlSeconds = 60; ttlSeconds <= 900; ttlSeconds++) {
      const minutes = authSessionValidityMinutes(ttlSeconds);
      expect(minutes * 60).toBeGreaterThanOrEqual(ttlSeconds);
      expect(minutes).toBeGreaterThanOrEqual(3);
      expect(minutes).toBeLessThanOrEqual(15);
    }
  });
});
