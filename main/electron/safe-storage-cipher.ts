/**
 * The OS keychain through safeStorage's async API (the sync one is deprecated in Electron 45
 * and blocks the main process on keyring prompts). On Linux it reports the chosen backend;
 * `basic_text` (no keyring) stays unavailable until the user accepts weak storage.
 */
import type { SafeStorage } from 'electron';
import type { SecretCipher } from '../../app/vault/ports';

export type SafeStorageApi = Pick<
  SafeStorage,
  | 'isAsyncEncryptionAvailable'
  | 'encryptStringAsync'
  | 'decryptStringAsync'
  | 'getSelectedStorageBackend'
  | 'setUsePlainTextEncryption'
>;

export class SafeStorageCipher implements SecretCipher {
  constructor(
    private readonly safeStorage: SafeStorageApi,
    private readonly platform: NodeJS.Platform = process.platform,
  ) {}

  get backend(): string {
    if (this.platform === 'darwin') return 'keychain';
    if (this.platform === 'win32') return 'dpapi';
    // basic_text means no keyring: a hard-coded key, readable by anyone with the file.
    return this.safeStorage.getSelectedStorageBackend();
  }

  isAvailable(): Promise<boolean> {
    return this.safeStorage.isAsyncEncryptionAvailable();
  }

  async encrypt(plain: string): Promise<Uint8Array> {
    return await this.safeStorage.encryptStringAsync(plain);
  }

  async decrypt(encrypted: Uint8Array): Promise<string> {
    // shouldReEncrypt (a rotated key) is not acted on: the old bytes still decrypt.
    return (await this.safeStorage.decryptStringAsync(Buffer.from(encrypted))).result;
  }

  /** Electron refuses basic_text until this is called; it is a no-op on macOS and Windows. */
  allowWeak(): void {
    if (this.platform === 'linux') this.safeStorage.setUsePlainTextEncryption(true);
  }
}
