import { createHmac, randomUUID } from 'node:crypto';
// The SRP math of amazon-cognito-identity-js (the reference client of the unit tests); Amplify
// Flutter's own SRP (packages/auth/amplify_auth_cognito_dart/lib/src/flows/srp/srp_helper.dart)
// computes the same values: A = g^a mod N, x = H(salt | H(poolName | userId | ":" | password)),
// the key by HKDF with the info "Caldera Derived Key".
import AuthenticationHelper from 'amazon-cognito-identity-js/lib/AuthenticationHelper';
import BigInteger from 'amazon-cognito-identity-js/lib/BigInteger';
import DateHelper from 'amazon-cognito-identity-js/lib/DateHelper';

/**
 * A replay of what Amplify Flutter (v2, `main` of aws-amplify/amplify-flutter)
 * puts on the wire for the custom-auth sign-in, sign-up, session refresh and
 * sign-out, built from its source rather than from an SDK of ours: the
 * operation, the headers its HTTP stack adds, the body members in the order
 * its generated serializers write them, and the order of calls its state
 * machines make. Paths below are in aws-amplify/amplify-flutter.
 */

export type FlutterFlowType = 'customAuthWithoutSrp' | 'customAuthWithSrp';

/** `AuthCategoryMethod` numbers that end the user agent (packages/amplify_core/lib/src/http/amplify_category_method.dart). */
const AUTH_METHOD = { confirmSignIn: 2, confirmSignUp: 3, fetchAuthSession: 6, signIn: 15, signOut: 17, signUp: 18 } as const;
type AuthMethod = keyof typeof AUTH_METHOD;

/**
 * The user agent on Android and iOS: smithy's `WithUserAgent('aws-sdk-dart/0.3.2')`
 * (packages/smithy/smithy/lib/src/http/interceptors/common/with_user_agent.dart), then
 * `AmplifyHttpClient` appends `amplify-flutter/<version> <os>/<version> auth/<method>`
 * (packages/amplify_core/lib/src/http/amplify_http_client.dart, amplify_user_agent.dart).
 */
export function flutterUserAgent(method: AuthMethod): string {
  return `aws-sdk-dart/0.3.2 amplify-flutter/2.15.0 android/14 auth/${AUTH_METHOD[method]}`;
}

/** The ASF payload version Amplify Flutter signs (packages/auth/amplify_auth_cognito_dart/lib/src/asf/asf_worker.dart). */
const ASF_VERSION = 'FLUTTER20230306';

/** One request as it left the client, for tests that check the order of calls. */
export interface SentRequest {
  readonly operation: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Readonly<Record<string, unknown>>;
}

/** An error answer, as smithy reads it: the `__type` and `message` of the body. */
export class CognitoWireError extends Error {
  override readonly name = 'CognitoWireError';

  constructor(
    readonly type: string,
    message: string,
    readonly status: number,
  ) {
    super(`${type}: ${message}`);
  }
}

export interface FlutterTokens {
  readonly accessToken: string;
  readonly idToken: string;
  readonly refreshToken: string;
}

export type SignInStep =
  | { readonly signedIn: true; readonly tokens: FlutterTokens }
  | { readonly signedIn: false; readonly challengeName: string; readonly challengeParameters: Readonly<Record<string, string>> };

export interface FlutterPool {
  readonly endpoint: string;
  readonly userPoolId: string;
  readonly clientId: string;
}

/**
 * One app's `Amplify.Auth` with the Cognito plugin and no identity pool, no
 * device tracking, no client secret and no analytics (so no `SECRET_HASH`,
 * `DEVICE_KEY` or `AnalyticsMetadata` is sent, as in the app client infra
 * creates).
 */
export class FlutterReplayClient {
  readonly sent: SentRequest[] = [];
  private readonly deviceId = randomUUID();
  private providedUsername = '';
  private password: string | undefined;
  private session: string | undefined;
  private srp: AuthenticationHelper | undefined;
  private srpA: BigInteger | undefined;
  tokens: FlutterTokens | undefined;

  constructor(private readonly pool: FlutterPool) {}

