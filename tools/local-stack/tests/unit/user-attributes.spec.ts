import { InvalidParameterException } from '../../src/errors';
import { parseUserAttributes } from '../../src/state/user-attributes';
import { refusal } from '../support/refusal';

const withEmail = (email: string) => [{ Name: 'email', Value: email }];

describe('the email attribute at sign-up (the contract rule, stricter than Cognito on purpose)', () => {
  it('takes a plain address', () => {
    expect(parseUserAttributes(withEmail('jane.doe+tag@mail.example.com'), 'client')).toEqual({ email: 'jane.doe+tag@mail.example.com' });
  });

  it.each([
    ['no at sign', 'jane.example.com'],
    ['two addresses', 'jane@example.com,joe@example.com'],
    ['a display name', 'Jane <jane@example.com>'],
    ['a line break', 'jane@example.com\r\nBcc: joe@example.com'],
    ['an underscore in the domain (the old loose check let it through)', 'jane@exa_mple.com'],
    ['a non-ASCII local part (the old loose check let it through)', 'jäne@example.com'],
    ['a single-label domain', 'jane@localhost'],
  ])('refuses %s with InvalidParameterException, in Cognito words', (_what, email) => {
    const error = refusal(() => parseUserAttributes(withEmail(email), 'client'));

    expect(error).toBeInstanceOf(InvalidParameterException);
    expect(error).toMatchObject({ type: 'InvalidParameterException', message: 'Invalid email address format.' });
  });
});
