import type { DefineAuthChallengeTriggerEvent } from 'aws-lambda';

type Handler = (event: DefineAuthChallengeTriggerEvent) => Promise<DefineAuthChallengeTriggerEvent>;

/** Loads the handler as Lambda would, with `env` as the function's configuration. */
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

const event = (session: unknown[], userName = 'jane.doe@example.com') =>
  ({
    version: '1',
    region: 'us-east-1',
    userPoolId: 'us-east-1_Example01',
    userName,
    callerContext: { awsSdkVersion: 'aws-sdk-unknown-unknown', clientId: 'client' },
    triggerSource: 'DefineAuthChallenge_Authentication',
    request: { userAttributes: { email: 'jane.doe@example.com' }, session, userNotFound: false },
    response: {},
  }) as unknown as DefineAuthChallengeTriggerEvent;

describe('define-auth-challenge handler', () => {
  let output: string[];
  beforeEach(() => {
    output = [];
    jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => (output.push(String(chunk)), true));
  });
  afterEach(() => jest.restoreAllMocks());

  it('returns the event with the next challenge in response', async () => {
    const handler = loadHandler({});
    const input = event([]);

    const result = await handler(input);

    expect(result).toEqual({ ...input, response: { challengeName: 'CUSTOM_CHALLENGE', issueTokens: false, failAuthentication: false } });
  });

  it('asks for the password first in password-then-code', async () => {
    const handler = loadHandler({ SIGN_IN_FLOW: 'password-then-code' });

    const result = await handler(event([{ challengeName: 'SRP_A', challengeResult: true, challengeMetadata: null }]));

    expect(result.response.challengeName).toBe('PASSWORD_VERIFIER');
  });

  it('writes one JSON log line per decision, with a masked user name', async () => {
    const handler = loadHandler({});

    await handler(event([]));

    const lines = output.join('').trim().split('\n').map((line) => JSON.parse(line));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 'INFO', trigger: 'define', outcome: 'custom-challenge', round: 1, user: 'j***@e***.com' });
    expect(output.join('')).not.toContain('jane.doe@example.com');
  });

  it('fails to load with a ConfigError naming a bad variable', () => {
    expect(() => loadHandler({ MAX_CODE_ATTEMPTS: '0' })).toThrow(
      expect.objectContaining({ name: 'ConfigError', message: 'MAX_CODE_ATTEMPTS is 0: must be a whole number from 1 to 10' }),
    );
  });
});
