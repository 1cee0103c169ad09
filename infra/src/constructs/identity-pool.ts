import { CognitoIdentityPool } from '@cdktf/provider-aws/lib/cognito-identity-pool';
import { CognitoIdentityPoolRolesAttachment } from '@cdktf/provider-aws/lib/cognito-identity-pool-roles-attachment';
import { DataAwsIamPolicyDocument } from '@cdktf/provider-aws/lib/data-aws-iam-policy-document';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { Construct } from 'constructs';

export interface IdentityPoolProps {
  readonly name: string;
  readonly userPoolClientId: string;
  /** `cognito-idp.<region>.amazonaws.com/<user pool id>`. */
  readonly userPoolProviderName: string;
}

/**
 * An identity pool that trades the user pool's tokens for AWS credentials of
 * one authenticated role. No guest identities. The role has no permissions
 * yet: applications attach what their signed-in users may do.
 */
export class IdentityPool extends Construct {
  readonly pool: CognitoIdentityPool;
  readonly authenticatedRole: IamRole;

  constructor(scope: Construct, id: string, props: IdentityPoolProps) {
    super(scope, id);

    this.pool = new CognitoIdentityPool(this, 'pool', {
      identityPoolName: props.name,
      allowUnauthenticatedIdentities: false,
      allowClassicFlow: false,
      cognitoIdentityProviders: [
        {
          clientId: props.userPoolClientId,
          providerName: props.userPoolProviderName,
          // Reject tokens the user pool has revoked (sign-out everywhere, disabled users).
          serverSideTokenCheck: true,
        },
      ],
    });

    // Without the aud condition any identity pool in any account could assume this role.
    const trust = new DataAwsIamPolicyDocument(this, 'authenticated_trust', {
      statement: [
        {
          effect: 'Allow',
          actions: ['sts:AssumeRoleWithWebIdentity'],
          principals: [{ type: 'Federated', identifiers: ['cognito-identity.amazonaws.com'] }],
          condition: [
            { test: 'StringEquals', variable: 'cognito-identity.amazonaws.com:aud', values: [this.pool.id] },
            { test: 'ForAnyValue:StringLike', variable: 'cognito-identity.amazonaws.com:amr', values: ['authenticated'] },
          ],
        },
      ],
    });
    this.authenticatedRole = new IamRole(this, 'authenticated_role', {
      name: `${props.name}-authenticated`,
      description: 'Role of signed-in users, assumed through the identity pool',
      assumeRolePolicy: trust.json,
    });

    new CognitoIdentityPoolRolesAttachment(this, 'roles', {
      identityPoolId: this.pool.id,
      roles: { authenticated: this.authenticatedRole.arn },
    });
  }
}
