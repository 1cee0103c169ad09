import { findSystemErrorCode } from '@cognito-passwordless/trigger-core';

/**
 * Why a send failed, as a fixed set of values that logs and metrics can
 * count: the alarm runbook starts from it.
 */
export type DeliveryFailureReason =
  /** No answer before the deadline. */
  | 'timeout'
  /** No connection (refused, unreachable, DNS). */
  | 'unreachable'
  /** SES asked us to slow down (sending rate or quota). */
  | 'throttled'
  /** SES refused this message or this caller (unverified identity, sandbox recipient, access denied). */
  | 'rejected'
  /** SES answered 5xx. */
  | 'server-error'
  | 'other';

export interface DeliveryFailure {
  readonly reason: DeliveryFailureReason;
  /** A phrase for the error message; never SES's own text, which may quote the recipient. */
  readonly detail: string;
}

export function classifyDeliveryFailure(error: unknown, deadlineMs: number): DeliveryFailure {
  const { name, code, $metadata } = (error ?? {}) as { name?: string; code?: string; $metadata?: { httpStatusCode?: number } };
  const errorName = typeof name === 'string' ? name.slice(0, 60) : 'unknown error';
  if (name === 'AbortError' || name === 'TimeoutError' || code === 'ETIMEDOUT') {
    return { reason: 'timeout', detail: `SES did not answer within ${deadlineMs} ms` };
  }
  const status = $metadata?.httpStatusCode;
  if (typeof status === 'number') {
    const detail = `SES answered HTTP ${status} (${errorName})`;
    if (status === 429 || /Throttl|LimitExceeded/.test(errorName)) return { reason: 'throttled', detail };
    if (status >= 500) return { reason: 'server-error', detail };
    return { reason: 'rejected', detail };
  }
  const systemCode = findSystemErrorCode(error);
  if (systemCode) return { reason: 'unreachable', detail: `could not reach SES (${systemCode})` };
  return { reason: 'other', detail: `SES call failed (${errorName})` };
}
