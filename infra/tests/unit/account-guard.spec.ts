import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { ACCOUNT_ID_PLACEHOLDER, withAccountIdOverrides } from '../../src/config/account-id.js';
import { dev } from '../../src/config/environments/dev.js';
import { prod } from '../../src/config/environments/prod.js';
import { parseEnvironmentConfig } from '../../src/config/parse-environment-config.js';
import { InfraConfigError } from '../../src/errors.js';
import { devInput, inputWith, placeholderBundles, TEST_ACCOUNT_IDS } from '../helpers/fixtures.js';
import { synthStack } from '../helpers/synth.js';

describe('the account guard', () => {
  it.each([
    ['dev', dev],
    ['prod', prod],
  ])('stops the shipped %s configuration, naming the file, the setting and the override variable', (name, shipped) => {
    const parse = () => parseEnvironmentConfig(structuredClone(shipped));

    expect(parse).toThrow(InfraConfigError);
    expect(parse).toThrow(
      `Environment "${name}" has no AWS account id: set accountId in infra/src/config/environments/${name}.ts`,
    );
    expect(parse).toThrow(`or set CDKTF_ACCOUNT_ID_${name.toUpperCase()}=<id>`);
  });

  it.each([['12345678901'], ['1234567890123'], ['12345678901a'], [123456789012]])(
    'refuses the account id %p (12 digits, as a string)',
    (accountId) => {
      const parse = () => parseEnvironmentConfig(inputWith(devInput(), 'accountId', accountId));

      expect(parse).toThrow('accountId: must be the 12-digit AWS account id, as a string');
    },
  );

  it('lets the provider accept credentials of the configured account only', () => {
    const { json } = synthStack(devInput(), placeholderBundles());

    expect(json).toHaveProviderWithProperties(AwsProvider, { allowed_account_ids: [TEST_ACCOUNT_IDS.dev] });
  });
});

describe('withAccountIdOverrides', () => {
  const shipped = [structuredClone(dev), structuredClone(prod)];

  it('takes each environment’s account id from CDKTF_ACCOUNT_ID_<ENV> and says so', () => {
    const { environments, notices } = withAccountIdOverrides(shipped, { CDKTF_ACCOUNT_ID_PROD: '333333333333' });

    expect(environments.map((input) => input.accountId)).toEqual([ACCOUNT_ID_PLACEHOLDER, '333333333333']);
    expect(notices).toEqual(['account id of "prod" taken from CDKTF_ACCOUNT_ID_PROD']);
  });

  it('changes nothing without the variables, so the placeholder still fails', () => {
    const { environments, notices } = withAccountIdOverrides(shipped, { CDKTF_ACCOUNT_ID_DEV: '' });

    expect(environments).toEqual(shipped);
    expect(notices).toEqual([]);
  });

  it('validates an overridden id like a written one', () => {
    const { environments } = withAccountIdOverrides(shipped, { CDKTF_ACCOUNT_ID_DEV: 'not-an-id' });

    expect(() => parseEnvironmentConfig(environments[0])).toThrow('accountId: must be the 12-digit AWS account id');
  });
});
