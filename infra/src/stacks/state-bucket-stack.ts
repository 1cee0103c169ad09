import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { TerraformOutput, TerraformStack } from 'cdktf';
import type { Construct } from 'constructs';
import type { EnvironmentConfig } from '../config/environment-config.schema.js';
import { configureStateBackend } from '../constructs/state-backend.js';
import { StateBucket } from '../constructs/state-bucket.js';
import { AWS_PROVIDER_VERSION } from './sign-in-stack.js';

/** `<namePrefix>-state-<environment>`: the stack that creates the environment's state bucket. */
export function stateStackNameOf(config: Pick<EnvironmentConfig, 'namePrefix' | 'environment'>): string {
  return `${config.namePrefix}-state-${config.environment}`;
}

/**
 * Bootstraps an environment whose state lives in S3: creates that bucket.
 * Its own state stays local (`infra/terraform.<stack>.tfstate`), since the
 * bucket cannot hold the state of its own creation; keep that small file
 * (it only tracks the bucket) or import the bucket again when it is lost.
 */
export class StateBucketStack extends TerraformStack {
  readonly stateBucket: StateBucket;

  constructor(scope: Construct, config: EnvironmentConfig & { readonly state: { readonly type: 's3' } }) {
    const stackName = stateStackNameOf(config);
    super(scope, stackName);
    const state = config.state as Extract<EnvironmentConfig['state'], { type: 's3' }>;
    const region = state.region ?? config.region;

    new AwsProvider(this, 'aws', {
      region,
      allowedAccountIds: [config.accountId],
      defaultTags: [{ tags: { ...config.tags } }],
    });
    this.addOverride('terraform.required_providers.aws.version', AWS_PROVIDER_VERSION);
    configureStateBackend(this, { type: 'local' }, { stackName, region });

    this.stateBucket = new StateBucket(this, 'state', { bucket: state.bucket, kmsKeyId: state.kmsKeyId });
    new TerraformOutput(this, 'state_bucket', { value: this.stateBucket.bucket.bucket, description: 'S3 bucket of the Terraform state' });
    new TerraformOutput(this, 'state_bucket_region', { value: region, description: 'Region of the state bucket' });
  }
}
