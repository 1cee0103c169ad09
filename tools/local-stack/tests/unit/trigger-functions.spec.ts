import { TRIGGER_NAMES, TRIGGER_SIGN_IN_VARIABLES } from '@cognito-passwordless/contract';
import { emailConfigSchema } from '@cognito-passwordless/email-delivery';
import { FUNCTION_NAMES, TRIGGER_VARIABLES } from '../../src/stack/trigger-functions';

describe('the trigger functions the stack runs, against the contract', () => {
  it("names each of the contract's triggers once", () => {
    expect(Object.values(FUNCTION_NAMES).sort()).toEqual([...TRIGGER_NAMES].sort());
  });

  it("hands each function the contract's sign-in variables for it", () => {
    for (const [kind, name] of Object.entries(FUNCTION_NAMES) as [keyof typeof FUNCTION_NAMES, (typeof FUNCTION_NAMES)[keyof typeof FUNCTION_NAMES]][]) {
      expect(TRIGGER_VARIABLES[kind]).toEqual(expect.arrayContaining(TRIGGER_SIGN_IN_VARIABLES[name].map((variable) => variable.name)));
    }
  });

  it("hands Create every variable the email delivery package reads, and no other function any of them", () => {
    const emailVariables = Object.keys(emailConfigSchema.entries);
    const signInVariables = TRIGGER_SIGN_IN_VARIABLES['create-auth-challenge'].map((variable) => variable.name);

    expect([...TRIGGER_VARIABLES.create].filter((name) => !signInVariables.includes(name)).sort()).toEqual([...emailVariables].sort());
    for (const name of emailVariables) {
      expect(TRIGGER_VARIABLES.define).not.toContain(name);
      expect(TRIGGER_VARIABLES.verify).not.toContain(name);
    }
  });
});
