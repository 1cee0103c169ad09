import { CognitoIdentityProviderClient, ConfirmSignUpCommand, SignUpCommand } from '@aws-sdk/client-cognito-identity-provider';
import type { LocalStack } from '@cognito-passwordless/local-stack';
import type { Mailbox } from './mailbox';
import { PASSWORD, uniqueUser } from './stack';

/** A confirmed user made through the API, for tests about signing in rather than signing up. */
export async function confirmedUser(stack: LocalStack, mail: Mailbox, prefix?: string): Promise<{ username: string; email: string }> {
  const user = uniqueUser(prefix);
  const client = new CognitoIdentityProviderClient({
    region: stack.outputs.region,
    endpoint: stack.outputs.cognitoEndpoint,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
  });
  try {
    const ClientId = stack.outputs.userPoolClientId;
    await client.send(new SignUpCommand({ ClientId, Username: user.username, Password: PASSWORD, UserAttributes: [{ Name: 'email', Value: user.email }] }));
    await client.send(new ConfirmSignUpCommand({ ClientId, Username: user.username, ConfirmationCode: await mail.code(user.email, 1) }));
  } finally {
    client.destroy();
  }
  return user;
}
