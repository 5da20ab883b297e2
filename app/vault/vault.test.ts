import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { EphemeralAesGcmCipher } from './aes-gcm-cipher';
import { FolderStore } from './file-store';
import { UnreadableRecord } from './ports';
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

describe('EphemeralAesGcmCipher', () => {
  it('round-trips, uses a fresh IV each time, and rejects tampering', async () => {
    const cipher = new EphemeralAesGcmCipher();
    const a = await cipher.encrypt('MW_secret');
    expect(await cipher.decrypt(a)).toBe('MW_secret');
    expect(Buffer.from(await cipher.encrypt('MW_secret')).equals(Buffer.from(a))).toBe(false);
    const tampered = Uint8Array.from(a);
    tampered[tampered.length - 1]! ^= 1;
    await expect(cipher.decrypt(tampered)).rejects.toThrow();
    await expect(new EphemeralAesGcmCipher().decrypt(a)).rejects.toThrow();
  });

  // The settings and error messages show the user which keychain holds the secrets.
  it('names itself as AES-GCM kept in memory, a strong backend', () => {
    const cipher = new EphemeralAesGcmCipher();
    expect(cipher.backend).toMatch(/^aes-256-gcm \(memory\)$/);
    expect(new Vault(new FolderStore(folder()), cipher).weak).toBe(false);
  });
});

describe('FolderStore', () => {
  it('writes atomically (no temp files left), with owner-only permissions', async () => {
    const dir = folder();
    const store = new FolderStore(dir);
    await store.set('a key/with:odd chars', { n: 1 });
    await store.set('a key/with:odd chars', { n: 2 });
    expect(await store.get('a key/with:odd chars')).toEqual({ n: 2 });
    expect(readdirSync(dir)).toEqual([`${encodeURIComponent('a key/with:odd chars')}.json`]);
    expect(await store.keys()).toEqual(['a key/with:odd chars']);
    const { statSync } = await import('node:fs');
    expect(statSync(join(dir, readdirSync(dir)[0]!)).mode & 0o777).toBe(0o600);
    expect(await store.get('missing')).toBeUndefined();
  });

  it('hands a non-JSON file on as unreadable instead of throwing', async () => {
    const dir = folder();
    const { writeFileSync } = await import('node:fs');
    writeFileSync(join(dir, 'x.json'), '{oops');
    expect(await new FolderStore(dir).get('x')).toBeInstanceOf(UnreadableRecord);
  });
});

describe('Vault', () => {
  it('serialises concurrent updates of one record: none is lost', async () => {
    const vault = new Vault(new FolderStore(folder()), new EphemeralAesGcmCipher());
    await Promise.all(
      Array.from({ length: 25 }, async (_, i) => {
        const secret = await vault.seal(`s${i}`);
        return vault.updateSecrets('p', (record) => ({
          ...record,
          held: { ...record.held, [`t${i}`]: { secret, description: `${i}`, storedAt: i } },
        }));
      }),
    );
    const record = await vault.readSecrets('p');
    expect(Object.keys(record.held)).toHaveLength(25);
    expect(await vault.open(record.held.t7!.secret)).toBe('s7');
  });

  it('reads each record from the store once, then serves it from memory until it is written', async () => {
    const store = new FolderStore(folder());
    let reads = 0;
    const counting = Object.assign(Object.create(store) as FolderStore, {
      get: (key: string) => {
        reads++;
        return store.get(key);
      },
    });
    const vault = new Vault(counting, new EphemeralAesGcmCipher());
    await vault.updateSettings((r) => ({ ...r, clipboardClearSeconds: 10 }));
    for (let i = 0; i < 5; i++) expect((await vault.readSettings()).clipboardClearSeconds).toBe(10);
    expect(reads).toBe(1);
  });

  it('stores secrets only as ciphertext', async () => {
    const dir = folder();
    const vault = new Vault(new FolderStore(dir), new EphemeralAesGcmCipher());
    const secret = await vault.seal('MW_plain_secret');
    await vault.updateSecrets('p', (record) => ({
      ...record,
      held: { t: { secret, description: 'd', storedAt: 0 } },
    }));
    const text = readdirSync(dir)
      .map((name) => readFileSync(join(dir, name), 'utf8'))
      .join('');
    expect(text).not.toContain('MW_plain_secret');
  });

  it('refuses to write over a record it could not read, and says which', async () => {
    const dir = folder();
    const store = new FolderStore(dir);
    await store.set('secrets-p', { version: 2, other: 'app' });
    const vault = new Vault(store, new EphemeralAesGcmCipher());
    await expect(vault.updateSecrets('p', (r) => r)).rejects.toMatchObject({
      kind: 'vault_unreadable',
    });
    expect(vault.problems.get('secrets-p')).toMatch(/expected shape/);
    expect(await store.get('secrets-p')).toEqual({ version: 2, other: 'app' });
  });

  it('never deletes a record it could not read, even one nothing has read in this process', async () => {
    const dir = folder();
    const file = join(dir, 'secrets-p.json');
    for (const content of ['{broken', '{"version":2,"other":"app"}']) {
      writeFileSync(file, content);
      const vault = new Vault(new FolderStore(dir), new EphemeralAesGcmCipher());
      await expect(vault.deleteSecrets('p')).rejects.toMatchObject({ kind: 'vault_unreadable' });
      expect(readFileSync(file, 'utf8')).toBe(content);
    }
  });

  it('deletes a readable record, and a missing one is no error', async () => {
    const dir = folder();
    const vault = new Vault(new FolderStore(dir), new EphemeralAesGcmCipher());
    await vault.updateSecrets('p', (r) => r);
    expect(readdirSync(dir)).toEqual(['secrets-p.json']);
    await vault.deleteSecrets('p');
    await vault.deleteSecrets('p');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('a store that fails to read is reported as unreadable, not as an internal error', async () => {
    const failing = Object.assign(Object.create(new FolderStore(folder())) as FolderStore, {
      get: () => Promise.reject(new Error('EACCES')),
    });
    const vault = new Vault(failing, new EphemeralAesGcmCipher());
    await expect(vault.readSettings()).rejects.toMatchObject({ kind: 'vault_unreadable' });
    await expect(vault.deleteSecrets('p')).rejects.toMatchObject({ kind: 'vault_unreadable' });
  });
});
