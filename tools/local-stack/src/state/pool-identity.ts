import { randomBytes, randomInt } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { calculateJwkThumbprint, exportJWK, generateKeyPair } from 'jose';
import * as v from 'valibot';
import { LocalStackStartError } from '../errors';
import { writeFileAtomic } from '../stack/atomic-file';

const PoolIdentitySchema = v.object({
  version: v.literal(1),
  region: v.string(),
  userPoolId: v.pipe(v.string(), v.regex(/^[a-z]{2}(-[a-z]+)+-\d+_[0-9A-Za-z]+$/)),
  userPoolClientId: v.pipe(v.string(), v.regex(/^[a-z0-9]{26}$/)),
  /** The RS256 private key that signs id and access tokens, as a JWK with its `kid`. */
  signingKey: v.looseObject({ kty: v.literal('RSA'), kid: v.string(), n: v.string(), e: v.string(), d: v.string() }),
  /** Base64 of the 256-bit key that encrypts refresh tokens (JWE, `dir` + A256GCM). */
  refreshTokenKey: v.string(),
  /** Base64 of the secret that derives the decoy SRP salt and verifier of unknown users. */
  decoySeed: v.string(),
});

export type PoolIdentity = v.InferOutput<typeof PoolIdentitySchema>;

export const POOL_FILE_NAME = 'pool.json';

const ALPHANUMERIC = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const LOWER_ALPHANUMERIC = '0123456789abcdefghijklmnopqrstuvwxyz';

function randomString(alphabet: string, length: number): string {
  return Array.from({ length }, () => alphabet[randomInt(alphabet.length)]).join('');
}

async function createPoolIdentity(region: string): Promise<PoolIdentity> {
  const { privateKey } = await generateKeyPair('RS256', { extractable: true, modulusLength: 2048 });
  const { n, e, d, p, q, dp, dq, qi } = await exportJWK(privateKey);
  if (n === undefined || e === undefined || d === undefined) throw new Error('the generated RSA key has no n, e or d');
  const kid = await calculateJwkThumbprint({ kty: 'RSA', n, e });
  return {
    version: 1,
    region,
    // Shaped like Cognito's: `<region>_` and nine alphanumerics; a 26-character lower-case client id.
    userPoolId: `${region}_${randomString(ALPHANUMERIC, 9)}`,
    userPoolClientId: randomString(LOWER_ALPHANUMERIC, 26),
    signingKey: { kty: 'RSA', kid, n, e, d, p, q, dp, dq, qi },
    refreshTokenKey: randomBytes(32).toString('base64'),
    decoySeed: randomBytes(32).toString('base64'),
  };
}

/**
 * The pool's id, client id and keys: read from `<dataDir>/pool.json`, or made
 * and written there on first start, so client configuration and refresh
 * tokens survive restarts. Without a data folder, fresh ones for each start.
 */
export async function loadOrCreatePoolIdentity(dataDir: string | undefined, region: string): Promise<PoolIdentity> {
  if (dataDir === undefined) return createPoolIdentity(region);
  const file = join(dataDir, POOL_FILE_NAME);
  const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    // No file yet (a first start); any other failure stops the start.
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
  if (text === undefined) {
    const identity = await createPoolIdentity(region);
    await writeFileAtomic(file, `${JSON.stringify(identity, null, 2)}\n`);
    return identity;
  }
  try {
    return v.parse(PoolIdentitySchema, JSON.parse(text));
  } catch (cause) {
    throw new LocalStackStartError(
      `${file} is not a pool file this stack wrote (${(cause as Error).message}); move it away or set LOCAL_DATA_DIR to another folder.`,
      { cause },
    );
  }
}
