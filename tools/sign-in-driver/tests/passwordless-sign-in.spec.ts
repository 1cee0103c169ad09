import { startLocalStack, type LocalStack } from '@cognito-passwordless/local-stack';
import { resolve } from 'node:path';
import { CodeCollector, CognitoServiceFault, CognitoWire, createConfirmedUser, Mailbox, passwordlessSignIn } from '../src';

describe('passwordlessSignIn against the local stack', () => {
  let stack: LocalStack;
  let wire: CognitoWire;
  beforeAll(async () => {
    stack = await startLocalStack({ workspaceRoot: resolve(__dirname, '../../..'), triggerSettings: { MAX_CODES_PER_HOUR: '1' } });
    wire = new CognitoWire(stack.outputs.cognitoEndpoint);
  });
  afterAll(() => stack?.stop());

  it('signs a confirmed user in with the emailed code', async () => {
    await createConfirmedUser(wire, stack.outputs.userPoolId, 'driver-user', 'driver-user@example.test', 'Correct-Horse-9');

    const tokens = await passwordlessSignIn(
      { wire, mailbox: new Mailbox(stack.outputs.sesEndpoint), clientId: stack.outputs.userPoolClientId },
      'driver-user',
      'driver-user@example.test',
    );

    const claims = JSON.parse(Buffer.from(tokens.IdToken.split('.')[1]!, 'base64url').toString()) as Record<string, unknown>;
    expect(claims).toMatchObject({ 'cognito:username': 'driver-user', email: 'driver-user@example.test', token_use: 'id' });
  });

  it("surfaces Cognito's error type", async () => {
    const error = await wire.call('InitiateAuth', { AuthFlow: 'CUSTOM_AUTH', ClientId: 'nope', AuthParameters: { USERNAME: 'x' } }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(CognitoServiceFault);
    expect(error).toMatchObject({ type: 'ResourceNotFoundException', status: 400 });
  });

  it('gives a collector its slot back when a start is refused, so it can still clear the store', async () => {
    await createConfirmedUser(wire, stack.outputs.userPoolId, 'capped-user', 'capped-user@example.test', 'Correct-Horse-9');
    const collector = new CodeCollector(stack.outputs.sesEndpoint, 1);
    const target = { wire, mailbox: collector, clientId: stack.outputs.userPoolClientId };
    await passwordlessSignIn(target, 'capped-user', 'capped-user@example.test');

    const refused = await passwordlessSignIn(target, 'capped-user', 'capped-user@example.test').catch((e: unknown) => e);
    await createConfirmedUser(wire, stack.outputs.userPoolId, 'next-user', 'next-user@example.test', 'Correct-Horse-9');
    await createConfirmedUser(wire, stack.outputs.userPoolId, 'last-user', 'last-user@example.test', 'Correct-Horse-9');
    const next = await passwordlessSignIn(target, 'next-user', 'next-user@example.test');
    // The collector clears the store between these two: only possible once every started sign-in has ended.
    const last = await passwordlessSignIn(target, 'last-user', 'last-user@example.test');

    expect(refused).toMatchObject({ type: 'UserLambdaValidationException' });
    expect(next.AccessToken.split('.')).toHaveLength(3);
    expect(last.AccessToken.split('.')).toHaveLength(3);
  }, 15_000);
});
