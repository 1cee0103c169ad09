import { SendEmailCommand, SESClient } from '@aws-sdk/client-ses';
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
 * Warm handler time in this process: define and verify over many calls
 * against a do-nothing async handler in the same loop (blocks interleaved),
 * and create sending through SES on loopback against a bare SES send.
 */
export async function measureWarmHandlers(root: string, calls = 100_000, createCalls = 300): Promise<BenchResult[]> {
  const sink = await startSesSink();
  Object.assign(process.env, {
    EMAIL_FROM: 'sign-in@example.com',
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
    AWS_ENDPOINT_URL_SES: sink.endpoint,
  });
  try {
    const define = await load(root, 'define-auth-challenge');
    const create = await load(root, 'create-auth-challenge');
    const verify = await load(root, 'verify-auth-challenge');
    const noop: Handler = async (event) => ({ ...(event as object), response: {} });
    const digits = [...'482913'].map(Number);
    const { response } = await createChallenge(
      { challengeName: 'CUSTOM_CHALLENGE', session: [], userNotFound: false, userAttributes: attributes },
      { MAX_CODE_ATTEMPTS: 3, CODE_LENGTH: 6, CODE_TTL_SECONDS: 900 },
      { now: Date.now, random: { randomInt: () => digits.shift() ?? 0, randomBytes }, sendCode: async () => undefined },
    );
    const session = [{ challengeName: 'CUSTOM_CHALLENGE', challengeResult: false, challengeMetadata: response.challengeMetadata }];
    const defineEvent = () => ({ ...baseEvent, triggerSource: 'DefineAuthChallenge_Authentication', request: { userAttributes: attributes, session, userNotFound: false }, response: {} });
    let n = 0;
    const verifyEvent = () => ({
      ...baseEvent,
      triggerSource: 'VerifyAuthChallengeResponse_Authentication',
      request: { userAttributes: attributes, privateChallengeParameters: response.privateChallengeParameters, challengeAnswer: n++ % 2 ? '482913' : '482914', userNotFound: false },
      response: {},
    });

    const samples = { baseline: new Samples(calls + 1_000), define: new Samples(calls + 1_000), verify: new Samples(calls + 1_000) };
    const BLOCK = 1_000;
    await withQuietStdout(async () => {
      for (let done = 0; done < calls; done += BLOCK) {
        await timeCalls(noop, defineEvent, BLOCK, samples.baseline);
        await timeCalls(define, defineEvent, BLOCK, samples.define);
        await timeCalls(verify, verifyEvent, BLOCK, samples.verify);
      }
    });
    const baseline = summarize(samples.baseline.toArray());
    const warm = (name: string, values: Samples): BenchResult => {
      const summary = summarize(values.toArray());
      return { section: 'Warm handler time (in process)', name, unit: 'µs', value: summary, baseline, budget: 'p99 ≤ 50', withinBudget: summary.p99 <= 50 };
    };

    const ses = new SESClient({});
    const sendAlone = () =>
      ses.send(new SendEmailCommand({ Source: 'sign-in@example.com', Destination: { ToAddresses: ['bench@example.com'] }, Message: { Subject: { Data: 'x' }, Body: { Text: { Data: 'x' } } } }));
    const createEvent = () => ({ ...baseEvent, triggerSource: 'CreateAuthChallenge_Authentication', request: { userAttributes: attributes, challengeName: 'CUSTOM_CHALLENGE', session: [], userNotFound: false }, response: {} });
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
      warm('verify-auth-challenge', samples.verify),
      {
        section: 'Warm handler time (in process)',
        name: 'create-auth-challenge (SES on loopback)',
        unit: 'ms',
        value: summarize(toMs(createSamples)),
        baseline: summarize(toMs(sesSamples)),
        note: 'baseline: one bare SES SendEmail to the same sink',
      },
    ];
  } finally {
    await sink.stop();
  }
}
