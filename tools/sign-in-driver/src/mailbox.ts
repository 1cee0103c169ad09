import { codesIn, mailStoreUrl, parseMailStore, type CapturedEmail } from '@cognito-passwordless/ses-sink';
import { httpRequest } from './loopback-http';

/**
 * Reads sign-in codes from the SES sink. Only the emails of the last seconds
 * are fetched (`/store?since=`), so reading stays cheap however many sign-ins
 * came before.
 */
export class Mailbox {
  constructor(private readonly sesEndpoint: string) {}

  async emailsTo(address: string, sinceEpochSeconds = 0): Promise<CapturedEmail[]> {
    const { text } = await httpRequest(mailStoreUrl(this.sesEndpoint, sinceEpochSeconds));
    return parseMailStore(text).filter((email) => email.destination.to.includes(address));
  }

  /** The code of the newest email to `address` sent at or after `sinceEpochSeconds`; throws when there is none. */
  async code(address: string, sinceEpochSeconds: number): Promise<string> {
    const latest = (await this.emailsTo(address, sinceEpochSeconds)).at(-1);
    const code = latest === undefined ? undefined : codesIn(latest)[0];
    if (code === undefined) throw new Error('no sign-in email with a code arrived');
    return code;
  }
}
