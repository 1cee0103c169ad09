import { chmodSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseEnvironmentConfig } from '../../src/config/parse-environment-config.js';
import { deploy } from '../../src/deploy/deploy.js';
import { terraformCli } from '../../src/deploy/terraform-cli.js';
import { devInput, prodInput } from '../helpers/fixtures.js';

/**
 * A stand-in `terraform` (a node script) that logs each command and keeps a
 * tiny state: whether the SES identity exists and is verified. FAKE_SES says
 * when SES verifies it: "on-create", "on-refresh" or "never".
 */
const FAKE_TERRAFORM = `#!/usr/bin/env node
const fs = require('node:fs');
const args = process.argv.slice(2);
const stateFile = process.env.FAKE_STATE;
const state = fs.existsSync(stateFile) ? JSON.parse(fs.readFileSync(stateFile, 'utf8')) : { identity: 'absent', applied: false };
fs.appendFileSync(process.env.FAKE_LOG, JSON.stringify({ dir: require('node:path').basename(process.cwd()), args }) + '\\n');
const save = () => fs.writeFileSync(stateFile, JSON.stringify(state));
if (args[0] === 'show') {
  const resources = state.identity === 'absent' ? [] : [{
    address: 'aws_sesv2_email_identity.ses_identity',
    values: { verified_for_sending_status: state.identity === 'verified', dkim_signing_attributes: [{ tokens: ['t1', 't2', 't3'] }] },
  }];
  process.stdout.write(JSON.stringify(resources.length ? { values: { root_module: { resources } } } : { format_version: '1.0' }));
} else if (args[0] === 'apply' && args.includes('-refresh-only')) {
  if (process.env.FAKE_SES === 'on-refresh' && state.identity !== 'absent') state.identity = 'verified';
  save();
} else if (args[0] === 'apply' && args.some((arg) => arg.startsWith('-target='))) {
  if (state.identity === 'absent') state.identity = process.env.FAKE_SES === 'on-create' ? 'verified' : 'unverified';
  save();
} else if (args[0] === 'apply') {
  if (state.identity !== 'verified' && process.cwd().endsWith('stack')) { console.error('Email address is not verified'); process.exit(1); }
  state.applied = true;
  save();
}
`;

function setUp(ses: 'on-create' | 'on-refresh' | 'never') {
  const dir = mkdtempSync(join(tmpdir(), 'deploy-'));
  const binary = join(dir, 'terraform');
  writeFileSync(binary, FAKE_TERRAFORM);
  chmodSync(binary, 0o755);
  const stackDir = join(dir, 'stack');
  const stateStackDir = join(dir, 'state-bucket');
  mkdirSync(stackDir);
  mkdirSync(stateStackDir);
  const log = join(dir, 'log.jsonl');
  const env = { ...process.env, FAKE_STATE: join(dir, 'state.json'), FAKE_LOG: log, FAKE_SES: ses };
  const printed: string[] = [];
  const run = (input = devInput(), withStateStack = false) =>
    deploy({
      config: parseEnvironmentConfig(input),
      stackDir,
      stateStackDir: withStateStack ? stateStackDir : undefined,
      terraform: terraformCli(binary, env),
      autoApprove: true,
      command: 'npx nx run infra:deploy -- --env dev',
      print: (line) => printed.push(line),
    });
  const commands = () =>
    readFileSync(log, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { dir: string; args: string[] })
      .map(({ dir, args }) => `${dir}: ${args.join(' ')}`);
  return { run, commands, printed };
}

describe('the deploy command, against a stand-in terraform', () => {
  it('creates only the identity on the first run, then stops with what to do', async () => {
    const { run, commands, printed } = setUp('never');

    await expect(run()).resolves.toBe('waiting-for-verification');

    expect(commands()).toEqual([
      'stack: init -input=false',
      'stack: show -json -no-color',
      'stack: apply -input=false -auto-approve -target=aws_sesv2_email_identity.ses_identity',
      'stack: show -json -no-color',
    ]);
    expect(printed).toContain('SES has emailed a verification link to no-reply@example.com: open it (it expires after 24 hours).');
    expect(printed.at(-1)).toBe('Then run again: npx nx run infra:deploy -- --env dev');
  });

  it('asks SES again on the next run and, once verified, applies everything', async () => {
    const { run, commands } = setUp('on-refresh');
    await run();

    await expect(run()).resolves.toBe('deployed');

    expect(commands().slice(4)).toEqual([
      'stack: init -input=false',
      'stack: show -json -no-color',
      'stack: apply -refresh-only -input=false -auto-approve -target=aws_sesv2_email_identity.ses_identity',
      'stack: show -json -no-color',
      'stack: apply -input=false -auto-approve',
    ]);
  });

  it('goes straight on when SES verifies the identity at once (a domain verified before)', async () => {
    const { run, commands } = setUp('on-create');

    await expect(run()).resolves.toBe('deployed');

    expect(commands().at(-1)).toBe('stack: apply -input=false -auto-approve');
  });

  it('stops again, without applying the rest, while SES has still not verified it', async () => {
    const { run, commands } = setUp('never');
    await run();

    await expect(run()).resolves.toBe('waiting-for-verification');

    expect(commands().filter((command) => command === 'stack: apply -input=false -auto-approve')).toEqual([]);
  });

  it('applies the state bucket first, and targets the MAIL FROM with the identity (prod)', async () => {
    const { run, commands } = setUp('never');

    await run(prodInput(), true);

    expect(commands().slice(0, 2)).toEqual(['state-bucket: init -input=false', 'state-bucket: apply -input=false -auto-approve']);
    expect(commands()).toContain(
      'stack: apply -input=false -auto-approve -target=aws_sesv2_email_identity.ses_identity -target=aws_sesv2_email_identity_mail_from_attributes.ses_mail_from',
    );
  });

  it('fails with the command that failed', async () => {
    const stackDir = mkdtempSync(join(tmpdir(), 'deploy-failing-'));

    const run = deploy({
      config: parseEnvironmentConfig(devInput()),
      stackDir,
      terraform: terraformCli('false'),
      autoApprove: false,
      command: 'x',
      print: () => undefined,
    });

    await expect(run).rejects.toThrow(`"false init -input=false" failed (exit 1) in ${stackDir}`);
  });
});
