import type { Locator, Page } from 'playwright-core';

/** The headings of the page's screens (each screen is a region named by its heading). */
export type ScreenName = 'Sign in' | 'Enter your code' | 'Create an account' | 'Confirm your email' | 'Signed in';

/** Drives the page the way a person does: by labels, button names and what is on screen. */
export class SignInPage {
  constructor(readonly page: Page) {}

  screen(name: ScreenName): Locator {
    return this.page.getByRole('region', { name, exact: true });
  }

  async open(url: string, expected: ScreenName = 'Sign in'): Promise<void> {
    await this.page.goto(url);
    await this.waitForScreen(expected);
  }

  async waitForScreen(name: ScreenName): Promise<void> {
    await this.screen(name).waitFor({ state: 'visible' });
  }

  /** Waits until the live region says `text` (a whole-message match). */
  async waitForStatus(text: string): Promise<void> {
    await this.page.getByRole('status').filter({ hasText: new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) }).waitFor();
  }

  async status(): Promise<string> {
    return (await this.page.getByRole('status').textContent())?.trim() ?? '';
  }

  async hint(): Promise<string> {
    return (await this.page.locator('#challenge-hint').textContent())?.trim() ?? '';
  }

  /** The id of the focused element. */
  focusedId(): Promise<string> {
    return this.page.evaluate(() => document.activeElement?.id ?? '');
  }

  /** Fills the sign-up form: password-then-code with `password`, passwordless (no password field) without. */
  async signUp(user: { username: string; email: string }, password?: string): Promise<void> {
    const screen = this.screen('Create an account');
    await screen.getByLabel('Username').fill(user.username);
    await screen.getByLabel('Email').fill(user.email);
    if (password !== undefined) await screen.getByLabel('Password').fill(password);
    await screen.getByRole('button', { name: 'Create account' }).click();
  }

  async confirmSignUp(code: string): Promise<void> {
    const screen = this.screen('Confirm your email');
    await screen.getByLabel('Verification code').fill(code);
    await screen.getByRole('button', { name: 'Confirm' }).click();
  }

  /** Fills the sign-in form and asks for a code: passwordless without `password`, password-then-code with it. */
  async requestCode(username: string, password?: string): Promise<void> {
    const screen = this.screen('Sign in');
    await screen.getByLabel('Username').fill(username);
    if (password !== undefined) await screen.getByLabel('Password').fill(password);
    await screen.getByRole('button', { name: password === undefined ? 'Email me a code' : 'Continue' }).click();
  }

  /** Types a code on the challenge screen and submits it, then waits until the page has the answer. */
  async enterCode(code: string): Promise<void> {
    const screen = this.screen('Enter your code');
    await screen.getByLabel('Code', { exact: true }).fill(code);
    await screen.getByRole('button', { name: 'Sign in', exact: true }).click();
    await this.page.waitForFunction(() => document.getElementById('challenge-form')?.getAttribute('aria-busy') !== 'true');
  }

  /** The claims table of the signed-in screen. */
  claims(): Promise<Record<string, string>> {
    return this.page.$$eval('#claims tr', (rows) =>
      Object.fromEntries(rows.map((row) => [row.children[0]?.textContent ?? '', row.children[1]?.textContent ?? ''])),
    );
  }

  /** Keys Amplify keeps in localStorage for tokens. */
  storedTokenKeys(): Promise<string[]> {
    return this.page.evaluate(() => Object.keys(localStorage).filter((key) => /idToken|accessToken|refreshToken/.test(key)));
  }
}
