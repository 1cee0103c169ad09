import { CognitoWire, Mailbox, passwordlessSignIn, startStackProcess, type StackProcess } from '@cognito-passwordless/sign-in-driver';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LogAudit } from './support/log-audit';
import { PASSWORD, WORKSPACE_ROOT } from './support/workspace';

const SIGN_UPS = 48;

/** Sign up and confirm through the public API, as an app does; resolves once ConfirmSignUp answered. */
async function signUpAndConfirm(stack: StackProcess, username: string, email: string): Promise<string> {
  const wire = new CognitoWire(stack.outputs.cognitoEndpoint);
  const clientId = stack.outputs.userPoolClientId;
  await wire.call('SignUp', { ClientId: clientId, Username: username, Password: PASSWORD, UserAttributes: [{ Name: 'email', Value: email }] });
  const mail = await new Mailbox(stack.outputs.sesEndpoint).emailsTo(email);
  const code = /Your verification code is (\d{6})/.exec(mail.at(-1)?.body.text ?? '')?.[1];
  if (!code) throw new Error('no verification email');
  await wire.call('ConfirmSignUp', { ClientId: clientId, Username: username, ConfirmationCode: code });
  return code;
}

describe('kill -9 of the local stack during writes', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'stack-data-'));
  const audit = new LogAudit();
  const stacks: StackProcess[] = [];
  afterAll(async () => {
    await Promise.all(stacks.map((s) => s.kill()));
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps every confirmed user, who can still sign in, and no corrupt state file', async () => {
    const first = await startStackProcess({ workspaceRoot: WORKSPACE_ROOT, env: { LOCAL_DATA_DIR: dataDir } });
    stacks.push(first);
    const poolBefore = first.outputs.userPoolId;
    const confirmed: { username: string; email: string }[] = [];
    let killed = false;

    // Sign-ups keep arriving; the stack is killed mid-stream, with writes in flight.
    const attempts = Array.from({ length: SIGN_UPS }, async (_, i) => {
      const user = { username: `crash-${i}`, email: `crash-${i}@example.test` };
      audit.secret(user.email);
      await new Promise((resolve) => setTimeout(resolve, i * 15));
      if (killed) return;
      await signUpAndConfirm(first, user.username, user.email).then(
        (code) => {
          audit.secret(code);
          confirmed.push(user);
        },
        () => undefined,
      );
    });
    while (confirmed.length < SIGN_UPS / 3) await new Promise((resolve) => setTimeout(resolve, 5));
    killed = true;
    await first.kill();
    await Promise.all(attempts);
    audit.lines.push(...first.output);

    // A write cut short leaves only its temporary file torn; the state files are whole.
    // dynamodb/ is dynalite's LevelDB folder (the sign-in state table), which keeps its own journal.
    const stateFiles = readdirSync(dataDir).filter((file) => !file.endsWith('.tmp') && file !== 'dynamodb');
    expect(readdirSync(dataDir)).toContain('dynamodb');
    expect(stateFiles.sort()).toEqual(['pool.json', 'users.json']);
    for (const file of stateFiles) {
      expect(() => JSON.parse(readFileSync(join(dataDir, file), 'utf8'))).not.toThrow();
    }
    const second = await startStackProcess({ workspaceRoot: WORKSPACE_ROOT, env: { LOCAL_DATA_DIR: dataDir } });
    stacks.push(second);
    const wire = new CognitoWire(second.outputs.cognitoEndpoint);
    const target = { wire, mailbox: new Mailbox(second.outputs.sesEndpoint), clientId: second.outputs.userPoolClientId };

    expect(second.outputs.userPoolId).toBe(poolBefore);
    expect(confirmed.length).toBeGreaterThanOrEqual(SIGN_UPS / 3);
    for (const user of confirmed) {
      const stored = await wire.call<{ UserStatus: string }>('AdminGetUser', { UserPoolId: second.outputs.userPoolId, Username: user.username });
      expect(stored.UserStatus).toBe('CONFIRMED');
      const tokens = await passwordlessSignIn(target, user.username, user.email);
      audit.secret(tokens.IdToken, tokens.AccessToken);
    }
    // The restart cleared what the killed writes left behind.
    expect(readdirSync(dataDir).sort()).toEqual(['dynamodb', 'pool.json', 'users.json']);
    await second.stop();
    audit.lines.push(...second.output);
    audit.secret(PASSWORD);
    expect(audit.leaks()).toEqual([]);
  });
});
