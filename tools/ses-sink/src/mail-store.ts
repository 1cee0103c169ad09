import type { CapturedEmail } from './ses-sink';

/**
 * The one reader of aws-ses-v2-local's `GET /store` (the CLI's `mail`, the
 * sign-in page's latest-codes panel, the sign-in driver, the tests): its URL,
 * its shape, and the codes in an email.
 */

/** `<sesEndpoint>/store`, with only the emails sent at or after `sinceEpochSeconds` when given. */
export function mailStoreUrl(sesEndpoint: string, sinceEpochSeconds?: number): string {
  return sinceEpochSeconds === undefined ? `${sesEndpoint}/store` : `${sesEndpoint}/store?since=${Math.floor(sinceEpochSeconds)}`;
}

/** The emails of a `/store` answer, oldest first. */
export function parseMailStore(text: string): CapturedEmail[] {
  const store = JSON.parse(text) as { emails?: unknown };
  if (!Array.isArray(store.emails)) throw new Error('the SES sink answered /store without an emails list');
  return store.emails as CapturedEmail[];
}

/** Reads the store over fetch (callers on a hot path send the request themselves and use `parseMailStore`). */
export async function readMailStore(sesEndpoint: string, sinceEpochSeconds?: number): Promise<CapturedEmail[]> {
  const response = await fetch(mailStoreUrl(sesEndpoint, sinceEpochSeconds));
  if (!response.ok) throw new Error(`the SES sink answered /store with HTTP ${response.status}`);
  return parseMailStore(await response.text());
}

/**
 * Every standalone 6–10 digit number in an email's text and HTML bodies,
 * each once (the same code usually appears in both). Digits after `#` or `&`
 * are colours and character references, not codes.
 */
export function codesIn(email: Pick<CapturedEmail, 'body'>): string[] {
  const found = new Set<string>();
  for (const body of [email.body.text ?? '', email.body.html ?? '']) {
    for (const match of body.matchAll(/(?<![\d#&])\d{6,10}(?!\d)/g)) found.add(match[0]);
  }
  return [...found];
}
