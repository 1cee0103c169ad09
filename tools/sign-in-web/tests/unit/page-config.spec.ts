import { buildAmplifyOutputs } from '@cognito-passwordless/client-config';
import { SIGN_IN_FLOWS } from '@cognito-passwordless/contract';
import { PageConfigError, parsePageConfig } from '../../src/page-config';

const outputs = () =>
  structuredClone(
    buildAmplifyOutputs({ region: 'us-east-1', userPoolId: 'us-east-1_AbCdEf123', userPoolClientId: 'client123', signInFlow: 'passwordless', userPoolEndpoint: 'http://127.0.0.1:9229' }),
  ) as unknown as Record<string, unknown>;
const local = { signInFlow: 'passwordless', mailViewerUrl: 'http://127.0.0.1:8005/' };

describe('parsePageConfig', () => {
  it("takes the endpoint from amplify_outputs.json's custom.user_pool_endpoint and the flow from local-config.json", () => {
    const config = parsePageConfig(outputs(), local);

    expect(config).toMatchObject({ userPoolEndpoint: 'http://127.0.0.1:9229', signInFlow: 'passwordless', mailViewerUrl: 'http://127.0.0.1:8005/' });
    expect(config.passwordPolicy.min_length).toBe(8);
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('refuses outputs without an endpoint, naming the key', () => {
    const withoutEndpoint = outputs();
    delete withoutEndpoint['custom'];

    expect(() => parsePageConfig(withoutEndpoint, local)).toThrow(new PageConfigError('amplify_outputs.json custom.user_pool_endpoint must be an http(s) URL, got undefined'));
  });

  it('refuses outputs without a user pool', () => {
    expect(() => parsePageConfig({ version: '1.4' }, local)).toThrow(PageConfigError);
  });

  it.each(SIGN_IN_FLOWS)("takes the contract's sign-in flow %s", (signInFlow) => {
    expect(parsePageConfig(outputs(), { ...local, signInFlow }).signInFlow).toBe(signInFlow);
  });

  it('refuses a sign-in flow it does not know, naming the allowed ones', () => {
    expect(() => parsePageConfig(outputs(), { ...local, signInFlow: 'magic-link' })).toThrow(
      'local-config.json signInFlow must be one of passwordless, password-then-code, got "magic-link"',
    );
  });

  it('refuses a mail viewer address that is not http(s)', () => {
    expect(() => parsePageConfig(outputs(), { ...local, mailViewerUrl: 'javascript:alert(1)' })).toThrow(PageConfigError);
  });

  it('takes the latest codes file from local-config.json, and leaves the panel out without one', () => {
    expect(parsePageConfig(outputs(), { ...local, latestCodesPath: 'local-codes.json' }).latestCodesPath).toBe('local-codes.json');
    expect(parsePageConfig(outputs(), local).latestCodesPath).toBeUndefined();
  });

  it("refuses a latest codes path that would leave the page's origin", () => {
    expect(() => parsePageConfig(outputs(), { ...local, latestCodesPath: 'http://elsewhere.example/codes.json' })).toThrow(
      new PageConfigError('local-config.json latestCodesPath must be a file name beside the page, got "http://elsewhere.example/codes.json"'),
    );
  });
});
