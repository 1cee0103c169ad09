import { SIGN_IN_STATE_TABLE } from '@cognito-passwordless/contract';
import { parseEnvironment, type Environment } from '@cognito-passwordless/trigger-core';
import * as v from 'valibot';

const REQUIRED = `is required: ${SIGN_IN_STATE_TABLE.description}`;

export const storeConfigSchema = v.object(
  {
    [SIGN_IN_STATE_TABLE.name]: v.pipe(
      v.string(REQUIRED),
      v.regex(/^[A-Za-z0-9_.-]{3,255}$/, 'must be a DynamoDB table name: 3-255 letters, digits, _, - or .'),
    ),
  },
  REQUIRED,
);

export type StoreConfig = Readonly<{ SIGN_IN_STATE_TABLE: string }>;

/** Throws ConfigError when SIGN_IN_STATE_TABLE is missing or not a table name. */
export const readStoreConfig = (env: Environment): StoreConfig => parseEnvironment(storeConfigSchema, env) as StoreConfig;
