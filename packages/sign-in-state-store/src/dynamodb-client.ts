import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { ConfiguredRetryStrategy } from '@smithy/core/retry';
import { NodeHttpHandler } from '@smithy/node-http-handler';

/**
 * Cognito gives a trigger about 5 seconds, and Create still has an email to
 * send after the state is written, so each store call is short: two attempts,
 * each bounded by the socket timeouts, and a hard deadline over the call. A
 * decision makes a read and a write (more only when parallel sessions of the
 * same user race) and starts no call after the core's STATE_BUDGET_MS (1 s),
 * so a store that fails or hangs costs at most 1.8 s. DynamoDB answers in
 * milliseconds; the slack is for a cold start's first call.
 */
export const STORE_MAX_ATTEMPTS = 2;
export const STORE_CONNECTION_TIMEOUT_MS = 400;
export const STORE_REQUEST_TIMEOUT_MS = 500;
export const STORE_CALL_DEADLINE_MS = 800;
/** The pause before the retry: DynamoDB's default throttling backoff would outlast the deadline. */
export const STORE_RETRY_DELAY_MS = 40;

/**
 * A DynamoDB client with those bounds. Region, credentials and endpoint come
 * from the SDK's usual sources (`AWS_REGION`, the Lambda role, and
 * `AWS_ENDPOINT_URL_DYNAMODB` for a local stand-in such as dynalite).
 */
export function createDynamoDbClient(): DynamoDBClient {
  return new DynamoDBClient({
    retryStrategy: new ConfiguredRetryStrategy(STORE_MAX_ATTEMPTS, STORE_RETRY_DELAY_MS),
    requestHandler: new NodeHttpHandler({
      connectionTimeout: STORE_CONNECTION_TIMEOUT_MS,
      requestTimeout: STORE_REQUEST_TIMEOUT_MS,
      throwOnRequestTimeout: true,
    }),
  });
}
