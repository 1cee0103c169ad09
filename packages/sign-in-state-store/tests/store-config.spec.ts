import { ConfigError } from '@cognito-passwordless/trigger-core';
import { readStoreConfig } from '../src';

describe('the store configuration', () => {
  it('reads the table name', () => {
    expect(readStoreConfig({ SIGN_IN_STATE_TABLE: 'prod-sign-in-state' })).toEqual({ SIGN_IN_STATE_TABLE: 'prod-sign-in-state' });
  });

  it.each([[{}], [{ SIGN_IN_STATE_TABLE: '' }]])('refuses a missing table name (%j)', (env) => {
    expect(() => readStoreConfig(env)).toThrow(ConfigError);
    expect(() => readStoreConfig(env)).toThrow(/^SIGN_IN_STATE_TABLE is required/);
  });

  it('refuses something that is not a table name', () => {
    expect(() => readStoreConfig({ SIGN_IN_STATE_TABLE: 'arn:aws:dynamodb:us-east-1:1:table/x' })).toThrow(/SIGN_IN_STATE_TABLE must be a DynamoDB table name/);
  });
});
