import { createHmac, randomInt, randomUUID, timingSafeEqual } from 'node:crypto';
import { CognitoServiceError, errors } from '../errors';
import { AttemptLimiter } from './attempt-limiter';
import { assertPasswordPolicy } from './password-policy';
import { assertClient, assertPool, type PoolSettings } from './pool-settings';
import { createPasswordVerifier } from './srp';
import type { TokenService } from './tokens';
import { attributeList, parseUserAttributes, type AttributeInput } from './user-attributes';
import type { OneTimeCode, UserRecord, UserStatus, UserStore } from './user-store';
import {
  invitationEmailMessage,
  INVITATION_EMAIL_SUBJECT,
  maskEmail,
  VERIFICATION_EMAIL_SUBJECT,
  verificationEmailMessage,
  type Mailer,
} from './verification-mailer';

/** Cognito keeps a sign-up code 24 hours and a password reset code 1 hour. */
const CONFIRMATION_CODE_TTL_MS = 24 * 3600 * 1000;
const RESET_CODE_TTL_MS = 3600 * 1000;

interface ClientUserInput {
  readonly ClientId: string;
  readonly Username: string;
}

export interface SignUpInput extends ClientUserInput {
  readonly Password: string;
  readonly UserAttributes?: readonly AttributeInput[] | undefined;
}

export interface ConfirmSignUpInput extends ClientUserInput {
  readonly ConfirmationCode: string;
}

export interface ConfirmForgotPasswordInput extends ConfirmSignUpInput {
  readonly Password: string;
}

export interface AdminUserInput {
  readonly UserPoolId: string;
  readonly Username: string;
}

export interface AdminCreateUserInput extends AdminUserInput {
  readonly UserAttributes?: readonly AttributeInput[] | undefined;
  readonly TemporaryPassword?: string | undefined;
  readonly MessageAction?: string | undefined;
}

export interface AdminSetUserPasswordInput extends AdminUserInput {
  readonly Password: string;
  readonly Permanent?: boolean | undefined;
}

interface CodeDeliveryDetails {
  readonly Destination: string;
  readonly DeliveryMedium: 'EMAIL';
  readonly AttributeName: 'email';
}

export interface AccountDependencies {
  readonly settings: PoolSettings;
  readonly users: UserStore;
  readonly tokens: TokenService;
  readonly mailer: Mailer;
}

/**
 * Sign-up, confirmation, password reset, the user's own tokens (GetUser,
 * GlobalSignOut, RevokeToken) and the admin calls tests need. Unknown users
 * get the answers PreventUserExistenceErrors = ENABLED gives.
 */
export class Accounts {
  /** Wrong confirmation codes per user, for sign-up and for password reset separately. */
  private readonly wrongCodes = new AttemptLimiter();

  constructor(private readonly deps: AccountDependencies) {}

  async signUp(input: SignUpInput) {
    const { settings, users } = this.deps;
    assertClient(settings, input.ClientId);
    const attributes = parseUserAttributes(input.UserAttributes, 'client');
    assertPasswordPolicy(input.Password);
    if (users.find(input.Username) !== undefined) throw errors.usernameExists();
    const code = newCode();
    const now = Date.now();
    const user: UserRecord = {
      username: input.Username,
      sub: randomUUID(),
      status: 'UNCONFIRMED',
      enabled: true,
      attributes: { ...attributes, email_verified: 'false' },
      password: createPasswordVerifier(settings.poolName, input.Username, input.Password),
      createdAtMs: now,
      updatedAtMs: now,
      confirmationCode: this.oneTimeCode(input.Username, code, CONFIRMATION_CODE_TTL_MS),
      tokensValidAfter: 0,
      revokedTokenFamilies: {},
    };
    await users.save(user);
    const delivery = await this.sendCode(user, code);
    return { UserConfirmed: false, CodeDeliveryDetails: delivery, UserSub: user.sub };
  }

