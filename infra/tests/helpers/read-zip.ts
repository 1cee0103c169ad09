import { inflateRawSync } from 'node:zlib';
import { crc32 } from '../../src/lambda/deterministic-zip.js';

/** Reads the entries back through the central directory, as unzip and Lambda do. */
export function readZip(archive: Buffer): { name: string; data: Buffer; mode: number }[] {
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
