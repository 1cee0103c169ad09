import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { devInput, placeholderBundles, prodInput, TEST_ACCOUNT_IDS } from '../helpers/fixtures.js';
import { startStsStandIn, type StsStandIn } from '../helpers/sts-stand-in.js';
import { formatHclLikeCdktfCli, fullSynth, parseSynth, type FullSynth } from '../helpers/synth.js';
import {
  findOfflineTerraform,
  formatCheck,
  formatLikeSynthHclTarget,
  startOfflinePlanner,
  writeOfflineCliConfig,
  type PlanJson,
  type PlanResult,
} from '../helpers/terraform.js';

const STACKS = { dev: 'cognito-passwordless-dev', prod: 'cognito-passwordless-prod' } as const;
const STATE_STACK = 'cognito-passwordless-state-prod';
const ENVIRONMENTS = ['dev', 'prod'] as const;
const FORMATS = ['json', 'hcl'] as const;

const terraform = findOfflineTerraform();
if (!terraform.available) {
  console.warn(`SKIPPED: offline "terraform plan" of the synthesized stacks: ${terraform.reason}`);
}
const describeWithTerraform = terraform.available ? describe : describe.skip;

function managedCounts(plan: PlanJson): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const change of plan.resource_changes ?? []) {
    if (change.mode === 'managed') counts[change.type] = (counts[change.type] ?? 0) + 1;
  }
  return counts;
}

function planned(plan: PlanJson, type: string): Record<string, unknown>[] {
  return (plan.resource_changes ?? [])
    .filter((change) => change.mode === 'managed' && change.type === type)
    .map((change) => change.change.after ?? {});
}

