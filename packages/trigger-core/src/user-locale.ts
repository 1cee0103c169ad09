import { readUserAttribute } from './event-fields';

/**
 * A BCP 47 language tag as people's profiles hold them (`de`, `pt-BR`,
 * `zh-Hant-TW`): a 2–3 letter language and up to four subtags. The attribute
 * is user-writable text, so anything else is dropped rather than passed on.
 */
const LANGUAGE_TAG = /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8}){0,4}$/;

/** The user's `locale` attribute if it is a well-formed language tag, else undefined. */
export function readUserLocale(request: unknown): string | undefined {
  const locale = readUserAttribute(request, 'locale');
  return locale !== undefined && LANGUAGE_TAG.test(locale) ? locale : undefined;
}
