/** An email as aws-ses-v2-local shows it at `GET /store`. */
interface StoredEmail {
  readonly destination: { readonly to: readonly string[] };
  readonly subject: string;
  readonly body: { readonly text?: string; readonly html?: string };
}

const POLL_MS = 50;
const WAIT_MS = 5000;

/** Reads the codes the stack sent, from the SES sink's `/store`, as a developer would in the mail viewer. */
export class Mailbox {
  constructor(private readonly sesEndpoint: string) {}

  async emailsTo(address: string): Promise<StoredEmail[]> {
    const response = await fetch(`${this.sesEndpoint}/store`);
    const store = (await response.json()) as { emails: StoredEmail[] };
    return store.emails.filter((email) => email.destination.to.includes(address));
  }

  /** The one 6–10 digit code in email number `count` to `address` (waiting for it to arrive). */
  async code(address: string, count: number): Promise<string> {
    const deadline = Date.now() + WAIT_MS;
    for (;;) {
      const emails = await this.emailsTo(address);
      const email = emails[count - 1];
      if (email !== undefined) {
        const codes = new Set(`${email.body.text ?? ''} ${email.body.html ?? ''}`.match(/(?<![\d#&])\d{6,10}(?!\d)/g) ?? []);
        if (codes.size !== 1) throw new Error(`expected one code in the email "${email.subject}", found ${codes.size}`);
        return [...codes][0]!;
      }
      if (Date.now() > deadline) throw new Error(`email number ${count} to the address did not arrive within ${WAIT_MS} ms (${emails.length} so far)`);
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }
}

/** A code of the same length that is surely not `code`. */
export function wrongCode(code: string): string {
  return code.replace(/\d$/, (digit) => String((Number(digit) + 1) % 10));
}
