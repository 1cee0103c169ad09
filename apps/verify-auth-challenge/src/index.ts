import { Logger } from '@aws-lambda-powertools/logger';
import { STORE_FAILED_OUTCOME } from '@cognito-passwordless/contract';
import { createDynamoDbClient, createDynamoDbStateStore, readStoreConfig } from '@cognito-passwordless/sign-in-state-store';
import { logIdentity, readVerifyConfig, SignInStateError, verifyAnswer } from '@cognito-passwordless/trigger-core';
import type { VerifyAuthChallengeResponseTriggerEvent } from 'aws-lambda';

const config = readVerifyConfig(process.env);
const store = createDynamoDbStateStore(createDynamoDbClient(), readStoreConfig(process.env));
const logger = new Logger({ serviceName: 'verify-auth-challenge' });

export const handler = async (
  event: VerifyAuthChallengeResponseTriggerEvent,
): Promise<VerifyAuthChallengeResponseTriggerEvent> => {
  const context = { trigger: 'verify', user: logIdentity(event), userNotFound: event?.request?.userNotFound === true };
  try {
    // A `limited` decision carries its reason (failed-answers-per-day) for the metric filter.
    const decision = await verifyAnswer(event, config, { now: Date.now, store });
    logger.info('verify-auth-challenge decision', { ...context, ...decision });
    return { ...event, response: { answerCorrect: decision.answerCorrect } };
  } catch (error) {
    const fields = error instanceof SignInStateError ? { outcome: STORE_FAILED_OUTCOME, reason: error.reason } : { outcome: 'error' };
    logger.error('verify-auth-challenge failed', { ...context, ...fields, errorName: (error as Error).name });
    throw error;
  }
};
