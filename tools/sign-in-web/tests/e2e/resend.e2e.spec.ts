import type { LocalStack } from '@cognito-passwordless/local-stack';
import { confirmedUser } from '../support/accounts';
import { assertChromiumInstalled, closeBrowser, openBrowser, type BrowserSession } from '../support/browser';
import { Mailbox } from '../support/mailbox';
import { SignInPage } from '../support/sign-in-page';
import { startStack } from '../support/stack';

const COOLDOWN_SECONDS = 2;
const RESENT_HINT = 'We sent a new 6-digit code to your email address; earlier codes no longer work. It is valid for 5 minutes.';

describe('the sign-in page in Chromium: "Send a new code"', () => {
  let stack: LocalStack;
  let mail: Mailbox;
  let browser: BrowserSession | undefined;
  let ui: SignInPage;

  beforeAll(async () => {
    assertChromiumInstalled();
    stack = await startStack({ triggerSettings: { RESEND_COOLDOWN_SECONDS: String(COOLDOWN_SECONDS) } });
    mail = new Mailbox(stack.outputs.sesEndpoint);
    browser = await openBrowser();
    ui = new SignInPage(browser.page);
  });
  afterAll(async () => {
    await closeBrowser(browser);
    await stack?.stop();
  });

  const resendButton = () => ui.screen('Enter your code').getByRole('button', { name: /^Send a new code/ });
  const note = async () => (await ui.page.locator('#challenge-resend-note').textContent())?.trim() ?? '';

  it('counts down with the button disabled, then sends a new code that signs in while the old one no longer does', async () => {
    const user = await confirmedUser(stack, mail, 'resend');
    await ui.open(stack.outputs.webUrl);
    await ui.requestCode(user.username);
    await ui.waitForScreen('Enter your code');
    const oldCode = await mail.code(user.email, 2);

    const waiting = { disabled: await resendButton().isDisabled(), label: await resendButton().textContent(), note: await note() };
    await ui.page.waitForFunction(() => !(document.getElementById('challenge-resend') as HTMLButtonElement).disabled, undefined, { timeout: 10_000 });
    const ready = { label: await resendButton().textContent(), note: await note() };
    await resendButton().click();
    await ui.waitForStatus(RESENT_HINT);
    const newCode = await mail.code(user.email, 3);
    const afterResend = { disabled: await resendButton().isDisabled(), hint: await ui.hint() };
    await ui.enterCode(oldCode);
    const afterOld = await ui.status();
    await ui.enterCode(newCode);
    await ui.waitForScreen('Signed in');

    expect(waiting).toEqual({
      disabled: true,
      label: `Send a new code (${COOLDOWN_SECONDS} s)`,
      note: `You can ask for a new code in ${COOLDOWN_SECONDS} seconds.`,
    });
    expect(await ui.page.locator('#challenge-resend-note').getAttribute('aria-live')).toBe('polite');
    expect(ready).toEqual({ label: 'Send a new code', note: 'You can ask for a new code now.' });
    expect(afterResend).toEqual({ disabled: true, hint: RESENT_HINT });
    expect(newCode).not.toBe(oldCode);
    expect(afterOld).toBe('Wrong code: 2 attempts left.');
  });
});
