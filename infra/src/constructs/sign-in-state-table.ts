import type { DataAwsIamPolicyDocumentStatement } from '@cdktf/provider-aws/lib/data-aws-iam-policy-document';
import { DynamodbTable } from '@cdktf/provider-aws/lib/dynamodb-table';
import { Construct } from 'constructs';

/**
 * The table's interface, relied on by the store adapter and by checks
 * outside this repository: one string partition key, no sort key, and the
 * expiry (epoch seconds) DynamoDB's TTL deletes items by.
 */
export const STATE_TABLE_PARTITION_KEY = 'pk';
export const STATE_TABLE_TTL_ATTRIBUTE = 'expiresAt';

/**
 * A fixed Terraform address: a stateful resource under prevent_destroy should
 * not move when the construct tree is refactored, and operators type it
 * (`terraform import aws_dynamodb_table.sign_in_state_table <name>`).
 */
export const STATE_TABLE_LOGICAL_ID = 'sign_in_state_table';

/**
 * The item operations the triggers use, and so the only ones their roles may
 * call (as `dynamodb:<operation>`) and the ones whose per-operation metrics
 * the alarms and the dashboard watch.
 */
export const STATE_TABLE_OPERATIONS = ['GetItem', 'UpdateItem'] as const;
export type StateTableOperation = (typeof STATE_TABLE_OPERATIONS)[number];

export interface SignInStateTableProps {
  readonly name: string;
  /** DynamoDB deletion protection: a protected table cannot be deleted until it is switched off. */
  readonly deletionProtection: boolean;
  /** Terraform refuses any plan that would destroy the table (`lifecycle.prevent_destroy`). */
  readonly preventDestroy: boolean;
  readonly pointInTimeRecovery: boolean;
}

/**
 * The per-user sign-in state of the Create and Verify triggers (codes sent
 * and wrong answers per username, keyed by a keyed hash of the normalized
 * username): on demand, since sign-ins come in bursts and cost nothing idle;
 * encrypted with the account's AWS managed DynamoDB key; items removed by TTL
 * once their window has passed (lazily: the triggers treat an item past
 * `expiresAt` as gone themselves).
 */
export class SignInStateTable extends Construct {
  readonly table: DynamodbTable;

  constructor(scope: Construct, id: string, props: SignInStateTableProps) {
    super(scope, id);
    this.table = new DynamodbTable(this, 'table', {
      name: props.name,
      billingMode: 'PAY_PER_REQUEST',
      hashKey: STATE_TABLE_PARTITION_KEY,
      attribute: [{ name: STATE_TABLE_PARTITION_KEY, type: 'S' }],
      ttl: { attributeName: STATE_TABLE_TTL_ATTRIBUTE, enabled: true },
      // Without a key ARN, DynamoDB uses the AWS managed key (aws/dynamodb): auditable in
      // CloudTrail, and no key policy for the triggers' roles to get wrong.
      serverSideEncryption: { enabled: true },
      pointInTimeRecovery: { enabled: props.pointInTimeRecovery },
      deletionProtectionEnabled: props.deletionProtection,
      lifecycle: props.preventDestroy ? { preventDestroy: true } : undefined,
    });
    this.table.overrideLogicalId(STATE_TABLE_LOGICAL_ID);
  }

  /** What a trigger that reads and counts per-user state may do: its item operations, on this table only. */
  itemAccessStatement(): DataAwsIamPolicyDocumentStatement {
    return {
      sid: 'SignInStateItems',
      effect: 'Allow',
      actions: STATE_TABLE_OPERATIONS.map((operation) => `dynamodb:${operation}`),
      resources: [this.table.arn],
    };
  }
}
