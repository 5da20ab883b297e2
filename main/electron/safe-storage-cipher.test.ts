import type { SafeStorage } from 'electron';
import { describe, expect, it } from 'vitest';
import { SafeStorageCipher, type SafeStorageApi } from './safe-storage-cipher';

type Backend = ReturnType<SafeStorage['getSelectedStorageBackend']>;

/**
 * A stand-in with Electron 45's behaviour on Linux: with `basic_text` (no keyring) the async
 * encryptor is unavailable, and encryptStringAsync rejects, until setUsePlainTextEncryption(true).
 */
function standIn(backend: Backend) {
  let plainTextAllowed = false;
  const available = () => backend !== 'basic_text' || plainTextAllowed;
  const calls: string[] = [];
  const api = {
    getSelectedStorageBackend: () => backend,
    setUsePlainTextEncryption: (usePlainText: boolean) => {
      calls.push(`setUsePlainTextEncryption(${usePlainText})`);
      plainTextAllowed = usePlainText;
    },
    isAsyncEncryptionAvailable: () => Promise.resolve(available()),
    encryptStringAsync: (plainText: string) =>
      available()
        ? Promise.resolve(Buffer.from(`v11:${plainText}`))
        : Promise.reject(new Error('Encryption is not available.')),
    decryptStringAsync: (encrypted: Buffer) => {
      const text = encrypted.toString();
      if (!available() || !text.startsWith('v11:'))
        return Promise.reject(new Error('Error while decrypting the ciphertext provided.'));
      return Promise.resolve({ shouldReEncrypt: false, result: text.slice(4) });
    },
  } satisfies SafeStorageApi;
  return { api, calls };
}

describe('SafeStorageCipher', () => {
  it('uses the async API and reports the Linux backend', async () => {
    const { api } = standIn('gnome_libsecret');
    const cipher = new SafeStorageCipher(api, 'linux');
    expect(cipher.backend).toBe('gnome_libsecret');
    expect(await cipher.isAvailable()).toBe(true);
    expect(await cipher.decrypt(await cipher.encrypt('x'))).toBe('x');
    expect(new SafeStorageCipher(api, 'darwin').backend).toBe('keychain');
    expect(new SafeStorageCipher(api, 'win32').backend).toBe('dpapi');
  });

  it('basic_text stays unavailable until weak storage is allowed, as in Electron', async () => {
    const { api, calls } = standIn('basic_text');
    const cipher = new SafeStorageCipher(api, 'linux');
    expect(await cipher.isAvailable()).toBe(false);
    await expect(cipher.encrypt('x')).rejects.toThrow();
    cipher.allowWeak();
    expect(calls).toEqual(['setUsePlainTextEncryption(true)']);
    expect(await cipher.isAvailable()).toBe(true);
    expect(await cipher.decrypt(await cipher.encrypt('x'))).toBe('x');
  });

  it('allowWeak is not passed on outside Linux, where Electron ignores it', () => {
    const { api, calls } = standIn('unknown');
    new SafeStorageCipher(api, 'darwin').allowWeak();
    expect(calls).toEqual([]);
  });
});
