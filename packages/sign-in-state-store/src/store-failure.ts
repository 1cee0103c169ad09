import type { StoreFailureReason } from '@cognito-passwordless/contract';
import { findSystemErrorCode } from '@cognito-passwordless/trigger-core';

const THROTTLED = /Throttl|ProvisionedThroughputExceeded|RequestLimitExceeded|LimitExceeded/;
const DENIED = /AccessDenied|UnrecognizedClient|InvalidSignature|MissingAuthenticationToken|ExpiredToken|KMSAccessDenied/;

/** The fixed reason (for logs and metrics) a DynamoDB call failed. */
export function classifyStoreFailure(error: unknown): StoreFailureReason {
  const { name, code, $metadata } = (error ?? {}) as { name?: unknown; code?: unknown; $metadata?: { httpStatusCode?: number } };
  const errorName = typeof name === 'string' ? name : '';
  if (errorName === 'AbortError' || errorName === 'TimeoutError' || code === 'ETIMEDOUT' || code === 'ECONNRESET') return 'timeout';
  if (errorName === 'ResourceNotFoundException') return 'missing-table';
  if (THROTTLED.test(errorName) || $metadata?.httpStatusCode === 429) return 'throttled';
  if (DENIED.test(errorName) || $metadata?.httpStatusCode === 403) return 'access-denied';
  if (typeof $metadata?.httpStatusCode === 'number') return 'other';
  return findSystemErrorCode(error) ? 'unreachable' : 'other';
}
