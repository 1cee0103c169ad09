import { SIGN_IN_FLOWS, type SignInFlow } from '@cognito-passwordless/contract';
import { ClientConfigError } from './errors.js';

/** What a client needs to reach the user pool (and, optionally, the identity pool). */
export interface ClientConfigInput {
  /** AWS region of the user pool, e.g. `eu-west-1`. */
  readonly region: string;
  /** `<region>_<id>`; Amplify reads the region from this prefix. */
  readonly userPoolId: string;
  readonly userPoolClientId: string;
  /**
   * The flow the pool's Define trigger runs (its `SIGN_IN_FLOW`): the Gen 1
   * file names the matching Amplify flow type.
   */
  readonly signInFlow: SignInFlow;
  /** `<region>:<uuid>`; omit when the client does not need AWS credentials. */
  readonly identityPoolId?: string | undefined;
  /**
   * Base URL of a Cognito-compatible endpoint with its scheme, e.g.
   * `http://127.0.0.1:9229` for a local emulator. Omit for real AWS.
   */
  readonly userPoolEndpoint?: string | undefined;
}

/** A {@link ClientConfigInput} that passed validation; the endpoint has no trailing slash. */
export type ClientConfig = Readonly<ClientConfigInput>;

const REGION = /^[a-z]{2}(?:-[a-z]+)+-\d+$/;
const USER_POOL_ID = /^([a-z]{2}(?:-[a-z]+)+-\d+)_[0-9A-Za-z]+$/;
const CLIENT_ID = /^[\w+]{1,128}$/;
const IDENTITY_POOL_ID = /^([a-z]{2}(?:-[a-z]+)+-\d+):[0-9a-f-]{36}$/;

export function parseClientConfigInput(input: ClientConfigInput): ClientConfig {
  const { region, userPoolId, userPoolClientId, signInFlow, identityPoolId, userPoolEndpoint } = input;
  if (typeof region !== 'string' || !REGION.test(region)) {
    throw new ClientConfigError('region', `expected an AWS region such as "eu-west-1", got ${describe(region)}`);
  }
  const poolRegion = typeof userPoolId === 'string' ? USER_POOL_ID.exec(userPoolId)?.[1] : undefined;
  if (poolRegion === undefined) {
    throw new ClientConfigError('userPoolId', `expected "<region>_<id>", got ${describe(userPoolId)}`);
  }
  if (poolRegion !== region) {
    throw new ClientConfigError('userPoolId', `pool ${userPoolId} is in ${poolRegion}, not in region ${region}`);
  }
  if (typeof userPoolClientId !== 'string' || !CLIENT_ID.test(userPoolClientId)) {
    throw new ClientConfigError('userPoolClientId', `expected an app client id, got ${describe(userPoolClientId)}`);
  }
  if (!(SIGN_IN_FLOWS as readonly unknown[]).includes(signInFlow)) {
    throw new ClientConfigError('signInFlow', `expected one of ${SIGN_IN_FLOWS.join(', ')}, got ${describe(signInFlow)}`);
  }
  if (identityPoolId !== undefined) {
    const identityRegion = typeof identityPoolId === 'string' ? IDENTITY_POOL_ID.exec(identityPoolId)?.[1] : undefined;
    if (identityRegion === undefined) {
      throw new ClientConfigError('identityPoolId', `expected "<region>:<uuid>", got ${describe(identityPoolId)}`);
    }
    if (identityRegion !== region) {
      throw new ClientConfigError('identityPoolId', `pool ${identityPoolId} is in ${identityRegion}, not in region ${region}`);
    }
  }
  return Object.freeze({
    region,
    userPoolId,
    userPoolClientId,
    signInFlow,
    identityPoolId,
    userPoolEndpoint: userPoolEndpoint === undefined ? undefined : parseEndpoint(userPoolEndpoint),
  });
}

function parseEndpoint(value: unknown): string {
  let url: URL;
  try {
    url = new URL(String(value));
  } catch (cause) {
    throw new ClientConfigError(
      'userPoolEndpoint',
      `expected a URL with its scheme such as "http://127.0.0.1:9229", got ${describe(value)}`,
      { cause },
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ClientConfigError('userPoolEndpoint', `expected an http or https URL, got ${describe(value)}`);
  }
  if (url.search !== '' || url.hash !== '') {
    throw new ClientConfigError('userPoolEndpoint', `expected a base URL without query or fragment, got ${describe(value)}`);
  }
  return url.href.replace(/\/+$/, '');
}

function describe(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}
