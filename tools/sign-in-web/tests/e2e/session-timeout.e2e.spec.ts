import type { LocalStack } from '@cognito-passwordless/local-stack';
import { confirmedUser } from '../support/accounts';
import { assertChromiumInstalled, closeBrowser, openBrowser, screenshot, type BrowserSession } from '../support/browser';
import { Mailbox } from '../support/mailbox';
import { SignInPage } from '../support/sign-in-page';
import { startStack } from '../support/stack';

const SESSION_SECONDS = 1;

describe('the sign-in page in Chromium, when the sign-in session expires', () => {
  let stack: LocalStack;
  let mail: Mailbox;
  let browser: BrowserSession | undefined;

  beforeAll(async () => {
    assertChromiumInstalled();
    stack = await startStack({ authSessionValiditySeconds: SESSION_SECONDS });
    mail = new Mailbox(stack.outputs.sesEndpoint);
  });
  afterAll(() => stack?.stop());
  beforeEach(async () => {
    browser = await openBrowser();
  });
  afterEach(async () => {
    const session = browser;
    browser = undefined;
    await closeBrowser(session);
  });

  it('says the sign-in timed out when the right code comes after the session expired', async () => {
    const ui = new SignInPage(browser!.page);
    const user = await confirmedUser(stack, mail);
    await ui.open(stack.outputs.webUrl);
    await ui.requestCode(user.username);
    await ui.waitForScreen('Enter your code');
    const code = await mail.code(user.email, 2);

    await new Promise((resolve) => setTimeout(resolve, SESSION_SECONDS * 1000 + 500));
    await ui.enterCode(code);
    await ui.waitForScreen('Sign in');
    await screenshot(ui.page, '11-sign-in-timed-out');

    expect(await ui.status()).toBe('This sign-in has timed out. Sign in again to get a new code.');
    expect(await ui.focusedId()).toBe('sign-in-submit');
  });
});
