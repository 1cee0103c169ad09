import { formatSrpTimestamp } from '../../src/crypto/srp-timestamp';
import { InvalidParameterException } from '../../src/errors';
import { CustomChallengeResponses, parseChallengeResponses, PasswordVerifierResponses } from '../../src/operations/challenge-responses';
import { refusal } from '../support/refusal';

const TIMESTAMP = 'Thu Sep 5 07:03:09 UTC 2024';
const PASSWORD_CLAIM = { USERNAME: 'alice', PASSWORD_CLAIM_SIGNATURE: 'c2lnbmF0dXJl', PASSWORD_CLAIM_SECRET_BLOCK: 'YmxvY2s=', TIMESTAMP };

describe('ChallengeResponses, parsed per challenge before any is handled', () => {
  it('gives CUSTOM_CHALLENGE its username and answer, and ignores other responses', () => {
    expect(parseChallengeResponses(CustomChallengeResponses, { USERNAME: 'alice', ANSWER: '123456', EXTRA: 'x' })).toEqual({ username: 'alice', answer: '123456' });
  });

  it('gives PASSWORD_VERIFIER the signature, the secret block as bytes and the timestamp as a date', () => {
    const parsed = parseChallengeResponses(PasswordVerifierResponses, PASSWORD_CLAIM);

    expect(parsed).toEqual({ username: 'alice', signature: 'c2lnbmF0dXJl', secretBlock: Buffer.from('block'), timestamp: expect.any(Date) });
    expect(formatSrpTimestamp(parsed.timestamp)).toBe(TIMESTAMP);
  });

  it.each([
    ['USERNAME first', CustomChallengeResponses, {}, 'USERNAME'],
    ['an empty ANSWER as missing', CustomChallengeResponses, { USERNAME: 'alice', ANSWER: '' }, 'ANSWER'],
    ['the signature before the rest', PasswordVerifierResponses, { USERNAME: 'alice', TIMESTAMP: 'garbage' }, 'PASSWORD_CLAIM_SIGNATURE'],
    ['the secret block before the timestamp', PasswordVerifierResponses, { ...PASSWORD_CLAIM, PASSWORD_CLAIM_SECRET_BLOCK: '', TIMESTAMP: '' }, 'PASSWORD_CLAIM_SECRET_BLOCK'],
    ['a missing timestamp', PasswordVerifierResponses, { ...PASSWORD_CLAIM, TIMESTAMP: '' }, 'TIMESTAMP'],
  ])('names the first missing response: %s', (_what, schema, responses, name) => {
    const error = refusal(() => parseChallengeResponses(schema, responses));

    expect(error).toBeInstanceOf(InvalidParameterException);
    expect(error).toMatchObject({ message: `Missing required parameter ${name}` });
  });

  it('says what a TIMESTAMP should look like when it cannot be read', () => {
    const error = refusal(() => parseChallengeResponses(PasswordVerifierResponses, { ...PASSWORD_CLAIM, TIMESTAMP: '2024-09-05T07:03:09Z' }));

    expect(error).toBeInstanceOf(InvalidParameterException);
    expect(error).toMatchObject({ message: 'TIMESTAMP format should be EEE MMM d HH:mm:ss z yyyy in english.' });
  });
});
