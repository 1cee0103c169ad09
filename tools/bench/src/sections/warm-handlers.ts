import { GetItemCommand } from '@aws-sdk/client-dynamodb';
import { SendEmailCommand, SESClient } from '@aws-sdk/client-ses';
import type { TriggerName } from '@cognito-passwordless/contract';
import { startDynalite } from '@cognito-passwordless/dynamodb-local';
import { CleanupStack, startTogether } from '@cognito-passwordless/local-stack';
import { createDynamoDbClient, createDynamoDbStateStore } from '@cognito-passwordless/sign-in-state-store';
import { createChallenge, type SignInStateStore } from '@cognito-passwordless/trigger-core';
import { startSesSink } from '@cognito-passwordless/ses-sink';
import { randomBytes } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { withQuietStdout } from '../quiet-stdout';
import type { BenchResult } from '../result';
import { summarize } from '../statistics';
import { bundlePath } from '@cognito-passwordless/trigger-bundles';

type Handler = (event: unknown) => Promise<unknown>;

const SECTION = 'Warm handler time (in process)';
const TABLE = 'sign-in-state';
/** A fresh username every this many calls keeps the per-user limits (100 an hour, 100 a day) out of the way. */
const CALLS_PER_USER = 90;

const load = async (root: string, trigger: TriggerName): Promise<Handler> =>
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
  toMs(): number[] {
    return this.toArray().map((us) => us / 1000);
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
  const cleanups = new CleanupStack("the bench's SES sink and dynalite");
  let results: BenchResult[];
  try {
    await startServices(cleanups);
    const define = await load(root, 'define-auth-challenge');
    const create = await load(root, 'create-auth-challenge');
    const verify = await load(root, 'verify-auth-challenge');
    const store = createDynamoDbStateStore(createDynamoDbClient(), { SIGN_IN_STATE_TABLE: TABLE });
    results = [await measureDefine(define, store, calls), await measureVerify(verify, store, createCalls), await measureCreate(create, createCalls)];
  } catch (error) {
    return cleanups.unwind(error);
  }
  await cleanups.dispose();
  return results;
}

/** The SES sink and dynalite with the state table, and the environment the bundles read at load; each registered on `cleanups`. */
async function startServices(cleanups: CleanupStack): Promise<void> {
  const [sink, dynalite] = await startTogether([
    startSesSink().then((started) => {
      cleanups.defer('ses sink', () => started.stop());
      return started;
    }),
    startDynalite().then((started) => {
      cleanups.defer('dynalite', () => started.stop());
      return started;
    }),
  ]);
  await dynalite.createStateTable(TABLE);
  Object.assign(process.env, {
    EMAIL_FROM: 'sign-in@example.com',
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
    AWS_ENDPOINT_URL_SES: sink.endpoint,
    AWS_ENDPOINT_URL_DYNAMODB: dynalite.endpoint,
    SIGN_IN_STATE_TABLE: TABLE,
    MAX_CODES_PER_HOUR: '100',
    // Every verify call below answers; half of them wrong.
    MAX_FAILED_ANSWERS_PER_DAY: '100',
  });
}

/** A live challenge of `userName`, written to the table as Create writes it. */
async function issueChallenge(store: SignInStateStore, userName: string) {
  const digits = [...'482913'].map(Number);
  const { response } = await createChallenge(
    { ...baseEvent, userName, request: { challengeName: 'CUSTOM_CHALLENGE', session: [], userNotFound: false, userAttributes: attributes } },
    { MAX_CODE_ATTEMPTS: 3, CODE_LENGTH: 6, CODE_TTL_SECONDS: 900, MAX_CODES_PER_HOUR: 100, MAX_FAILED_ANSWERS_PER_DAY: 100, RESEND_COOLDOWN_SECONDS: 30 },
    { now: Date.now, random: { randomInt: () => digits.shift() ?? 0, randomBytes }, sendCode: async () => undefined, store },
  );
  return response;
}

