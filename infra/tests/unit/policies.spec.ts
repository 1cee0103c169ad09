import { POWERTOOLS_SERVICE_NAME, TRIGGER_ENVIRONMENT, TRIGGER_NAMES, TRIGGER_SIGN_IN_VARIABLES } from '@cognito-passwordless/contract';
import { UNSET_SIGN_IN_VARIABLES } from '../../src/lambda/trigger-environment.js';
import { perTrigger } from '../../src/lambda/triggers.js';
import { devInput, placeholderBundles, prodInput } from '../helpers/fixtures.js';
import { type Block, parseSynth, synthStack, type TerraformJson } from '../helpers/synth.js';

interface Statement {
  readonly actions?: string[];
  readonly not_actions?: string[];
  readonly resources?: string[];
  readonly not_resources?: string[];
  readonly principals?: { type: string; identifiers: string[] }[];
  readonly condition?: { test: string; variable: string; values: string[] }[];
  readonly effect?: string;
}

/**
 * Exactly the variables each function reads: the sign-in variables the
 * contract lists for it (bar those left to the trigger's default), the email
 * settings of Create's sender, and the Powertools service name.
 */
const ALLOWED_VARIABLES = perTrigger((trigger) => [
  ...TRIGGER_ENVIRONMENT[trigger].filter((variable) => !UNSET_SIGN_IN_VARIABLES.includes(variable)).map((variable) => variable.name),
  POWERTOOLS_SERVICE_NAME.name,
]);

const bundles = placeholderBundles();

function statementsOf(terraform: TerraformJson): Statement[] {
  return Object.values(terraform.data?.['aws_iam_policy_document'] ?? {}).flatMap((doc) => doc.statement as Statement[]);
}

function resourcesOf(terraform: TerraformJson, type: string): Block[] {
  return Object.values(terraform.resource[type] ?? {});
}

