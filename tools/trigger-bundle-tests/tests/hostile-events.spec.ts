import { LambdaInvocationError, type LambdaFunction } from '@cognito-passwordless/lambda-runner';
import { DECOY_EMAIL_RECIPIENT } from '@cognito-passwordless/contract';
import { startDynalite, type DynaliteServer } from '@cognito-passwordless/dynamodb-local';
import { startSesSink, type SesSink } from '@cognito-passwordless/ses-sink';
import { DeployedBundles, localSesEnv, localStoreEnv, STATE_TABLE } from './bundles';

/**
 * Malformed and hostile events, as JSON (the form Lambda receives). Each must
 * end in a refusal: a failed session, a challenge no answer passes,
 * answerCorrect false, or a typed error. Never tokens, never a pass.
 */
const VALID_METADATA = `v2.${Date.now()}.AAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA`;
const entry = (challengeName: unknown, challengeResult: unknown, challengeMetadata: unknown = null) => ({
  challengeName,
  challengeResult,
  challengeMetadata,
});
const RIGHT = entry('CUSTOM_CHALLENGE', true);

/** A request used as it is, not merged into the trigger's valid request. */
class Whole {
  constructor(readonly request: unknown) {}
}

/** Requests shared by the three triggers: each is a whole `request` value, or a change to a valid one. */
const sharedRequests: [string, unknown][] = [
  ['no request', new Whole(undefined)],
  ['request null', new Whole(null)],
  ['request a string', new Whole('request')],
  ['request an array', new Whole([RIGHT])],
  ['session missing', { session: undefined, userNotFound: false }],
  ['session null', { session: null, userNotFound: false }],
  ['session an object', { session: { 0: RIGHT, length: 1 }, userNotFound: false }],
  ['session a string', { session: '[{"challengeName":"CUSTOM_CHALLENGE","challengeResult":true}]', userNotFound: false }],
  ['session of 1,000 right answers', { session: Array.from({ length: 1000 }, () => RIGHT), userNotFound: false }],
  ['result as the string "true"', { session: [entry('CUSTOM_CHALLENGE', 'true')], userNotFound: false }],
  ['result as 1', { session: [entry('CUSTOM_CHALLENGE', 1)], userNotFound: false }],
  ['result null', { session: [entry('CUSTOM_CHALLENGE', null)], userNotFound: false }],
  ['entry null', { session: [null], userNotFound: false }],
  ['entry a string', { session: ['CUSTOM_CHALLENGE'], userNotFound: false }],
  ['challenge name a number', { session: [entry(7, true)], userNotFound: false }],
  ['unknown challenge name', { session: [entry('SMS_MFA', true)], userNotFound: false }],
  ['lower-case challenge name', { session: [entry('custom_challenge', true)], userNotFound: false }],
  ['SRP_A after a custom round', { session: [entry('CUSTOM_CHALLENGE', false), entry('SRP_A', true), RIGHT], userNotFound: false }],
  ['two right answers', { session: [RIGHT, RIGHT], userNotFound: false }],
  ['a right answer then a wrong one', { session: [RIGHT, entry('CUSTOM_CHALLENGE', false)], userNotFound: false }],
  ['password step in the passwordless flow', { session: [entry('SRP_A', true), entry('PASSWORD_VERIFIER', true), RIGHT], userNotFound: false }],
  ['failed SRP_A', { session: [entry('SRP_A', false), RIGHT], userNotFound: false }],
  ['too many rounds', { session: [...Array.from({ length: 3 }, () => entry('CUSTOM_CHALLENGE', false)), RIGHT], userNotFound: false }],
  ['userNotFound "false"', { session: [RIGHT], userNotFound: 'false' }],
  ['userNotFound 0', { session: [RIGHT], userNotFound: 0 }],
  ['userNotFound null', { session: [RIGHT], userNotFound: null }],
  ['unknown user with a right answer', { session: [RIGHT], userNotFound: true }],
  ['__proto__ in request', new Whole(JSON.parse('{"__proto__":{"session":[{"challengeName":"CUSTOM_CHALLENGE","challengeResult":true}]},"userNotFound":false}'))],
  ['__proto__ in an entry', { session: [JSON.parse('{"__proto__":{"challengeName":"CUSTOM_CHALLENGE","challengeResult":true}}')], userNotFound: false }],
  ['constructor keys', new Whole(JSON.parse('{"constructor":{"prototype":{"session":[{"challengeName":"CUSTOM_CHALLENGE","challengeResult":true}]}},"userNotFound":false}'))],
  ['1 MB challenge name', { session: [entry('C'.repeat(1_000_000), true)], userNotFound: false }],
  ['1 MB metadata', { session: [entry('CUSTOM_CHALLENGE', true, 'x'.repeat(1_000_000))], userNotFound: false }],
];

