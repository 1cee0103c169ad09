import type { ClientConfigInput } from '@cognito-passwordless/client-config';
import type { SignInFlow } from '@cognito-passwordless/contract';
import { StackOutputsError } from '../errors.js';
import { OUTPUT_NAMES } from '../stacks/output-names.js';

type Values = Readonly<Record<string, unknown>>;

/** What the client files take from the environment's configuration rather than from the stack outputs. */
export interface ClientSettings {
  /** The environment's `signIn.flow`, the SIGN_IN_FLOW its Define trigger runs. */
  readonly signInFlow: SignInFlow;
  readonly userPoolEndpoint?: string | undefined;
}

/**
 * Reads the values a client needs from stack outputs in either format:
 * `cdktf output --outputs-file` (`{"<stack>": {"user_pool_id": "..."}}`) or
 * `terraform output -json` (`{"user_pool_id": {"value": "...", ...}}`).
 */
export function clientConfigInputFromOutputs(document: unknown, stackName: string, settings: ClientSettings): ClientConfigInput {
  const values = outputValues(document, stackName);
  return {
    region: requiredString(values, OUTPUT_NAMES.region),
    userPoolId: requiredString(values, OUTPUT_NAMES.userPoolId),
    userPoolClientId: requiredString(values, OUTPUT_NAMES.userPoolClientId),
    signInFlow: settings.signInFlow,
    identityPoolId: optionalString(values, OUTPUT_NAMES.identityPoolId),
    userPoolEndpoint: settings.userPoolEndpoint,
  };
}

function outputValues(document: unknown, stackName: string): Values {
  if (!isRecord(document)) throw new StackOutputsError('Stack outputs must be a JSON object');
  const cdktfOutputs = document[stackName];
  if (isRecord(cdktfOutputs)) return cdktfOutputs;
  const terraformOutputs = document[OUTPUT_NAMES.userPoolId];
  if (isRecord(terraformOutputs) && 'value' in terraformOutputs) {
    return Object.fromEntries(
      Object.entries(document).map(([name, output]) => [name, isRecord(output) ? output['value'] : undefined]),
    );
  }
  throw new StackOutputsError(
    `The outputs hold neither stack "${stackName}" (cdktf output --outputs-file) ` +
      `nor a "${OUTPUT_NAMES.userPoolId}" output (terraform output -json): has the stack been deployed?`,
  );
}

function requiredString(values: Values, name: string): string {
  const value = values[name];
  if (typeof value !== 'string' || value === '') {
    throw new StackOutputsError(`Stack output "${name}" is missing or not a string`);
  }
  return value;
}

function optionalString(values: Values, name: string): string | undefined {
  const value = values[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
