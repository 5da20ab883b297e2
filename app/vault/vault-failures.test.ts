/**
 * The vault when things go wrong underneath it: a secret another keychain sealed, a store that
 * cannot be read, a store that cannot be written. Each is reported as data the UI can show
 * (a kind and a message that says what happened), and nothing is changed, on disk or in memory.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { EphemeralAesGcmCipher } from './aes-gcm-cipher';
import { FolderStore } from './file-store';
import type { JsonValue, KeyValueStore } from './ports';
import { Vault } from './vault';

const folders: string[] = [];
const folder = () => {
  const dir = mkdtempSync(join(tmpdir(), 'mwtokens-vault-'));
  folders.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A FolderStore whose reads or writes can be made to fail. */
class FlakyStore implements KeyValueStore {
  failGet: unknown;
  failSet = false;
  readonly inner: FolderStore;
  constructor(dir: string) {
    this.inner = new FolderStore(dir);
  }
  get(key: string): Promise<unknown> {
    // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- a store may reject with anything
    return this.failGet === undefined ? this.inner.get(key) : Promise.reject(this.failGet);
  }
  set(key: string, value: JsonValue): Promise<void> {
    return this.failSet ? Promise.reject(new Error('ENOSPC')) : this.inner.set(key, value);
  }
  delete(key: string): Promise<void> {
    return this.inner.delete(key);
  }
  keys(): Promise<string[]> {
    return this.inner.keys();
  }
}

describe('Vault.open', () => {
  it('a secret sealed by another keychain is reported as unreadable, naming the keychain', async () => {
    const dir = folder();
    const ours = new Vault(new FolderStore(dir), new EphemeralAesGcmCipher());
    const theirs = new Vault(new FolderStore(dir), new EphemeralAesGcmCipher());
    const sealed = await theirs.seal('MW_other_machine');
    expect(await theirs.open(sealed)).toBe('MW_other_machine');
    const error: unknown = await ours.open(sealed).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toMatchObject({
      name: 'ServiceError',
      kind: 'vault_unreadable',
      message: expect.stringMatching(/could not be decrypted.*keychain/) as unknown,
    });
    // The decryption error itself (which may echo bytes) is not what is reported.
    expect(String((error as Error).message)).not.toMatch(/unsupported state|auth/i);
  });
});

describe('Vault reads from a failing store', () => {
  it('says which record and why, and says that nothing was changed', async () => {
    const store = new FlakyStore(folder());
    store.failGet = new Error('EACCES: permission denied');
    const vault = new Vault(store, new EphemeralAesGcmCipher());
    await expect(vault.readSettings()).rejects.toMatchObject({
      kind: 'vault_unreadable',
      message:
        'The stored record “settings” could not be read (the store could not be read: EACCES: permission denied). It was left untouched; nothing was changed.',
    });
    expect(vault.problems.get('settings')).toBe(
      'the store could not be read: EACCES: permission denied',
    );
  });

  it('a rejection that is not an Error still gives a reason', async () => {
    const store = new FlakyStore(folder());
    store.failGet = 'EIO';
    const vault = new Vault(store, new EphemeralAesGcmCipher());
    await expect(vault.readProfiles()).rejects.toMatchObject({ kind: 'vault_unreadable' });
    expect(vault.problems.get('profiles')).toBe('the store could not be read: unknown error');
  });

  it('a problem is forgotten once the record reads again', async () => {
    const store = new FlakyStore(folder());
    const vault = new Vault(store, new EphemeralAesGcmCipher());
    store.failGet = new Error('EIO');
    await expect(vault.readSettings()).rejects.toMatchObject({ kind: 'vault_unreadable' });
    expect([...vault.problems.keys()]).toEqual(['settings']);
    store.failGet = undefined;
    expect((await vault.readSettings()).clipboardClearSeconds).toBe(30);
    expect(vault.problems.size).toBe(0);
  });
});

describe('Vault writes to a failing store', () => {
  it('answers storage_failed, keeps the old record on disk and in memory', async () => {
    const dir = folder();
    const store = new FlakyStore(dir);
    const vault = new Vault(store, new EphemeralAesGcmCipher());
    await vault.updateSettings((r) => ({ ...r, clipboardClearSeconds: 45 }));
    const before = readFileSync(join(dir, 'settings.json'), 'utf8');
    store.failSet = true;
    await expect(
      vault.updateSettings((r) => ({ ...r, clipboardClearSeconds: 90 })),
    ).rejects.toMatchObject({
      name: 'ServiceError',
      kind: 'storage_failed',
      message: expect.stringMatching(/nothing was changed/) as unknown,
    });
    // Not remembered as written: the next read still serves what is on disk.
    expect((await vault.readSettings()).clipboardClearSeconds).toBe(45);
    expect(readFileSync(join(dir, 'settings.json'), 'utf8')).toBe(before);
    // And the queue is not stuck behind the failure.
    store.failSet = false;
    expect(
      (await vault.updateSettings((r) => ({ ...r, clipboardClearSeconds: 60 })))
        .clipboardClearSeconds,
    ).toBe(60);
  });
});