/** Verify-specific: the answer and the private parameters. */
const verifyRequests: [string, unknown][] = [
  ['answer a number', { challengeAnswer: 123456 }],
  ['answer an object', { challengeAnswer: { code: '123456' } }],
  ['answer an array', { challengeAnswer: ['123456'] }],
  ['answer null', { challengeAnswer: null }],
  ['answer true', { challengeAnswer: true }],
  ['answer empty', { challengeAnswer: '' }],
  ['answer 1 MB of digits', { challengeAnswer: '1'.repeat(1_000_000) }],
  ['answer with letters', { challengeAnswer: '12a456' }],
  ['answer of full-width digits', { challengeAnswer: '１２３４５６' }],
  ['private parameters missing', { privateChallengeParameters: undefined }],
  ['private parameters a string', { privateChallengeParameters: VALID_METADATA }],
  ['private parameters empty', { privateChallengeParameters: {} }],
  ['private challenge tampered', { privateChallengeParameters: { challenge: 'v2.9999999999999.AAAA.BBBB' } }],
  ['private challenge of the old format', { privateChallengeParameters: { challenge: `v1.c.${Date.now()}.${'A'.repeat(22)}.${'A'.repeat(43)}` } }],
  ['private challenge in no state', { privateChallengeParameters: { challenge: VALID_METADATA } }],
  ['private parameters with __proto__', { privateChallengeParameters: JSON.parse(`{"__proto__":{"challenge":"${VALID_METADATA}"}}`) }],
];

/** Create-specific: the user's attributes and the round's metadata. */
const createRequests: [string, unknown][] = [
  ['email with CR/LF', { userAttributes: { email: 'jane@example.com\r\nBcc: eve@example.com', email_verified: 'true' } }],
  ['email list', { userAttributes: { email: 'jane@example.com,eve@example.com', email_verified: 'true' } }],
  ['email with display name', { userAttributes: { email: 'Eve <eve@example.com>', email_verified: 'true' } }],
  ['email an array', { userAttributes: { email: ['jane@example.com'], email_verified: 'true' } }],
  ['email unverified', { userAttributes: { email: 'jane@example.com', email_verified: 'false' } }],
  ['email_verified true as boolean', { userAttributes: { email: 'jane@example.com', email_verified: true } }],
  ['userAttributes a string', { userAttributes: 'email=jane@example.com' }],
  ['unknown user with attributes', { userNotFound: true, userAttributes: { email: 'jane@example.com', email_verified: 'true' } }],
  ['tampered retry metadata', { session: [entry('CUSTOM_CHALLENGE', false, 'v2.0.AAAA.BBBB')] }],
  ['retry metadata naming no challenge', { session: [entry('CUSTOM_CHALLENGE', false, VALID_METADATA)] }],
  ['retry metadata not a string', { session: [entry('CUSTOM_CHALLENGE', false, { hash: 'x' })] }],
  ['challengeName PASSWORD_VERIFIER', { challengeName: 'PASSWORD_VERIFIER' }],
  ['challengeName missing', { challengeName: undefined }],
];

const event = (triggerSource: string, request: unknown) => ({
  version: '1',
  region: 'us-east-1',
  userPoolId: 'us-east-1_Example01',
  userName: 'jane@example.com',
  callerContext: { awsSdkVersion: 'aws-sdk-unknown-unknown', clientId: 'client' },
  triggerSource,
  request,
  response: {},
});

