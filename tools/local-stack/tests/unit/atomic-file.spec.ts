import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GroupCommit, removeStaleTemporaryFiles, writeFileAtomic } from '../../src/stack/atomic-file';

describe('writeFileAtomic', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'atomic-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('replaces the file and leaves no temporary file', async () => {
    await writeFileAtomic(join(dir, 'a.json'), 'one');
    await writeFileAtomic(join(dir, 'a.json'), 'two');

    expect(readFileSync(join(dir, 'a.json'), 'utf8')).toBe('two');
    expect(readdirSync(dir)).toEqual(['a.json']);
  });

  it('creates the folder on first write', async () => {
    await writeFileAtomic(join(dir, 'nested', 'b.json'), 'x');

    expect(readFileSync(join(dir, 'nested', 'b.json'), 'utf8')).toBe('x');
  });
});

describe('removeStaleTemporaryFiles', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'stale-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('removes the temporary files a killed process left, and nothing else', async () => {
    writeFileSync(join(dir, 'users.json'), '{}');
    writeFileSync(join(dir, 'users.json.4242.0.tmp'), '{"torn');

    await removeStaleTemporaryFiles(dir);

    expect(readdirSync(dir)).toEqual(['users.json']);
  });

  it('takes a folder that does not exist yet as one with nothing to remove', async () => {
    await expect(removeStaleTemporaryFiles(join(dir, 'not-yet'))).resolves.toBeUndefined();
  });

  it('reports a path it cannot list for another reason, rather than carrying on as if it were empty', async () => {
    writeFileSync(join(dir, 'a-file'), '');

    await expect(removeStaleTemporaryFiles(join(dir, 'a-file'))).rejects.toMatchObject({ code: 'ENOTDIR' });
  });
});

describe('GroupCommit', () => {
  /** A write that snapshots `state` when it starts and finishes when told to. */
  function slowWriter() {
    const state = { value: 0, written: [] as number[], running: 0, maxRunning: 0 };
    const releases: (() => void)[] = [];
    const commit = new GroupCommit(async () => {
      const snapshot = state.value;
      state.running++;
      state.maxRunning = Math.max(state.maxRunning, state.running);
      await new Promise<void>((resolve) => releases.push(resolve));
      state.running--;
      state.written.push(snapshot);
    });
    const releaseAll = async () => {
      while (releases.length > 0) {
        releases.shift()!();
        await new Promise((resolve) => setImmediate(resolve));
      }
    };
    return { state, commit, releaseAll };
  }

  it('resolves each flush only after a write that saw its change', async () => {
    const { state, commit, releaseAll } = slowWriter();
    const seen: number[] = [];

    const flushes = [1, 2, 3, 4].map((value) => {
      state.value = value;
      return commit.flush().then(() => seen.push(Math.max(...state.written)));
    });
    await new Promise((resolve) => setImmediate(resolve));
    await releaseAll();
    await releaseAll();
    await Promise.all(flushes);

    expect(seen.every((highest, index) => highest >= index + 1)).toBe(true);
  });

  it('coalesces flushes that arrive during a write into one more write, never two at once', async () => {
    const { state, commit, releaseAll } = slowWriter();

    const flushes = Array.from({ length: 50 }, (_, index) => {
      state.value = index;
      return commit.flush();
    });
    await new Promise((resolve) => setImmediate(resolve));
    await releaseAll();
    await releaseAll();
    await Promise.all(flushes);
    await commit.idle();

    expect(state.written).toEqual([0, 49]);
    expect(state.maxRunning).toBe(1);
  });
});
