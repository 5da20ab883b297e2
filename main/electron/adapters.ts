/** Ports on Electron's APIs (the keychain's is in safe-storage-cipher.ts). Each takes the one API it calls, so tests pass a stand-in. */
import { stat } from 'node:fs/promises';
import { withLockFile, type LockOptions } from '../../app/vault/lock-file';
import { UnreadableRecord, type JsonValue, type KeyValueStore } from '../../app/vault/ports';

/**
 * What the adapter needs of electron-store: its file is written atomically by the library, and
 * every read and write reads the file first (its `cache` option is off by default), so a write
 * made by another process is seen. `path` is the file: without it, this is the only writer.
 */
export interface StoreApi {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
  delete(key: string): void;
  readonly store: Record<string, unknown>;
  readonly path?: string;
}

/**
 * Keys are escaped so that electron-store never reads a dot as a nested path. A CLI call may
 * write the same file while the app runs: the file holds every key, so one lock file beside it
 * guards every key's read-modify-write, and the file's stamp stands for every key.
 */
export class ElectronStoreAdapter implements KeyValueStore {
  /** Lock calls of this process queue here, so they never poll for each other's lock file. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly store: StoreApi,
    private readonly lockOptions: LockOptions = {},
  ) {}

  /**
   * Another process may leave the file unparsable (a writer that is not atomic, a disk error):
   * the record is then unreadable, reported and left alone. The parser's message is not passed
   * on, since it quotes the file's text.
   */
  get(key: string): Promise<unknown> {
    try {
      return Promise.resolve(this.store.get(escape(key)));
    } catch (error) {
      if (error instanceof SyntaxError)
        return Promise.resolve(new UnreadableRecord('the data file is not JSON'));
      return Promise.reject(error instanceof Error ? error : new Error('the store failed'));
    }
  }

  set(key: string, value: JsonValue): Promise<void> {
    this.store.set(escape(key), value);
    return Promise.resolve();
  }

  delete(key: string): Promise<void> {
    this.store.delete(escape(key));
    return Promise.resolve();
  }

  keys(): Promise<string[]> {
    return Promise.resolve(Object.keys(this.store.store).map(unescape));
  }

  lock<T>(_key: string, work: () => Promise<T>): Promise<T> {
    const file = this.store.path;
    if (file === undefined) return work();
    const locked = () => withLockFile(`${file}.lock`, work, this.lockOptions);
    const next = this.queue.then(locked, locked);
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** The file's inode (a new one per atomic write), size and times; the same for every key. */
  async stamp(): Promise<string | undefined> {
    const file = this.store.path;
    if (file === undefined) return 'only-writer';
    try {
      const s = await stat(file, { bigint: true });
      return `${s.ino}:${s.size}:${s.mtimeNs}:${s.ctimeNs}`;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }
}

const escape = (key: string) => encodeURIComponent(key).replaceAll('.', '%2E');
const unescape = (key: string) => decodeURIComponent(key);
