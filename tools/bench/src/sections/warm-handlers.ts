import { GetItemCommand } from '@aws-sdk/client-dynamodb';
import { SendEmailCommand, SESClient } from '@aws-sdk/client-ses';
import { startDynalite } from '@cognito-passwordless/dynamodb-local';
import { createDynamoDbClient, createDynamoDbStateStore } from '@cognito-passwordless/sign-in-state-store';
import { createChallenge } from '@cognito-passwordless/trigger-core';
import { startSesSink } from '@cognito-passwordless/ses-sink';
import { randomBytes } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { withQuietStdout } from '../quiet-stdout';
import type { BenchResult } from '../result';
import { summarize } from '../statistics';
import { bundlePath, type Trigger } from '@cognito-passwordless/trigger-bundles';

type Handler = (event: unknown) => Promise<unknown>;

const load = async (root: string, trigger: Trigger): Promise<Handler> =>
  ((await import(pathToFileURL(bundlePath(root, trigger)).href)) as { handler: Handler }).handler;

/** Samples in µs, preallocated so that recording them allocates nothing the collector must chase. */
class Samples {
  private readonly values: Float64Array;
  private count = 0;
  constructor(capacity: number) {
    this.values = new Float64Array(capacity);
  }
  push(value: number): void {
    this.values[this.count++] = value;
  }
  toArray(): number[] {
    return Array.from(this.values.subarray(0, this.count));
  }
}

/** µs per call, one sample per call. */
async function timeCalls(handler: Handler, event: () => unknown, calls: number, into: Samples): Promise<void> {
  for (let i = 0; i < calls; i++) {
    const input = event();
    const started = process.hrtime.bigint();
    await handler(input);
    into.push(Number(process.hrtime.bigint() - started) / 1000);
  }
}

const baseEvent = { version: '1', region: 'us-east-1', userPoolId: 'us-east-1_Bench0001', userName: 'bench@example.com', callerContext: { awsSdkVersion: 'bench', clientId: 'bench' } };
const attributes = { sub: '6f1c1c52-5d8a-4f55-9d0e-6a0f4cbd3a11', email: 'bench@example.com', email_verified: 'true' };

/**
 * Warm handler time in this process: define over many calls against a
 * do-nothing async handler in the same loop (blocks interleaved); verify and
 * create, which use the sign-in state table (dynalite on loopback), against a
 * bare GetItem; create sends through SES on loopback too, against a bare send.
 */
