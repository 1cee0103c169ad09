import { SIGN_IN_LIMIT_MESSAGE, type SignInLimitReason, type StoreFailureReason } from '@cognito-passwordless/contract';

/**
 * Every error the triggers raise on purpose. Callers catch by kind; the
 * `message` is shown to the client by Cognito and written to the function's
 * log by the Lambda runtime, so it never holds a code, an answer, a token or
 * an email address.
 */
export class AuthChallengeError extends Error {
  override name = 'AuthChallengeError';

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** An environment variable is missing or out of its allowed range. */
export class ConfigError extends AuthChallengeError {
  override name = 'ConfigError';

  constructor(
    readonly variable: string,
    problem: string,
    options?: { cause?: unknown },
  ) {
    super(`${variable} ${problem}`, options);
  }
}

/** The trigger event is not shaped like one Cognito sends. */
export class MalformedEventError extends AuthChallengeError {
  override name = 'MalformedEventError';
}

/**
 * A per-username limit was reached (MAX_CODES_PER_HOUR or
 * MAX_FAILED_ANSWERS_PER_DAY): one fixed message, the same for existing and
 * unknown usernames, which Cognito shows the client inside
 * `UserLambdaValidationException`.
 */
export class SignInLimitError extends AuthChallengeError {
  override name = 'SignInLimitError';

  constructor(readonly reason: SignInLimitReason) {
    super(SIGN_IN_LIMIT_MESSAGE);
  }
}

/**
 * The sign-in state store could not be read or written in time. Sign-in
 * fails closed: no email, no tokens. `reason` is a fixed value for logs and
 * metrics; the store's own error stays in `cause`, which is never logged.
 */
export class SignInStateError extends AuthChallengeError {
  override name = 'SignInStateError';

  constructor(
    readonly reason: StoreFailureReason,
    options?: { cause?: unknown },
  ) {
    super('Sign-in is unavailable right now. Try again later.', options);
  }
}
