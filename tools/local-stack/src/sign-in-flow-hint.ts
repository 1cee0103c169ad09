import { LOCAL_CONFIG_FILE_NAME, type LocalWebConfig } from './stack/sign-in-page';
import type { LocalStackOutputs } from './stack/outputs';

/** The `SIGN_IN_FLOW` the running stack's define function runs, as it tells its sign-in page. */
export async function readSignInFlow(outputs: Pick<LocalStackOutputs, 'webUrl'>): Promise<string> {
  const response = await fetch(new URL(LOCAL_CONFIG_FILE_NAME, outputs.webUrl));
  if (!response.ok) throw new Error(`the stack answered ${LOCAL_CONFIG_FILE_NAME} with HTTP ${response.status}`);
  return ((await response.json()) as LocalWebConfig).signInFlow;
}

/**
 * What to tell someone whose `sign-in` cannot work with the stack's flow,
 * before a sign-in that would only end in `Incorrect username or password.`
 */
export function signInFlowHint(signInFlow: string, withPassword: boolean): string | undefined {
  if (signInFlow === 'password-then-code' && !withPassword) {
    return "This stack runs SIGN_IN_FLOW=password-then-code: sign in with --password '<password>' (the one given to sign-up), then the emailed code.";
  }
  if (signInFlow === 'passwordless' && withPassword) {
    return 'This stack runs SIGN_IN_FLOW=passwordless: sign in without --password; the emailed code is all it asks for.';
  }
  return undefined;
}
