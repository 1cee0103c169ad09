import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Testing.app() (behind synthScope) makes a cdktf.outdir.* folder in
 * os.tmpdir() for every synth and never removes it, and full synths write
 * whole stacks there. Every test process gets TMPDIR pointed at one scratch
 * folder, removed in global-teardown.ts. This runs in Jest's parent process,
 * before workers start, because os.tmpdir() reads the real environment, not
 * the copy Jest gives each test file.
 */
export default function globalSetup(): void {
  const systemTmpdir = tmpdir();
  process.env['INFRA_TEST_SYSTEM_TMPDIR'] = systemTmpdir;
  process.env['INFRA_TEST_SCRATCH'] = mkdtempSync(join(systemTmpdir, 'infra-jest-'));
  process.env['TMPDIR'] = process.env['INFRA_TEST_SCRATCH'];
}
