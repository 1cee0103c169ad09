import { Logger } from '@aws-lambda-powertools/logger';
import {
  createSesClient,
  createSesCodeSender,
  EmailDeliveryError,
  readEmailConfig,
  readEmailTemplateFile,
} from '@cognito-passwordless/email-delivery';
import { createChallenge, logIdentity, readCreateConfig } from '@cognito-passwordless/trigger-core';
import type { CreateAuthChallengeTriggerEvent } from 'aws-lambda';
import { randomBytes, randomInt } from 'node:crypto';

const config = readCreateConfig(process.env);
// Lambda unpacks the zip into LAMBDA_TASK_ROOT: the environment's template overrides, if any, sit next to index.mjs.
const templates = readEmailTemplateFile(process.env['LAMBDA_TASK_ROOT']);
const sendCode = createSesCodeSender(createSesClient(), readEmailConfig(process.env), { templates });
const logger = new Logger({ serviceName: 'create-auth-challenge' });
// Node's CSPRNG; crypto.randomInt draws without modulo bias.
const random = { randomInt: (max: number) => randomInt(max), randomBytes };

export const handler = async (event: CreateAuthChallengeTriggerEvent): Promise<CreateAuthChallengeTriggerEvent> => {
  const context = { trigger: 'create', user: logIdentity(event), userNotFound: event?.request?.userNotFound === true };
  try {
    const { response, ...decision } = await createChallenge(event?.request, config, { now: Date.now, random, sendCode });
    logger.info('create-auth-challenge decision', { ...context, ...decision });
    return { ...event, response };
  } catch (error) {
    // The error's name and fixed reason only: SES messages can quote the recipient's address.
    const reason = error instanceof EmailDeliveryError ? error.reason : 'other';
    logger.error('create-auth-challenge failed', { ...context, outcome: 'email-failed', reason, errorName: (error as Error).name });
    throw error;
  }
};
