import type { CognitoWire } from './cognito-wire';

/** Where codes come from: a `Mailbox` for a few clients, a `CodeCollector` for many. */
export interface CodeSource {
  /** Before InitiateAuth (a collector may hold new sign-ins back while it empties the store). */
  enter?(): Promise<void>;
  /** After `enter`, when InitiateAuth failed and no `code` call follows. */
  leave?(): void;
  code(address: string, sinceEpochSeconds: number): Promise<string>;
}

export interface SignInTarget {
  readonly wire: CognitoWire;
  readonly mailbox: CodeSource;
  readonly clientId: string;
}

export interface Tokens {
  readonly IdToken: string;
  readonly AccessToken: string;
  readonly RefreshToken?: string;
}

interface ChallengeAnswer {
  readonly ChallengeName?: string;
  readonly Session?: string;
  readonly ChallengeParameters?: Record<string, string>;
  readonly AuthenticationResult?: Tokens;
}

/**
 * One whole passwordless sign-in, as an app does it: InitiateAuth
 * (CUSTOM_AUTH, no SRP), read the code from the email, RespondToAuthChallenge.
 */
export async function passwordlessSignIn(target: SignInTarget, username: string, email: string): Promise<Tokens> {
  const startedSeconds = Date.now() / 1000 - 1;
  await target.mailbox.enter?.();
  const challenge = await target.wire
    .call<ChallengeAnswer>('InitiateAuth', { AuthFlow: 'CUSTOM_AUTH', ClientId: target.clientId, AuthParameters: { USERNAME: username } })
    .catch((error: unknown) => {
      // A refused start (a per-user limit, a store fault) sends no email: give the slot back.
      target.mailbox.leave?.();
      throw error;
    });
  if (challenge.ChallengeName !== 'CUSTOM_CHALLENGE') throw new Error(`expected CUSTOM_CHALLENGE, got ${challenge.ChallengeName}`);
  const code = await target.mailbox.code(email, startedSeconds);
  const answered = await target.wire.call<ChallengeAnswer>('RespondToAuthChallenge', {
    ClientId: target.clientId,
    ChallengeName: 'CUSTOM_CHALLENGE',
    Session: challenge.Session,
    ChallengeResponses: { USERNAME: challenge.ChallengeParameters?.['USERNAME'] ?? username, ANSWER: code },
  });
  if (!answered.AuthenticationResult) throw new Error(`expected tokens, got ${answered.ChallengeName ?? 'nothing'}`);
  return answered.AuthenticationResult;
}

/** A confirmed user with a verified email, created the admin way (no email sent). */
export async function createConfirmedUser(wire: CognitoWire, userPoolId: string, username: string, email: string, password: string): Promise<void> {
  await wire.call('AdminCreateUser', {
    UserPoolId: userPoolId,
    Username: username,
    MessageAction: 'SUPPRESS',
    UserAttributes: [
      { Name: 'email', Value: email },
      { Name: 'email_verified', Value: 'true' },
    ],
  });
  await wire.call('AdminSetUserPassword', { UserPoolId: userPoolId, Username: username, Password: password, Permanent: true });
}
