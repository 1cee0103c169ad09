import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, deterministicZip, type ZipEntry } from '../../src/lambda/deterministic-zip.js';
import { readZip } from '../helpers/read-zip.js';

const ENTRIES: ZipEntry[] = [
  { name: 'index.mjs', data: Buffer.from('export const handler = async () => ({});\n') },
  { name: 'lib/chunk.mjs', data: Buffer.from('x'.repeat(10_000)) },
  { name: 'index.mjs.map', data: Buffer.from('{"version":3}') },
];

describe('deterministicZip', () => {
  it('round-trips every entry, sorted by name, readable by everyone', () => {
    const entries = readZip(deterministicZip(ENTRIES));

    expect(entries.map((entry) => entry.name)).toEqual(['index.mjs', 'index.mjs.map', 'lib/chunk.mjs']);
    expect(entries.find((entry) => entry.name === 'lib/chunk.mjs')?.data.toString()).toBe('x'.repeat(10_000));
    expect(entries.every((entry) => entry.mode === 0o100644)).toBe(true);
  });

  it('gives the same bytes whatever the order the files were found in', () => {
    expect(deterministicZip([...ENTRIES].reverse()).equals(deterministicZip(ENTRIES))).toBe(true);
  });

  it('computes the standard CRC-32', () => {
    expect(crc32(Buffer.from('123456789'))).toBe(0xcbf43926);
  });

  const unzip = spawnSync('unzip', ['-v'], { encoding: 'utf8' });
  if (unzip.status !== 0) console.warn('SKIPPED: checking archives with Info-ZIP "unzip -t": unzip is not on PATH');
  (unzip.status === 0 ? it : it.skip)('passes Info-ZIP "unzip -t"', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'zip-')), 'bundle.zip');
    writeFileSync(path, deterministicZip(ENTRIES));

    const result = spawnSync('unzip', ['-t', path], { encoding: 'utf8' });

    expect(result.stdout).toContain('No errors detected');
    expect(result.status).toBe(0);
  });
});
