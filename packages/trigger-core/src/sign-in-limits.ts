import type { ChallengeRecord, SignInState } from './sign-in-state';

/**
 * The per-username windows and how they count.
 *
 * Code emails: every send time of the last hour is kept, so the count is
 * exact over the rolling hour; at most MAX_CODES_PER_HOUR (≤ 100) of them.
 *
 * Wrong answers: up to 1,000,000 a day cannot be kept one by one, so they are
 * counted in hour-long buckets, and every bucket that overlaps the last 24
 * hours counts whole. That overcounts, never undercounts: an answer is only
 * counted while the sum is below the limit, and the sum covers at least the
 * last 24 hours, so no rolling 24-hour window ever holds more than
 * MAX_FAILED_ANSWERS_PER_DAY wrong answers. The price: a wrong answer can
 * weigh for up to 25 hours, so a reached limit lifts between 24 and 25 hours
 * after the answers that reached it.
 */
export const CODE_WINDOW_MS = 3_600_000;
export const FAILURE_WINDOW_SECONDS = 86_400;
export const FAILURE_BUCKET_SECONDS = 3_600;

const bucketOf = (nowMs: number): number => Math.floor(nowMs / 1000 / FAILURE_BUCKET_SECONDS) * FAILURE_BUCKET_SECONDS;
/** A bucket starting at `start` overlaps (now − 24 h, now] when it ends after now − 24 h. */
const bucketCounts = (start: number, nowMs: number): boolean => start + FAILURE_BUCKET_SECONDS > nowMs / 1000 - FAILURE_WINDOW_SECONDS;

/** Code emails sent in the rolling hour before `nowMs` (exact). */
export function codesSentInWindow(state: SignInState, nowMs: number): number {
  return state.sent.filter((sentAtMs) => sentAtMs > nowMs - CODE_WINDOW_MS).length;
}

/** Wrong answers counted against the rolling day before `nowMs` (never fewer than there were). */
export function failedAnswersInWindow(state: SignInState, nowMs: number): number {
  let total = 0;
  for (const [start, count] of Object.entries(state.failed)) if (bucketCounts(Number(start), nowMs)) total += count;
  return total;
}

export function withCodeSent(state: SignInState, nowMs: number): SignInState {
  return { ...state, sent: [...state.sent, nowMs] };
}

export function withFailedAnswer(state: SignInState, nowMs: number): SignInState {
  const bucket = String(bucketOf(nowMs));
  return { ...state, failed: { ...state.failed, [bucket]: (state.failed[bucket] ?? 0) + 1 } };
}

export function withChallenge(state: SignInState, id: string, challenge: ChallengeRecord | undefined): SignInState {
  const { [id]: _, ...others } = state.challenges;
  return { ...state, challenges: challenge ? { ...others, [id]: challenge } : others };
}

const challengeEndsMs = (challenge: ChallengeRecord, ttlSeconds: number) => challenge.issuedAtMs + ttlSeconds * 1000;

/** The state without what no longer counts at `nowMs`: old sends, buckets out of the day, expired challenges. */
export function pruneSignInState(state: SignInState, nowMs: number, ttlSeconds: number): SignInState {
  return {
    sent: state.sent.filter((sentAtMs) => sentAtMs > nowMs - CODE_WINDOW_MS),
    failed: Object.fromEntries(Object.entries(state.failed).filter(([start]) => bucketCounts(Number(start), nowMs))),
    challenges: Object.fromEntries(Object.entries(state.challenges).filter(([, c]) => challengeEndsMs(c, ttlSeconds) >= nowMs)),
  };
}

/** When every entry of `state` has stopped counting: the item's TTL (epoch seconds). */
export function stateExpiresAtSeconds(state: SignInState, nowMs: number, ttlSeconds: number): number {
  const ends = [
    nowMs,
    ...state.sent.map((sentAtMs) => sentAtMs + CODE_WINDOW_MS),
    ...Object.keys(state.failed).map((start) => (Number(start) + FAILURE_BUCKET_SECONDS + FAILURE_WINDOW_SECONDS) * 1000),
    ...Object.values(state.challenges).map((c) => challengeEndsMs(c, ttlSeconds)),
  ];
  return Math.ceil(Math.max(...ends) / 1000);
}
