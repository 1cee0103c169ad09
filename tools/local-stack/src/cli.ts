import {
  CognitoIdentityProviderClient,
  ConfirmSignUpCommand,
  InitiateAuthCommand,
  RespondToAuthChallengeCommand,
  SignUpCommand,
  type AuthenticationResultType,
} from '@aws-sdk/client-cognito-identity-provider';
import {
  DECOY_EMAIL_RECIPIENT,
  RESEND_METADATA_KEY,
  RESEND_METADATA_VALUE,
  RESEND_WAIT_PARAMETER,
  SIGN_IN_LIMIT_MESSAGE,
} from '@cognito-passwordless/contract';
import { AuthenticationDetails, CognitoUser, CognitoUserPool } from 'amazon-cognito-identity-js';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { generateSignUpPassword } from '@cognito-passwordless/client-config';
import { randomFillSync } from 'node:crypto';
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { readMailStore } from '@cognito-passwordless/ses-sink';
import { LocalStackNotRunningError } from './errors';
import type { LocalStackOutputs } from './stack/outputs';
import { readSignInFlow, signInFlowHint } from './sign-in-flow-hint';
import { isStackUnreachable, readStackOutputs } from './stack/ready-file';

const USAGE = `Sign up and sign in against the running local stack (npm start), from a terminal.

  node dist/tools/local-stack/cli.mjs sign-up <username> <email> [--password <password>]
  node dist/tools/local-stack/cli.mjs confirm <username> <code>
  node dist/tools/local-stack/cli.mjs sign-in <username> [--password <password>] [--code <code>] [--show-tokens]
  node dist/tools/local-stack/cli.mjs mail [<address>]

sign-up without --password sends a generated one (40 characters from a CSPRNG,
never printed or stored): passwordless users never choose or type a password.
sign-in asks for the emailed code (or takes --code); with --password it starts
with SRP, for SIGN_IN_FLOW=password-then-code. mail prints the newest emails the
SES sink caught (not the decoys sent to the SES mailbox simulator). Reads dist/local/outputs.json (or $LOCAL_OUTPUT_DIR/outputs.json).`;

interface Cli {
  readonly outputs: LocalStackOutputs;
  readonly client: CognitoIdentityProviderClient;
  readonly values: { password?: string; code?: string; 'show-tokens'?: boolean };
}

