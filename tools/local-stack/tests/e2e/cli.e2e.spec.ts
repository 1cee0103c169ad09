import {
  CognitoIdentityProviderClient,
  ConfirmSignUpCommand,
  InitiateAuthCommand,
  RespondToAuthChallengeCommand,
  SignUpCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { groupAlive, killGroup, listening, runCli, waitForFile, waitForGroupExit, type CliProcess } from '../support/cli-process';
import { MailReader } from '../support/mail-reader';
import { PASSWORD, uniqueUser } from '../support/test-stack';

interface Outputs {
  region: string;
  userPoolId: string;
  userPoolClientId: string;
  cognitoEndpoint: string;
  sesEndpoint: string;
  jwksUri: string;
  issuer: string;
  webUrl: string;
}

describe('the npm start process (dist/tools/local-stack/main.mjs)', () => {
  let folder: string;
  const started: CliProcess[] = [];
  const start = (env: Record<string, string> = {}) => {
    const cli = runCli({ LOCAL_OUTPUT_DIR: join(folder, 'out'), LOCAL_DATA_DIR: '', ...env });
    started.push(cli);
    return cli;
  };
  const port = (url: string) => Number(new URL(url).port);

  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'local-stack-cli-'));
  });
  afterEach(() => {
    for (const cli of started.splice(0)) killGroup(cli.pgid);
    rmSync(folder, { recursive: true, force: true });
  });

  it('writes outputs.json and the Amplify files once ready, prints the banner, and stops within 5 s of SIGTERM', async () => {
    const cli = start();

    const outputs = (await waitForFile(join(folder, 'out', 'outputs.json'), cli)) as Outputs;
    const gen2 = JSON.parse(readFileSync(join(folder, 'out', 'amplify_outputs.json'), 'utf8'));
    const gen1 = JSON.parse(readFileSync(join(folder, 'out', 'amplifyconfiguration.json'), 'utf8'));
    const ports = [port(outputs.cognitoEndpoint), port(outputs.sesEndpoint), port(outputs.webUrl)];
    const listeningBefore = await Promise.all(ports.map(listening));
    process.kill(-cli.pgid, 'SIGTERM');
    const stopMs = await waitForGroupExit(cli.pgid, 5000);
    const listeningAfter = await Promise.all(ports.map(listening));

    expect(Object.keys(outputs)).toEqual(
      expect.arrayContaining(['region', 'userPoolId', 'userPoolClientId', 'cognitoEndpoint', 'sesEndpoint', 'jwksUri', 'webUrl']),
    );
    expect(outputs.userPoolId).toMatch(/^us-east-1_[0-9A-Za-z]{9}$/);
    expect(outputs.cognitoEndpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(outputs.webUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(outputs.jwksUri).toBe(`${outputs.cognitoEndpoint}/${outputs.userPoolId}/.well-known/jwks.json`);
    expect(gen2.auth).toMatchObject({
      user_pool_id: outputs.userPoolId,
      user_pool_client_id: outputs.userPoolClientId,
      aws_region: 'us-east-1',
      user_pool_endpoint: outputs.cognitoEndpoint,
    });
    expect(gen1.auth.plugins.awsCognitoAuthPlugin.Auth.Default.authenticationFlowType).toBe('CUSTOM_AUTH_WITHOUT_SRP');
    expect(gen1.auth.plugins.awsCognitoAuthPlugin.CognitoUserPool.Default).toMatchObject({
      PoolId: outputs.userPoolId,
      AppClientId: outputs.userPoolClientId,
      Endpoint: outputs.cognitoEndpoint,
    });
    for (const text of [`127.0.0.1:${ports[0]}`, `127.0.0.1:${ports[1]}`, outputs.userPoolId, outputs.userPoolClientId, `${outputs.sesEndpoint}/`, outputs.webUrl]) {
      expect(cli.output.stdout).toContain(text);
    }
    expect(cli.output.stdout).toContain('node dist/tools/local-stack/cli.mjs mail [<address>]');
    expect(listeningBefore).toEqual([true, true, true]);
    expect(stopMs).toBeLessThan(5000);
    expect(listeningAfter).toEqual([false, false, false]);
    expect(await cli.exited).toEqual({ code: 0, signal: null });
    expect(readdirSync(join(folder, 'out'))).not.toContain('outputs.json');
  });

  it('stops on SIGINT (Ctrl-C) too, leaving no process of its group', async () => {
    const cli = start();
    await waitForFile(join(folder, 'out', 'outputs.json'), cli);

    process.kill(-cli.pgid, 'SIGINT');

    expect(await waitForGroupExit(cli.pgid, 5000)).toBeLessThan(5000);
  });

  it.each([
    ['LOCAL_COGNITO_PORT'],
    ['LOCAL_SES_PORT'],
    ['LOCAL_WEB_PORT'],
    ['LOCAL_DYNAMODB_PORT'],
  ])('exits non-zero naming the port and %s when the port is taken', async (variable) => {
    const blocker: Server = createServer();
    const taken = await new Promise<number>((resolve) => blocker.listen(0, '127.0.0.1', () => resolve((blocker.address() as { port: number }).port)));
    try {
      const cli = start({ [variable]: String(taken) });

      const exit = await cli.exited;

      expect(exit.code).not.toBe(0);
      expect(cli.output.stderr).toContain(String(taken));
      expect(cli.output.stderr).toContain(variable);
      expect(await waitForGroupExit(cli.pgid, 5000)).toBeLessThan(5000);
    } finally {
      blocker.close();
    }
  });

  it('refuses a variable it cannot use, naming it', async () => {
    const cli = start({ LOCAL_AUTH_SESSION_VALIDITY_SECONDS: '0' });

    expect((await cli.exited).code).toBe(1);
    expect(cli.output.stderr).toContain('LOCAL_AUTH_SESSION_VALIDITY_SECONDS');
  });

  it('keeps confirmed users, the pool ids and the signing key across a kill -9, and leaves no process behind', async () => {
    const env = { LOCAL_DATA_DIR: join(folder, 'data') };
    const first = start(env);
    const before = (await waitForFile(join(folder, 'out', 'outputs.json'), first)) as Outputs;
    const user = uniqueUser('durable');
    const client = new CognitoIdentityProviderClient({ region: before.region, endpoint: before.cognitoEndpoint, credentials: { accessKeyId: 'x', secretAccessKey: 'x' } });
    await client.send(
      new SignUpCommand({ ClientId: before.userPoolClientId, Username: user.username, Password: PASSWORD, UserAttributes: [{ Name: 'email', Value: user.email }] }),
    );
    const code = await new MailReader(before.sesEndpoint, new Set()).verificationCode(user.email);
    await client.send(new ConfirmSignUpCommand({ ClientId: before.userPoolClientId, Username: user.username, ConfirmationCode: code }));
    const jwksBefore = await (await fetch(before.jwksUri)).json();
    client.destroy();

    first.child.kill('SIGKILL');
    // The children notice their parent is gone (IPC disconnect) and exit by themselves.
    await waitForGroupExit(first.pgid, 5000);
    // A killed stack cannot remove its ready signal; the next start does, but not before this test looks.
    rmSync(join(folder, 'out', 'outputs.json'));
    const second = start(env);
    const after = (await waitForFile(join(folder, 'out', 'outputs.json'), second)) as Outputs;
    const again = new CognitoIdentityProviderClient({ region: after.region, endpoint: after.cognitoEndpoint, credentials: { accessKeyId: 'x', secretAccessKey: 'x' } });
    const challenge = await again.send(
      new InitiateAuthCommand({ ClientId: after.userPoolClientId, AuthFlow: 'CUSTOM_AUTH', AuthParameters: { USERNAME: user.username } }),
    );
    const signInCode = await new MailReader(after.sesEndpoint, new Set()).latestCode(user.email);
    const signedIn = await again.send(
      new RespondToAuthChallengeCommand({
        ClientId: after.userPoolClientId,
        ChallengeName: 'CUSTOM_CHALLENGE',
        Session: challenge.Session,
        ChallengeResponses: { USERNAME: user.username, ANSWER: signInCode },
      }),
    );
    again.destroy();
    const jwksAfter = await (await fetch(after.jwksUri)).json();
    process.kill(-second.pgid, 'SIGTERM');
    await waitForGroupExit(second.pgid, 5000);

    expect({ userPoolId: after.userPoolId, userPoolClientId: after.userPoolClientId }).toEqual({
      userPoolId: before.userPoolId,
      userPoolClientId: before.userPoolClientId,
    });
    expect(jwksAfter).toEqual(jwksBefore);
    expect(signedIn.AuthenticationResult?.AccessToken).toEqual(expect.any(String));
    const stored = readFileSync(join(folder, 'data', 'users.json'), 'utf8');
    expect(stored).toContain(user.username);
    expect(stored).not.toContain(PASSWORD);
    expect(stored).not.toContain(code);
    expect(readdirSync(join(folder, 'data')).sort()).toEqual(['dynamodb', 'pool.json', 'users.json']);
    expect(groupAlive(first.pgid)).toBe(false);
  });
});
