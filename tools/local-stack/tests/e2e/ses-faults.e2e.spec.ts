import { AdminCreateUserCommand, AdminSetUserPasswordCommand, InitiateAuthCommand, SignUpCommand } from '@aws-sdk/client-cognito-identity-provider';
import { failingServer, type FaultServer } from '@cognito-passwordless/ses-sink';
import { failure, leakedSecrets, PASSWORD, startTestStack, uniqueUser, type TestStack } from '../support/test-stack';

describe('when SES answers HTTP 500', () => {
  let ses: FaultServer;
  let t: TestStack;

  beforeAll(async () => {
    ses = await failingServer(500);
    t = await startTestStack({ sesEndpoint: ses.endpoint });
  });
  afterAll(async () => {
    await t?.stop();
    await ses?.close();
  });

  it('answers SignUp with CodeDeliveryFailureException', async () => {
    const user = uniqueUser();
    t.secrets.add(user.email);

    const error = await failure(
      t.client.send(
        new SignUpCommand({ ClientId: t.outputs.userPoolClientId, Username: user.username, Password: PASSWORD, UserAttributes: [{ Name: 'email', Value: user.email }] }),
      ),
    );

    expect(error).toMatchObject({ name: 'CodeDeliveryFailureException' });
  });

  it("answers a sign-in with the create trigger's error, within Cognito's 5 s", async () => {
    const user = uniqueUser();
    t.secrets.add(user.email);
    await t.client.send(
      new AdminCreateUserCommand({
        UserPoolId: t.outputs.userPoolId,
        Username: user.username,
        MessageAction: 'SUPPRESS',
        UserAttributes: [{ Name: 'email', Value: user.email }, { Name: 'email_verified', Value: 'true' }],
      }),
    );
    await t.client.send(new AdminSetUserPasswordCommand({ UserPoolId: t.outputs.userPoolId, Username: user.username, Password: PASSWORD, Permanent: true }));
    const started = Date.now();

    const error = await failure(
      t.client.send(new InitiateAuthCommand({ ClientId: t.outputs.userPoolClientId, AuthFlow: 'CUSTOM_AUTH', AuthParameters: { USERNAME: user.username } })),
    );

    expect(error).toMatchObject({ name: 'UserLambdaValidationException', message: expect.stringMatching(/^CreateAuthChallenge failed with error /) });
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('logs no password or email address', () => {
    expect(leakedSecrets(t)).toEqual([]);
  });
});
