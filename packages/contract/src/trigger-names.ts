/**
 * The three Cognito custom-auth triggers. Each name is also the Nx project
 * that builds the bundle (`dist/apps/<name>/index.mjs`) and the suffix of the
 * deployed function's name.
 */
export const TRIGGER_NAMES = ['define-auth-challenge', 'create-auth-challenge', 'verify-auth-challenge'] as const;

export type TriggerName = (typeof TRIGGER_NAMES)[number];
