import { startLocalStack, type LocalStack } from '@cognito-passwordless/local-stack';
import { CognitoWire, createConfirmedUser, Mailbox, passwordlessSignIn } from '@cognito-passwordless/sign-in-driver';
import { settledHeapBytes } from './support/heap';
import { LogAudit } from './support/log-audit';
import { PASSWORD, WORKSPACE_ROOT } from './support/workspace';

const CLIENTS = 64;
const SIGN_INS_EACH = 5;
// Long enough that a round on a busy CI machine (email, state table, code collection) ends before its session does.
const SESSION_VALIDITY_SECONDS = 5;

describe(`load: ${CLIENTS} concurrent clients`, () => {
  const audit = new LogAudit();
  let stack: LocalStack;
  let wire: CognitoWire;
  let mailbox: Mailbox;
  const users = Array.from({ length: CLIENTS }, (_, i) => ({ username: `load-${i}`, email: `load-${i}@example.test` }));

  beforeAll(async () => {
    // Each user signs in SIGN_INS_EACH + 1 times within the hour: the per-user cap is not what this test is about.
    stack = await startLocalStack({
      workspaceRoot: WORKSPACE_ROOT,
      log: audit.log,
      authSessionValiditySeconds: SESSION_VALIDITY_SECONDS,
      triggerSettings: { MAX_CODES_PER_HOUR: '100' },
    });
    wire = new CognitoWire(stack.outputs.cognitoEndpoint);
    mailbox = new Mailbox(stack.outputs.sesEndpoint);
    audit.secret(PASSWORD);
    for (const user of users) {
      audit.secret(user.email);
      await createConfirmedUser(wire, stack.outputs.userPoolId, user.username, user.email, PASSWORD);
    }
  });
  afterAll(() => stack?.stop());

  const target = () => ({ wire, mailbox, clientId: stack.outputs.userPoolClientId });

  it('signs everyone in without an error, one email per sign-in, and leaks no session or memory', async () => {
    // Warm-up: JIT, connection pools and caches settle before the heap is measured.
    await Promise.all(users.slice(0, 8).map((u) => passwordlessSignIn(target(), u.username, u.email)));
    await new Promise((resolve) => setTimeout(resolve, (SESSION_VALIDITY_SECONDS + 1.5) * 1000));
    const heapBefore = await settledHeapBytes();
    const emailsBefore = (await Promise.all(users.map((u) => mailbox.emailsTo(u.email)))).flat().length;

    const results = await Promise.allSettled(
      users.map(async (user) => {
        for (let i = 0; i < SIGN_INS_EACH; i++) {
          const tokens = await passwordlessSignIn(target(), user.username, user.email);
          audit.secret(tokens.IdToken, tokens.AccessToken, tokens.RefreshToken ?? '');
        }
      }),
    );
    const failures = results.filter((r) => r.status === 'rejected').map((r) => String((r as PromiseRejectedResult).reason));

    expect(failures).toEqual([]);
    const emailsPerUser = await Promise.all(users.map(async (u) => (await mailbox.emailsTo(u.email)).length));
    const warmedUp = new Set(users.slice(0, 8).map((u) => u.username));
    expect(emailsPerUser).toEqual(users.map((u) => SIGN_INS_EACH + (warmedUp.has(u.username) ? 1 : 0)));
    expect(emailsPerUser.reduce((a, b) => a + b, 0)).toBe(emailsBefore + CLIENTS * SIGN_INS_EACH);

    // Sessions are single use and expire; the sweep runs every second.
    await new Promise((resolve) => setTimeout(resolve, (SESSION_VALIDITY_SECONDS + 1.5) * 1000));
    expect(stack.sessionCount()).toBe(0);
    const heapAfter = await settledHeapBytes();
    expect(heapAfter - heapBefore).toBeLessThan(16 * 2 ** 20);
  });

  it('logs no code, password, token or full email address', async () => {
    const sent = (await Promise.all(users.map((u) => mailbox.emailsTo(u.email)))).flat();
    for (const email of sent) audit.secret(...(email.body.text?.match(/\b\d{6,10}\b/g) ?? []));
    expect(audit.lines.length).toBeGreaterThan(0);
    expect(audit.leaks()).toEqual([]);
  });
});
