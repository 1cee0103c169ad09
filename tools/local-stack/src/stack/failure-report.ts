import { LocalStackStartError } from '../errors';
import { CleanupError } from './cleanup-stack';

/**
 * A start or stop failure as `npm start` prints it: the message alone for
 * what the stack explains itself (a port in use, a clean-up that failed
 * after one), the stack trace for anything unexpected.
 */
export function describeFailure(error: unknown): string {
  if (error instanceof LocalStackStartError) return error.message;
  if (error instanceof CleanupError) {
    const { cause } = error;
    return cause === undefined || cause instanceof LocalStackStartError ? error.message : `${error.message}\n${traceOf(cause)}`;
  }
  return traceOf(error);
}

function traceOf(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