  /** `Amplify.Auth.signUp` (lib/src/state/machines/sign_up_state_machine.dart, `onInitiate`). */
  async signUp(username: string, password: string, email: string): Promise<Record<string, unknown>> {
    return this.call('SignUp', 'signUp', {
      ClientId: this.pool.clientId,
      Username: username,
      Password: password,
      UserAttributes: [{ Name: 'email', Value: email }],
      ValidationData: [],
      UserContextData: this.userContextData(username),
      ClientMetadata: {},
    });
  }

  /** `Amplify.Auth.confirmSignUp` (sign_up_state_machine.dart, `onConfirm`). */
  async confirmSignUp(username: string, code: string): Promise<Record<string, unknown>> {
    return this.call('ConfirmSignUp', 'confirmSignUp', {
      ClientId: this.pool.clientId,
      Username: username,
      ConfirmationCode: code,
      UserContextData: this.userContextData(username),
      ClientMetadata: {},
    });
  }

  /**
   * `Amplify.Auth.signIn` with `CognitoSignInPluginOptions(authFlowType: ...)`
   * (lib/src/state/machines/sign_in_state_machine.dart: `initiateCustomAuth`,
   * `initiateSrpAuth`, `run`; a PASSWORD_VERIFIER answer is responded to at
   * once by lib/src/flows/srp/srp_password_verifier_worker.dart).
   */
  async signIn(username: string, flow: FlutterFlowType, password?: string): Promise<SignInStep> {
    // initiateCustomAuth refuses these before any request.
    if (flow === 'customAuthWithSrp' && password === undefined) throw new Error('customAuthWithSrp without a password');
    if (flow === 'customAuthWithoutSrp' && password !== undefined) throw new Error('customAuthWithoutSrp with a password');
    this.providedUsername = username;
    this.password = password;
    this.session = undefined;
    let authParameters: Record<string, string> = { USERNAME: username };
    if (flow === 'customAuthWithSrp') {
      this.srp = new AuthenticationHelper(this.pool.userPoolId.split('_')[1]!);
      this.srpA = await new Promise<BigInteger>((resolve, reject) =>
        this.srp!.getLargeAValue((error, largeA) => (error ? reject(error) : resolve(largeA))),
      );
      // Flutter sends A as unpadded hex (`publicA.toRadixString(16)`), then adds CHALLENGE_NAME.
      authParameters = { USERNAME: username, SRP_A: this.srpA.toString(16), CHALLENGE_NAME: 'SRP_A' };
    }
    const response = await this.call('InitiateAuth', 'signIn', {
      AuthFlow: 'CUSTOM_AUTH',
      ClientId: this.pool.clientId,
      AuthParameters: authParameters,
      ClientMetadata: {},
      UserContextData: this.userContextData(username),
    });
    return this.processChallenge(response, 'signIn');
  }

  /**
   * `Amplify.Auth.confirmSignIn(confirmationValue: code, options:
   * ConfirmSignInOptions(pluginOptions: CognitoConfirmSignInPluginOptions(clientMetadata: ...)))`
   * (sign_in_state_machine.dart: `createCustomAuthRequest`, `_respondToChallenge`).
   */
  async confirmSignIn(answer: string, clientMetadata: Record<string, string> = {}): Promise<SignInStep> {
    const response = await this.call('RespondToAuthChallenge', 'confirmSignIn', {
      ClientId: this.pool.clientId,
      ChallengeName: 'CUSTOM_CHALLENGE',
      Session: this.session,
      // The name typed at signIn, not the canonical USERNAME of the challenge.
      ChallengeResponses: { USERNAME: this.providedUsername, ANSWER: answer },
      UserContextData: this.userContextData(this.providedUsername),
      ClientMetadata: clientMetadata,
    });
    return this.processChallenge(response, 'confirmSignIn');
  }

  /**
   * The resend call the README documents: `Amplify.Auth.confirmSignIn(confirmationValue:
   * 'resend', options: const ConfirmSignInOptions(pluginOptions:
   * CognitoConfirmSignInPluginOptions(clientMetadata: {'action': 'resend'})))`, the
   * same RespondToAuthChallenge as an answer, with that ClientMetadata.
   */
  resendCode(): Promise<SignInStep> {
    return this.confirmSignIn('resend', { action: 'resend' });
  }

