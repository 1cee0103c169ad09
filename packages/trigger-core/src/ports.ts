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
