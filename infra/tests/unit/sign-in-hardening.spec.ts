import { devInput, inputWith, placeholderBundles, prodInput, shippedEnvironments } from '../helpers/fixtures.js';
import { type Block, parseSynth, synthStack } from '../helpers/synth.js';

const bundles = placeholderBundles();
/** Flows that run the auth challenge triggers (custom auth), or renew tokens a code sign-in already gave. */
const CODE_GATED_FLOWS = new Set(['ALLOW_CUSTOM_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH']);

describe.each(shippedEnvironments().map((environment) => [environment.environment, environment] as const))('the synthesized %s stack', (_name, environment) => {
  const terraform = parseSynth(synthStack(structuredClone(environment), bundles).json);
  const clients = Object.values(terraform.resource['aws_cognito_user_pool_client'] ?? {}) as Block[];
  const pools = Object.values(terraform.resource['aws_cognito_user_pool'] ?? {}) as Block[];

  it('has one pool and one app client, whose every flow needs the emailed code (or a token it gave)', () => {
    expect(pools).toHaveLength(1);
    expect(clients).toHaveLength(1);
    for (const client of clients) {
      expect(client['explicit_auth_flows'].filter((flow: string) => !CODE_GATED_FLOWS.has(flow))).toEqual([]);
      expect(client['explicit_auth_flows']).toContain('ALLOW_CUSTOM_AUTH');
      // OAuth flows would sign in through the hosted UI with a password.
      expect(client['allowed_oauth_flows'] ?? []).toEqual([]);
    }
  });

  it('runs the three custom auth triggers, so custom auth always asks for the code', () => {
    expect(Object.keys(pools[0]?.['lambda_config'] ?? {}).sort()).toEqual(['create_auth_challenge', 'define_auth_challenge', 'verify_auth_challenge_response']);
  });

  it('lets no client write the email, and makes an email change wait for verification', () => {
    for (const client of clients) expect(client['write_attributes']).not.toContain('email');
    expect(pools[0]?.['user_attribute_update_settings']).toEqual({ attributes_require_verification_before_update: ['email'] });
  });

  it('runs on LITE, the cheapest plan, with threat protection off', () => {
    expect(pools[0]?.['user_pool_tier']).toBe('LITE');
    expect(pools[0]).not.toHaveProperty('user_pool_add_ons');
  });
});

describe('threat protection', () => {
  it.each([
    ['dev', devInput],
    ['prod', prodInput],
  ])('puts the %s pool on PLUS with threat protection enforced for custom auth', (_name, input) => {
    const terraform = parseSynth(synthStack(inputWith(input(), 'threatProtection', true), bundles).json);
    const [pool] = Object.values(terraform.resource['aws_cognito_user_pool'] ?? {}) as Block[];

    expect(pool?.['user_pool_tier']).toBe('PLUS');
    expect(pool?.['user_pool_add_ons']).toEqual({
      advanced_security_mode: 'ENFORCED',
      advanced_security_additional_flows: { custom_auth_mode: 'ENFORCED' },
    });
  });
});
