export { DynaliteStartError, LOCAL_CREDENTIALS, startDynalite } from './dynalite-server';
export type { DynaliteOptions, DynaliteServer } from './dynalite-server';
export { dynamoDbErrorServer } from './fault-servers';
export type { DynamoDbFaultServer } from './fault-servers';
