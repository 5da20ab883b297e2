import type { SafeStorage } from 'electron';
import { describe, expect, it } from 'vitest';
import { WEAK_BACKENDS } from '../../app/vault/ports';
import { SafeStorageCipher, type SafeStorageApi } from './safe-storage-cipher';

type Backend = ReturnType<SafeStorage['getSelectedStorageBackend']>;

/**
 * Electron 45's safeStorage on Linux, as its source behaves: the backend's name is set only
 * when the sync encryptor starts (isEncryptionAvailable and friends); until then it reads as
 * ''. The async encryptor is available on every backend, basic_text included, and does not
 * look at setUsePlainTextEncryption (the sync gate does).
 */
function standIn(backend: Backend) {
  let syncStarted = false;
  let plainTextAllowed = false;
  const calls: string[] = [];
  const api = {
    getSelectedStorageBackend: () => (syncStarted ? backend : ('' as Backend)),
    isEncryptionAvailable: () => {
      calls.push('isEncryptionAvailable');
      syncStarted = true;
      return backend !== 'basic_text' || plainTextAllowed;
    },
    setUsePlainTextEncryption: (usePlainText: boolean) => {
      calls.push(`setUsePlainTextEncryption(${usePlainText})`);
      plainTextAllowed = usePlainText;
    },
    isAsyncEncryptionAvailable: () => Promise.resolve(true),
    encryptStringAsync: (plainText: string) => Promise.resolve(Buffer.from(`v11:${plainText}`)),
    decryptStringAsync: (encrypted: Buffer) => {
      const text = encrypted.toString();
      if (!text.startsWith('v11:'))
        return Promise.reject(new Error('Error while decrypting the ciphertext provided.'));
      return Promise.resolve({ shouldReEncrypt: false, result: text.slice(4) });
    },
  } satisfies SafeStorageApi;
  return { api, calls };
}

describe('SafeStorageCipher', () => {
  it('uses the async API to encrypt and decrypt', async () => {
    const { api } = standIn('gnome_libsecret');
    const cipher = new SafeStorageCipher(api, 'linux');
    expect(await cipher.isAvailable()).toBe(true);
    expect(await cipher.decrypt(await cipher.encrypt('x'))).toBe('x');
    await expect(cipher.decrypt(Buffer.from('garbage'))).rejects.toThrow();
  });

  it('names the Linux backend although the async encryptor never does, probing once', () => {
    const { api, calls } = standIn('gnome_libsecret');
    const cipher = new SafeStorageCipher(api, 'linux');
    expect(cipher.backend).toBe('gnome_libsecret');
    expect(cipher.backend).toBe('gnome_libsecret');
    expect(calls).toEqual(['isEncryptionAvailable']);
  });

  it('basic_text is named, and counted weak, so storage waits for the user’s opt-in', () => {
    const { api, calls } = standIn('basic_text');
    const cipher = new SafeStorageCipher(api, 'linux');
    expect(cipher.backend).toBe('basic_text');
    expect(WEAK_BACKENDS.has(cipher.backend)).toBe(true);
    cipher.allowWeak();
    expect(calls).toContain('setUsePlainTextEncryption(true)');
  });

  it('a backend that stays unnamed counts as weak, never as strong', () => {
    const { api } = standIn('basic_text');
    const silent = { ...api, isEncryptionAvailable: () => false };
    const cipher = new SafeStorageCipher(silent, 'linux');
    expect(cipher.backend).toBe('unknown');
    expect(WEAK_BACKENDS.has(cipher.backend)).toBe(true);
  });

  it('macOS and Windows name their keychains and ignore allowWeak', () => {
    const { api, calls } = standIn('unknown');
    expect(new SafeStorageCipher(api, 'darwin').backend).toBe('keychain');
    expect(new SafeStorageCipher(api, 'win32').backend).toBe('dpapi');
    new SafeStorageCipher(api, 'darwin').allowWeak();
    expect(calls).toEqual([]);
  });

  it('probes at most once: a name still unknown is not asked for again and again', () => {
    const { api, calls } = standIn('basic_text');
    const silent = {
      ...api,
      isEncryptionAvailable: () => (calls.push('isEncryptionAvailable'), false),
    };
    const cipher = new SafeStorageCipher(silent, 'linux');
    expect(cipher.backend).toBe('unknown');
    expect(cipher.backend).toBe('unknown');
    expect(calls).toEqual(['isEncryptionAvailable']);
  });

  it('a backend already named (the sync encryptor ran) is read without a probe', () => {
    const { api, calls } = standIn('kwallet6');
    api.isEncryptionAvailable(); // something else started the sync encryptor
    calls.length = 0;
    expect(new SafeStorageCipher(api, 'linux').backend).toBe('kwallet6');
    expect(calls).toEqual([]);
  });
});
