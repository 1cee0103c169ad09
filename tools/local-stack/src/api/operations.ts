import * as v from 'valibot';
import type { Accounts } from '../pool/accounts';
import type { AuthFlows } from '../pool/auth-flows';
import * as schemas from './schemas';
import { validationError } from './validation-error';

/** One API operation: a parsed request in, the response body out. */
export type Operation = (body: unknown) => Promise<object>;

function operation<S extends v.GenericSchema>(schema: S, run: (input: v.InferOutput<S>) => Promise<object>): Operation {
  return (body) => {
    const parsed = v.safeParse(schema, body);
    if (!parsed.success) return Promise.reject(validationError(parsed.issues));
    return run(parsed.output);
  };
}

/** The operations of `AWSCognitoIdentityProviderService` the stack serves, by name. */
export function createOperations(flows: AuthFlows, accounts: Accounts): ReadonlyMap<string, Operation> {
  return new Map<string, Operation>([
    ['InitiateAuth', operation(schemas.InitiateAuthRequest, (input) => flows.initiateAuth(input))],
    ['RespondToAuthChallenge', operation(schemas.RespondToAuthChallengeRequest, (input) => flows.respondToAuthChallenge(input))],
    ['GetTokensFromRefreshToken', operation(schemas.GetTokensFromRefreshTokenRequest, (input) => flows.getTokensFromRefreshToken(input))],
    ['SignUp', operation(schemas.SignUpRequest, (input) => accounts.signUp(input))],
    ['ConfirmSignUp', operation(schemas.ConfirmSignUpRequest, (input) => accounts.confirmSignUp(input))],
    ['ResendConfirmationCode', operation(schemas.ClientUserRequest, (input) => accounts.resendConfirmationCode(input))],
    ['ForgotPassword', operation(schemas.ClientUserRequest, (input) => accounts.forgotPassword(input))],
    ['ConfirmForgotPassword', operation(schemas.ConfirmForgotPasswordRequest, (input) => accounts.confirmForgotPassword(input))],
    ['GetUser', operation(schemas.AccessTokenRequest, (input) => accounts.getUser(input))],
    ['GlobalSignOut', operation(schemas.AccessTokenRequest, (input) => accounts.globalSignOut(input))],
    ['RevokeToken', operation(schemas.RevokeTokenRequest, (input) => accounts.revokeToken(input))],
    ['AdminCreateUser', operation(schemas.AdminCreateUserRequest, (input) => accounts.adminCreateUser(input))],
    ['AdminGetUser', operation(schemas.AdminUserRequest, (input) => accounts.adminGetUser(input))],
    ['AdminDeleteUser', operation(schemas.AdminUserRequest, (input) => accounts.adminDeleteUser(input))],
    ['AdminConfirmSignUp', operation(schemas.AdminUserRequest, (input) => accounts.adminConfirmSignUp(input))],
    ['AdminSetUserPassword', operation(schemas.AdminSetUserPasswordRequest, (input) => accounts.adminSetUserPassword(input))],
  ]);
}
