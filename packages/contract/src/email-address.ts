/**
 * What counts as an email address, for every project: the Create trigger
 * before it sends, infra when it checks EMAIL_FROM and the SES identity, and
 * the local stack when a sign-up sets `email`.
 *
 * One plain ASCII address, as SES takes in a destination: no display name,
 * no list, no CR/LF, no comments, a bounded local part and domain. Anything
 * else is refused rather than repaired, so a crafted attribute cannot add
 * recipients or headers. This is stricter than Cognito's own attribute check
 * on purpose: an address the Create trigger would refuse to mail is no use
 * at sign-up either.
 */
const DOMAIN_LABEL = '[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?';
const DOMAIN_NAME = `${DOMAIN_LABEL}(?:\\.${DOMAIN_LABEL})+`;
const PLAIN_ADDRESS = new RegExp(`^[A-Za-z0-9.!#$%&'*+/=?^_\`{|}~-]{1,64}@${DOMAIN_NAME}$`);
const PLAIN_DOMAIN = new RegExp(`^${DOMAIN_NAME}$`);

export const MAX_EMAIL_ADDRESS_LENGTH = 254;
export const MAX_DOMAIN_NAME_LENGTH = 253;

export function isPlainEmailAddress(value: unknown): value is string {
  return typeof value === 'string' && value.length <= MAX_EMAIL_ADDRESS_LENGTH && PLAIN_ADDRESS.test(value);
}

/** A DNS name of two labels or more (`example.com`, `mail.example.co.uk`). */
export function isDomainName(value: unknown): value is string {
  return typeof value === 'string' && value.length <= MAX_DOMAIN_NAME_LENGTH && PLAIN_DOMAIN.test(value);
}

/**
 * An address as logs, and Cognito's `CodeDeliveryDetails.Destination`, show
 * it: `john@example.com` → `j***@e***.com`. Anything that is not an address
 * keeps only its first character.
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

/** EMAIL_FROM as SES sends it and the Create trigger accepts it: at most this many characters. */
export const MAX_SENDER_LENGTH = 320;
/** `Name <address>`: a name of 1 to 64 characters without `<`, `>`, quotes or line breaks, one space, the address. */
const NAMED_SENDER = /^[^<>"\r\n]{1,64} <([^<>\s]+)>$/;

/**
 * The address of an EMAIL_FROM value, `address` or `Name <address>`, or
 * undefined when the value is neither. One rule for the Create trigger,
 * which refuses to start on a sender it cannot use, and for infra, which
 * checks the same at synth and matches the address against the SES identity.
 */
export function senderAddressOf(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.length > MAX_SENDER_LENGTH) return undefined;
  const address = NAMED_SENDER.exec(value)?.[1] ?? value;
  return isPlainEmailAddress(address) ? address : undefined;
}
