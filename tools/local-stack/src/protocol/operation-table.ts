import * as v from 'valibot';
import * as admin from '../operations/admin';
import { initiateAuth } from '../operations/initiate-auth';
import { confirmForgotPassword, forgotPassword } from '../operations/password-reset';
import { getTokensFromRefreshToken } from '../operations/refresh';
import { respondToAuthChallenge } from '../operations/respond-to-auth-challenge';
import { confirmSignUp, resendConfirmationCode, signUp } from '../operations/sign-up';
import { getUser, globalSignOut, revokeToken } from '../operations/user-tokens';
import { createUserPool, type UserPool, type UserPoolDependencies } from '../operations/user-pool';
import * as schemas from './schemas';
import { validationError } from './validation-error';

/** One API operation: a parsed request in, the response body out. */
export type Operation = (body: unknown) => Promise<object>;

/** Validates the request against `schema` (AWS's validation error if it fails), then runs the operation on the pool. */
function operation<S extends v.GenericSchema>(pool: UserPool, schema: S, run: (pool: UserPool, input: v.InferOutput<S>) => Promise<object>): Operation {
  return (body) => {
    const parsed = v.safeParse(schema, body);
    if (!parsed.success) return Promise.reject(validationError(parsed.issues));
    return run(pool, parsed.output);
  };
}

/**
 * The operations of `AWSCognitoIdentityProviderService` the stack serves, by
 * name, on one user pool made from `dependencies` (with its clock: the
 * system clock unless given).
 */
export function createOperations(dependencies: UserPoolDependencies): ReadonlyMap<string, Operation> {
  const pool = createUserPool(dependencies);
  return new Map<string, Operation>([
    ['InitiateAuth', operation(pool, schemas.InitiateAuthRequest, initiateAuth)],
    ['RespondToAuthChallenge', operation(pool, schemas.RespondToAuthChallengeRequest, respondToAuthChallenge)],
    ['GetTokensFromRefreshToken', operation(pool, schemas.GetTokensFromRefreshTokenRequest, getTokensFromRefreshToken)],
    ['SignUp', operation(pool, schemas.SignUpRequest, signUp)],
    ['ConfirmSignUp', operation(pool, schemas.ConfirmSignUpRequest, confirmSignUp)],
    ['ResendConfirmationCode', operation(pool, schemas.ClientUserRequest, resendConfirmationCode)],
    ['ForgotPassword', operation(pool, schemas.ClientUserRequest, forgotPassword)],
    ['ConfirmForgotPassword', operation(pool, schemas.ConfirmForgotPasswordRequest, confirmForgotPassword)],
    ['GetUser', operation(pool, schemas.AccessTokenRequest, getUser)],
    ['GlobalSignOut', operation(pool, schemas.AccessTokenRequest, globalSignOut)],
    ['RevokeToken', operation(pool, schemas.RevokeTokenRequest, revokeToken)],
    ['AdminCreateUser', operation(pool, schemas.AdminCreateUserRequest, admin.adminCreateUser)],
    ['AdminGetUser', operation(pool, schemas.AdminUserRequest, admin.adminGetUser)],
    ['AdminDeleteUser', operation(pool, schemas.AdminUserRequest, admin.adminDeleteUser)],
    ['AdminConfirmSignUp', operation(pool, schemas.AdminUserRequest, admin.adminConfirmSignUp)],
    ['AdminSetUserPassword', operation(pool, schemas.AdminSetUserPasswordRequest, admin.adminSetUserPassword)],
  ]);
}
