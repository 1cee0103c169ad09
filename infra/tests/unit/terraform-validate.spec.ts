import { devInput, placeholderBundles, prodInput } from '../helpers/fixtures.js';
import { fullSynth } from '../helpers/synth.js';
import { findOfflineTerraform, validateOffline, writeOfflineCliConfig, type ValidateResult } from '../helpers/terraform.js';

const STACKS = ['cognito-passwordless-dev', 'cognito-passwordless-prod'] as const;
const FORMATS = ['json', 'hcl'] as const;

const terraform = findOfflineTerraform();
if (!terraform.available) {
  console.warn(`SKIPPED: offline "terraform validate" of the synthesized stacks: ${terraform.reason}`);
}
const describeWithTerraform = terraform.available ? describe : describe.skip;

describeWithTerraform('terraform validate, offline, of every synthesized stack', () => {
  const results = new Map<string, ValidateResult>();

  beforeAll(async () => {
    if (!terraform.available) return;
    const cliConfig = writeOfflineCliConfig(terraform.mirror);
    const bundles = placeholderBundles();
    const jobs = FORMATS.flatMap((format) => {
      const synth = fullSynth([devInput(), prodInput()], bundles, format);
      return STACKS.map(async (stack) => {
        results.set(`${stack} (${format})`, await validateOffline(terraform.binary, cliConfig, synth.stackDir(stack)));
      });
    });
    await Promise.all(jobs);
  }, 120_000);

  it.each(FORMATS.flatMap((format) => STACKS.map((stack) => `${stack} (${format})`)))(
    'accepts %s without errors or warnings',
    (key) => {
      const result = results.get(key);

      expect(result?.diagnostics).toEqual([]);
      expect(result?.valid).toBe(true);
    },
  );
});
