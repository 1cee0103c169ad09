/**
 * The sentences shown to the person at the code prompt (`hint`). They depend
 * only on the round and the clock, never on the user, so an unknown user sees
 * exactly what a known one sees.
 */

export function describeDuration(seconds: number): string {
  if (seconds % 60 !== 0) return seconds === 1 ? '1 second' : `${seconds} seconds`;
  const minutes = seconds / 60;
  return minutes === 1 ? '1 minute' : `${minutes} minutes`;
}

export const firstRoundHint = (codeLength: number, ttlSeconds: number): string =>
  `Enter the ${codeLength}-digit code we sent to your email address. It is valid for ${describeDuration(ttlSeconds)}.`;

export const retryHint = (codeLength: number): string =>
  `That code is not right. Enter the ${codeLength}-digit code from the same email.`;

export const EXPIRED_HINT = 'Your code has expired. Ask for a new code, or sign in again.';

export const resentHint = (codeLength: number, ttlSeconds: number): string =>
  `We sent a new ${codeLength}-digit code to your email address; earlier codes no longer work. It is valid for ${describeDuration(ttlSeconds)}.`;

export const resendWaitHint = (waitSeconds: number): string =>
  `A new code can be sent in ${describeDuration(waitSeconds)}. Until then, enter the code from the latest email.`;
