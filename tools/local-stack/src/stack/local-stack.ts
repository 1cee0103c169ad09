import type { RequestListener } from 'node:http';
import { resolve } from 'node:path';
import { createHttpApi } from '../protocol/http-api';
import { createOperations } from '../protocol/operation-table';
import { LocalStackStartError, PortInUseError } from '../errors';
import { loadOrCreatePoolIdentity, type PoolIdentity } from '../state/pool-identity';
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
import type { SignInFlow } from '@cognito-passwordless/contract';
import { CleanupStack, startTogether } from './cleanup-stack';
import { listenOnLoopback, LOOPBACK, type LoopbackServer } from './loopback-server';
import { startStateTable } from './state-table';
import { warmTriggerFunctions } from './warm-functions';
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
  /**
   * Stops the servers and every child process, last started first; idempotent.
   * Rejects with a `CleanupError` naming every part that failed to stop (the others are stopped all the same).
   */
  stop(): Promise<void>;
}

/**
 * Starts the whole local stack in this process: the SES sink and dynalite
 * with the sign-in state table (each its own child process), the three
 * trigger functions (one child process each), the
 * Cognito-compatible user pool endpoint and the sign-in page's server on
 * 127.0.0.1. Resolves once all of them are up and, with `outputDir`,
 * outputs.json is written.
 *
 * Each phase below registers how to undo itself on `cleanups` as soon as it
 * has started: a failure at any phase stops the ones before it, last
 * started first, and `stop()` stops them all the same way.
 */
export async function startLocalStack(options: LocalStackOptions = {}): Promise<LocalStack> {
  const cleanups = new CleanupStack();
  const context: StartContext = { options, workspaceRoot: resolve(options.workspaceRoot ?? process.cwd()), log: options.log ?? (() => undefined), cleanups };
  try {
    const signInFlow = signInFlowOf(options.triggerSettings?.SIGN_IN_FLOW);
    if (options.outputDir !== undefined) await removeReadySignal(options.outputDir);
    const data = await openDataFolder(context);
    const services = await startServices(context);
    const functions = await createFunctions(context, data.identity.region, services);
    // The functions' cold starts run while the pool is wired.
    const warming = warmTriggerFunctions(functions, context.log);
    const pool = await wirePoolApi(context, data, services, functions);
    await warming;
    const outputs = outputsOf(services, pool.settings, pool.issuer);
    servePage(context, services.web, outputs, signInFlow);
    // Closed first at stop (clean-ups run last in, first out), so requests in flight finish with their triggers.
    cleanups.defer('user pool endpoint', () => services.cognito.close());
    await writeReadyFile(context, outputs, signInFlow);
    return { outputs, sessionCount: () => pool.sessions.size, stop: () => cleanups.dispose() };
  } catch (error) {
    return cleanups.unwind(error);
  }
}

/** What every phase is given: the options, where to log, and the clean-ups to register on. */
interface StartContext {
  readonly options: LocalStackOptions;
  readonly workspaceRoot: string;
  readonly log: (line: string) => void;
  readonly cleanups: CleanupStack;
}

interface DataFolder {
  readonly identity: PoolIdentity;
  readonly users: UserStore;
}

/** Phase: the pool's identity and its users, from the data folder (or memory). */
async function openDataFolder({ options, cleanups }: StartContext): Promise<DataFolder> {
  // Settled, not Promise.all: a failure of one must not leave the other writing to the data folder afterwards.
  const [identity, users] = await allStarted([
    loadOrCreatePoolIdentity(options.dataDir, options.region ?? DEFAULT_REGION),
    UserStore.open(options.dataDir).then((store) => {
      cleanups.defer('user store', () => store.close());
      return store;
    }),
  ]);
  return { identity, users };
}

interface Services {
  readonly cognito: LoopbackServer;
  readonly web: LoopbackServer;
  readonly sesEndpoint: string;
  readonly dynamodbEndpoint: string;
  readonly signInStateTable: string;
}