export async function measureWarmHandlers(root: string, calls = 100_000, createCalls = 300): Promise<BenchResult[]> {
  const [sink, dynalite] = await Promise.all([startSesSink(), startDynalite()]);
  await dynalite.createStateTable('sign-in-state');
  Object.assign(process.env, {
    EMAIL_FROM: 'sign-in@example.com',
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
    AWS_ENDPOINT_URL_SES: sink.endpoint,
    AWS_ENDPOINT_URL_DYNAMODB: dynalite.endpoint,
    SIGN_IN_STATE_TABLE: 'sign-in-state',
    MAX_CODES_PER_HOUR: '100',
    // Every verify call below answers; half of them wrong.
    MAX_FAILED_ANSWERS_PER_DAY: '100',
  });
  try {
    const define = await load(root, 'define-auth-challenge');
    const create = await load(root, 'create-auth-challenge');
    const verify = await load(root, 'verify-auth-challenge');
    const noop: Handler = async (event) => ({ ...(event as object), response: {} });
    const digits = [...'482913'].map(Number);
    const store = createDynamoDbStateStore(createDynamoDbClient(), { SIGN_IN_STATE_TABLE: 'sign-in-state' });
    /** A live challenge of `userName`, written to the table as Create writes it. */
    const issue = async (userName: string) =>
      (
        await createChallenge(
          { ...baseEvent, userName, request: { challengeName: 'CUSTOM_CHALLENGE', session: [], userNotFound: false, userAttributes: attributes } },
          { MAX_CODE_ATTEMPTS: 3, CODE_LENGTH: 6, CODE_TTL_SECONDS: 900, MAX_CODES_PER_HOUR: 100, MAX_FAILED_ANSWERS_PER_DAY: 100, RESEND_COOLDOWN_SECONDS: 30 },
          { now: Date.now, random: { randomInt: () => digits.shift() ?? 0, randomBytes }, sendCode: async () => undefined, store },
        )
      ).response;
    const response = await issue(baseEvent.userName);
    const session = [{ challengeName: 'CUSTOM_CHALLENGE', challengeResult: false, challengeMetadata: response.challengeMetadata }];
    const defineEvent = () => ({ ...baseEvent, triggerSource: 'DefineAuthChallenge_Authentication', request: { userAttributes: attributes, session, userNotFound: false }, response: {} });
    // A wrong answer: a read and a counted write, like the attempts an attacker makes (the right one would use the code up).
    const verifyEvent = (userName: string, privateChallengeParameters: Record<string, string>) => ({
      ...baseEvent,
      userName,
      triggerSource: 'VerifyAuthChallengeResponse_Authentication',
      request: { userAttributes: attributes, privateChallengeParameters, challengeAnswer: '482914', userNotFound: false },
      response: {},
    });
    // Each wrong answer counts: a fresh username every 90 calls keeps the daily limit (100) out of the way.
    const verifyUsers = await Promise.all(
      Array.from({ length: Math.ceil(createCalls / 90) }, async (_, b) => {
        const userName = `bench-${b}@example.com`;
        return { userName, parameters: (await issue(userName)).privateChallengeParameters };
      }),
    );

    const samples = { baseline: new Samples(calls + 1_000), define: new Samples(calls + 1_000) };
    const BLOCK = 1_000;
    await withQuietStdout(async () => {
      for (let done = 0; done < calls; done += BLOCK) {
        await timeCalls(noop, defineEvent, BLOCK, samples.baseline);
        await timeCalls(define, defineEvent, BLOCK, samples.define);
      }
    });
    const baseline = summarize(samples.baseline.toArray());
    const warm = (name: string, values: Samples): BenchResult => {
      const summary = summarize(values.toArray());
      return { section: 'Warm handler time (in process)', name, unit: 'µs', value: summary, baseline, budget: 'p99 ≤ 50', withinBudget: summary.p99 <= 50 };
    };

    const dynamodb = createDynamoDbClient();
    const getAlone = () => dynamodb.send(new GetItemCommand({ TableName: 'sign-in-state', Key: { pk: { S: 'bench' } }, ConsistentRead: true }));
    const verifySamples = new Samples(createCalls);
    const getSamples = new Samples(createCalls);
    await withQuietStdout(async () => {
      for (let i = 0; i < createCalls; i++) {
        await timeCalls(getAlone, () => undefined, 1, getSamples);
        const { userName, parameters } = verifyUsers[Math.floor(i / 90)]!;
        await timeCalls(verify, () => verifyEvent(userName, parameters), 1, verifySamples);
      }
    });
    const ses = new SESClient({});
    const sendAlone = () =>
      ses.send(new SendEmailCommand({ Source: 'sign-in@example.com', Destination: { ToAddresses: ['bench@example.com'] }, Message: { Subject: { Data: 'x' }, Body: { Text: { Data: 'x' } } } }));
    let createCount = 0;
    // A fresh username every 90 sign-ins keeps MAX_CODES_PER_HOUR (100) out of the way.
    const createEvent = () => ({ ...baseEvent, userName: `create-${Math.floor(createCount++ / 90)}@example.com`, triggerSource: 'CreateAuthChallenge_Authentication', request: { userAttributes: attributes, challengeName: 'CUSTOM_CHALLENGE', session: [], userNotFound: false }, response: {} });
    const createSamples = new Samples(createCalls);
    const sesSamples = new Samples(createCalls);
    await withQuietStdout(async () => {
      for (let i = 0; i < createCalls; i++) {
        await timeCalls(sendAlone, () => undefined, 1, sesSamples);
        await timeCalls(create, createEvent, 1, createSamples);
      }
    });
    const toMs = (values: Samples) => values.toArray().map((us) => us / 1000);
    return [
      warm('define-auth-challenge', samples.define),
      {
        section: 'Warm handler time (in process)',
        name: 'verify-auth-challenge (state table on loopback)',
        unit: 'ms',
        value: summarize(toMs(verifySamples)),
        baseline: summarize(toMs(getSamples)),
        note: 'a wrong answer (one read, one conditional write); baseline: one bare GetItem on the same dynalite',
      },
      {
        section: 'Warm handler time (in process)',
        name: 'create-auth-challenge (state table and SES on loopback)',
        unit: 'ms',
        value: summarize(toMs(createSamples)),
        baseline: summarize(toMs(sesSamples)),
        note: 'one read, one conditional write, one send; baseline: one bare SES SendEmail to the same sink',
      },
    ];
  } finally {
    await sink.stop();
    await dynalite.stop();
  }
}
