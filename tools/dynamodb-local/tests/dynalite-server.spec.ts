import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dynamoDbErrorServer, LOCAL_CREDENTIALS, startDynalite } from '../src';

const client = (endpoint: string) => new DynamoDBClient({ endpoint, region: 'us-east-1', credentials: LOCAL_CREDENTIALS, maxAttempts: 1 });

describe('dynalite for tests and the local stack', () => {
  it('creates the state table keyed by pk alone, and creating it again is harmless', async () => {
    const server = await startDynalite();
    try {
      await server.createStateTable('sign-in-state');
      await server.createStateTable('sign-in-state');

      const { Table } = await client(server.endpoint).send(new DescribeTableCommand({ TableName: 'sign-in-state' }));

      expect(Table?.KeySchema).toEqual([{ AttributeName: 'pk', KeyType: 'HASH' }]);
      expect(Table?.AttributeDefinitions).toEqual([{ AttributeName: 'pk', AttributeType: 'S' }]);
    } finally {
      await server.stop();
    }
  });

  it('keeps tables in a folder across restarts', async () => {
    const path = mkdtempSync(join(tmpdir(), 'dynalite-'));
    try {
      const first = await startDynalite({ path });
      await first.createStateTable('kept');
      await first.stop();

      const second = await startDynalite({ path });
      const described = await client(second.endpoint).send(new DescribeTableCommand({ TableName: 'kept' })).finally(() => second.stop());

      expect(described.Table?.TableName).toBe('kept');
    } finally {
      rmSync(path, { recursive: true, force: true });
    }
  });

  it('reports a taken port', async () => {
    const server = await startDynalite();
    try {
      await expect(startDynalite({ port: server.port })).rejects.toMatchObject({ name: 'DynaliteStartError', code: 'EADDRINUSE' });
    } finally {
      await server.stop();
    }
  });

  it('serves DynamoDB errors on demand', async () => {
    const faulty = await dynamoDbErrorServer('ResourceNotFoundException');
    try {
      await expect(client(faulty.endpoint).send(new DescribeTableCommand({ TableName: 'x' }))).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
      expect(faulty.requests()).toBe(1);
    } finally {
      await faulty.close();
    }
  });
});
