import { dynamoDbErrorServer, startDynalite, type DynaliteServer } from '@cognito-passwordless/dynamodb-local';
import { createDynamoDbClient, createDynamoDbStateStore } from '@cognito-passwordless/sign-in-state-store';
import { createChallenge } from '@cognito-passwordless/trigger-core';
import type { VerifyAuthChallengeResponseTriggerEvent } from 'aws-lambda';
import { randomBytes } from 'node:crypto';

type Handler = (event: VerifyAuthChallengeResponseTriggerEvent) => Promise<VerifyAuthChallengeResponseTriggerEvent>;

const TABLE = 'sign-in-state';
const savedEnv = { ...process.env };

/** Loads the handler with `env` as the function's whole environment, which stays in place until the test ends. */
function loadHandler(env: Record<string, string>): Handler {
  process.env = { ...env };
  let handler: Handler | undefined;
  jest.isolateModules(() => {
    handler = (require('../src/index') as { handler: Handler }).handler;
  });
  return handler!;
}

const base = {
  version: '1',
  region: 'us-east-1',
  userPoolId: 'us-east-1_Example01',
  userName: 'jane@example.com',
  callerContext: { awsSdkVersion: 'aws-sdk-unknown-unknown', clientId: 'client' },
};

/** A challenge as the create trigger issues it for `code`, right now, into the same table. */
async function issued(code: string, userName = base.userName) {
  const digits = [...code].map(Number);
  const { response } = await createChallenge(
    {
      ...base,
      userName,
      request: { challengeName: 'CUSTOM_CHALLENGE', session: [], userNotFound: false, userAttributes: { email: 'jane@example.com', email_verified: 'true' } },
    },
    { MAX_CODE_ATTEMPTS: 3, CODE_LENGTH: code.length, CODE_TTL_SECONDS: 300, MAX_CODES_PER_HOUR: 100, MAX_FAILED_ANSWERS_PER_DAY: 30, RESEND_COOLDOWN_SECONDS: 30 },
    {
      now: Date.now,
      random: { randomInt: () => digits.shift()!, randomBytes },
      sendCode: async () => undefined,
      store: createDynamoDbStateStore(createDynamoDbClient(), { SIGN_IN_STATE_TABLE: TABLE }),
    },
  );
  return response.privateChallengeParameters;
}

const event = (privateChallengeParameters: Record<string, string>, challengeAnswer: string) =>
  ({
    ...base,
    triggerSource: 'VerifyAuthChallengeResponse_Authentication',
    request: { userAttributes: { sub: 'sub-1' }, privateChallengeParameters, challengeAnswer, userNotFound: false },
    response: {},
  }) as unknown as VerifyAuthChallengeResponseTriggerEvent;

describe('verify-auth-challenge handler', () => {
  let server: DynaliteServer;
  let output: string[];
  const env = (endpoint = server.endpoint) => ({
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
    AWS_ENDPOINT_URL_DYNAMODB: endpoint,
    SIGN_IN_STATE_TABLE: TABLE,
  });

  beforeAll(async () => {
    server = await startDynalite();
    await server.createStateTable(TABLE);
  });
  afterAll(() => server?.stop());
  beforeEach(() => {
    output = [];
    for (const stream of [process.stdout, process.stderr]) {
      jest.spyOn(stream, 'write').mockImplementation((chunk) => (output.push(String(chunk)), true));
    }
  });
  afterEach(() => {
    jest.restoreAllMocks();
    process.env = { ...savedEnv };
  });

  it('answers answerCorrect for the issued code and logs the outcome without the answer', async () => {
    const handler = loadHandler(env());
    const parameters = await issued('271828');

    const wrong = await handler(event(parameters, '271829'));
    const right = await handler(event(parameters, '271828'));

    expect(right.response).toEqual({ answerCorrect: true });
    expect(wrong.response).toEqual({ answerCorrect: false });
    const log = output.join('');
    expect(log).toContain('"outcome":"correct"');
    expect(log).toContain('"outcome":"wrong-code"');
    expect(log).not.toMatch(/27182[89]/);
    expect(log).not.toContain(parameters['challenge']);
  });

  it('uses CODE_LENGTH', async () => {
    const handler = loadHandler({ ...env(), CODE_LENGTH: '8' });
    const parameters = await issued('27182818');

    expect((await handler(event(parameters, '27182818'))).response.answerCorrect).toBe(true);
  });

  it('logs limited with its reason once MAX_FAILED_ANSWERS_PER_DAY is reached', async () => {
    const handler = loadHandler({ ...env(), MAX_FAILED_ANSWERS_PER_DAY: '1' });
    const parameters = await issued('161803', 'limited@example.com');
    await handler({ ...event(parameters, '000000'), userName: 'limited@example.com' });

    const refused = await handler({ ...event(parameters, '161803'), userName: 'limited@example.com' });

    expect(refused.response).toEqual({ answerCorrect: false });
    const lines = output.join('').split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.at(-1)).toMatchObject({ trigger: 'verify', outcome: 'limited', reason: 'failed-answers-per-day' });
  });

  it('throws SignInStateError and logs store-failed with a fixed reason when the table is throttled', async () => {
    const parameters = await (async () => {
      process.env = { ...env() };
      return issued('141421');
    })();
    const throttling = await dynamoDbErrorServer('ThrottlingException');
    try {
      const handler = loadHandler(env(throttling.endpoint));

      await expect(handler(event(parameters, '141421'))).rejects.toMatchObject({ name: 'SignInStateError', reason: 'throttled' });

      expect(output.join('')).toContain('"outcome":"store-failed","reason":"throttled"');
    } finally {
      await throttling.close();
    }
  });

  it('fails to load with a ConfigError naming a bad variable', () => {
    expect(() => loadHandler({ ...env(), CODE_TTL_SECONDS: '30' })).toThrow(expect.objectContaining({ name: 'ConfigError' }));
  });

  it('fails to load without SIGN_IN_STATE_TABLE', () => {
    const { SIGN_IN_STATE_TABLE: _, ...rest } = env();
    expect(() => loadHandler(rest)).toThrow(expect.objectContaining({ name: 'ConfigError', variable: 'SIGN_IN_STATE_TABLE' }));
  });
});
