import { randomBytes as nodeRandomBytes } from 'node:crypto';
import type {
  CreateAuthChallengeTriggerEvent,
  DefineAuthChallengeTriggerEvent,
  VerifyAuthChallengeResponseTriggerEvent,
} from 'aws-lambda';
import {
  createChallenge,
  decideNextChallenge,
  verifyAnswer,
  type CodeMessage,
  type CreateConfig,
  type CreateResponse,
  type DefineConfig,
  type RandomSource,
  type SignInStateStore,
  type StoredSignInState,
  type VerifyConfig,
} from '../src';
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

export type Session = DefineAuthChallengeTriggerEvent['request']['session'];
export const RESEND = { action: 'resend' };

/**
 * One sign-in driven the way Cognito drives it: each answer goes to Verify
 * with the round's client metadata, Cognito appends the round (with Create's
 * metadata) to the session, then Define and, if it continues, Create get the
 * same client metadata.
 */
export function signIn(options: { digits?: string; unknown?: boolean; config?: CreateConfig; store?: MemoryStateStore } = {}) {
  const now = fixedClock();
  const sendCode = recordingSender();
  const deps = { now, sendCode, random: scriptedRandom(options.digits ?? ''), store: options.store ?? new MemoryStateStore() };
  const config = options.config ?? createConfig;
  const session: Session = [];
  const shape = <T extends { request: Record<string, unknown> }>(event: T, clientMetadata?: Record<string, string>): T => {
    if (options.unknown) Object.assign(event.request, { userNotFound: true, userAttributes: {} });
    if (clientMetadata) event.request['clientMetadata'] = clientMetadata;
    event.request['session'] = structuredClone(session);
    return event;
  };
  const create = (clientMetadata?: Record<string, string>) =>
    createChallenge(shape(createEvent() as unknown as { request: Record<string, unknown> }, clientMetadata), config, deps);
  let current: CreateResponse | undefined;

  return {
    deps,
    session,
    async start() {
      current = (await create()).response;
      return current;
    },
    /** Answers the current round; resolves Define's decision and, when it continues, Create's response. */
    async respond(answer: string, clientMetadata?: Record<string, string>) {
      if (!current) throw new Error('no round to answer');
      const verify = verifyEvent() as unknown as { request: Record<string, unknown> };
      Object.assign(verify.request, { privateChallengeParameters: current.privateChallengeParameters, challengeAnswer: answer });
      const verified = await verifyAnswer(shape(verify, clientMetadata), verifyConfig, deps);
      session.push(entry('CUSTOM_CHALLENGE', verified.answerCorrect, current.challengeMetadata));
      const defined = decideNextChallenge(shape(defineEvent() as unknown as { request: Record<string, unknown> }, clientMetadata).request, passwordless(config.MAX_CODE_ATTEMPTS));
      const created = defined.outcome === 'custom-challenge' ? await create(clientMetadata) : undefined;
      current = created?.response;
      return { verified, defined, created };
    },
  };
}
