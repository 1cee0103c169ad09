import { Amplify } from 'aws-amplify';
import { parseAmplifyConfig } from 'aws-amplify/utils';
import { AMPLIFY_OUTPUTS_PATH, LOCAL_CONFIG_PATH, parsePageConfig, type PageConfig } from './page-config';
import { startLatestCodesPanel } from './latest-codes-panel';
import { startSignInPage } from './sign-in-page';
import { View } from './view';

async function fetchJson(path: string): Promise<unknown> {
  const response = await fetch(new URL(path, document.baseURI), { cache: 'no-store' });
  if (!response.ok) throw new Error(`${path} answered HTTP ${response.status}`);
  return response.json();
}

/**
 * Amplify JS reads the pool from amplify_outputs.json but takes a custom
 * endpoint only as `Auth.Cognito.userPoolEndpoint`: the Gen 2 file has no key
 * for one, so the stack puts it under `custom.user_pool_endpoint`.
 */
function configureAmplify(config: PageConfig): void {
  const resources = parseAmplifyConfig(config.amplifyOutputs as unknown as Parameters<typeof parseAmplifyConfig>[0]);
  // Auth.Cognito is a union (user pool and/or identity pool); the page only has a user pool.
  const cognito = resources.Auth?.Cognito as { userPoolId: string; userPoolClientId: string } | undefined;
  if (!cognito?.userPoolId || !cognito.userPoolClientId) throw new Error(`${AMPLIFY_OUTPUTS_PATH} configures no user pool`);
  Amplify.configure({ ...resources, Auth: { Cognito: { ...cognito, userPoolEndpoint: config.userPoolEndpoint } } });
}

async function main(): Promise<void> {
  const view = new View(document);
  let config: PageConfig;
  try {
    config = parsePageConfig(...(await Promise.all([fetchJson(AMPLIFY_OUTPUTS_PATH), fetchJson(LOCAL_CONFIG_PATH)])));
    configureAmplify(config);
  } catch (error) {
    view.say(`The page could not load the stack's configuration (${(error as Error).message}). Is npm start running? Reload to try again.`, 'error');
    return;
  }
  view.say('');
  startSignInPage(view, config);
  if (config.latestCodesPath !== undefined) startLatestCodesPanel(document, config.latestCodesPath);
}

void main();
