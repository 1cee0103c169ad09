import { TRIGGER_BUNDLE_FILE, TRIGGER_NAMES, triggerBundlePath, type TriggerName } from '@cognito-passwordless/contract';
import { LOCAL_CREDENTIALS, startDynalite } from '@cognito-passwordless/dynamodb-local';
import { LambdaFunction } from '@cognito-passwordless/lambda-runner';
import { closedPort, startSesSink, type SesSink } from '@cognito-passwordless/ses-sink';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { EnvironmentConfig } from '../../src/config/environment-config.schema.js';
import { triggerEnvironment } from '../../src/lambda/trigger-environment.js';

const WORKSPACE_ROOT = resolve(__dirname, '..', '..', '..');
const BUILD_COMMAND = `npx nx run-many -t build -p ${TRIGGER_NAMES.join(' ')}`;
/** The SIGN_IN_STATE_TABLE the functions get, as the stack would name it for this environment. */
const STATE_TABLE_NAME = 'cognito-passwordless-dev-sign-in-state';

/**
 * The sign-ins driven through the built bundles. Each one is a session as
 * Cognito runs it (Define → Create → Verify → Define …), so the lines it
 * leaves are the lines one sign-in attempt writes to CloudWatch Logs.
 */
export const SCENARIOS = [
  'passwordless sign-in',
  'passwordless sign-in opened with SRP_A',
  'sign-in after one wrong code',
  'attempts used up (wrong, malformed, wrong)',
  'answer after the code expired',
  'unknown user',
  'unknown user opened with SRP_A',
  'known user without a verified email',
  'email delivery failure',
  'password-then-code sign-in',
  'password-then-code, wrong password',
  'password-then-code, unknown user',
  'malformed events',
  'code emails per hour used up',
  'wrong answers per day used up',
  'state table unreachable',
] as const;
export type Scenario = (typeof SCENARIOS)[number];

/** One line as CloudWatch Logs receives it, and the function (so the log group) that wrote it. */
export interface LogLine {
  readonly trigger: TriggerName;
  readonly line: string;
}

export type CapturedLines = ReadonlyMap<Scenario, readonly LogLine[]>;

interface SessionEntry {
  challengeName: string;
  challengeResult: boolean;
  challengeMetadata: string | null;
}

interface Challenge {
  readonly metadata: string;
  readonly privateParameters: Record<string, string>;
}

type Step = { kind: 'challenge'; challenge: Challenge } | { kind: 'password-verifier' } | { kind: 'tokens' } | { kind: 'fail' };

interface UserFixture {
  readonly userName: string;
  readonly userAttributes: Record<string, string>;
  readonly userNotFound: boolean;
}

