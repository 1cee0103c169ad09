import { ConfirmSignUpCommand, InitiateAuthCommand, RespondToAuthChallengeCommand, SignUpCommand } from '@aws-sdk/client-cognito-identity-provider';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalStackStartError, startLocalStack } from '../../src';
import { PASSWORD, startTestStack, uniqueUser, WORKSPACE_ROOT, type TestStack } from '../support/test-stack';

describe('the data folder', () => {
  let dataDir: string;

  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'local-stack-data-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  async function signIn(t: TestStack, username: string, email: string) {
    const first = await t.client.send(
      new InitiateAuthCommand({ ClientId: t.outputs.userPoolClientId, AuthFlow: 'CUSTOM_AUTH', AuthParameters: { USERNAME: username } }),
    );
    const done = await t.client.send(
      new RespondToAuthChallengeCommand({
        ClientId: t.outputs.userPoolClientId,
        ChallengeName: 'CUSTOM_CHALLENGE',
        Session: first.Session,
        ChallengeResponses: { USERNAME: username, ANSWER: await t.mail.latestCode(email) },
      }),
    );
    return done.AuthenticationResult!;
  }

  it('keeps users, pool ids, signing key and refresh tokens across a restart', async () => {
    const user = uniqueUser('restart');
    const first = await startTestStack({ dataDir });
    await first.client.send(
      new SignUpCommand({ ClientId: first.outputs.userPoolClientId, Username: user.username, Password: PASSWORD, UserAttributes: [{ Name: 'email', Value: user.email }] }),
    );
    await first.client.send(
      new ConfirmSignUpCommand({ ClientId: first.outputs.userPoolClientId, Username: user.username, ConfirmationCode: await first.mail.verificationCode(user.email) }),
    );
    const tokens = await signIn(first, user.username, user.email);
    const jwks = await (await fetch(first.outputs.jwksUri)).json();
    await first.stop();

    const second = await startTestStack({ dataDir });
    try {
      const refreshed = await second.client.send(
        new InitiateAuthCommand({ ClientId: second.outputs.userPoolClientId, AuthFlow: 'REFRESH_TOKEN_AUTH', AuthParameters: { REFRESH_TOKEN: tokens.RefreshToken! } }),
      );
      const again = await signIn(second, user.username, user.email);

      expect(second.outputs.userPoolId).toBe(first.outputs.userPoolId);
      expect(second.outputs.userPoolClientId).toBe(first.outputs.userPoolClientId);
      expect(await (await fetch(second.outputs.jwksUri)).json()).toEqual(jwks);
      expect(refreshed.AuthenticationResult?.AccessToken).toEqual(expect.any(String));
      expect(again.AccessToken).toEqual(expect.any(String));
    } finally {
      await second.stop();
    }
    expect(readdirSync(dataDir).sort()).toEqual(['dynamodb', 'pool.json', 'users.json']);
  });

  it('keeps the per-username limits in the data folder across a restart', async () => {
    const user = uniqueUser('capped');
    const settings = { triggerSettings: { MAX_CODES_PER_HOUR: '1' } };
    const first = await startTestStack({ dataDir, ...settings });
    await first.client.send(
      new SignUpCommand({ ClientId: first.outputs.userPoolClientId, Username: user.username, Password: PASSWORD, UserAttributes: [{ Name: 'email', Value: user.email }] }),
    );
    await first.client.send(
      new ConfirmSignUpCommand({ ClientId: first.outputs.userPoolClientId, Username: user.username, ConfirmationCode: await first.mail.verificationCode(user.email) }),
    );
    await signIn(first, user.username, user.email);
    await first.stop();

    const second = await startTestStack({ dataDir, ...settings });
    try {
      const refused = await second.client
        .send(new InitiateAuthCommand({ ClientId: second.outputs.userPoolClientId, AuthFlow: 'CUSTOM_AUTH', AuthParameters: { USERNAME: user.username } }))
        .catch((error: Error) => error);

      expect(refused).toMatchObject({ name: 'UserLambdaValidationException', message: expect.stringContaining('Too many sign-in attempts') });
    } finally {
      await second.stop();
    }
  });

  it('removes temporary files a killed stack left behind', async () => {
    writeFileSync(join(dataDir, 'users.json.123.0.tmp'), '{"half": ');

    const t = await startTestStack({ dataDir });
    await t.stop();

    expect(readdirSync(dataDir)).not.toContain('users.json.123.0.tmp');
  });

  it('refuses to start on a users file it cannot read, naming the file', async () => {
    writeFileSync(join(dataDir, 'users.json'), '{"version": 1, "users": [{"username": 3}]}');

    const error = await startLocalStack({ workspaceRoot: WORKSPACE_ROOT, dataDir }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(LocalStackStartError);
    expect((error as Error).message).toContain(join(dataDir, 'users.json'));
  });

  it('writes nothing without a data folder', async () => {
    const t = await startTestStack();
    await t.stop();

    expect(readdirSync(dataDir)).toEqual([]);
  });
});
