import { join } from 'node:path';
import { DynaliteStartError, startDynalite } from '@cognito-passwordless/dynamodb-local';
import { LocalStackStartError, PortInUseError } from '../errors';
import { CleanupStack } from './cleanup-stack';

export interface StateTable {
  /** `http://127.0.0.1:<port>`: the functions' AWS_ENDPOINT_URL_DYNAMODB. */
  readonly endpoint: string;
  stop(): Promise<void>;
}

/** dynalite's LevelDB files, under the data folder. */
export const DYNAMODB_FOLDER_NAME = 'dynamodb';

/**
 * dynalite on 127.0.0.1 with the sign-in state table created (`pk` string,
 * as infra creates it; dynalite has no TTL, and the triggers treat expired
 * items as gone themselves). Kept under `<dataDir>/dynamodb`, or in memory
 * without a data folder.
 */
export async function startStateTable(options: {
  readonly port: number;
  readonly dataDir: string | undefined;
  readonly tableName: string;
  readonly workspaceRoot: string;
}): Promise<StateTable> {
  const server = await startDynalite({
    host: '127.0.0.1',
    port: options.port,
    path: options.dataDir === undefined ? undefined : join(options.dataDir, DYNAMODB_FOLDER_NAME),
    cwd: options.workspaceRoot,
  }).catch((error: unknown) => {
    if (error instanceof DynaliteStartError && error.code === 'EADDRINUSE') throw new PortInUseError(options.port, 'LOCAL_DYNAMODB_PORT', { cause: error });
    throw new LocalStackStartError(`dynalite (the sign-in state table) failed to start: ${(error as Error).message}`, { cause: error });
  });
  const cleanups = new CleanupStack('dynalite');
  cleanups.defer('dynalite', () => server.stop());
  try {
    await server.createStateTable(options.tableName);
  } catch (error) {
    // Stops dynalite; should that fail too, both failures are reported.
    return cleanups.unwind(new LocalStackStartError(`Could not create the sign-in state table ${options.tableName} in dynalite: ${(error as Error).message}`, { cause: error }));
  }
  return { endpoint: server.endpoint, stop: () => server.stop() };
}
