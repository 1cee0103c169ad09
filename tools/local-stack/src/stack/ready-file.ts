import { readFileSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { LocalStackNotRunningError } from '../errors';
import { OUTPUTS_FILE_NAME, type LocalStackOutputs } from './outputs';

/** How long a reader waits for the stack named in the ready file to answer. */
const PROBE_TIMEOUT_MS = 2000;

/** `$LOCAL_OUTPUT_DIR`, or `dist/local` under the current directory, as `npm start` writes it. */
export function defaultOutputDir(env: Readonly<Record<string, string | undefined>> = process.env): string {
  return resolve(env['LOCAL_OUTPUT_DIR'] || join('dist', 'local'));
}

/**
 * The one reader of `outputs.json` for every tool (CLI, sign-in driver,
 * bench, resilience tests). A missing file, or one left by a stack that was
 * killed (nothing answers at its endpoint), is `LocalStackNotRunningError`
 * rather than a later `ECONNREFUSED` or `fetch failed`.
 */
export async function readStackOutputs(outputDir: string = defaultOutputDir()): Promise<LocalStackOutputs> {
  const file = join(outputDir, OUTPUTS_FILE_NAME);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new LocalStackNotRunningError(`no ${file}`, { cause: error });
    throw error;
  }
  const outputs = JSON.parse(text) as LocalStackOutputs;
  try {
    await fetch(`${outputs.cognitoEndpoint}/health`, { signal: AbortSignal.timeout(PROBE_TIMEOUT_MS) }).then((response) => response.body?.cancel());
  } catch (error) {
    throw new LocalStackNotRunningError(`${file} is left from a stack that stopped; nothing answers at ${outputs.cognitoEndpoint}`, { cause: error });
  }
  return outputs;
}

/** Whether `error` says the stack's endpoint did not answer (refused, reset, or fetch's bare `fetch failed`). */
export function isStackUnreachable(error: unknown): boolean {
  const codes = ['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET'];
  for (let current = error, depth = 0; current instanceof Error && depth < 5; current = current.cause, depth++) {
    const { code } = current as NodeJS.ErrnoException;
    if ((code !== undefined && codes.includes(code)) || (current instanceof TypeError && current.message === 'fetch failed')) return true;
  }
  return false;
}

/**
 * Removes `outputs.json` if it is still the one this stack wrote (another
 * stack started since may have replaced it). Synchronous, for the `exit`
 * event, the last point every way out of the process passes.
 */
export function removeOwnReadyFileSync(outputDir: string, cognitoEndpoint: string): void {
  const file = join(outputDir, OUTPUTS_FILE_NAME);
  let written: { cognitoEndpoint?: unknown };
  try {
    written = JSON.parse(readFileSync(file, 'utf8')) as { cognitoEndpoint?: unknown };
  } catch {
    // Already gone (the normal stop removes it first), or not a file this stack could have written.
    return;
  }
  if (written.cognitoEndpoint === cognitoEndpoint) rmSync(file, { force: true });
}
