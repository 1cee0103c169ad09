import { Amplify } from 'aws-amplify';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLIENT_CONFIG_USAGE, parseClientConfigArguments, wantsClientConfigHelp } from '../../src/client-config/cli-arguments.js';
import { writeClientConfig } from '../../src/client-config/write-client-config.js';
import { UsageError } from '../../src/errors.js';
import { devInput, inputWith, prodInput } from '../helpers/fixtures.js';

const OUTPUTS = {
  region: { value: 'eu-west-1', type: 'string', sensitive: false },
  user_pool_id: { value: 'eu-west-1_AbCdEf123', type: 'string', sensitive: false },
  user_pool_client_id: { value: '4l1mkf3qv3gkc1nt3bpq2lr4mo', type: 'string', sensitive: false },
  identity_pool_id: { value: 'eu-west-1:0f5e2c7a-1b2c-4d3e-8f90-a1b2c3d4e5f6', type: 'string', sensitive: false },
};

function runCommand(argv: string[], environments = [devInput(), prodInput()]) {
  const workspaceRoot = mkdtempSync(join(tmpdir(), 'workspace-'));
  const outputsFile = join(workspaceRoot, 'outputs.json');
  writeFileSync(outputsFile, JSON.stringify(OUTPUTS));
  const paths = writeClientConfig(parseClientConfigArguments([...argv, '--outputs-file', outputsFile]), {
    environments,
    workspaceRoot,
    terraformBinary: 'terraform',
  });
  return { workspaceRoot, paths };
}

function configureAmplifyFrom(path: string) {
  Amplify.configure(JSON.parse(readFileSync(path, 'utf8')));
  return Amplify.getConfig().Auth?.Cognito;
}

describe('nx run infra:client-config', () => {
  it('writes both files for the environment into dist/client-config/<env>', () => {
    const { workspaceRoot, paths } = runCommand(['--env', 'prod']);

    expect(paths).toEqual([
      join(workspaceRoot, 'dist', 'client-config', 'prod', 'amplify_outputs.json'),
      join(workspaceRoot, 'dist', 'client-config', 'prod', 'amplifyconfiguration.json'),
    ]);
  });

  it.each(['amplify_outputs.json', 'amplifyconfiguration.json'])(
    'writes a %s that Amplify JS configures itself from',
    (fileName) => {
      const { paths } = runCommand(['--env', 'dev']);
      const path = paths.find((candidate) => candidate.endsWith(`/${fileName}`)) ?? 'missing';

      expect(configureAmplifyFrom(path)).toMatchObject({
        userPoolId: 'eu-west-1_AbCdEf123',
        userPoolClientId: '4l1mkf3qv3gkc1nt3bpq2lr4mo',
        identityPoolId: 'eu-west-1:0f5e2c7a-1b2c-4d3e-8f90-a1b2c3d4e5f6',
        userAttributes: { email: { required: true } },
      });
    },
  );

  it("names the environment's passwordless flow and the endpoint override for Gen 1 clients", () => {
    const { paths } = runCommand(['--env', 'dev', '--endpoint', 'http://127.0.0.1:9229']);
    const gen1 = JSON.parse(readFileSync(paths[1] ?? 'missing', 'utf8'));

    expect(gen1.auth.plugins.awsCognitoAuthPlugin.Auth.Default.authenticationFlowType).toBe('CUSTOM_AUTH_WITHOUT_SRP');
    expect(gen1.auth.plugins.awsCognitoAuthPlugin.CognitoUserPool.Default.Endpoint).toBe('http://127.0.0.1:9229');
  });

  it("names an environment's password-then-code flow for Gen 1 clients", () => {
    const { paths } = runCommand(['--env', 'dev'], [inputWith(devInput(), 'signIn.flow', 'password-then-code')]);
    const gen1 = JSON.parse(readFileSync(paths[1] ?? 'missing', 'utf8'));

    expect(gen1.auth.plugins.awsCognitoAuthPlugin.Auth.Default.authenticationFlowType).toBe('CUSTOM_AUTH_WITH_SRP');
  });

  it('writes the endpoint override where Amplify Flutter 2.9+ reads it in amplify_outputs.json', () => {
    const { paths } = runCommand(['--env', 'dev', '--endpoint', 'http://127.0.0.1:9229']);

    expect(JSON.parse(readFileSync(paths[0] ?? 'missing', 'utf8')).auth.user_pool_endpoint).toBe('http://127.0.0.1:9229');
  });

  it('writes into --out-dir when given', () => {
    const outDir = mkdtempSync(join(tmpdir(), 'client-files-'));

    const { paths } = runCommand(['--env', 'dev', '--out-dir', outDir]);

    expect(paths.every((path) => path.startsWith(outDir))).toBe(true);
  });

  it('takes relative paths from the workspace root', () => {
    const { workspaceRoot, paths } = runCommand(['--env', 'dev', '--out-dir', 'clients']);

    expect(paths[0]).toBe(join(workspaceRoot, 'clients', 'amplify_outputs.json'));
  });

  it('reads "terraform output -json" in the synthesized stack folder when no outputs file is given', () => {
    const workspaceRoot = mkdtempSync(join(tmpdir(), 'workspace-'));
    const stackDir = join(workspaceRoot, 'infra', 'cdktf.out', 'stacks', 'cognito-passwordless-dev');
    mkdirSync(stackDir, { recursive: true });
    writeFileSync(join(stackDir, 'outputs.json'), JSON.stringify(OUTPUTS));
    // A stand-in for terraform that answers "output -json" from the folder it runs in.
    const fakeTerraform = join(workspaceRoot, 'fake-terraform');
    writeFileSync(fakeTerraform, '#!/bin/sh\n[ "$1 $2" = "output -json" ] && exec cat outputs.json\nexit 2\n', { mode: 0o755 });

    const paths = writeClientConfig(parseClientConfigArguments(['--env', 'dev']), {
      environments: [devInput()],
      workspaceRoot,
      terraformBinary: fakeTerraform,
    });

    expect(JSON.parse(readFileSync(paths[0] ?? 'missing', 'utf8')).auth.user_pool_id).toBe('eu-west-1_AbCdEf123');
  });

  it('explains what to do when the stack has no outputs yet', () => {
    const workspaceRoot = mkdtempSync(join(tmpdir(), 'workspace-'));
    const context = { environments: [devInput()], workspaceRoot, terraformBinary: join(workspaceRoot, 'no-terraform') };

    expect(() => writeClientConfig(parseClientConfigArguments(['--env', 'dev']), context)).toThrow(
      /output -json" failed in .*cognito-passwordless-dev; deploy the stack first or pass --outputs-file/,
    );
  });

  it('refuses an unknown environment and lists the known ones', () => {
    expect(() => runCommand(['--env', 'staging'])).toThrow('Unknown environment "staging"; known: dev, prod');
  });

  it('takes --help and -h as a request for the usage, before any other check', () => {
    expect(wantsClientConfigHelp(['--help'])).toBe(true);
    expect(wantsClientConfigHelp(['--env', 'dev', '-h'])).toBe(true);
    expect(wantsClientConfigHelp(['--env', 'dev'])).toBe(false);
    expect(CLIENT_CONFIG_USAGE).toMatch(/^Usage: nx run infra:client-config -- --env <environment>/);
  });

  it('requires --env and rejects unknown options', () => {
    expect(() => parseClientConfigArguments([])).toThrow(UsageError);
    expect(() => parseClientConfigArguments(['--env', 'dev', '--stack', 'x'])).toThrow(UsageError);
  });
});
