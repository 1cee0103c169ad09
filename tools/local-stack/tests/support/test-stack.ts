import {
  CognitoIdentityProviderClient,
  ConfirmSignUpCommand,
  InitiateAuthCommand,
  RespondToAuthChallengeCommand,
  SignUpCommand,
  type InitiateAuthCommandInput,
} from '@aws-sdk/client-cognito-identity-provider';
import { resolve } from 'node:path';
import { startLocalStack, type LocalStack, type LocalStackOptions } from '../../src';
import { MailReader } from './mail-reader';

export const WORKSPACE_ROOT = resolve(__dirname, '../../../..');

/** Passwords that meet the pool policy. */
export const PASSWORD = 'Correct-Horse-9';
export const WRONG_PASSWORD = 'Wrong-Horse-9';

export interface TestStack {
  readonly stack: LocalStack;
  readonly outputs: LocalStack['outputs'];
  /** Every line the stack and its triggers logged. */
  readonly logs: string[];
  readonly client: CognitoIdentityProviderClient;
  readonly mail: MailReader;
  /** Every code, password, token and address the test saw: none may reach the logs. */
  readonly secrets: Set<string>;
  stop(): Promise<void>;
}

/** The error `promise` rejects with; fails the test when it resolves. */
export async function failure(promise: Promise<unknown>): Promise<Error & { $metadata?: { httpStatusCode?: number } }> {
  const outcome = await promise.then(
    () => undefined,
    (error: unknown) => error as Error,
  );
  if (outcome === undefined) throw new Error('expected the call to fail, and it succeeded');
  return outcome;
}

/** A code of the same length that is surely not `code`. */
export function wrongCode(code: string): string {
  return code.replace(/\d$/, (digit) => String((Number(digit) + 1) % 10));
}

let counter = 0;
/** A username (and address) no other test uses, so tests share a stack without clashing. */
export function uniqueUser(prefix = 'user'): { username: string; email: string } {
  const username = `${prefix}-${process.pid}-${Date.now().toString(36)}-${counter++}`;
  return { username, email: `${username}@example.test` };
}

/** Starts the real stack (real trigger bundles, real SES sink) on free loopback ports, in memory. */
export async function startTestStack(options: LocalStackOptions = {}): Promise<TestStack> {
  const logs: string[] = [];
  const stack = await startLocalStack({ workspaceRoot: WORKSPACE_ROOT, log: (line) => logs.push(line), ...options });
  const client = new CognitoIdentityProviderClient({
    region: stack.outputs.region,
    endpoint: stack.outputs.cognitoEndpoint,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
  });
  const secrets = new Set<string>([PASSWORD, WRONG_PASSWORD]);
  return {
    stack,
    outputs: stack.outputs,
    logs,
    client,
    mail: new MailReader(stack.outputs.sesEndpoint, secrets),
    secrets,
    async stop() {
      client.destroy();
      await stack.stop();
    },
  };
}

/** The secrets found in the logs (an empty list is the pass). */
export function leakedSecrets(testStack: TestStack): string[] {
  const text = testStack.logs.join('\n');
  return [...testStack.secrets].filter((secret) => secret.length >= 6 && text.includes(secret));
}

/** A new user, signed up with PASSWORD and confirmed with the emailed verification code. */
export async function confirmedUser(testStack: TestStack, prefix = 'user'): Promise<{ username: string; email: string }> {
  const user = uniqueUser(prefix);
  const clientId = testStack.outputs.userPoolClientId;
  await testStack.client.send(
    new SignUpCommand({ ClientId: clientId, Username: user.username, Password: PASSWORD, UserAttributes: [{ Name: 'email', Value: user.email }] }),
  );
  const code = await testStack.mail.verificationCode(user.email);
  await testStack.client.send(new ConfirmSignUpCommand({ ClientId: clientId, Username: user.username, ConfirmationCode: code }));
  return user;
}

/** InitiateAuth CUSTOM_AUTH for `username`, with any other members (`ClientMetadata`, ...). */
export function initiateCustomAuth(testStack: TestStack, username: string, extra: Partial<InitiateAuthCommandInput> = {}) {
  return testStack.client.send(
    new InitiateAuthCommand({ ClientId: testStack.outputs.userPoolClientId, AuthFlow: 'CUSTOM_AUTH', AuthParameters: { USERNAME: username }, ...extra }),
  );
}

/** RespondToAuthChallenge CUSTOM_CHALLENGE with `answer`, and `clientMetadata` when given. */
export function respondToCustomChallenge(
  testStack: TestStack,
  username: string,
  session: string | undefined,
  answer: string,
  clientMetadata?: Record<string, string>,
) {
  return testStack.client.send(
    new RespondToAuthChallengeCommand({
      ClientId: testStack.outputs.userPoolClientId,
      ChallengeName: 'CUSTOM_CHALLENGE',
      Session: session,
      ChallengeResponses: { USERNAME: username, ANSWER: answer },
      ClientMetadata: clientMetadata,
    }),
  );
}
