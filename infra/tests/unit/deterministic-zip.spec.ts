import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { crc32, deterministicZip, type ZipEntry } from '../../src/lambda/deterministic-zip.js';

const ENTRIES: ZipEntry[] = [
  { name: 'index.mjs', data: Buffer.from('export const handler = async () => ({});\n') },
  { name: 'lib/chunk.mjs', data: Buffer.from('x'.repeat(10_000)) },
  { name: 'index.mjs.map', data: Buffer.from('{"version":3}') },
];

/** Reads the entries back through the central directory, as unzip and Lambda do. */
function readZip(archive: Buffer): { name: string; data: Buffer; mode: number }[] {
  const end = archive.length - 22;
  const count = archive.readUInt16LE(end + 10);
  let cursor = archive.readUInt32LE(end + 16);
  const entries = [];
  for (let index = 0; index < count; index++) {
    const nameLength = archive.readUInt16LE(cursor + 28);
    const name = archive.toString('utf8', cursor + 46, cursor + 46 + nameLength);
    const localOffset = archive.readUInt32LE(cursor + 42);
    const compressedSize = archive.readUInt32LE(cursor + 20);
    const crc = archive.readUInt32LE(cursor + 16);
    const mode = archive.readUInt32LE(cursor + 38) >>> 16;
    const dataStart = localOffset + 30 + archive.readUInt16LE(localOffset + 26);
    const data = inflateRawSync(archive.subarray(dataStart, dataStart + compressedSize));
    expect(crc32(data)).toBe(crc);
    entries.push({ name, data, mode });
    cursor += 46 + nameLength;
  }
  return entries;
}

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
