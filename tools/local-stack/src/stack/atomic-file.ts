import { mkdir, open, readdir, rename, unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';

const TEMP_SUFFIX = '.tmp';
let sequence = 0;

/**
 * Replaces `path` with `contents` so that a crash at any moment leaves either
 * the old file or the new one, never a torn one: write a temporary file in the
 * same folder, fsync it, rename it over the target, fsync the folder (so the
 * rename itself survives a power cut).
 */
export async function writeFileAtomic(path: string, contents: string): Promise<void> {
  const folder = dirname(path);
  await mkdir(folder, { recursive: true });
  const temporary = `${path}.${process.pid}.${sequence++}${TEMP_SUFFIX}`;
  const file = await open(temporary, 'w', 0o600);
  try {
    await file.writeFile(contents, 'utf8');
    await file.sync();
  } finally {
    await file.close();
  }
  try {
    await rename(temporary, path);
  } catch (error) {
    // The rename's failure is the one to report; a temporary file that cannot be removed now goes at the next start.
    await unlink(temporary).catch(() => undefined);
    throw error;
  }
  const dir = await open(folder, 'r');
  try {
    await dir.sync();
  } finally {
    await dir.close();
  }
}

/** Deletes temporary files a killed process left behind in `folder`. */
export async function removeStaleTemporaryFiles(folder: string): Promise<void> {
  const names = await readdir(folder).catch((error: unknown): string[] => {
    ignoreMissing(error);
    return [];
  });
  await Promise.all(names.filter((name) => name.endsWith(TEMP_SUFFIX)).map((name) => unlink(join(folder, name)).catch(ignoreMissing)));
}

/** A file or folder already gone is what the caller wanted; any other failure (permissions, I/O) is thrown. */
function ignoreMissing(error: unknown): void {
  if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
}

/**
 * Coalesces durable writes (group commit): `flush()` resolves once a write
 * that started after the call has finished, so every change made before the
 * call is on disk; callers that arrive while a write runs share the next one.
 */
export class GroupCommit {
  private inFlight: Promise<void> | undefined;
  private next: Promise<void> | undefined;

  constructor(private readonly write: () => Promise<void>) {}

  flush(): Promise<void> {
    if (this.next !== undefined) return this.next;
    if (this.inFlight === undefined) return this.start();
    // The write in flight reports its failure to its own callers; the next one starts after it either way.
    this.next ??= this.inFlight
      .catch(() => undefined)
      .then(() => {
        this.next = undefined;
        return this.start();
      });
    return this.next;
  }

  /** Resolves when no write is running or queued (failures included: each reached the callers of its `flush()`). */
  async idle(): Promise<void> {
    for (let pending = this.next ?? this.inFlight; pending !== undefined; pending = this.next ?? this.inFlight) {
      await pending.catch(() => undefined);
    }
  }

  private start(): Promise<void> {
    const run: Promise<void> = this.write().finally(() => {
      if (this.inFlight === run) this.inFlight = undefined;
    });
    this.inFlight = run;
    return run;
  }
}