  async confirmSignUp(input: ConfirmSignUpInput) {
    const { settings, users } = this.deps;
    assertClient(settings, input.ClientId);
    const limitKey = `sign-up:${input.Username.toLowerCase()}`;
    if (this.wrongCodes.isLocked(limitKey)) throw errors.attemptLimitExceeded();
    const user = users.find(input.Username);
    // PreventUserExistenceErrors: an unknown user looks like a wrong code, and counts like one.
    if (user === undefined) {
      this.wrongCodes.recordFailure(limitKey);
      throw errors.codeMismatch();
    }
    if (user.status !== 'UNCONFIRMED') throw errors.notAuthorized(`User cannot be confirmed. Current status is ${user.status}`);
    this.checkCodeWithinLimit(limitKey, user, user.confirmationCode, input.ConfirmationCode);
    const { confirmationCode: _spent, ...rest } = user;
    // Email is the pool's auto-verified attribute: confirming with the emailed code verifies it.
    await users.save({ ...rest, status: 'CONFIRMED', attributes: { ...user.attributes, email_verified: 'true' }, updatedAtMs: Date.now() });
    return {};
  }

  async resendConfirmationCode(input: ClientUserInput) {
    const { settings, users } = this.deps;
    assertClient(settings, input.ClientId);
    const user = users.find(input.Username);
    if (user === undefined) return { CodeDeliveryDetails: this.decoyDelivery(input.Username) };
    if (user.status !== 'UNCONFIRMED') throw errors.invalidParameter('User is already confirmed.');
    const code = newCode();
    const updated = { ...user, confirmationCode: this.oneTimeCode(user.username, code, CONFIRMATION_CODE_TTL_MS), updatedAtMs: Date.now() };
    await users.save(updated);
    return { CodeDeliveryDetails: await this.sendCode(updated, code) };
  }

  async forgotPassword(input: ClientUserInput) {
    const { settings, users } = this.deps;
    assertClient(settings, input.ClientId);
    const user = users.find(input.Username);
    if (user === undefined) return { CodeDeliveryDetails: this.decoyDelivery(input.Username) };
    // Account recovery is by verified email only.
    if (user.attributes['email_verified'] !== 'true') {
      throw errors.invalidParameter('Cannot reset password for the user as there is no registered/verified email or phone_number');
    }
    const code = newCode();
    const updated = { ...user, passwordResetCode: this.oneTimeCode(user.username, code, RESET_CODE_TTL_MS), updatedAtMs: Date.now() };
    await users.save(updated);
    return { CodeDeliveryDetails: await this.sendCode(updated, code) };
  }

  async confirmForgotPassword(input: ConfirmForgotPasswordInput) {
    const { settings, users } = this.deps;
    assertClient(settings, input.ClientId);
    const limitKey = `reset:${input.Username.toLowerCase()}`;
    if (this.wrongCodes.isLocked(limitKey)) throw errors.attemptLimitExceeded();
    const user = users.find(input.Username);
    if (user === undefined) {
      this.wrongCodes.recordFailure(limitKey);
      throw errors.codeMismatch();
    }
    assertPasswordPolicy(input.Password);
    this.checkCodeWithinLimit(limitKey, user, user.passwordResetCode, input.ConfirmationCode);
    const { passwordResetCode: _spent, ...rest } = user;
    await users.save({
      ...rest,
      status: user.status === 'FORCE_CHANGE_PASSWORD' ? 'CONFIRMED' : user.status,
      password: createPasswordVerifier(settings.poolName, user.username, input.Password),
      updatedAtMs: Date.now(),
    });
    return {};
  }

  async getUser(input: { AccessToken: string }) {
    const user = await this.authenticate(input.AccessToken);
    return { Username: user.username, UserAttributes: attributeList(user) };
  }

  /** Revokes every token of the user: refresh tokens stop working, access tokens fail GetUser. */
  async globalSignOut(input: { AccessToken: string }) {
    const user = await this.authenticate(input.AccessToken);
    // Tokens carry whole seconds: revoke this second too; later sign-ins get an iat past it.
    await this.deps.users.save({ ...user, tokensValidAfter: Math.floor(Date.now() / 1000) + 1, revokedTokenFamilies: liveFamilies(user) });
    return {};
  }

