import {
  attemptsLeftText,
  describeAuthError,
  describePasswordPolicy,
  MESSAGES,
  readChallenge,
  resendButtonLabel,
  resendWaitNote,
  wrongCodeMessage,
} from '../../src/messages';
import { expiredHint } from '../support/trigger-hints';

/** Amplify's errors carry Cognito's exception name as `name`. */
const cognitoError = (name: string, message = '') => Object.assign(new Error(message), { name });

describe('readChallenge', () => {
  it("reads the trigger's resendAfterSeconds, and ignores a value that is not whole seconds", () => {
    expect(readChallenge({ hint: 'x', attemptsLeft: '3', resendAfterSeconds: '30' }).resendAfterSeconds).toBe(30);
    expect(readChallenge({ hint: 'x', attemptsLeft: '3', resendAfterSeconds: '0' }).resendAfterSeconds).toBe(0);
    expect(readChallenge({ hint: 'x', attemptsLeft: '3', resendAfterSeconds: '-1' }).resendAfterSeconds).toBeUndefined();
    expect(readChallenge({ hint: 'x', attemptsLeft: '3', resendAfterSeconds: 'soon' }).resendAfterSeconds).toBeUndefined();
  });

  it('labels the resend button with the seconds left, and announces the start and the end of the wait', () => {
    expect([resendButtonLabel(12), resendButtonLabel(0)]).toEqual(['Send a new code (12 s)', 'Send a new code']);
    expect([resendWaitNote(30), resendWaitNote(1), resendWaitNote(0)]).toEqual([
      'You can ask for a new code in 30 seconds.',
      'You can ask for a new code in 1 second.',
      'You can ask for a new code now.',
    ]);
  });

  it("reads the trigger's hint and attemptsLeft", () => {
    const view = readChallenge({ hint: 'Enter the 6-digit code we sent to your email address.', attemptsLeft: '3', USERNAME: 'alice' });

    expect(view).toEqual({ hint: 'Enter the 6-digit code we sent to your email address.', attemptsLeft: 3, expired: false, resendAfterSeconds: undefined });
  });

  it('recognises the hint the create trigger writes for an expired code', () => {
    expect(readChallenge({ hint: expiredHint(), attemptsLeft: '2' }).expired).toBe(true);
  });

  it('falls back to a plain instruction, and no count, when the parameters are missing or odd', () => {
    expect(readChallenge(undefined)).toEqual({
      hint: 'Enter the code we sent to your email address.',
      attemptsLeft: undefined,
      expired: false,
      resendAfterSeconds: undefined,
    });
    expect(readChallenge({ hint: ' ', attemptsLeft: 'many' }).attemptsLeft).toBeUndefined();
  });
});

describe('wrongCodeMessage', () => {
  it('says how many attempts are left, in the singular for one', () => {
    expect(wrongCodeMessage({ hint: '', attemptsLeft: 2, expired: false, resendAfterSeconds: undefined })).toBe('Wrong code: 2 attempts left.');
    expect(wrongCodeMessage({ hint: '', attemptsLeft: 1, expired: false, resendAfterSeconds: undefined })).toBe('Wrong code: 1 attempt left.');
    expect(attemptsLeftText(0)).toBe('0 attempts left');
  });

  it('says the code has expired rather than counting attempts', () => {
    expect(wrongCodeMessage({ hint: expiredHint(), attemptsLeft: 2, expired: true, resendAfterSeconds: undefined })).toBe(MESSAGES.codeExpired);
  });
});

describe('describeAuthError', () => {
  it('reads NotAuthorizedException after a code as the last attempt used up', () => {
    expect(describeAuthError(cognitoError('NotAuthorizedException', 'Incorrect username or password.'), 'code')).toBe(MESSAGES.attemptsUsedUp);
  });

  it('reads NotAuthorizedException at sign-in as a wrong password', () => {
    expect(describeAuthError(cognitoError('NotAuthorizedException', 'Incorrect username or password.'), 'sign-in')).toBe(MESSAGES.incorrectCredentials);
  });

  it("reads Cognito's invalid session as a timed-out sign-in, at any step", () => {
    const error = cognitoError('NotAuthorizedException', 'Invalid session for the user.');

    expect(describeAuthError(error, 'code')).toBe(MESSAGES.signInTimedOut);
    expect(describeAuthError(error, 'sign-in')).toBe(MESSAGES.signInTimedOut);
  });

  it('says the endpoint is unreachable for a network failure', () => {
    expect(describeAuthError(cognitoError('NetworkError', 'A network error has occurred.'), 'code')).toBe(MESSAGES.unreachable);
    expect(describeAuthError(new TypeError('Failed to fetch'), 'sign-in')).toBe(MESSAGES.unreachable);
  });

  it('says a code could not be sent when the create trigger failed at sign-in', () => {
    expect(describeAuthError(cognitoError('UserLambdaValidationException', 'CreateAuthChallenge failed with error EmailDeliveryError.'), 'sign-in')).toBe(
      MESSAGES.codeNotSent,
    );
  });

  it('says a per-username limit refused the sign-in, whatever the step', () => {
    const error = cognitoError('UserLambdaValidationException', 'CreateAuthChallenge failed with error Too many sign-in attempts. Try again later..');
    expect(describeAuthError(error, 'sign-in')).toBe(MESSAGES.signInLimited);
    expect(describeAuthError(error, 'code')).toBe(MESSAGES.signInLimited);
  });

  it("shows the pool's reason for a refused password, without Cognito's prefix", () => {
    const error = cognitoError('InvalidPasswordException', 'Password did not conform with policy: Password must have symbol characters');

    expect(describeAuthError(error, 'sign-up')).toBe('That password is not allowed: Password must have symbol characters.');
  });

  it('names sign-up confirmation problems', () => {
    expect(describeAuthError(cognitoError('CodeMismatchException'), 'confirm-sign-up')).toBe(MESSAGES.signUpCodeWrong);
    expect(describeAuthError(cognitoError('ExpiredCodeException'), 'confirm-sign-up')).toBe(MESSAGES.signUpCodeExpired);
    expect(describeAuthError(cognitoError('UsernameExistsException'), 'sign-up')).toBe(MESSAGES.usernameTaken);
  });

  it('names anything else by its error name', () => {
    expect(describeAuthError(cognitoError('InternalErrorException', 'Internal error in the local stack'), 'sign-in')).toBe(
      'Something went wrong (InternalErrorException): Internal error in the local stack',
    );
  });
});

describe('describePasswordPolicy', () => {
  it('lists what the policy requires', () => {
    const policy = { min_length: 8, require_lowercase: true, require_uppercase: true, require_numbers: true, require_symbols: true };

    expect(describePasswordPolicy(policy)).toBe('At least 8 characters, with a lowercase letter, an uppercase letter, a number and a symbol.');
  });

  it('says only the length when nothing else is required', () => {
    const policy = { min_length: 12, require_lowercase: false, require_uppercase: false, require_numbers: false, require_symbols: false };

    expect(describePasswordPolicy(policy)).toBe('At least 12 characters.');
  });
});
