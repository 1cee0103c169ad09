import { AuthChallengeError } from '@cognito-passwordless/trigger-core';

/** The email template file in the function's folder cannot be used; the function refuses to start. */
export class EmailTemplateError extends AuthChallengeError {
  override name = 'EmailTemplateError';

  constructor(
    /** The file, and the locale and part when one is at fault: `email-templates.json (de.html)`. */
    readonly where: string,
    problem: string,
    options?: { cause?: unknown },
  ) {
    super(`${where} ${problem}`, options);
  }
}
