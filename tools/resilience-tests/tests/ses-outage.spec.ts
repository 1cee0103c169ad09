import { startLocalStack, type LocalStack } from '@cognito-passwordless/local-stack';
import { startSesSink, startSesSwitch, type SesSink, type SesSwitch, type SesSwitchMode } from '@cognito-passwordless/ses-sink';
import { CognitoServiceFault, CognitoWire, createConfirmedUser, Mailbox, passwordlessSignIn } from '@cognito-passwordless/sign-in-driver';
import { LogAudit } from './support/log-audit';
import { PASSWORD, WORKSPACE_ROOT } from './support/workspace';

/** Cognito gives a trigger about 5 seconds; the client must hear back within that. */
const COGNITO_TRIGGER_BUDGET_MS = 5_000;

describe('SES fails during sign-in, then comes back', () => {
  const audit = new LogAudit();
  let sink: SesSink;
  let ses: SesSwitch;
  let stack: LocalStack;
  let wire: CognitoWire;
  const user = { username: 'outage-user', email: 'outage-user@example.test' };

  beforeAll(async () => {
    sink = await startSesSink();
    ses = await startSesSwitch(sink.endpoint);
    // One user signs in again after each outage: the per-user cap is not what this test is about.
    stack = await startLocalStack({ workspaceRoot: WORKSPACE_ROOT, sesEndpoint: ses.endpoint, log: audit.log, triggerSettings: { MAX_CODES_PER_HOUR: '100' } });
    wire = new CognitoWire(stack.outputs.cognitoEndpoint);
    audit.secret(PASSWORD, user.email);
    await createConfirmedUser(wire, stack.outputs.userPoolId, user.username, user.email, PASSWORD);
  });
  afterAll(async () => {
    await stack?.stop();
    await ses?.stop();
    await sink?.stop();
  });

  it.each<[string, SesSwitchMode]>([
    ['down (connection refused)', 'down'],
    ['slow (never answers)', 'silent'],
    ['answering HTTP 500', 'error'],
  ])('when SES is %s: a Cognito error within 5 s, no challenge left, no email; then sign-in works again', async (_, mode) => {
    await sink.clear();
    const sessionsBefore = stack.sessionCount();
    await ses.setMode(mode);

    const started = Date.now();
    const error = await wire
      .call('InitiateAuth', { AuthFlow: 'CUSTOM_AUTH', ClientId: stack.outputs.userPoolClientId, AuthParameters: { USERNAME: user.username } })
      .catch((e: unknown) => e);
    const elapsedMs = Date.now() - started;

    expect(error).toBeInstanceOf(CognitoServiceFault);
    expect(error).toMatchObject({ type: 'UserLambdaValidationException', status: 400 });
    expect((error as Error).message).toMatch(/CreateAuthChallenge failed with error Could not send the sign-in email/);
    expect(elapsedMs).toBeLessThan(COGNITO_TRIGGER_BUDGET_MS);
    expect(stack.sessionCount()).toBe(sessionsBefore);
    expect(await sink.emails()).toEqual([]);

    await ses.setMode('up');
    const tokens = await passwordlessSignIn({ wire, mailbox: new Mailbox(sink.endpoint), clientId: stack.outputs.userPoolClientId }, user.username, user.email);
    audit.secret(tokens.IdToken, tokens.AccessToken);
    expect(tokens.AccessToken.split('.')).toHaveLength(3);
    expect(await sink.emails()).toHaveLength(1);
  });

  it('logs the failures without a code, password, token or address', async () => {
    for (const email of await sink.emails()) audit.secret(...(email.body.text?.match(/\b\d{6,10}\b/g) ?? []));
    expect(audit.lines.some((line) => line.includes('"outcome":"email-failed"'))).toBe(true);
    expect(audit.leaks()).toEqual([]);
  });
});
