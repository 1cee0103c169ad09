import { DECISION_OUTCOMES } from '@cognito-passwordless/contract';
import { createDecisionLine, decisionLogLine, defineDecisionLine, verifyDecisionLine } from '../src';

const event = (userNotFound: unknown) => ({ userName: 'jane@example.com', request: { userAttributes: {}, userNotFound } });

describe('the decision log line', () => {
  it("names the trigger, the masked user and whether the user exists, beside the decision's own fields", () => {
    expect(defineDecisionLine(event(false), 'passwordless', { outcome: 'custom-challenge', round: 1, resends: 0 })).toEqual({
      trigger: 'define',
      user: 'j***@e***.com',
      userNotFound: false,
      flow: 'passwordless',
      outcome: 'custom-challenge',
      round: 1,
      resends: 0,
    });
    expect(createDecisionLine(event(true), { outcome: 'decoy', reason: 'user-not-found', round: 1, attemptsLeft: 3, resends: 0 })).toEqual({
      trigger: 'create',
      user: 'j***@e***.com',
      userNotFound: true,
      outcome: 'decoy',
      reason: 'user-not-found',
      round: 1,
      attemptsLeft: 3,
      resends: 0,
    });
    expect(verifyDecisionLine(event(false), { answerCorrect: false, outcome: 'limited', reason: 'failed-answers-per-day' })).toMatchObject({
      trigger: 'verify',
      outcome: 'limited',
      reason: 'failed-answers-per-day',
    });
  });

  it('counts only a boolean true as an unknown user, and never copies the event', () => {
    expect(decisionLogLine('verify', event('true'), { outcome: 'error' }).userNotFound).toBe(false);
    expect(decisionLogLine('verify', null, { outcome: 'error' })).toEqual({ trigger: 'verify', user: 'unknown', userNotFound: false, outcome: 'error' });
    const line = JSON.stringify(decisionLogLine('create', { ...event(false), request: { code: '123456' } }, { outcome: 'code-sent' }));
    expect(line).not.toContain('123456');
    expect(line).not.toContain('jane@example.com');
  });

  it('writes only outcomes the contract names', () => {
    expect(DECISION_OUTCOMES.define).toContain(defineDecisionLine({}, 'password-then-code', { outcome: 'password-verifier' }).outcome);
  });
});
