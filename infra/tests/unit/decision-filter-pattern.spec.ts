import { DECISION_LOG_TRIGGERS, DECISION_OUTCOMES } from '@cognito-passwordless/contract';
import { allOf, anyOf, decisionLinesOf, filterPattern } from '../../src/monitoring/decision-filter-pattern.js';
import { SIGN_IN_METRIC_NAMES, SIGN_IN_METRICS } from '../../src/monitoring/sign-in-metrics.js';
import { compileFilterPattern } from '../helpers/filter-pattern.js';

describe('decision filter patterns', () => {
  const define = decisionLinesOf('define-auth-challenge');

  it('writes the JSON filter syntax, every condition of a conjunction or disjunction in parentheses', () => {
    const pattern = filterPattern(
      allOf(define.writtenBy('define-auth-challenge'), define.userNotFoundIs(true), anyOf(define.outcomeIs('fail'), define.roundIs(2))),
    );
    expect(pattern).toBe('{ ($.trigger = "define") && ($.userNotFound IS TRUE) && (($.outcome = "fail") || ($.round = 2)) }');
    expect(filterPattern(define.reasonIs('attempts-exhausted'))).toBe('{ $.reason = "attempts-exhausted" }');
  });

  it('matches the lines it describes and no others', () => {
    const matches = compileFilterPattern(filterPattern(allOf(define.writtenBy('define-auth-challenge'), define.userNotFoundIs(false))));
    expect(matches(JSON.stringify({ trigger: 'define', userNotFound: false }))).toBe(true);
    expect(matches(JSON.stringify({ trigger: 'define', userNotFound: true }))).toBe(false);
    expect(matches(JSON.stringify({ trigger: 'verify', userNotFound: false }))).toBe(false);
  });

  it.each(SIGN_IN_METRIC_NAMES)('%s tests only outcomes that each trigger it reads logs', (name) => {
    const metric = SIGN_IN_METRICS[name];
    const outcomes = [...metric.pattern.matchAll(/\$\.outcome = "([^"]+)"/g)].map((match) => match[1]);
    expect(outcomes.length).toBeGreaterThan(0);
    for (const trigger of metric.triggers) {
      expect(DECISION_OUTCOMES[DECISION_LOG_TRIGGERS[trigger]]).toEqual(expect.arrayContaining(outcomes));
    }
  });
});
