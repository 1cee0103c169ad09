import { SES_IDENTITY_LOGICAL_ID } from '../constructs/email-identity.js';
import type { IdentityState } from './deploy-steps.js';

interface ShowJson {
  readonly values?: {
    readonly root_module?: {
      readonly resources?: readonly { readonly address: string; readonly values?: Record<string, unknown> }[];
    };
  };
}

/** The SES identity as `terraform show -json` (of the current state) describes it. */
export function identityStateOf(show: unknown): IdentityState {
  const resources = (show as ShowJson | null)?.values?.root_module?.resources ?? [];
  const identity = resources.find((resource) => resource.address === `aws_sesv2_email_identity.${SES_IDENTITY_LOGICAL_ID}`);
  if (identity === undefined) return { kind: 'absent' };
  const values = identity.values ?? {};
  const dkim = (values['dkim_signing_attributes'] as { tokens?: unknown }[] | undefined)?.[0]?.tokens;
  return {
    kind: 'present',
    verified: values['verified_for_sending_status'] === true,
    dkimTokens: Array.isArray(dkim) ? dkim.filter((token): token is string => typeof token === 'string') : [],
  };
}
