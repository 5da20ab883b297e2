/**
 * Secrets at rest: every secret on disk is exactly what the cipher produced, another key cannot
 * open it, and no encoding of any secret or password is in the store. Then the proof that the
 * checks bite: a cipher that only base64-encodes is caught, and so is a secret in a log line.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assertNoLeaks } from '../testing/leak-check';
import {
  haystacksOf,
  RecordingCipher,
  secretsOf,
  signedIn,
  startService,
  withoutLeakGuard,
  type ServiceHarness,
} from '../testing/service-fixture';
import { EphemeralAesGcmCipher } from '../vault/aes-gcm-cipher';
import { secretsRecordSchema } from '../vault/records';

/** Signs in, creates two tokens, copies and renews: every kind of secret gets stored. */
async function storeEveryKindOfSecret(h: ServiceHarness): Promise<void> {
  await signedIn(h);
  await h.ok('tokens:create', { description: 'CI deploy' });
  await h.ok('tokens:create', { description: 'backup job' });
  await h.ok('clipboard:copyApiToken', { format: 'raw' });
  h.clock.advance(2 * 60 * 60 * 1000);
  await h.ok('tokens:list', { fresh: true });
}

function sealedValues(h: ServiceHarness): string[] {
  const files = readdirSync(h.folder).filter((name) => name.startsWith('secrets-'));
  expect(files.length).toBeGreaterThan(0);
  return files.flatMap((name) => {
    const record = secretsRecordSchema.parse(
      JSON.parse(readFileSync(join(h.folder, name), 'utf8')),
    );
    return [
      ...Object.values(record.held).map((held) => held.secret),
      ...(record.apiToken ? [record.apiToken.token] : []),
    ];
  });
}

describe('secrets at rest', () => {
  it('every stored secret is exactly what the cipher produced, and another key cannot open it', async () => {
    const cipher = new RecordingCipher();
    const h = await startService({ cipher });
    await storeEveryKindOfSecret(h);
    const sealed = sealedValues(h);
    // Device token, two created tokens, the cached API token.
    expect(sealed).toHaveLength(4);
    const stranger = new EphemeralAesGcmCipher();
    for (const value of sealed) {
      expect(cipher.produced.has(value)).toBe(true);
      await expect(stranger.decrypt(Buffer.from(value, 'base64'))).rejects.toThrow();
    }
    assertNoLeaks(secretsOf(h), haystacksOf(h));
  });

  it('the leak check catches a “cipher” that only base64-encodes', async () => {
    class Base64Cipher extends EphemeralAesGcmCipher {
      override encrypt(plain: string) {
        return Promise.resolve(Buffer.from(plain, 'utf8'));
      }
      override decrypt(bytes: Uint8Array) {
        return Promise.resolve(Buffer.from(bytes).toString('utf8'));
      }
    }
    const h = withoutLeakGuard(await startService({ cipher: new Base64Cipher() }));
    await storeEveryKindOfSecret(h);
    expect(() => assertNoLeaks(secretsOf(h), haystacksOf(h))).toThrow(/in file secrets-.*base64/);
  });

  it('the leak check sees the service’s log lines and the password', async () => {
    const h = withoutLeakGuard(await startService());
    await signedIn(h);
    assertNoLeaks(secretsOf(h), haystacksOf(h));
    h.logLines.push(`signing in with ${encodeURIComponent(h.password)}`);
    expect(() => assertNoLeaks(secretsOf(h), haystacksOf(h))).toThrow(/in log lines/);
  });
});
