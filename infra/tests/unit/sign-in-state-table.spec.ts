import { SIGN_IN_STATE_TABLE } from '@cognito-passwordless/contract';
import { DataAwsIamPolicyDocument } from '@cdktf/provider-aws/lib/data-aws-iam-policy-document';
import { DynamodbTable } from '@cdktf/provider-aws/lib/dynamodb-table';
import { Testing } from 'cdktf';
import { SignInStateTable, type SignInStateTableProps } from '../../src/constructs/sign-in-state-table.js';
import { OUTPUT_NAMES } from '../../src/stacks/output-names.js';
import { devInput, placeholderBundles, prodInput } from '../helpers/fixtures.js';
import { type Block, parseSynth, synthStack, type TerraformJson } from '../helpers/synth.js';

const PROPS: SignInStateTableProps = { name: 'app-dev-sign-in-state', deletionProtection: false, preventDestroy: false, pointInTimeRecovery: false };

function synthTable(props: Partial<SignInStateTableProps> = {}): string {
  return Testing.synthScope((scope) => {
    new SignInStateTable(scope, 'state', { ...PROPS, ...props });
  });
}

const tablesOf = (terraform: TerraformJson): Block[] => Object.values(terraform.resource['aws_dynamodb_table'] ?? {});

describe('SignInStateTable', () => {
  it('has the fixed key schema: a string partition key "pk" and no sort key', () => {
    const json = synthTable();
    const [table] = tablesOf(parseSynth(json));

    expect(json).toHaveResourceWithProperties(DynamodbTable, {
      name: 'app-dev-sign-in-state',
      hash_key: 'pk',
      attribute: [{ name: 'pk', type: 'S' }],
    });
    expect(table).not.toHaveProperty('range_key');
    expect(table).not.toHaveProperty('global_secondary_index');
    expect(table).not.toHaveProperty('local_secondary_index');
  });

  it('is billed on demand, expires items by "expiresAt" and is encrypted at rest', () => {
    expect(synthTable()).toHaveResourceWithProperties(DynamodbTable, {
      billing_mode: 'PAY_PER_REQUEST',
      ttl: { attribute_name: 'expiresAt', enabled: true },
      server_side_encryption: { enabled: true },
    });
    const [table] = tablesOf(parseSynth(synthTable()));
    expect(table).not.toHaveProperty('read_capacity');
    expect(table).not.toHaveProperty('write_capacity');
  });

  it.each([true, false])('turns point-in-time recovery on or off as told (%s)', (enabled) => {
    expect(synthTable({ pointInTimeRecovery: enabled })).toHaveResourceWithProperties(DynamodbTable, {
      point_in_time_recovery: { enabled },
    });
  });

  it('protects the table from deletion, in DynamoDB and in Terraform, only when told', () => {
    const [unprotected] = tablesOf(parseSynth(synthTable()));
    const [protectedTable] = tablesOf(parseSynth(synthTable({ deletionProtection: true, preventDestroy: true })));

    expect(unprotected).toMatchObject({ deletion_protection_enabled: false });
    expect(unprotected).not.toHaveProperty('lifecycle');
    expect(protectedTable).toMatchObject({ deletion_protection_enabled: true, lifecycle: { prevent_destroy: true } });
  });

  it('grants exactly GetItem and UpdateItem, on this table only', () => {
    const json = Testing.synthScope((scope) => {
      const table = new SignInStateTable(scope, 'state', PROPS);
      new DataAwsIamPolicyDocument(scope, 'policy', { statement: [table.itemAccessStatement()] });
    });
    const [tableId] = Object.keys(parseSynth(json).resource['aws_dynamodb_table'] ?? {});

    expect(Object.values(parseSynth(json).data?.['aws_iam_policy_document'] ?? {})).toEqual([
      {
        statement: [
          {
            sid: 'SignInStateItems',
            effect: 'Allow',
            actions: ['dynamodb:GetItem', 'dynamodb:UpdateItem'],
            resources: [`\${aws_dynamodb_table.${tableId}.arn}`],
          },
        ],
      },
    ]);
  });
});

describe.each([
  ['dev', devInput, { pitr: false, protectedTable: false }],
  ['prod', prodInput, { pitr: true, protectedTable: true }],
])('the state table of the %s stack', (environment, input, expected) => {
  const terraform = parseSynth(synthStack(input(), placeholderBundles()).json);
  const tables = Object.entries(terraform.resource['aws_dynamodb_table'] ?? {});
  const [tableId, table] = tables[0] ?? [];
  const functions = Object.values(terraform.resource['aws_lambda_function'] ?? {});
  const variablesOf = (trigger: string): Record<string, string> =>
    functions.find((fn) => String(fn['function_name']).endsWith(trigger))?.['environment'].variables ?? {};

  it('is one table named after the stack, at a fixed Terraform address', () => {
    expect(tables).toHaveLength(1);
    expect(tableId).toBe('sign_in_state_table');
    expect(table?.['name']).toBe(`cognito-passwordless-${environment}-sign-in-state`);
  });

  it(`takes point-in-time recovery (${expected.pitr}) and deletion protection (${expected.protectedTable}) from the configuration`, () => {
    expect(table?.['point_in_time_recovery']).toEqual({ enabled: expected.pitr });
    expect(table?.['deletion_protection_enabled']).toBe(expected.protectedTable);
    expect(table?.['lifecycle']?.['prevent_destroy'] === true).toBe(expected.protectedTable);
  });

  it(`gives create and verify its name as ${SIGN_IN_STATE_TABLE.name}, and define nothing of it`, () => {
    const reference = `\${aws_dynamodb_table.${tableId}.name}`;

    expect(variablesOf('create-auth-challenge')[SIGN_IN_STATE_TABLE.name]).toBe(reference);
    expect(variablesOf('verify-auth-challenge')[SIGN_IN_STATE_TABLE.name]).toBe(reference);
    expect(variablesOf('define-auth-challenge')).not.toHaveProperty(SIGN_IN_STATE_TABLE.name);
  });

  it('outputs its name', () => {
    expect(terraform.output[OUTPUT_NAMES.signInStateTable]?.value).toBe(`\${aws_dynamodb_table.${tableId}.name}`);
  });
});