describeWithTerraform('terraform plan, offline, of every synthesized stack', () => {
  const results = new Map<string, PlanResult>();
  const stateResults = new Map<string, PlanResult>();
  const synths = new Map<string, FullSynth>();
  let sts: StsStandIn | undefined;
  let wrongAccount: PlanResult | undefined;

  beforeAll(async () => {
    if (!terraform.available) return;
    sts = await startStsStandIn();
    const bundles = placeholderBundles();
    for (const format of FORMATS) synths.set(format, fullSynth([devInput(), prodInput()], bundles, format));
    // What `nx run infra:synth-hcl` writes: the cdktf CLI's formatting, then terraform fmt.
    await formatHclLikeCdktfCli(synths.get('hcl')!);
    await formatLikeSynthHclTarget(terraform.binary, synths.get('hcl')!.outdir);

    const cliConfig = writeOfflineCliConfig(terraform.mirror);
    const planner = await startOfflinePlanner(terraform.binary, cliConfig, sts.endpoint, synths.get('json')!.stackDir(STATE_STACK));
    const jobs: (() => Promise<void>)[] = [
      ...FORMATS.flatMap((format) =>
        ENVIRONMENTS.map((environment) => async () => {
          const stackDir = synths.get(format)!.stackDir(STACKS[environment]);
          results.set(`${environment} (${format})`, await planner.plan(stackDir, TEST_ACCOUNT_IDS[environment]));
        }),
      ),
      ...FORMATS.map((format) => async () => {
        stateResults.set(format, await planner.plan(synths.get(format)!.stackDir(STATE_STACK), TEST_ACCOUNT_IDS.prod));
      }),
      async () => {
        wrongAccount = await planner.plan(synths.get('json')!.stackDir(STACKS.dev), '999999999999');
      },
    ];
    // Three at a time: each plan runs the whole AWS provider, and the infra tests share two cores.
    for (let i = 0; i < jobs.length; i += 3) await Promise.all(jobs.slice(i, i + 3).map((job) => job()));
  }, 600_000);

  afterAll(async () => {
    await sts?.stop();
  });

  const keys = FORMATS.flatMap((format) => ENVIRONMENTS.map((environment) => [environment, format] as const));

  it.each(keys)('plans %s (%s) without errors or warnings', (environment, format) => {
    const result = results.get(`${environment} (${format})`);
    if (result?.ok !== true) throw new Error(`plan failed: ${result?.error ?? 'not run'}`);

    expect(result.diagnostics).toEqual([]);
  });

  it.each(keys)('plans %s (%s) creating exactly the synthesized resources', (environment, format) => {
    const result = results.get(`${environment} (${format})`);
    if (result?.ok !== true) throw new Error(`plan failed: ${result?.error ?? 'not run'}`);
    const synthesized = parseSynth(synths.get('json')!.stackFile(STACKS[environment]));
    const expected = Object.fromEntries(Object.entries(synthesized.resource).map(([type, blocks]) => [type, Object.keys(blocks).length]));

    expect(managedCounts(result.plan)).toEqual(expected);
    for (const change of result.plan.resource_changes ?? []) {
      if (change.mode === 'managed') expect(change.change.actions).toEqual(['create']);
    }
  });

  it.each(ENVIRONMENTS)('plans the %s resources this issue is about, with their settings', (environment) => {
    const result = results.get(`${environment} (json)`);
    if (result?.ok !== true) throw new Error(`plan failed: ${result?.error ?? 'not run'}`);
    const counts = managedCounts(result.plan);

    expect(counts).toMatchObject({
      aws_cognito_user_pool: 1,
      aws_lambda_function: 3,
      aws_sesv2_email_identity: 1,
      aws_sesv2_configuration_set: 1,
      aws_sesv2_configuration_set_event_destination: 2,
      aws_sns_topic: 2,
    });
    expect(planned(result.plan, 'aws_cognito_user_pool')[0]).toMatchObject({
      name: STACKS[environment],
      deletion_protection: environment === 'prod' ? 'ACTIVE' : 'INACTIVE',
    });
    expect(planned(result.plan, 'aws_sesv2_configuration_set')[0]).toMatchObject({
      configuration_set_name: STACKS[environment],
      suppression_options: [{ suppressed_reasons: ['BOUNCE', 'COMPLAINT'] }],
    });
    // A set in the provider's schema: the plan lists the event types sorted.
    const eventTypes = planned(result.plan, 'aws_sesv2_configuration_set_event_destination').map(
      (destination) => (destination['event_destination'] as { matching_event_types: string[] }[])[0]?.matching_event_types,
    );
    expect(eventTypes).toEqual([
      ['BOUNCE', 'COMPLAINT', 'DELIVERY_DELAY', 'REJECT'],
      ['BOUNCE', 'COMPLAINT', 'DELIVERY_DELAY', 'REJECT'],
    ]);
    expect(result.plan.configuration.provider_config?.['aws']?.expressions?.['allowed_account_ids']?.constant_value).toEqual([
      TEST_ACCOUNT_IDS[environment],
    ]);
  });

  it('plans the prod-only account suppression list and MAIL FROM domain', () => {
    const dev = results.get('dev (json)');
    const prod = results.get('prod (json)');
    if (dev?.ok !== true || prod?.ok !== true) throw new Error('a plan failed');

    expect(managedCounts(dev.plan)['aws_sesv2_account_suppression_attributes']).toBeUndefined();
    expect(planned(prod.plan, 'aws_sesv2_account_suppression_attributes')).toEqual([
      expect.objectContaining({ suppressed_reasons: ['BOUNCE', 'COMPLAINT'] }),
    ]);
    expect(planned(prod.plan, 'aws_sesv2_email_identity_mail_from_attributes')).toEqual([
      expect.objectContaining({ email_identity: 'auth.example.com', mail_from_domain: 'mail.auth.example.com' }),
    ]);
  });

  it.each(FORMATS)('plans the prod state bucket stack (%s): a versioned, encrypted, private, TLS-only bucket', (format) => {
    const result = stateResults.get(format);
    if (result?.ok !== true) throw new Error(`plan failed: ${result?.error ?? 'not run'}`);

    expect(result.diagnostics).toEqual([]);
    expect(managedCounts(result.plan)).toEqual({
      aws_s3_bucket: 1,
      aws_s3_bucket_ownership_controls: 1,
      aws_s3_bucket_policy: 1,
      aws_s3_bucket_public_access_block: 1,
      aws_s3_bucket_server_side_encryption_configuration: 1,
      aws_s3_bucket_versioning: 1,
    });
    expect(planned(result.plan, 'aws_s3_bucket')[0]).toMatchObject({ bucket: 'example-terraform-state', force_destroy: false });
    expect(planned(result.plan, 'aws_s3_bucket_versioning')[0]).toMatchObject({ versioning_configuration: [{ status: 'Enabled' }] });
    expect(planned(result.plan, 'aws_s3_bucket_public_access_block')[0]).toMatchObject({
      block_public_acls: true,
      block_public_policy: true,
      ignore_public_acls: true,
      restrict_public_buckets: true,
    });
  });

  it('asked the stand-in nothing but GetCallerIdentity', () => {
    expect(new Set(sts?.actions)).toEqual(new Set(['GetCallerIdentity']));
  });

  it('refuses credentials of another account (allowed_account_ids)', () => {
    expect(wrongAccount?.ok).toBe(false);
    expect(wrongAccount?.ok === false && wrongAccount.error).toMatch(/999999999999.*not allowed|not allowed.*999999999999/s);
  });

  it('formats the HCL with terraform fmt in the synth-hcl target', () => {
    const command = (JSON.parse(readFileSync(join(__dirname, '..', '..', 'project.json'), 'utf8')) as {
      targets: Record<string, { options: { command: string } }>;
    }).targets['synth-hcl']?.options.command;

    expect(command).toMatch(/^cdktf synth --hcl --output cdktf\.out\.hcl && \$\{TERRAFORM_BINARY_NAME:-terraform\} fmt -recursive -list=false cdktf\.out\.hcl$/);
  });

  it.each([STACKS.dev, STACKS.prod, STATE_STACK])('writes %s as HCL that passes terraform fmt -check', async (stack) => {
    if (!terraform.available) throw new Error('unreachable: this describe is skipped without terraform');

    const diff = await formatCheck(terraform.binary, synths.get('hcl')!.stackDir(stack));

    expect(diff).toBe('');
  });
});
