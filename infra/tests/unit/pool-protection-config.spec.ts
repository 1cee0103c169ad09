import { parseEnvironmentConfig } from '../../src/config/parse-environment-config.js';
import { userPoolTierOf } from '../../src/config/user-pool-tier.js';
import { InfraConfigError } from '../../src/errors.js';
import { devInput, inputWith, prodInput } from '../helpers/fixtures.js';
import { rejectedField } from '../helpers/rejected-field.js';

describe('pool protection settings', () => {
  it('turns WAF on by default, at 2,000 requests per IP per 5 minutes, and off in the shipped dev', () => {
    const config = parseEnvironmentConfig(inputWith(prodInput(), 'waf', undefined));

    expect(config.waf).toEqual({ enabled: true, requestsPerIp: 2_000, windowSeconds: 300, blockedRequestsPer5Minutes: 500 });
    expect(parseEnvironmentConfig(prodInput()).waf.enabled).toBe(true);
    expect(parseEnvironmentConfig(devInput()).waf.enabled).toBe(false);
  });

  it.each([
    ['waf.requestsPerIp', { requestsPerIp: 9 }],
    ['waf.requestsPerIp', { requestsPerIp: 100.5 }],
    ['waf.windowSeconds', { windowSeconds: 30 }],
    ['waf.windowSeconds', { windowSeconds: 900 }],
    ['waf.blockedRequestsPer5Minutes', { blockedRequestsPer5Minutes: 0 }],
    ['waf.enabled', { enabled: 'yes' }],
    ['waf.unexpected', { unexpected: 1 }],
  ])('names %s when it is out of AWS WAF bounds', (field, waf) => {
    expect(rejectedField(inputWith(prodInput(), 'waf', waf))).toBe(field);
  });

  it('keeps threat protection off by default', () => {
    expect(parseEnvironmentConfig(prodInput()).threatProtection).toBe(false);
  });

  describe('userPoolTierOf', () => {
    it('picks LITE when nothing needs more, and PLUS for threat protection', () => {
      expect(userPoolTierOf(parseEnvironmentConfig(devInput()))).toBe('LITE');
      expect(userPoolTierOf(parseEnvironmentConfig(prodInput()))).toBe('LITE');
      expect(userPoolTierOf(parseEnvironmentConfig(inputWith(prodInput(), 'threatProtection', true)))).toBe('PLUS');
    });

    it('keeps a plan the configuration names', () => {
      expect(userPoolTierOf(parseEnvironmentConfig(inputWith(devInput(), 'userPoolTier', 'ESSENTIALS')))).toBe('ESSENTIALS');
    });

    it('refuses threat protection on a plan below PLUS, naming userPoolTier', () => {
      const config = parseEnvironmentConfig(inputWith(inputWith(prodInput(), 'threatProtection', true), 'userPoolTier', 'ESSENTIALS'));

      expect(() => userPoolTierOf(config)).toThrow(InfraConfigError);
      expect(() => userPoolTierOf(config)).toThrow(/userPoolTier: threat protection needs PLUS, got ESSENTIALS/);
    });
  });
});
