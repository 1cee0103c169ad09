import type { SignInFlow } from '@cognito-passwordless/contract';

/**
 * How the client files name the sign-in flow. The pool's own settings (password
 * policy, required attributes) are the contract package's.
 */

/** The Cognito flow every sign-in runs; `amplify_outputs.json` names it (Gen 2 has no finer value). */
export const AUTHENTICATION_FLOW_TYPE = 'CUSTOM_AUTH';

/**
 * `Auth.Default.authenticationFlowType` of the Gen 1 file for each sign-in
 * flow. Amplify Flutter v1 accepts both values (and the deprecated
 * `CUSTOM_AUTH`) and takes any of them as "sign in with CUSTOM_AUTH"; it then
 * starts with `SRP_A` only when the app passes a password (or chooses
 * `customAuthWithSrp` per call). Amplify Flutter v2 ignores the key.
 */
export const GEN1_AUTHENTICATION_FLOW_TYPES = Object.freeze({
  passwordless: 'CUSTOM_AUTH_WITHOUT_SRP',
  'password-then-code': 'CUSTOM_AUTH_WITH_SRP',
} as const satisfies Record<SignInFlow, string>);

export type Gen1AuthenticationFlowType = (typeof GEN1_AUTHENTICATION_FLOW_TYPES)[SignInFlow];
