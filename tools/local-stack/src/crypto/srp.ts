import { createDiffieHellman, createHash, createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Cognito's SRP-6a, server side: the 3072-bit group of RFC 5054 with g = 2 and
 * SHA-256, hashing integers in the minimal two's-complement hex form that
 * amazon-cognito-identity-js (`AuthenticationHelper.padHex`) and Amplify JS use,
 * k = H(N | g), u = H(A | B), x = H(salt | H(poolName | username | ":" | password)),
 * and the session key HKDF-SHA256(ikm = S, salt = u, info = "Caldera Derived Key"),
 * 16 bytes.
 */
const N_HEX =
  'FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD129024E088A67CC74020BBEA63B139B22514A08798E3404DD' +
  'EF9519B3CD3A431B302B0A6DF25F14374FE1356D6D51C245E485B576625E7EC6F44C42E9A637ED6B0BFF5CB6F406B7ED' +
  'EE386BFB5A899FA5AE9F24117C4B1FE649286651ECE45B3DC2007CB8A163BF0598DA48361C55D39A69163FA8FD24CF5F' +
  '83655D23DCA3AD961C62F356208552BB9ED529077096966D670C354E4ABC9804F1746C08CA18217C32905E462E36CE3B' +
  'E39E772C180E86039B2783A2EC07A28FB5C55DF06F4C52C9DE2BCBF6955817183995497CEA956AE515D2261898FA0510' +
  '15728E5A8AAAC42DAD33170D04507A33A85521ABDF1CBA64ECFB850458DBEF0A8AEA71575D060C7DB3970F85A6E1E4C7' +
  'ABF5AE8CDB0933D71E8C94E04A25619DCEE3D2261AD2EE6BF12FFA06D98A0864D87602733EC86A64521F2B18177B200C' +
  'BBE117577A615D6C770988C0BAD946E208E24FA074E5AB3143DB5BFCE0FD108E4B82D120A93AD2CAFFFFFFFFFFFFFFFF';

export const SRP_N = BigInt(`0x${N_HEX}`);
const G = 2n;
const N_BUFFER = Buffer.from(N_HEX, 'hex');
const G_BUFFER = Buffer.from([2]);
const INFO = Buffer.from('Caldera Derived Key', 'utf8');
/** 256 random bits: 128-bit security in the 3072-bit group, and a quarter of the cost of a 1024-bit exponent. */
const EPHEMERAL_BYTES = 32;
const SALT_BYTES = 16;

/** Minimal even-length two's-complement hex of a non-negative integer (Cognito's `padHex`). */
export function padHex(value: bigint): string {
  let hex = value.toString(16);
  if (hex.length % 2 === 1) hex = `0${hex}`;
  return /^[89a-f]/.test(hex) ? `00${hex}` : hex;
}

function hexHash(hex: string): string {
  return createHash('sha256').update(Buffer.from(hex, 'hex')).digest('hex');
}

function toBigInt(bytes: Buffer): bigint {
  return bytes.length === 0 ? 0n : BigInt(`0x${bytes.toString('hex')}`);
}

function toBuffer(value: bigint): Buffer {
  const hex = value.toString(16);
  return Buffer.from(hex.length % 2 === 1 ? `0${hex}` : hex, 'hex');
}

const K = BigInt(`0x${hexHash(padHex(SRP_N) + padHex(G))}`);

/**
 * base^exponent mod N through OpenSSL: a Diffie-Hellman object over N computes
 * peer^private mod N, about 7× faster than a BigInt square-and-multiply loop.
 * Throws for a base OpenSSL refuses as a public key (0, 1, N-1, ≥ N).
 */
function modPow(base: bigint, exponent: bigint): bigint {
  const dh = createDiffieHellman(N_BUFFER, G_BUFFER);
  dh.setPrivateKey(toBuffer(exponent));
  return toBigInt(dh.computeSecret(toBuffer(base)));
}

/** What the pool stores instead of a password. */
export interface PasswordVerifier {
  /** Hex, as sent in `SALT`. */
  readonly salt: string;
  /** Hex of g^x mod N. */
  readonly verifier: string;
}

function privateKeyX(poolName: string, userIdForSrp: string, password: string, saltHex: string): bigint {
  const identityHash = createHash('sha256').update(`${poolName}${userIdForSrp}:${password}`, 'utf8').digest('hex');
  return BigInt(`0x${hexHash(padHex(BigInt(`0x${saltHex}`)) + identityHash)}`);
}

export function createPasswordVerifier(poolName: string, userIdForSrp: string, password: string): PasswordVerifier {
  const salt = padHex(toBigInt(randomBytes(SALT_BYTES)));
  const verifier = modPow(G, privateKeyX(poolName, userIdForSrp, password, salt));
  return { salt, verifier: verifier.toString(16) };
}

/**
 * A verifier no password matches, the same for every call with the same seed:
 * what an unknown user answers with (PreventUserExistenceErrors), so that two
 * attempts at one name see the same salt, and the cost equals a real user's.
 */
export function decoyPasswordVerifier(seed: Buffer): PasswordVerifier {
  const salt = padHex(toBigInt(createHmac('sha256', seed).update('salt').digest().subarray(0, SALT_BYTES)));
  const x = toBigInt(createHmac('sha256', seed).update('verifier').digest());
  return { salt, verifier: modPow(G, x).toString(16) };
}

/** Parses a client's `SRP_A`: hex, and A mod N ≠ 0 as SRP-6a requires. */
export function parseSrpA(hex: string): bigint | undefined {
  if (!/^[0-9a-fA-F]{1,1024}$/.test(hex)) return undefined;
  const a = BigInt(`0x${hex}`);
  return a % SRP_N === 0n ? undefined : a;
}

/** The server's half of one password check. */
export interface SrpServerChallenge {
  readonly b: bigint;
  /** Hex, as sent in `SRP_B`. */
  readonly srpB: string;
}

export function createServerChallenge(verifier: PasswordVerifier): SrpServerChallenge {
  const v = BigInt(`0x${verifier.verifier}`);
  for (;;) {
    const b = toBigInt(randomBytes(EPHEMERAL_BYTES));
    const bigB = (K * v + modPow(G, b)) % SRP_N;
    if (b !== 0n && bigB !== 0n) return { b, srpB: bigB.toString(16) };
  }
}

export interface PasswordClaim {
  readonly poolName: string;
  readonly userIdForSrp: string;
  readonly srpA: bigint;
  readonly challenge: SrpServerChallenge;
  readonly verifier: PasswordVerifier;
  readonly secretBlock: Buffer;
  /** The canonical form of the client's `TIMESTAMP`. */
  readonly timestamp: string;
  /** Base64, as sent in `PASSWORD_CLAIM_SIGNATURE`. */
  readonly signature: string;
}

/** True when the client proved knowledge of the password behind the verifier. */
export function verifyPasswordClaim(claim: PasswordClaim): boolean {
  const bigB = BigInt(`0x${claim.challenge.srpB}`);
  const u = BigInt(`0x${hexHash(padHex(claim.srpA) + padHex(bigB))}`);
  if (u === 0n) return false;
  let s: bigint;
  try {
    const v = BigInt(`0x${claim.verifier.verifier}`);
    s = modPow((claim.srpA * modPow(v, u)) % SRP_N, claim.challenge.b);
  } catch {
    // OpenSSL refused a degenerate base (0, 1 or N-1): no honest client sends one.
    return false;
  }
  const key = Buffer.from(hkdfSync('sha256', Buffer.from(padHex(s), 'hex'), Buffer.from(padHex(u), 'hex'), INFO, 16));
  const expected = createHmac('sha256', key)
    .update(Buffer.concat([Buffer.from(claim.poolName, 'utf8'), Buffer.from(claim.userIdForSrp, 'utf8'), claim.secretBlock, Buffer.from(claim.timestamp, 'utf8')]))
    .digest();
  const given = Buffer.from(claim.signature, 'base64');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