describe.each([
  ['dev', devInput],
  ['prod', prodInput],
])('IAM and Lambda policies of the %s stack', (_environment, input) => {
  const terraform = parseSynth(synthStack(input(), bundles).json);
  const statements = statementsOf(terraform);

  it('writes every policy from a policy document (nothing hand-written escapes these checks)', () => {
    const documentReference = /^\$\{data\.aws_iam_policy_document\.[\w-]+\.json\}$/;

    for (const role of resourcesOf(terraform, 'aws_iam_role')) expect(role['assume_role_policy']).toMatch(documentReference);
    for (const policy of resourcesOf(terraform, 'aws_iam_role_policy')) expect(policy['policy']).toMatch(documentReference);
    expect(resourcesOf(terraform, 'aws_sns_topic_policy')).toHaveLength(2);
    for (const policy of resourcesOf(terraform, 'aws_sns_topic_policy')) expect(policy['policy']).toMatch(documentReference);
    expect(terraform.resource).not.toHaveProperty('aws_iam_policy');
    expect(terraform.resource).not.toHaveProperty('aws_iam_role_policy_attachment');
  });

  it('grants no "*" action and no negated statement', () => {
    expect(statements.length).toBeGreaterThan(0);
    for (const statement of statements) {
      expect(statement.effect).toBe('Allow');
      expect(statement.not_actions).toBeUndefined();
      expect(statement.not_resources).toBeUndefined();
      expect(statement.actions?.length).toBeGreaterThan(0);
      for (const action of statement.actions ?? []) expect(action).not.toContain('*');
    }
  });

  it('scopes every resource to this stack', () => {
    const permissionStatements = statements.filter((statement) => statement.principals === undefined);

    for (const statement of permissionStatements) {
      expect(statement.resources?.length).toBeGreaterThan(0);
      for (const resource of statement.resources ?? []) {
        expect(resource).not.toBe('*');
        expect(resource).toMatch(/^(\$\{aws_[\w.-]+\}|arn:\$\{data\.aws_partition\.[\w.-]+\}:ses:)/);
      }
    }
  });

  it('trusts only the AWS services and identity pool it means to', () => {
    const principals = statements.flatMap((statement) => statement.principals ?? []);

    expect(principals).toEqual(
      expect.arrayContaining([{ type: 'Service', identifiers: ['lambda.amazonaws.com'] }]),
    );
    for (const principal of principals) {
      expect(principal.identifiers).not.toContain('*');
      expect(['lambda.amazonaws.com', 'cognito-identity.amazonaws.com', 'cloudwatch.amazonaws.com', 'ses.amazonaws.com']).toEqual(
        expect.arrayContaining(principal.identifiers),
      );
    }
    const identityPoolTrust = statements.find((statement) =>
      statement.principals?.some((principal) => principal.type === 'Federated'),
    );
    expect(identityPoolTrust?.condition?.map((condition) => condition.variable).sort()).toEqual([
      'cognito-identity.amazonaws.com:amr',
      'cognito-identity.amazonaws.com:aud',
    ]);
  });

  it("lets CloudWatch publish to the alarm topic only, on behalf of this account's alarms of this stack", () => {
    const cloudWatch = statements.filter((statement) =>
      statement.principals?.some((principal) => principal.identifiers.includes('cloudwatch.amazonaws.com')),
    );

    expect(cloudWatch).toHaveLength(1);
    expect(cloudWatch[0]).toMatchObject({
      actions: ['sns:Publish'],
      resources: [expect.stringMatching(/^\$\{aws_sns_topic\.[\w-]+\.arn\}$/)],
    });
    expect(cloudWatch[0]?.condition).toEqual([
      { test: 'StringEquals', variable: 'aws:SourceAccount', values: [expect.stringMatching(/^\$\{data\.aws_caller_identity\./)] },
      { test: 'ArnLike', variable: 'aws:SourceArn', values: [expect.stringMatching(/:alarm:cognito-passwordless-(dev|prod)-\*$/)] },
    ]);
  });

  it('lets only the create function send email, only from the configured address', () => {
    const sesStatements = statements.filter((statement) => statement.actions?.some((action) => action.startsWith('ses:')));

    expect(sesStatements).toHaveLength(1);
    expect(sesStatements[0]?.actions).toEqual(['ses:SendEmail', 'ses:SendRawEmail']);
    expect(sesStatements[0]?.condition).toEqual([
      expect.objectContaining({ test: 'StringEquals', variable: 'ses:FromAddress' }),
    ]);
    const createPolicy = Object.entries(terraform.data?.['aws_iam_policy_document'] ?? {}).find(([, doc]) =>
      (doc.statement as Statement[]).includes(sesStatements[0] as Statement),
    );
    expect(createPolicy?.[0]).toMatch(/^create-auth-challenge_permissions_/);
  });

  it('lets create and verify get and update items of the state table, and nothing else on it or any other table', () => {
    const dynamodb = Object.entries(terraform.data?.['aws_iam_policy_document'] ?? {}).flatMap(([id, doc]) =>
      (doc.statement as Statement[])
        .filter((statement) => statement.actions?.some((action) => action.startsWith('dynamodb:')))
        .map((statement) => ({ id, statement })),
    );
    const [tableId, ...otherTables] = Object.keys(terraform.resource['aws_dynamodb_table'] ?? {});

    expect(otherTables).toEqual([]);
    expect(dynamodb.map(({ id }) => id.replace(/_permissions_\w+$/, '')).sort()).toEqual(['create-auth-challenge', 'verify-auth-challenge']);
    for (const { statement } of dynamodb) {
      expect(statement.actions).toEqual(['dynamodb:GetItem', 'dynamodb:UpdateItem']);
      expect(statement.resources).toEqual([`\${aws_dynamodb_table.${tableId}.arn}`]);
      expect(statement.condition).toBeUndefined();
    }
  });

  it('gives the define function no permission beyond writing its own logs', () => {
    const [, definePolicy] =
      Object.entries(terraform.data?.['aws_iam_policy_document'] ?? {}).find(([id]) => id.startsWith('define-auth-challenge_permissions_')) ?? [];

    expect((definePolicy?.['statement'] as Statement[]).map((statement) => statement.actions)).toEqual([
      ['logs:CreateLogStream', 'logs:PutLogEvents'],
    ]);
  });

  it('lets Cognito invoke each function only on behalf of this user pool', () => {
    const permissions = resourcesOf(terraform, 'aws_lambda_permission');

    expect(permissions).toHaveLength(3);
    for (const permission of permissions) {
      expect(permission).toMatchObject({
        action: 'lambda:InvokeFunction',
        principal: 'cognito-idp.amazonaws.com',
        source_arn: expect.stringMatching(/^\$\{aws_cognito_user_pool\.user_pool_\w+\.arn\}$/),
      });
    }
  });

  it('gives each function only the variables of the environment contract, none of them secret', () => {
    for (const fn of resourcesOf(terraform, 'aws_lambda_function')) {
      const trigger = TRIGGER_NAMES.find((name) => String(fn['function_name']).endsWith(name));
      const variables: Record<string, string> = fn['environment'].variables;

      expect(trigger).toBeDefined();
      expect(ALLOWED_VARIABLES[trigger ?? 'define-auth-challenge']).toEqual(expect.arrayContaining(Object.keys(variables)));
      // Every sign-in variable of the contract is set, so a trigger never silently runs on a default.
      const unsetVariables = TRIGGER_SIGN_IN_VARIABLES[trigger ?? 'define-auth-challenge'].filter(
        (variable) => !UNSET_SIGN_IN_VARIABLES.includes(variable) && !(variable.name in variables),
      );
      expect(unsetVariables).toEqual([]);
      for (const [name, value] of Object.entries(variables)) {
        expect(name).not.toMatch(/SECRET|PASSWORD|TOKEN|PRIVATE|ACCESS_KEY|SALT|PEPPER/i);
        expect(value).not.toMatch(/^\d{6,10}$/);
        expect(value).not.toMatch(/AKIA[0-9A-Z]{16}|-----BEGIN/);
        expect(value).not.toBe('');
      }
    }
  });
});
