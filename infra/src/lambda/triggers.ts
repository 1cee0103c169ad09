import { TRIGGER_NAMES, type TriggerName } from '@cognito-passwordless/contract';

/**
 * The three Cognito custom-auth triggers, as the contract names them. Each
 * name is also the Nx project that builds the bundle
 * (`dist/apps/<name>/index.mjs`) and the suffix of the deployed function's name.
 */
export const TRIGGERS = TRIGGER_NAMES;

export type { TriggerName };

/** A record with one value per trigger, e.g. each trigger's function name. */
export function perTrigger<T>(valueOf: (trigger: TriggerName) => T): Record<TriggerName, T> {
  return Object.fromEntries(TRIGGERS.map((trigger) => [trigger, valueOf(trigger)])) as Record<TriggerName, T>;
}

/** The file each bundle directory must hold; Lambda loads `index.handler` from it. */
export const BUNDLE_ENTRY_FILE = 'index.mjs';
export const HANDLER = 'index.handler';
