import { CleanupError, CleanupStack, startTogether } from '../../src/stack/cleanup-stack';

/** A stack of phases that record their clean-ups in `stopped`; `failing` names clean-ups that throw. */
function phases(names: readonly string[], failing: readonly string[] = []) {
  const stopped: string[] = [];
  const cleanups = new CleanupStack();
  for (const name of names) {
    cleanups.defer(name, async () => {
      await new Promise((resolve) => setImmediate(resolve));
      stopped.push(name);
      if (failing.includes(name)) throw new Error(`${name} would not stop`);
    });
  }
  return { cleanups, stopped };
}

describe('CleanupStack.dispose', () => {
  it('runs the clean-ups last registered first, each once', async () => {
    const { cleanups, stopped } = phases(['data folder', 'ses sink', 'trigger functions']);

    await cleanups.dispose();

    expect(stopped).toEqual(['trigger functions', 'ses sink', 'data folder']);
  });

  it('waits for each clean-up before starting the one before it', async () => {
    const events: string[] = [];
    const cleanups = new CleanupStack();
    cleanups.defer('first', () => void events.push('first'));
    cleanups.defer('second', async () => {
      events.push('second started');
      await new Promise((resolve) => setTimeout(resolve, 10));
      events.push('second finished');
    });

    await cleanups.dispose();

    expect(events).toEqual(['second started', 'second finished', 'first']);
  });

  it('is idempotent: a second stop, or one during the first, runs nothing again and shares the outcome', async () => {
    const { cleanups, stopped } = phases(['a', 'b']);

    const first = cleanups.dispose();
    const during = cleanups.dispose();
    await Promise.all([first, during]);
    await cleanups.dispose();

    expect(during).toBe(first);
    expect(stopped).toEqual(['b', 'a']);
  });

  it('goes on after a clean-up fails and reports every failure by name', async () => {
    const { cleanups, stopped } = phases(['a', 'b', 'c'], ['c', 'a']);

    const error = await cleanups.dispose().then(
      () => undefined,
      (failure: unknown) => failure,
    );

    expect(stopped).toEqual(['c', 'b', 'a']);
    expect(error).toBeInstanceOf(CleanupError);
    const cleanupError = error as CleanupError;
    expect(cleanupError.failures.map((failure) => failure.name)).toEqual(['c', 'a']);
    expect(cleanupError.errors.map((failure: Error) => failure.message)).toEqual(['c would not stop', 'a would not stop']);
    expect(cleanupError.message).toBe('Stopping the local stack: 2 clean-ups failed (c: c would not stop; a: a would not stop)');
  });

  it('names what it stops in the message', async () => {
    const cleanups = new CleanupStack("the bench's services");
    cleanups.defer('ses sink', () => Promise.reject(new Error('EPERM')));

    await expect(cleanups.dispose()).rejects.toThrow("Stopping the bench's services: 1 clean-up failed (ses sink: EPERM)");
  });

  it('a repeated stop after a failed one reports the same failure', async () => {
    const { cleanups, stopped } = phases(['a'], ['a']);

    const first = await cleanups.dispose().catch((error: unknown) => error);
    const second = await cleanups.dispose().catch((error: unknown) => error);

    expect(second).toBe(first);
    expect(stopped).toEqual(['a']);
  });

  it('refuses a clean-up registered once stopping has begun', async () => {
    const { cleanups } = phases(['a']);
    await cleanups.dispose();

    expect(() => cleanups.defer('late', () => undefined)).toThrow('Cannot register the clean-up "late": the stack is already stopping');
  });

});

describe('CleanupStack.unwind, after phase N failed to start', () => {
  it('stops phases N-1..1 in reverse and throws the start error unchanged', async () => {
    const { cleanups, stopped } = phases(['phase 1', 'phase 2']);
    const startError = new RangeError('phase 3 failed');

    await expect(cleanups.unwind(startError)).rejects.toBe(startError);
    expect(stopped).toEqual(['phase 2', 'phase 1']);
  });

  it('keeps both the start error and every clean-up error when clean-ups fail too', async () => {
    const { cleanups, stopped } = phases(['phase 1', 'phase 2'], ['phase 1']);
    const startError = new Error('port 9229 is in use');

    const error = (await cleanups.unwind(startError).catch((failure: unknown) => failure)) as CleanupError;

    expect(stopped).toEqual(['phase 2', 'phase 1']);
    expect(error).toBeInstanceOf(CleanupError);
    expect(error.cause).toBe(startError);
    expect(error.failures).toEqual([{ name: 'phase 1', error: new Error('phase 1 would not stop') }]);
    expect(error.message).toBe('port 9229 is in use; then, stopping what had started, 1 clean-up failed (phase 1: phase 1 would not stop)');
  });
});

describe('startTogether', () => {
  const later = <T>(value: T, ms: number) => new Promise<T>((resolve) => setTimeout(() => resolve(value), ms));
  const failLater = (message: string, ms: number) => new Promise<never>((_, reject) => setTimeout(() => reject(new Error(message)), ms));

  it('resolves with every value, in order', async () => {
    await expect(startTogether<[number, string]>([later(1, 5), 'two'])).resolves.toEqual([1, 'two']);
  });

  it('waits for a start that finishes after another failed, so its clean-up is registered before the failure is thrown', async () => {
    const cleanups = new CleanupStack();
    const stopped: string[] = [];
    const slow = later('slow', 20).then((name) => cleanups.defer(name, () => void stopped.push(name)));

    await expect(startTogether([failLater('port in use', 1), slow])).rejects.toThrow('port in use');
    await cleanups.dispose();

    expect(stopped).toEqual(['slow']);
  });

  it('names every failure when several starts fail', async () => {
    const error = (await startTogether([failLater('a failed', 1), failLater('b failed', 2)]).catch((failure: unknown) => failure)) as AggregateError;

    expect(error).toBeInstanceOf(AggregateError);
    expect(error.message).toBe('2 starts failed: a failed; b failed');
    expect(error.errors.map((failure: Error) => failure.message)).toEqual(['a failed', 'b failed']);
  });
});
