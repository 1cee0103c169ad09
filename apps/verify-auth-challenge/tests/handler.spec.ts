import { createChallenge } from '@cognito-passwordless/trigger-core';
import type { VerifyAuthChallengeResponseTriggerEvent } from 'aws-lambda';
import { randomBytes } from 'node:crypto';

type Handler = (event: VerifyAuthChallengeResponseTriggerEvent) => Promise<VerifyAuthChallengeResponseTriggerEvent>;

function loadHandler(env: Record<string, string>): Handler {
  const saved = { ...process.env };
  Object.assign(process.env, env);
  try {
    let handler: Handler | undefined;
    jest.isolateModules(() => {
      handler = (require('../src/index') as { handler: Handler }).handler;
    });
    return handler!;
  } finally {
    process.env = saved;
  }
}

/** A challenge as the create trigger issues it for `code`, right now. */
async function issued(code: string) {
  const digits = [...code].map(Number);
  const { response } = await createChallenge(
    { challengeName: 'CUSTOM_CHALLENGE', session: [], userNotFound: false, userAttributes: { email: 'jane@example.com', email_verified: 'true' } },
    { MAX_CODE_ATTEMPTS: 3, CODE_LENGTH: code.length, CODE_TTL_SECONDS: 300 },
    { now: Date.now, random: { randomInt: () => digits.shift()!, randomBytes }, sendCode: async () => undefined },
  );
  return response.privateChallengeParameters;
}

const event = (privateChallengeParameters: Record<string, string>, challengeAnswer: string) =>
  ({
    version: '1',
    region: 'us-east-1',
    userPoolId: 'us-east-1_Example01',
    userName: 'jane@example.com',
    callerContext: { awsSdkVersion: 'aws-sdk-unknown-unknown', clientId: 'client' },
    triggerSource: 'VerifyAuthChallengeResponse_Authentication',
    request: { userAttributes: { sub: 'sub-1' }, privateChallengeParameters, challengeAnswer, userNotFound: false },
    response: {},
  }) as unknown as VerifyAuthChallengeResponseTriggerEvent;

describe('verify-auth-challenge handler', () => {
  let output: string[];
  beforeEach(() => {
    output = [];
    jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => (output.push(String(chunk)), true));
  });
  afterEach(() => jest.restoreAllMocks());

  it('answers answerCorrect for the issued code and logs the outcome without the answer', async () => {
    const handler = loadHandler({});
    const parameters = await issued('271828');

    const right = await handler(event(parameters, '271828'));
    const wrong = await handler(event(parameters, '271829'));

    expect(right.response).toEqual({ answerCorrect: true });
    expect(wrong.response).toEqual({ answerCorrect: false });
    const log = output.join('');
    expect(log).toContain('"outcome":"correct"');
    expect(log).toContain('"outcome":"wrong-code"');
    expect(log).not.toMatch(/27182[89]/);
    expect(log).not.toContain(parameters['challenge']);
  });

  it('uses CODE_LENGTH', async () => {
    const handler = loadHandler({ CODE_LENGTH: '8' });
    const parameters = await issued('27182818');

    expect((await handler(event(parameters, '27182818'))).response.answerCorrect).toBe(true);
  });

  it('fails to load with a ConfigError naming a bad variable', () => {
    expect(() => loadHandler({ CODE_TTL_SECONDS: '30' })).toThrow(expect.objectContaining({ name: 'ConfigError' }));
  });
});
