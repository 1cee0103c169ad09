/**
 * An error the endpoint answers as Cognito does: `httpStatus` with
 * `{"__type": type, "message": message}` and the same two in the
 * `x-amzn-ErrorType` / `x-amzn-ErrorMessage` headers. One subclass per
 * exception, so code decides by class (`instanceof`), never by message text.
 */
export abstract class CognitoServiceError extends Error {
  /** Cognito's exception name, sent as `__type`. */
  abstract readonly type: string;
  abstract readonly httpStatus: number;
}

/** The class of one Cognito exception: its `__type` (also its `name`) and HTTP status. */
function exception<T extends string>(type: T, httpStatus = 400) {
  return class extends CognitoServiceError {
    override readonly name: string = type;
    readonly type: T = type;
    readonly httpStatus: number = httpStatus;
  };
}

export class InvalidParameterException extends exception('InvalidParameterException') {}
export class NotAuthorizedException extends exception('NotAuthorizedException') {}
export class UserNotConfirmedException extends exception('UserNotConfirmedException') {}
export class UserNotFoundException extends exception('UserNotFoundException') {}
export class UsernameExistsException extends exception('UsernameExistsException') {}
export class CodeMismatchException extends exception('CodeMismatchException') {}
export class ExpiredCodeException extends exception('ExpiredCodeException') {}
export class ResourceNotFoundException extends exception('ResourceNotFoundException') {}
export class LimitExceededException extends exception('LimitExceededException') {}
export class CodeDeliveryFailureException extends exception('CodeDeliveryFailureException') {}
export class InvalidPasswordException extends exception('InvalidPasswordException') {}
export class InvalidLambdaResponseException extends exception('InvalidLambdaResponseException') {}
export class UnexpectedLambdaException extends exception('UnexpectedLambdaException') {}
export class UserLambdaValidationException extends exception('UserLambdaValidationException') {}
export class UnknownOperationException extends exception('UnknownOperationException') {}
export class SerializationException extends exception('SerializationException') {}
/** An admin operation from a web page; a refused host or origin is answered 403 before dispatch (protocol/http-api.ts). */
export class AccessDeniedException extends exception('AccessDeniedException') {}
/** A bug of the stack: a 500, which every AWS SDK retries, with nothing of the cause sent. */
export class InternalErrorException extends exception('InternalErrorException', 500) {}

/** Cognito's own wording for the errors the flows share. */
export const errors = {
  invalidParameter: (message: string) => new InvalidParameterException(message),
  missingAuthParameter: (name: string) => new InvalidParameterException(`Missing required parameter ${name}`),
  incorrectCredentials: () => new NotAuthorizedException('Incorrect username or password.'),
  invalidSession: () => new NotAuthorizedException('Invalid session for the user.'),
  expiredSession: () => new NotAuthorizedException('Invalid session for the user, session is expired.'),
  notAuthorized: (message: string) => new NotAuthorizedException(message),
  userNotConfirmed: () => new UserNotConfirmedException('User is not confirmed.'),
  userNotFound: () => new UserNotFoundException('User does not exist.'),
  usernameExists: () => new UsernameExistsException('User already exists'),
  codeMismatch: () => new CodeMismatchException('Invalid verification code provided, please try again.'),
  expiredCode: () => new ExpiredCodeException('Invalid code provided, please request a code again.'),
  unknownClient: (clientId: string) => new ResourceNotFoundException(`User pool client ${clientId} does not exist.`),
  unknownPool: (poolId: string) => new ResourceNotFoundException(`User pool ${poolId} does not exist.`),
  attemptLimitExceeded: () => new LimitExceededException('Attempt limit exceeded, please try after some time.'),
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
