import { Logger } from '@aws-lambda-powertools/logger';
import {
  EMAIL_FAILED_OUTCOME,
  LIMITED_OUTCOME,
  STORE_FAILED_OUTCOME,
  type DecisionLogFields,
  type TriggerName,
} from '@cognito-passwordless/contract';
import {
  createSesClient,
  createSesCodeSender,
  EmailDeliveryError,
  readEmailConfig,
  readEmailTemplateFile,
} from '@cognito-passwordless/email-delivery';
import { createDynamoDbClient, createDynamoDbStateStore, readStoreConfig } from '@cognito-passwordless/sign-in-state-store';
import {
  createChallenge,
  createDecisionLine,
  decisionLogLine,
  readCreateConfig,
  SignInLimitError,
  SignInStateError,
} from '@cognito-passwordless/trigger-core';
import type { CreateAuthChallengeTriggerEvent } from 'aws-lambda';
import { randomBytes, randomInt } from 'node:crypto';

/**
 * Cognito waits about 5 s. The state store takes at most 1.8 s (its call
 * deadline after the core's state budget), so the send gets 3 s: still two
 * SES attempts, and the whole of Create stays under 5 s even when both are slow.
 */
const SEND_DEADLINE_MS = 3_000;

const config = readCreateConfig(process.env);
// Lambda unpacks the zip into LAMBDA_TASK_ROOT: the environment's template overrides, if any, sit next to index.mjs.
const templates = readEmailTemplateFile(process.env['LAMBDA_TASK_ROOT']);
const sendCode = createSesCodeSender(createSesClient(), readEmailConfig(process.env), { templates, deadlineMs: SEND_DEADLINE_MS });
const store = createDynamoDbStateStore(createDynamoDbClient(), readStoreConfig(process.env));
const logger = new Logger({ serviceName: 'create-auth-challenge' satisfies TriggerName });
// Node's CSPRNG; crypto.randomInt draws without modulo bias.
const random = { randomInt: (max: number) => randomInt(max), randomBytes };

/** The decision-log fields of a failure: a fixed outcome and reason, never the error's message. */
function failureFields(error: unknown): DecisionLogFields<'create'> {
  if (error instanceof SignInLimitError) return { outcome: LIMITED_OUTCOME, reason: error.reason };
  if (error instanceof SignInStateError) return { outcome: STORE_FAILED_OUTCOME, reason: error.reason };
  // SES messages can quote the recipient's address.
  return { outcome: EMAIL_FAILED_OUTCOME, reason: error instanceof EmailDeliveryError ? error.reason : 'other' };
}

export const handler = async (event: CreateAuthChallengeTriggerEvent): Promise<CreateAuthChallengeTriggerEvent> => {
  try {
    const { response, ...decision } = await createChallenge(event, config, { now: Date.now, random, sendCode, store });
    logger.info('create-auth-challenge decision', createDecisionLine(event, decision));
    return { ...event, response };
  } catch (error) {
    const fields = failureFields(error);
    const line = decisionLogLine('create', event, { ...fields, errorName: (error as Error).name });
    if (fields.outcome === LIMITED_OUTCOME) logger.warn('create-auth-challenge refused', line);
    else logger.error('create-auth-challenge failed', line);
    throw error;
  }
};
