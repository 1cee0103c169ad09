import { Testing } from 'cdktf';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

Testing.setupJest();

// Testing.app() (behind synthScope) makes a cdktf.outdir.* folder in
// os.tmpdir() and never removes it. Point os.tmpdir() at a scratch folder per
// test file and remove that folder, with everything CDKTF put in it, afterwards.
const systemTmpdir = tmpdir();
const scratch = mkdtempSync(join(systemTmpdir, 'infra-test-'));
process.env['INFRA_TEST_SYSTEM_TMPDIR'] = systemTmpdir;
process.env['TMPDIR'] = scratch;

afterAll(() => {
  process.env['TMPDIR'] = systemTmpdir;
  rmSync(scratch, { recursive: true, force: true });
});