  /** Revokes one refresh token and the access tokens issued from it. */
  async revokeToken(input: { Token: string; ClientId: string }) {
    const { settings, tokens, users } = this.deps;
    assertClient(settings, input.ClientId);
    const claims = await tokens.readRefreshToken(input.Token).catch((error: unknown) => {
      // An expired token is already as good as revoked.
      if (error instanceof CognitoServiceError && error.message === 'Refresh Token has expired') return undefined;
      throw error;
    });
    if (claims === undefined) return {};
    if (claims.clientId !== input.ClientId) throw errors.notAuthorized('Invalid Refresh Token');
    const user = users.find(claims.username);
    if (user !== undefined && user.sub === claims.sub) {
      await users.save({ ...user, revokedTokenFamilies: { ...liveFamilies(user), [claims.originJti]: claims.exp } });
    }
    return {};
  }

  async adminCreateUser(input: AdminCreateUserInput) {
    const { settings, users } = this.deps;
    assertPool(settings, input.UserPoolId);
    if (input.MessageAction === 'RESEND') throw errors.invalidParameter('MessageAction RESEND is not supported by the local stack.');
    const attributes = parseUserAttributes(input.UserAttributes, 'admin');
    const password = input.TemporaryPassword ?? temporaryPassword();
    assertPasswordPolicy(password);
    if (users.find(input.Username) !== undefined) throw errors.usernameExists();
    const now = Date.now();
    const user: UserRecord = {
      username: input.Username,
      sub: randomUUID(),
      status: 'FORCE_CHANGE_PASSWORD',
      enabled: true,
      attributes: { email_verified: 'false', ...attributes },
      password: createPasswordVerifier(settings.poolName, input.Username, password),
      createdAtMs: now,
      updatedAtMs: now,
      tokensValidAfter: 0,
      revokedTokenFamilies: {},
    };
    await users.save(user);
    if (input.MessageAction !== 'SUPPRESS') {
      await this.deliver(user, INVITATION_EMAIL_SUBJECT, invitationEmailMessage(user.username, password));
    }
    return { User: describeUser(user, 'Attributes') };
  }

  async adminGetUser(input: AdminUserInput) {
    const user = this.adminFind(input);
    return { ...describeUser(user, 'UserAttributes'), Username: user.username };
  }

  async adminDeleteUser(input: AdminUserInput) {
    const user = this.adminFind(input);
    await this.deps.users.delete(user.username);
    return {};
  }

  async adminConfirmSignUp(input: AdminUserInput) {
    const user = this.adminFind(input);
    if (user.status !== 'UNCONFIRMED') throw errors.notAuthorized(`User cannot be confirmed. Current status is ${user.status}`);
    const { confirmationCode: _spent, ...rest } = user;
    await this.deps.users.save({ ...rest, status: 'CONFIRMED', updatedAtMs: Date.now() });
    return {};
  }

  async adminSetUserPassword(input: AdminSetUserPasswordInput) {
    const user = this.adminFind(input);
    assertPasswordPolicy(input.Password);
    const status: UserStatus = input.Permanent === true ? 'CONFIRMED' : 'FORCE_CHANGE_PASSWORD';
    await this.deps.users.save({
      ...user,
      status,
      password: createPasswordVerifier(this.deps.settings.poolName, user.username, input.Password),
      updatedAtMs: Date.now(),
    });
    return {};
  }

  /** The user behind a valid access token that neither GlobalSignOut nor RevokeToken revoked. */
  private async authenticate(accessToken: string): Promise<UserRecord> {
    const claims = await this.deps.tokens.readAccessToken(accessToken);
    const user = this.deps.users.find(claims.username);
    if (user === undefined || user.sub !== claims.sub) throw errors.userNotFound();
    if (claims.iat < user.tokensValidAfter || user.revokedTokenFamilies[claims.origin_jti] !== undefined) {
      throw errors.notAuthorized('Access Token has been revoked');
    }
    return user;
  }

