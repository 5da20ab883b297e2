/** RFC 6238 time-based one-time passwords (HMAC-SHA1, 30 s, 6 digits), for the MFA demo. */
import { createHmac } from 'node:crypto';

/** The demo account's TOTP secret (base32), documented in the README for authenticator apps. */
export const DEMO_TOTP_SECRET = 'JBSWY3DPEHPK3PXP';

const STEP_SECONDS = 30;
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

export function base32Decode(text: string): Buffer {
  let bits = '';
  for (const char of text.replace(/=+$/, '').toUpperCase()) {
    const index = ALPHABET.indexOf(char);
    if (index < 0) throw new Error('not base32');
    bits += index.toString(2).padStart(5, '0');
  }
  const bytes = bits.match(/.{8}/g) ?? [];
  return Buffer.from(bytes.map((byte) => parseInt(byte, 2)));
}

/** RFC 4226's HOTP of the counter; RFC 6238 feeds it the time step. */
function hotp(key: Buffer, counter: number): string {
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const digest = createHmac('sha1', key).update(message).digest();
  const offset = digest[digest.length - 1]! & 0x0f;
  const binary = digest.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 1_000_000).padStart(6, '0');
}

export function totp(secret: string, atMs: number): string {
  return hotp(base32Decode(secret), Math.floor(atMs / 1000 / STEP_SECONDS));
}

/** Accepts the current code and one step either side, for clock drift. */
export function verifyTotp(secret: string, code: string, atMs: number): boolean {
  const step = Math.floor(atMs / 1000 / STEP_SECONDS);
  const key = base32Decode(secret);
  return [-1, 0, 1].some((drift) => hotp(key, step + drift) === code.trim());
}
