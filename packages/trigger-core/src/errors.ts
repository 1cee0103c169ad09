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
