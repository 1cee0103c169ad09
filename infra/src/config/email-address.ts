/**
 * EMAIL_FROM is either a bare address or `Name <address>`, as SES and Cognito
 * accept it. This module extracts the address (which is what SES checks
 * against the identity and what the `ses:FromAddress` IAM condition sees).
 */

import { isPlainEmailAddress } from '@cognito-passwordless/contract';

const NAMED = /^([^<>\r\n]*[^<>\s])\s*<([^<>\s]+)>$/;

/** The address inside an EMAIL_FROM value, or undefined when the value is not one. */
export function fromAddressOf(emailFrom: string): string | undefined {
  if (/[\r\n]/.test(emailFrom)) return undefined;
  const address = NAMED.exec(emailFrom)?.[2] ?? emailFrom;
  return isPlainEmailAddress(address) ? address : undefined;
}

/** True when SES would let `address` send through `identity` (an address or a domain). */
export function identityCoversAddress(identity: string, address: string): boolean {
  const wanted = identity.toLowerCase();
  const given = address.toLowerCase();
  return isPlainEmailAddress(wanted) ? given === wanted : given.endsWith(`@${wanted}`);
}

/** True when `domain` can be the custom MAIL FROM domain of `identity`: a subdomain of its domain. */
export function isMailFromDomainOf(domain: string, identity: string): boolean {
  const identityDomain = (isPlainEmailAddress(identity) ? identity.slice(identity.lastIndexOf('@') + 1) : identity).toLowerCase();
  return domain.toLowerCase().endsWith(`.${identityDomain}`);
}
