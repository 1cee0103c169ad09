import { AuthChallengeError } from '@cognito-passwordless/trigger-core';
import type { DeliveryFailureReason } from './delivery-failure';

/**
 * SES did not accept the sign-in email in time. The message names only the
 * kind of failure: SES's own messages can quote the recipient's address, so
 * they stay in `cause`, which is never logged or shown to the client.
 */
export class EmailDeliveryError extends AuthChallengeError {
  override name = 'EmailDeliveryError';

  constructor(
    message: string,
    /** A fixed value for logs and metrics. */
    readonly reason: DeliveryFailureReason,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
