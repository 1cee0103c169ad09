import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { WORKSPACE_ROOT } from './stack';

/** Debian's Chromium; CHROMIUM_PATH points elsewhere (another distribution, macOS). */
export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] || '/usr/bin/chromium';
/** Headless, and nothing that reaches the network on its own. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
export const SCREENSHOT_DIR = join(WORKSPACE_ROOT, 'dist', 'screenshots');
const LOOPBACK = new Set(['127.0.0.1']);

export interface BrowserSession {
  readonly page: Page;
  readonly context: BrowserContext;
  /** Requests the page tried to send anywhere but 127.0.0.1 (aborted). */
  readonly offLoopback: string[];
  /** Uncaught errors and Content-Security-Policy violations in the page. */
  readonly pageErrors: string[];
  close(): Promise<void>;
}

/** Fails with how to install Chromium, rather than skipping: CI must run these tests. */
export function assertChromiumInstalled(): void {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium is not installed at ${CHROMIUM_PATH}, and the sign-in page's browser tests need it. ` +
        'On Debian or Ubuntu: sudo apt-get install -y chromium (npm test installs it when it may: the ensure-chromium target). ' +
        'Elsewhere, set CHROMIUM_PATH to a Chromium or Chrome executable.',
    );
  }
}

/** A headless Chromium with a fresh profile (user-data-dir), removed at close. */
export async function openBrowser(): Promise<BrowserSession> {
  assertChromiumInstalled();
  const profile = mkdtempSync(join(tmpdir(), 'sign-in-web-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 900, height: 760 },
    locale: 'en-US',
  });
  const offLoopback: string[] = [];
  const pageErrors: string[] = [];
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.protocol === 'data:' || LOOPBACK.has(url.hostname)) return route.continue();
    offLoopback.push(url.href);
    return route.abort('blockedbyclient');
  });
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) pageErrors.push(message.text());
  });
  return {
    page,
    context,
    offLoopback,
    pageErrors,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Closes the browser, then fails the test if the page sent a request off 127.0.0.1, threw, or broke its CSP. */
export async function closeBrowser(session: BrowserSession | undefined): Promise<void> {
  if (session === undefined) return;
  await session.close();
  expect({ offLoopback: session.offLoopback, pageErrors: session.pageErrors }).toEqual({ offLoopback: [], pageErrors: [] });
}

/** Saves `dist/screenshots/<name>.png` (the whole page). */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true, animations: 'disabled' });
}