  /**
   * `Amplify.Auth.fetchAuthSession` once the tokens are due (or with
   * `forceRefresh`): GetTokensFromRefreshToken, since 2.7
   * (lib/src/state/machines/fetch_auth_session_state_machine.dart, `_refreshUserPoolTokens`).
   */
  async fetchAuthSession(): Promise<FlutterTokens> {
    const current = this.requireTokens();
    const response = await this.call('GetTokensFromRefreshToken', 'fetchAuthSession', {
      RefreshToken: current.refreshToken,
      ClientId: this.pool.clientId,
    });
    const result = response['AuthenticationResult'] as Record<string, string> | undefined;
    if (result?.['AccessToken'] === undefined) throw new Error('User Pool tokens could not be refreshed');
    // A missing refresh or id token keeps the stored one.
    this.tokens = {
      accessToken: result['AccessToken'],
      idToken: result['IdToken'] ?? current.idToken,
      refreshToken: result['RefreshToken'] ?? current.refreshToken,
    };
    return this.tokens;
  }

  /**
   * Amplify Flutter v1's refresh: InitiateAuth REFRESH_TOKEN_AUTH (branch v1,
   * packages/auth/amplify_auth_cognito_dart/lib/src/state/machines/fetch_auth_session_state_machine.dart).
   */
  async fetchAuthSessionV1(): Promise<Record<string, unknown>> {
    return this.call('InitiateAuth', 'fetchAuthSession', {
      AuthFlow: 'REFRESH_TOKEN_AUTH',
      ClientId: this.pool.clientId,
      AuthParameters: { REFRESH_TOKEN: this.requireTokens().refreshToken },
    });
  }

  /**
   * `Amplify.Auth.signOut(options: SignOutOptions(globalSignOut: ...))`:
   * GlobalSignOut first when global, then RevokeToken of the refresh token
   * (lib/src/state/machines/sign_out_state_machine.dart).
   */
  async signOut(globalSignOut = false): Promise<void> {
    const tokens = this.requireTokens();
    if (globalSignOut) await this.call('GlobalSignOut', 'signOut', { AccessToken: tokens.accessToken });
    await this.call('RevokeToken', 'signOut', { Token: tokens.refreshToken, ClientId: this.pool.clientId });
    this.tokens = undefined;
  }

  /** `_processChallenge`: tokens end the flow; PASSWORD_VERIFIER is answered without the user; anything else waits for input. */
  private async processChallenge(response: Record<string, unknown>, method: AuthMethod): Promise<SignInStep> {
    const result = response['AuthenticationResult'] as Record<string, string> | undefined;
    if (result !== undefined) {
      const { AccessToken, IdToken, RefreshToken } = result;
      // `_saveAuthResult`: all three are required.
      if (AccessToken === undefined || IdToken === undefined || RefreshToken === undefined) throw new Error('Empty authentication result');
      this.tokens = { accessToken: AccessToken, idToken: IdToken, refreshToken: RefreshToken };
      return { signedIn: true, tokens: this.tokens };
    }
    const challengeName = response['ChallengeName'] as string;
    const challengeParameters = (response['ChallengeParameters'] ?? {}) as Record<string, string>;
    this.session = response['Session'] as string | undefined;
    if (challengeName === 'PASSWORD_VERIFIER') {
      return this.processChallenge(await this.passwordVerifier(challengeParameters, method), method);
    }
    return { signedIn: false, challengeName, challengeParameters };
  }

