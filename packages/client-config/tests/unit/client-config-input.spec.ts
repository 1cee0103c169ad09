import { ClientConfigError, parseClientConfigInput, type ClientConfigInput } from '../../src/index.js';
import { AWS_INPUT, LOCAL_INPUT } from '../fixtures.js';

function fieldOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof ClientConfigError) return error.field;
    throw error;
  }
  return undefined;
}

describe('parseClientConfigInput', () => {
  it('accepts the ids of a real pool and freezes the result', () => {
    const config = parseClientConfigInput(AWS_INPUT);

    expect(config).toEqual({ ...AWS_INPUT, userPoolEndpoint: undefined });
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('drops the trailing slash of an endpoint override', () => {
    expect(parseClientConfigInput(LOCAL_INPUT).userPoolEndpoint).toBe('http://127.0.0.1:9229');
  });

  it('accepts a pool without identity pool', () => {
    const config = parseClientConfigInput({ ...AWS_INPUT, identityPoolId: undefined });

    expect(config.identityPoolId).toBeUndefined();
  });

  it.each([
    ['region', { region: 'Europe' }],
    ['userPoolId', { userPoolId: 'AbCdEf123' }],
    ['userPoolId', { userPoolId: 'us-east-1_AbCdEf123' }],
    ['userPoolClientId', { userPoolClientId: '' }],
    ['signInFlow', { signInFlow: 'password' }],
    ['signInFlow', { signInFlow: undefined }],
    ['identityPoolId', { identityPoolId: 'eu-west-1:not-a-uuid' }],
    ['identityPoolId', { identityPoolId: 'us-east-1:0f5e2c7a-1b2c-4d3e-8f90-a1b2c3d4e5f6' }],
    ['userPoolEndpoint', { userPoolEndpoint: '127.0.0.1:9229' }],
    ['userPoolEndpoint', { userPoolEndpoint: 'ftp://127.0.0.1:9229' }],
    ['userPoolEndpoint', { userPoolEndpoint: 'http://127.0.0.1:9229/?x=1' }],
  ])('rejects a bad %s and names it', (field, change) => {
    expect(fieldOf(() => parseClientConfigInput({ ...AWS_INPUT, ...change } as ClientConfigInput))).toBe(field);
  });

  it('says what was wrong and what is expected', () => {
    expect(() => parseClientConfigInput({ ...AWS_INPUT, userPoolId: 'us-east-1_AbCdEf123' })).toThrow(
      'userPoolId: pool us-east-1_AbCdEf123 is in us-east-1, not in region eu-west-1',
    );
  });
});
