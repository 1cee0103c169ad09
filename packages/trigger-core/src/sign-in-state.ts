import * as v from 'valibot';
import { SignInStateError } from './errors';

/**
 * One username's sign-in state, as it is stored (JSON in the state item):
 * - `sent`: when each code email of the last hour was sent (ms), exact;
 * - `failed`: wrong answers per hour-long bucket (bucket start, epoch seconds);
 * - `challenges`: each live challenge by id: its code's HMAC (base64url), its
 *   issue time and the wrong answers it got.
 * Nothing in it is a code, a username or an address.
 */
export interface ChallengeRecord {
  readonly hash: string;
  readonly issuedAtMs: number;
  readonly attempts: number;
}

export interface SignInState {
  readonly sent: readonly number[];
  readonly failed: Readonly<Record<string, number>>;
  readonly challenges: Readonly<Record<string, ChallengeRecord>>;
}

export const EMPTY_STATE: SignInState = Object.freeze({ sent: [], failed: {}, challenges: {} });

const epochMs = v.pipe(v.number(), v.integer(), v.minValue(0));
// The limits keep far fewer entries than these; they only bound what a corrupt item can make us read.
const stateSchema = v.object({
  sent: v.pipe(v.array(epochMs), v.maxLength(1_000)),
  failed: v.pipe(
    v.record(v.pipe(v.string(), v.regex(/^[0-9]{1,12}$/)), v.pipe(v.number(), v.integer(), v.minValue(0))),
    v.check((record) => Object.keys(record).length <= 100),
  ),
  challenges: v.pipe(
    v.record(
      v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{16}$/)),
      v.object({ hash: v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{43}$/)), issuedAtMs: epochMs, attempts: v.pipe(v.number(), v.integer(), v.minValue(0)) }),
    ),
    v.check((record) => Object.keys(record).length <= 1_000),
  ),
});

/** Reads stored state; an item this code did not write fails closed. */
export function parseSignInState(data: string): SignInState {
  let json: unknown;
  try {
    json = JSON.parse(data);
  } catch (cause) {
    throw new SignInStateError('other', { cause });
  }
  const result = v.safeParse(stateSchema, json);
  if (!result.success) throw new SignInStateError('other', { cause: new Error('stored sign-in state is not in the expected shape') });
  return result.output;
}

export const serializeSignInState = (state: SignInState): string => JSON.stringify(state);
