import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { CognitoUserPool } from '@cdktf/provider-aws/lib/cognito-user-pool';
import { CognitoUserPoolClient } from '@cdktf/provider-aws/lib/cognito-user-pool-client';
import { LambdaFunction } from '@cdktf/provider-aws/lib/lambda-function';
import { existsSync, readFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../../src/app.js';
import { InfraConfigError } from '../../src/errors.js';
import { OUTPUT_NAMES } from '../../src/stacks/output-names.js';
import { devInput, inputWith, placeholderBundles, prodInput } from '../helpers/fixtures.js';
import { fullSynth, parseSynth, synthStack } from '../helpers/synth.js';

const bundles = placeholderBundles();

function stringValues(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (typeof value !== 'object' || value === null) return [];
  return Object.values(value).flatMap(stringValues);
}

describe.each([
  ['dev', devInput, 'cognito-passwordless-dev'],
  ['prod', prodInput, 'cognito-passwordless-prod'],
])('the %s stack', (_environment, input, stackName) => {
  const { stack, json } = synthStack(input(), bundles);
  const terraform = parseSynth(json);

  it(`is named ${stackName}`, () => {
    expect(stack.node.id).toBe(stackName);
  });

  it('pins the AWS provider to exactly 5.100.0 and tags every resource', () => {
    expect(terraform.terraform['required_providers']).toEqual({ aws: { source: 'aws', version: '5.100.0' } });
    expect(json).toHaveProviderWithProperties(AwsProvider, {
      region: 'eu-west-1',
      default_tags: [{ tags: input().tags }],
    });
  });

  it('has three trigger functions named after the stack', () => {
    const names = Object.values(terraform.resource['aws_lambda_function'] ?? {}).map((fn) => fn.function_name);

    expect(names.sort()).toEqual([
      `${stackName}-create-auth-challenge`,
      `${stackName}-define-auth-challenge`,
      `${stackName}-verify-auth-challenge`,
    ]);
  });

  it('wires each trigger into the user pool', () => {
    expect(json).toHaveResourceWithProperties(CognitoUserPool, {
      name: stackName,
      lambda_config: {
        define_auth_challenge: expect.stringMatching(/^\$\{aws_lambda_function\.define-auth-challenge_function_\w+\.arn\}$/),
        create_auth_challenge: expect.stringMatching(/^\$\{aws_lambda_function\.create-auth-challenge_function_\w+\.arn\}$/),
        verify_auth_challenge_response: expect.stringMatching(/^\$\{aws_lambda_function\.verify-auth-challenge_function_\w+\.arn\}$/),
      },
      email_configuration: expect.objectContaining({ source_arn: '${aws_sesv2_email_identity.ses_identity.arn}' }),
    });
  });

  it('keeps a session open for the whole code lifetime (300 s: 5 minutes)', () => {
    expect(json).toHaveResourceWithProperties(CognitoUserPoolClient, { auth_session_validity: 5 });
  });

  it('outputs what clients and operators need', () => {
    const expected = [
      OUTPUT_NAMES.region,
      OUTPUT_NAMES.userPoolId,
      OUTPUT_NAMES.userPoolArn,
      OUTPUT_NAMES.userPoolClientId,
      OUTPUT_NAMES.identityPoolId,
      OUTPUT_NAMES.functionNames,
      OUTPUT_NAMES.sesIdentity,
      OUTPUT_NAMES.sesIdentityArn,
      OUTPUT_NAMES.sesIdentityVerified,
      OUTPUT_NAMES.alarmTopicArn,
      OUTPUT_NAMES.dashboardName,
      OUTPUT_NAMES.signInStateTable,
    ];

    expect(Object.keys(terraform.output)).toEqual(expect.arrayContaining(expected));
    expect(terraform.output[OUTPUT_NAMES.region]?.value).toBe('eu-west-1');
    expect(Object.keys(terraform.output[OUTPUT_NAMES.functionNames]?.value as object).sort()).toEqual([
      'create-auth-challenge',
      'define-auth-challenge',
      'verify-auth-challenge',
    ]);
  });
});

describe('environment differences', () => {
  const dev = parseSynth(synthStack(devInput(), bundles).json);
  const prod = parseSynth(synthStack(prodInput(), bundles).json);

  it('protects only the prod user pool from deletion', () => {
    const protection = (terraform: typeof dev) =>
      Object.values(terraform.resource['aws_cognito_user_pool'] ?? {}).map((pool) => pool.deletion_protection);

    expect(protection(dev)).toEqual(['INACTIVE']);
    expect(protection(prod)).toEqual(['ACTIVE']);
  });

  it('keeps dev state locally and prod state in S3 with locking', () => {
    expect(Object.keys(dev.terraform['backend'])).toEqual(['local']);
    expect(prod.terraform['backend'].s3).toMatchObject({ use_lockfile: true, encrypt: true });
  });

  it('outputs DKIM records for the prod domain identity only', () => {
    expect(dev.output).not.toHaveProperty(OUTPUT_NAMES.sesDkimRecords);
    expect(prod.output[OUTPUT_NAMES.sesDkimRecords]?.value).toMatch(
      /^\$\{zipmap\(formatlist\("%s\._domainkey\.auth\.example\.com", aws_sesv2_email_identity\.ses_identity\.dkim_signing_attributes\[0\]\.tokens\)/,
    );
  });

  it('emails alarms only where an address is configured (prod)', () => {
    expect(dev.resource).not.toHaveProperty('aws_sns_topic_subscription');
    expect(Object.values(prod.resource['aws_sns_topic_subscription'] ?? {})).toEqual([
      expect.objectContaining({ protocol: 'email', endpoint: 'ops@example.com' }),
    ]);
  });

  it('counts each environment in a metric namespace of its own', () => {
    const namespaces = (terraform: typeof dev) =>
      new Set(Object.values(terraform.resource['aws_cloudwatch_log_metric_filter'] ?? {}).map((filter) => filter.metric_transformation.namespace));

    expect(namespaces(dev)).toEqual(new Set(['cognito-passwordless/dev']));
    expect(namespaces(prod)).toEqual(new Set(['cognito-passwordless/prod']));
  });

  it('keeps logs longer in prod', () => {
    const retention = (terraform: typeof dev) =>
      new Set(Object.values(terraform.resource['aws_cloudwatch_log_group'] ?? {}).map((group) => group.retention_in_days));

    expect(retention(dev)).toEqual(new Set([14]));
    expect(retention(prod)).toEqual(new Set([365]));
  });
});

describe('a full synth of every environment', () => {
  const synth = fullSynth([devInput(), prodInput()], bundles);
  const stackNames = ['cognito-passwordless-dev', 'cognito-passwordless-prod'];

  it.each(stackNames)('writes %s with every bundle it references', (stackName) => {
    const terraform = parseSynth(synth.stackFile(stackName));

    for (const fn of Object.values(terraform.resource['aws_lambda_function'] ?? {})) {
      expect(existsSync(join(synth.stackDir(stackName), fn.filename))).toBe(true);
    }
    expect(synth.stackFile(stackName)).toHaveResourceWithProperties(LambdaFunction, { runtime: 'nodejs22.x' });
  });

  it.each(stackNames)('holds no absolute path of this machine in %s', (stackName) => {
    const files = [synth.stackFile(stackName), readFileSync(join(synth.outdir, 'manifest.json'), 'utf8')];
    const machinePaths = [process.cwd(), tmpdir(), homedir(), bundles.lambdaBundleRoot, synth.outdir];

    for (const file of files) {
      for (const path of machinePaths) expect(file).not.toContain(path);
      const absolute = stringValues(JSON.parse(file)).filter((value) => value.startsWith('/'));
      expect(absolute.filter((value) => !value.startsWith('/aws/lambda/'))).toEqual([]);
    }
  });
});

describe('buildApp', () => {
  it('fails before creating any stack when an environment is invalid, naming the field', () => {
    const broken = inputWith(prodInput(), 'email.from', 'no-reply@elsewhere.example');

    const build = () => buildApp({ environments: [devInput(), broken], ...bundles, outdir: tmpdir() });

    expect(build).toThrow(InfraConfigError);
    expect(build).toThrow('Invalid configuration for environment "prod": email.from:');
  });

  it('creates one stack per environment', () => {
    const { stacks } = buildApp({ environments: [devInput(), prodInput()], ...bundles, outdir: tmpdir() });

    expect(stacks.map((stack) => stack.node.id)).toEqual(['cognito-passwordless-dev', 'cognito-passwordless-prod']);
  });
});
