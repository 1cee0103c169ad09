import { mkdirSync, mkdtempSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { killGroup, runCli, waitForFile, waitForGroupExit, type CliProcess } from '../support/cli-process';

/** Makes the stack crash on SIGUSR2 (see the file). */
const CRASH_AFTER_READY = join(__dirname, '..', 'support', 'crash-after-ready.mjs');

/** The ready signal (dist/local/outputs.json) must never outlive the stack, whichever way it ends. */
describe('the ready file of npm start', () => {
  let folder: string;
  let outputsFile: string;
  const started: CliProcess[] = [];
  const start = (env: Record<string, string> = {}, nodeArguments: readonly string[] = []) => {
    const cli = runCli({ LOCAL_OUTPUT_DIR: join(folder, 'out'), LOCAL_DATA_DIR: '', ...env }, nodeArguments);
    started.push(cli);
    return cli;
  };

  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'local-stack-ready-'));
    outputsFile = join(folder, 'out', 'outputs.json');
  });
  afterEach(() => {
    for (const cli of started.splice(0)) killGroup(cli.pgid);
    rmSync(folder, { recursive: true, force: true });
  });

  it.each([['SIGINT'], ['SIGTERM'], ['SIGHUP']] as const)('is removed when the stack stops on %s', async (signal) => {
    const cli = start();
    await waitForFile(outputsFile, cli);

    cli.child.kill(signal);

    expect(await waitForGroupExit(cli.pgid, 5000)).toBeLessThan(5000);
    expect(existsSync(outputsFile)).toBe(false);
  });

  it('is removed when the stdout pipe was closed before Ctrl-C (npm start | tee log, then Ctrl-C)', async () => {
    const cli = start();
    await waitForFile(outputsFile, cli);

    cli.child.stdout!.destroy();
    cli.child.kill('SIGINT');

    expect(await waitForGroupExit(cli.pgid, 5000)).toBeLessThan(5000);
    expect(existsSync(outputsFile)).toBe(false);
    expect(cli.output.stderr).toBe('');
  });

  it('stops the stack and removes the file once a write finds the stdout pipe closed (EPIPE)', async () => {
    const cli = start();
    const outputs = (await waitForFile(outputsFile, cli)) as { cognitoEndpoint: string };

    cli.child.stdout!.destroy();
    // A request makes the stack write its log line, which meets the closed pipe; a line the stack was
    // about to write anyway may meet it first, and then the stack is already stopping: either way it goes.
    await fetch(`${outputs.cognitoEndpoint}/`, { method: 'POST', headers: { 'x-amz-target': 'AWSCognitoIdentityProviderService.Nothing' }, body: '{}' }).catch(
      () => undefined,
    );

    expect(await waitForGroupExit(cli.pgid, 5000)).toBeLessThan(5000);
    expect(existsSync(outputsFile)).toBe(false);
    expect(await cli.exited).toEqual({ code: 0, signal: null });
  });

  it.each([['an uncaught exception', 'exception'], ['an unhandled rejection', 'rejection']])(
    'is removed when %s ends the stack, which exits 1 and says why',
    async (_, kind) => {
      const cli = start({ CRASH_KIND: kind }, ['--import', CRASH_AFTER_READY]);
      await waitForFile(outputsFile, cli);

      cli.child.kill('SIGUSR2');

      expect(await waitForGroupExit(cli.pgid, 5000)).toBeLessThan(5000);
      expect(existsSync(outputsFile)).toBe(false);
      expect(await cli.exited).toEqual({ code: 1, signal: null });
      expect(cli.output.stderr).toContain('local-stack: internal error: Error: injected crash');
    },
  );

  it('removes a leftover file before starting, even when the start then fails', async () => {
    mkdirSync(join(folder, 'out'));
    writeFileSync(outputsFile, JSON.stringify({ cognitoEndpoint: 'http://127.0.0.1:1' }));
    const blocker: Server = createServer();
    const taken = await new Promise<number>((resolve) => blocker.listen(0, '127.0.0.1', () => resolve((blocker.address() as { port: number }).port)));
    try {
      const cli = start({ LOCAL_COGNITO_PORT: String(taken) });

      expect((await cli.exited).code).not.toBe(0);
      expect(existsSync(outputsFile)).toBe(false);
    } finally {
      blocker.close();
    }
  });
});
