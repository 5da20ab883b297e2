/**
 * The vault's records over time: defaults that callers cannot corrupt, records that appear or
 * are repaired on disk being noticed, a change that breaks a record's shape being refused, a
 * deletion that checks the disk rather than memory, and which keychains count as weak.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { EphemeralAesGcmCipher } from './aes-gcm-cipher';
import { FolderStore } from './file-store';
import type { SecretCipher } from './ports';
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

const vaultIn = (dir: string) => new Vault(new FolderStore(dir), new EphemeralAesGcmCipher());

describe('Vault defaults', () => {
  it('a caller changing a default record does not change the next one', async () => {
    const vault = vaultIn(folder());
    const profiles = await vault.readProfiles();
    profiles.profiles.push({
      id: 'p',
      name: 'x',
      server: 'sandbox',
      allowWeakStorage: false,
      createdAt: 0,
    });
    expect((await vault.readProfiles()).profiles).toEqual([]);
    const settings = await vault.readSettings();
    settings.clipboardClearSeconds = 5;
    expect((await vault.readSettings()).clipboardClearSeconds).toBe(30);
    const secrets = await vault.readSecrets('p');
    secrets.held.t = { secret: 'AAAA', description: 'd', storedAt: 0 };
    expect((await vault.readSecrets('p')).held).toEqual({});
  });
});

describe('Vault and the disk', () => {
  it('a record that appears on disk after a read found none is noticed', async () => {
    const dir = folder();
    const vault = vaultIn(dir);
    expect((await vault.readSettings()).theme).toBe('system');
    writeFileSync(
      join(dir, 'settings.json'),
      JSON.stringify({ version: 1, clipboardClearSeconds: 60, theme: 'dark', language: 'de' }),
    );
    expect(await vault.readSettings()).toMatchObject({ theme: 'dark', clipboardClearSeconds: 60 });
  });

  it('a repaired record is read on the next try, and its problem forgotten', async () => {
    const dir = folder();
    const file = join(dir, 'profiles.json');
    writeFileSync(file, '{"version":1,"profiles":"broken"}');
    const vault = vaultIn(dir);
    await expect(vault.readProfiles()).rejects.toMatchObject({
      kind: 'vault_unreadable',
      message: expect.stringContaining('“profiles”') as unknown,
    });
    expect(vault.problems.has('profiles')).toBe(true);
    writeFileSync(file, '{"version":1,"profiles":[]}');
    expect(await vault.readProfiles()).toEqual({ version: 1, profiles: [] });
    expect(vault.problems.has('profiles')).toBe(false);
  });

  it('a record that is not JSON is reported as such', async () => {
    const dir = folder();
    writeFileSync(join(dir, 'settings.json'), 'theme=dark');
    const vault = vaultIn(dir);
    await expect(vault.readSettings()).rejects.toMatchObject({
      message: expect.stringContaining('the file is not JSON') as unknown,
    });
    expect(vault.problems.get('settings')).toBe('the file is not JSON');
  });

  it('a change that would break the record’s shape is refused and nothing is written', async () => {
    const dir = folder();
    const vault = vaultIn(dir);
    await vault.updateSettings((r) => ({ ...r, clipboardClearSeconds: 20 }));
    const before = readFileSync(join(dir, 'settings.json'), 'utf8');
    await expect(
      vault.updateSettings((r) => ({ ...r, clipboardClearSeconds: 1 })),
    ).rejects.toThrow();
    expect(readFileSync(join(dir, 'settings.json'), 'utf8')).toBe(before);
    expect((await vault.readSettings()).clipboardClearSeconds).toBe(20);
  });

  it('deleting checks the disk, not memory: a record damaged since it was read is kept', async () => {
    const dir = folder();
    const vault = vaultIn(dir);
    await vault.updateSecrets('p', (r) => ({ ...r, deviceTokenUuid: 'u' }));
    const file = join(dir, 'secrets-p.json');
    writeFileSync(file, '{"version":7}');
    await expect(vault.deleteSecrets('p')).rejects.toMatchObject({ kind: 'vault_unreadable' });
    expect(readFileSync(file, 'utf8')).toBe('{"version":7}');
  });

  it('after a deletion the record reads as empty again', async () => {
    const vault = vaultIn(folder());
    await vault.updateSecrets('p', (r) => ({ ...r, deviceTokenUuid: 'u' }));
    expect((await vault.readSecrets('p')).deviceTokenUuid).toBe('u');
    await vault.deleteSecrets('p');
    expect(await vault.readSecrets('p')).toEqual({ version: 1, held: {} });
  });

  it('each profile’s secrets are a record of their own', async () => {
    const dir = folder();
    const vault = vaultIn(dir);
    await vault.updateSecrets('a', (r) => ({ ...r, deviceTokenUuid: 'ua' }));
    await vault.updateSecrets('b', (r) => ({ ...r, deviceTokenUuid: 'ub' }));
    await vault.deleteSecrets('a');
    expect((await vaultIn(dir).readSecrets('b')).deviceTokenUuid).toBe('ub');
    expect((await vaultIn(dir).readSecrets('a')).deviceTokenUuid).toBeUndefined();
  });
});

describe('Vault.weak', () => {
  const cipherOn = (backend: string): SecretCipher =>
    Object.assign(new EphemeralAesGcmCipher(), { backend });
  it('is true for keychains that keep secrets readable to anyone with the files', () => {
    for (const backend of ['basic_text', 'plaintext', 'unknown'])
      expect(new Vault(new FolderStore(folder()), cipherOn(backend)).weak, backend).toBe(true);
    for (const backend of [
      'gnome_libsecret',
      'kwallet6',
      'keychain',
      'dpapi',
      'aes-256-gcm (memory)',
    ])
      expect(new Vault(new FolderStore(folder()), cipherOn(backend)).weak, backend).toBe(false);
  });
});
