import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const SCRIPT = join(__dirname, '..', '..', 'scripts', 'ensure-chromium.mjs');

interface Facts {
  chromiumPath?: string;
  exists: boolean;
  isRoot: boolean;
  passwordlessSudo: boolean;
  hasAptGet: boolean;
}

/** The script is plain ESM (it runs before anything is built): ask a child Node for its plan. */
function planFor(facts: Facts): { action: string; command?: string[]; message?: string } {
  const source = `import { chromiumPlan } from ${JSON.stringify(SCRIPT)}; console.log(JSON.stringify(chromiumPlan(${JSON.stringify(facts)})));`;
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', source], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(run.stderr);
  return JSON.parse(run.stdout);
}

function runScript(chromiumPath: string) {
  return spawnSync(process.execPath, [SCRIPT], { encoding: 'utf8', env: { PATH: process.env['PATH'] ?? '', CHROMIUM_PATH: chromiumPath } });
}

describe('ensure-chromium (before the browser tests)', () => {
  const missing = { exists: false, isRoot: false, passwordlessSudo: false, hasAptGet: true };

  it('does nothing, and prints nothing, when Chromium is there', () => {
    const run = runScript(process.execPath);

    expect({ status: run.status, stdout: run.stdout, stderr: run.stderr }).toEqual({ status: 0, stdout: '', stderr: '' });
    expect(planFor({ ...missing, exists: true })).toEqual({ action: 'none' });
  });

  it("installs Debian's chromium with apt-get as root, and through sudo when it needs no password", () => {
    expect(planFor({ ...missing, isRoot: true })).toEqual({ action: 'install', command: ['apt-get'] });
    expect(planFor({ ...missing, passwordlessSudo: true })).toEqual({ action: 'install', command: ['sudo', '-n', 'apt-get'] });
  });

  it('fails saying what to install when it may not install, or there is no apt-get', () => {
    expect(planFor(missing)).toEqual({ action: 'fail', message: expect.stringContaining('sudo apt-get install -y chromium') });
    expect(planFor({ ...missing, isRoot: true, hasAptGet: false })).toEqual({ action: 'fail', message: expect.stringContaining('set CHROMIUM_PATH') });
  });

  it('never replaces a CHROMIUM_PATH that points nowhere: it fails naming it', () => {
    const run = runScript('/nonexistent/chromium');

    expect(run.status).toBe(1);
    expect(run.stderr).toContain('CHROMIUM_PATH is /nonexistent/chromium, which is not an executable file');
    expect(planFor({ ...missing, chromiumPath: '/nonexistent/chromium', isRoot: true })).toMatchObject({ action: 'fail' });
  });
});
