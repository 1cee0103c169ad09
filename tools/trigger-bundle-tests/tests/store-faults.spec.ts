import { dynamoDbErrorServer, startDynalite } from '@cognito-passwordless/dynamodb-local';
import { LambdaInvocationError, type LambdaFunction } from '@cognito-passwordless/lambda-runner';
import { closedPort, silentServer, startSesSink, type FaultServer, type SesSink } from '@cognito-passwordless/ses-sink';
import { DeployedBundles, localSesEnv, localStoreEnv } from './bundles';
import { CognitoRounds, KNOWN_USER, UNKNOWN_USER } from './cognito-rounds';

/** The state store's faults, each as a loopback endpoint: down, never answering, throttling, no such table. */
const FAULTS: [string, string, () => Promise<FaultServer>][] = [
  ['down', 'unreachable', async () => ({ endpoint: await closedPort(), close: async () => undefined })],
  ['silent', 'timeout', silentServer],
  ['throttled', 'throttled', () => dynamoDbErrorServer('ThrottlingException')],
  ['missing the table', 'missing-table', () => dynamoDbErrorServer('ResourceNotFoundException')],
  ['slow', 'timeout', () => dynamoDbErrorServer('ThrottlingException', { delayMs: 3_000 })],
];

describe('the create and verify bundles when the state store fails', () => {
  let sink: SesSink;
  let bundles: DeployedBundles;
  beforeAll(async () => {
    sink = await startSesSink();
  });
  afterAll(() => sink?.stop());
  beforeEach(async () => {
    bundles = new DeployedBundles();
    await sink.clear();
  });
  afterEach(() => bundles.stop());

  const functionsAt = (storeEndpoint: string) => ({
    define: bundles.start('define-auth-challenge', {}),
    create: bundles.start('create-auth-challenge', { ...localSesEnv(sink.endpoint), ...localStoreEnv(storeEndpoint), EMAIL_FROM: 'sign-in@example.com' }),
    verify: bundles.start('verify-auth-challenge', localStoreEnv(storeEndpoint)),
  });

  async function timed(work: () => Promise<unknown>) {
    const started = Date.now();
    const error = await work().then(
      () => undefined,
      (e: unknown) => e,
    );
    return { error: error as LambdaInvocationError | undefined, elapsedMs: Date.now() - started };
  }

  it.each(FAULTS)('Create fails closed when the store is %s: SignInStateError within 4 s, no email, no challenge', async (_, reason, start) => {
    const server = await start();
    try {
      const fns = functionsAt(server.endpoint);
      await fns.create.warm();

      const known = await timed(() => new CognitoRounds(fns, KNOWN_USER).start());
      const unknown = await timed(() => new CognitoRounds(fns, UNKNOWN_USER).start());

      for (const result of [known, unknown]) {
        expect(result.error).toBeInstanceOf(LambdaInvocationError);
        expect(result.error).toMatchObject({ kind: 'handler-error', errorType: 'SignInStateError' });
        expect(result.elapsedMs).toBeLessThan(4_000);
      }
      expect(unknown.error?.errorMessage).toBe(known.error?.errorMessage);
      expect(await sink.emails()).toHaveLength(0);
      const failures = bundles.logLines.filter((l) => l.includes('"outcome":"store-failed"')).map((l) => JSON.parse(l) as Record<string, unknown>);
      expect(failures.map((f) => [f['trigger'], f['reason']])).toEqual([['create', reason], ['create', reason]]);
    } finally {
      await server.close();
    }
  });

  it.each(FAULTS)('Verify fails closed when the store is %s: no tokens, SignInStateError within 4 s', async (_, reason, start) => {
    // A real challenge, issued while the store was up; then the store goes away.
    const dynalite = await startDynalite();
    await dynalite.createStateTable('sign-in-state');
    const healthy = functionsAt(dynalite.endpoint);
    const flow = new CognitoRounds(healthy, KNOWN_USER);
    const step = await flow.start();
    const code = /\b(\d{6})\b/.exec((await sink.emails())[0]!.body.text!)![1]!;
    await dynalite.stop();
    const server = await start();
    try {
      const broken = functionsAt(server.endpoint);
      const failing = new CognitoRounds({ ...healthy, verify: broken.verify } as Record<'define' | 'create' | 'verify', LambdaFunction>, KNOWN_USER);
      await broken.verify.warm();

      const result = await timed(() => failing.answer(step, code));

      expect(result.error).toMatchObject({ kind: 'handler-error', errorType: 'SignInStateError' });
      expect(result.elapsedMs).toBeLessThan(4_000);
      expect(bundles.logLines.some((l) => l.includes('"trigger":"verify"') && l.includes(`"outcome":"store-failed","reason":"${reason}"`))).toBe(true);
    } finally {
      await server.close();
    }
  });
});
