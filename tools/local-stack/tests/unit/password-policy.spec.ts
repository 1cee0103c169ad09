import { InvalidPasswordException } from '../../src/errors';
import { assertPasswordPolicy } from '../../src/state/password-policy';
import { refusal } from '../support/refusal';

describe("the pool's password policy (Cognito's default)", () => {
  it.each([
    ['Sh0rt!', 'Password not long enough'],
    ['no-upper-case-1', 'Password must have uppercase characters'],
    ['NO-LOWER-CASE-1', 'Password must have lowercase characters'],
    ['No-Numbers-Here', 'Password must have numeric characters'],
    ['NoSymbols1234', 'Password must have symbol characters'],
  ])('refuses %j: %s', (password, rule) => {
    const error = refusal(() => assertPasswordPolicy(password));

    expect(error).toBeInstanceOf(InvalidPasswordException);
    expect(error).toMatchObject({ type: 'InvalidPasswordException', httpStatus: 400, message: `Password did not conform with policy: ${rule}` });
  });

  it('accepts a password that has everything', () => {
    expect(() => assertPasswordPolicy('Correct-Horse-9')).not.toThrow();
  });
});
