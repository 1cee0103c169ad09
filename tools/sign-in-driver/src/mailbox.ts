import { httpRequest } from './loopback-http';

/** An email as aws-ses-v2-local shows it at `GET /store`. */
interface StoredEmail {
  readonly destination: { readonly to: readonly string[] };
  readonly body: { readonly text?: string };
  /** Epoch seconds. */
  readonly at: number;
}

/**
 * Reads sign-in codes from the SES sink. Only the emails of the last seconds
 * are fetched (`/store?since=`), so reading stays cheap however many sign-ins
 * came before.
 */
export class Mailbox {
  constructor(private readonly sesEndpoint: string) {}

  async emailsTo(address: string, sinceEpochSeconds = 0): Promise<StoredEmail[]> {
    const { text } = await httpRequest(`${this.sesEndpoint}/store?since=${Math.floor(sinceEpochSeconds)}`);
    const { emails } = JSON.parse(text) as { emails: StoredEmail[] };
    return emails.filter((email) => email.destination.to.includes(address));
  }

  /** The code of the newest email to `address` sent at or after `sinceEpochSeconds`; throws when there is none. */
  async code(address: string, sinceEpochSeconds: number): Promise<string> {
    const latest = (await this.emailsTo(address, sinceEpochSeconds)).at(-1);
    const code = latest?.body.text?.match(/\b\d{6,10}\b/)?.[0];
    if (code === undefined) throw new Error('no sign-in email with a code arrived');
    return code;
  }
}
