import { banner } from './stack/banner';
import { readStackEnvironment, type StackEnvironment } from './stack/environment';
import { describeFailure } from './stack/failure-report';
import { removeOwnReadyFileSync } from './stack/ready-file';
import { watchStandardStreams, type StandardStreams } from './stack/standard-streams';
import { startLocalStack, type LocalStack } from './stack/local-stack';

/** Everything must be gone within 5 s of SIGINT/SIGTERM; give up on graceful just before. */
const FORCED_EXIT_MS = 4000;
const PARENT_CHECK_MS = 500;

/** The process around the stack: its output, the stack once started, and the one way out. */
interface Foreground {
  readonly streams: StandardStreams;
  readonly log: (line: string) => void;
  readonly running: { stack?: LocalStack; starting?: Promise<LocalStack> };
  /** Stops the stack (waiting for it if it is still starting), then exits; later calls do nothing. */
  shutdown(reason: string, exitCode?: number): void;
  readonly stopping: () => boolean;
}

/** `npm start`: the local stack in the foreground until SIGINT or SIGTERM. */
async function main(): Promise<void> {
  const workspaceRoot = process.cwd();
  // The stack's own SES client runs on the development Node 20: no SDK notice about Node 22 in its output.
  process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] ??= 'true';
  const environment = readStackEnvironment(process.env, workspaceRoot);
  const foreground = createForeground();
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => foreground.shutdown(signal));
  removeReadyFileOnExit(foreground, environment.outputDir);
  stopOnCrash(foreground);
  followNpmOut(foreground);

  foreground.running.starting = startLocalStack({
    workspaceRoot,
    cognitoPort: environment.cognitoPort,
    sesPort: environment.sesPort,
    webPort: environment.webPort,
    dynamodbPort: environment.dynamodbPort,
    dataDir: environment.dataDir,
    outputDir: environment.outputDir,
    authSessionValiditySeconds: environment.authSessionValiditySeconds,
    triggerSettings: environment.triggerSettings,
    log: foreground.log,
    logRequests: environment.logRequests,
  });
  const stack = await foreground.running.starting;
  foreground.running.stack = stack;
  if (foreground.stopping()) {
    await stack.stop();
    process.exit(0);
  }
  foreground.log(bannerOf(stack, environment, workspaceRoot));
}

function createForeground(): Foreground {
  let stopping = false;
  const running: Foreground['running'] = {};
  const streams = watchStandardStreams((name) => foreground.shutdown(`${name} closed`));
  const log = (line: string) => streams.write('stdout', `${line}\n`);
  const foreground: Foreground = {
    streams,
    log,
    running,
    stopping: () => stopping,
    shutdown(reason, exitCode = 0) {
      if (stopping) return;
      stopping = true;
      log(`\nStopping the local stack (${reason})...`);
      setTimeout(() => process.exit(1), FORCED_EXIT_MS).unref();
      // A signal while the stack is still starting (its ready file may be written already) waits for the start, then stops it.
      void (running.starting?.then((stack) => stack.stop()) ?? Promise.resolve()).then(
        () => process.exit(exitCode),
        (error: unknown) => {
          streams.write('stderr', `local-stack: ${describeFailure(error)}\n`);
          process.exit(1);
        },
      );
    },
  };
  return foreground;
}

/** Every way out passes here, process.exit and the forced exit included: the ready file must not outlive us. */
function removeReadyFileOnExit({ running }: Foreground, outputDir: string): void {
  process.once('exit', () => {
    if (running.stack !== undefined) removeOwnReadyFileSync(outputDir, running.stack.outputs.cognitoEndpoint);
  });
}

function stopOnCrash(foreground: Foreground): void {
  const crash = (error: unknown) => {
    foreground.streams.write('stderr', `local-stack: internal error: ${(error as Error)?.stack ?? String(error)}\n`);
    foreground.shutdown('internal error', 1);
  };
  process.on('uncaughtException', crash);
  process.on('unhandledRejection', crash);
}

/**
 * Under `npm start`, a SIGTERM to npm alone ends npm and its shell but not
 * us: follow npm out rather than linger as an orphan holding the ports.
 */
function followNpmOut(foreground: Foreground): void {
  if (process.env['npm_lifecycle_event'] === undefined) return;
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) foreground.shutdown('npm exited');
  }, PARENT_CHECK_MS).unref();
}

function bannerOf(stack: LocalStack, environment: StackEnvironment, workspaceRoot: string): string {
  return banner({
    outputs: stack.outputs,
    outputDir: environment.outputDir,
    dataDir: environment.dataDir,
    signInFlow: environment.triggerSettings.SIGN_IN_FLOW ?? 'passwordless',
    authSessionValiditySeconds: environment.authSessionValiditySeconds,
    workspaceRoot,
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`local-stack: ${describeFailure(error)}\n`);
  process.exit(1);
});
