import { LocalBackend, S3Backend, type TerraformStack } from 'cdktf';
import type { StateBackendConfig } from '../config/environment-config.schema.js';

/**
 * Where the stack keeps its Terraform state.
 *
 * Local: CDKTF's default local backend writes an absolute path of the machine
 * that synthesized the stack; this one is relative to the stack's working
 * directory (`cdktf.out/stacks/<stack>`) and lands next to `cdktf.json`, so a
 * stack synthesized anywhere applies anywhere.
 *
 * S3: encrypted, with S3-native locking (`use_lockfile`, Terraform ≥ 1.10 /
 * OpenTofu ≥ 1.10; older releases refuse the argument at init), so no
 * DynamoDB table is needed. No `required_version` backs this up because
 * CDKTF 0.21's HCL renderer mangles that attribute.
 */
export function configureStateBackend(
  stack: TerraformStack,
  state: StateBackendConfig,
  defaults: { readonly stackName: string; readonly region: string },
): void {
  if (state.type === 'local') {
    new LocalBackend(stack, { path: `../../../terraform.${defaults.stackName}.tfstate` });
    return;
  }
  const backend = new S3Backend(stack, {
    bucket: state.bucket,
    key: state.key ?? `${defaults.stackName}/terraform.tfstate`,
    region: state.region ?? defaults.region,
    encrypt: true,
    ...(state.kmsKeyId === undefined ? {} : { kmsKeyId: state.kmsKeyId }),
  });
  // cdktf 0.21's S3BackendConfig predates use_lockfile.
  backend.addOverride('use_lockfile', true);
}
