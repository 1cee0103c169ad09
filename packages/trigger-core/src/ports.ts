/**
 * What the core needs from the outside world, as small interfaces. The Lambda
 * adapters supply Node's clock, CSPRNG and the SES sender; tests supply fixed
 * ones.
 */

/** Milliseconds since the epoch. */
export type Clock = () => number;

export interface RandomSource {
  /** A uniformly distributed integer in [0, maxExclusive) from a CSPRNG. */
  randomInt(maxExclusive: number): number;
  /** `size` bytes from a CSPRNG. */
  randomBytes(size: number): Uint8Array;
}

export interface CodeMessage {
  readonly to: string;
  readonly code: string;
  readonly validForSeconds: number;
  /** The user's `locale` attribute when it is a well-formed BCP 47 tag (the email's language); otherwise undefined. */
  readonly locale?: string | undefined;
}

/** Delivers a sign-in code; resolves only once the message was accepted for delivery. */
export type SendCode = (message: CodeMessage) => Promise<void>;

/** One user's sign-in state as the store keeps it: opaque to the store. */
export interface StoredSignInState {
  /** The state, serialized by the core. */
  readonly data: string;
  /** Bumped by every write; a write names the version it read. */
  readonly version: number;
  /** When the whole item may be forgotten (epoch seconds; the table's TTL attribute). */
  readonly expiresAtSeconds: number;
}

/**
 * Per-username sign-in state (codes sent, wrong answers, live challenges),
 * read and written by key with optimistic concurrency: a write succeeds only
 * if nobody wrote since the read, which is how parallel sessions for one user
 * are counted exactly. Implementations throw SignInStateError on a fault.
 */
export interface SignInStateStore {
  /** The item under `key` (read consistently), or undefined if there is none. An item past its expiry may still be returned. */
  load(key: string): Promise<StoredSignInState | undefined>;
  /**
   * Writes `item` with version `expectedVersion + 1` (1 when `expectedVersion`
   * is undefined) only if the stored version is still `expectedVersion` (or,
   * when undefined, there is no item). Resolves false when another writer got
   * there first; nothing was written then.
   */
  save(key: string, item: Omit<StoredSignInState, 'version'>, expectedVersion: number | undefined): Promise<boolean>;
}
