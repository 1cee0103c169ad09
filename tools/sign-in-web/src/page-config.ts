import type { AmplifyOutputs } from '@cognito-passwordless/client-config';
import { SIGN_IN_FLOWS, type SignInFlow } from '@cognito-passwordless/contract';

export type PasswordPolicy = AmplifyOutputs['auth']['password_policy'];

/** What the page learns from the stack that serves it. */
export interface PageConfig {
  /** `amplify_outputs.json` as the stack wrote it, for `Amplify.configure`. */
  readonly amplifyOutputs: AmplifyOutputs;
  /** `custom.user_pool_endpoint`: Amplify JS takes it as `Auth.Cognito.userPoolEndpoint`. */
  readonly userPoolEndpoint: string;
  readonly signInFlow: SignInFlow;
  readonly mailViewerUrl: string;
  readonly passwordPolicy: PasswordPolicy;
  /** Beside the page, served by the local stack only: the latest emailed codes, for the dev panel. */
  readonly latestCodesPath: string | undefined;
}

/** Files the page fetches from beside itself. */
export const AMPLIFY_OUTPUTS_PATH = 'amplify_outputs.json';
export const LOCAL_CONFIG_PATH = 'local-config.json';

/** A configuration file the page cannot use; the message names the file and the field. */
export class PageConfigError extends Error {
  override readonly name = 'PageConfigError';
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function httpUrl(value: unknown, where: string): string {
  if (typeof value === 'string') {
    try {
      const url = new URL(value);
      if (url.protocol === 'http:' || url.protocol === 'https:') return value;
    } catch {
      // Not a URL: reported below with the field's name, which URL's own error lacks.
    }
  }
  throw new PageConfigError(`${where} must be an http(s) URL, got ${JSON.stringify(value)}`);
}

/**
 * Checks the two files the stack serves beside the page and combines them.
 * Only what the page relies on is checked; Amplify validates the rest.
 */
export function parsePageConfig(amplifyOutputs: unknown, localConfig: unknown): PageConfig {
  const auth = isRecord(amplifyOutputs) ? amplifyOutputs['auth'] : undefined;
  if (!isRecord(auth) || typeof auth['user_pool_id'] !== 'string' || typeof auth['user_pool_client_id'] !== 'string') {
    throw new PageConfigError(`${AMPLIFY_OUTPUTS_PATH} has no auth.user_pool_id and auth.user_pool_client_id`);
  }
  const custom = (amplifyOutputs as Record<string, unknown>)['custom'];
  const userPoolEndpoint = httpUrl(isRecord(custom) ? custom['user_pool_endpoint'] : undefined, `${AMPLIFY_OUTPUTS_PATH} custom.user_pool_endpoint`);
  if (!isRecord(auth['password_policy'])) throw new PageConfigError(`${AMPLIFY_OUTPUTS_PATH} has no auth.password_policy`);
  if (!isRecord(localConfig)) throw new PageConfigError(`${LOCAL_CONFIG_PATH} is not a JSON object`);
  const signInFlow = SIGN_IN_FLOWS.find((flow) => flow === localConfig['signInFlow']);
  if (signInFlow === undefined) {
    throw new PageConfigError(`${LOCAL_CONFIG_PATH} signInFlow must be one of ${SIGN_IN_FLOWS.join(', ')}, got ${JSON.stringify(localConfig['signInFlow'])}`);
  }
  return Object.freeze({
    amplifyOutputs: amplifyOutputs as unknown as AmplifyOutputs,
    userPoolEndpoint,
    signInFlow,
    mailViewerUrl: httpUrl(localConfig['mailViewerUrl'], `${LOCAL_CONFIG_PATH} mailViewerUrl`),
    passwordPolicy: auth['password_policy'] as unknown as PasswordPolicy,
    latestCodesPath: latestCodesPath(localConfig['latestCodesPath']),
  });
}

/** A file name beside the page (so it stays on the page's origin), or nothing: the panel is then left out. */
function latestCodesPath(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string' && /^[\w][\w.-]*$/.test(value)) return value;
  throw new PageConfigError(`${LOCAL_CONFIG_PATH} latestCodesPath must be a file name beside the page, got ${JSON.stringify(value)}`);
}
