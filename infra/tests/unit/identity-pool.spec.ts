import { CognitoIdentityPool } from '@cdktf/provider-aws/lib/cognito-identity-pool';
import { CognitoIdentityPoolRolesAttachment } from '@cdktf/provider-aws/lib/cognito-identity-pool-roles-attachment';
import { DataAwsIamPolicyDocument } from '@cdktf/provider-aws/lib/data-aws-iam-policy-document';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { Testing } from 'cdktf';
import { IdentityPool } from '../../src/constructs/identity-pool.js';

describe('IdentityPool', () => {
  const json = Testing.synthScope((scope) => {
    new IdentityPool(scope, 'identity_pool', {
      name: 'app-dev',
      userPoolClientId: 'CLIENT_ID',
      userPoolProviderName: 'cognito-idp.eu-west-1.amazonaws.com/eu-west-1_abc',
    });
  });
  const poolId = expect.stringMatching(/^\$\{aws_cognito_identity_pool\.identity_pool_\w+\.id\}$/);

  it('has no unauthenticated identities and trusts the user pool client', () => {
    expect(json).toHaveResourceWithProperties(CognitoIdentityPool, {
      identity_pool_name: 'app-dev',
      allow_unauthenticated_identities: false,
      cognito_identity_providers: [
        {
          client_id: 'CLIENT_ID',
          provider_name: 'cognito-idp.eu-west-1.amazonaws.com/eu-west-1_abc',
          server_side_token_check: true,
        },
      ],
    });
  });

  it('lets only authenticated identities of this pool assume the role', () => {
    expect(json).toHaveDataSourceWithProperties(DataAwsIamPolicyDocument, {
      statement: [
        {
          effect: 'Allow',
          actions: ['sts:AssumeRoleWithWebIdentity'],
          principals: [{ type: 'Federated', identifiers: ['cognito-identity.amazonaws.com'] }],
          condition: [
            { test: 'StringEquals', variable: 'cognito-identity.amazonaws.com:aud', values: [poolId] },
            { test: 'ForAnyValue:StringLike', variable: 'cognito-identity.amazonaws.com:amr', values: ['authenticated'] },
          ],
        },
      ],
    });
  });

  it('attaches that role as the authenticated role', () => {
    expect(json).toHaveResourceWithProperties(IamRole, { name: 'app-dev-authenticated' });
    expect(json).toHaveResourceWithProperties(CognitoIdentityPoolRolesAttachment, {
      identity_pool_id: poolId,
      roles: { authenticated: expect.stringMatching(/^\$\{aws_iam_role\.identity_pool_authenticated_role_\w+\.arn\}$/) },
    });
  });
});
