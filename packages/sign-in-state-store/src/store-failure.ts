import type { StoreFailureReason } from '@cognito-passwordless/contract';

/** A Node.js system error code (ECONNREFUSED, ...) on the error or the errors it wraps. */
function systemCode(error: unknown): string | undefined {
  for (let current = error, depth = 0; current && depth < 4; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) return code;
    current = (current as { cause?: unknown }).cause;
  }
  const message = (error as { message?: unknown } | null)?.message;
  return typeof message === 'string' ? /\b(E(?:CONN[A-Z]+|NOTFOUND|HOSTUNREACH|NETUNREACH|AI_AGAIN|PIPE|TIMEDOUT))\b/.exec(message)?.[1] : undefined;
}

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
  return systemCode(error) ? 'unreachable' : 'other';
}