/** Define against a do-nothing async handler, in interleaved blocks of calls. */
async function measureDefine(define: Handler, store: SignInStateStore, calls: number): Promise<BenchResult> {
  const response = await issueChallenge(store, baseEvent.userName);
  const session = [{ challengeName: 'CUSTOM_CHALLENGE', challengeResult: false, challengeMetadata: response.challengeMetadata }];
  const defineEvent = () => ({ ...baseEvent, triggerSource: 'DefineAuthChallenge_Authentication', request: { userAttributes: attributes, session, userNotFound: false }, response: {} });
  const noop: Handler = async (event) => ({ ...(event as object), response: {} });
  const samples = { baseline: new Samples(calls + 1_000), define: new Samples(calls + 1_000) };
  const BLOCK = 1_000;
  await withQuietStdout(async () => {
    for (let done = 0; done < calls; done += BLOCK) {
      await timeCalls(noop, defineEvent, BLOCK, samples.baseline);
      await timeCalls(define, defineEvent, BLOCK, samples.define);
    }
  });
  const summary = summarize(samples.define.toArray());
  const name: TriggerName = 'define-auth-challenge';
  return { section: SECTION, name, unit: 'µs', value: summary, baseline: summarize(samples.baseline.toArray()), budget: 'p99 ≤ 50', withinBudget: summary.p99 <= 50 };
}

/** Verify with a wrong answer (a read and a counted write, like an attacker's attempts), against a bare GetItem. */
async function measureVerify(verify: Handler, store: SignInStateStore, calls: number): Promise<BenchResult> {
  // Each wrong answer counts towards the daily limit: a fresh user every CALLS_PER_USER calls.
  const users = await Promise.all(
    Array.from({ length: Math.ceil(calls / CALLS_PER_USER) }, async (_, b) => {
      const userName = `bench-${b}@example.com`;
      return { userName, privateChallengeParameters: (await issueChallenge(store, userName)).privateChallengeParameters };
    }),
  );
  const verifyEvent = (i: number) => {
    const user = users[Math.floor(i / CALLS_PER_USER)];
    if (user === undefined) throw new RangeError(`no bench user for call ${i}`);
    const { userName, privateChallengeParameters } = user;
    return { ...baseEvent, userName, triggerSource: 'VerifyAuthChallengeResponse_Authentication', request: { userAttributes: attributes, privateChallengeParameters, challengeAnswer: '482914', userNotFound: false }, response: {} };
  };
  const dynamodb = createDynamoDbClient();
  const getAlone = () => dynamodb.send(new GetItemCommand({ TableName: TABLE, Key: { pk: { S: 'bench' } }, ConsistentRead: true }));
  return {
    name: 'verify-auth-challenge (state table on loopback)',
    ...(await timeAgainstBareCall(verify, verifyEvent, getAlone, calls)),
    note: 'a wrong answer (one read, one conditional write); baseline: one bare GetItem on the same dynalite',
  };
}

/** Create (a read, a conditional write, a send) against a bare SES SendEmail to the same sink. */
async function measureCreate(create: Handler, calls: number): Promise<BenchResult> {
  const ses = new SESClient({});
  const sendAlone = () =>
    ses.send(new SendEmailCommand({ Source: 'sign-in@example.com', Destination: { ToAddresses: ['bench@example.com'] }, Message: { Subject: { Data: 'x' }, Body: { Text: { Data: 'x' } } } }));
  let createCount = 0;
  // A fresh username every CALLS_PER_USER sign-ins keeps MAX_CODES_PER_HOUR (100) out of the way.
  const createEvent = () => ({ ...baseEvent, userName: `create-${Math.floor(createCount++ / CALLS_PER_USER)}@example.com`, triggerSource: 'CreateAuthChallenge_Authentication', request: { userAttributes: attributes, challengeName: 'CUSTOM_CHALLENGE', session: [], userNotFound: false }, response: {} });
  return {
    name: 'create-auth-challenge (state table and SES on loopback)',
    ...(await timeAgainstBareCall(create, createEvent, sendAlone, calls)),
    note: 'one read, one conditional write, one send; baseline: one bare SES SendEmail to the same sink',
  };
}

/** ms per call of `handler` and, interleaved call by call, of the bare call it is compared with. */
async function timeAgainstBareCall(handler: Handler, event: (i: number) => unknown, bareCall: () => Promise<unknown>, calls: number) {
  const [samples, bareSamples] = [new Samples(calls), new Samples(calls)];
  await withQuietStdout(async () => {
    for (let i = 0; i < calls; i++) {
      await timeCalls(bareCall, () => undefined, 1, bareSamples);
      await timeCalls(handler, () => event(i), 1, samples);
    }
  });
  return { section: SECTION, unit: 'ms', value: summarize(samples.toMs()), baseline: summarize(bareSamples.toMs()) } as const;
}
