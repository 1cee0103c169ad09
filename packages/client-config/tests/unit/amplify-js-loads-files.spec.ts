import { Amplify } from 'aws-amplify';
import {
  AMPLIFY_CONFIGURATION_FILE_NAME,
  AMPLIFY_OUTPUTS_FILE_NAME,
  buildClientConfigFiles,
} from '../../src/index.js';
import { AWS_INPUT, LOCAL_INPUT } from '../fixtures.js';
import type { ClientConfigInput } from '../../src/index.js';

function parsedCognitoConfig(fileName: string, input: ClientConfigInput = AWS_INPUT) {
  const file = buildClientConfigFiles(input).find((candidate) => candidate.fileName === fileName);
  if (file === undefined) throw new Error(`no ${fileName} was built`);
  Amplify.configure(JSON.parse(file.contents));
  return Amplify.getConfig().Auth?.Cognito;
}

describe('the files, as Amplify JS v6 reads them', () => {
  it.each([AMPLIFY_OUTPUTS_FILE_NAME, AMPLIFY_CONFIGURATION_FILE_NAME])(
    '%s configures the user pool, client and identity pool without guest access',
    (fileName) => {
      const cognito = parsedCognitoConfig(fileName);

      expect(cognito).toMatchObject({
        userPoolId: AWS_INPUT.userPoolId,
        userPoolClientId: AWS_INPUT.userPoolClientId,
        identityPoolId: AWS_INPUT.identityPoolId,
      });
      expect(cognito?.allowGuestAccess ?? false).toBe(false);
    },
  );

  it.each([AMPLIFY_OUTPUTS_FILE_NAME, AMPLIFY_CONFIGURATION_FILE_NAME])(
    '%s requires email at sign-up',
    (fileName) => {
      expect(parsedCognitoConfig(fileName)?.userAttributes).toEqual({ email: { required: true } });
    },
  );

  it.each([AMPLIFY_OUTPUTS_FILE_NAME, AMPLIFY_CONFIGURATION_FILE_NAME])(
    '%s with a local endpoint and the password-then-code flow still configures Amplify JS',
    (fileName) => {
      const cognito = parsedCognitoConfig(fileName, { ...LOCAL_INPUT, signInFlow: 'password-then-code' });

      expect(cognito).toMatchObject({ userPoolId: AWS_INPUT.userPoolId, userPoolClientId: AWS_INPUT.userPoolClientId });
    },
  );

  it('builds files ending in a newline', () => {
    for (const file of buildClientConfigFiles(AWS_INPUT)) {
      expect(file.contents.endsWith('}\n')).toBe(true);
    }
  });
});
