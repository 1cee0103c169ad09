/**
 * The code that runs inside each function's child process, in the role of the
 * Lambda Node.js runtime: it imports the bundle once (the cold start), then
 * answers invocations sent over the IPC channel. It is kept as a string and
 * run with `node --input-type=module -e` so that it works the same from
 * sources, jest and esbuild bundles, with no file path to resolve.
 */
export const RUNTIME_SOURCE = String.raw`
const bundlePath = process.argv[1];
// A function never outlives the process that runs it: when the parent dies
// (even by SIGKILL) the IPC channel closes, and open handles such as the SDK's
// keep-alive sockets must not keep this process alive.
process.on('disconnect', () => process.exit(0));
// Output travels on the IPC channel, so a log line always reaches the parent
// before the result of the invocation that wrote it.
for (const stream of ['stdout', 'stderr']) {
  process[stream].write = (chunk, encoding, callback) => {
    process.send({ type: 'log', stream, text: typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8') });
    const done = typeof encoding === 'function' ? encoding : callback;
    if (typeof done === 'function') done();
    return true;
  };
}
const describe = (error) => ({
  errorType: (error && typeof error === 'object' && typeof error.name === 'string') ? error.name : 'Error',
  errorMessage: (error && typeof error === 'object' && typeof error.message === 'string') ? error.message : String(error),
});
// Lambda prints a handler's failure to the function's log as one JSON line.
const logFailure = (failure) => process.stderr.write(JSON.stringify({ level: 'ERROR', ...failure }) + '\n');
let handler;
try {
  const module = await import(bundlePath);
  handler = module.handler;
  if (typeof handler !== 'function') throw Object.assign(new Error('index.handler is undefined or not exported'), { name: 'Runtime.HandlerNotFound' });
  process.send({ type: 'ready' });
} catch (error) {
  const failure = describe(error);
  logFailure(failure);
  process.send({ type: 'init-error', ...failure }, () => process.exit(1));
}
process.on('message', async (message) => {
  if (!message || message.type !== 'invoke') return;
  try {
    const result = await handler(message.event, { functionName: process.env.AWS_LAMBDA_FUNCTION_NAME, awsRequestId: message.requestId, getRemainingTimeInMillis: () => message.deadline - Date.now() });
    process.send({ type: 'result', id: message.id, result: result === undefined ? null : result });
  } catch (error) {
    const failure = describe(error);
    logFailure(failure);
    process.send({ type: 'error', id: message.id, ...failure });
  }
});
`;
