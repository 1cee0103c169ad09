import { rmSync } from 'node:fs';

export default function globalTeardown(): void {
  const scratch = process.env['INFRA_TEST_SCRATCH'];
  if (scratch !== undefined) rmSync(scratch, { recursive: true, force: true });
  const systemTmpdir = process.env['INFRA_TEST_SYSTEM_TMPDIR'];
  if (systemTmpdir !== undefined) process.env['TMPDIR'] = systemTmpdir;
}
