export { createDynamoDbStateStore, ITEM_ATTRIBUTES } from './dynamodb-state-store';
export {
  createDynamoDbClient,
  STORE_CALL_DEADLINE_MS,
  STORE_CONNECTION_TIMEOUT_MS,
  STORE_MAX_ATTEMPTS,
  STORE_REQUEST_TIMEOUT_MS,
  STORE_RETRY_DELAY_MS,
} from './dynamodb-client';
export { classifyStoreFailure } from './store-failure';
export { readStoreConfig, storeConfigSchema } from './store-config.schema';
export type { StoreConfig } from './store-config.schema';
