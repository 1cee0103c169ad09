/**
 * A Node.js system error code (ECONNREFUSED, ...) on the error or the errors
 * it wraps: how the adapters (SES, DynamoDB) tell "no connection" from other
 * failures. Pure: it only reads the error object.
 */
export function findSystemErrorCode(error: unknown): string | undefined {
  for (let current = error, depth = 0; current && depth < 4; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) return code;
    current = (current as { cause?: unknown }).cause;
  }
  // The SDK wraps a non-Error throwable (a socket error from another realm) and keeps only its message.
  const message = (error as { message?: unknown } | null)?.message;
  return typeof message === 'string' ? /\b(E(?:CONN[A-Z]+|NOTFOUND|HOSTUNREACH|NETUNREACH|AI_AGAIN|PIPE|TIMEDOUT))\b/.exec(message)?.[1] : undefined;
}
