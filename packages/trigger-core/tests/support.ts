import { randomBytes as nodeRandomBytes } from 'node:crypto';
import type {
  CreateAuthChallengeTriggerEvent,
  DefineAuthChallengeTriggerEvent,
  VerifyAuthChallengeResponseTriggerEvent,
} from 'aws-lambda';
import type { CodeMessage, CreateConfig, DefineConfig, RandomSource, SignInStateStore, StoredSignInState, VerifyConfig } from '../src';
import createFixture from './fixtures/create-auth-challenge.json';
import defineFixture from './fixtures/define-auth-challenge.json';
import verifyFixture from './fixtures/verify-auth-challenge.json';

export const defineEvent = () => structuredClone(defineFixture) as unknown as DefineAuthChallengeTriggerEvent;
export const createEvent = () => structuredClone(createFixture) as unknown as CreateAuthChallengeTriggerEvent;
export const verifyEvent = () => structuredClone(verifyFixture) as unknown as VerifyAuthChallengeResponseTriggerEvent;

export const passwordless = (max = 3): DefineConfig => ({ SIGN_IN_FLOW: 'passwordless', MAX_CODE_ATTEMPTS: max });
export const passwordThenCode = (max = 3): DefineConfig => ({ SIGN_IN_FLOW: 'password-then-code', MAX_CODE_ATTEMPTS: max });
export const createConfig: CreateConfig = {
  MAX_CODE_ATTEMPTS: 3,
  CODE_LENGTH: 6,
  CODE_TTL_SECONDS: 300,
  MAX_CODES_PER_HOUR: 5,
  MAX_FAILED_ANSWERS_PER_DAY: 30,
  RESEND_COOLDOWN_SECONDS: 30,
};
export const verifyConfig: VerifyConfig = { CODE_LENGTH: 6, CODE_TTL_SECONDS: 300, MAX_FAILED_ANSWERS_PER_DAY: 30 };

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

/**
 * The store port in memory, with DynamoDB's conditional-write semantics: a
 * save lands only if the version is still the one read. `schedule` lets a
 * test (fast-check's scheduler) decide when each call's answer arrives, so
 * parallel sessions interleave in any order.
 */
export class MemoryStateStore implements SignInStateStore {
  readonly items = new Map<string, StoredSignInState>();
  loads = 0;
  saves = 0;

  constructor(private readonly schedule: <T>(answer: Promise<T>) => Promise<T> = (answer) => answer) {}

  load(key: string): Promise<StoredSignInState | undefined> {
    this.loads++;
    const item = this.items.get(key);
    return this.schedule(Promise.resolve(item && { ...item }));
  }

  save(key: string, item: Omit<StoredSignInState, 'version'>, expectedVersion: number | undefined): Promise<boolean> {
    this.saves++;
    const current = this.items.get(key)?.version;
    const landed = current === expectedVersion;
    if (landed) this.items.set(key, { ...item, version: (expectedVersion ?? 0) + 1 });
    return this.schedule(Promise.resolve(landed));
  }
}

/** A store whose calls all fail with `error`. */
export const failingStore = (error: Error): SignInStateStore => ({
  load: () => Promise.reject(error),
  save: () => Promise.reject(error),
});
