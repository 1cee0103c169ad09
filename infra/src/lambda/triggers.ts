import { TRIGGER_NAMES, type TriggerName } from '@cognito-passwordless/contract';

/** A record with one value per trigger, e.g. each trigger's function name. */
export function perTrigger<T>(valueOf: (trigger: TriggerName) => T): Record<TriggerName, T> {
  return Object.fromEntries(TRIGGER_NAMES.map((trigger) => [trigger, valueOf(trigger)])) as Record<TriggerName, T>;
}

/** The file each bundle directory must hold; Lambda loads `index.handler` from it. */
export const BUNDLE_ENTRY_FILE = 'index.mjs';
export const HANDLER = 'index.handler';
