import { DECOY_EMAIL_RECIPIENT } from '@cognito-passwordless/contract';
import type { LocalStack } from '@cognito-passwordless/local-stack';
import { confirmedUser } from '../support/accounts';
import { assertChromiumInstalled, closeBrowser, openBrowser, screenshot, type BrowserSession } from '../support/browser';
import { Mailbox, wrongCode } from '../support/mailbox';
import { SignInPage } from '../support/sign-in-page';
import { startStack, uniqueUser } from '../support/stack';
import { expiredHint } from '../support/trigger-hints';

const FIRST_HINT = 'Enter the 6-digit code we sent to your email address. It is valid for 5 minutes.';
const RETRY_HINT = 'That code is not right. Enter the 6-digit code from the same email.';
const LAST_ATTEMPT = 'That code is not right, and it was the last attempt. Sign in again to get a new code.';

describe('the sign-in page in Chromium, passwordless flow', () => {
  let stack: LocalStack;
  let mail: Mailbox;
  let browser: BrowserSession | undefined;
  let ui: SignInPage;

  beforeAll(async () => {
    assertChromiumInstalled();
    stack = await startStack();
    mail = new Mailbox(stack.outputs.sesEndpoint);
  });
  afterAll(() => stack?.stop());
  beforeEach(async () => {
    browser = await openBrowser();
    ui = new SignInPage(browser.page);
  });
  afterEach(async () => {
    const session = browser;
    browser = undefined;
    await closeBrowser(session);
  });

  it('signs up, confirms the email with the emailed code, signs in with an emailed code and shows the id token claims', async () => {
    const user = uniqueUser('alice');
    await ui.open(stack.outputs.webUrl);
    await screenshot(ui.page, '01-sign-in');

    await ui.screen('Sign in').getByRole('button', { name: 'Create an account' }).click();
    await ui.waitForScreen('Create an account');
    await ui.signUp(user);
    await ui.waitForScreen('Confirm your email');
    await screenshot(ui.page, '03-confirm-sign-up');
    await ui.confirmSignUp(await mail.code(user.email, 1));
    await ui.waitForStatus('Your email address is confirmed. Sign in with a code.');
    const prefilled = await ui.screen('Sign in').getByLabel('Username').inputValue();
    await ui.screen('Sign in').getByRole('button', { name: 'Email me a code' }).click();
    await ui.waitForScreen('Enter your code');
    const hint = await ui.hint();
    await screenshot(ui.page, '04-challenge');
    await ui.enterCode(await mail.code(user.email, 2));
    await ui.waitForScreen('Signed in');
    await screenshot(ui.page, '06-signed-in');

    expect(prefilled).toBe(user.username);
    expect(hint).toBe(FIRST_HINT);
    expect(await ui.page.locator('#signed-in-username').textContent()).toBe(user.username);
    expect(await ui.claims()).toMatchObject({
      'cognito:username': user.username,
      email: user.email,
      email_verified: 'true',
      token_use: 'id',
      aud: stack.outputs.userPoolClientId,
      iss: stack.outputs.issuer,
    });
    expect(await mail.emailsTo(user.email)).toHaveLength(2);
  });

  it('asks no password at sign-up, and sends a long generated one that meets the pool policy and stays nowhere', async () => {
    const users = [uniqueUser('gen-a'), uniqueUser('gen-b')];
    const sent: string[] = [];
    ui.page.on('request', (request) => {
      if (request.headers()['x-amz-target']?.endsWith('.SignUp') === true) sent.push((JSON.parse(request.postData() ?? '{}') as { Password: string }).Password);
    });
    const consoleLines: string[] = [];
    ui.page.on('console', (message) => consoleLines.push(message.text()));

    for (const user of users) {
      await ui.open(stack.outputs.webUrl);
      await ui.screen('Sign in').getByRole('button', { name: 'Create an account' }).click();
      await ui.waitForScreen('Create an account');
      const passwordVisible = await ui.screen('Create an account').getByLabel('Password').isVisible();
      await screenshot(ui.page, '02-sign-up');
      await ui.signUp(user);
      await ui.waitForScreen('Confirm your email');
      expect(passwordVisible).toBe(false);
    }
    const stored = await ui.page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }) + document.documentElement.outerHTML);

    expect(sent).toHaveLength(2);
    expect(new Set(sent).size).toBe(2);
    for (const password of sent) {
      expect(password).toHaveLength(40);
      expect(password).toMatch(/[a-z]/);
      expect(password).toMatch(/[A-Z]/);
      expect(password).toMatch(/[0-9]/);
      expect(password).toMatch(/[-_.!~*+=^]/);
      expect(stored).not.toContain(password);
      expect(consoleLines.join('\n')).not.toContain(password);
    }
  });

  it('refuses a taken username at sign-up, saying why', async () => {
    const existing = await confirmedUser(stack, mail);
    await ui.open(stack.outputs.webUrl);
    await ui.screen('Sign in').getByRole('button', { name: 'Create an account' }).click();

    await ui.signUp(existing);
    await ui.waitForStatus('That username is taken. Choose another one, or sign in.');

    expect(await ui.focusedId()).toBe('sign-up-username');
  });

  it('says how many attempts are left after a wrong code, then signs in with the right one from the same email', async () => {
    const user = await confirmedUser(stack, mail);
    await ui.open(stack.outputs.webUrl);
    await ui.requestCode(user.username);
    await ui.waitForScreen('Enter your code');
    const code = await mail.code(user.email, 2);

    await ui.enterCode(wrongCode(code));
    await ui.waitForStatus('Wrong code: 2 attempts left.');
    await screenshot(ui.page, '05-wrong-code');
    const afterWrong = { hint: await ui.hint(), focused: await ui.focusedId(), field: await ui.screen('Enter your code').getByLabel('Code', { exact: true }).inputValue() };
    await ui.enterCode(code);
    await ui.waitForScreen('Signed in');

    expect(afterWrong).toEqual({ hint: RETRY_HINT, focused: 'challenge-code', field: '' });
    expect(await mail.emailsTo(user.email)).toHaveLength(2);
  });

  it('ends the sign-in after the last wrong code, and a new sign-in sends a new code that works', async () => {
    const user = await confirmedUser(stack, mail);
    await ui.open(stack.outputs.webUrl);
    await ui.requestCode(user.username);
    await ui.waitForScreen('Enter your code');
    const code = await mail.code(user.email, 2);

    await ui.enterCode(wrongCode(code));
    await ui.waitForStatus('Wrong code: 2 attempts left.');
    await ui.enterCode(wrongCode(code));
    await ui.waitForStatus('Wrong code: 1 attempt left.');
    await ui.enterCode(wrongCode(code));
    await ui.waitForScreen('Sign in');
    await screenshot(ui.page, '08-attempts-used-up');
    const ended = { status: await ui.status(), focused: await ui.focusedId() };
    await ui.screen('Sign in').getByRole('button', { name: 'Email me a code' }).click();
    await ui.waitForScreen('Enter your code');
    await ui.enterCode(await mail.code(user.email, 3));
    await ui.waitForScreen('Signed in');

    expect(ended).toEqual({ status: LAST_ATTEMPT, focused: 'sign-in-submit' });
    expect(await mail.emailsTo(user.email)).toHaveLength(3);
  });

  it('shows an unknown user the same screens and messages as a known one, and emails nobody', async () => {
    const known = await confirmedUser(stack, mail);
    const unknown = uniqueUser('nobody');
    await ui.open(stack.outputs.webUrl);
    /** Every hint and message from asking for a code to running out of attempts. */
    const transcript = async (username: string, wrongAnswer: () => Promise<string>) => {
      const seen: string[] = [];
      await ui.requestCode(username);
      await ui.waitForScreen('Enter your code');
      seen.push(await ui.hint());
      const wrong = await wrongAnswer();
      for (let attempt = 0; attempt < 3; attempt++) {
        await ui.enterCode(wrong);
        seen.push(await ui.status(), (await ui.screen('Enter your code').isVisible()) ? await ui.hint() : 'back at sign-in');
      }
      return seen;
    };

    const knownTranscript = await transcript(known.username, async () => wrongCode(await mail.code(known.email, 2)));
    // Mail to people: the unknown username's decoy goes to the SES mailbox simulator, which is nobody.
    const peoplesMail = async () =>
      ((await (await fetch(`${stack.outputs.sesEndpoint}/store`)).json()) as { emails: { destination: { to: string[] } }[] }).emails.filter(
        (email) => !email.destination.to.includes(DECOY_EMAIL_RECIPIENT),
      );
    const storeBefore = { emails: await peoplesMail() };
    const unknownTranscript = await transcript(unknown.username, async () => '123456');
    const storeAfter = { emails: await peoplesMail() };

    expect(unknownTranscript).toEqual(knownTranscript);
    expect(knownTranscript).toEqual([
      FIRST_HINT,
      'Wrong code: 2 attempts left.',
      RETRY_HINT,
      'Wrong code: 1 attempt left.',
      RETRY_HINT,
      LAST_ATTEMPT,
      'back at sign-in',
    ]);
    expect(storeAfter.emails.length).toBe(storeBefore.emails.length);
  });

  it('keeps the user signed in across a reload, and signs out for good', async () => {
    const user = await confirmedUser(stack, mail);
    await ui.open(stack.outputs.webUrl);
    await ui.requestCode(user.username);
    await ui.waitForScreen('Enter your code');
    await ui.enterCode(await mail.code(user.email, 2));
    await ui.waitForScreen('Signed in');

    await ui.page.reload();
    await ui.waitForScreen('Signed in');
    await ui.screen('Signed in').getByRole('button', { name: 'Sign out' }).click();
    await ui.waitForStatus('You are signed out.');
    await screenshot(ui.page, '07-signed-out');
    const tokensAfterSignOut = await ui.storedTokenKeys();
    await ui.page.reload();
    await ui.waitForScreen('Sign in');

    expect(tokensAfterSignOut).toEqual([]);
  });

  it('says the code has expired, and offers only to start again, when the trigger reports an expired code', async () => {
    // A real expiry takes CODE_TTL_SECONDS (60 s at least): put the trigger's own expired hint on a retry round.
    const user = await confirmedUser(stack, mail);
    const hint = expiredHint();
    await ui.page.route(stack.outputs.cognitoEndpoint + '/', async (route) => {
      if (route.request().headers()['x-amz-target'] !== 'AWSCognitoIdentityProviderService.RespondToAuthChallenge') return route.continue();
      const response = await route.fetch();
      const body = (await response.json()) as { ChallengeParameters?: Record<string, string> };
      if (body.ChallengeParameters !== undefined) body.ChallengeParameters['hint'] = hint;
      return route.fulfill({ response, json: body });
    });
    await ui.open(stack.outputs.webUrl);
    await ui.requestCode(user.username);
    await ui.waitForScreen('Enter your code');

    await ui.enterCode(wrongCode(await mail.code(user.email, 2)));
    await ui.waitForStatus('Your code has expired. Send a new code, or start again.');
    await screenshot(ui.page, '10-code-expired');

    expect(await ui.screen('Enter your code').getByLabel('Code', { exact: true }).isVisible()).toBe(false);
    expect(await ui.page.locator('#challenge-hint').isVisible()).toBe(false);
    expect(await ui.focusedId()).toBe('challenge-restart');
  });

  it('labels every field, marks the code field for one-time codes, keeps a sensible focus order and announces messages', async () => {
    const user = await confirmedUser(stack, mail);
    await ui.open(stack.outputs.webUrl);
    const focusOnLoad = await ui.focusedId();
    await ui.requestCode(user.username);
    await ui.waitForScreen('Enter your code');

    const codeField = ui.screen('Enter your code').getByLabel('Code', { exact: true });
    const focusOnChallenge = await ui.focusedId();
    await ui.page.keyboard.press('Tab');
    const afterOneTab = await ui.focusedId();
    await ui.page.keyboard.press('Tab');
    const afterTwoTabs = await ui.focusedId();
    const unlabelled = await ui.page.$$eval('input', (inputs) => inputs.filter((input) => (input as HTMLInputElement).labels?.length === 0).map((input) => input.id));
    const status = ui.page.getByRole('status');

    expect(focusOnLoad).toBe('sign-in-username');
    expect(focusOnChallenge).toBe('challenge-code');
    expect([afterOneTab, afterTwoTabs]).toEqual(['challenge-submit', 'challenge-restart']);
    expect(await codeField.getAttribute('autocomplete')).toBe('one-time-code');
    expect(await codeField.getAttribute('inputmode')).toBe('numeric');
    expect(await codeField.getAttribute('aria-describedby')).toBe('challenge-hint');
    expect(unlabelled).toEqual([]);
    expect(await status.getAttribute('aria-live')).toBe('polite');
    expect(await ui.page.title()).toBe('Enter your code · local Cognito stack');
  });

  it('links to the mail viewer of the SES sink', async () => {
    await ui.open(stack.outputs.webUrl);

    const links = await ui.page.getByRole('link', { name: /mail viewer/i }).evaluateAll((anchors) => anchors.map((anchor) => (anchor as HTMLAnchorElement).href));

    expect(links.length).toBeGreaterThan(0);
    expect(new Set(links)).toEqual(new Set([`${stack.outputs.sesEndpoint}/`]));
  });
});
