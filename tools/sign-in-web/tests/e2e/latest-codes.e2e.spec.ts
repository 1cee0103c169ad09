import type { LocalStack } from '@cognito-passwordless/local-stack';
import { confirmedUser } from '../support/accounts';
import { assertChromiumInstalled, closeBrowser, openBrowser, screenshot, type BrowserSession } from '../support/browser';
import { Mailbox } from '../support/mailbox';
import { SignInPage } from '../support/sign-in-page';
import { startStack } from '../support/stack';

describe('the sign-in page in Chromium, local development panel', () => {
  let stack: LocalStack;
  let mail: Mailbox;
  let browser: BrowserSession | undefined;

  beforeAll(async () => {
    assertChromiumInstalled();
    stack = await startStack();
    mail = new Mailbox(stack.outputs.sesEndpoint);
  });
  afterAll(() => stack?.stop());
  afterEach(async () => {
    const session = browser;
    browser = undefined;
    await closeBrowser(session);
  });

  it('shows the code of the newest email at a glance, under the card, and names the flow in the header', async () => {
    browser = await openBrowser();
    const ui = new SignInPage(browser.page);
    const user = await confirmedUser(stack, mail);
    await ui.open(stack.outputs.webUrl);

    await ui.requestCode(user.username);
    await ui.waitForScreen('Enter your code');
    const code = await mail.code(user.email, 2);
    const newest = ui.page.locator('#latest-codes-list li').first();
    await newest.locator('code').filter({ hasText: code }).waitFor();
    await screenshot(ui.page, '12-latest-codes');

    expect(await ui.page.getByRole('complementary').getByRole('heading').textContent()).toBe('Latest emailed codes local only');
    expect(await newest.locator('.latest-code-details').textContent()).toContain(`to ${user.email}`);
    expect(await ui.page.locator('#site-title').textContent()).toBe('Passwordless sign-in');
  });
});
