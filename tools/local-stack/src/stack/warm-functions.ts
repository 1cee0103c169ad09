import type { RunningTriggerFunctions } from './trigger-functions';

/** How long the start waits for the functions' cold starts before it comes up without them. */
export const WARM_TIMEOUT_MS = 10_000;

/**
 * Starts the functions' processes (their cold starts). Neither a function
 * that cannot start nor warming that outlasts `timeoutMs` stops the stack,
 * and neither passes silently: each is logged, so the log says why sign-ins
 * fail (or wait) until it is fixed.
 */
export async function warmTriggerFunctions(
  functions: Pick<RunningTriggerFunctions, 'warm'>,
  log: (line: string) => void,
  timeoutMs: number = WARM_TIMEOUT_MS,
): Promise<void> {
  const warmed = functions.warm((name, error) => log(`[${name}] failed to start: ${error.message}; sign-ins will fail until it is fixed`));
  if (!(await settlesWithin(warmed, timeoutMs))) {
    log(`[triggers] still starting after ${timeoutMs / 1000} s; the stack is up, and the first sign-ins wait for them`);
  }
}

/** Whether `promise` settled within `ms` (it is left to finish either way). */
async function settlesWithin(promise: Promise<void>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<false>((resolveLater) => (timer = setTimeout(() => resolveLater(false), ms)));
  try {
    return await Promise.race([promise.then(() => true as const), timedOut]);
  } finally {
    clearTimeout(timer);
  }
}
