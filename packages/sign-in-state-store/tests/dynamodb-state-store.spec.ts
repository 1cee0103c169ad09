import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';
import { dynamoDbErrorServer, LOCAL_CREDENTIALS, startDynalite, type DynaliteServer } from '@cognito-passwordless/dynamodb-local';
import { closedPort, silentServer } from '@cognito-passwordless/ses-sink';
import { SignInStateError } from '@cognito-passwordless/trigger-core';
import { createDynamoDbStateStore, STORE_CALL_DEADLINE_MS } from '../src';
import { createDynamoDbClient } from '../src/dynamodb-client';

const TABLE = 'sign-in-state';
const savedEnv = { ...process.env };
const clients: { destroy(): void }[] = [];
/** The store's own client, pointed by the SDK's standard variables, as in a Lambda function. */
function storeAt(endpoint: string, table = TABLE) {
  process.env = { ...savedEnv, AWS_REGION: 'us-east-1', AWS_ACCESS_KEY_ID: 'local', AWS_SECRET_ACCESS_KEY: 'local', AWS_ENDPOINT_URL_DYNAMODB: endpoint };
  const client = createDynamoDbClient();
  clients.push(client);
  return createDynamoDbStateStore(client, { SIGN_IN_STATE_TABLE: table });
}
// Kept-alive sockets of finished tests would keep jest from exiting.
afterEach(() => {
  for (const client of clients.splice(0)) client.destroy();
});
const item = (data: string, expiresAtSeconds = 2_000_000_000) => ({ data, expiresAtSeconds });

describe('the DynamoDB sign-in state store, against dynalite', () => {
  let server: DynaliteServer;
  beforeAll(async () => {
    server = await startDynalite();
    await server.createStateTable(TABLE);
  });
  afterAll(() => server?.stop());
  afterEach(() => {
    process.env = { ...savedEnv };
  });

  it('finds nothing under a new key', async () => {
    expect(await storeAt(server.endpoint).load('u1.nobody')).toBeUndefined();
  });

  it('creates an item only when there is none, then writes only over the version it read', async () => {
    const store = storeAt(server.endpoint);

    expect(await store.save('u1.a', item('{"one":1}'), undefined)).toBe(true);
    expect(await store.save('u1.a', item('{"again":1}'), undefined)).toBe(false);
    expect(await store.load('u1.a')).toEqual({ data: '{"one":1}', version: 1, expiresAtSeconds: 2_000_000_000 });
    expect(await store.save('u1.a', item('{"two":2}'), 1)).toBe(true);
    expect(await store.save('u1.a', item('{"stale":1}'), 1)).toBe(false);
    expect(await store.load('u1.a')).toMatchObject({ data: '{"two":2}', version: 2 });
  });

  it('lets exactly one of many parallel writers of one version land', async () => {
    const store = storeAt(server.endpoint);
    await store.save('u1.race', item('{}'), undefined);

    const landed = await Promise.all(Array.from({ length: 20 }, (_, i) => store.save('u1.race', item(`{"n":${i}}`), 1)));

    expect(landed.filter(Boolean)).toHaveLength(1);
  });

  it('writes the fixed key schema: pk, and expiresAt in epoch seconds for the TTL', async () => {
    await storeAt(server.endpoint).save('u1.schema', item('{}', 1_767_225_900), undefined);

    const raw = new DynamoDBClient({ endpoint: server.endpoint, region: 'us-east-1', credentials: LOCAL_CREDENTIALS });
    clients.push(raw);
    const { Item } = await raw.send(new GetItemCommand({ TableName: TABLE, Key: { pk: { S: 'u1.schema' } } }));

    expect(Item).toEqual({ pk: { S: 'u1.schema' }, state: { S: '{}' }, version: { N: '1' }, expiresAt: { N: '1767225900' } });
  });

  it('fails with missing-table when the table does not exist', async () => {
    await expect(storeAt(server.endpoint, 'no-such-table').load('u1.a')).rejects.toMatchObject({ name: 'SignInStateError', reason: 'missing-table' });
  });
});

describe('the DynamoDB sign-in state store when DynamoDB fails', () => {
  afterEach(() => {
    process.env = { ...savedEnv };
  });

  async function failure(endpoint: string, call: 'load' | 'save' = 'load') {
    const store = storeAt(endpoint);
    const started = Date.now();
    const error = await (call === 'load' ? store.load('u1.key-input') : store.save('u1.key-input', item('{"secret":1}'), 3)).then(
      () => undefined,
      (e: unknown) => e,
    );
    return { error: error as SignInStateError, elapsedMs: Date.now() - started };
  }

  it('fails fast with unreachable when nothing listens', async () => {
    const { error, elapsedMs } = await failure(await closedPort());
    expect(error).toBeInstanceOf(SignInStateError);
    expect(error.reason).toBe('unreachable');
    expect(elapsedMs).toBeLessThan(STORE_CALL_DEADLINE_MS + 200);
  });

  it.each(['load', 'save'] as const)('gives up on %s with timeout at the deadline when DynamoDB never answers', async (call) => {
    const server = await silentServer();
    try {
      const { error, elapsedMs } = await failure(server.endpoint, call);
      expect(error).toMatchObject({ name: 'SignInStateError', reason: 'timeout' });
      expect(elapsedMs).toBeLessThan(STORE_CALL_DEADLINE_MS + 200);
    } finally {
      await server.close();
    }
  });

  it('fails with throttled after a bounded retry when DynamoDB throttles', async () => {
    const server = await dynamoDbErrorServer('ThrottlingException');
    try {
      const { error } = await failure(server.endpoint, 'save');
      expect(error).toMatchObject({ name: 'SignInStateError', reason: 'throttled' });
      expect(server.requests()).toBe(2);
    } finally {
      await server.close();
    }
  });

  it.each([
    ['ProvisionedThroughputExceededException', 'throttled'],
    ['AccessDeniedException', 'access-denied'],
    ['ResourceNotFoundException', 'missing-table'],
  ])('names %s %s, and never puts the key or the state in the message', async (errorType, reason) => {
    const server = await dynamoDbErrorServer(errorType);
    try {
      const { error } = await failure(server.endpoint, 'save');
      expect(error).toMatchObject({ name: 'SignInStateError', reason });
      expect(error.message).not.toMatch(/key-input|secret/);
    } finally {
      await server.close();
    }
  });

  it('times out a DynamoDB that answers too late', async () => {
    const server = await dynamoDbErrorServer('ThrottlingException', { delayMs: 2_000 });
    try {
      const { error, elapsedMs } = await failure(server.endpoint);
      expect(error).toMatchObject({ reason: 'timeout' });
      expect(elapsedMs).toBeLessThan(STORE_CALL_DEADLINE_MS + 200);
    } finally {
      await server.close();
    }
  });
});
