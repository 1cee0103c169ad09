import { join } from 'node:path';
import { TRIGGER_NAMES, triggerBundlePath, type TriggerName } from '@cognito-passwordless/contract';

/** The three trigger functions, by the names of their Nx projects and bundle folders (the contract's names). */
export const TRIGGERS = TRIGGER_NAMES;
export type Trigger = TriggerName;

/** Where `npm run build` writes a trigger's bundle, under the workspace root. */
export const bundlePath = (workspaceRoot: string, trigger: Trigger): string => join(workspaceRoot, triggerBundlePath(trigger));

/**
 * The size budget of each bundle, in bytes (1 KB = 1,000 bytes): the bundle
 * tests assert it, the benchmark reports it. Create and Verify carry the
 * DynamoDB client of the sign-in state store (Create the SES client too);
 * Define needs no store.
 */
export const BUNDLE_BUDGET_BYTES: Readonly<Record<Trigger, number>> = Object.freeze({
  'define-auth-challenge': 40_000,
  'create-auth-challenge': 420_000,
  'verify-auth-challenge': 400_000,
});