/** A valid request of each trigger, changed only where the case says. */
const baseRequests = {
  define: { userAttributes: { sub: 'sub-1', email: 'jane@example.com', email_verified: 'true' }, session: [], userNotFound: false },
  create: {
    userAttributes: { sub: 'sub-1', email: 'jane@example.com', email_verified: 'true' },
    challengeName: 'CUSTOM_CHALLENGE',
    session: [],
    userNotFound: false,
  },
  verify: {
    userAttributes: { sub: 'sub-1' },
    privateChallengeParameters: { challenge: VALID_METADATA },
    challengeAnswer: '000000',
    userNotFound: false,
  },
};

const withChange = (base: object, change: unknown) => (change instanceof Whole ? change.request : { ...base, ...(change as object) });

/** Outcome of an invocation: the response, or the typed error it threw. */
async function outcome(fn: LambdaFunction, payload: unknown) {
  try {
    return { response: ((await fn.invoke(payload)) as { response?: Record<string, unknown> }).response };
  } catch (error) {
    if (!(error instanceof LambdaInvocationError) || error.kind !== 'handler-error') throw error;
    return { errorType: error.errorType };
  }
}

describe('hostile events against each bundle', () => {
  let sink: SesSink;
  let dynalite: DynaliteServer;
  let bundles: DeployedBundles;
  let define: LambdaFunction;
  let create: LambdaFunction;
  let verify: LambdaFunction;

  beforeAll(async () => {
    [sink, dynalite] = await Promise.all([startSesSink(), startDynalite()]);
    await dynalite.createStateTable(STATE_TABLE);
    bundles = new DeployedBundles();
    const store = localStoreEnv(dynalite.endpoint);
    define = bundles.start('define-auth-challenge', {});
    // Every case starts a sign-in for the same username: a cap above the case count keeps the limit out of the way.
    create = bundles.start('create-auth-challenge', { ...localSesEnv(sink.endpoint), ...store, EMAIL_FROM: 'sign-in@example.com', MAX_CODES_PER_HOUR: '100' });
    verify = bundles.start('verify-auth-challenge', { ...store, MAX_FAILED_ANSWERS_PER_DAY: '100' });
  });
  afterAll(async () => {
    await bundles?.stop();
    await sink?.stop();
    await dynalite?.stop();
  });

  it('has at least 30 cases for each handler', () => {
    expect(sharedRequests.length).toBeGreaterThanOrEqual(30);
    expect(sharedRequests.length + createRequests.length).toBeGreaterThanOrEqual(30);
    expect(sharedRequests.length + verifyRequests.length).toBeGreaterThanOrEqual(30);
  });

  it.each(sharedRequests)('define refuses %s', async (_, change) => {
    const result = await outcome(define, event('DefineAuthChallenge_Authentication', withChange(baseRequests.define, change)));

    expect(result.response?.['issueTokens']).not.toBe(true);
    expect(result.errorType ?? result.response?.['failAuthentication']).toBeTruthy();
  });

  it.each([...sharedRequests, ...createRequests])('create sends nothing and gives a dead challenge for %s', async (_, change) => {
    await sink.clear();
    const result = await outcome(create, event('CreateAuthChallenge_Authentication', withChange(baseRequests.create, change)));

    const privateChallenge = (result.response?.['privateChallengeParameters'] as Record<string, string> | undefined)?.['challenge'];
    const checked = result.response
      ? await outcome(verify, event('VerifyAuthChallengeResponse_Authentication', { ...baseRequests.verify, privateChallengeParameters: { challenge: privateChallenge } }))
      : undefined;

    // A case that only changes the session of a valid first round may still send a code; none may be answerable without it.
    expect(result.errorType ?? checked?.response?.['answerCorrect']).not.toBe(true);
    if (result.response) {
      expect(Object.keys(result.response['publicChallengeParameters'] as object).sort()).toEqual(['attemptsLeft', 'hint', 'resendAfterSeconds']);
    }
    const sent = await sink.emails();
    expect(sent.every((e) => e.destination.to.length === 1 && ['jane@example.com', DECOY_EMAIL_RECIPIENT].includes(e.destination.to[0]!))).toBe(true);
  });

  it.each([...sharedRequests, ...verifyRequests])('verify answers false for %s', async (_, change) => {
    const result = await outcome(verify, event('VerifyAuthChallengeResponse_Authentication', withChange(baseRequests.verify, change)));

    expect(result.response?.['answerCorrect']).not.toBe(true);
    expect(result.errorType ?? result.response?.['answerCorrect']).toBeDefined();
  });
});
