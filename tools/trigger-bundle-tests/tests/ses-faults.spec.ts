import { LambdaInvocationError } from '@cognito-passwordless/lambda-runner';
import { startDynalite, type DynaliteServer } from '@cognito-passwordless/dynamodb-local';
import { closedPort, failingServer, silentServer } from '@cognito-passwordless/ses-sink';
import { DeployedBundles, localSesEnv, localStoreEnv, STATE_TABLE } from './bundles';
import { KNOWN_USER, UNKNOWN_USER, type User } from './cognito-rounds';

const firstRound = (user: User = KNOWN_USER) => ({
  version: '1',
  region: 'us-east-1',
  userPoolId: 'us-east-1_Example01',
  userName: user.userName,
  callerContext: { awsSdkVersion: 'aws-sdk-unknown-unknown', clientId: 'client' },
  triggerSource: 'CreateAuthChallenge_Authentication',
  request: { userAttributes: user.userAttributes, challengeName: 'CUSTOM_CHALLENGE', session: [], userNotFound: user.userNotFound },
  response: {},
});

describe('the create bundle when SES fails', () => {
  let bundles: DeployedBundles;
  let dynalite: DynaliteServer;
  beforeAll(async () => {
    dynalite = await startDynalite();
    await dynalite.createStateTable(STATE_TABLE);
  });
  afterAll(() => dynalite?.stop());
  beforeEach(() => {
    bundles = new DeployedBundles();
  });
  afterEach(() => bundles.stop());

  /** Invokes the create bundle against `endpoint`; returns the error and the time it took. */
  async function attempt(endpoint: string, user: User = KNOWN_USER) {
    const env = { ...localSesEnv(endpoint), ...localStoreEnv(dynalite.endpoint), EMAIL_FROM: 'sign-in@example.com', MAX_CODES_PER_HOUR: '100' };
    const create = bundles.start('create-auth-challenge', env);
    await create.warm();
    const started = Date.now();
    const result: { response?: unknown; error?: LambdaInvocationError } = await create.invoke(firstRound(user)).then(
      (response) => ({ response }),
      (error: unknown) => ({ error: error as LambdaInvocationError }),
    );
    return { ...result, elapsedMs: Date.now() - started };
  }

  const expectTypedFailure = (result: Awaited<ReturnType<typeof attempt>>, message: RegExp) => {
    expect('response' in result).toBe(false);
    expect(result.error).toBeInstanceOf(LambdaInvocationError);
    expect(result.error).toMatchObject({ kind: 'handler-error', errorType: 'EmailDeliveryError' });
    expect(result.error?.errorMessage).toMatch(message);
    expect(result.error?.errorMessage).not.toContain('jane.doe@example.com');
    expect(result.elapsedMs).toBeLessThan(4_000);
  };

  it('throws EmailDeliveryError quickly when nothing listens', async () => {
    expectTypedFailure(await attempt(await closedPort()), /could not reach SES \(ECONNREFUSED\)/);
  });

  it('throws EmailDeliveryError within 4 s when SES never answers', async () => {
    const server = await silentServer();
    try {
      expectTypedFailure(await attempt(server.endpoint), /SES did not answer/);
    } finally {
      await server.close();
    }
  });

  it('throws EmailDeliveryError after a bounded retry when SES answers 500', async () => {
    const server = await failingServer(500);
    try {
      expectTypedFailure(await attempt(server.endpoint), /SES answered HTTP 500/);
      expect(server.requests()).toBe(2);
    } finally {
      await server.close();
    }
  });

  it.each([
    ['refuses connections', () => closedPort().then((endpoint) => ({ endpoint, close: async () => undefined }))],
    ['never answers', silentServer],
    ['answers 500', () => failingServer(500)],
  ])('fails an unknown username exactly as a known one when SES %s', async (_, start) => {
    const server = await start();
    try {
      const known = await attempt(server.endpoint);
      const unknown = await attempt(server.endpoint, UNKNOWN_USER);

      expect(unknown.error).toMatchObject({ kind: 'handler-error', errorType: known.error?.errorType, errorMessage: known.error?.errorMessage });
      expect('response' in unknown).toBe(false);
    } finally {
      await server.close();
    }
  }, 15_000);

  it('logs the failure without the address', async () => {
    await attempt(await closedPort());

    const failures = bundles.logLines.filter((line) => line.includes('"email-failed"'));
    expect(failures).toHaveLength(1);
    expect(bundles.logLines.join('\n')).not.toContain('jane.doe@example.com');
  });
});
