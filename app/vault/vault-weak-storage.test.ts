/**
 * Whether secrets may be stored: never on a weak keychain (Linux basic_text) unless the
 * profile's user accepted weak storage, and only then is the keychain told to allow it; a strong
 * keychain is asked whether it is available, and never told to go weak.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FolderStore } from './file-store';
import type { SecretCipher } from './ports';
import { Vault } from './vault';

const folders: string[] = [];
afterEach(() => {
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A keychain that answers availability as told and records whether it was told to go weak. */
function keychain(backend: string, available: boolean) {
  const calls: string[] = [];
  const cipher: SecretCipher = {
    backend,
    isAvailable: () => Promise.resolve(available || calls.includes('allowWeak')),
    encrypt: (plain) => Promise.resolve(new TextEncoder().encode(plain)),
    decrypt: (bytes) => Promise.resolve(new TextDecoder().decode(bytes)),
    allowWeak: () => void calls.push('allowWeak'),
  };
  const dir = mkdtempSync(join(tmpdir(), 'mwtokens-vault-'));
  folders.push(dir);
  return { vault: new Vault(new FolderStore(dir), cipher), calls };
}

describe('Vault.storageAllowed', () => {
  it('a weak keychain without the user’s consent: refused, and not told to go weak', async () => {
    const { vault, calls } = keychain('basic_text', false);
    expect(await vault.storageAllowed({ allowWeakStorage: false })).toBe(false);
    expect(calls).toEqual([]);
  });

  it('a weak keychain whose user accepted it: told to allow it, then asked', async () => {
    const { vault, calls } = keychain('basic_text', false);
    expect(await vault.storageAllowed({ allowWeakStorage: true })).toBe(true);
    expect(calls).toEqual(['allowWeak']);
  });

  it('a strong keychain: asked whether it is available, never told to go weak', async () => {
    for (const available of [true, false]) {
      const { vault, calls } = keychain('gnome_libsecret', available);
      expect(await vault.storageAllowed({ allowWeakStorage: true })).toBe(available);
      expect(await vault.storageAllowed({ allowWeakStorage: false })).toBe(available);
      expect(calls).toEqual([]);
    }
  });
});
