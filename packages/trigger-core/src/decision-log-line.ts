import type { DecisionLogFields, DecisionLogLine, DecisionLogTrigger, SignInFlow } from '@cognito-passwordless/contract';
import type { CreateDecision, CreateOutcome } from './create-challenge';
import type { DefineDecision } from './define-challenge';
import { ownField, readUserNotFound } from './event-fields';
import { logIdentity } from './log-identity';
import type { VerifyDecision } from './verify-answer';

/**
 * The decision line a trigger logs, typed by the contract: an outcome the
 * contract does not name does not build, so the metric filters built from
 * the same names always match what is written.
 */
export function decisionLogLine<T extends DecisionLogTrigger>(trigger: T, event: unknown, fields: DecisionLogFields<T>): DecisionLogLine<T> {
  const userNotFound = readUserNotFound(ownField(event, 'request')) === true;
  return { trigger, user: logIdentity(event), userNotFound, ...fields };
}

export const defineDecisionLine = (event: unknown, flow: SignInFlow, decision: DefineDecision): DecisionLogLine<'define'> =>
  decisionLogLine('define', event, { flow, ...decision });

export const createDecisionLine = (
  event: unknown,
  decision: CreateOutcome & Pick<CreateDecision, 'round' | 'attemptsLeft' | 'resends'>,
): DecisionLogLine<'create'> =>
  decisionLogLine('create', event, decision);

export const verifyDecisionLine = (event: unknown, decision: VerifyDecision): DecisionLogLine<'verify'> =>
  decisionLogLine('verify', event, decision);
