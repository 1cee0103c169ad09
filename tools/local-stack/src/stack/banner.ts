import { relative } from 'node:path';
import type { LocalStackOutputs } from './outputs';

export interface BannerFacts {
  readonly outputs: LocalStackOutputs;
  readonly outputDir: string;
  readonly dataDir: string | undefined;
  readonly signInFlow: string;
  readonly authSessionValiditySeconds: number;
  readonly workspaceRoot: string;
}

/** What `npm start` prints once everything listens. */
export function banner(facts: BannerFacts): string {
  const { outputs } = facts;
  const hostPort = (url: string) => new URL(url).host;
  const path = (folder: string) => relative(facts.workspaceRoot, folder) || '.';
  return [
    '',
    'Local Cognito stack ready (Ctrl-C to stop)',
    '',
    `  Sign-in page                ${outputs.webUrl}`,
    `  Cognito user pool endpoint  ${hostPort(outputs.cognitoEndpoint)}   ${outputs.cognitoEndpoint}`,
    `  SES sink                    ${hostPort(outputs.sesEndpoint)}   mail viewer ${outputs.sesEndpoint}/   JSON ${outputs.sesEndpoint}/store`,
    `  Sign-in state (dynalite)    ${hostPort(outputs.dynamodbEndpoint)}   table ${outputs.signInStateTable}`,
    `  Latest codes                node dist/tools/local-stack/cli.mjs mail [<address>]   (or under the card on the sign-in page)`,
    `  User pool id                ${outputs.userPoolId}`,
    `  App client id               ${outputs.userPoolClientId}`,
    `  JWKS                        ${outputs.jwksUri}`,
    `  Sign-in flow                ${facts.signInFlow} (SIGN_IN_FLOW); sessions last ${facts.authSessionValiditySeconds} s`,
    `  Users                       ${facts.dataDir === undefined ? 'in memory only (LOCAL_DATA_DIR=)' : path(facts.dataDir)}`,
    '',
    'Client settings:',
    `  Amplify JS v6   Amplify.configure(outputs) from ${path(facts.outputDir)}/amplify_outputs.json, then`,
    `                  Auth.Cognito.userPoolEndpoint = "${outputs.cognitoEndpoint}"`,
    `  Amplify Gen 1   ${path(facts.outputDir)}/amplifyconfiguration.json (CognitoUserPool.Default.Endpoint is set)`,
    ...flutterLines(facts.signInFlow, new URL(outputs.cognitoEndpoint).port),
    `  identity-js     new CognitoUserPool({ UserPoolId: "${outputs.userPoolId}", ClientId: "${outputs.userPoolClientId}", endpoint: "${outputs.cognitoEndpoint}" })`,
    `  AWS SDK         new CognitoIdentityProviderClient({ region: "${outputs.region}", endpoint: "${outputs.cognitoEndpoint}" })`,
    `  Everything      ${path(facts.outputDir)}/outputs.json`,
    '',
  ].join('\n');
}

/** Amplify Flutter (2.9+ for the endpoint) ignores the files' flow type: every signIn must name it. */
function flutterLines(signInFlow: string, port: string): string[] {
  const flowType = signInFlow === 'password-then-code' ? 'customAuthWithSrp), with the password' : 'customAuthWithoutSrp)';
  return [
    `  Amplify Flutter 2.9+ reads amplify_outputs.json (auth.user_pool_endpoint); every signIn passes`,
    `                  CognitoSignInPluginOptions(authFlowType: AuthenticationFlowType.${flowType}`,
    `                  Android: adb reverse tcp:${port} tcp:${port} (the stack listens on 127.0.0.1 only)`,
  ];
}
