/** Why an invocation produced no result, in the terms Lambda reports it. */
export type InvocationFailureKind = 'handler-error' | 'timeout' | 'init-error' | 'crash';

export class LambdaInvocationError extends Error {
  override readonly name = 'LambdaInvocationError';

  constructor(
    readonly kind: InvocationFailureKind,
    /** The thrown error's `name` (e.g. `EmailDeliveryError`), or Lambda's own type for timeouts and crashes. */
    readonly errorType: string,
    readonly errorMessage: string,
  ) {
    super(`${kind}: ${errorType}: ${errorMessage}`);
  }
}