/** Phase: the four services that do not depend on each other, started together; each registers its own clean-up. */
async function startServices(context: StartContext): Promise<Services> {
  const { options } = context;
  const signInStateTable = options.triggerSettings?.SIGN_IN_STATE_TABLE || DEFAULT_SIGN_IN_STATE_TABLE;
  // Precedence of the errors reported: the ports first, as before.
  const [cognito, web, sesEndpoint, dynamodbEndpoint] = await allStarted([
    listenPhase(context, 'user pool endpoint', options.cognitoPort ?? 0, 'LOCAL_COGNITO_PORT', answerCognitoStarting),
    // The page is on its own origin, as an app is in production, so the browser exercises the endpoint's CORS.
    listenPhase(context, 'sign-in page server', options.webPort ?? 0, 'LOCAL_WEB_PORT', answerPageStarting),
    options.sesEndpoint ?? startSesPhase(context),
    options.dynamodbEndpoint ?? startStateTablePhase(context, signInStateTable),
  ]);
  return { cognito, web, sesEndpoint, dynamodbEndpoint, signInStateTable };
}

async function listenPhase(context: StartContext, name: string, port: number, variable: string, whileStarting: RequestListener): Promise<LoopbackServer> {
  const server = await listenOnLoopback(port, variable, whileStarting);
  context.cleanups.defer(name, () => server.close());
  return server;
}

/** Until the pool is wired up (a few ms after listening), answer 503, which AWS SDKs retry. */
const answerCognitoStarting: RequestListener = (_request, response) => {
  response.writeHead(503, { 'content-type': 'application/x-amz-json-1.1' });
  response.end(JSON.stringify({ __type: 'ServiceUnavailableException', message: 'The local stack is starting' }));
};

const answerPageStarting: RequestListener = (_request, response) => {
  response.writeHead(503, { 'content-type': 'text/plain; charset=utf-8', 'retry-after': '1' });
  response.end('The local stack is starting\n');
};

async function startSesPhase({ options, workspaceRoot, log, cleanups }: StartContext): Promise<string> {
  const port = options.sesPort ?? 0;
  let ses: SesSink;
  try {
    ses = await startSesSink({ host: LOOPBACK, port, cwd: workspaceRoot, onLogLine: (line) => log(`[ses] ${line}`) });
  } catch (error) {
    if (error instanceof SesSinkStartError && error.code === 'EADDRINUSE') throw new PortInUseError(port, 'LOCAL_SES_PORT', { cause: error });
    throw new LocalStackStartError(`The SES sink failed to start: ${(error as Error).message}`, { cause: error });
  }
  cleanups.defer('ses sink', () => ses.stop());
  return ses.endpoint;
}

async function startStateTablePhase({ options, workspaceRoot, cleanups }: StartContext, tableName: string): Promise<string> {
  const table = await startStateTable({ port: options.dynamodbPort ?? 0, dataDir: options.dataDir, tableName, workspaceRoot });
  cleanups.defer('state table (dynalite)', () => table.stop());
  return table.endpoint;
}

/** Phase: the three trigger functions (their processes start on warming or first use). */
async function createFunctions({ options, workspaceRoot, log, cleanups }: StartContext, region: string, services: Services): Promise<RunningTriggerFunctions> {
  const functions = await createTriggerFunctions({
    bundles: { ...defaultBundlePaths(workspaceRoot), ...options.bundles },
    settings: options.triggerSettings ?? {},
    region,
    sesEndpoint: services.sesEndpoint,
    dynamodbEndpoint: services.dynamodbEndpoint,
    timeoutMs: options.triggerTimeoutMs ?? TRIGGER_TIMEOUT_MS,
    onLogLine: options.onTriggerLog ?? ((name, line) => log(`[${name}] ${line}`)),
  });
  cleanups.defer('trigger functions', () => functions.stop());
  return functions;
}

interface PoolApi {
  readonly settings: PoolSettings;
  readonly issuer: string;
  readonly sessions: SessionStore;
}

