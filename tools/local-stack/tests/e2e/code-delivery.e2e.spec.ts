import { SignUpCommand } from '@aws-sdk/client-cognito-identity-provider';
import { startTestPool, type TestPool } from '../support/test-pool';
import { failure, PASSWORD } from '../support/test-stack';

describe('sign-up on the wire: the email attribute and the masked destination', () => {
  let t: TestPool;
  beforeAll(async () => {
    t = await startTestPool();
  });
  afterAll(() => t?.stop());

  const signUp = (username: string, email: string) =>
    t.client.send(new SignUpCommand({ ClientId: t.clientId, Username: username, Password: PASSWORD, UserAttributes: [{ Name: 'email', Value: email }] }));

  it('masks the address the code went to as Cognito does (the contract maskEmail)', async () => {
    const answer = await signUp('masked-destination', 'jane.doe@example.com');

    expect(answer.CodeDeliveryDetails).toEqual({ Destination: 'j***@e***.com', DeliveryMedium: 'EMAIL', AttributeName: 'email' });
    expect(t.emails.map((email) => email.to)).toEqual(['jane.doe@example.com']);
  });

  it('refuses an address the contract does not take with InvalidParameterException, and sends nothing', async () => {
    const sent = t.emails.length;

    const error = await failure(signUp('bad-address', 'jane@exa_mple.com'));

    expect(error).toMatchObject({ name: 'InvalidParameterException', message: 'Invalid email address format.', $metadata: { httpStatusCode: 400 } });
    expect(t.emails).toHaveLength(sent);
  });
});
