import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { buildClientConfigFiles, type ClientConfigFile } from '@cognito-passwordless/client-config';
import type { SignInFlow } from '@cognito-passwordless/contract';
import { writeFileAtomic } from './atomic-file';

/** `dist/local/outputs.json`: what a client or a test needs to reach the stack. */
export interface LocalStackOutputs {
  readonly region: string;
  readonly userPoolId: string;
  readonly userPoolClientId: string;
  /** `http://127.0.0.1:<port>`: the user pool endpoint (Amplify's `userPoolEndpoint`, the SDK's `endpoint`). */
  readonly cognitoEndpoint: string;
  /** `http://127.0.0.1:<port>`: SES API, mail viewer at `/`, captured mail at `/store`. */
  readonly sesEndpoint: string;
  readonly jwksUri: string;
  /** `iss` of the tokens: `<cognitoEndpoint>/<userPoolId>`. */
  readonly issuer: string;
  /** `http://127.0.0.1:<port>/`: the sign-in page (tools/sign-in-web). */
  readonly webUrl: string;
}

export const OUTPUTS_FILE_NAME = 'outputs.json';

/**
 * Writes the client configuration files first and `outputs.json` last, each
 * atomically: `outputs.json` appearing is the signal that everything is up.
 */
export async function writeOutputs(folder: string, outputs: LocalStackOutputs, signInFlow: SignInFlow): Promise<void> {
  for (const file of clientConfigFiles(outputs, signInFlow)) await writeFileAtomic(join(folder, file.fileName), file.contents);
  await writeFileAtomic(join(folder, OUTPUTS_FILE_NAME), `${JSON.stringify(outputs, null, 2)}\n`);
}

/**
 * `amplify_outputs.json` and `amplifyconfiguration.json` for the stack, with
 * its endpoint and the flow its define function runs (SIGN_IN_FLOW).
 */
export function clientConfigFiles(outputs: LocalStackOutputs, signInFlow: SignInFlow): readonly ClientConfigFile[] {
  return buildClientConfigFiles({
    region: outputs.region,
    userPoolId: outputs.userPoolId,
    userPoolClientId: outputs.userPoolClientId,
    signInFlow,
    userPoolEndpoint: outputs.cognitoEndpoint,
  });
}

/** Removes the ready signal (at start, before listening, and at stop). */
export async function removeReadySignal(folder: string): Promise<void> {
  await rm(join(folder, OUTPUTS_FILE_NAME), { force: true });
}
