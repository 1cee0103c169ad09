import { randomBytes as nodeRandomBytes } from 'node:crypto';
import type {
  CreateAuthChallengeTriggerEvent,
  DefineAuthChallengeTriggerEvent,
  VerifyAuthChallengeResponseTriggerEvent,
} from 'aws-lambda';
import type { CodeMessage, CreateConfig, DefineConfig, RandomSource, VerifyConfig } from '../src';
import createFixture from './fixtures/create-auth-challenge.json';
import defineFixture from './fixtures/define-auth-challenge.json';
import verifyFixture from './fixtures/verify-auth-challenge.json';

export const defineEvent = () => structuredClone(defineFixture) as unknown as DefineAuthChallengeTriggerEvent;
export const createEvent = () => structuredClone(createFixture) as unknown as CreateAuthChallengeTriggerEvent;
export const verifyEvent = () => structuredClone(verifyFixture) as unknown as VerifyAuthChallengeResponseTriggerEvent;

export const passwordless = (max = 3): DefineConfig => ({ SIGN_IN_FLOW: 'passwordless', MAX_CODE_ATTEMPTS: max });
export const passwordThenCode = (max = 3): DefineConfig => ({ SIGN_IN_FLOW: 'password-then-code', MAX_CODE_ATTEMPTS: max });
export const createConfig: CreateConfig = { MAX_CODE_ATTEMPTS: 3, CODE_LENGTH: 6, CODE_TTL_SECONDS: 300 };
export const verifyConfig: VerifyConfig = { CODE_LENGTH: 6, CODE_TTL_SECONDS: 300 };

/** A session entry; typed loosely on purpose, tests also build entries Cognito would never send. */
export const entry = (challengeName: string, challengeResult: boolean, challengeMetadata: string | null = null) =>
  ({ challengeName, challengeResult, challengeMetadata }) as unknown as DefineAuthChallengeTriggerEvent['request']['session'][number];
export const SRP_OK = entry('SRP_A', true);
export const PASSWORD_OK = entry('PASSWORD_VERIFIER', true);
export const WRONG = entry('CUSTOM_CHALLENGE', false);
export const RIGHT = entry('CUSTOM_CHALLENGE', true);

/** A clock that stands still until moved. */
export function fixedClock(startMs = Date.UTC(2026, 0, 1)) {
  let nowMs = startMs;
  const now = () => nowMs;
  return Object.assign(now, { advance: (ms: number) => (nowMs += ms) });
}

/** Digits from a script (then 0s), real random bytes. */
export function scriptedRandom(digits: string): RandomSource {
  const queue = [...digits].map(Number);
  return { randomInt: () => queue.shift() ?? 0, randomBytes: (size) => nodeRandomBytes(size) };
}

/** A sendCode port that records what it was asked to send. */
export function recordingSender() {
  const sent: CodeMessage[] = [];
  const sendCode = async (message: CodeMessage) => {
    sent.push(message);
  };
  return Object.assign(sendCode, { sent });
}
