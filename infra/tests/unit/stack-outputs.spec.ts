import { clientConfigInputFromOutputs } from '../../src/client-config/stack-outputs.js';
import { StackOutputsError } from '../../src/errors.js';

const VALUES = {
  region: 'eu-west-1',
  user_pool_id: 'eu-west-1_AbCdEf123',
  user_pool_arn: 'arn:aws:cognito-idp:eu-west-1:111122223333:userpool/eu-west-1_AbCdEf123',
  user_pool_client_id: '4l1mkf3qv3gkc1nt3bpq2lr4mo',
  identity_pool_id: 'eu-west-1:0f5e2c7a-1b2c-4d3e-8f90-a1b2c3d4e5f6',
};
const SETTINGS = { signInFlow: 'passwordless' } as const;
const EXPECTED = {
  region: VALUES.region,
  userPoolId: VALUES.user_pool_id,
  userPoolClientId: VALUES.user_pool_client_id,
  signInFlow: 'passwordless',
  identityPoolId: VALUES.identity_pool_id,
  userPoolEndpoint: undefined,
};

describe('clientConfigInputFromOutputs', () => {
  it('reads a "cdktf output --outputs-file" document', () => {
    expect(clientConfigInputFromOutputs({ 'app-dev': VALUES }, 'app-dev', SETTINGS)).toEqual(EXPECTED);
  });

  it('reads a "terraform output -json" document', () => {
    const document = Object.fromEntries(
      Object.entries(VALUES).map(([name, value]) => [name, { sensitive: false, type: 'string', value }]),
    );

    expect(clientConfigInputFromOutputs(document, 'app-dev', SETTINGS)).toEqual(EXPECTED);
  });

  it('passes an endpoint override through', () => {
    expect(clientConfigInputFromOutputs({ 'app-dev': VALUES }, 'app-dev', { ...SETTINGS, userPoolEndpoint: 'http://127.0.0.1:9229' }).userPoolEndpoint).toBe(
      'http://127.0.0.1:9229',
    );
  });

  it('refuses outputs of another stack', () => {
    expect(() => clientConfigInputFromOutputs({ 'app-prod': VALUES }, 'app-dev', SETTINGS)).toThrow(StackOutputsError);
  });

  it('names a missing output', () => {
    const { user_pool_client_id: _missing, ...withoutClient } = VALUES;

    expect(() => clientConfigInputFromOutputs({ 'app-dev': withoutClient }, 'app-dev', SETTINGS)).toThrow(
      'Stack output "user_pool_client_id" is missing or not a string',
    );
  });
});
