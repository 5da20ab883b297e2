/** AES-256-GCM with a random key that lives only in this process: preview and tests. */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { SecretCipher } from './ports';

export class EphemeralAesGcmCipher implements SecretCipher {
  readonly backend: string = 'aes-256-gcm (memory)';
  private readonly key = randomBytes(32);

  isAvailable(): boolean {
    return true;
  }

  encrypt(plain: string): Uint8Array {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), body]);
  }

  decrypt(encrypted: Uint8Array): string {
    const bytes = Buffer.from(encrypted);
    const decipher = createDecipheriv('aes-256-gcm', this.key, bytes.subarray(0, 12));
    decipher.setAuthTag(bytes.subarray(12, 28));
    return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString('utf8');
  }
}
