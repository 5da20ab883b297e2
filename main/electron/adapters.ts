/** Ports on Electron's APIs (the keychain's is in safe-storage-cipher.ts). Each takes the one API it calls, so tests pass a stand-in. */
import type { JsonValue, KeyValueStore } from '../../app/vault/ports';

/** What the adapter needs of electron-store: its file is written atomically by the library. */
export interface StoreApi {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
  delete(key: string): void;
  readonly store: Record<string, unknown>;
}

/** Keys are escaped so that electron-store never reads a dot as a nested path. */
export class ElectronStoreAdapter implements KeyValueStore {
  constructor(private readonly store: StoreApi) {}

  get(key: string): Promise<unknown> {
    return Promise.resolve(this.store.get(escape(key)));
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
}

const escape = (key: string) => encodeURIComponent(key).replaceAll('.', '%2E');
const unescape = (key: string) => decodeURIComponent(key);
