import { RESEND_WAIT_PARAMETER, SIGN_IN_LIMIT_MESSAGE } from '@cognito-passwordless/contract';
import type { PasswordPolicy } from './page-config';

/** The call that failed: the same error means different things at different steps. */
export type AuthStep = 'sign-in' | 'code' | 'sign-up' | 'confirm-sign-up' | 'resend-sign-up-code' | 'sign-out';

/** What the challenge screen shows, from the challenge's public parameters. */
export interface ChallengeView {
  /** The sentence the create trigger wrote for this round. */
  readonly hint: string;
  readonly attemptsLeft: number | undefined;
  /** The code has expired: the trigger says so in the hint, and no answer can pass any more. */
  readonly expired: boolean;
  /** Whole seconds until the trigger would send a new code (`resendAfterSeconds`), or undefined when it did not say. */
  readonly resendAfterSeconds: number | undefined;
}

export const MESSAGES = {
  codeExpired: 'Your code has expired. Send a new code, or start again.',
  attemptsUsedUp: 'That code is not right, and it was the last attempt. Sign in again to get a new code.',
  signInTimedOut: 'This sign-in has timed out. Sign in again to get a new code.',
  incorrectCredentials: 'Incorrect username or password.',
  codeNotSent: 'We could not send you a code just now. Try again in a moment.',
  unreachable: 'Cannot reach the user pool endpoint. Is the local stack (npm start) still running?',
  usernameTaken: 'That username is taken. Choose another one, or sign in.',
  signUpCodeWrong: 'That code is not right. Check the latest verification email and try again.',
  signUpCodeExpired: 'That code has expired. Send a new one and use the code in the new email.',
  tooManyRequests: 'Too many attempts. Wait a little and try again.',
  signInLimited: 'Too many sign-in attempts for this username. No code was sent: try again later (within the hour, or a day after many wrong codes).',
} as const;

const DEFAULT_HINT = 'Enter the code we sent to your email address.';

/**
 * Reads Amplify's `nextStep.additionalInfo` (the challenge's public
 * parameters: `hint`, `attemptsLeft`, `resendAfterSeconds`). The create trigger reports an expired
 * code only in the hint's wording (packages/trigger-core challenge-hint.ts).
 */
export function readChallenge(additionalInfo: Readonly<Record<string, string>> | undefined): ChallengeView {
  const hint = additionalInfo?.['hint']?.trim() || DEFAULT_HINT;
  const attempts = Number.parseInt(additionalInfo?.['attemptsLeft'] ?? '', 10);
  const wait = additionalInfo?.[RESEND_WAIT_PARAMETER] ?? '';
  return {
    hint,
    attemptsLeft: Number.isInteger(attempts) && attempts >= 0 ? attempts : undefined,
    expired: /\bexpired\b/i.test(hint),
    resendAfterSeconds: /^[0-9]{1,4}$/.test(wait) ? Number(wait) : undefined,
  };
}

export const RESEND_LABEL = 'Send a new code';

/** The resend button's label: with the seconds left while it waits. */
export const resendButtonLabel = (secondsLeft: number): string => (secondsLeft > 0 ? `${RESEND_LABEL} (${secondsLeft} s)` : RESEND_LABEL);

/** What the polite live region says when the wait starts, and when it is over (0). */
export const resendWaitNote = (secondsLeft: number): string =>
  secondsLeft > 0
    ? `You can ask for a new code in ${secondsLeft === 1 ? '1 second' : `${secondsLeft} seconds`}.`
    : 'You can ask for a new code now.';

export function attemptsLeftText(attemptsLeft: number): string {
  return attemptsLeft === 1 ? '1 attempt left' : `${attemptsLeft} attempts left`;
}

/** The message after an answer that did not sign in but got another round. */
export function wrongCodeMessage(challenge: ChallengeView): string {
  if (challenge.expired) return MESSAGES.codeExpired;
  return challenge.attemptsLeft === undefined ? 'Wrong code. Try again.' : `Wrong code: ${attemptsLeftText(challenge.attemptsLeft)}.`;
}

/** "At least 8 characters, with a lowercase letter, an uppercase letter, a number and a symbol." */
export function describePasswordPolicy(policy: PasswordPolicy): string {
  const needs = [
    policy.require_lowercase && 'a lowercase letter',
    policy.require_uppercase && 'an uppercase letter',
    policy.require_numbers && 'a number',
    policy.require_symbols && 'a symbol',
  ].filter((need): need is string => typeof need === 'string');
  const list = needs.length <= 1 ? needs.join('') : `${needs.slice(0, -1).join(', ')} and ${needs.at(-1)}`;
  return `At least ${policy.min_length} characters${list ? `, with ${list}` : ''}.`;
}

const errorName = (error: unknown): string => (error instanceof Error ? error.name : typeof error);
const errorMessage = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * The sentence shown for a failed call. Cognito's error names are the
 * contract; its messages are shown only where they are meant for people
 * (password policy, invalid parameters).
 */
export function describeAuthError(error: unknown, step: AuthStep): string {
  const name = errorName(error);
  const message = errorMessage(error);
  if (name === 'NetworkError' || (error instanceof TypeError && /fetch/i.test(message))) return MESSAGES.unreachable;
  switch (name) {
    case 'NotAuthorizedException':
      // Cognito's answer to a reused or expired Session.
      if (/invalid session/i.test(message)) return MESSAGES.signInTimedOut;
      // Define failed the sign-in after an answer: the last attempt was wrong.
      if (step === 'code') return MESSAGES.attemptsUsedUp;
      if (step === 'sign-in') return MESSAGES.incorrectCredentials;
      return message;
    case 'UserLambdaValidationException':
    case 'UnexpectedLambdaException':
    case 'InvalidLambdaResponseException':
      // A per-username limit: the trigger's fixed message, inside Cognito's "<Trigger> failed with error ...".
      if (message.includes(SIGN_IN_LIMIT_MESSAGE)) return MESSAGES.signInLimited;
      return step === 'sign-in' ? MESSAGES.codeNotSent : 'Sign-in failed on the server. Sign in again to get a new code.';
    case 'UsernameExistsException':
      return MESSAGES.usernameTaken;
    case 'InvalidPasswordException':
      return `That password is not allowed: ${message.replace(/^Password did not conform with policy:\s*/i, '')}.`.replace(/\.\.$/, '.');
    case 'InvalidParameterException':
      return message;
    case 'CodeMismatchException':
      return MESSAGES.signUpCodeWrong;
    case 'ExpiredCodeException':
      return MESSAGES.signUpCodeExpired;
    case 'LimitExceededException':
    case 'TooManyRequestsException':
    case 'TooManyFailedAttemptsException':
      return MESSAGES.tooManyRequests;
    case 'CodeDeliveryFailureException':
      return MESSAGES.codeNotSent;
    default:
      return `Something went wrong (${name}): ${message}`;
  }
}
