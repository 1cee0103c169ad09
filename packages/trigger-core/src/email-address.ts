/**
 * One plain ASCII address, as SES takes in a destination: no display name,
 * no list, no CR/LF, no comments. Anything else is refused rather than
 * repaired, so a crafted attribute cannot add recipients or headers.
 */
const PLAIN_ADDRESS =
  /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;

export const MAX_EMAIL_ADDRESS_LENGTH = 254;

export function isPlainEmailAddress(value: unknown): value is string {
  return typeof value === 'string' && value.length <= MAX_EMAIL_ADDRESS_LENGTH && PLAIN_ADDRESS.test(value);
}

/**
 * An address as logs may show it: `john@example.com` → `j***@e***.com`.
 * Anything that is not an address keeps only its first character.
 */
export function maskEmail(value: string): string {
  const at = value.lastIndexOf('@');
  if (at <= 0) return maskName(value);
  const domain = value.slice(at + 1);
  const dot = domain.lastIndexOf('.');
  const topLevel = dot > 0 ? domain.slice(dot) : '';
  return `${value[0]}***@${domain[0] ?? ''}***${topLevel}`;
}

function maskName(value: string): string {
  return value.length === 0 ? '' : `${Array.from(value)[0]}***`;
}
