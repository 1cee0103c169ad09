import { Logger } from '@aws-lambda-powertools/logger';
import type { TriggerName } from '@cognito-passwordless/contract';
import { decideNextChallenge, defineDecisionLine, readDefineConfig, toDefineResponse } from '@cognito-passwordless/trigger-core';
import type { DefineAuthChallengeTriggerEvent } from 'aws-lambda';

const config = readDefineConfig(process.env);
const logger = new Logger({ serviceName: 'define-auth-challenge' satisfies TriggerName });

export const handler = async (event: DefineAuthChallengeTriggerEvent): Promise<DefineAuthChallengeTriggerEvent> => {
  const decision = decideNextChallenge(event?.request, config);
  logger.info('define-auth-challenge decision', defineDecisionLine(event, config.SIGN_IN_FLOW, decision));
  return { ...event, response: toDefineResponse(decision) };
};
