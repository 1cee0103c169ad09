import { spawn } from 'node:child_process';
import { InfraError } from '../errors.js';
import type { Terraform } from './deploy.js';

/** A Terraform command that exited with an error. */
export class TerraformCommandError extends InfraError {
  override readonly name = 'TerraformCommandError';
}

/** Runs `binary` (terraform or tofu) as a child process in the stack folder. */
export function terraformCli(binary: string, env: NodeJS.ProcessEnv = process.env): Terraform {
  const exec = (cwd: string, args: readonly string[], capture: boolean) =>
    new Promise<string>((resolve, reject) => {
      const child = spawn(binary, [...args], { cwd, env, stdio: ['inherit', capture ? 'pipe' : 'inherit', 'inherit'] });
      let stdout = '';
      child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
      child.on('error', (cause) => reject(new TerraformCommandError(`could not run "${binary}": ${cause.message}`, { cause })));
      child.on('close', (code) => {
        if (code === 0) resolve(stdout);
        else reject(new TerraformCommandError(`"${binary} ${args.join(' ')}" failed (exit ${code}) in ${cwd}`));
      });
    });
  return {
    run: async (cwd, args) => {
      await exec(cwd, args, false);
    },
    showState: async (cwd) => JSON.parse(await exec(cwd, ['show', '-json', '-no-color'], true)) as unknown,
  };
}
