import { TRIGGER_NAMES, type TriggerName } from '@cognito-passwordless/contract';

/** A record with one value per trigger, e.g. each trigger's function name. */
export function perTrigger<T>(valueOf: (trigger: TriggerName) => T): Record<TriggerName, T> {
  return Object.fromEntries(TRIGGER_NAMES.map((trigger) => [trigger, valueOf(trigger)])) as Record<TriggerName, T>;
}

/** Lambda loads `handler` from the contract's TRIGGER_BUNDLE_FILE (`index.mjs`) at the zip's root. */
export const HANDLER = 'index.handler';
