import { warmTriggerFunctions } from '../../src/stack/warm-functions';

type OnInitError = (functionName: string, error: Error) => void;

describe('warmTriggerFunctions', () => {
  it('logs a function that cannot start, by name, and goes on', async () => {
    const logs: string[] = [];
    const functions = {
      warm: async (onInitError: OnInitError) => onInitError('verify-auth-challenge', new Error('SIGN_IN_STATE_TABLE: is required')),
    };

    await warmTriggerFunctions(functions, (line) => logs.push(line), 1_000);

    expect(logs).toEqual(['[verify-auth-challenge] failed to start: SIGN_IN_STATE_TABLE: is required; sign-ins will fail until it is fixed']);
  });

  it('says so when warming outlasts its time, instead of giving up silently', async () => {
    const logs: string[] = [];
    const functions = { warm: () => new Promise<void>(() => undefined) };

    await warmTriggerFunctions(functions, (line) => logs.push(line), 20);

    expect(logs).toEqual(['[triggers] still starting after 0.02 s; the stack is up, and the first sign-ins wait for them']);
  });

  it('logs nothing when every function starts in time', async () => {
    const logs: string[] = [];

    await warmTriggerFunctions({ warm: async () => undefined }, (line) => logs.push(line), 1_000);

    expect(logs).toEqual([]);
  });
});
