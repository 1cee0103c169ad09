import * as v from 'valibot';
import { InvalidLambdaResponseException, UnexpectedLambdaException, UserLambdaValidationException } from '../errors';
import type { SessionEntry } from '../state/sessions';

/** A deployed Lambda function as Cognito sees it (the port the lambda-runner fills). */
export interface TriggerFunction {
  invoke(event: unknown): Promise<unknown>;
}

export interface TriggerFunctions {
  readonly define: TriggerFunction;
  readonly create: TriggerFunction;
  readonly verify: TriggerFunction;
}

/** Who a round is about: the same for the three triggers of one call. */
export interface TriggerCaller {
  readonly userName: string;
  readonly clientId: string;
  /** `{}` for an unknown user, as Cognito sends. */
  readonly userAttributes: Readonly<Record<string, string>>;
  readonly userNotFound: boolean;
}

export interface DefineDecision {
  readonly challengeName: string | undefined;
  readonly issueTokens: boolean;
  readonly failAuthentication: boolean;
}

export interface CreatedChallenge {
  readonly publicChallengeParameters: Readonly<Record<string, string>>;
  readonly privateChallengeParameters: Readonly<Record<string, string>>;
  readonly challengeMetadata: string | null;
}

type TriggerKind = keyof TriggerFunctions;

/** The trigger names Cognito puts in its error messages. */
const TRIGGER_NAMES: Record<TriggerKind, string> = {
  define: 'DefineAuthChallenge',
  create: 'CreateAuthChallenge',
  verify: 'VerifyAuthChallengeResponse',
};

const TRIGGER_SOURCES: Record<TriggerKind, string> = {
  define: 'DefineAuthChallenge_Authentication',
  create: 'CreateAuthChallenge_Authentication',
  verify: 'VerifyAuthChallengeResponse_Authentication',
};

/** Cognito pre-fills `response` with nulls before calling a trigger. */
const EMPTY_RESPONSES: Record<TriggerKind, Record<string, null>> = {
  define: { challengeName: null, issueTokens: null, failAuthentication: null },
  create: { publicChallengeParameters: null, privateChallengeParameters: null, challengeMetadata: null },
  verify: { answerCorrect: null },
};

const StringMap = v.record(v.string(), v.string());
const Output = <T extends v.GenericSchema>(response: T) => v.looseObject({ response });
const DefineOutput = Output(
  v.looseObject({
    challengeName: v.nullish(v.string()),
    issueTokens: v.nullish(v.boolean()),
    failAuthentication: v.nullish(v.boolean()),
  }),
);
const CreateOutput = Output(
  v.looseObject({
    publicChallengeParameters: v.nullish(StringMap),
    privateChallengeParameters: v.nullish(StringMap),
    challengeMetadata: v.nullish(v.string()),
  }),
);
const VerifyOutput = Output(v.looseObject({ answerCorrect: v.nullish(v.boolean()) }));

export const unrecognizableOutput = () => new InvalidLambdaResponseException('Unrecognizable lambda output');

/**
 * Calls the three challenge triggers the way Cognito does: its event shape
 * and `triggerSource`, `response` pre-filled with nulls, `clientMetadata`
 * only when the caller passes it, and Cognito's errors when a function
 * throws, times out or answers something Cognito cannot read.
 */
export class CognitoTriggers {
  constructor(
    private readonly functions: TriggerFunctions,
    private readonly pool: { readonly region: string; readonly userPoolId: string },
  ) {}

  async define(caller: TriggerCaller, session: readonly SessionEntry[], clientMetadata?: Record<string, string>): Promise<DefineDecision> {
    const { response } = await this.call('define', DefineOutput, caller, { session, ...metadata(clientMetadata) });
    return {
      challengeName: response.challengeName ?? undefined,
      issueTokens: response.issueTokens === true,
      failAuthentication: response.failAuthentication === true,
    };
  }

  async create(
    caller: TriggerCaller,
    challengeName: string,
    session: readonly SessionEntry[],
    clientMetadata?: Record<string, string>,
  ): Promise<CreatedChallenge> {
    const { response } = await this.call('create', CreateOutput, caller, { challengeName, session, ...metadata(clientMetadata) });
    return {
      publicChallengeParameters: response.publicChallengeParameters ?? {},
      privateChallengeParameters: response.privateChallengeParameters ?? {},
      challengeMetadata: response.challengeMetadata ?? null,
    };
  }

  async verify(
    caller: TriggerCaller,
    privateChallengeParameters: Readonly<Record<string, string>>,
    challengeAnswer: string,
    clientMetadata?: Record<string, string>,
  ): Promise<boolean> {
    const { response } = await this.call('verify', VerifyOutput, caller, {
      privateChallengeParameters,
      challengeAnswer,
      ...metadata(clientMetadata),
    });
    return response.answerCorrect === true;
  }

  private async call<S extends v.GenericSchema>(
    kind: TriggerKind,
    schema: S,
    caller: TriggerCaller,
    request: Record<string, unknown>,
  ): Promise<v.InferOutput<S>> {
    const event = {
      version: '1',
      region: this.pool.region,
      userPoolId: this.pool.userPoolId,
      userName: caller.userName,
      callerContext: { awsSdkVersion: 'aws-sdk-unknown-unknown', clientId: caller.clientId },
      triggerSource: TRIGGER_SOURCES[kind],
      request: { userAttributes: caller.userAttributes, ...request, userNotFound: caller.userNotFound },
      response: { ...EMPTY_RESPONSES[kind] },
    };
    let output: unknown;
    try {
      output = await this.functions[kind].invoke(event);
    } catch (error) {
      throw invocationFailure(TRIGGER_NAMES[kind], error);
    }
    const parsed = v.safeParse(schema, output);
    if (!parsed.success) throw unrecognizableOutput();
    return parsed.output;
  }
}

function metadata(clientMetadata: Record<string, string> | undefined): { clientMetadata?: Record<string, string> } {
  return clientMetadata === undefined ? {} : { clientMetadata };
}

/**
 * Cognito's answer to a failed invocation: the function's error message for
 * an error it raised (or a crash), and `UnexpectedLambdaException` when
 * Cognito's own 5-second wait ran out (best guess from observed messages).
 */
function invocationFailure(triggerName: string, error: unknown): UnexpectedLambdaException | UserLambdaValidationException {
  const failure = error as { kind?: unknown; errorMessage?: unknown; message?: unknown };
  if (failure?.kind === 'timeout') {
    return new UnexpectedLambdaException(
      `${triggerName} invocation failed due to error Socket timeout while invoking Lambda function.`,
    );
  }
  const message = typeof failure?.errorMessage === 'string' ? failure.errorMessage : String(failure?.message ?? error);
  return new UserLambdaValidationException(`${triggerName} failed with error ${message}.`, { cause: error });
}
