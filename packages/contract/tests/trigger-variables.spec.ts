import {
  CODE_LENGTH,
  dailyGuessProbability,
  MAX_DAILY_GUESS_PROBABILITY,
  MAX_FAILED_ANSWERS_PER_DAY,
  SIGN_IN_FLOW,
  TRIGGER_NAMES,
  TRIGGER_SIGN_IN_VARIABLES,
  type TriggerVariable,
} from '../src';

const allVariables = (): TriggerVariable[] => Object.values(TRIGGER_SIGN_IN_VARIABLES).flat();

describe('the trigger variables', () => {
  it('names every trigger and no other', () => {
    expect(Object.keys(TRIGGER_SIGN_IN_VARIABLES).sort()).toEqual([...TRIGGER_NAMES].sort());
  });

  it('gives each whole-number variable a default inside its bounds', () => {
    for (const variable of allVariables()) {
      if (variable.kind !== 'whole-number') continue;
      expect(variable.min).toBeLessThanOrEqual(variable.defaultValue);
      expect(variable.defaultValue).toBeLessThanOrEqual(variable.max);
    }
  });

  it('gives the flow a default that is one of its values', () => {
    expect(SIGN_IN_FLOW.values).toContain(SIGN_IN_FLOW.defaultValue);
  });

  it('uses one name per definition', () => {
    const byName = new Map<string, TriggerVariable>();
    for (const variable of allVariables()) {
      expect(byName.get(variable.name) ?? variable).toBe(variable);
      byName.set(variable.name, variable);
    }
  });

  it('has defaults whose daily guessing chance is within the bound', () => {
    const chance = dailyGuessProbability(MAX_FAILED_ANSWERS_PER_DAY.defaultValue, CODE_LENGTH.defaultValue);
    expect(chance).toBeCloseTo(30 / 1e6, 12);
    expect(chance).toBeLessThanOrEqual(MAX_DAILY_GUESS_PROBABILITY);
  });

  it('puts the largest failed-answer limit above the bound at the shortest code', () => {
    expect(dailyGuessProbability(MAX_FAILED_ANSWERS_PER_DAY.max, CODE_LENGTH.min)).toBeGreaterThan(MAX_DAILY_GUESS_PROBABILITY);
  });
});
