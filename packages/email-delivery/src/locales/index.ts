import type { SHIPPED_EMAIL_LOCALES } from '@cognito-passwordless/contract';
import { de } from './de';
import { en } from './en';
import { es } from './es';
import { fr } from './fr';
import { ja } from './ja';
import type { LocalePhrases } from './locale-phrases';

export type { LocalePhrases } from './locale-phrases';

/** The built-in locales, one per entry of the contract's SHIPPED_EMAIL_LOCALES. */
export const BUILT_IN_LOCALES: Readonly<Record<(typeof SHIPPED_EMAIL_LOCALES)[number], LocalePhrases>> = { en, de, fr, es, ja };
