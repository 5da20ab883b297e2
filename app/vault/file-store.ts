/**
 * A KeyValueStore of one JSON file per key in a folder, each written atomically. Other
 * processes (a CLI call beside the app) may write too: each key has a lock file beside it,
 * and a stamp made of the file's inode, size and times shows when a cached record is stale.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, open, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { withLockFile, type LockOptions } from './lock-file';
import { UnreadableRecord, type JsonValue, type KeyValueStore } from './ports';

const SUFFIX = '.json';

export class FolderStore implements KeyValueStore {
  constructor(
    private readonly folder: string,
    private readonly lockOptions: LockOptions = {},
  ) {}

  async get(key: string): Promise<unknown> {
    let text: string;
    try {
      text = await readFile(this.path(key), 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
    // A file that is not JSON is handed on as text: the vault reports it and leaves it alone.
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return new UnreadableRecord('the file is not JSON');
    }
  }

  /** Write to a temp file, fsync, rename over the old one: never a half-written record. */
  async set(key: string, value: JsonValue): Promise<void> {
    await mkdir(this.folder, { recursive: true, mode: 0o700 });
    const target = this.path(key);
    const temp = `${target}.${randomBytes(6).toString('hex')}.tmp`;
    const handle = await open(temp, 'w', 0o600);
    try {
      await handle.writeFile(JSON.stringify(value));
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, target);
  }

  async delete(key: string): Promise<void> {
    await rm(this.path(key), { force: true });
  }

  async keys(): Promise<string[]> {
    try {
      const names = await readdir(this.folder);
      return names
        .filter((name) => name.endsWith(SUFFIX))
        .map((name) => decodeURIComponent(name.slice(0, -SUFFIX.length)));
    } catch {
      return [];
    }
  }

  /** `<key>.json.lock` beside the record: not a `.json` file, so never listed as a key. */
  async lock<T>(key: string, work: () => Promise<T>): Promise<T> {
    await mkdir(this.folder, { recursive: true, mode: 0o700 });
    return withLockFile(`${this.path(key)}.lock`, work, this.lockOptions);
  }

  /**
   * Every write renames a new file over the record, so the inode changes with each one; size
   * and nanosecond times guard against an inode number the file system reused. A plain read may
   * still miss a rewrite of equal size in the same clock tick on a reused inode, so writes
   * never rely on it: they re-read the record under the lock.
   */
  async stamp(key: string): Promise<string | undefined> {
    try {
      const s = await stat(this.path(key), { bigint: true });
      return `${s.ino}:${s.size}:${s.mtimeNs}:${s.ctimeNs}`;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }

  private path(key: string): string {
    return join(this.folder, encodeURIComponent(key) + SUFFIX);
  }
}
