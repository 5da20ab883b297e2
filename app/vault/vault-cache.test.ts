/**
 * The vault's memory of records against the stores underneath it: a store only this process
 * writes is read once; a shared store is read again whenever its stamp says another process
 * may have written, always under the lock before a write, and on every read while it cannot
 * give a stamp at all. A record rewritten in place by another tool is noticed too.
 */
import { mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { EphemeralAesGcmCipher } from './aes-gcm-cipher';
import { FolderStore } from './file-store';
import type { JsonValue, KeyValueStore } from './ports';
import type { SettingsRecord } from './records';
import { Vault } from './vault';

const folders: string[] = [];
const folder = () => {
  const dir = mkdtempSync(join(tmpdir(), 'mwtokens-cache-'));
  folders.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A store in memory that only this process writes: no lock, no stamp. Counts its reads. */
class MemoryStore implements KeyValueStore {
  reads = 0;
  readonly values = new Map<string, JsonValue>();
  get(key: string): Promise<unknown> {
    this.reads += 1;
    return Promise.resolve(structuredClone(this.values.get(key)));
  }
  set(key: string, value: JsonValue): Promise<void> {
    this.values.set(key, structuredClone(value));
    return Promise.resolve();
  }
  delete(key: string): Promise<void> {
    this.values.delete(key);
    return Promise.resolve();
  }
  keys(): Promise<string[]> {
    return Promise.resolve([...this.values.keys()]);
  }
}

/** A FolderStore that counts reads, with its stamp replaced where a test says so. */
function folderStore(dir: string, stamp?: (key: string) => Promise<string | undefined>) {
  const inner = new FolderStore(dir);
  const counted = { reads: 0 };
  const store = Object.assign(Object.create(inner) as FolderStore, {
    get: (key: string) => {
      counted.reads += 1;
      return inner.get(key);
    },
    ...(stamp === undefined ? {} : { stamp }),
  });
  return { store, counted };
}

const withSeconds = (seconds: number) => (r: SettingsRecord) => ({
  ...r,
  clipboardClearSeconds: seconds,
});

describe('Vault over a store only this process writes', () => {
  it('reads each record once, across reads and updates alike', async () => {
    const store = new MemoryStore();
    const vault = new Vault(store, new EphemeralAesGcmCipher());
    await vault.updateSettings(withSeconds(40));
    await vault.updateSettings(withSeconds(50));
    expect((await vault.readSettings()).clipboardClearSeconds).toBe(50);
    await vault.readSettings();
    expect(store.reads).toBe(1);
  });
});

describe('Vault over a shared store', () => {
  it('a record only read (never written) here is served from memory while unchanged', async () => {
    const dir = folder();
    await new Vault(new FolderStore(dir), new EphemeralAesGcmCipher()).updateSettings(
      withSeconds(40),
    );
    const { store, counted } = folderStore(dir);
    const vault = new Vault(store, new EphemeralAesGcmCipher());
    for (let n = 0; n < 3; n++) expect((await vault.readSettings()).clipboardClearSeconds).toBe(40);
    expect(counted.reads).toBe(1);
  });

  it('while the store cannot stamp a record, every read goes to the store', async () => {
    const dir = folder();
    const { store, counted } = folderStore(dir, () => Promise.reject(new Error('EIO')));
    const vault = new Vault(store, new EphemeralAesGcmCipher());
    await vault.updateSettings(withSeconds(40));
    expect((await vault.readSettings()).clipboardClearSeconds).toBe(40);
    // Another process writes; nothing here could tell from a stamp.
    await new Vault(new FolderStore(dir), vault.cipher).updateSettings(withSeconds(50));
    expect((await vault.readSettings()).clipboardClearSeconds).toBe(50);
    expect((await vault.readSettings()).clipboardClearSeconds).toBe(50);
    expect(counted.reads).toBe(4);
  });

  // The stamp may miss a rewrite (same size, same clock tick, reused inode): a write must not.
  it('a write re-reads the record under the lock, even when the stamp missed a change', async () => {
    const dir = folder();
    const { store } = folderStore(dir, () => Promise.resolve('looks unchanged'));
    const gui = new Vault(store, new EphemeralAesGcmCipher());
    await gui.updateSecrets('p', (r) => ({ ...r, deviceTokenUuid: 'gui-device' }));
    await new Vault(new FolderStore(dir), gui.cipher).updateSecrets('p', (r) => ({
      ...r,
      apiToken: { token: 'AAAA', expiresAt: 1 },
    }));
    const written = await gui.updateSecrets('p', (r) => ({ ...r, held: {} }));
    expect(written).toMatchObject({
      deviceTokenUuid: 'gui-device',
      apiToken: { token: 'AAAA', expiresAt: 1 },
    });
  });

  it('a record another tool rewrote in place (same file, same size) is read again', async () => {
    const dir = folder();
    const file = join(dir, 'settings.json');
    const vault = new Vault(new FolderStore(dir), new EphemeralAesGcmCipher());
    await vault.updateSettings(withSeconds(40));
    const { ino } = statSync(file);
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.replace('"clipboardClearSeconds":40', '"clipboardClearSeconds":45'));
    // In the same clock tick the write time may not move; another tool can be later than that.
    const later = new Date(Date.now() + 5_000);
    utimesSync(file, later, later);
    expect(statSync(file).ino).toBe(ino);
    expect((await vault.readSettings()).clipboardClearSeconds).toBe(45);
  });
});

describe('Vault over a store that cannot be locked', () => {
  it('says why, even when the store gives no Error, and changes nothing', async () => {
    const dir = folder();
    const inner = new FolderStore(dir);
    const store = Object.assign(Object.create(inner) as FolderStore, {
      // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- a store may reject with anything
      lock: () => Promise.reject('EBUSY'),
    });
    const vault = new Vault(store, new EphemeralAesGcmCipher());
    await expect(vault.updateSettings(withSeconds(40))).rejects.toMatchObject({
      kind: 'storage_failed',
      message: expect.stringContaining('could not be locked (unknown error)') as unknown,
    });
    expect(await inner.get('settings')).toBeUndefined();
  });
});
