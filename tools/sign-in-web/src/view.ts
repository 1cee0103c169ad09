export const SCREENS = ['sign-in', 'challenge', 'sign-up', 'confirm-sign-up', 'signed-in'] as const;
export type Screen = (typeof SCREENS)[number];
export type Tone = 'info' | 'error' | 'success';

const TITLES: Readonly<Record<Screen, string>> = {
  'sign-in': 'Sign in',
  challenge: 'Enter your code',
  'sign-up': 'Create an account',
  'confirm-sign-up': 'Confirm your email',
  'signed-in': 'Signed in',
};
const SITE_TITLE = 'local Cognito stack';

/** The page's DOM: one screen shown at a time, one live region for messages. */
export class View {
  private readonly status: HTMLElement;

  constructor(private readonly document: Document) {
    this.status = this.element('status');
  }

  element<T extends HTMLElement = HTMLElement>(id: string): T {
    const found = this.document.getElementById(id);
    if (found === null) throw new Error(`The page has no #${id}`);
    return found as T;
  }

  input(id: string): HTMLInputElement {
    return this.element<HTMLInputElement>(id);
  }

  /** Shows one screen and moves focus into it (to `focus`, or its heading), so keyboard and screen reader users land on it. */
  show(screen: Screen, focus?: HTMLElement): void {
    for (const id of SCREENS) this.element(id).hidden = id !== screen;
    this.document.title = `${TITLES[screen]} · ${SITE_TITLE}`;
    (focus ?? this.element(`${screen}-title`)).focus();
  }

  /** Puts a message in the live region (announced politely); an empty text clears it. */
  say(text: string, tone: Tone = 'info'): void {
    this.status.dataset['tone'] = tone;
    this.status.textContent = text;
  }

  /** Runs `work` with the form marked busy and its buttons disabled, so a request is never sent twice. */
  async busy(form: HTMLFormElement, work: () => Promise<void>): Promise<void> {
    if (form.getAttribute('aria-busy') === 'true') return;
    const buttons = [...form.querySelectorAll('button')];
    const enabled = buttons.filter((button) => !button.disabled);
    form.setAttribute('aria-busy', 'true');
    for (const button of enabled) button.disabled = true;
    try {
      await work();
    } finally {
      form.removeAttribute('aria-busy');
      for (const button of enabled) button.disabled = false;
    }
  }
}