const KNOWN_USER: UserFixture = {
  userName: 'jane.doe@example.com',
  userAttributes: { sub: '7d5e9b8a-1c2f-4a6b-8e3d-2f1a0c9b8e7d', email: 'jane.doe@example.com', email_verified: 'true' },
  userNotFound: false,
};
const UNVERIFIED_USER: UserFixture = {
  userName: 'sam.roe@example.com',
  userAttributes: { sub: '0b1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d', email: 'sam.roe@example.com', email_verified: 'false' },
  userNotFound: false,
};
const UNKNOWN_USER: UserFixture = { userName: 'nobody@example.com', userAttributes: {}, userNotFound: true };
/** Users of their own for the limit scenarios, so the other scenarios' sign-ins do not count against them. */
const HOURLY_CAPPED_USER: UserFixture = {
  userName: 'hour.cap@example.com',
  userAttributes: { sub: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d', email: 'hour.cap@example.com', email_verified: 'true' },
  userNotFound: false,
};
const DAILY_CAPPED_USER: UserFixture = {
  userName: 'day.cap@example.com',
  userAttributes: { sub: '5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a', email: 'day.cap@example.com', email_verified: 'true' },
  userNotFound: false,
};

interface Functions {
  readonly define: LambdaFunction;
  readonly create: LambdaFunction;
  readonly verify: LambdaFunction;
}

/** Plays Cognito's side of the CUSTOM_AUTH loop (docs/cognito-custom-auth.md, "One sign-in, step by step"). */
class Session {
  private readonly entries: SessionEntry[] = [];

  constructor(
    private readonly fns: Functions,
    private readonly user: UserFixture,
  ) {}

  async start(options: { srp?: boolean } = {}): Promise<Step> {
    if (options.srp === true) this.entries.push({ challengeName: 'SRP_A', challengeResult: true, challengeMetadata: null });
    return this.next();
  }

  async passwordChecked(result: boolean): Promise<Step> {
    this.entries.push({ challengeName: 'PASSWORD_VERIFIER', challengeResult: result, challengeMetadata: null });
    return this.next();
  }

  /** `later` stands in for the functions of this round (Verify) and the next (Define, Create), e.g. after the code expired. */
  async answer(step: Step, answer: string, later: Partial<Functions> = {}): Promise<Step> {
    if (step.kind !== 'challenge') throw new Error(`cannot answer a ${step.kind} step`);
    const verified = (await (later.verify ?? this.fns.verify).invoke({
      ...this.event('VerifyAuthChallengeResponse_Authentication'),
      request: {
        userAttributes: this.user.userAttributes,
        privateChallengeParameters: step.challenge.privateParameters,
        challengeAnswer: answer,
        clientMetadata: {},
        userNotFound: this.user.userNotFound,
      },
      response: { answerCorrect: null },
    })) as { response: { answerCorrect: boolean } };
    this.entries.push({
      challengeName: 'CUSTOM_CHALLENGE',
      challengeResult: verified.response.answerCorrect,
      challengeMetadata: step.challenge.metadata,
    });
    return this.next(later);
  }

  private async next(later: Partial<Functions> = {}): Promise<Step> {
    const fns = { ...this.fns, ...later };
    const defined = (await fns.define.invoke({
      ...this.event('DefineAuthChallenge_Authentication'),
      request: { userAttributes: this.user.userAttributes, session: structuredClone(this.entries), userNotFound: this.user.userNotFound },
      response: {},
    })) as { response: { challengeName?: string; issueTokens: boolean; failAuthentication: boolean } };
    const { response } = defined;
    if (response.issueTokens) return { kind: 'tokens' };
    if (response.failAuthentication) return { kind: 'fail' };
    if (response.challengeName === 'PASSWORD_VERIFIER') return { kind: 'password-verifier' };
    const created = (await fns.create.invoke({
      ...this.event('CreateAuthChallenge_Authentication'),
      request: {
        userAttributes: this.user.userAttributes,
        challengeName: 'CUSTOM_CHALLENGE',
        session: structuredClone(this.entries),
        userNotFound: this.user.userNotFound,
      },
      response: {},
    })) as { response: { privateChallengeParameters: Record<string, string>; challengeMetadata: string } };
    return {
      kind: 'challenge',
      challenge: { metadata: created.response.challengeMetadata, privateParameters: created.response.privateChallengeParameters },
    };
  }

  private event(triggerSource: string) {
    return {
      version: '1',
      region: 'eu-west-1',
      userPoolId: 'eu-west-1_Example01',
      userName: this.user.userName,
      callerContext: { awsSdkVersion: 'aws-sdk-unknown-unknown', clientId: '5example0client0id0000000a' },
      triggerSource,
    };
  }
}

/** The 6-10 digit code in the text body of the last email the sink caught. */
async function lastCode(sink: SesSink): Promise<string> {
  const code = (await sink.emails()).at(-1)?.body.text?.match(/\b\d{6,10}\b/)?.[0];
  if (code === undefined) throw new Error('no code email was captured');
  return code;
}

const wrong = (code: string) => code.replace(/^./, (digit) => String((Number(digit) + 1) % 10));

async function expectKind(step: Promise<Step>, kind: Step['kind']): Promise<Step> {
  const settled = await step;
  if (settled.kind !== kind) throw new Error(`expected a ${kind} step, got ${settled.kind}`);
  return settled;
}

/**
 * Runs the real trigger bundles (`dist/apps/<trigger>/index.mjs`, copied into
 * an empty folder) as Lambda functions with the environment the stack gives
 * them in `config`, drives every scenario through them, and returns the log
 * lines (stdout and stderr, as CloudWatch Logs receives them) each scenario
 * wrote. Nothing is hand-written: a change in what the triggers log shows up
 * here.
 */
export async function captureTriggerLogLines(config: EnvironmentConfig): Promise<CapturedLines> {
  for (const trigger of TRIGGER_NAMES) {
    const bundle = join(WORKSPACE_ROOT, triggerBundlePath(trigger));
    if (!existsSync(bundle)) throw new Error(`${bundle} is missing: run "${BUILD_COMMAND}" first`);
  }
  const dir = mkdtempSync(join(tmpdir(), 'trigger-logs-'));
  for (const trigger of TRIGGER_NAMES) {
    mkdirSync(join(dir, trigger));
    copyFileSync(join(WORKSPACE_ROOT, triggerBundlePath(trigger)), join(dir, trigger, TRIGGER_BUNDLE_FILE));
  }

  let current: LogLine[] = [];
  const started: LambdaFunction[] = [];
  // Nothing here may reach AWS: the state table is a local dynalite, and every SDK call is pointed at 127.0.0.1.
  const dynalite = await startDynalite({ cwd: WORKSPACE_ROOT });
  const start = (trigger: TriggerName, env: Record<string, string> = {}) => {
    const fn = new LambdaFunction({
      name: trigger,
      bundlePath: join(dir, trigger, TRIGGER_BUNDLE_FILE),
      env: {
        AWS_LAMBDA_LOG_LEVEL: config.lambda.logLevel,
        ...triggerEnvironment(trigger, config, { stateTableName: STATE_TABLE_NAME }),
        AWS_REGION: config.region,
        AWS_ACCESS_KEY_ID: LOCAL_CREDENTIALS.accessKeyId,
        AWS_SECRET_ACCESS_KEY: LOCAL_CREDENTIALS.secretAccessKey,
        AWS_ENDPOINT_URL_DYNAMODB: dynalite.endpoint,
        // The known user signs in once per scenario; only the limit scenarios are about the per-user caps.
        MAX_CODES_PER_HOUR: '100',
        ...env,
      },
      timeoutMs: 5_000,
      onLogLine: (line) => {
        if (line.trim() !== '') current.push({ trigger, line });
      },
    });
    started.push(fn);
    return fn;
  };

  const sink = await startSesSink().catch(async (error: unknown) => {
    await dynalite.stop();
    throw error;
  });
  try {
    await dynalite.createStateTable(STATE_TABLE_NAME);
    const ses = (endpoint: string) => ({
      AWS_REGION: config.region,
      AWS_ACCESS_KEY_ID: 'local',
      AWS_SECRET_ACCESS_KEY: 'local',
      AWS_ENDPOINT_URL_SES: endpoint,
    });
    writeClockOffset(join(dir, 'clock-offset.cjs'), (config.signIn.codeTtlSeconds + 1) * 1000);
    const later = { NODE_OPTIONS: `--require ${join(dir, 'clock-offset.cjs')}` };

    const fns: Functions = {
      define: start('define-auth-challenge'),
      create: start('create-auth-challenge', ses(sink.endpoint)),
      verify: start('verify-auth-challenge'),
    };
    const passwordThenCode: Functions = { ...fns, define: start('define-auth-challenge', { SIGN_IN_FLOW: 'password-then-code' }) };
    const afterExpiry: Partial<Functions> = {
      create: start('create-auth-challenge', { ...ses(sink.endpoint), ...later }),
      verify: start('verify-auth-challenge', later),
    };
    const createWithoutSes = start('create-auth-challenge', ses(await closedPort()));
    const hourlyCapped: Functions = { ...fns, create: start('create-auth-challenge', { ...ses(sink.endpoint), MAX_CODES_PER_HOUR: '1' }) };
    const dailyCapped: Functions = { ...fns, verify: start('verify-auth-challenge', { MAX_FAILED_ANSWERS_PER_DAY: '1' }) };
    const withoutStateTable: Functions = {
      ...fns,
      create: start('create-auth-challenge', { ...ses(sink.endpoint), AWS_ENDPOINT_URL_DYNAMODB: await closedPort() }),
    };

    const scenarios: Record<Scenario, () => Promise<unknown>> = {
      'passwordless sign-in': async () => {
        const session = new Session(fns, KNOWN_USER);
        const first = await expectKind(session.start(), 'challenge');
        await expectKind(session.answer(first, await lastCode(sink)), 'tokens');
      },
      'passwordless sign-in opened with SRP_A': async () => {
        const session = new Session(fns, KNOWN_USER);
        const first = await expectKind(session.start({ srp: true }), 'challenge');
        await expectKind(session.answer(first, await lastCode(sink)), 'tokens');
      },
      'sign-in after one wrong code': async () => {
        const session = new Session(fns, KNOWN_USER);
        const first = await expectKind(session.start(), 'challenge');
        const code = await lastCode(sink);
        const second = await expectKind(session.answer(first, wrong(code)), 'challenge');
        await expectKind(session.answer(second, code), 'tokens');
      },
      'attempts used up (wrong, malformed, wrong)': async () => {
        const session = new Session(fns, KNOWN_USER);
        const first = await expectKind(session.start(), 'challenge');
        const code = await lastCode(sink);
        let step = await expectKind(session.answer(first, wrong(code)), 'challenge');
        step = await expectKind(session.answer(step, 'not a code'), 'challenge');
        await expectKind(session.answer(step, wrong(wrong(code))), 'fail');
      },
      'answer after the code expired': async () => {
        const session = new Session(fns, KNOWN_USER);
        const first = await expectKind(session.start(), 'challenge');
        await expectKind(session.answer(first, await lastCode(sink), afterExpiry), 'challenge');
      },
      'unknown user': async () => {
        const session = new Session(fns, UNKNOWN_USER);
        let step = await expectKind(session.start(), 'challenge');
        step = await expectKind(session.answer(step, '000000'), 'challenge');
        step = await expectKind(session.answer(step, '111111'), 'challenge');
        await expectKind(session.answer(step, '222222'), 'fail');
      },
      'unknown user opened with SRP_A': async () => {
        const session = new Session(fns, UNKNOWN_USER);
        const step = await expectKind(session.start({ srp: true }), 'challenge');
        await expectKind(session.answer(step, '000000'), 'challenge');
      },
      'known user without a verified email': async () => {
        const session = new Session(fns, UNVERIFIED_USER);
        const step = await expectKind(session.start(), 'challenge');
        await expectKind(session.answer(step, '000000'), 'challenge');
      },
      'email delivery failure': async () => {
        const session = new Session({ ...fns, create: createWithoutSes }, KNOWN_USER);
        const failed = await session.start().then(
          () => false,
          () => true,
        );
        if (!failed) throw new Error('the create function returned a challenge without SES');
      },
      'password-then-code sign-in': async () => {
        const session = new Session(passwordThenCode, KNOWN_USER);
        await expectKind(session.start({ srp: true }), 'password-verifier');
        const first = await expectKind(session.passwordChecked(true), 'challenge');
        await expectKind(session.answer(first, await lastCode(sink)), 'tokens');
      },
      'password-then-code, wrong password': async () => {
        const session = new Session(passwordThenCode, KNOWN_USER);
        await expectKind(session.start({ srp: true }), 'password-verifier');
        await expectKind(session.passwordChecked(false), 'fail');
      },
      'password-then-code, unknown user': async () => {
        const session = new Session(passwordThenCode, UNKNOWN_USER);
        await expectKind(session.start({ srp: true }), 'password-verifier');
        await expectKind(session.passwordChecked(false), 'fail');
      },
      'code emails per hour used up': async () => {
        await expectKind(new Session(hourlyCapped, HOURLY_CAPPED_USER).start(), 'challenge');
        await expectFailure(new Session(hourlyCapped, HOURLY_CAPPED_USER).start(), 'a second code email within the hour');
      },
      'wrong answers per day used up': async () => {
        const session = new Session(dailyCapped, DAILY_CAPPED_USER);
        const first = await expectKind(session.start(), 'challenge');
        const code = await lastCode(sink);
        const second = await expectKind(session.answer(first, wrong(code)), 'challenge');
        // The daily limit is reached: even the right code is refused now.
        await expectKind(session.answer(second, code), 'challenge');
      },
      'state table unreachable': async () => {
        await expectFailure(new Session(withoutStateTable, KNOWN_USER).start(), 'a sign-in without its state table');
      },
      'malformed events': async () => {
        await fns.define.invoke({ triggerSource: 'DefineAuthChallenge_Authentication', request: { session: 'nope' } });
        await fns.create.invoke({ triggerSource: 'CreateAuthChallenge_Authentication', request: {} });
        await fns.verify.invoke({ triggerSource: 'VerifyAuthChallengeResponse_Authentication', request: {} });
      },
    };

    const captured = new Map<Scenario, readonly LogLine[]>();
    for (const scenario of SCENARIOS) {
      current = [];
      await scenarios[scenario]();
      captured.set(scenario, current);
    }
    return captured;
  } finally {
    await Promise.all(started.map((fn) => fn.stop()));
    await sink.stop();
    await dynalite.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A step that must fail (the trigger throws, so Cognito answers an error). */
async function expectFailure(step: Promise<unknown>, what: string): Promise<void> {
  const failed = await step.then(
    () => false,
    () => true,
  );
  if (!failed) throw new Error(`${what} was not refused`);
}

/** A preload that moves Date.now forward: a function started with it behaves as it would once the code has expired. */
function writeClockOffset(path: string, offsetMs: number): void {
  writeFileSync(path, `const now = Date.now; Date.now = () => now() + ${offsetMs};\n`);
}
