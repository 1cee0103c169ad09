import { VERIFICATION_CODE_PLACEHOLDER, VERIFICATION_EMAIL_MESSAGE } from '@cognito-passwordless/contract';

/** The infra pool's verification message (`verificationMessageTemplate`) with the code in its placeholder. */
export const verificationEmailMessage = (code: string) => VERIFICATION_EMAIL_MESSAGE.replace(VERIFICATION_CODE_PLACEHOLDER, code);
/** Cognito's default invitation message for AdminCreateUser. */
export const INVITATION_EMAIL_SUBJECT = 'Your temporary password';
export const invitationEmailMessage = (username: string, password: string) =>
  `Your username is ${username} and temporary password is ${password}.`;

const SEND_TIMEOUT_MS = 4000;

export interface Email {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
}

/** Where the pool's own emails go (Cognito's "email sent by SES"). */
export interface Mailer {
  send(email: Email): Promise<void>;
}

/**
 * Sends through the SES v1 query API (`SendEmail`), as Cognito does in
 * DEVELOPER email mode, to the local SES sink. The sink checks only that an
 * `Authorization: AWS...` header is present, so the request is not signed.
 */
export class SesMailer implements Mailer {
  constructor(
    private readonly endpoint: string,
    private readonly from: string,
  ) {}

  async send(email: Email): Promise<void> {
    const body = new URLSearchParams({
      Action: 'SendEmail',
      Version: '2010-12-01',
      Source: this.from,
      'Destination.ToAddresses.member.1': email.to,
      'Message.Subject.Data': email.subject,
      'Message.Subject.Charset': 'UTF-8',
      'Message.Body.Text.Data': email.text,
      'Message.Body.Text.Charset': 'UTF-8',
    });
    const response = await fetch(`${this.endpoint}/`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded; charset=utf-8',
        authorization: 'AWS4-HMAC-SHA256 Credential=local/20240101/us-east-1/ses/aws4_request, SignedHeaders=host, Signature=local',
      },
      body,
      signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
    });
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`SES answered HTTP ${response.status}`);
  }
}
