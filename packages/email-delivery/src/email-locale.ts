/**
 * The locale an email is written in: the user's tag exactly, then its
 * language (`de-CH` → `de`), then the default. Tags compare without case,
 * as BCP 47 says.
 */
export function resolveEmailLocale(userLocale: string | undefined, available: ReadonlySet<string>, defaultLocale: string): string {
  if (userLocale !== undefined) {
    const tag = userLocale.toLowerCase();
    if (available.has(tag)) return tag;
    const [language = tag] = tag.split('-');
    if (available.has(language)) return language;
  }
  return defaultLocale.toLowerCase();
}
