import { Testing } from 'cdktf';
import { configureStateBackend } from '../../src/constructs/state-backend.js';
import type { StateBackendConfig } from '../../src/config/environment-config.schema.js';

function terraformBlock(state: StateBackendConfig) {
  const json = Testing.synthScope((scope) => {
    configureStateBackend(scope as never, state, { stackName: 'app-prod', region: 'eu-west-1' });
  });
  return JSON.parse(json).terraform;
}

describe('configureStateBackend', () => {
  it('keeps local state at a path relative to the stack, next to cdktf.json', () => {
    expect(terraformBlock({ type: 'local' }).backend).toEqual({
      local: { path: '../../../terraform.app-prod.tfstate' },
    });
  });

  it('keeps remote state in S3, encrypted, with S3-native locking', () => {
    expect(terraformBlock({ type: 's3', bucket: 'state-bucket', key: 'app/prod.tfstate', region: 'us-east-1' }).backend).toEqual({
      s3: { bucket: 'state-bucket', key: 'app/prod.tfstate', region: 'us-east-1', encrypt: true, use_lockfile: true },
    });
  });

  it('defaults the S3 key to the stack name and the region to the stack region', () => {
    expect(terraformBlock({ type: 's3', bucket: 'state-bucket' }).backend.s3).toMatchObject({
      key: 'app-prod/terraform.tfstate',
      region: 'eu-west-1',
    });
  });

  it('encrypts with the given KMS key', () => {
    const kmsKeyId = 'arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';

    expect(terraformBlock({ type: 's3', bucket: 'state-bucket', kmsKeyId }).backend.s3).toMatchObject({ kms_key_id: kmsKeyId });
  });
});
