import { createHmac } from 'node:crypto';
import { decoyPasswordVerifier, type PasswordVerifier } from './srp';

const DECOY_CACHE_SIZE = 1000;

/**
 * The SRP salt and verifier an unknown name answers with
 * (PreventUserExistenceErrors): derived from the pool's secret and the name,
 * so two attempts at one name see the same salt, and kept for the next
 * attempts so that they cost what a real user's do. At most
 * DECOY_CACHE_SIZE names are kept; the oldest goes first.
 */
export class DecoyVerifiers {
  private readonly verifiers = new Map<string, PasswordVerifier>();

  constructor(private readonly secret: Buffer) {}

  of(typedName: string): PasswordVerifier {
    const key = typedName.toLowerCase();
    const known = this.verifiers.get(key);
    if (known !== undefined) return known;
    const verifier = decoyPasswordVerifier(createHmac('sha256', this.secret).update(`srp:${key}`).digest());
    const oldest = this.verifiers.keys().next();
    if (this.verifiers.size >= DECOY_CACHE_SIZE && oldest.done !== true) this.verifiers.delete(oldest.value);
    this.verifiers.set(key, verifier);
    return verifier;
  }
}
