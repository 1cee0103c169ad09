import { SESClient } from '@aws-sdk/client-ses';
import { NodeHttpHandler } from '@smithy/node-http-handler';

/**
 * Cognito gives a trigger about 5 seconds, so every SES call must end well
 * inside that, retries included: two attempts, each bounded by the socket
 * timeouts below, and a hard deadline over the whole send.
 */
export const SES_MAX_ATTEMPTS = 2;
export const SES_CONNECTION_TIMEOUT_MS = 1_000;
export const SES_REQUEST_TIMEOUT_MS = 1_500;
export const SES_SEND_DEADLINE_MS = 3_500;

/**
 * An SES client with those bounds. Region, credentials and endpoint come from
 * the SDK's usual sources (`AWS_REGION`, the Lambda role, and
 * `AWS_ENDPOINT_URL_SES` for a local SES stand-in).
 */
export function createSesClient(): SESClient {
  return new SESClient({
    maxAttempts: SES_MAX_ATTEMPTS,
    requestHandler: new NodeHttpHandler({
      connectionTimeout: SES_CONNECTION_TIMEOUT_MS,
      requestTimeout: SES_REQUEST_TIMEOUT_MS,
      throwOnRequestTimeout: true,
    }),
  });
}
