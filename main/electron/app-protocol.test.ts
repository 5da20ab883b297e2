/**
 * app:// serves the built renderer and nothing else: other schemes and hosts are refused, every
 * page carries the CSP, and the scheme is registered as standard and secure (without those
 * privileges Chromium gives app:// no origin of its own: no storage, relative URLs break).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Protocol } from 'electron';
import {
  APP_HOST,
  APP_SCHEME,
  answerAppRequest,
  handleAppProtocol,
  registerAppScheme,
  resolveAppRequest,
} from './app-protocol';
import { CSP } from './csp';

const root = mkdtempSync(join(tmpdir(), 'mwtokens-app-protocol-'));
writeFileSync(join(root, 'index.html'), '<!doctype html><title>mwtokens</title>');
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('resolveAppRequest', () => {
  it('serves app://mwtokens/ only: another scheme or host is refused', () => {
    expect(`${APP_SCHEME}://${APP_HOST}/`).toBe('app://mwtokens/');
    expect(resolveAppRequest('app://mwtokens/index.html', root)).toBe(join(root, 'index.html'));
    expect(resolveAppRequest('https://mwtokens/index.html', root)).toBeUndefined();
    expect(resolveAppRequest('app://evil/index.html', root)).toBeUndefined();
    expect(resolveAppRequest('app://mwtokens.evil/index.html', root)).toBeUndefined();
    expect(resolveAppRequest('not a url', root)).toBeUndefined();
  });
});

describe('answerAppRequest', () => {
  it('answers a file with its type, the CSP and nosniff', async () => {
    const answer = await answerAppRequest('app://mwtokens/index.html', root);
    expect(answer.status).toBe(200);
    expect(await answer.text()).toContain('<title>mwtokens</title>');
    expect(Object.fromEntries(answer.headers)).toEqual({
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': CSP,
      'x-content-type-options': 'nosniff',
    });
  });

  it('refuses another host with 403 and a missing file with 404', async () => {
    const foreign = await answerAppRequest('app://evil/index.html', root);
    expect([foreign.status, await foreign.text()]).toEqual([403, 'forbidden']);
    const missing = await answerAppRequest('app://mwtokens/missing.js', root);
    expect([missing.status, await missing.text()]).toEqual([404, 'not found']);
  });
});

describe('registering the scheme with Electron', () => {
  it('registers app as a standard, secure scheme (and nothing more)', () => {
    const registered: unknown[] = [];
    const protocol: Pick<Protocol, 'registerSchemesAsPrivileged'> = {
      registerSchemesAsPrivileged: (schemes) => registered.push(...schemes),
    };
    registerAppScheme(protocol);
    expect(registered).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true } }]);
  });

  it('answers requests to app:// from the renderer folder', async () => {
    const handlers = new Map<string, (request: Request) => Promise<Response> | Response>();
    const protocol: Pick<Protocol, 'handle'> = {
      handle: (scheme, handler) => void handlers.set(scheme, handler),
    };
    handleAppProtocol(protocol, root);
    expect([...handlers.keys()]).toEqual(['app']);
    const handler = handlers.get('app');
    const answer = await handler?.(new Request('app://mwtokens/index.html'));
    expect(answer?.status).toBe(200);
    expect(answer?.headers.get('content-security-policy')).toBe(CSP);
  });
});
