import { buildAmplifyConfiguration } from '../../src/index.js';
import { AWS_INPUT, LOCAL_INPUT } from '../fixtures.js';

describe('buildAmplifyConfiguration', () => {
  it.each([
    ['passwordless', 'CUSTOM_AUTH_WITHOUT_SRP'],
    ['password-then-code', 'CUSTOM_AUTH_WITH_SRP'],
  ] as const)('names the %s flow %s, a value Amplify Flutter v1 accepts', (signInFlow, flowType) => {
    const plugin = buildAmplifyConfiguration({ ...AWS_INPUT, signInFlow }).auth.plugins.awsCognitoAuthPlugin;

    expect(plugin.Auth.Default.authenticationFlowType).toBe(flowType);
  });

  it('describes the user pool and identity pool for the native plugin', () => {
    const plugin = buildAmplifyConfiguration(AWS_INPUT).auth.plugins.awsCognitoAuthPlugin;

    expect(plugin.CognitoUserPool.Default).toEqual({
      PoolId: AWS_INPUT.userPoolId,
      AppClientId: AWS_INPUT.userPoolClientId,
      Region: 'eu-west-1',
    });
    expect(plugin.CredentialsProvider?.CognitoIdentity.Default).toEqual({
      PoolId: AWS_INPUT.identityPoolId,
      Region: 'eu-west-1',
    });
  });

  it('writes the endpoint override with its scheme', () => {
    const plugin = buildAmplifyConfiguration(LOCAL_INPUT).auth.plugins.awsCognitoAuthPlugin;

    expect(plugin.CognitoUserPool.Default.Endpoint).toBe('http://127.0.0.1:9229');
  });

  it('has no credentials provider without an identity pool', () => {
    const configuration = buildAmplifyConfiguration({ ...AWS_INPUT, identityPoolId: undefined });

    expect(configuration.auth.plugins.awsCognitoAuthPlugin).not.toHaveProperty('CredentialsProvider');
    expect(configuration).not.toHaveProperty('aws_cognito_identity_pool_id');
  });

  it('carries the flat keys Amplify JS reads', () => {
    expect(buildAmplifyConfiguration(AWS_INPUT)).toMatchObject({
      aws_project_region: 'eu-west-1',
      aws_user_pools_id: AWS_INPUT.userPoolId,
      aws_user_pools_web_client_id: AWS_INPUT.userPoolClientId,
      aws_cognito_identity_pool_id: AWS_INPUT.identityPoolId,
    });
  });
});
