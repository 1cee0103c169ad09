import { Logger } from '@aws-lambda-powertools/logger';
import { STORE_FAILED_OUTCOME, VERIFY_ERROR_OUTCOME, type DecisionLogFields, type TriggerName } from '@cognito-passwordless/contract';
import { createDynamoDbClient, createDynamoDbStateStore, readStoreConfig } from '@cognito-passwordless/sign-in-state-store';
import { decisionLogLine, readVerifyConfig, SignInStateError, verifyAnswer, verifyDecisionLine } from '@cognito-passwordless/trigger-core';
import type { VerifyAuthChallengeResponseTriggerEvent } from 'aws-lambda';

const config = readVerifyConfig(process.env);
const store = createDynamoDbStateStore(createDynamoDbClient(), readStoreConfig(process.env));
const logger = new Logger({ serviceName: 'verify-auth-challenge' satisfies TriggerName });

export const handler = async (
  event: VerifyAuthChallengeResponseTriggerEvent,
): Promise<VerifyAuthChallengeResponseTriggerEvent> => {
  try {
    // A `limited` decision carries its reason (failed-answers-per-day) for the metric filter.
    const decision = await verifyAnswer(event, config, { now: Date.now, store });
    logger.info('verify-auth-challenge decision', verifyDecisionLine(event, decision));
    return { ...event, response: { answerCorrect: decision.answerCorrect } };
  } catch (error) {
    const fields: DecisionLogFields<'verify'> =
      error instanceof SignInStateError ? { outcome: STORE_FAILED_OUTCOME, reason: error.reason } : { outcome: VERIFY_ERROR_OUTCOME };
    logger.error('verify-auth-challenge failed', decisionLogLine('verify', event, { ...fields, errorName: (error as Error).name }));
    throw error;
  }
};
