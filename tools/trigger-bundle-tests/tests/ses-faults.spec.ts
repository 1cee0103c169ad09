import { LambdaInvocationError } from '@cognito-passwordless/lambda-runner';
import { closedPort, failingServer, silentServer } from '@cognito-passwordless/ses-sink';
import { DeployedBundles, localSesEnv } from './bundles';
import { KNOWN_USER } from './cognito-rounds';

const firstRound = {
  version: '1',
  region: 'us-east-1',
  userPoolId: 'us-east-1_Example01',
  userName: KNOWN_USER.userName,
  callerContext: { awsSdkVersion: 'aws-sdk-unknown-unknown', clientId: 'client' },
  triggerSource: 'CreateAuthChallenge_Authentication',
  request: { userAttributes: KNOWN_USER.userAttributes, challengeName: 'CUSTOM_CHALLENGE', session: [], userNotFound: false },
  response: {},
};

describe('the create bundle when SES fails', () => {
  let bundles: DeployedBundles;
  beforeEach(() => {
    bundles = new DeployedBundles();
  });
  afterEach(() => bundles.stop());

  /** Invokes the create bundle against `endpoint`; returns the error and the time it took. */
  async function attempt(endpoint: string) {
    const create = bundles.start('create-auth-challenge', { ...localSesEnv(endpoint), EMAIL_FROM: 'sign-in@example.com' });
    await create.warm();
    const started = Date.now();
    const result: { response?: unknown; error?: LambdaInvocationError } = await create.invoke(firstRound).then(
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

  it('logs the failure without the address', async () => {
    await attempt(await closedPort());

    const failures = bundles.logLines.filter((line) => line.includes('"email-failed"'));
    expect(failures).toHaveLength(1);
    expect(bundles.logLines.join('\n')).not.toContain('jane.doe@example.com');
  });
});