  /** srp_password_verifier_worker.dart: the claim over the challenge's USER_ID_FOR_SRP, with the challenge's USERNAME echoed. */
  private async passwordVerifier(parameters: Record<string, string>, method: AuthMethod): Promise<Record<string, unknown>> {
    const required = (name: string) => {
      const value = parameters[name];
      if (value === undefined) throw new Error(`PASSWORD_VERIFIER without ${name}`);
      return value;
    };
    const [username, userId, secretBlock, salt, srpB] = ['USERNAME', 'USER_ID_FOR_SRP', 'SECRET_BLOCK', 'SALT', 'SRP_B'].map(required) as [
      string, string, string, string, string,
    ];
    const poolName = this.pool.userPoolId.split('_')[1]!;
    // `EEE MMM d HH:mm:ss 'UTC' yyyy`, the day not zero-padded.
    const timestamp = new DateHelper().getNowString();
    const key = await new Promise<Buffer>((resolve, reject) =>
      this.srp!.getPasswordAuthenticationKey(userId, this.password!, new BigInteger(srpB, 16), new BigInteger(salt, 16), (error, result) =>
        error ? reject(error) : resolve(result),
      ),
    );
    const signature = createHmac('sha256', key)
      .update(Buffer.concat([Buffer.from(poolName), Buffer.from(userId), Buffer.from(secretBlock, 'base64'), Buffer.from(timestamp)]))
      .digest('base64');
    return this.call('RespondToAuthChallenge', method, {
      ClientId: this.pool.clientId,
      ChallengeName: 'PASSWORD_VERIFIER',
      Session: this.session,
      ChallengeResponses: {
        PASSWORD_CLAIM_SECRET_BLOCK: secretBlock,
        PASSWORD_CLAIM_SIGNATURE: signature,
        USERNAME: username,
        TIMESTAMP: timestamp,
      },
      UserContextData: this.userContextData(username),
      // _respondToChallenge replaces the metadata with that of the signIn call.
      ClientMetadata: {},
    });
  }

  /**
   * `UserContextData.EncodedData` as the ASF worker builds it: base64 of
   * `{payload, signature, version}`, the signature an HMAC-SHA256 keyed with
   * the client id over the version and the payload.
   */
  private userContextData(username: string): { EncodedData: string } {
    const payload = JSON.stringify({
      contextData: { DeviceId: this.deviceId, ApplicationName: 'flutter_app', DeviceOsReleaseVersion: '14' },
      username,
      userPoolId: this.pool.userPoolId,
      timestamp: String(Date.now()),
    });
    const signature = createHmac('sha256', this.pool.clientId).update(ASF_VERSION + payload).digest('base64');
    return { EncodedData: Buffer.from(JSON.stringify({ payload, signature, version: ASF_VERSION })).toString('base64') };
  }

  private requireTokens(): FlutterTokens {
    if (this.tokens === undefined) throw new Error('no user is signed in');
    return this.tokens;
  }

  /**
   * One AWS JSON 1.1 call with the headers of the operation classes
   * (lib/src/sdk/src/cognito_identity_provider/operation/*_operation.dart:
   * X-Amz-Target, the SDK user agent, amz-sdk-invocation-id, amz-sdk-request),
   * the protocol's Content-Type (packages/smithy/smithy_aws/lib/src/protocol/aws_json_1_1.dart)
   * and `Cache-Control: no-store` (lib/src/sdk/sdk_bridge.dart). Unsigned: no
   * AWS credentials exist before sign-in. Members that are null are left out.
   */
  private async call(operation: string, method: AuthMethod, members: Record<string, unknown>): Promise<Record<string, unknown>> {
    const body = Object.fromEntries(Object.entries(members).filter(([, value]) => value !== undefined));
    const headers = {
      'content-type': 'application/x-amz-json-1.1',
      'x-amz-target': `AWSCognitoIdentityProviderService.${operation}`,
      'user-agent': flutterUserAgent(method),
      'amz-sdk-invocation-id': randomUUID(),
      'amz-sdk-request': 'attempt=1; max=3',
      'cache-control': 'no-store',
    };
    this.sent.push({ operation, headers, body });
    const response = await fetch(`${this.pool.endpoint}/`, { method: 'POST', headers, body: JSON.stringify(body) });
    const parsed = (await response.json()) as Record<string, unknown>;
    if (response.status !== 200) {
      // smithy's awsJson1_1 error reading: `__type`, possibly namespaced.
      const type = String(parsed['__type'] ?? 'UnknownError').split('#').pop()!;
      throw new CognitoWireError(type, String(parsed['message'] ?? ''), response.status);
    }
    return parsed;
  }
}
