import type { LambdaFunction } from '@cognito-passwordless/lambda-runner';

/**
 * Plays Cognito's part of the CUSTOM_AUTH loop around the three functions,
 * as the shared contract describes it: Define decides, Create builds the
 * challenge, Verify checks the answer, and the result is appended to the
 * session with Create's challengeMetadata before Define runs again.
 */
export interface SessionEntry {
  challengeName: string;
  challengeResult: boolean;
  challengeMetadata: string | null;
}

export interface User {
  readonly userName: string;
  readonly userAttributes: Record<string, string>;
  readonly userNotFound: boolean;
}

export const KNOWN_USER: User = {
  userName: 'jane.doe@example.com',
  userAttributes: {
    sub: '7d5e9b8a-1c2f-4a6b-8e3d-2f1a0c9b8e7d',
    email: 'jane.doe@example.com',
    email_verified: 'true',
    'cognito:user_status': 'CONFIRMED',
  },
  userNotFound: false,
};

export const UNKNOWN_USER: User = { userName: 'nobody@example.com', userAttributes: {}, userNotFound: true };

const base = (user: User, triggerSource: string) => ({
  version: '1',
  region: 'us-east-1',
  userPoolId: 'us-east-1_Example01',
  userName: user.userName,
  callerContext: { awsSdkVersion: 'aws-sdk-unknown-unknown', clientId: '5example0client0id0000000a' },
  triggerSource,
});

export type Step =
  | { kind: 'challenge'; publicChallengeParameters: Record<string, string>; private: Record<string, string>; metadata: string }
  | { kind: 'password-verifier' }
  | { kind: 'tokens' }
  | { kind: 'fail' };

export class CognitoRounds {
  readonly session: SessionEntry[] = [];

  constructor(
    private readonly functions: { define: LambdaFunction; create: LambdaFunction; verify: LambdaFunction },
    private readonly user: User,
  ) {}

  /** InitiateAuth: with `srp`, the client sent SRP_A first. */
  async start(options: { srp?: boolean } = {}): Promise<Step> {
    if (options.srp) this.session.push({ challengeName: 'SRP_A', challengeResult: true, challengeMetadata: null });
    return this.next();
  }

  /** Cognito's own SRP check, with its result. */
  async passwordChecked(result: boolean): Promise<Step> {
    this.session.push({ challengeName: 'PASSWORD_VERIFIER', challengeResult: result, challengeMetadata: null });
    return this.next();
  }

  /** RespondToAuthChallenge; Cognito hands its `clientMetadata` to Verify, Define and Create of this round. */
  async answer(step: Step, challengeAnswer: string, clientMetadata: Record<string, string> = {}): Promise<Step> {
    if (step.kind !== 'challenge') throw new Error(`cannot answer a ${step.kind} step`);
    const verified = (await this.functions.verify.invoke({
      ...base(this.user, 'VerifyAuthChallengeResponse_Authentication'),
      request: {
        userAttributes: this.user.userAttributes,
        privateChallengeParameters: step.private,
        challengeAnswer,
        clientMetadata,
        userNotFound: this.user.userNotFound,
      },
      response: { answerCorrect: null },
    })) as { response: { answerCorrect: boolean } };
    this.session.push({ challengeName: 'CUSTOM_CHALLENGE', challengeResult: verified.response.answerCorrect, challengeMetadata: step.metadata });
    return this.next(clientMetadata);
  }

  private async next(clientMetadata?: Record<string, string>): Promise<Step> {
    const metadata = clientMetadata ? { clientMetadata } : {};
    const defined = (await this.functions.define.invoke({
      ...base(this.user, 'DefineAuthChallenge_Authentication'),
      request: { userAttributes: this.user.userAttributes, session: structuredClone(this.session), userNotFound: this.user.userNotFound, ...metadata },
      response: { challengeName: null, issueTokens: null, failAuthentication: null },
    })) as { response: { challengeName?: string; issueTokens: boolean; failAuthentication: boolean } };
    const { response } = defined;
    if (response.issueTokens && response.failAuthentication) throw new Error('Define answered both issueTokens and failAuthentication');
    if (response.issueTokens) return { kind: 'tokens' };
    if (response.failAuthentication) return { kind: 'fail' };
    if (response.challengeName === 'PASSWORD_VERIFIER') return { kind: 'password-verifier' };
    if (response.challengeName !== 'CUSTOM_CHALLENGE') throw new Error(`unexpected challenge ${response.challengeName}`);
    const created = (await this.functions.create.invoke({
      ...base(this.user, 'CreateAuthChallenge_Authentication'),
      request: {
        userAttributes: this.user.userAttributes,
        challengeName: 'CUSTOM_CHALLENGE',
        session: structuredClone(this.session),
        userNotFound: this.user.userNotFound,
        ...metadata,
      },
      response: { publicChallengeParameters: null, privateChallengeParameters: null, challengeMetadata: null },
    })) as { response: { publicChallengeParameters: Record<string, string>; privateChallengeParameters: Record<string, string>; challengeMetadata: string } };
    return {
      kind: 'challenge',
      publicChallengeParameters: created.response.publicChallengeParameters,
      private: created.response.privateChallengeParameters,
      metadata: created.response.challengeMetadata,
    };
  }
}
