/**
 * Which server a profile's runtime talks to, and the local sandbox started on first use: once,
 * shared by concurrent callers, tried again after a failed start, never cached when it failed.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_BASE_URL } from '../api/http-client';
import { DEFAULT_V2_BASE_URL } from '../api-v2/v2-client';
import { EphemeralAesGcmCipher } from '../vault/aes-gcm-cipher';
import { FolderStore } from '../vault/file-store';
import type { ProfileRecord } from '../vault/records';
import { Vault } from '../vault/vault';
import {
  RuntimeRegistry,
  SANDBOX_NOT_STARTED,
  sandboxBaseFor,
  serverBaseUrl,
  type SandboxSource,
} from './runtime-registry';
import { ServiceError } from './service-error';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function registry(sandboxUrl?: SandboxSource): RuntimeRegistry {
  const folder = mkdtempSync(join(tmpdir(), 'mwtokens-registry-'));
  folders.push(folder);
  const vault = new Vault(new FolderStore(folder), new EphemeralAesGcmCipher());
  return new RuntimeRegistry(vault, { clock: () => 0, sandboxUrl }, () => undefined);
}

function profile(extra: Partial<ProfileRecord>): ProfileRecord {
  return {
    id: 'p1',
    name: 'P',
    server: 'sandbox',
    allowWeakStorage: false,
    createdAt: 0,
    ...extra,
  };
}

const SANDBOX = 'http://127.0.0.1:4000/v1';

describe('serverBaseUrl and sandboxBaseFor', () => {
  it('a custom server uses its own URL; without one, and for mittwald, the API’s default', () => {
    const custom = 'https://api.example.test/v1';
    expect(serverBaseUrl(profile({ server: 'custom', baseUrl: custom }))).toBe(custom);
    expect(serverBaseUrl(profile({ server: 'custom' }))).toBe(DEFAULT_BASE_URL);
    expect(serverBaseUrl(profile({ server: 'custom', api: 'v2' }))).toBe(DEFAULT_V2_BASE_URL);
    // A URL left on a mittwald profile is not used: only a custom server has its own.
    expect(serverBaseUrl(profile({ server: 'mittwald', baseUrl: custom }))).toBe(DEFAULT_BASE_URL);
    expect(serverBaseUrl(profile({ server: 'mittwald', api: 'v2' }))).toBe(DEFAULT_V2_BASE_URL);
    expect(serverBaseUrl(profile({ server: 'mittwald', api: 'v1' }))).toBe(DEFAULT_BASE_URL);
  });

  it('the sandbox serves v1 under /v1 and v2 at its origin', () => {
    expect(sandboxBaseFor(profile({}), SANDBOX)).toBe(SANDBOX);
    expect(sandboxBaseFor(profile({ api: 'v2' }), SANDBOX)).toBe('http://127.0.0.1:4000');
  });
});

describe('RuntimeRegistry and the local sandbox', () => {
  it('names the sandbox as not started until a profile uses it, then its URL', async () => {
    let starts = 0;
    const r = registry(() => Promise.resolve(((starts += 1), SANDBOX)));
    expect(r.baseUrlOf(profile({}))).toBe(SANDBOX_NOT_STARTED);
    expect(r.baseUrlOf(profile({ server: 'mittwald' }))).toBe(DEFAULT_BASE_URL);
    // Two profiles at once: one start, shared.
    const [v1, v2] = await Promise.all([
      r.get(profile({})),
      r.get(profile({ id: 'p2', api: 'v2' })),
    ]);
    expect(starts).toBe(1);
    expect(v1.baseUrl).toBe(SANDBOX);
    expect(v2.baseUrl).toBe('http://127.0.0.1:4000');
    expect(r.baseUrlOf(profile({ api: 'v2' }))).toBe('http://127.0.0.1:4000');
    // Made once per profile; forgotten, made anew.
    expect(await r.get(profile({}))).toBe(v1);
    expect(await r.existing('p1')).toBe(v1);
    r.forget('p1');
    expect(r.existing('p1')).toBeUndefined();
    expect(await r.get(profile({}))).not.toBe(v1);
  });

  it('a sandbox URL given as is is used at once', async () => {
    const r = registry(SANDBOX);
    expect(r.baseUrlOf(profile({}))).toBe(SANDBOX);
    expect((await r.get(profile({}))).baseUrl).toBe(SANDBOX);
  });

  it('a failed start is a network error naming the cause, not cached, and tried again', async () => {
    let starts = 0;
    const r = registry(() => {
      starts += 1;
      return starts === 1 ? Promise.reject(new Error('port in use')) : Promise.resolve(SANDBOX);
    });
    const failed = r.get(profile({}));
    // Quitting meanwhile waits for nothing that failed.
    await expect(r.flush()).resolves.toBeUndefined();
    await expect(failed).rejects.toThrow(ServiceError);
    await expect(failed).rejects.toMatchObject({
      kind: 'network',
      message: 'The local sandbox could not be started (port in use).',
    });
    expect(r.existing('p1')).toBeUndefined();
    expect(r.baseUrlOf(profile({}))).toBe(SANDBOX_NOT_STARTED);
    expect((await r.get(profile({}))).baseUrl).toBe(SANDBOX);
    expect(starts).toBe(2);
  });

  it('a build without the sandbox says so', async () => {
    await expect(registry().get(profile({}))).rejects.toMatchObject({
      kind: 'network',
      message: 'The local sandbox is not available in this build.',
    });
  });
});
