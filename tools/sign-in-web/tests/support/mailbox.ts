import { codesIn, readMailStore, type CapturedEmail } from '@cognito-passwordless/ses-sink';

const POLL_MS = 50;
const WAIT_MS = 5000;

/** Reads the codes the stack sent, from the SES sink's `/store`, as a developer would in the mail viewer. */
export class Mailbox {
  constructor(private readonly sesEndpoint: string) {}

  async emailsTo(address: string): Promise<CapturedEmail[]> {
    return (await readMailStore(this.sesEndpoint)).filter((email) => email.destination.to.includes(address));
  }

  /** The one 6–10 digit code in email number `count` to `address` (waiting for it to arrive). */
  async code(address: string, count: number): Promise<string> {
    const deadline = Date.now() + WAIT_MS;
    for (;;) {
      const emails = await this.emailsTo(address);
      const email = emails[count - 1];
      if (email !== undefined) {
        const codes = codesIn(email);
        if (codes.length !== 1) throw new Error(`expected one code in the email "${email.subject}", found ${codes.length}`);
        return codes[0]!;
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
