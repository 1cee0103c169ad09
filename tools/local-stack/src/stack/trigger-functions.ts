import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { SIGN_IN_STATE_TABLE, TRIGGER_ENVIRONMENT, triggerBundlePath, type TriggerName } from '@cognito-passwordless/contract';
import { LambdaFunction } from '@cognito-passwordless/lambda-runner';
import { LocalStackStartError } from '../errors';
import type { TriggerFunctions } from '../adapters/triggers';

export type TriggerKind = keyof TriggerFunctions;

/**
 * The contract's trigger names (also the `dist/apps/<name>/index.mjs`
 * folders) by the pool's trigger slots; a test checks it names each of the
 * contract's `TRIGGER_NAMES` once.
 */
export const FUNCTION_NAMES = {
  define: 'define-auth-challenge',
  create: 'create-auth-challenge',
  verify: 'verify-auth-challenge',
} as const satisfies Record<TriggerKind, TriggerName>;

const contractVariables = (kind: TriggerKind): string[] => TRIGGER_ENVIRONMENT[FUNCTION_NAMES[kind]].map((variable) => variable.name);

/** The environment contract (from the contract package): each function is given only the variables it reads. */
export const TRIGGER_VARIABLES: Readonly<Record<TriggerKind, readonly string[]>> = Object.freeze({
  define: contractVariables('define'),
  create: contractVariables('create'),
  verify: contractVariables('verify'),
});

export type TriggerVariable = string;
export type TriggerSettings = Partial<Record<TriggerVariable, string>>;

/** The state table's name unless SIGN_IN_STATE_TABLE says otherwise. */
export const DEFAULT_SIGN_IN_STATE_TABLE = 'local-sign-in-state';

/** The sender of every local email unless EMAIL_FROM says otherwise (a reserved `.test` domain). */
export const DEFAULT_EMAIL_FROM = 'sign-in@example.test';
/** Cognito waits about 5 s for a trigger. */
export const TRIGGER_TIMEOUT_MS = 5000;

export function defaultBundlePaths(workspaceRoot: string): Record<TriggerKind, string> {
  const path = (kind: TriggerKind) => join(workspaceRoot, triggerBundlePath(FUNCTION_NAMES[kind]));
  return { define: path('define'), create: path('create'), verify: path('verify') };
}

export interface TriggerFunctionOptions {
  readonly bundles: Readonly<Record<TriggerKind, string>>;
  readonly settings: TriggerSettings;
  readonly region: string;
  readonly sesEndpoint: string;
  /** dynalite (or a stand-in): the functions' AWS_ENDPOINT_URL_DYNAMODB. */
  readonly dynamodbEndpoint: string;
  readonly timeoutMs: number;
  /** Each log line a function writes, with the function's name. */
  readonly onLogLine: (functionName: string, line: string) => void;
}

export interface RunningTriggerFunctions extends TriggerFunctions {
  /** Starts the three processes (their cold starts); init errors are reported to `onInitError`, not thrown. */
  warm(onInitError: (functionName: string, error: Error) => void): Promise<void>;
  stop(): Promise<void>;
}

/** Starts nothing yet: each function's process starts on `warm()` or its first invocation. */
export async function createTriggerFunctions(options: TriggerFunctionOptions): Promise<RunningTriggerFunctions> {
  for (const path of Object.values(options.bundles)) {
    await access(path).catch((error: unknown) => {
      throw new LocalStackStartError(
        `Trigger bundle ${path} is missing: build it with \`npx nx run-many -t build -p define-auth-challenge create-auth-challenge verify-auth-challenge\` (npm start does).`,
        { cause: error },
      );
    });
  }
  const make = (kind: TriggerKind) => {
    const env: Record<string, string> = {
      AWS_REGION: options.region,
      AWS_ENDPOINT_URL_SES: options.sesEndpoint,
      AWS_ENDPOINT_URL_DYNAMODB: options.dynamodbEndpoint,
      // The SDK signs every request; the local SES sink only wants a header.
      AWS_ACCESS_KEY_ID: 'local',
      AWS_SECRET_ACCESS_KEY: 'local',
      // Lambda runs the bundles on Node 22; here they may run on Node 20, which the SDK would warn about in every log.
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    };
    const defaults: Record<string, string> = { EMAIL_FROM: DEFAULT_EMAIL_FROM, [SIGN_IN_STATE_TABLE.name]: DEFAULT_SIGN_IN_STATE_TABLE };
    for (const name of TRIGGER_VARIABLES[kind]) {
      const value = options.settings[name] || defaults[name];
      if (value !== undefined && value !== '') env[name] = value;
    }
    const name = FUNCTION_NAMES[kind];
    return new LambdaFunction({
      name,
      bundlePath: options.bundles[kind],
      env,
      timeoutMs: options.timeoutMs,
      onLogLine: (line) => {
        if (line.trim() !== '') options.onLogLine(name, line);
      },
    });
  };
  const functions = { define: make('define'), create: make('create'), verify: make('verify') };
  const all = Object.entries(functions) as [TriggerKind, LambdaFunction][];
  return {
    ...functions,
    async warm(onInitError) {
      await Promise.all(all.map(([kind, fn]) => fn.warm().catch((error: Error) => onInitError(FUNCTION_NAMES[kind], error))));
    },
    async stop() {
      // Each one is stopped even if another fails; every failure is reported.
      const failures = (await Promise.allSettled(all.map(([, fn]) => fn.stop()))).flatMap((result) => (result.status === 'rejected' ? [result.reason as unknown] : []));
      if (failures.length === 1) throw failures[0];
      if (failures.length > 1) throw new AggregateError(failures, `${failures.length} trigger functions failed to stop`);
    },
  };
}
