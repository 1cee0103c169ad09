import type { LocalePhrases } from './locales';
import { escapeHtml } from './html-escape';

export interface CodeEmail {
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

/** The only values an email holds. */
export interface CodeEmailValues {
  readonly code: string;
  /** Whole minutes the code is valid. */
  readonly minutes: number;
  /** The product's name as configured (EMAIL_APP_NAME), if any. */
  readonly appName: string | undefined;
}

/** One locale's email, ready to fill in. */
export type CodeEmailTemplate = (values: CodeEmailValues) => CodeEmail;

/**
 * The built-in layout: a text part, and an HTML part that mail clients
 * render alike (tables and inline styles, no images, scripts or external
 * CSS), with the language and a title for screen readers and the code as
 * large monospace text, not an image.
 */
export const builtInTemplate =
  (locale: string, phrases: LocalePhrases): CodeEmailTemplate =>
  ({ code, minutes, appName }) => {
    const heading = phrases.heading(appName);
    const validFor = phrases.validFor(minutes);
    const text = [heading, '', phrases.intro, '', code, '', validFor, '', phrases.doNotShare, phrases.notYou, ''].join('\n');
    const e = escapeHtml;
    const html = [
      `<!DOCTYPE html><html lang="${e(locale)}" dir="ltr"><head><meta charset="utf-8">`,
      '<meta name="viewport" content="width=device-width, initial-scale=1"><meta name="color-scheme" content="light">',
      `<title>${e(heading)}</title></head>`,
      '<body style="margin:0;padding:0;background-color:#f3f4f6">',
      '<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background-color:#f3f4f6"><tr><td align="center" style="padding:24px 12px">',
      '<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="max-width:480px;background-color:#ffffff;border-radius:8px">',
      '<tr><td style="padding:32px 28px;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:24px;color:#1f2937">',
      `<h1 style="margin:0 0 16px;font-size:22px;line-height:28px;color:#0f172a">${e(heading)}</h1>`,
      `<p style="margin:0 0 16px">${e(phrases.intro)}</p>`,
      `<p style="margin:0 0 16px;padding:16px;background-color:#f3f4f6;border-radius:6px;text-align:center;font-family:'Courier New',Courier,monospace;font-size:32px;line-height:40px;font-weight:bold;letter-spacing:6px;color:#0f172a">${e(code)}</p>`,
      `<p style="margin:0 0 16px">${e(validFor)}</p>`,
      `<p style="margin:0 0 8px;font-size:14px;line-height:20px;color:#4b5563">${e(phrases.doNotShare)}</p>`,
      `<p style="margin:0;font-size:14px;line-height:20px;color:#4b5563">${e(phrases.notYou)}</p>`,
      '</td></tr></table></td></tr></table></body></html>',
    ].join('\n');
    return { subject: phrases.subject(appName), text, html };
  };
