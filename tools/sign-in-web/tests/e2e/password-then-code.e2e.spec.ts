import type { LocalStack } from '@cognito-passwordless/local-stack';
import { confirmedUser } from '../support/accounts';
import { assertChromiumInstalled, closeBrowser, openBrowser, screenshot, type BrowserSession } from '../support/browser';
import { Mailbox } from '../support/mailbox';
import { SignInPage } from '../support/sign-in-page';
import { PASSWORD, startStack, uniqueUser } from '../support/stack';

describe('the sign-in page in Chromium, password-then-code flow', () => {
  let stack: LocalStack;
  let mail: Mailbox;
  let browser: BrowserSession | undefined;
  let ui: SignInPage;

  beforeAll(async () => {
    assertChromiumInstalled();
    stack = await startStack({ triggerSettings: { SIGN_IN_FLOW: 'password-then-code' } });
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

  it('asks for the password, then for the emailed code, and signs in', async () => {
    const user = await confirmedUser(stack, mail);
    await ui.open(stack.outputs.webUrl);
    await ui.screen('Sign in').getByLabel('Username').fill(user.username);
    await ui.screen('Sign in').getByLabel('Password').fill(PASSWORD);
    await screenshot(ui.page, '09-password-then-code');

    await ui.screen('Sign in').getByRole('button', { name: 'Continue' }).click();
    await ui.waitForScreen('Enter your code');
    await ui.enterCode(await mail.code(user.email, 2));
    await ui.waitForScreen('Signed in');

    expect(await ui.claims()).toMatchObject({ 'cognito:username': user.username, email: user.email });
    expect(await ui.page.locator('#flow-name').textContent()).toBe('password-then-code');
    expect(await ui.page.locator('#site-title').textContent()).toBe('Password and code sign-in');
  });

  it('refuses a wrong password, sends no code, and asks for the password again', async () => {
    const user = await confirmedUser(stack, mail);
    await ui.open(stack.outputs.webUrl);

    await ui.requestCode(user.username, 'Wrong-Horse-9');
    await ui.waitForStatus('Incorrect username or password.');

    expect(await ui.screen('Sign in').isVisible()).toBe(true);
    expect(await ui.focusedId()).toBe('sign-in-password');
    expect(await ui.screen('Sign in').getByLabel('Password').inputValue()).toBe('');
    expect(await mail.emailsTo(user.email)).toHaveLength(1);
  });

  it('keeps the password the user chooses at sign-up, with the pool rules, and refuses a weak one', async () => {
    const sent: string[] = [];
    ui.page.on('request', (request) => {
      if (request.headers()['x-amz-target']?.endsWith('.SignUp') === true) sent.push((JSON.parse(request.postData() ?? '{}') as { Password: string }).Password);
    });
    await ui.open(stack.outputs.webUrl);
    await ui.screen('Sign in').getByRole('button', { name: 'Create an account' }).click();
    await ui.waitForScreen('Create an account');
    const rules = await ui.page.locator('#sign-up-password-rules').textContent();

    await ui.signUp(uniqueUser('weak'), 'short');
    await ui.waitForStatus('That password is not allowed: Password not long enough.');
    const focusAfterWeak = await ui.focusedId();
    await ui.signUp(uniqueUser('chosen'), PASSWORD);
    await ui.waitForScreen('Confirm your email');

    expect(rules).toMatch(/^At least 8 characters, with a lowercase letter, an uppercase letter, a number and a symbol\./);
    expect(focusAfterWeak).toBe('sign-up-password');
    expect(sent).toEqual(['short', PASSWORD]);
  });
});