  private adminFind(input: AdminUserInput): UserRecord {
    assertPool(this.deps.settings, input.UserPoolId);
    const user = this.deps.users.find(input.Username);
    if (user === undefined) throw errors.userNotFound();
    return user;
  }

  private oneTimeCode(username: string, code: string, ttlMs: number): OneTimeCode {
    return { hash: this.codeHash(username, code), expiresAtMs: Date.now() + ttlMs };
  }

  private codeHash(username: string, code: string): string {
    return createHmac('sha256', this.deps.settings.secret).update(`code:${username.toLowerCase()}:${code}`).digest('hex');
  }

  /** Checks a code and counts a wrong one against the user's attempt limit; a right one clears the count. */
  private checkCodeWithinLimit(limitKey: string, user: UserRecord, expected: OneTimeCode | undefined, given: string): void {
    try {
      this.checkCode(user, expected, given);
    } catch (error) {
      if (error instanceof CognitoServiceError && error.type === 'CodeMismatchException') this.wrongCodes.recordFailure(limitKey);
      throw error;
    }
    this.wrongCodes.clear(limitKey);
  }

  private checkCode(user: UserRecord, expected: OneTimeCode | undefined, given: string): void {
    const hash = Buffer.from(this.codeHash(user.username, given.trim()), 'hex');
    if (expected === undefined || !timingSafeEqual(hash, Buffer.from(expected.hash, 'hex'))) throw errors.codeMismatch();
    if (expected.expiresAtMs <= Date.now()) throw errors.expiredCode();
  }

  private async sendCode(user: UserRecord, code: string): Promise<CodeDeliveryDetails> {
    await this.deliver(user, VERIFICATION_EMAIL_SUBJECT, verificationEmailMessage(code));
    return delivery(user.attributes['email']!);
  }

  private async deliver(user: UserRecord, subject: string, text: string): Promise<void> {
    try {
      await this.deps.mailer.send({ to: user.attributes['email']!, subject, text });
    } catch (cause) {
      throw new CognitoServiceError('CodeDeliveryFailureException', 'Unable to deliver the message to the user.', { cause });
    }
  }

  /** What an unknown user is told: a plausible masked address, the same each time, and nothing sent. */
  private decoyDelivery(username: string): CodeDeliveryDetails {
    const letters = 'abcdefghijklmnopqrstuvwxyz';
    const digest = createHmac('sha256', this.deps.settings.secret).update(`mask:${username.toLowerCase()}`).digest();
    return delivery(`${letters[digest[0]! % 26]}@${letters[digest[1]! % 26]}.com`);
  }
}

function delivery(email: string): CodeDeliveryDetails {
  return { Destination: maskEmail(email), DeliveryMedium: 'EMAIL', AttributeName: 'email' };
}

/** Six digits from a CSPRNG, as Cognito's `{####}`. */
function newCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0');
}

/** A password that meets the default policy, for AdminCreateUser without one. */
function temporaryPassword(): string {
  return `Tmp-${randomUUID()}-A1`;
}

function liveFamilies(user: UserRecord): Record<string, number> {
  const now = Math.floor(Date.now() / 1000);
  return Object.fromEntries(Object.entries(user.revokedTokenFamilies).filter(([, expiresAt]) => expiresAt > now));
}

function describeUser<K extends 'Attributes' | 'UserAttributes'>(user: UserRecord, attributesKey: K) {
  return {
    Username: user.username,
    [attributesKey]: attributeList(user),
    UserCreateDate: user.createdAtMs / 1000,
    UserLastModifiedDate: user.updatedAtMs / 1000,
    Enabled: user.enabled,
    UserStatus: user.status,
  } as Record<K, { Name: string; Value: string }[]> & { Username: string; UserCreateDate: number; UserLastModifiedDate: number; Enabled: boolean; UserStatus: UserStatus };
}
