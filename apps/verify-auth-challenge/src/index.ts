import { Logger } from '@aws-lambda-powertools/logger';
import { logIdentity, readVerifyConfig, verifyAnswer } from '@cognito-passwordless/trigger-core';
import type { VerifyAuthChallengeResponseTriggerEvent } from 'aws-lambda';

const config = readVerifyConfig(process.env);
const logger = new Logger({ serviceName: 'verify-auth-challenge' });

export const handler = async (
  event: VerifyAuthChallengeResponseTriggerEvent,
): Promise<VerifyAuthChallengeResponseTriggerEvent> => {
  const decision = verifyAnswer(event?.request, config, Date.now);
  logger.info('verify-auth-challenge decision', {
    trigger: 'verify',
    user: logIdentity(event),
    userNotFound: event?.request?.userNotFound === true,
    ...decision,
  });
  return { ...event, response: { answerCorrect: decision.answerCorrect } };
};
