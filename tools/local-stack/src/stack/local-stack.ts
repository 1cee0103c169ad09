import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { createHttpApi } from '../protocol/http-api';
import { createOperations } from '../protocol/operation-table';
import { LocalStackStartError, PortInUseError } from '../errors';
import { loadOrCreatePoolIdentity } from '../state/pool-identity';
import type { PoolSettings } from '../state/pool-settings';
import { SessionStore } from '../state/sessions';
import { DEFAULT_TOKEN_VALIDITY, TokenService, type TokenValidity } from '../crypto/tokens';
import { CognitoTriggers } from '../adapters/triggers';
import { UserStore } from '../state/user-store';
import { SesMailer } from '../adapters/verification-mailer';
import { clientConfigFiles, removeReadySignal, writeOutputs, type LocalStackOutputs } from './outputs';
import { LATEST_CODES_FILE_NAME, latestCodesDocument } from './latest-codes';
import { signInFlowOf } from './sign-in-flow';
import { createSignInPageHandler, defaultWebRoot, LOCAL_CONFIG_FILE_NAME, type LocalWebConfig } from './sign-in-page';
import { SesSinkStartError, startSesSink, type SesSink } from '@cognito-passwordless/ses-sink';
import { startStateTable, type StateTable } from './state-table';
import {
  createTriggerFunctions,
  DEFAULT_EMAIL_FROM,
  DEFAULT_SIGN_IN_STATE_TABLE,
  defaultBundlePaths,
  TRIGGER_TIMEOUT_MS,
  type RunningTriggerFunctions,
  type TriggerKind,
  type TriggerSettings,
} from './trigger-functions';

export const DEFAULT_REGION = 'us-east-1';
/** The infra default (derived from the code TTL); Cognito's own default is 180. */
export const DEFAULT_AUTH_SESSION_VALIDITY_SECONDS = 300;
const LOOPBACK = '127.0.0.1';
/** How long `stop()` lets requests in flight finish before cutting their connections. */
const DRAIN_MS = 1500;
const WARM_TIMEOUT_MS = 10_000;

export interface LocalStackOptions {
  /** 0 (the default) picks a free port. */
  readonly cognitoPort?: number;
  /** 0 (the default) picks a free port; ignored with `sesEndpoint`. */
  readonly sesPort?: number;
  /** The sign-in page's port; 0 (the default) picks a free port. */
  readonly webPort?: number;
  /** The built sign-in page to serve; defaults to `<workspaceRoot>/dist/tools/sign-in-web`. */
  readonly webRoot?: string;
  /** Use this SES endpoint instead of starting aws-ses-v2-local (e.g. a failing server in a fault test). */
  readonly sesEndpoint?: string;
  /** dynalite's port; 0 (the default) picks a free port; ignored with `dynamodbEndpoint`. */
  readonly dynamodbPort?: number;
  /** Use this DynamoDB endpoint instead of starting dynalite (e.g. a fault server); the table is not created there. */
  readonly dynamodbEndpoint?: string;
  /** Users, pool ids and keys persist here; undefined (the default) keeps everything in memory. */
  readonly dataDir?: string | undefined;
  /** Where to write outputs.json and the Amplify files; undefined (the default) writes none. */
  readonly outputDir?: string | undefined;
  /** Resolves `dist/apps` and `aws-ses-v2-local`; defaults to the current directory. */
  readonly workspaceRoot?: string;
  /** Trigger bundles to run instead of `dist/apps/<function>/index.mjs`. */
  readonly bundles?: Partial<Record<TriggerKind, string>>;
  /** The environment contract's values (SIGN_IN_FLOW, CODE_LENGTH, ...); missing or empty = unset. */
  readonly triggerSettings?: TriggerSettings;
  readonly triggerTimeoutMs?: number;
  readonly authSessionValiditySeconds?: number;
  readonly region?: string;
  readonly tokenValidity?: Partial<TokenValidity>;
  /** The stack's own log lines (lifecycle, one line per request); none by default. */
  readonly log?: (line: string) => void;
  /** Defaults to true when `log` is given. */
  readonly logRequests?: boolean;
  /** Each line a trigger writes; defaults to `log` with a `[function-name]` prefix. */
  readonly onTriggerLog?: (functionName: string, line: string) => void;
}

export interface LocalStack {
  readonly outputs: LocalStackOutputs;
  /** Sessions in memory now (for load tests watching for leaks). */
  readonly sessionCount: () => number;
  /** Stops the servers and every child process; idempotent. */
  stop(): Promise<void>;
}

/**
 * Starts the whole local stack in this process: the SES sink and dynalite
 * with the sign-in state table (each its own child process), the three
 * trigger functions (one child process each), the
 * Cognito-compatible user pool endpoint and the sign-in page's server on
 * 127.0.0.1. Resolves once all of them are up and, with `outputDir`,
 * outputs.json is written.
 */
