import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';
import { S3BucketPublicAccessBlock } from '@cdktf/provider-aws/lib/s3-bucket-public-access-block';
import { S3BucketServerSideEncryptionConfigurationA } from '@cdktf/provider-aws/lib/s3-bucket-server-side-encryption-configuration';
import { S3BucketVersioningA } from '@cdktf/provider-aws/lib/s3-bucket-versioning';
import { Testing } from 'cdktf';
import { tmpdir } from 'node:os';
import { buildApp } from '../../src/app.js';
import { parseEnvironmentConfig } from '../../src/config/parse-environment-config.js';
import { StateBucketStack } from '../../src/stacks/state-bucket-stack.js';
import { devInput, inputWith, placeholderBundles, prodInput, TEST_ACCOUNT_IDS } from '../helpers/fixtures.js';
import { parseSynth } from '../helpers/synth.js';

function synthStateStack(input = prodInput()) {
  const config = parseEnvironmentConfig(input);
  if (config.state.type !== 's3') throw new Error('not an S3 environment');
  const stack = new StateBucketStack(Testing.app(), { ...config, state: config.state });
  const json = Testing.synth(stack);
  return { stack, json, terraform: parseSynth(json) };
}

describe('the state bucket stack', () => {
  const { stack, json, terraform } = synthStateStack();

  it('is named cognito-passwordless-state-prod and keeps its own state locally', () => {
    expect(stack.node.id).toBe('cognito-passwordless-state-prod');
    expect(terraform.terraform['backend']).toEqual({ local: { path: '../../../terraform.cognito-passwordless-state-prod.tfstate' } });
  });

  it('creates the configured bucket, which Terraform refuses to destroy', () => {
    expect(json).toHaveResourceWithProperties(S3Bucket, {
      bucket: 'example-terraform-state',
      force_destroy: false,
      lifecycle: { prevent_destroy: true },
    });
  });

  it('versions the bucket, encrypts it by default and blocks every kind of public access', () => {
    expect(json).toHaveResourceWithProperties(S3BucketVersioningA, { versioning_configuration: { status: 'Enabled' } });
    expect(json).toHaveResourceWithProperties(S3BucketServerSideEncryptionConfigurationA, {
      rule: [{ apply_server_side_encryption_by_default: { sse_algorithm: 'AES256' }, bucket_key_enabled: false }],
    });
    expect(json).toHaveResourceWithProperties(S3BucketPublicAccessBlock, {
      block_public_acls: true,
      block_public_policy: true,
      ignore_public_acls: true,
      restrict_public_buckets: true,
    });
  });

  it('denies every request that does not use TLS', () => {
    const statements = Object.values(terraform.data?.['aws_iam_policy_document'] ?? {}).flatMap((doc) => doc.statement);

    expect(statements).toEqual([
      {
        sid: 'DenyInsecureTransport',
        effect: 'Deny',
        actions: ['s3:*'],
        principals: [{ type: '*', identifiers: ['*'] }],
        resources: [expect.stringMatching(/^\$\{aws_s3_bucket\.state_bucket_\w+\.arn\}$/), expect.stringMatching(/\.arn\}\/\*$/)],
        condition: [{ test: 'Bool', variable: 'aws:SecureTransport', values: ['false'] }],
      },
    ]);
    expect(Object.values(terraform.resource['aws_s3_bucket_policy'] ?? {})).toEqual([
      expect.objectContaining({ policy: expect.stringMatching(/^\$\{data\.aws_iam_policy_document\.state_tls_only_\w+\.json\}$/) }),
    ]);
  });

  it('guards the account like the environment does, in the bucket’s region', () => {
    const config = inputWith(prodInput(), 'state', { type: 's3', bucket: 'other-state', region: 'us-east-1' });

    expect(synthStateStack(config).json).toHaveProviderWithProperties(AwsProvider, {
      region: 'us-east-1',
      allowed_account_ids: [TEST_ACCOUNT_IDS.prod],
    });
  });

  it('encrypts with the state’s KMS key when one is configured', () => {
    const kmsKeyId = 'arn:aws:kms:eu-west-1:222222222222:key/1234abcd-12ab-34cd-56ef-1234567890ab';
    const config = inputWith(prodInput(), 'state', { type: 's3', bucket: 'example-terraform-state', kmsKeyId });

    expect(synthStateStack(config).json).toHaveResourceWithProperties(S3BucketServerSideEncryptionConfigurationA, {
      rule: [{ apply_server_side_encryption_by_default: { sse_algorithm: 'aws:kms', kms_master_key_id: kmsKeyId }, bucket_key_enabled: true }],
    });
  });
});

describe('buildApp and the state stacks', () => {
  it('adds a state stack for each environment with S3 state, none for local state', () => {
    const { stateStacks } = buildApp({ environments: [devInput(), prodInput()], ...placeholderBundles(), outdir: tmpdir() });

    expect(stateStacks.map((stack) => stack.node.id)).toEqual(['cognito-passwordless-state-prod']);
  });
});
