import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import { DataAwsIamPolicyDocument } from '@cdktf/provider-aws/lib/data-aws-iam-policy-document';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { LambdaFunction } from '@cdktf/provider-aws/lib/lambda-function';
import { LambdaPermission } from '@cdktf/provider-aws/lib/lambda-permission';
import { Testing } from 'cdktf';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TriggerFunction, type TriggerFunctionProps } from '../../src/constructs/trigger-function.js';
import { LambdaBundleNotFoundError } from '../../src/errors.js';
import { placeholderBundles } from '../helpers/fixtures.js';

describe('TriggerFunction', () => {
  const bundles = placeholderBundles();
  const props: TriggerFunctionProps = {
    trigger: 'verify-auth-challenge',
    functionName: 'app-dev-verify-auth-challenge',
    bundleDir: join(bundles.lambdaBundleRoot, 'verify-auth-challenge'),
    archiveCacheDir: bundles.archiveCacheDir,
    environment: { CODE_LENGTH: '6', CODE_TTL_SECONDS: '300' },
    memoryMb: 512,
    logRetentionDays: 30,
    logLevel: 'DEBUG',
  };
  const synth = (overrides: Partial<TriggerFunctionProps> = {}) =>
    Testing.synthScope((scope) => {
      new TriggerFunction(scope, 'trigger', { ...props, ...overrides }).allowInvocationByUserPool('USER_POOL_ARN');
    });

  it('runs the bundle on Node.js 22 on arm64 with index.handler and a 5 s timeout', () => {
    expect(synth()).toHaveResourceWithProperties(LambdaFunction, {
      function_name: 'app-dev-verify-auth-challenge',
      runtime: 'nodejs22.x',
      architectures: ['arm64'],
      handler: 'index.handler',
      timeout: 5,
      memory_size: 512,
    });
  });

  it('gets exactly the environment it is given', () => {
    expect(synth()).toHaveResourceWithProperties(LambdaFunction, {
      environment: { variables: { CODE_LENGTH: '6', CODE_TTL_SECONDS: '300' } },
    });
  });

  it('logs JSON into its own log group at the configured level', () => {
    expect(synth()).toHaveResourceWithProperties(LambdaFunction, {
      logging_config: {
        log_format: 'JSON',
        log_group: expect.stringMatching(/^\$\{aws_cloudwatch_log_group\.trigger_log_group_\w+\.name\}$/),
        application_log_level: 'DEBUG',
        system_log_level: 'WARN',
      },
    });
  });

  it('creates the log group Lambda would otherwise create, with retention', () => {
    expect(synth()).toHaveResourceWithProperties(CloudwatchLogGroup, {
      name: '/aws/lambda/app-dev-verify-auth-challenge',
      retention_in_days: 30,
    });
  });

  it('deploys a zip of the bundle with the hash Lambda reports as CodeSha256', () => {
    const json = synth();
    const [archiveName] = readdirSync(bundles.archiveCacheDir).filter((name) => name.startsWith('verify-auth-challenge-'));
    const archive = readFileSync(join(bundles.archiveCacheDir, archiveName ?? 'missing'));

    expect(json).toHaveResourceWithProperties(LambdaFunction, {
      filename: expect.stringMatching(/^assets\/trigger_bundle_[0-9A-F]+\/[0-9a-f]{32}\/verify-auth-challenge-[0-9a-f]{32}\.zip$/),
      source_code_hash: createHash('sha256').update(archive).digest('base64'),
    });
  });

  it('is assumed by Lambda only', () => {
    const json = synth();

    expect(json).toHaveDataSourceWithProperties(DataAwsIamPolicyDocument, {
      statement: [
        { effect: 'Allow', actions: ['sts:AssumeRole'], principals: [{ type: 'Service', identifiers: ['lambda.amazonaws.com'] }] },
      ],
    });
    expect(json).toHaveResourceWithProperties(IamRole, { name: 'app-dev-verify-auth-challenge' });
  });

  it('may write to its own log group only', () => {
    expect(synth()).toHaveDataSourceWithProperties(DataAwsIamPolicyDocument, {
      statement: [
        {
          sid: 'WriteOwnLogs',
          effect: 'Allow',
          actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
          resources: [expect.stringMatching(/^\$\{aws_cloudwatch_log_group\.trigger_log_group_\w+\.arn\}:log-stream:\*$/)],
        },
      ],
    });
  });

  it('adds the extra statements it is given to its permissions', () => {
    const extra = { sid: 'Extra', effect: 'Allow', actions: ['ses:SendEmail'], resources: ['IDENTITY_ARN'] };

    expect(synth({ extraStatements: [extra] })).toHaveDataSourceWithProperties(DataAwsIamPolicyDocument, {
      statement: [expect.objectContaining({ sid: 'WriteOwnLogs' }), extra],
    });
  });

  it('lets only the given user pool invoke it', () => {
    expect(synth()).toHaveResourceWithProperties(LambdaPermission, {
      action: 'lambda:InvokeFunction',
      principal: 'cognito-idp.amazonaws.com',
      source_arn: 'USER_POOL_ARN',
      function_name: expect.stringMatching(/^\$\{aws_lambda_function\.trigger_function_\w+\.function_name\}$/),
    });
  });

  it('refuses to synthesize without the bundle and says how to build it', () => {
    const missing = join(bundles.lambdaBundleRoot, 'not-built');

    expect(() => synth({ bundleDir: missing })).toThrow(LambdaBundleNotFoundError);
    expect(() => synth({ bundleDir: missing })).toThrow('npx nx run verify-auth-challenge:build');
  });
});
