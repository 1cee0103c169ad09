/** What `run` throws, or undefined when it returns: for asserting on a synchronous refusal's class and fields. */
export function refusal(run: () => unknown): unknown {
  try {
    run();
    return undefined;
  } catch (error) {
    return error;
  }
}
