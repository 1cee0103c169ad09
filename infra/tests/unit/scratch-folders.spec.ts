import { Testing } from 'cdktf';
import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';

describe('test scratch folders', () => {
  const systemTmpdir = process.env['INFRA_TEST_SYSTEM_TMPDIR'] ?? '';
  const outdirsIn = (folder: string) => readdirSync(folder).filter((name) => name.startsWith('cdktf.outdir.'));

  it('sends what CDKTF writes for a synthScope to the scratch folder, not the system temp folder', () => {
    const before = outdirsIn(systemTmpdir).length;

    Testing.synthScope(() => undefined);

    expect(tmpdir()).not.toBe(systemTmpdir);
    expect(outdirsIn(tmpdir()).length).toBeGreaterThan(0);
    expect(outdirsIn(systemTmpdir)).toHaveLength(before);
  });
});
