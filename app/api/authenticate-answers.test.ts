/**
 * The forms /authenticate answers in (JSON with or without `expires`, a bare JWT, an opaque
 * token) and the expiry each gives the API token: from `expires`, else the JWT's exp, else
 * ten minutes from now. The server is a fetch answering fixed Responses, so every form can be
 * sent exactly.
 */
import { describe, expect, it } from 'vitest';
import { RateLimitTracker } from '../ratelimit/rate-limit-tracker';
import { MittwaldClient } from './mittwald-client';

const NOW = Date.parse('2026-06-01T10:00:00Z');
const segment = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const JWT = `${segment({ alg: 'none' })}.${segment({ exp: NOW / 1000 + 3600 })}.sig`;

function clientAnswering(body: string, contentType: string, options: { preferJwt?: boolean } = {}) {
  const accepts: string[] = [];
  const fetchStub: typeof fetch = (_input, init) => {
    accepts.push(new Headers(init?.headers).get('accept') ?? '');
    return Promise.resolve(
      new Response(body, { status: 200, headers: { 'content-type': contentType } }),
    );
  };
  const client = new MittwaldClient({
    baseUrl: 'https://api.example.test/v1',
    tracker: new RateLimitTracker(() => NOW),
    clock: () => NOW,
    fetch: fetchStub,
    ...options,
  });
  return { client, accepts };
}

async function expiryOf(body: string, contentType = 'application/json'): Promise<number> {
  const { client } = clientAnswering(body, contentType);
  const result = await client.authenticate({ username: 'u', password: 'p' });
  if (result.status !== 'authenticated') throw new Error('expected a token');
  return result.expiresAt;
}

describe('authenticate: the API token and its expiry', () => {
  it('takes expires as epoch seconds, epoch ms, digit strings or ISO 8601', async () => {
    const at = NOW + 900_000;
    expect(await expiryOf(JSON.stringify({ token: 'opaque', expires: at / 1000 }))).toBe(at);
    expect(await expiryOf(JSON.stringify({ token: 'opaque', expires: at }))).toBe(at);
    expect(await expiryOf(JSON.stringify({ token: 'opaque', expires: String(at / 1000) }))).toBe(
      at,
    );
    const iso = new Date(at).toISOString();
    expect(await expiryOf(JSON.stringify({ token: 'opaque', expires: iso }))).toBe(at);
  });

  it("falls back to the JWT's exp, then to ten minutes from now", async () => {
    expect(await expiryOf(JSON.stringify({ token: JWT }))).toBe(NOW + 3_600_000);
    expect(await expiryOf(JSON.stringify({ token: JWT, expires: 'soon' }))).toBe(NOW + 3_600_000);
    expect(await expiryOf(JSON.stringify({ token: 'opaque' }))).toBe(NOW + 600_000);
  });

  it('takes a bare JWT answered as text (around whitespace), but not a JWT labelled JSON', async () => {
    const bare = clientAnswering(`  ${JWT}\n`, 'application/jwt');
    const result = await bare.client.authenticate({ username: 'u', password: 'p' });
    expect(result).toEqual({ status: 'authenticated', token: JWT, expiresAt: NOW + 3_600_000 });
    const labelled = clientAnswering(JWT, 'application/json');
    await expect(labelled.client.authenticate({ username: 'u', password: 'p' })).rejects.toThrow(
      expect.objectContaining({ kind: 'bad_response' }),
    );
  });

  it('asks for JSON first, or for a bare JWT only when configured to', async () => {
    const json = clientAnswering(JSON.stringify({ token: JWT }), 'application/json');
    await json.client.authenticate({ username: 'u', password: 'p' });
    const jwt = clientAnswering(JWT, 'application/jwt', { preferJwt: true });
    await jwt.client.authenticate({ username: 'u', password: 'p' });
    expect([...json.accepts, ...jwt.accepts]).toEqual([
      'application/json, application/jwt;q=0.5',
      'application/jwt',
    ]);
  });

  it("uses the machine's clock when given none", async () => {
    const client = new MittwaldClient({
      baseUrl: 'https://api.example.test/v1',
      tracker: new RateLimitTracker(),
      fetch: () =>
        Promise.resolve(
          new Response(JSON.stringify({ token: 'opaque' }), {
            headers: { 'content-type': 'application/json' },
          }),
        ),
    });
    const before = Date.now();
    const result = await client.authenticate({ username: 'u', password: 'p' });
    if (result.status !== 'authenticated') throw new Error('expected a token');
    expect(result.expiresAt).toBeGreaterThanOrEqual(before + 600_000);
    expect(result.expiresAt).toBeLessThanOrEqual(Date.now() + 600_000);
  });
});
