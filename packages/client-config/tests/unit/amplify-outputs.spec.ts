import { buildAmplifyOutputs } from '../../src/index.js';
import { AWS_INPUT, LOCAL_INPUT } from '../fixtures.js';

describe('buildAmplifyOutputs', () => {
  it('describes the user pool, app client and identity pool', () => {
    const outputs = buildAmplifyOutputs(AWS_INPUT);

    expect(outputs.version).toMatch(/^1\./);
    expect(outputs.auth).toMatchObject({
      aws_region: 'eu-west-1',
      user_pool_id: AWS_INPUT.userPoolId,
      user_pool_client_id: AWS_INPUT.userPoolClientId,
      identity_pool_id: AWS_INPUT.identityPoolId,
      authentication_flow_type: 'CUSTOM_AUTH',
      unauthenticated_identities_enabled: false,
      standard_required_attributes: ['email'],
    });
  });

  it('leaves out the identity pool when there is none', () => {
    const outputs = buildAmplifyOutputs({ ...AWS_INPUT, identityPoolId: undefined });

    expect(outputs.auth).not.toHaveProperty('identity_pool_id');
  });

  it('has no endpoint and no custom section for real AWS', () => {
    const outputs = buildAmplifyOutputs(AWS_INPUT);

    expect(outputs).not.toHaveProperty('custom');
    expect(outputs.auth).not.toHaveProperty('user_pool_endpoint');
  });

  it('carries an endpoint override under auth, where Amplify Flutter 2.9+ reads it', () => {
    expect(buildAmplifyOutputs(LOCAL_INPUT).auth.user_pool_endpoint).toBe('http://127.0.0.1:9229');
  });

  it('carries the endpoint override under custom too, for Amplify JS apps', () => {
    expect(buildAmplifyOutputs(LOCAL_INPUT).custom).toEqual({ user_pool_endpoint: 'http://127.0.0.1:9229' });
  });

  it('says CUSTOM_AUTH whatever the sign-in flow (the Gen 2 schema has no finer value)', () => {
    expect(buildAmplifyOutputs({ ...AWS_INPUT, signInFlow: 'password-then-code' }).auth.authentication_flow_type).toBe('CUSTOM_AUTH');
  });
});
