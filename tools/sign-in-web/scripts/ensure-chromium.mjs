// Makes sure the sign-in page's browser tests have a Chromium before they run
// (the `ensure-chromium` target, which `test` depends on). Quiet when one is
// there. When it is missing and the machine allows it (root, or sudo without a
// password, and apt-get), installs Debian's `chromium`; otherwise fails saying
// what to install. No browser download from anywhere else: only the npm
// registry and Debian's packages are reachable where this runs.
import { spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { pathToFileURL } from 'node:url';

export const DEBIAN_CHROMIUM = '/usr/bin/chromium';
const HOW_TO_INSTALL =
  "On Debian or Ubuntu: sudo apt-get install -y chromium. Elsewhere, set CHROMIUM_PATH to a Chromium or Chrome executable.";

/**
 * What to do, from the facts of the machine.
 * @param {{ chromiumPath: string | undefined, exists: boolean, isRoot: boolean, passwordlessSudo: boolean, hasAptGet: boolean }} facts
 * @returns {{ action: 'none' } | { action: 'install', command: string[] } | { action: 'fail', message: string }}
 */
export function chromiumPlan(facts) {
  if (facts.exists) return { action: 'none' };
  if (facts.chromiumPath !== undefined) {
    return { action: 'fail', message: `CHROMIUM_PATH is ${facts.chromiumPath}, which is not an executable file. ${HOW_TO_INSTALL}` };
  }
  const missing = `The sign-in page's browser tests need Chromium at ${DEBIAN_CHROMIUM}, and it is not installed.`;
  if (!facts.hasAptGet) return { action: 'fail', message: `${missing} ${HOW_TO_INSTALL}` };
  if (facts.isRoot) return { action: 'install', command: ['apt-get'] };
  if (facts.passwordlessSudo) return { action: 'install', command: ['sudo', '-n', 'apt-get'] };
  return { action: 'fail', message: `${missing} It cannot be installed from here (not root, and sudo asks for a password). ${HOW_TO_INSTALL}` };
}

function executable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

const succeeds = (command, args) => spawnSync(command, args, { stdio: 'ignore' }).status === 0;

function main() {
  const chromiumPath = process.env.CHROMIUM_PATH || undefined;
  const path = chromiumPath ?? DEBIAN_CHROMIUM;
  const exists = executable(path);
  const plan = chromiumPlan({
    chromiumPath,
    exists,
    isRoot: process.getuid?.() === 0,
    passwordlessSudo: !exists && succeeds('sudo', ['-n', 'true']),
    hasAptGet: !exists && succeeds('apt-get', ['--version']),
  });
  if (plan.action === 'none') return;
  if (plan.action === 'fail') {
    process.stderr.write(`${plan.message}\n`);
    process.exit(1);
  }
  process.stdout.write(`Installing Debian's chromium for the sign-in page's browser tests (${plan.command.join(' ')} install chromium)...\n`);
  const [command, ...prefix] = plan.command;
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update', '-qq'], ['install', '-y', '-qq', 'chromium']]) {
    const run = spawnSync(command, [...prefix, ...args], { env, stdio: ['ignore', 'ignore', 'inherit'] });
    if (run.status !== 0) {
      process.stderr.write(`${plan.command.join(' ')} ${args.join(' ')} failed (exit ${run.status}). ${HOW_TO_INSTALL}\n`);
      process.exit(1);
    }
  }
  if (!executable(DEBIAN_CHROMIUM)) {
    process.stderr.write(`apt-get installed chromium, but ${DEBIAN_CHROMIUM} is still missing. ${HOW_TO_INSTALL}\n`);
    process.exit(1);
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) main();
