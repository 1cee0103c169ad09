import { createHmac } from 'node:crypto';
// The reference client: the SRP math of amazon-cognito-identity-js, which Cognito accepts.
import AuthenticationHelper from 'amazon-cognito-identity-js/lib/AuthenticationHelper';
import BigInteger from 'amazon-cognito-identity-js/lib/BigInteger';
import DateHelper from 'amazon-cognito-identity-js/lib/DateHelper';
import {
  createPasswordVerifier,
  createServerChallenge,
  decoyPasswordVerifier,
  padHex,
  parseSrpA,
  verifyPasswordClaim,
} from '../../src/crypto/srp';
import { formatSrpTimestamp, parseSrpTimestamp } from '../../src/crypto/srp-timestamp';

const POOL_NAME = 'AbCdEf123';
const USER = 'alice';
const PASSWORD = 'Correct-Horse-1';

/** Runs the client half with the reference library and returns what it would send. */
async function clientClaim(password: string, srpB: string, salt: string, secretBlock: Buffer, timestamp: string) {
  const helper = new AuthenticationHelper(POOL_NAME);
  const srpA = await new Promise<string>((resolve) => helper.getLargeAValue((_e, a) => resolve(a.toString(16))));
  return { srpA, sign: () => new Promise<string>((resolve, reject) => {
    helper.getPasswordAuthenticationKey(USER, password, new BigInteger(srpB, 16), new BigInteger(salt, 16), (err, key) => {
      if (err) return reject(err);
      const message = Buffer.concat([Buffer.from(POOL_NAME), Buffer.from(USER), secretBlock, Buffer.from(timestamp)]);
      resolve(createHmac('sha256', key).update(message).digest('base64'));
    });
  }) };
}

async function attempt(password: string, timestampFor = (t: string) => t) {
  const verifier = createPasswordVerifier(POOL_NAME, USER, PASSWORD);
  const challenge = createServerChallenge(verifier);
  const secretBlock = Buffer.from('opaque secret block');
  const timestamp = new DateHelper().getNowString();
  const client = await clientClaim(password, challenge.srpB, verifier.salt, secretBlock, timestampFor(timestamp));
  const signature = await client.sign();
  const parsed = parseSrpTimestamp(timestamp);
  return verifyPasswordClaim({
    poolName: POOL_NAME,
    userIdForSrp: USER,
    srpA: parseSrpA(client.srpA)!,
    challenge,
    verifier,
    secretBlock,
    timestamp: formatSrpTimestamp(parsed!),
    signature,
  });
}

describe('SRP-6a as Cognito does it', () => {
  it('accepts the proof of the right password from amazon-cognito-identity-js', async () => {
    await expect(attempt(PASSWORD)).resolves.toBe(true);
  });

  it('refuses the proof of a wrong password', async () => {
    await expect(attempt('Wrong-Horse-1')).resolves.toBe(false);
  });

  it('refuses a signature made over a zero-padded day', async () => {
    const padded = (t: string) => t.replace(/^(\w{3} \w{3}) (\d)\b/, '$1 0$2');
    // Only a day below 10 has a padded form; otherwise the claim is simply valid.
    const today = new Date().getUTCDate();
    await expect(attempt(PASSWORD, padded)).resolves.toBe(today >= 10);
  });

  it('formats and reads the TIMESTAMP as Cognito does', () => {
    const date = new Date(Date.UTC(2024, 8, 5, 7, 3, 9));

    expect(formatSrpTimestamp(date)).toBe('Thu Sep 5 07:03:09 UTC 2024');
    expect(parseSrpTimestamp('Thu Sep 05 07:03:09 UTC 2024')).toEqual(date);
    expect(parseSrpTimestamp('Thu Sep 5 07:03:09 +0000 2024')).toBeUndefined();
    expect(parseSrpTimestamp('garbage')).toBeUndefined();
  });

  it('pads integers to the minimal two\'s-complement hex', () => {
    expect(padHex(20n)).toBe('14');
    expect(padHex(236n)).toBe('00ec');
    expect(padHex(0x1abcn)).toBe('1abc');
  });

  it('refuses an SRP_A that is not hex or is a multiple of N', () => {
    expect(parseSrpA('xyz')).toBeUndefined();
    expect(parseSrpA('0')).toBeUndefined();
    expect(parseSrpA('abc')).toBe(0xabcn);
  });

  it('gives an unknown name the same decoy salt every time', () => {
    const seed = Buffer.from('seed');

    expect(decoyPasswordVerifier(seed)).toEqual(decoyPasswordVerifier(seed));
    expect(decoyPasswordVerifier(seed).salt).not.toEqual(decoyPasswordVerifier(Buffer.from('other')).salt);
  });
});
