import { DECISION_LOG_TRIGGERS, DECISION_OUTCOMES, LIMITED_OUTCOME, STORE_FAILED_OUTCOME, TRIGGER_NAMES } from '../src';

describe('the decision log line', () => {
  it('names the trigger of every line, one short name per trigger', () => {
    expect(Object.keys(DECISION_LOG_TRIGGERS).sort()).toEqual([...TRIGGER_NAMES].sort());
    expect(new Set(Object.values(DECISION_LOG_TRIGGERS)).size).toBe(TRIGGER_NAMES.length);
    expect(Object.keys(DECISION_OUTCOMES).sort()).toEqual(Object.values(DECISION_LOG_TRIGGERS).sort());
  });

  it('lists each outcome of a trigger once, in the lowercase-with-dashes form the filters match', () => {
    for (const outcomes of Object.values(DECISION_OUTCOMES)) {
      expect(new Set(outcomes).size).toBe(outcomes.length);
      for (const outcome of outcomes) expect(outcome).toMatch(/^[a-z]+(?:-[a-z]+)*$/);
    }
  });

  it('lets the two triggers that read the state table report its failures and the per-user limits', () => {
    expect(DECISION_OUTCOMES.create).toEqual(expect.arrayContaining([LIMITED_OUTCOME, STORE_FAILED_OUTCOME]));
    expect(DECISION_OUTCOMES.verify).toEqual(expect.arrayContaining([LIMITED_OUTCOME, STORE_FAILED_OUTCOME]));
    expect(DECISION_OUTCOMES.define).not.toContain(STORE_FAILED_OUTCOME);
  });
});
