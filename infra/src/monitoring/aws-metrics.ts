/**
 * The AWS-published metrics the alarms and the dashboard read. Lambda's are
 * per function (dimension FunctionName); SES's are per account and region
 * (no dimension), which is where SES judges a sender's reputation.
 */
export const LAMBDA_NAMESPACE = 'AWS/Lambda';
export const LAMBDA_METRICS = ['Invocations', 'Errors', 'Throttles', 'Duration'] as const;
export type LambdaMetricName = (typeof LAMBDA_METRICS)[number];

export const SES_NAMESPACE = 'AWS/SES';
export const SES_ACCOUNT_METRICS = ['Send', 'Delivery', 'Bounce', 'Complaint', 'Reputation.BounceRate', 'Reputation.ComplaintRate'] as const;
export type SesAccountMetricName = (typeof SES_ACCOUNT_METRICS)[number];

/**
 * DynamoDB's per-table metrics. Request errors and throttles are published
 * per table and operation (dimensions TableName and Operation), so they are
 * read once per operation the triggers call; consumed capacity per table.
 */
export const DYNAMODB_NAMESPACE = 'AWS/DynamoDB';
export const DYNAMODB_OPERATION_METRICS = ['ThrottledRequests', 'SystemErrors', 'SuccessfulRequestLatency'] as const;
export type DynamodbOperationMetricName = (typeof DYNAMODB_OPERATION_METRICS)[number];
export const DYNAMODB_TABLE_METRICS = ['ConsumedReadCapacityUnits', 'ConsumedWriteCapacityUnits'] as const;
