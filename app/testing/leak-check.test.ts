import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { assertNoLeaks, encodingsOf, findLeaks } from './leak-check';

const secret = `MW_${randomBytes(18).toString('base64url')}`;

describe('leak check', () => {
  it('finds a secret in every encoding it knows', () => {
    for (const { encoding, text } of encodingsOf(secret)) {
      expect(findLeaks([secret], [{ where: 'x', text: `before ${text} after` }])).toEqual([
        { secret: 0, where: 'x', encoding: expect.any(String) as unknown },
      ]);
      expect(encoding).toBeTruthy();
    }
  });

  it('finds a secret inside a larger base64 or hex blob, at any alignment', () => {
    for (const prefix of ['', 'a', 'ab', 'abc']) {
      const blob = Buffer.from(`{"k":"${prefix}${secret}"}`);
      for (const text of [
        blob.toString('base64'),
        blob.toString('base64url'),
        blob.toString('hex'),
        `x${blob.toString('hex')}`,
      ]) {
        expect(findLeaks([secret], [{ where: 'blob', text }])).toHaveLength(1);
      }
    }
  });

  it('finds UTF-16 in both byte orders', () => {
    const le = Buffer.from(secret, 'utf16le');
    expect(findLeaks([secret], [{ where: 'le', bytes: le }])).toHaveLength(1);
    expect(findLeaks([secret], [{ where: 'be', bytes: Buffer.from(le).swap16() }])).toHaveLength(1);
  });

  it('finds nothing in ciphertext or unrelated text, and never names the secret', () => {
    const text = `${randomBytes(64).toString('base64')} ${randomBytes(32).toString('hex')}`;
    expect(findLeaks([secret], [{ where: 'ciphertext', text }])).toEqual([]);
    expect(() => assertNoLeaks([secret], [{ where: 'log', text: `oops ${secret}` }])).toThrow(
      /secret #0 in log \(raw\)/,
    );
    try {
      assertNoLeaks([secret], [{ where: 'log', text: secret }]);
    } catch (error) {
      expect(String(error)).not.toContain(secret);
    }
  });

  it('refuses secrets too short to search for without false alarms', () => {
    expect(() => findLeaks(['demo'], [])).toThrow(/too short/);
  });
});
