import { codesIn, readMailStore } from '@cognito-passwordless/ses-sink';

/** Served beside the page by the local stack only: the codes of the newest emails, for the page's dev panel. */
export const LATEST_CODES_FILE_NAME = 'local-codes.json';
export const LATEST_CODES_COUNT = 5;

/** One email with a code in it, as the panel lists it. */
export interface LatestCode {
  readonly to: readonly string[];
  readonly subject: string;
  /** ISO 8601, from the sink's capture time. */
  readonly sentAt: string;
  readonly codes: readonly string[];
}

/**
 * `local-codes.json`: the newest `LATEST_CODES_COUNT` emails the SES sink
 * caught that hold a code, newest first. Local development only: it shows
 * what the mail viewer at `<sesEndpoint>/` shows, without a click per email.
 */
export async function latestCodesDocument(sesEndpoint: string): Promise<string> {
  const latest: LatestCode[] = (await readMailStore(sesEndpoint))
    .map((email) => ({ to: email.destination.to, subject: email.subject, sentAt: new Date(email.at * 1000).toISOString(), codes: codesIn(email) }))
    .filter((email) => email.codes.length > 0)
    .slice(-LATEST_CODES_COUNT)
    .reverse();
  return `${JSON.stringify({ codes: latest }, null, 2)}\n`;
}