async function main(): Promise<void> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { password: { type: 'string' }, code: { type: 'string' }, 'show-tokens': { type: 'boolean' }, help: { type: 'boolean' } },
  });
  const [command, ...args] = positionals;
  if (values.help || command === undefined) {
    console.log(USAGE);
    return;
  }
  // This machine may run Node 20, which the SDK would warn about on every command.
  process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] ??= 'true';
  const outputs = await readStackOutputs();
  const client = new CognitoIdentityProviderClient({
    region: outputs.region,
    endpoint: outputs.cognitoEndpoint,
    // The endpoint ignores signatures; the SDK wants credentials to sign with.
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  const cli: Cli = { outputs, client, values };
  try {
    switch (command) {
      case 'sign-up':
        return await signUp(cli, required(args[0], 'username'), required(args[1], 'email'));
      case 'confirm':
        return await confirm(cli, required(args[0], 'username'), required(args[1], 'code'));
      case 'sign-in':
        await assertFlowFits(outputs, values.password !== undefined);
        return await (values.password === undefined ? signInWithoutPassword : signInWithPassword)(cli, required(args[0], 'username'));
      case 'mail':
        return await printMail(outputs, args[0]);
      default:
        throw new Error(`unknown command ${command}\n\n${USAGE}`);
    }
  } finally {
    client.destroy();
  }
}

async function assertFlowFits(outputs: LocalStackOutputs, withPassword: boolean): Promise<void> {
  const hint = signInFlowHint(await readSignInFlow(outputs), withPassword);
  if (hint !== undefined) throw new Error(hint);
}

function required(value: string | undefined, name: string): string {
  if (value === undefined || value === '') throw new Error(`missing <${name}>\n\n${USAGE}`);
  return value;
}

async function signUp({ client, outputs, values }: Cli, username: string, email: string): Promise<void> {
  // Passwordless: the pool requires a password, so one is generated (meets the pool policy); never printed or stored.
  const password = values.password ?? generateSignUpPassword(randomFillSync);
  const result = await client.send(
    new SignUpCommand({ ClientId: outputs.userPoolClientId, Username: username, Password: password, UserAttributes: [{ Name: 'email', Value: email }] }),
  );
  console.log(`SignUp: user ${username} (sub ${result.UserSub}) created, UNCONFIRMED.`);
  console.log(`Verification code sent to ${result.CodeDeliveryDetails?.Destination}: read it with \`mail ${email}\` or at ${outputs.sesEndpoint}/`);
}

async function confirm({ client, outputs }: Cli, username: string, code: string): Promise<void> {
  await client.send(new ConfirmSignUpCommand({ ClientId: outputs.userPoolClientId, Username: username, ConfirmationCode: code }));
  console.log(`ConfirmSignUp: ${username} is CONFIRMED, email verified.`);
}

/** Passwordless: InitiateAuth CUSTOM_AUTH, then RespondToAuthChallenge with the code until tokens or failure. */
async function signInWithoutPassword(cli: Cli, username: string): Promise<void> {
  const { client, outputs } = cli;
  let step = await client.send(new InitiateAuthCommand({ ClientId: outputs.userPoolClientId, AuthFlow: 'CUSTOM_AUTH', AuthParameters: { USERNAME: username } }));
  while (step.AuthenticationResult === undefined) {
    const code = await askForCode(cli, step.ChallengeParameters ?? {});
    step = await client.send(
      new RespondToAuthChallengeCommand({
        ClientId: outputs.userPoolClientId,
        ChallengeName: 'CUSTOM_CHALLENGE',
        Session: step.Session,
        ChallengeResponses: { USERNAME: step.ChallengeParameters?.['USERNAME'] ?? username, ANSWER: code },
        ClientMetadata: clientMetadataFor(code),
      }),
    );
  }
  await printSignedIn(cli, step.AuthenticationResult);
}

/** Password then code: amazon-cognito-identity-js runs the SRP steps, then the custom challenge. */
async function signInWithPassword(cli: Cli, username: string): Promise<void> {
  const { outputs } = cli;
  const pool = new CognitoUserPool({ UserPoolId: outputs.userPoolId, ClientId: outputs.userPoolClientId, endpoint: outputs.cognitoEndpoint });
  const user = new CognitoUser({ Username: username, Pool: pool });
  user.setAuthenticationFlowType('CUSTOM_AUTH');
  const result = await new Promise<AuthenticationResultType>((resolveTokens, reject) => {
    const callbacks = {
      onSuccess: (session: import('amazon-cognito-identity-js').CognitoUserSession) =>
        resolveTokens({
          IdToken: session.getIdToken().getJwtToken(),
          AccessToken: session.getAccessToken().getJwtToken(),
          RefreshToken: session.getRefreshToken().getToken(),
        }),
      onFailure: reject,
      customChallenge: (parameters: Record<string, string>) => {
        askForCode(cli, parameters).then((code) => user.sendCustomChallengeAnswer(code, callbacks, clientMetadataFor(code)), reject);
      },
    };
    user.authenticateUser(new AuthenticationDetails({ Username: username, Password: cli.values.password }), callbacks);
  });
  await printSignedIn(cli, result);
}

/** "resend" at the code prompt asks the triggers for a new code, the way an app does: with this ClientMetadata. */
function clientMetadataFor(answer: string): Record<string, string> | undefined {
  return answer.toLowerCase() === RESEND_METADATA_VALUE ? { [RESEND_METADATA_KEY]: RESEND_METADATA_VALUE } : undefined;
}

let codeGiven = false;
async function askForCode({ values }: Cli, parameters: Record<string, string>): Promise<string> {
  console.log(`Challenge: ${parameters['hint'] ?? 'enter the code'} (attempts left: ${parameters['attemptsLeft'] ?? '?'})`);
  const wait = parameters[RESEND_WAIT_PARAMETER];
  if (wait !== undefined) console.log(`Type "${RESEND_METADATA_VALUE}" for a new code${wait === '0' ? '' : ` (in ${wait} s)`}.`);
  if (values.code !== undefined && !codeGiven) {
    codeGiven = true;
    return values.code;
  }
  const prompt = createInterface({ input: process.stdin, output: process.stdout });
  // Without this, input that ends before an answer leaves the question pending and the process exits 0.
  const inputEnded = new Promise<never>((_, reject) =>
    prompt.once('close', () => reject(new Error('No code was entered: standard input ended.'))),
  );
  try {
    return (await Promise.race([prompt.question('Code: '), inputEnded])).trim();
  } finally {
    prompt.close();
  }
}

async function printSignedIn({ outputs, values }: Cli, result: AuthenticationResultType): Promise<void> {
  if (result.IdToken === undefined) throw new Error('The sign-in ended without an id token.');
  const { payload } = await jwtVerify(result.IdToken, createRemoteJWKSet(new URL(outputs.jwksUri)), {
    issuer: outputs.issuer,
    audience: outputs.userPoolClientId,
  });
  console.log(`Signed in as ${String(payload['cognito:username'])} (sub ${payload.sub}); the id token verifies against ${outputs.jwksUri}.`);
  if (values['show-tokens']) console.log(JSON.stringify(result, null, 2));
  else console.log('Tokens: id, access and refresh issued (--show-tokens prints them).');
}

async function printMail(outputs: LocalStackOutputs, address: string | undefined): Promise<void> {
  // Decoys of unknown usernames go to the mailbox simulator: nobody's mail.
  const forPeople = (await readMailStore(outputs.sesEndpoint)).filter((email) => !email.destination.to.includes(DECOY_EMAIL_RECIPIENT));
  const emails = forPeople.filter((email) => address === undefined || email.destination.to.includes(address)).slice(-5);
  if (emails.length === 0) console.log('No email yet.');
  for (const email of emails) {
    console.log(`--- ${new Date(email.at * 1000).toISOString()}  to ${email.destination.to.join(', ')}  "${email.subject}"`);
    console.log((email.body.text ?? '').trim());
  }
}

main().catch((error: unknown) => {
  if (typeof (error as Error)?.message === 'string' && (error as Error).message.includes(SIGN_IN_LIMIT_MESSAGE)) {
    console.error('Sign-in refused: too many sign-in attempts for this username (MAX_CODES_PER_HOUR or MAX_FAILED_ANSWERS_PER_DAY). No code was sent; try again later.');
    process.exit(1);
  }
  // The stack stopped under a command: say so, not ECONNREFUSED or `fetch failed`.
  const failure = isStackUnreachable(error) ? new LocalStackNotRunningError('it stopped answering') : error;
  const { name, message } = failure as Error;
  console.error(name && name !== 'Error' && !(failure instanceof LocalStackNotRunningError) ? `${name}: ${message}` : message);
  process.exit(1);
});