/** Phase: the user pool behind the endpoint, which stops answering 503 from here on. */
async function wirePoolApi({ options, log, cleanups }: StartContext, { identity, users }: DataFolder, services: Services, functions: RunningTriggerFunctions): Promise<PoolApi> {
  const issuer = `http://${LOOPBACK}:${services.cognito.port}/${identity.userPoolId}`;
  const settings: PoolSettings = {
    region: identity.region,
    userPoolId: identity.userPoolId,
    poolName: poolNameOf(identity.userPoolId),
    clientId: identity.userPoolClientId,
    secret: Buffer.from(identity.decoySeed, 'base64'),
  };
  const tokens = await TokenService.create(identity, issuer, { ...DEFAULT_TOKEN_VALIDITY, ...options.tokenValidity });
  const sessions = new SessionStore(options.authSessionValiditySeconds ?? DEFAULT_AUTH_SESSION_VALIDITY_SECONDS);
  cleanups.defer('sign-in sessions', () => sessions.close());
  const triggers = new CognitoTriggers(functions, settings);
  const mailer = new SesMailer(services.sesEndpoint, options.triggerSettings?.EMAIL_FROM || DEFAULT_EMAIL_FROM);
  const operations = createOperations({ settings, users, sessions, triggers, tokens, mailer });
  const logRequests = options.logRequests ?? options.log !== undefined;
  services.cognito.wire(
    createHttpApi({ operations, userPoolId: settings.userPoolId, issuer, jwks: tokens.jwks, log: logRequests ? (line) => log(`[cognito] ${line}`) : undefined }),
  );
  return { settings, issuer, sessions };
}

/** `us-east-1_AbC123` → `AbC123`. */
function poolNameOf(userPoolId: string): string {
  const name = userPoolId.split('_')[1];
  if (name === undefined) throw new LocalStackStartError(`The pool id ${userPoolId} has no "_": expected <region>_<name>`);
  return name;
}

function outputsOf(services: Services, settings: PoolSettings, issuer: string): LocalStackOutputs {
  return Object.freeze({
    region: settings.region,
    userPoolId: settings.userPoolId,
    userPoolClientId: settings.clientId,
    cognitoEndpoint: `http://${LOOPBACK}:${services.cognito.port}`,
    sesEndpoint: services.sesEndpoint,
    jwksUri: `${issuer}/.well-known/jwks.json`,
    issuer,
    webUrl: `http://${LOOPBACK}:${services.web.port}/`,
    dynamodbEndpoint: services.dynamodbEndpoint,
    signInStateTable: services.signInStateTable,
  });
}

/** Phase: the sign-in page, with the stack's client configuration served from memory beside it. */
function servePage({ options, workspaceRoot }: StartContext, web: LoopbackServer, outputs: LocalStackOutputs, signInFlow: SignInFlow): void {
  const { sesEndpoint } = outputs;
  const localConfig: LocalWebConfig = { signInFlow, mailViewerUrl: `${sesEndpoint}/`, latestCodesPath: LATEST_CODES_FILE_NAME };
  web.wire(
    createSignInPageHandler({
      root: options.webRoot ?? defaultWebRoot(workspaceRoot),
      cognitoEndpoint: outputs.cognitoEndpoint,
      documents: new Map([
        ...clientConfigFiles(outputs, signInFlow).map((file) => [file.fileName, file.contents] as const),
        [LOCAL_CONFIG_FILE_NAME, `${JSON.stringify(localConfig, null, 2)}\n`],
      ]),
      liveDocuments: new Map([[LATEST_CODES_FILE_NAME, () => latestCodesDocument(sesEndpoint)]]),
    }),
  );
}

/** Last phase: outputs.json, the signal that everything is up; removed first at stop. */
async function writeReadyFile({ options, cleanups }: StartContext, outputs: LocalStackOutputs, signInFlow: SignInFlow): Promise<void> {
  const outputDir = options.outputDir;
  if (outputDir === undefined) return;
  cleanups.defer('ready file', () => removeReadySignal(outputDir));
  await writeOutputs(outputDir, outputs, signInFlow);
}

/** `startTogether` with several failures named in one `LocalStackStartError`, which the CLI prints as it is. */
function allStarted<T extends readonly unknown[]>(starts: readonly [...{ [K in keyof T]: T[K] | Promise<T[K]> }]): Promise<T> {
  return startTogether<T>(starts, (failures) => {
    const messages = failures.map((failure) => (failure instanceof Error ? failure.message : String(failure)));
    return new LocalStackStartError(`${failures.length} parts failed to start: ${messages.join('; ')}`, { cause: new AggregateError(failures) });
  });
}
