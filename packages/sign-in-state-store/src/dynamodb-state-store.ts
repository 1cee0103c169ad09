import { GetItemCommand, UpdateItemCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SignInStateError, type SignInStateStore, type StoredSignInState } from '@cognito-passwordless/trigger-core';
import { STORE_CALL_DEADLINE_MS } from './dynamodb-client';
import { classifyStoreFailure } from './store-failure';
import type { StoreConfig } from './store-config.schema';

/**
 * The item, one per username: `pk` (S, the core's keyed hash of the
 * username), `state` (S, the core's JSON), `version` (N, for conditional
 * writes) and `expiresAt` (N, epoch seconds: the table's TTL attribute).
 * Reads are strongly consistent, so a write's condition is checked against
 * what the decision saw. Only GetItem and UpdateItem are used.
 */
export const ITEM_ATTRIBUTES = { key: 'pk', state: 'state', version: 'version', expiresAt: 'expiresAt' } as const;

const fail = (error: unknown): never => {
  throw new SignInStateError(classifyStoreFailure(error), { cause: error });
};

function readItem(item: Record<string, { S?: string; N?: string }> | undefined): StoredSignInState | undefined {
  if (item === undefined) return undefined;
  const data = item[ITEM_ATTRIBUTES.state]?.S;
  const version = Number(item[ITEM_ATTRIBUTES.version]?.N);
  const expiresAtSeconds = Number(item[ITEM_ATTRIBUTES.expiresAt]?.N);
  if (data === undefined || !Number.isSafeInteger(version) || !Number.isFinite(expiresAtSeconds)) {
    throw new SignInStateError('other', { cause: new Error('the state item is not in the expected shape') });
  }
  return { data, version, expiresAtSeconds };
}

/**
 * The core's SignInStateStore on the table named by SIGN_IN_STATE_TABLE.
 * Every fault (missing table, throttling, no answer within the deadline, no
 * connection, access denied) becomes a SignInStateError with a fixed reason;
 * the key and the state never appear in an error message.
 */
export function createDynamoDbStateStore(
  client: DynamoDBClient,
  config: StoreConfig,
  deadlineMs: number = STORE_CALL_DEADLINE_MS,
): SignInStateStore {
  const TableName = config.SIGN_IN_STATE_TABLE;
  return {
    async load(key) {
      const command = new GetItemCommand({ TableName, Key: { [ITEM_ATTRIBUTES.key]: { S: key } }, ConsistentRead: true });
      const output = await client.send(command, { abortSignal: AbortSignal.timeout(deadlineMs) }).catch(fail);
      return readItem(output.Item);
    },
    async save(key, item, expectedVersion) {
      const command = new UpdateItemCommand({
        TableName,
        Key: { [ITEM_ATTRIBUTES.key]: { S: key } },
        UpdateExpression: 'SET #state = :state, #version = :next, #expiresAt = :expiresAt',
        ConditionExpression: expectedVersion === undefined ? 'attribute_not_exists(#pk)' : '#version = :expected',
        ExpressionAttributeNames: {
          '#state': ITEM_ATTRIBUTES.state,
          '#version': ITEM_ATTRIBUTES.version,
          '#expiresAt': ITEM_ATTRIBUTES.expiresAt,
          ...(expectedVersion === undefined ? { '#pk': ITEM_ATTRIBUTES.key } : {}),
        },
        ExpressionAttributeValues: {
          ':state': { S: item.data },
          ':next': { N: String((expectedVersion ?? 0) + 1) },
          ':expiresAt': { N: String(item.expiresAtSeconds) },
          ...(expectedVersion === undefined ? {} : { ':expected': { N: String(expectedVersion) } }),
        },
      });
      try {
        await client.send(command, { abortSignal: AbortSignal.timeout(deadlineMs) });
        return true;
      } catch (error) {
        if ((error as { name?: unknown })?.name === 'ConditionalCheckFailedException') return false;
        return fail(error);
      }
    },
  };
}