export async function startLocalStack(options: LocalStackOptions = {}): Promise<LocalStack> {
  const workspaceRoot = resolve(options.workspaceRoot ?? process.cwd());
  const log = options.log ?? (() => undefined);
  const cleanups: (() => Promise<void>)[] = [];
  const cleanUp = async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => undefined);
  };
  try {
    const signInFlow = signInFlowOf(options.triggerSettings?.SIGN_IN_FLOW);
    if (options.outputDir !== undefined) await removeReadySignal(options.outputDir);
    const region = options.region ?? DEFAULT_REGION;
    // Settled, not Promise.all: a failure of one must not leave the other writing to the data folder afterwards.
    const [identityResult, usersResult] = await Promise.allSettled([loadOrCreatePoolIdentity(options.dataDir, region), UserStore.open(options.dataDir)]);
    if (identityResult.status === 'rejected') throw identityResult.reason;
    if (usersResult.status === 'rejected') throw usersResult.reason;
    const [identity, users] = [identityResult.value, usersResult.value];
    cleanups.push(() => users.close());

    let ses: SesSink | undefined;
    const sesStarting =
      options.sesEndpoint === undefined
        ? startSesSink({ host: LOOPBACK, port: options.sesPort ?? 0, cwd: workspaceRoot, onLogLine: (line) => log(`[ses] ${line}`) }).catch(
            (error: unknown) => {
              if (error instanceof SesSinkStartError && error.code === 'EADDRINUSE') throw new PortInUseError(options.sesPort ?? 0, 'LOCAL_SES_PORT');
              throw new LocalStackStartError(`The SES sink failed to start: ${(error as Error).message}`);
            },
          )
        : undefined;
    // Until the pool is wired up (a few ms after listening), answer 503, which AWS SDKs retry.
    const wired: { api?: RequestListener } = {};
    const server = createServer({ requestTimeout: 30_000 }, (request, response) => {
      if (wired.api !== undefined) return wired.api(request, response);
      response.writeHead(503, { 'content-type': 'application/x-amz-json-1.1' });
      response.end(JSON.stringify({ __type: 'ServiceUnavailableException', message: 'The local stack is starting' }));
    });
    const cognitoListening = listen(server, options.cognitoPort ?? 0, 'LOCAL_COGNITO_PORT');
    // The page is on its own origin, as an app is in production, so the browser exercises the endpoint's CORS.
    const webWired: { page?: RequestListener } = {};
    const webServer = createServer({ requestTimeout: 30_000 }, (request, response) => {
      if (webWired.page !== undefined) return webWired.page(request, response);
      response.writeHead(503, { 'content-type': 'text/plain; charset=utf-8', 'retry-after': '1' });
      response.end('The local stack is starting\n');
    });
    const webListening = listen(webServer, options.webPort ?? 0, 'LOCAL_WEB_PORT');
    const signInStateTable = options.triggerSettings?.SIGN_IN_STATE_TABLE || DEFAULT_SIGN_IN_STATE_TABLE;
    const stateTableStarting =
      options.dynamodbEndpoint === undefined
        ? startStateTable({ port: options.dynamodbPort ?? 0, dataDir: options.dataDir, tableName: signInStateTable, workspaceRoot })
        : undefined;
    const [sesResult, portResult, webPortResult, tableResult] = await Promise.allSettled([
      sesStarting,
      cognitoListening,
      webListening,
      stateTableStarting,
    ]);
    if (sesResult.status === 'fulfilled' && sesResult.value !== undefined) {
      ses = sesResult.value;
      cleanups.push(() => ses!.stop());
    }
    let stateTable: StateTable | undefined;
    if (tableResult.status === 'fulfilled' && tableResult.value !== undefined) {
      stateTable = tableResult.value;
      cleanups.push(() => stateTable!.stop());
    }
    let serverClosing: Promise<void> | undefined;
    const stopServer = () => (serverClosing ??= closeServer(server));
    if (portResult.status === 'fulfilled') cleanups.push(stopServer);
    if (webPortResult.status === 'fulfilled') cleanups.push(() => closeServer(webServer));
    if (portResult.status === 'rejected') throw portResult.reason;
    if (webPortResult.status === 'rejected') throw webPortResult.reason;
    if (sesResult.status === 'rejected') throw sesResult.reason;
    if (tableResult.status === 'rejected') throw tableResult.reason;
    const dynamodbEndpoint = stateTable?.endpoint ?? options.dynamodbEndpoint!;

    const cognitoEndpoint = `http://${LOOPBACK}:${portResult.value}`;
    const sesEndpoint = ses?.endpoint ?? options.sesEndpoint!;
    const issuer = `${cognitoEndpoint}/${identity.userPoolId}`;
    const settings: PoolSettings = {
      region: identity.region,
      userPoolId: identity.userPoolId,
      poolName: identity.userPoolId.split('_')[1]!,
      clientId: identity.userPoolClientId,
      secret: Buffer.from(identity.decoySeed, 'base64'),
    };

    const functions: RunningTriggerFunctions = await createTriggerFunctions({
      bundles: { ...defaultBundlePaths(workspaceRoot), ...options.bundles },
      settings: options.triggerSettings ?? {},
      region: identity.region,
      sesEndpoint,
      dynamodbEndpoint,
      timeoutMs: options.triggerTimeoutMs ?? TRIGGER_TIMEOUT_MS,
      onLogLine: options.onTriggerLog ?? ((name, line) => log(`[${name}] ${line}`)),
    });
    cleanups.push(() => functions.stop());
    const warming = withTimeout(
      functions.warm((name, error) => log(`[${name}] failed to start: ${error.message}; sign-ins will fail until it is fixed`)),
      WARM_TIMEOUT_MS,
    );

    const tokens = await TokenService.create(identity, issuer, { ...DEFAULT_TOKEN_VALIDITY, ...options.tokenValidity });
    const sessions = new SessionStore(options.authSessionValiditySeconds ?? DEFAULT_AUTH_SESSION_VALIDITY_SECONDS);
    cleanups.push(async () => sessions.close());
    const triggers = new CognitoTriggers(functions, settings);
    const mailer = new SesMailer(sesEndpoint, options.triggerSettings?.EMAIL_FROM || DEFAULT_EMAIL_FROM);
    const operations = createOperations({ settings, users, sessions, triggers, tokens, mailer });
    const logRequests = options.logRequests ?? options.log !== undefined;
    wired.api = createHttpApi({
      operations,
      userPoolId: settings.userPoolId,
      issuer,
      jwks: tokens.jwks,
      log: logRequests ? (line) => log(`[cognito] ${line}`) : undefined,
    });
    await warming;

    const outputs: LocalStackOutputs = Object.freeze({
      region: settings.region,
      userPoolId: settings.userPoolId,
      userPoolClientId: settings.clientId,
      cognitoEndpoint,
      sesEndpoint,
      jwksUri: `${issuer}/.well-known/jwks.json`,
      issuer,
      webUrl: `http://${LOOPBACK}:${webPortResult.value}/`,
      dynamodbEndpoint,
      signInStateTable,
    });
    const localConfig: LocalWebConfig = { signInFlow, mailViewerUrl: `${sesEndpoint}/`, latestCodesPath: LATEST_CODES_FILE_NAME };
    webWired.page = createSignInPageHandler({
      root: options.webRoot ?? defaultWebRoot(workspaceRoot),
      cognitoEndpoint,
      documents: new Map([
        ...clientConfigFiles(outputs, signInFlow).map((file) => [file.fileName, file.contents] as const),
        [LOCAL_CONFIG_FILE_NAME, `${JSON.stringify(localConfig, null, 2)}\n`],
      ]),
      liveDocuments: new Map([[LATEST_CODES_FILE_NAME, () => latestCodesDocument(sesEndpoint)]]),
    });
    // Closed first at stop (clean-ups run last in, first out), so requests in flight finish with their triggers.
    cleanups.push(stopServer);
    if (options.outputDir !== undefined) {
      const outputDir = options.outputDir;
      cleanups.push(() => removeReadySignal(outputDir));
      await writeOutputs(outputDir, outputs, signInFlow);
    }
    let stopping: Promise<void> | undefined;
    return {
      outputs,
      sessionCount: () => sessions.size,
      stop: () => (stopping ??= cleanUp()),
    };
  } catch (error) {
    await cleanUp();
    throw error;
  }
}

function listen(server: Server, port: number, variable: string): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      reject(error.code === 'EADDRINUSE' ? new PortInUseError(port, variable, { cause: error }) : error);
    };
    server.once('error', onError);
    server.listen(port, LOOPBACK, () => {
      server.off('error', onError);
      resolvePort((server.address() as AddressInfo).port);
    });
  });
}

/** Stops accepting, lets requests in flight finish for a moment, then cuts what is left. */
async function closeServer(server: Server): Promise<void> {
  const closed = new Promise<void>((resolveClosed) => server.close(() => resolveClosed()));
  server.closeIdleConnections();
  const timer = setTimeout(() => server.closeAllConnections(), DRAIN_MS);
  await closed;
  clearTimeout(timer);
}

async function withTimeout(promise: Promise<void>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([promise, new Promise<void>((resolveLater) => (timer = setTimeout(resolveLater, ms)))]);
  clearTimeout(timer);
}

