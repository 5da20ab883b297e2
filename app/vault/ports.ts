/** The two ports the vault stands on; each host brings its own implementations. */

export interface SecretCipher {
  /** Name of the backend, e.g. `gnome_libsecret`, `keychain`, `dpapi`, `basic_text`, `aes-256-gcm (memory)`. */
  readonly backend: string;
  /** Whether secrets can be encrypted now (a weak backend answers false until allowed). */
  isAvailable(): Promise<boolean>;
  encrypt(plain: string): Promise<Uint8Array>;
  /** Throws when the bytes were not made by this cipher with this key. */
  decrypt(encrypted: Uint8Array): Promise<string>;
  /**
   * Lets a weak backend (Linux `basic_text`) encrypt. Called only once the user accepted weak
   * storage for a profile; a no-op elsewhere.
   */
  allowWeak(): void;
}

/** Backends that keep secrets readable to anyone with the user's files. */
export const WEAK_BACKENDS: ReadonlySet<string> = new Set(['basic_text', 'plaintext', 'unknown']);

export type JsonValue =
  string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export interface KeyValueStore {
  get(key: string): Promise<unknown>;
  /** Replaces the value atomically: a reader sees the old or the new one, never half. */
  set(key: string, value: JsonValue): Promise<void>;
  delete(key: string): Promise<void>;
  keys(): Promise<string[]>;
  /**
   * Runs `work` holding a lock on the key that other processes honour too (the GUI and a CLI
   * call share one store), so a read-modify-write of a record is never interleaved with
   * another's. A store that only this process ever writes may leave it out.
   */
  lock?<T>(key: string, work: () => Promise<T>): Promise<T>;
  /**
   * A cheap fingerprint of the key's stored bytes (a stat, not a read): a different answer than
   * the one seen with a cached record means another process may have written it. Undefined when
   * there is no record. A store only this process writes may leave it out.
   */
  stamp?(key: string): Promise<string | undefined>;
}

/** What a store answers for a record it cannot even parse; the vault reports it, untouched. */
export class UnreadableRecord {
  constructor(readonly reason: string) {}
}
