/**
 * The clean-ups of what has started, undone last in, first out: each phase of
 * the stack's start registers how to undo itself as soon as it has started,
 * so a failure at phase N stops phases N-1..1 in reverse, and `stop()` does
 * the same for a stack that is up.
 *
 * A small module of our own rather than `AsyncDisposableStack`: Node 20 (the
 * development floor) has neither it nor `Symbol.asyncDispose`, the es-shims
 * polyfill brings a dozen packages (es-abstract and friends) for a list of
 * callbacks, and the standard nests each failure inside the next
 * (`SuppressedError`), where a stop wants one flat list naming every
 * clean-up that failed. Once Node 22 is the floor this can become an
 * `AsyncDisposableStack` behind the same two methods.
 */
export class CleanupStack {
  private readonly cleanups: { readonly name: string; readonly run: () => Promise<void> | void }[] = [];
  private disposing: Promise<void> | undefined;

  /** @param what what is being stopped, for the error's message (`the local stack`, `the bench's services`). */
  constructor(private readonly what = 'the local stack') {}

  /** Registers how to undo something that has just started. */
  defer(name: string, run: () => Promise<void> | void): void {
    if (this.disposing !== undefined) throw new Error(`Cannot register the clean-up "${name}": the stack is already stopping`);
    this.cleanups.push({ name, run });
  }

  /**
   * Runs every clean-up once, last registered first, each after the one
   * before has finished and whether or not it failed; rejects with a
   * `CleanupError` naming every failure. Idempotent: later calls (and calls
   * while it runs) get the same promise.
   */
  dispose(): Promise<void> {
    this.disposing ??= this.runAll();
    return this.disposing;
  }

  /**
   * For a start that failed with `error`: disposes, then throws `error` as
   * it was, or, if clean-ups failed too, a `CleanupError` that carries it as
   * its `cause`, so neither the reason nor a clean-up's failure is lost.
   */
  async unwind(error: unknown): Promise<never> {
    try {
      await this.dispose();
    } catch (cleanupError) {
      if (cleanupError instanceof CleanupError) throw new CleanupError(cleanupError.failures, { what: this.what, cause: error });
      throw cleanupError;
    }
    throw error;
  }

  private async runAll(): Promise<void> {
    const failures: CleanupFailure[] = [];
    for (const { name, run } of this.cleanups.splice(0).reverse()) {
      try {
        await run();
      } catch (error) {
        failures.push({ name, error });
      }
    }
    if (failures.length > 0) throw new CleanupError(failures, { what: this.what });
  }
}

/**
 * Like `Promise.all` for things started side by side, but waits for every
 * start to settle, so each that succeeded has registered its clean-up
 * before a failure is thrown (with `Promise.all`, one that finished after
 * the failure would never be stopped). One failure is thrown as it is;
 * several, as `combine` makes them into one error, naming them all.
 */
export async function startTogether<T extends readonly unknown[]>(
  starts: readonly [...{ [K in keyof T]: T[K] | Promise<T[K]> }],
  combine: (failures: readonly unknown[]) => Error = (failures) => new AggregateError(failures, `${failures.length} starts failed: ${failures.map(messageOf).join('; ')}`),
): Promise<T> {
  const settled = await Promise.allSettled(starts);
  const failures = settled.flatMap((result) => (result.status === 'rejected' ? [result.reason as unknown] : []));
  if (failures.length === 1) throw failures[0];
  if (failures.length > 1) throw combine(failures);
  return settled.map((result) => (result as PromiseFulfilledResult<unknown>).value) as unknown as T;
}

export interface CleanupFailure {
  /** What was being stopped (`ses sink`, `trigger functions`, ...). */
  readonly name: string;
  readonly error: unknown;
}

/**
 * One or more clean-ups failed: `errors` holds each one's error, `failures`
 * pairs them with what was being stopped. With `cause`, the start that
 * failed first and made the clean-ups run.
 */
export class CleanupError extends AggregateError {
  override readonly name = 'CleanupError';
  readonly failures: readonly CleanupFailure[];

  constructor(failures: readonly CleanupFailure[], options: { readonly what: string; readonly cause?: unknown }) {
    const list = failures.map(({ name, error }) => `${name}: ${messageOf(error)}`).join('; ');
    const cleanups = `${failures.length} clean-up${failures.length === 1 ? '' : 's'} failed (${list})`;
    const message = options.cause === undefined ? `Stopping ${options.what}: ${cleanups}` : `${messageOf(options.cause)}; then, stopping what had started, ${cleanups}`;
    super(
      failures.map((failure) => failure.error),
      message,
      options.cause === undefined ? undefined : { cause: options.cause },
    );
    this.failures = Object.freeze([...failures]);
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
