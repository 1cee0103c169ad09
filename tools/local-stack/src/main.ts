import { LocalStackStartError } from './errors';
import { banner } from './stack/banner';
import { readStackEnvironment } from './stack/environment';
import { removeOwnReadyFileSync } from './stack/ready-file';
import { watchStandardStreams } from './stack/standard-streams';
import { startLocalStack, type LocalStack } from './stack/local-stack';

/** Everything must be gone within 5 s of SIGINT/SIGTERM; give up on graceful just before. */
const FORCED_EXIT_MS = 4000;
const PARENT_CHECK_MS = 500;

/** `npm start`: the local stack in the foreground until SIGINT or SIGTERM. */
async function main(): Promise<void> {
  const workspaceRoot = process.cwd();
  // The stack's own SES client runs on the development Node 20: no SDK notice about Node 22 in its output.
  process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] ??= 'true';
  const environment = readStackEnvironment(process.env, workspaceRoot);
  const streams = watchStandardStreams((name) => shutdown(`${name} closed`));
  const log = (line: string) => streams.write('stdout', `${line}\n`);
  const running: { stack?: LocalStack; starting?: Promise<LocalStack> } = {};
  let stopping = false;
  const shutdown = (signal: string, exitCode = 0) => {
    if (stopping) return;
    stopping = true;
    log(`\nStopping the local stack (${signal})...`);
    setTimeout(() => process.exit(1), FORCED_EXIT_MS).unref();
    // A signal while the stack is still starting (its ready file may be written already) waits for the start, then stops it.
    void (running.starting?.then((stack) => stack.stop()) ?? Promise.resolve()).then(
      () => process.exit(exitCode),
      () => process.exit(1),
    );
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => shutdown(signal));
  // Every way out passes here, process.exit and the forced exit included: the ready file must not outlive us.
  process.once('exit', () => {
    if (running.stack !== undefined) removeOwnReadyFileSync(environment.outputDir, running.stack.outputs.cognitoEndpoint);
  });
  const crash = (error: unknown) => {
    streams.write('stderr', `local-stack: internal error: ${(error as Error)?.stack ?? String(error)}\n`);
    shutdown('internal error', 1);
  };
  process.on('uncaughtException', crash);
  process.on('unhandledRejection', crash);
  // Under `npm start`, a SIGTERM to npm alone ends npm and its shell but not us:
  // follow npm out rather than linger as an orphan holding the ports.
  if (process.env['npm_lifecycle_event'] !== undefined) {
    const parent = process.ppid;
    setInterval(() => {
      if (process.ppid !== parent) shutdown('npm exited');
    }, PARENT_CHECK_MS).unref();
  }

  running.starting = startLocalStack({
    workspaceRoot,
    cognitoPort: environment.cognitoPort,
    sesPort: environment.sesPort,
    webPort: environment.webPort,
    dynamodbPort: environment.dynamodbPort,
    dataDir: environment.dataDir,
    outputDir: environment.outputDir,
    authSessionValiditySeconds: environment.authSessionValiditySeconds,
    triggerSettings: environment.triggerSettings,
    log,
    logRequests: environment.logRequests,
  });
  const stack = await running.starting;
  running.stack = stack;
  if (stopping) {
    await stack.stop();
    process.exit(0);
  }
  log(
    banner({
      outputs: stack.outputs,
      outputDir: environment.outputDir,
      dataDir: environment.dataDir,
      signInFlow: environment.triggerSettings.SIGN_IN_FLOW ?? 'passwordless',
      authSessionValiditySeconds: environment.authSessionValiditySeconds,
      workspaceRoot,
    }),
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`local-stack: ${error instanceof LocalStackStartError ? error.message : ((error as Error)?.stack ?? String(error))}\n`);
  process.exit(1);
});
