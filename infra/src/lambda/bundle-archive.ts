import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { InfraError } from '../errors.js';
import { deterministicZip, type ZipEntry } from './deterministic-zip.js';

export interface BundleArchive {
  readonly path: string;
  /** Hex prefix of the archive's SHA-256, used in file and asset names. */
  readonly contentHash: string;
  /** What Lambda reports as CodeSha256 for this archive. */
  readonly sha256Base64: string;
}

/**
 * Zips a bundle directory, plus `extraFiles` next to it (the Create
 * function's email templates), in-process into a content-addressed file under
 * `cacheDir`. An identical bundle maps to the same file, which is written
 * once; older archives of the same bundle are removed.
 *
 * Why not TerraformAsset's ARCHIVE type: it spawns a Node process per asset
 * (about 150 ms each, six per synth: most of the synth budget) and stamps
 * file modification times into the zip, so every rebuild of an unchanged
 * bundle would redeploy the function.
 */
export function archiveBundle(bundleDir: string, cacheDir: string, name: string, extraFiles: readonly ZipEntry[] = []): BundleArchive {
  const files = collectFiles(bundleDir, '');
  const clash = extraFiles.find((extra) => files.some((file) => file.name === extra.name));
  if (clash) throw new InfraError(`${join(bundleDir, clash.name)} exists already: the archive step adds a file of that name`);
  const archive = deterministicZip([...files, ...extraFiles]);
  const sha256 = createHash('sha256').update(archive).digest();
  const contentHash = sha256.toString('hex').slice(0, 32);
  const path = join(cacheDir, `${name}-${contentHash}.zip`);
  if (!existsSync(path)) {
    mkdirSync(cacheDir, { recursive: true });
    // Rename is atomic: a concurrent synth never reads a half-written archive.
    const partial = `${path}.${process.pid}.partial`;
    writeFileSync(partial, archive);
    renameSync(partial, path);
    pruneOlderArchives(cacheDir, name, path);
  }
  return { path, contentHash, sha256Base64: sha256.toString('base64') };
}

function pruneOlderArchives(cacheDir: string, name: string, keep: string): void {
  for (const file of readdirSync(cacheDir)) {
    const path = join(cacheDir, file);
    if (path !== keep && file.startsWith(`${name}-`) && file.endsWith('.zip')) rmSync(path, { force: true });
  }
}

function collectFiles(root: string, prefix: string): ZipEntry[] {
  return readdirSync(join(root, prefix), { withFileTypes: true }).flatMap((entry) => {
    const name = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
    if (entry.isDirectory()) return collectFiles(root, name);
    if (entry.isFile()) return [{ name, data: readFileSync(join(root, name)) }];
    return [];
  });
}
