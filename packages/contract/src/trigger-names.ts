/**
 * The three Cognito custom-auth triggers. Each name is also the Nx project
 * that builds the bundle (`dist/apps/<name>/index.mjs`) and the suffix of the
 * deployed function's name.
 */
export const TRIGGER_NAMES = ['define-auth-challenge', 'create-auth-challenge', 'verify-auth-challenge'] as const;

export type TriggerName = (typeof TRIGGER_NAMES)[number];

/** The file of each trigger's bundle, in `dist/apps/<name>/` and at the root of its Lambda zip. */
export const TRIGGER_BUNDLE_FILE = 'index.mjs';

/** Where the build writes a trigger's bundle, relative to the workspace root (an interface: do not move it). */
export const triggerBundlePath = (trigger: TriggerName): string => `dist/apps/${trigger}/${TRIGGER_BUNDLE_FILE}`;
