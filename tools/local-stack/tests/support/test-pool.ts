import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CognitoTriggers, type TriggerFunctions } from '../../src/adapters/triggers';
import type { Email, Mailer } from '../../src/adapters/verification-mailer';
import { DEFAULT_TOKEN_VALIDITY, TokenService } from '../../src/crypto/tokens';
import { createHttpApi } from '../../src/protocol/http-api';
import { createOperations } from '../../src/protocol/operation-table';
import { loadOrCreatePoolIdentity } from '../../src/state/pool-identity';
import type { PoolSettings } from '../../src/state/pool-settings';
import { SessionStore } from '../../src/state/sessions';
import { UserStore } from '../../src/state/user-store';
import { FakeClock } from './fake-clock';

/** The answer the in-process Create trigger asks for. */
export const CHALLENGE_ANSWER = '424242';

type TriggerEvent = { request: { session: { challengeName: string; challengeResult: boolean }[]; challengeAnswer?: string; privateChallengeParameters?: Record<string, string> } };
const respond = (event: object, response: object) => ({ ...event, response });

/** Define, Create and Verify in this process: one custom round, answered by CHALLENGE_ANSWER. */
const TRIGGERS: TriggerFunctions = {
  define: {
    invoke: async (event) => {
      const last = (event as TriggerEvent).request.session.at(-1);
      if (last?.challengeName === 'CUSTOM_CHALLENGE') return respond(event as object, { issueTokens: last.challengeResult, failAuthentication: !last.challengeResult });
      return respond(event as object, { challengeName: 'CUSTOM_CHALLENGE', issueTokens: false, failAuthentication: false });
    },
  },
  create: { invoke: async (event) => respond(event as object, { publicChallengeParameters: {}, privateChallengeParameters: { answer: CHALLENGE_ANSWER } }) },
  verify: {
    invoke: async (event) => {
      const { challengeAnswer, privateChallengeParameters } = (event as TriggerEvent).request;
      return respond(event as object, { answerCorrect: challengeAnswer === privateChallengeParameters?.['answer'] });
    },
  },
};

export interface TestPool {
  readonly clock: FakeClock;
  readonly client: CognitoIdentityProviderClient;
  readonly clientId: string;
  readonly userPoolId: string;
  readonly sessions: SessionStore;
  /** Every email the pool sent, oldest first. */
  readonly emails: Email[];
  /** The six digits of the last email to `address`. */
  lastCode(address: string): string;
  stop(): Promise<void>;
}

/**
 * The user pool's layers (protocol, operations, state, crypto) on a loopback
 * port with a fake clock, in-process triggers and a recording mailer: for
 * what depends on time, without sleeping and without the trigger bundles.
 */
export async function startTestPool(options: { authSessionValiditySeconds?: number } = {}): Promise<TestPool> {
  const clock = new FakeClock();
  const identity = await loadOrCreatePoolIdentity(undefined, 'us-east-1');
  const settings: PoolSettings = {
    region: identity.region,
    userPoolId: identity.userPoolId,
    poolName: identity.userPoolId.slice(identity.userPoolId.indexOf('_') + 1),
    clientId: identity.userPoolClientId,
    secret: Buffer.from(identity.decoySeed, 'base64'),
  };
  const emails: Email[] = [];
  const mailer: Mailer = { send: async (email) => void emails.push(email) };
  const sessions = new SessionStore(options.authSessionValiditySeconds ?? 180, clock);
  const issuer = `http://127.0.0.1/${settings.userPoolId}`;
  const tokens = await TokenService.create(identity, issuer, DEFAULT_TOKEN_VALIDITY, clock);
  const users = await UserStore.open(undefined);
  const operations = createOperations({ settings, users, sessions, triggers: new CognitoTriggers(TRIGGERS, settings), tokens, mailer, clock });
  const server = createServer(createHttpApi({ operations, userPoolId: settings.userPoolId, issuer, jwks: tokens.jwks }));
  const port = await listen(server);
  const client = new CognitoIdentityProviderClient({
    region: settings.region,
    endpoint: `http://127.0.0.1:${port}`,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
  });
  return {
    clock,
    client,
    clientId: settings.clientId,
    userPoolId: settings.userPoolId,
    sessions,
    emails,
    lastCode: (address) => /\d{6}/.exec(emails.filter((email) => email.to === address).at(-1)?.text ?? '')?.[0] ?? '',
    async stop() {
      client.destroy();
      sessions.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function listen(server: Server): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
}
