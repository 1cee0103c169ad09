import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as v from 'valibot';
import { LocalStackStartError } from '../errors';
import { GroupCommit, removeStaleTemporaryFiles, writeFileAtomic } from '../stack/atomic-file';

const OneTimeCodeSchema = v.object({
  /** SHA-256 of the code: the data folder never holds one in clear. */
  hash: v.string(),
  expiresAtMs: v.number(),
});

const UserRecordSchema = v.object({
  username: v.string(),
  sub: v.string(),
  status: v.picklist(['UNCONFIRMED', 'CONFIRMED', 'FORCE_CHANGE_PASSWORD']),
  enabled: v.boolean(),
  attributes: v.record(v.string(), v.string()),
  /** SRP salt and verifier: the password itself is never stored. */
  password: v.object({ salt: v.string(), verifier: v.string() }),
  createdAtMs: v.number(),
  updatedAtMs: v.number(),
  confirmationCode: v.optional(OneTimeCodeSchema),
  passwordResetCode: v.optional(OneTimeCodeSchema),
  /** GlobalSignOut: tokens issued before this second (epoch seconds) are revoked. */
  tokensValidAfter: v.number(),
  /** RevokeToken: refresh token families (`origin_jti`) revoked, with the second they would have expired. */
  revokedTokenFamilies: v.record(v.string(), v.number()),
});

const UsersFileSchema = v.object({ version: v.literal(1), users: v.array(UserRecordSchema) });

export type UserRecord = v.InferOutput<typeof UserRecordSchema>;
export type UserStatus = UserRecord['status'];
export type OneTimeCode = v.InferOutput<typeof OneTimeCodeSchema>;

export const USERS_FILE_NAME = 'users.json';

/**
 * The pool's users, in memory, written to `<dataDir>/users.json` after every
 * change (atomic replace, group-committed): a call to `save` or `delete`
 * resolves once the change is on disk. Usernames are case-insensitive, as in
 * the infra pool (`caseSensitive: false`); the stored spelling is kept.
 */
export class UserStore {
  private readonly users = new Map<string, UserRecord>();
  private readonly commit: GroupCommit | undefined;

  private constructor(private readonly file: string | undefined) {
    this.commit = file === undefined ? undefined : new GroupCommit(() => writeFileAtomic(file, this.serialize()));
  }

  /** Opens the store in `dataDir` (created on first save), or in memory only when undefined. */
  static async open(dataDir: string | undefined): Promise<UserStore> {
    if (dataDir === undefined) return new UserStore(undefined);
    await removeStaleTemporaryFiles(dataDir);
    const store = new UserStore(join(dataDir, USERS_FILE_NAME));
    const text = await readFile(join(dataDir, USERS_FILE_NAME), 'utf8').catch((error: NodeJS.ErrnoException) => {
      // No file yet (a first start); any other failure stops the start.
      if (error.code === 'ENOENT') return undefined;
      throw error;
    });
    if (text !== undefined) {
      let parsed: v.InferOutput<typeof UsersFileSchema>;
      try {
        parsed = v.parse(UsersFileSchema, JSON.parse(text));
      } catch (cause) {
        throw new LocalStackStartError(
          `${join(dataDir, USERS_FILE_NAME)} is not a users file this stack wrote (${(cause as Error).message}); move it away or set LOCAL_DATA_DIR to another folder.`,
          { cause },
        );
      }
      for (const user of parsed.users) store.users.set(key(user.username), user);
    }
    return store;
  }

  get size(): number {
    return this.users.size;
  }

  find(username: string): UserRecord | undefined {
    return this.users.get(key(username));
  }

  /** Stores the record (new or updated) and resolves once it is durable. */
  save(user: UserRecord): Promise<void> {
    this.users.set(key(user.username), user);
    return this.flush();
  }

  delete(username: string): Promise<void> {
    this.users.delete(key(username));
    return this.flush();
  }

  /** Resolves once every change made so far has been written (or has failed to be). */
  async close(): Promise<void> {
    await this.commit?.idle();
  }

  private flush(): Promise<void> {
    return this.commit?.flush() ?? Promise.resolve();
  }

  private serialize(): string {
    return JSON.stringify({ version: 1, users: [...this.users.values()] });
  }
}

function key(username: string): string {
  return username.toLowerCase();
}
