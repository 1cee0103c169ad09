/**
 * How EMAIL_FROM's address (the contract's `senderAddressOf`: what SES checks
 * against the identity and what the `ses:FromAddress` IAM condition sees)
 * relates to the SES identity.
 */

import { isPlainEmailAddress } from '@cognito-passwordless/contract';

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
