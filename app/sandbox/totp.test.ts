import { describe, expect, it } from 'vitest';
import { base32Decode, totp, verifyTotp } from './totp';

// RFC 6238 appendix B: the SHA-1 secret is ASCII "12345678901234567890", 8-digit codes.
// We produce 6 digits, which are the last 6 of the RFC's 8.
const RFC_SECRET_BASE32 = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';

describe('totp', () => {
  it('decodes base32', () => {
    expect(base32Decode(RFC_SECRET_BASE32).toString('ascii')).toBe('12345678901234567890');
  });

  it.each([
    [59, '94287082'],
    [1111111109, '07081804'],
    [1234567890, '89005924'],
    [2000000000, '69279037'],
  ])('matches RFC 6238 at t=%i', (seconds, expected) => {
    expect(totp(RFC_SECRET_BASE32, seconds * 1000)).toBe(expected.slice(-6));
  });

  it('accepts one step of drift and no more', () => {
    const now = 1_800_000_000_000;
    expect(verifyTotp(RFC_SECRET_BASE32, totp(RFC_SECRET_BASE32, now - 30_000), now)).toBe(true);
    expect(verifyTotp(RFC_SECRET_BASE32, totp(RFC_SECRET_BASE32, now - 90_000), now)).toBe(false);
  });
});
