/**
 * An error the endpoint answers as Cognito does: HTTP 400 with
 * `{"__type": type, "message": message}`. `type` is Cognito's exception name.
 */
export class CognitoServiceError extends Error {
  override readonly name = 'CognitoServiceError';

  constructor(
    readonly type: string,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** Cognito's own wording for the errors the flows share. */
export const errors = {
  invalidParameter: (message: string) => new CognitoServiceError('InvalidParameterException', message),
  missingAuthParameter: (name: string) => new CognitoServiceError('InvalidParameterException', `Missing required parameter ${name}`),
  incorrectCredentials: () => new CognitoServiceError('NotAuthorizedException', 'Incorrect username or password.'),
  invalidSession: () => new CognitoServiceError('NotAuthorizedException', 'Invalid session for the user.'),
  expiredSession: () => new CognitoServiceError('NotAuthorizedException', 'Invalid session for the user, session is expired.'),
  notAuthorized: (message: string) => new CognitoServiceError('NotAuthorizedException', message),
  userNotConfirmed: () => new CognitoServiceError('UserNotConfirmedException', 'User is not confirmed.'),
  userNotFound: () => new CognitoServiceError('UserNotFoundException', 'User does not exist.'),
  usernameExists: () => new CognitoServiceError('UsernameExistsException', 'User already exists'),
  codeMismatch: () => new CognitoServiceError('CodeMismatchException', 'Invalid verification code provided, please try again.'),
  expiredCode: () => new CognitoServiceError('ExpiredCodeException', 'Invalid code provided, please request a code again.'),
  unknownClient: (clientId: string) => new CognitoServiceError('ResourceNotFoundException', `User pool client ${clientId} does not exist.`),
  unknownPool: (poolId: string) => new CognitoServiceError('ResourceNotFoundException', `User pool ${poolId} does not exist.`),
  attemptLimitExceeded: () => new CognitoServiceError('LimitExceededException', 'Attempt limit exceeded, please try after some time.'),
  codeDeliveryFailure: () => new CognitoServiceError('CodeDeliveryFailureException', 'Unable to deliver the verification code.'),
} as const;

/** Why the stack could not start; the CLI prints the message and exits non-zero. */
export class LocalStackStartError extends Error {
  override readonly name = 'LocalStackStartError';
}

/** A port that another process holds; names the variable that moves it. */
export class PortInUseError extends LocalStackStartError {
  constructor(
    readonly port: number,
    readonly variable: string,
    options?: ErrorOptions,
  ) {
    super(`Port ${port} on 127.0.0.1 is already in use: stop what holds it or set ${variable} to a free port.`, options);
  }
}

/** An environment variable of the stack with a value it cannot use. */
export class LocalStackConfigError extends LocalStackStartError {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`${variable}: ${message}`);
  }
}

/** What every tool says when it needs the running stack and there is none. */
export const LOCAL_STACK_NOT_RUNNING = 'the local stack is not running (start it with npm start)';

/** `outputs.json` is missing, or names a stack that no longer answers. */
export class LocalStackNotRunningError extends Error {
  override readonly name = 'LocalStackNotRunningError';

  constructor(
    readonly detail: string,
    options?: ErrorOptions,
  ) {
    super(`${LOCAL_STACK_NOT_RUNNING}: ${detail}`, options);
  }
}
