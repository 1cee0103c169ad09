import { EMAIL_FROM, EMAIL_VARIABLES, SIGN_IN_STATE_TABLE, TRIGGER_ENVIRONMENT, TRIGGER_NAMES, TRIGGER_SIGN_IN_VARIABLES, type TriggerVariable } from '../src';

describe('the trigger environment', () => {
  it('gives each trigger its sign-in variables, and Create the email ones too', () => {
    expect(Object.keys(TRIGGER_ENVIRONMENT).sort()).toEqual([...TRIGGER_NAMES].sort());
    for (const trigger of TRIGGER_NAMES) {
      expect(TRIGGER_ENVIRONMENT[trigger]).toEqual(expect.arrayContaining<TriggerVariable>(TRIGGER_SIGN_IN_VARIABLES[trigger]));
    }
    expect(TRIGGER_ENVIRONMENT['create-auth-challenge']).toEqual(expect.arrayContaining([...EMAIL_VARIABLES]));
    expect(TRIGGER_ENVIRONMENT['verify-auth-challenge']).not.toContain(EMAIL_FROM);
    expect(TRIGGER_ENVIRONMENT['define-auth-challenge']).not.toContain(SIGN_IN_STATE_TABLE);
  });

  it('names each variable of a trigger once', () => {
    for (const variables of Object.values(TRIGGER_ENVIRONMENT)) {
      const names = variables.map((variable) => variable.name);
      expect(new Set(names).size).toBe(names.length);
      for (const name of names) expect(name).toMatch(/^[A-Z][A-Z0-9_]*$/);
    }
  });
});
