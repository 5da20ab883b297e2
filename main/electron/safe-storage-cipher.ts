import type { SafeStorage } from 'electron';
import type { SecretCipher } from '../../app/vault/ports';

type SafeStorageApi = Pick<
  SafeStorage,
  'isEncryptionAvailable' | 'encryptString' | 'decryptString' | 'getSelectedStorageBackend'
>;

/** The OS keychain through safeStorage; on Linux it reports which backend was chosen. */
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

  isAvailable(): boolean {
    return this.safeStorage.isEncryptionAvailable();
  }

  encrypt(plain: string): Uint8Array {
    return this.safeStorage.encryptString(plain);
  }

  decrypt(encrypted: Uint8Array): string {
    return this.safeStorage.decryptString(Buffer.from(encrypted));
  }
}
