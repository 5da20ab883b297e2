/** AES-256-GCM with a random key that lives only in this process: preview and tests. */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { SecretCipher } from './ports';

export class EphemeralAesGcmCipher implements SecretCipher {
  readonly backend: string = 'aes-256-gcm (memory)';
  private readonly key: Buffer;

  /** A given key only in tests that share the store with another process (a CLI run). */
  constructor(key?: Uint8Array) {
    this.key = key === undefined ? randomBytes(32) : Buffer.from(key);
  }

  isAvailable(): Promise<boolean> {
    return Promise.resolve(true);
  }

  encrypt(plain: string): Promise<Uint8Array> {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return Promise.resolve(Buffer.concat([iv, cipher.getAuthTag(), body]));
  }

  decrypt(encrypted: Uint8Array): Promise<string> {
    try {
      const bytes = Buffer.from(encrypted);
      const decipher = createDecipheriv('aes-256-gcm', this.key, bytes.subarray(0, 12));
      decipher.setAuthTag(bytes.subarray(12, 28));
      const plain = Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]);
      return Promise.resolve(plain.toString('utf8'));
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error('decryption failed'));
    }
  }

  allowWeak(): void {
    // Never weak.
  }
}
