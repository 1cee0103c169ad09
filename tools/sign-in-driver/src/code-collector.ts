import { codesIn, mailStoreUrl, parseMailStore } from '@cognito-passwordless/ses-sink';
import { httpRequest } from './loopback-http';

interface Waiter {
  readonly address: string;
  readonly resolve: (code: string) => void;
  readonly reject: (error: Error) => void;
}

/**
 * Sign-in codes for many concurrent clients from one SES sink, read cheaply:
 * one `GET /store` serves every client waiting at that moment, and the store
 * is emptied every `clearEvery` codes so each read stays small. Clearing must
 * not lose an email, so it happens only at a quiet moment: new sign-ins wait
 * at the gate (`enter`) while those under way finish InitiateAuth (after
 * which their email is in the store: Create sends before answering) and
 * collect their codes.
 */
export class CodeCollector {
  private readonly waiters: Waiter[] = [];
  private readonly taken = new Set<string>();
  private running = false;
  private initiating = 0;
  private sinceClear = 0;
  private gate: { readonly closed: Promise<void>; readonly open: () => void } | undefined;

  constructor(
    private readonly sesEndpoint: string,
    private readonly clearEvery = 256,
  ) {}

  /** Before InitiateAuth; `code` ends the pair. */
  async enter(): Promise<void> {
    while (this.gate) await this.gate.closed;
    this.initiating++;
  }

  /** Ends an `enter` whose InitiateAuth failed: no email will come, and clearing may go ahead. */
  leave(): void {
    this.initiating--;
    void this.run();
  }

  /** The code of the one unread email to `address`: call once InitiateAuth answered. */
  code(address: string): Promise<string> {
    const code = new Promise<string>((resolve, reject) => this.waiters.push({ address, resolve, reject }));
    this.initiating--;
    void this.run();
    return code;
  }

  private async run(): Promise<void> {
    if (this.running) return;
    this.running = true;
    let fruitless = 0;
    try {
      while (this.waiters.length > 0 || this.gate) {
        if (this.waiters.length > 0) {
          fruitless = (await this.readOnce()) ? 0 : fruitless + 1;
          if (fruitless > 500) throw new Error('no sign-in email arrived for a waiting client');
        }
        if (this.sinceClear >= this.clearEvery && !this.gate) {
          let open!: () => void;
          const closed = new Promise<void>((resolve) => (open = resolve));
          this.gate = { closed, open };
        }
        if (this.gate && this.initiating === 0 && this.waiters.length === 0) {
          await httpRequest(`${this.sesEndpoint}/clear-store`, { method: 'POST' });
          this.taken.clear();
          this.sinceClear = 0;
          const { open } = this.gate;
          this.gate = undefined;
          open();
        } else if (this.gate || fruitless > 0) {
          await new Promise((resolve) => setTimeout(resolve, 1));
        }
      }
    } catch (error) {
      for (const waiter of this.waiters.splice(0)) waiter.reject(error as Error);
    } finally {
      this.running = false;
    }
  }

  /** One read of the store; whether it served anybody. */
  private async readOnce(): Promise<boolean> {
    const { text } = await httpRequest(mailStoreUrl(this.sesEndpoint));
    const emails = parseMailStore(text);
    let served = false;
    for (const email of emails) {
      if (this.taken.has(email.messageId)) continue;
      const index = this.waiters.findIndex((w) => email.destination.to.includes(w.address));
      const waiter = this.waiters[index];
      if (!waiter) continue;
      this.waiters.splice(index, 1);
      this.taken.add(email.messageId);
      this.sinceClear++;
      served = true;
      const code = codesIn(email)[0];
      if (code) waiter.resolve(code);
      else waiter.reject(new Error('the sign-in email holds no code'));
    }
    return served;
  }
}
