import { CognitoUserPool } from '@cdktf/provider-aws/lib/cognito-user-pool';
import { parseEnvironmentConfig } from '../../src/config/parse-environment-config.js';
import { preventsDestroy } from '../../src/config/environment-rules.js';
import { InfraConfigError } from '../../src/errors.js';
import { devInput, inputWith, placeholderBundles, prodInput } from '../helpers/fixtures.js';
import { parseSynth, synthStack } from '../helpers/synth.js';

const bundles = placeholderBundles();
const unprotectedProd = () => inputWith(prodInput(), 'deletionProtection', false);

function poolOf(json: string) {
  return Object.values(parseSynth(json).resource['aws_cognito_user_pool'] ?? {})[0];
}

describe('production protection', () => {
  it('refuses a production environment without deletion protection, naming the override', () => {
    const parse = () => parseEnvironmentConfig(unprotectedProd());

    expect(parse).toThrow(InfraConfigError);
    expect(parse).toThrow('deletionProtection: must be true in a production environment');
    expect(parse).toThrow("allowUnprotectedProduction: { reason: '…' } in infra/src/config/environments/prod.ts");
  });

  it('accepts an unprotected production environment when the override says why', () => {
    const input = inputWith(unprotectedProd(), 'allowUnprotectedProduction', { reason: 'decommissioning, ticket OPS-42' });

    const config = parseEnvironmentConfig(input);

    expect(config.deletionProtection).toBe(false);
    expect(preventsDestroy(config)).toBe(false);
  });

  it('wants a reason of at least 10 characters', () => {
    const input = inputWith(unprotectedProd(), 'allowUnprotectedProduction', { reason: 'because' });

    expect(() => parseEnvironmentConfig(input)).toThrow('allowUnprotectedProduction.reason: must say why');
  });

  it('makes Terraform refuse to destroy the prod user pool', () => {
    const pool = poolOf(synthStack(prodInput(), bundles).json);

    expect(pool?.['lifecycle']).toEqual({ prevent_destroy: true });
  });

  it('protects the pool and the state table by one rule', () => {
    const protectedOf = (json: string) => {
      const terraform = parseSynth(json);
      const [pool] = Object.values(terraform.resource['aws_cognito_user_pool'] ?? {});
      const [table] = Object.values(terraform.resource['aws_dynamodb_table'] ?? {});
      return [pool?.['lifecycle']?.['prevent_destroy'] === true, table?.['lifecycle']?.['prevent_destroy'] === true];
    };
    const decommissioning = inputWith(prodInput(), 'allowUnprotectedProduction', { reason: 'decommissioning, ticket OPS-42' });

    expect(protectedOf(synthStack(prodInput(), bundles).json)).toEqual([true, true]);
    expect(protectedOf(synthStack(devInput(), bundles).json)).toEqual([false, false]);
    // A staging environment that asks for deletion protection gets it for both, as production does.
    expect(protectedOf(synthStack(inputWith(devInput(), 'deletionProtection', true), bundles).json)).toEqual([true, true]);
    // An override alone does not drop protection that is still asked for; both go only with deletionProtection: false.
    expect(protectedOf(synthStack(decommissioning, bundles).json)).toEqual([true, true]);
    expect(protectedOf(synthStack(inputWith(decommissioning, 'deletionProtection', false), bundles).json)).toEqual([false, false]);
  });

  it('lets dev be destroyed', () => {
    const { json } = synthStack(devInput(), bundles);

    expect(poolOf(json)?.['lifecycle']).toBeUndefined();
    expect(json).toHaveResourceWithProperties(CognitoUserPool, { deletion_protection: 'INACTIVE' });
  });

  it('needs production said outright', () => {
    expect(() => parseEnvironmentConfig(inputWith(devInput(), 'production', undefined))).toThrow(/production: /);
  });
});
