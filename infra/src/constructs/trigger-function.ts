import { TRIGGER_BUNDLE_FILE, type TriggerName } from '@cognito-passwordless/contract';
import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import {
  DataAwsIamPolicyDocument,
  type DataAwsIamPolicyDocumentStatement,
} from '@cdktf/provider-aws/lib/data-aws-iam-policy-document';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { LambdaFunction } from '@cdktf/provider-aws/lib/lambda-function';
import { LambdaPermission } from '@cdktf/provider-aws/lib/lambda-permission';
import { AssetType, TerraformAsset } from 'cdktf';
import { Construct } from 'constructs';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { LambdaBundleNotFoundError } from '../errors.js';
import { archiveBundle } from '../lambda/bundle-archive.js';
import type { ZipEntry } from '../lambda/deterministic-zip.js';
import { HANDLER } from '../lambda/triggers.js';

export const TRIGGER_RUNTIME = 'nodejs22.x';
export const TRIGGER_ARCHITECTURE = 'arm64';
/** Cognito gives a trigger about 5 s; a longer Lambda timeout would only hide a failure the user already saw. */
export const TRIGGER_TIMEOUT_SECONDS = 5;

export interface TriggerFunctionProps {
  readonly trigger: TriggerName;
  readonly functionName: string;
  /** Directory holding the bundle's `index.mjs`; it is zipped whole. */
  readonly bundleDir: string;
  /** Where the zipped bundles are kept between synths. */
  readonly archiveCacheDir: string;
  readonly environment: Readonly<Record<string, string>>;
  readonly memoryMb: number;
  readonly logRetentionDays: number;
  readonly logLevel: string;
  /** Files zipped next to the bundle, e.g. the Create function's email templates. */
  readonly extraFiles?: readonly ZipEntry[];
  /** Permissions beyond writing its own logs, e.g. sending email through SES. */
  readonly extraStatements?: readonly DataAwsIamPolicyDocumentStatement[];
}

/**
 * One Cognito trigger: the Lambda function, its log group (created by
 * Terraform, so retention applies from the first invocation), its execution
 * role with least privilege, and, once the user pool exists, the permission
 * for Cognito to invoke it.
 */
export class TriggerFunction extends Construct {
  readonly function: LambdaFunction;
  readonly logGroup: CloudwatchLogGroup;
  readonly role: IamRole;
  readonly trigger: TriggerName;

  constructor(scope: Construct, id: string, props: TriggerFunctionProps) {
    super(scope, id);
    this.trigger = props.trigger;

    const bundleFile = join(props.bundleDir, TRIGGER_BUNDLE_FILE);
    if (!existsSync(bundleFile)) throw new LambdaBundleNotFoundError(bundleFile, props.trigger);

    // Referenced by the function's logging_config, so Terraform creates it first.
    this.logGroup = new CloudwatchLogGroup(this, 'log_group', {
      name: `/aws/lambda/${props.functionName}`,
      retentionInDays: props.logRetentionDays,
    });
    this.role = this.createRole(props);
    this.function = this.createFunction(props);
  }

  /** The execution role: write its own log streams, plus what `extraStatements` allows. */
  private createRole(props: TriggerFunctionProps): IamRole {
    const assumeRole = new DataAwsIamPolicyDocument(this, 'assume_role_policy', {
      statement: [
        {
          effect: 'Allow',
          actions: ['sts:AssumeRole'],
          principals: [{ type: 'Service', identifiers: ['lambda.amazonaws.com'] }],
        },
      ],
    });
    const role = new IamRole(this, 'role', {
      name: props.functionName,
      description: `Execution role of the ${props.trigger} Cognito trigger`,
      assumeRolePolicy: assumeRole.json,
    });

    // The log group exists already, so no logs:CreateLogGroup; streams only in this group.
    const permissions = new DataAwsIamPolicyDocument(this, 'permissions', {
      statement: [
        {
          sid: 'WriteOwnLogs',
          effect: 'Allow',
          actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
          resources: [`${this.logGroup.arn}:log-stream:*`],
        },
        ...(props.extraStatements ?? []),
      ],
    });
    new IamRolePolicy(this, 'role_policy', {
      name: 'permissions',
      role: role.id,
      policy: permissions.json,
    });
    return role;
  }

  /** The function, from the zipped bundle and its extra files. */
  private createFunction(props: TriggerFunctionProps): LambdaFunction {
    // A zip with environment files is this function's own: named after it, so another stack's synth does not prune it.
    const archiveName = props.extraFiles?.length ? `${props.trigger}.${props.functionName}` : props.trigger;
    const archive = archiveBundle(props.bundleDir, props.archiveCacheDir, archiveName, props.extraFiles);
    const bundle = new TerraformAsset(this, 'bundle', {
      path: archive.path,
      type: AssetType.FILE,
      assetHash: archive.contentHash,
    });

    return new LambdaFunction(this, 'function', {
      functionName: props.functionName,
      description: `Cognito ${props.trigger} trigger`,
      role: this.role.arn,
      runtime: TRIGGER_RUNTIME,
      architectures: [TRIGGER_ARCHITECTURE],
      handler: HANDLER,
      timeout: TRIGGER_TIMEOUT_SECONDS,
      memorySize: props.memoryMb,
      filename: bundle.path,
      // The value Lambda reports as CodeSha256: a new hash means new code, and only then.
      sourceCodeHash: archive.sha256Base64,
      environment: { variables: { ...props.environment } },
      loggingConfig: {
        logFormat: 'JSON',
        logGroup: this.logGroup.name,
        applicationLogLevel: props.logLevel,
        systemLogLevel: 'WARN',
      },
    });
  }

  /** Lets exactly this user pool (and no other in any account) invoke the function. */
  allowInvocationByUserPool(userPoolArn: string): LambdaPermission {
    return new LambdaPermission(this, 'cognito_permission', {
      statementId: 'AllowCognitoUserPoolInvoke',
      action: 'lambda:InvokeFunction',
      functionName: this.function.functionName,
      principal: 'cognito-idp.amazonaws.com',
      sourceArn: userPoolArn,
    });
  }
}
