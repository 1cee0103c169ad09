import { codesIn, readMailStore, type CapturedEmail } from '@cognito-passwordless/ses-sink';

/** An email as aws-ses-v2-local shows it at `GET /store`. */
export type StoredEmail = CapturedEmail;

/** Reads what the SES sink captured, the way a developer would: over HTTP. */
export class MailReader {
  constructor(
    private readonly sesEndpoint: string,
    private readonly secrets: Set<string>,
  ) {}

  async to(address: string): Promise<StoredEmail[]> {
    const emails = await readMailStore(this.sesEndpoint);
    this.secrets.add(address);
    return emails.filter((email) => email.destination.to.includes(address));
  }

  /** The one 6–10 digit number in the newest email to `address` (the sign-in code). */
  async latestCode(address: string): Promise<string> {
    const emails = await this.to(address);
    const latest = emails.at(-1);
    if (latest === undefined) throw new Error('no email was sent to the address');
    const codes = codesIn(latest);
    if (codes.length !== 1) throw new Error(`expected exactly one code in the email, found ${codes.length}`);
    this.secrets.add(codes[0]!);
    return codes[0]!;
  }

  /** The code of the newest verification email ("Your verification code is <code>"). */
  async verificationCode(address: string): Promise<string> {
    const latest = (await this.to(address)).filter((email) => email.subject === 'Your verification code').at(-1);
    const match = /^Your verification code is (\d{6})$/.exec(latest?.body.text ?? '');
    if (!match) throw new Error('no verification email in the expected form');
    this.secrets.add(match[1]!);
    return match[1]!;
  }
}
