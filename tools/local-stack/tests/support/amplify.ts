import { Amplify } from 'aws-amplify';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Configures Amplify JS from the stack's generated amplify_outputs.json, plus
 * the local endpoint: the Gen 2 file has no standard key for one, so JS
 * clients add `Auth.Cognito.userPoolEndpoint` themselves (as the README shows).
 */
export function configureAmplify(outputDir: string, userPoolEndpoint: string): void {
  Amplify.configure(JSON.parse(readFileSync(join(outputDir, 'amplify_outputs.json'), 'utf8')));
  const config = Amplify.getConfig();
  const cognito = config.Auth?.Cognito as { userPoolId: string; userPoolClientId: string } | undefined;
  if (cognito === undefined) throw new Error('amplify_outputs.json configured no user pool');
  Amplify.configure({ ...config, Auth: { Cognito: { ...cognito, userPoolEndpoint } } });
}
