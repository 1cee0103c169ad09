import * as v from 'valibot';
import { CognitoServiceError, errors } from '../errors';
import type { Accounts } from '../pool/accounts';
import type { AuthFlows } from '../pool/auth-flows';
import * as schemas from './schemas';

/** One API operation: a parsed request in, the response body out. */
export type Operation = (body: unknown) => Promise<object>;

function operation<S extends v.GenericSchema>(schema: S, run: (input: v.InferOutput<S>) => Promise<object>): Operation {
  return (body) => {
    const parsed = v.safeParse(schema, body);
    if (!parsed.success) return Promise.reject(validationError(parsed.issues));
    return run(parsed.output);
  };
}

/** AWS's wording: `1 validation error detected: Value at 'username' failed to satisfy constraint: ...`. */
function validationError(issues: readonly v.BaseIssue<unknown>[]): CognitoServiceError {
  const details = issues.map((issue) => {
    // Members are named in camelCase, as AWS does; keys of a map (AuthParameters.USERNAME) stay as sent.
    const keys = (issue.path ?? []).map((item) => String(item.key));
    const member = keys.map((key, index) => (MAP_MEMBERS.has(keys[index - 1] ?? '') ? key : lowerFirst(key))).join('.');
    const constraint = issue.input === undefined ? 'Member must not be null' : issue.message;
    return `Value at '${member}' failed to satisfy constraint: ${constraint}`;
  });
  return errors.invalidParameter(`${details.length} validation error${details.length === 1 ? '' : 's'} detected: ${details.join('; ')}`);
}

/** Request members that are string maps, whose keys are data rather than member names. */
const MAP_MEMBERS = new Set(['AuthParameters', 'ChallengeResponses', 'ClientMetadata']);

function lowerFirst(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1);
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
