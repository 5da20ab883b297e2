/**
 * The OS keychain through safeStorage's async API (the sync one is deprecated in Electron 45
 * and blocks the main process on keyring prompts). On Linux it reports the chosen backend; a
 * weak one (`basic_text`, no keyring) is refused unless the user accepts weak storage.
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
  | 'isEncryptionAvailable'
>;

export class SafeStorageCipher implements SecretCipher {
  private probed = false;

  constructor(
    private readonly safeStorage: SafeStorageApi,
    private readonly platform: NodeJS.Platform = process.platform,
  ) {}

  get backend(): string {
    if (this.platform === 'darwin') return 'keychain';
    if (this.platform === 'win32') return 'dpapi';
    return this.linuxBackend();
  }

  /**
   * Electron fills in the Linux backend's name only when its sync encryptor starts; the async
   * one never does, and the name stays empty. One sync availability check (after ready) names
   * it. A name still unknown counts as weak (`unknown`): never stronger than it may be.
   */
  private linuxBackend(): string {
    let name: string = this.safeStorage.getSelectedStorageBackend();
    if (name === '' && !this.probed) {
      this.probed = true;
      this.safeStorage.isEncryptionAvailable();
      name = this.safeStorage.getSelectedStorageBackend();
    }
    return name === '' ? 'unknown' : name;
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

  /** Lets Electron's encryptor use basic_text; a no-op on macOS and Windows. */
  allowWeak(): void {
    if (this.platform === 'linux') this.safeStorage.setUsePlainTextEncryption(true);
  }
}
