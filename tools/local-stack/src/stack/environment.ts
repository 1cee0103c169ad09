import { isAbsolute, join, resolve } from 'node:path';
import * as v from 'valibot';
import { LocalStackConfigError } from '../errors';
import { TRIGGER_VARIABLES, type TriggerSettings, type TriggerVariable } from './trigger-functions';

/** What `npm start` reads from its environment: the only place the stack reads variables. */
export interface StackEnvironment {
  readonly cognitoPort: number;
  readonly sesPort: number;
  readonly webPort: number;
  /** dynalite, the sign-in state table's DynamoDB stand-in. */
  readonly dynamodbPort: number;
  /** Undefined: memory only (`LOCAL_DATA_DIR=`). */
  readonly dataDir: string | undefined;
  readonly outputDir: string;
  readonly authSessionValiditySeconds: number;
  readonly logRequests: boolean;
  readonly triggerSettings: TriggerSettings;
}

export const DEFAULT_COGNITO_PORT = 9229;
export const DEFAULT_SES_PORT = 8005;
/** The sign-in page, next to the user pool endpoint. */
export const DEFAULT_WEB_PORT = 9230;
export const DEFAULT_DYNAMODB_PORT = 8006;

const integer = (min: number, max: number) =>
  v.pipe(
    v.string(),
    v.regex(/^\d{1,6}$/, `expected an integer from ${min} to ${max}`),
    v.transform(Number),
    v.minValue(min, `expected an integer from ${min} to ${max}`),
    v.maxValue(max, `expected an integer from ${min} to ${max}`),
  );

type Environment = Readonly<Record<string, string | undefined>>;

function read<S extends v.GenericSchema<string, unknown>>(env: Environment, name: string, schema: S, fallback: v.InferOutput<S>): v.InferOutput<S> {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const parsed = v.safeParse(schema, raw);
  if (!parsed.success) throw new LocalStackConfigError(name, `${parsed.issues[0].message}, got ${JSON.stringify(raw)}`);
  return parsed.output;
}

/**
 * Reads the stack's variables (all optional): LOCAL_COGNITO_PORT (9229),
 * LOCAL_SES_PORT (8005), LOCAL_WEB_PORT (9230), LOCAL_DYNAMODB_PORT (8006), LOCAL_DATA_DIR (dist/local/data; empty = memory
 * only), LOCAL_OUTPUT_DIR (dist/local), LOCAL_AUTH_SESSION_VALIDITY_SECONDS
 * (300, 1–900), LOCAL_LOG_REQUESTS (1; 0 = quiet), and the trigger
 * environment contract, passed through (empty = unset).
 */
export function readStackEnvironment(env: Environment, workspaceRoot: string): StackEnvironment {
  const folder = (value: string) => (isAbsolute(value) ? value : resolve(workspaceRoot, value));
  const dataDir = env['LOCAL_DATA_DIR'];
  const triggerSettings: TriggerSettings = {};
  for (const name of new Set<TriggerVariable>(Object.values(TRIGGER_VARIABLES).flat())) {
    const value = env[name];
    if (value !== undefined && value !== '') triggerSettings[name] = value;
  }
  return {
    cognitoPort: read(env, 'LOCAL_COGNITO_PORT', integer(0, 65535), DEFAULT_COGNITO_PORT),
    sesPort: read(env, 'LOCAL_SES_PORT', integer(0, 65535), DEFAULT_SES_PORT),
    webPort: read(env, 'LOCAL_WEB_PORT', integer(0, 65535), DEFAULT_WEB_PORT),
    dynamodbPort: read(env, 'LOCAL_DYNAMODB_PORT', integer(0, 65535), DEFAULT_DYNAMODB_PORT),
    dataDir: dataDir === undefined ? join(workspaceRoot, 'dist', 'local', 'data') : dataDir === '' ? undefined : folder(dataDir),
    outputDir: folder(env['LOCAL_OUTPUT_DIR'] || join('dist', 'local')),
    authSessionValiditySeconds: read(env, 'LOCAL_AUTH_SESSION_VALIDITY_SECONDS', integer(1, 900), 300),
    logRequests: read(env, 'LOCAL_LOG_REQUESTS', v.picklist(['0', '1'], 'expected 0 or 1'), '1') === '1',
    triggerSettings: Object.freeze(triggerSettings),
  };
}
