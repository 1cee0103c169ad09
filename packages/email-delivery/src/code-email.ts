import { describeDuration, type CodeMessage } from '@cognito-passwordless/trigger-core';

export interface CodeEmail {
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

/**
 * The sign-in email: the code and how long it is valid, in plain text and
 * HTML. The code is digits only, so it needs no escaping; nothing else in the
 * body comes from the user.
 */
export function composeCodeEmail(message: Pick<CodeMessage, 'code' | 'validForSeconds'>, subject: string): CodeEmail {
  const validFor = describeDuration(message.validForSeconds);
  const text = [
    `Your sign-in code is ${message.code}`,
    '',
    `It is valid for ${validFor}. If you did not try to sign in, you can ignore this email.`,
  ].join('\n');
  const html = [
    '<!doctype html><html><body style="font-family:sans-serif">',
    `<p>Your sign-in code is</p><p style="font-size:28px;font-weight:bold;letter-spacing:4px">${message.code}</p>`,
    `<p>It is valid for ${validFor}. If you did not try to sign in, you can ignore this email.</p>`,
    '</body></html>',
  ].join('');
  return { subject, text, html };
}
