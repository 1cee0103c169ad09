import { banner, type BannerFacts } from '../../src/stack/banner';

const FACTS: BannerFacts = {
  outputs: {
    region: 'us-east-1',
    userPoolId: 'us-east-1_AbCdEf123',
    userPoolClientId: 'client123',
    cognitoEndpoint: 'http://127.0.0.1:9229',
    sesEndpoint: 'http://127.0.0.1:8005',
    jwksUri: 'http://127.0.0.1:9229/us-east-1_AbCdEf123/.well-known/jwks.json',
    issuer: 'http://127.0.0.1:9229/us-east-1_AbCdEf123',
    webUrl: 'http://127.0.0.1:9230/',
  },
  outputDir: '/repo/dist/local',
  dataDir: undefined,
  signInFlow: 'passwordless',
  authSessionValiditySeconds: 300,
  workspaceRoot: '/repo',
};

describe('banner', () => {
  it('tells Flutter developers the per-call flow type of a passwordless stack and how the emulator reaches it', () => {
    const text = banner(FACTS);

    expect(text).toContain('CognitoSignInPluginOptions(authFlowType: AuthenticationFlowType.customAuthWithoutSrp)');
    expect(text).toContain('adb reverse tcp:9229 tcp:9229');
  });

  it('tells them customAuthWithSrp with the password for password-then-code', () => {
    expect(banner({ ...FACTS, signInFlow: 'password-then-code' })).toContain(
      'AuthenticationFlowType.customAuthWithSrp), with the password',
    );
  });
});
