import {
  DECISION_LOG_TRIGGERS,
  type DecisionLogField,
  type DecisionLogTriggerOf,
  type DecisionOutcome,
  type DecisionReason,
  type TriggerName,
} from '@cognito-passwordless/contract';

/**
 * CloudWatch Logs filter patterns over the triggers' decision lines, written
 * only with the contract's names: the `trigger` value, the outcomes each
 * trigger logs and the reasons the contract lists. A renamed or removed
 * outcome stops infra from building instead of silently starving an alarm.
 */

/** One condition of a JSON filter pattern. */
export interface FilterCondition {
  readonly text: string;
}

const condition = (text: string): FilterCondition => ({ text });

/** A field of the contract's line compared with a string (quoted) or a number. */
const fieldIs = (field: DecisionLogField, value: string | number): FilterCondition =>
  condition(`$.${field} = ${typeof value === 'string' ? `"${value}"` : value}`);

/** Each condition in parentheses, joined: CloudWatch does not document how `&&` and `||` bind. */
const joined = (operator: '&&' | '||', conditions: readonly FilterCondition[]): FilterCondition =>
  condition(conditions.map(({ text }) => `(${text})`).join(` ${operator} `));

export const allOf = (...conditions: FilterCondition[]): FilterCondition => joined('&&', conditions);
export const anyOf = (...conditions: FilterCondition[]): FilterCondition => joined('||', conditions);

/** The pattern a metric filter takes: `{ <condition> }`. */
export const filterPattern = ({ text }: FilterCondition): string => `{ ${text} }`;

/** Conditions on the lines of some triggers, typed by what those triggers log. */
export interface DecisionLines<T extends TriggerName> {
  /** The triggers whose log groups hold the lines. */
  readonly triggers: readonly T[];
  /** The line was written by `trigger`. */
  writtenBy(trigger: T): FilterCondition;
  outcomeIs(outcome: DecisionOutcome<DecisionLogTriggerOf<T>>): FilterCondition;
  reasonIs(reason: DecisionReason): FilterCondition;
  roundIs(round: number): FilterCondition;
  userNotFoundIs(userNotFound: boolean): FilterCondition;
}

export function decisionLinesOf<T extends TriggerName>(...triggers: T[]): DecisionLines<T> {
  return {
    triggers,
    writtenBy: (trigger) => fieldIs('trigger', DECISION_LOG_TRIGGERS[trigger]),
    outcomeIs: (outcome) => fieldIs('outcome', outcome),
    reasonIs: (reason) => fieldIs('reason', reason),
    roundIs: (round) => fieldIs('round', round),
    userNotFoundIs: (userNotFound) => condition(`$.${'userNotFound' satisfies DecisionLogField} IS ${userNotFound ? 'TRUE' : 'FALSE'}`),
  };
}
