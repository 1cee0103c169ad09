import { startLocalStack, type LocalStack } from '@cognito-passwordless/local-stack';
import { resolve } from 'node:path';
import { CognitoServiceFault, CognitoWire, createConfirmedUser, Mailbox, passwordlessSignIn } from '../src';

describe('passwordlessSignIn against the local stack', () => {
  let stack: LocalStack;
  let wire: CognitoWire;
  beforeAll(async () => {
    stack = await startLocalStack({ workspaceRoot: resolve(__dirname, '../../..') });
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
});
