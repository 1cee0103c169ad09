import type { SignInFlow } from '@cognito-passwordless/contract';

/**
 * Sign-up and sign-in settings of the user pool that the infra stack creates.
 * The client files describe them so that UI libraries (Authenticator, Flutter
 * sign-up forms) ask for the right attributes; infra imports them so that the
 * pool and the files cannot drift apart.
 */

/** Cognito's default password policy. A passwordless client still sends a (random) password at sign-up. */
export const USER_POOL_PASSWORD_POLICY = Object.freeze({
  minimumLength: 8,
  requireLowercase: true,
  requireUppercase: true,
  requireNumbers: true,
  requireSymbols: true,
  temporaryPasswordValidityDays: 7,
});

/** Users sign in with their username; email is required at sign-up and verified by code. */
export const USER_POOL_REQUIRED_ATTRIBUTES = Object.freeze(['email'] as const);

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
