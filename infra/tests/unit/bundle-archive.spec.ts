import { mkdirSync, mkdtempSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { archiveBundle } from '../../src/lambda/bundle-archive.js';

function bundleDir(code: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'bundle-'));
  writeFileSync(join(dir, 'index.mjs'), code);
  mkdirSync(join(dir, 'chunks'));
  writeFileSync(join(dir, 'chunks', 'a.mjs'), 'export const a = 1;\n');
  return dir;
}

describe('archiveBundle', () => {
  it('gives the same archive for the same files, even when they were rebuilt later', () => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'archives-'));
    const first = archiveBundle(bundleDir('export const handler = 1;\n'), cacheDir, 'verify-auth-challenge');
    const rebuilt = bundleDir('export const handler = 1;\n');
    utimesSync(join(rebuilt, 'index.mjs'), new Date('2030-01-01'), new Date('2030-01-01'));

    const second = archiveBundle(rebuilt, cacheDir, 'verify-auth-challenge');

    expect(second).toEqual(first);
    expect(readdirSync(cacheDir)).toEqual([`verify-auth-challenge-${first.contentHash}.zip`]);
  });

  it('gives a new archive for new code and drops the old one', () => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'archives-'));
    const old = archiveBundle(bundleDir('export const handler = 1;\n'), cacheDir, 'verify-auth-challenge');

    const fresh = archiveBundle(bundleDir('export const handler = 2;\n'), cacheDir, 'verify-auth-challenge');

    expect(fresh.sha256Base64).not.toBe(old.sha256Base64);
    expect(readdirSync(cacheDir)).toEqual([`verify-auth-challenge-${fresh.contentHash}.zip`]);
  });

  it('keeps the archives of other bundles', () => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'archives-'));
    archiveBundle(bundleDir('export const handler = 1;\n'), cacheDir, 'define-auth-challenge');

    archiveBundle(bundleDir('export const handler = 2;\n'), cacheDir, 'verify-auth-challenge');

    expect(readdirSync(cacheDir)).toHaveLength(2);
  });
});
