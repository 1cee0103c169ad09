import { randomBytes } from 'node:crypto';
import { systemClock, type Clock } from '../clock';
import type { PasswordVerifier, SrpServerChallenge } from '../crypto/srp';

/** One entry of the `request.session` array the triggers see. */
export interface SessionEntry {
  readonly challengeName: 'SRP_A' | 'PASSWORD_VERIFIER' | 'CUSTOM_CHALLENGE';
  readonly challengeResult: boolean;
  readonly challengeMetadata: string | null;
}

/** The challenge the client must answer next, with what only the pool keeps. */
export type PendingChallenge =
  | {
      readonly name: 'CUSTOM_CHALLENGE';
      readonly privateChallengeParameters: Readonly<Record<string, string>>;
      readonly challengeMetadata: string | null;
    }
  | {
      readonly name: 'PASSWORD_VERIFIER';
      readonly userIdForSrp: string;
      /** The client's SRP_A from InitiateAuth: this step exists only for a session that started with one. */
      readonly srpA: bigint;
      readonly verifier: PasswordVerifier;
      readonly challenge: SrpServerChallenge;
      readonly secretBlock: Buffer;
    };

/** What the pool remembers between the calls of one sign-in; the client holds only the token. */
export interface AuthSession {
  readonly clientId: string;
  /** The stored username, or the name as typed when no user has it. */
  readonly username: string;
  readonly userNotFound: boolean;
  /** The client's SRP_A when it started with one. */
  readonly srpA: bigint | undefined;
  readonly history: readonly SessionEntry[];
  readonly pending: PendingChallenge;
}

interface StoredSession {
  readonly session: AuthSession;
  readonly expiresAtMs: number;
}

const SWEEP_INTERVAL_MS = 1000;
/**
 * How long the token of a session that expired unspent is remembered, so that
 * the client hears Cognito's "session is expired" rather than "Invalid
 * session"; past that (or past the count) it is an unknown token again.
 */
export const EXPIRED_TOKEN_MEMORY_MS = 60 * 60 * 1000;
export const MAX_EXPIRED_TOKENS = 100_000;

/**
 * Sessions in memory only: opaque random tokens, single use (`take` removes),
 * expiring `validitySeconds` after issue. All share one validity, so the Map's
 * insertion order is expiry order and the sweep stops at the first live one.
 * Time comes from `clock`, so that tests can move it.
 */
export class SessionStore {
  private readonly sessions = new Map<string, StoredSession>();
  /** Tokens of sessions that expired before they were used, with when they expired. */
  private readonly expired = new Map<string, number>();
  private readonly sweeper: NodeJS.Timeout;

  constructor(
    private readonly validitySeconds: number,
    private readonly clock: Clock = systemClock,
  ) {
    this.sweeper = setInterval(() => this.sweep(), SWEEP_INTERVAL_MS);
    this.sweeper.unref();
  }

  get size(): number {
    return this.sessions.size;
  }

  /** Stores the session under a new random token (or the given one) and returns the token. */
  issue(session: AuthSession, token: string = randomBytes(48).toString('base64url')): string {
    this.sessions.set(token, { session, expiresAtMs: this.clock.now() + this.validitySeconds * 1000 });
    return token;
  }

  /** The live session behind `token`, left in place (for checks that must not spend it). */
  peek(token: string): AuthSession | undefined {
    const stored = this.sessions.get(token);
    if (stored === undefined) return undefined;
    if (stored.expiresAtMs <= this.clock.now()) {
      this.expire(token, stored);
      return undefined;
    }
    return stored.session;
  }

  /** The live session behind `token`, which can never be used again. */
  take(token: string): AuthSession | undefined {
    const session = this.peek(token);
    this.sessions.delete(token);
    return session;
  }

  /** Whether `token` named a session that expired before it was used (a spent or unknown one did not). */
  hasExpired(token: string): boolean {
    this.peek(token);
    const expiredAtMs = this.expired.get(token);
    return expiredAtMs !== undefined && expiredAtMs + EXPIRED_TOKEN_MEMORY_MS > this.clock.now();
  }

  close(): void {
    clearInterval(this.sweeper);
    this.sessions.clear();
    this.expired.clear();
  }

  private expire(token: string, stored: StoredSession): void {
    this.sessions.delete(token);
    this.expired.set(token, stored.expiresAtMs);
    const oldest = this.expired.keys().next();
    if (this.expired.size > MAX_EXPIRED_TOKENS && oldest.done !== true) this.expired.delete(oldest.value);
  }

  /** Drops expired sessions and forgotten expired tokens: every second on a timer, and on demand. */
  sweep(): void {
    const now = this.clock.now();
    for (const [token, stored] of this.sessions) {
      if (stored.expiresAtMs > now) break;
      this.expire(token, stored);
    }
    for (const [token, expiredAtMs] of this.expired) {
      if (expiredAtMs + EXPIRED_TOKEN_MEMORY_MS > now) break;
      this.expired.delete(token);
    }
  }
}
