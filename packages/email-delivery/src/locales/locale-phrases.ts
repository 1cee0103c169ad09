/**
 * The sentences of one built-in locale. Only the app name (configured by the
 * operator) and the minutes enter them; the layout escapes every sentence
 * for HTML.
 */
export interface LocalePhrases {
  /** The subject; never the code (SES events and notifications show subjects). */
  subject(appName: string | undefined): string;
  /** The first line of the text, the HTML title and heading. */
  heading(appName: string | undefined): string;
  /** The line before the code. */
  intro: string;
  validFor(minutes: number): string;
  doNotShare: string;
  notYou: string;
}
