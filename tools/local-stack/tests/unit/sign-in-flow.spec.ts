import { LocalStackConfigError } from '../../src';
import { signInFlowOf } from '../../src/stack/sign-in-flow';

describe('signInFlowOf', () => {
  it('takes passwordless when SIGN_IN_FLOW is unset or empty', () => {
    expect(signInFlowOf(undefined)).toBe('passwordless');
    expect(signInFlowOf('')).toBe('passwordless');
  });

  it('takes a flow of the contract as given', () => {
    expect(signInFlowOf('password-then-code')).toBe('password-then-code');
  });

  it('refuses an unknown flow, naming the variable and the allowed values', () => {
    expect(() => signInFlowOf('password')).toThrow(
      new LocalStackConfigError('SIGN_IN_FLOW', 'expected one of passwordless, password-then-code, got "password"'),
    );
  });
});
