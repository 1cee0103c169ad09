import { SignInStateError } from './errors';
import type { Clock, SignInStateStore } from './ports';
import { pruneSignInState, stateExpiresAtSeconds } from './sign-in-limits';
import { EMPTY_STATE, parseSignInState, serializeSignInState, type SignInState } from './sign-in-state';

/** Read-decide-write rounds one decision may take when parallel sessions of one user keep writing first. */
export const MAX_STATE_ROUNDS = 6;
/**
 * No store call starts after this much time spent on the state; with the
 * store's own per-call deadline this bounds a decision's store time.
 */
export const STATE_BUDGET_MS = 1_000;

export interface StateChange<T> {
  readonly result: T;
  /** The state to write, or undefined to write nothing. */
  readonly next?: SignInState | undefined;
}

/**
 * Runs `decide` on the user's current state (pruned, and empty when the item
 * is past its expiry, which the table's TTL only enforces lazily) and writes
 * what it returns only if nobody wrote since the read; otherwise reads and
 * decides again. So a decision is always taken on the state it changes, and
 * parallel sessions of one user are counted exactly. `decide` may throw (a
 * limit reached), which writes nothing.
 */
export async function changeSignInState<T>(
  store: SignInStateStore,
  key: string,
  options: { readonly now: Clock; readonly ttlSeconds: number },
  decide: (state: SignInState, nowMs: number) => StateChange<T>,
): Promise<T> {
  const startedMs = options.now();
  for (let round = 0; round < MAX_STATE_ROUNDS; round++) {
    if (options.now() - startedMs > STATE_BUDGET_MS) throw new SignInStateError('timeout');
    const stored = await store.load(key);
    const nowMs = options.now();
    const live = stored !== undefined && stored.expiresAtSeconds * 1000 > nowMs;
    const state = pruneSignInState(live ? parseSignInState(stored.data) : EMPTY_STATE, nowMs, options.ttlSeconds);
    const { result, next } = decide(state, nowMs);
    if (next === undefined) return result;
    if (options.now() - startedMs > STATE_BUDGET_MS) throw new SignInStateError('timeout');
    const item = { data: serializeSignInState(next), expiresAtSeconds: stateExpiresAtSeconds(next, nowMs, options.ttlSeconds) };
    if (await store.save(key, item, stored?.version)) return result;
  }
  // Another writer won every round: someone is driving many parallel sign-ins for this user.
  throw new SignInStateError('other', { cause: new Error(`state changed under ${MAX_STATE_ROUNDS} rounds in a row`) });
}
