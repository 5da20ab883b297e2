/**
 * The HTTP client's own decisions, against a scripted fetch: what each request carries (and
 * what it must not), which failures are retried and how often, how long it waits before the
 * retry, what counts as success, and what each failure tells the person reading it.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RateLimitTracker, RATE_LIMIT_WINDOW_MS } from '../ratelimit/rate-limit-tracker';
import { ManualClock } from '../testing/sandbox-fixture';
import { ApiError } from './errors';
import { DEFAULT_BASE_URL, HttpClient, retryAfterMs, type HttpClientOptions } from './http-client';

interface Sent {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: string | undefined;
}

/** A fresh Response per request (a clone shares its body with the original). */
type Answer = Error | (() => Response);

/** A fetch that records each request and answers from a script (the last answer repeats). */
function scriptedFetch(...answers: Answer[]) {
  const sent: Sent[] = [];
  const fetch = (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    sent.push({
      url: typeof input === 'string' ? input : input instanceof URL ? input.href : input.url,
      method: init?.method ?? 'GET',
      headers: { ...(init?.headers as Record<string, string>) },
      body: init?.body as string | undefined,
    });
    const answer = answers[Math.min(sent.length - 1, answers.length - 1)];
    if (answer instanceof Error) return Promise.reject(answer);
    return Promise.resolve(answer!());
  };
  return { sent, fetch: fetch };
}

const json =
  (status: number, body: unknown, headers: Record<string, string> = {}) =>
  () =>
    new Response(status === 204 ? null : JSON.stringify(body), {
      status,
      headers: { 'content-type': 'application/json', ...headers },
    });

function client(fetch: typeof globalThis.fetch, options: Partial<HttpClientOptions> = {}) {
  const clock = new ManualClock();
  const tracker = new RateLimitTracker(clock.read);
  const sleeps: number[] = [];
  const http = new HttpClient({
    baseUrl: 'https://api.test/v1',
    tracker,
    fetch,
    clock: clock.read,
    sleep: (ms) => {
      sleeps.push(ms);
      return Promise.resolve();
    },
    ...options,
  });
  return { http, clock, tracker, sleeps };
}

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('expected a failure');
}

afterEach(() => {
  vi.useRealTimers();
});

describe('what a request carries', () => {
  it('the mittwald API by default, and no doubled slash after a base URL that ends in slashes', async () => {
    const a = scriptedFetch(json(200, {}));
    await new HttpClient({ tracker: new RateLimitTracker(), fetch: a.fetch }).send({
      method: 'GET',
      path: '/authentication/self',
    });
    expect(a.sent[0]?.url).toBe(`${DEFAULT_BASE_URL}/authentication/self`);
    const b = scriptedFetch(json(200, {}));
    await client(b.fetch, { baseUrl: 'https://api.test/v1//' }).http.send({
      method: 'GET',
      path: '/authentication/self',
    });
    expect(b.sent[0]?.url).toBe('https://api.test/v1/authentication/self');
  });

  it('a read: JSON accepted, no body, no content type, no token, the cache left alone', async () => {
    const { sent, fetch } = scriptedFetch(json(200, {}));
    await client(fetch).http.send({ method: 'GET', path: '/authentication/self' });
    expect(sent).toEqual([
      {
        url: 'https://api.test/v1/authentication/self',
        method: 'GET',
        headers: { accept: 'application/json' },
        body: undefined,
      },
    ]);
  });

  it('a write with a token: JSON body and its type, the token as a bearer header only', async () => {
    const { sent, fetch } = scriptedFetch(json(201, {}));
    await client(fetch).http.send({
      method: 'POST',
      path: '/authentication/tokens',
      token: 'jwt.of.user',
      body: { description: 'CI' },
      accept: 'application/jwt',
    });
    expect(sent[0]).toEqual({
      url: 'https://api.test/v1/authentication/tokens',
      method: 'POST',
      headers: {
        accept: 'application/jwt',
        authorization: 'Bearer jwt.of.user',
        'content-type': 'application/json',
      },
      body: '{"description":"CI"}',
    });
  });

  it('the token in the query when asked, then not in a header', async () => {
    const { sent, fetch } = scriptedFetch(json(200, {}));
    await client(fetch).http.send({
      method: 'GET',
      path: '/authentication/self',
      token: 'a.b/c+d',
      tokenInQuery: true,
    });
    expect(new URL(sent[0]!.url).searchParams.get('access_token')).toBe('a.b/c+d');
    expect(sent[0]?.headers.authorization).toBeUndefined();
  });

  it('a query of its own does not put the bearer token into the URL', async () => {
    const { sent, fetch } = scriptedFetch(json(200, {}));
    await client(fetch).http.send({
      method: 'GET',
      path: '/authentication/tokens',
      token: 'jwt.of.user',
      query: { page: '2' },
    });
    const url = new URL(sent[0]!.url);
    expect(url.searchParams.get('page')).toBe('2');
    expect(url.searchParams.has('access_token')).toBe(false);
    expect(sent[0]?.headers.authorization).toBe('Bearer jwt.of.user');
  });

  it('a fresh read asks the server to bypass its cache', async () => {
    const { sent, fetch } = scriptedFetch(json(200, {}));
    await client(fetch).http.send({ method: 'GET', path: '/authentication/tokens', fresh: true });
    expect(sent[0]?.headers['cache-control']).toBe('no-cache');
  });

  it('path parameters are encoded, and a missing one is a programming error', async () => {
    const { sent, fetch } = scriptedFetch(json(200, {}));
    const { http } = client(fetch);
    await http.send({
      method: 'DELETE',
      path: '/authentication/tokens/{uuid}',
      params: { uuid: '../self?x=1' },
    });
    expect(sent[0]?.url).toBe('https://api.test/v1/authentication/tokens/..%2Fself%3Fx%3D1');
    await expect(
      http.send({ method: 'DELETE', path: '/authentication/tokens/{uuid}' }),
    ).rejects.toThrow('missing path parameter uuid');
    expect(sent).toHaveLength(1);
  });
});

describe('what an answer becomes', () => {
  it('2xx: status, content type, text and whether the server answered from its cache', async () => {
    const { fetch } = scriptedFetch(
      () =>
        new Response('{"a":1}', {
          status: 201,
          headers: { 'content-type': 'application/json', 'x-cache': ' hit ' },
        }),
    );
    expect(await client(fetch).http.send({ method: 'POST', path: '/x' })).toEqual({
      status: 201,
      contentType: 'application/json',
      text: '{"a":1}',
      cacheHit: true,
    });
  });

  it('without a content type or X-Cache header', async () => {
    const { fetch } = scriptedFetch(
      () => new Response(new Uint8Array([0x6f, 0x6b]), { status: 200 }),
    );
    expect(await client(fetch).http.send({ method: 'GET', path: '/x' })).toMatchObject({
      contentType: '',
      text: 'ok',
      cacheHit: false,
    });
    const miss = scriptedFetch(json(200, {}, { 'x-cache': 'MISS' }));
    expect((await client(miss.fetch).http.send({ method: 'GET', path: '/x' })).cacheHit).toBe(
      false,
    );
  });

  it('299 is success; 300 and 404 are errors of their kind', async () => {
    expect(
      (await client(scriptedFetch(json(299, {})).fetch).http.send({ method: 'GET', path: '/x' }))
        .status,
    ).toBe(299);
    const redirect = await failure(
      client(scriptedFetch(json(300, {})).fetch).http.send({ method: 'GET', path: '/x' }),
    );
    expect(redirect).toMatchObject({ kind: 'rejected', status: 300, endpoint: 'GET /x' });
    const missing = await failure(
      client(scriptedFetch(json(404, {})).fetch).http.send({ method: 'GET', path: '/x' }),
    );
    expect(missing).toMatchObject({ kind: 'not_found', status: 404 });
  });

  it('a body that breaks off is a network failure', async () => {
    const broken = () =>
      new Response(
        new ReadableStream({
          pull(controller) {
            controller.error(new TypeError('terminated'));
          },
        }),
        { status: 200 },
      );
    const { sent, fetch } = scriptedFetch(broken);
    const error = await failure(client(fetch).http.send({ method: 'POST', path: '/x' }));
    expect(error).toMatchObject({ kind: 'network', endpoint: 'POST /x' });
    expect(sent).toHaveLength(1);
  });

  it('every answer reaches the tracker, errors included', async () => {
    const limited = (status: number) =>
      json(status, {}, { 'x-ratelimit': '10', 'x-ratelimit-remaining': '4' });
    const { fetch } = scriptedFetch(limited(404));
    const { http, tracker } = client(fetch);
    await failure(http.send({ method: 'GET', path: '/x' }));
    expect(tracker.snapshot()[0]).toMatchObject({ endpoint: 'GET /x', limit: 10, remaining: 4 });
  });
});

describe('retries', () => {
  it('a read is retried once after a 503, after the configured pause', async () => {
    const { sent, fetch } = scriptedFetch(json(503, {}), json(200, {}));
    const { http, sleeps } = client(fetch, { retryDelayMs: 250 });
    expect((await http.send({ method: 'GET', path: '/x' })).status).toBe(200);
    expect(sent).toHaveLength(2);
    expect(sleeps).toEqual([250]);
  });

  it('a read is tried twice at most', async () => {
    for (const status of [502, 503, 504]) {
      const { sent, fetch } = scriptedFetch(json(status, {}));
      const error = await failure(client(fetch).http.send({ method: 'GET', path: '/x' }));
      expect(error).toMatchObject({ kind: 'server', status });
      expect(sent, String(status)).toHaveLength(2);
    }
    const { sent, fetch } = scriptedFetch(new TypeError('fetch failed'));
    expect((await failure(client(fetch).http.send({ method: 'GET', path: '/x' }))).kind).toBe(
      'network',
    );
    expect(sent).toHaveLength(2);
  });

  it('a 500 is not retried: the server answered, and said it failed', async () => {
    const { sent, fetch } = scriptedFetch(json(500, {}));
    expect(await failure(client(fetch).http.send({ method: 'GET', path: '/x' }))).toMatchObject({
      kind: 'server',
      status: 500,
    });
    expect(sent).toHaveLength(1);
  });

  it('neither is anything that is not a transport or gateway failure', async () => {
    for (const status of [400, 401, 403, 404]) {
      const { sent, fetch } = scriptedFetch(json(status, {}));
      await failure(client(fetch).http.send({ method: 'GET', path: '/x' }));
      expect(sent, String(status)).toHaveLength(1);
    }
  });

  it('writes are never retried: they may have been carried out', async () => {
    for (const method of ['POST', 'DELETE'] as const) {
      const { sent, fetch } = scriptedFetch(new TypeError('fetch failed'));
      const { http, sleeps } = client(fetch);
      expect((await failure(http.send({ method, path: '/x' }))).kind).toBe('network');
      expect(sent).toHaveLength(1);
      expect(sleeps).toEqual([]);
    }
  });

  it('by default waits 300 ms before the retry', async () => {
    vi.useFakeTimers();
    const { sent, fetch } = scriptedFetch(new TypeError('fetch failed'), json(200, {}));
    const http = new HttpClient({ tracker: new RateLimitTracker(), fetch });
    const answer = http.send({ method: 'GET', path: '/x' });
    await vi.advanceTimersByTimeAsync(299);
    expect(sent).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect((await answer).status).toBe(200);
    expect(sent).toHaveLength(2);
  });
});

describe('timeouts', () => {
  const hanging = (_input: string | URL | Request, init?: RequestInit) =>
    new Promise<Response>((_resolve, reject) => {
      init?.signal?.addEventListener('abort', () =>
        reject(new DOMException('This operation was aborted', 'AbortError')),
      );
    });

  it('gives up after the configured time and says how long it waited', async () => {
    vi.useFakeTimers();
    const { http } = client(hanging, { timeoutMs: 2_400 });
    let settled: unknown;
    const answer = http.send({ method: 'POST', path: '/x' }).catch((e: unknown) => (settled = e));
    await vi.advanceTimersByTimeAsync(2_399);
    expect(settled).toBeUndefined();
    await vi.advanceTimersByTimeAsync(1);
    await answer;
    expect(settled).toMatchObject({
      kind: 'timeout',
      endpoint: 'POST /x',
      message: 'No answer within 2 s.',
    });
  });

  it('waits 15 s by default', async () => {
    vi.useFakeTimers();
    const http = new HttpClient({
      tracker: new RateLimitTracker(),
      fetch: hanging,
    });
    let settled: unknown;
    const answer = http.send({ method: 'DELETE', path: '/x' }).catch((e: unknown) => (settled = e));
    await vi.advanceTimersByTimeAsync(14_999);
    expect(settled).toBeUndefined();
    await vi.advanceTimersByTimeAsync(1);
    await answer;
    expect(settled).toMatchObject({ kind: 'timeout', message: 'No answer within 15 s.' });
  });

  it('a TimeoutError or AbortError counts as a timeout, anything else as a network failure', async () => {
    const timedOut = scriptedFetch(new DOMException('timed out', 'TimeoutError'));
    expect(
      await failure(client(timedOut.fetch).http.send({ method: 'POST', path: '/x' })),
    ).toMatchObject({ kind: 'timeout' });
    // A fetch given by the host (Electron's net.fetch, say) that gives up on its own aborts.
    const aborted = scriptedFetch(new DOMException('aborted', 'AbortError'));
    expect(
      await failure(client(aborted.fetch).http.send({ method: 'POST', path: '/x' })),
    ).toMatchObject({ kind: 'timeout' });
    const refused = scriptedFetch(new Error('ECONNREFUSED'));
    expect(
      await failure(client(refused.fetch).http.send({ method: 'POST', path: '/x' })),
    ).toMatchObject({
      kind: 'network',
      message: 'Could not reach the server. Check the connection.',
    });
  });

  it('the timer is cleared once the answer is in', async () => {
    vi.useFakeTimers();
    const { fetch } = scriptedFetch(json(200, {}));
    await client(fetch).http.send({ method: 'GET', path: '/x' });
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('rate limits', () => {
  it('an exhausted endpoint is refused without a request, saying when it resets', async () => {
    const { sent, fetch } = scriptedFetch(json(200, {}));
    const { http, tracker, clock } = client(fetch);
    tracker.record('GET /x', 10, 0);
    const error = await failure(http.send({ method: 'GET', path: '/x' }));
    const resetAt = clock.now + RATE_LIMIT_WINDOW_MS;
    expect(error).toMatchObject({
      kind: 'rate_limited',
      status: 429,
      endpoint: 'GET /x',
      resetAt,
      message: `Rate limit of GET /x used up; it resets about ${new Date(resetAt).toISOString()}.`,
    });
    expect(sent).toHaveLength(0);
    // Other endpoints are not affected.
    expect((await http.send({ method: 'GET', path: '/y' })).status).toBe(200);
  });

  it('a 429 is never retried and blocks the endpoint for Retry-After', async () => {
    const { sent, fetch } = scriptedFetch(json(429, {}, { 'retry-after': '30' }));
    const { http, clock } = client(fetch);
    const error = await failure(http.send({ method: 'GET', path: '/x' }));
    expect(error).toMatchObject({ kind: 'rate_limited', resetAt: clock.now + 30_000 });
    expect(sent).toHaveLength(1);
    await failure(http.send({ method: 'GET', path: '/x' }));
    expect(sent).toHaveLength(1);
  });

  it('a 429 with a Retry-After of zero: blocked until now, free a moment later', async () => {
    const { sent, fetch } = scriptedFetch(json(429, {}, { 'retry-after': '0' }), json(200, {}));
    const { http, clock } = client(fetch);
    expect(await failure(http.send({ method: 'GET', path: '/x' }))).toMatchObject({
      kind: 'rate_limited',
      resetAt: clock.now,
    });
    expect((await http.send({ method: 'GET', path: '/x' })).status).toBe(200);
    expect(sent).toHaveLength(2);
  });
  it('a 429 without a body is still a rate limit', async () => {
    const { fetch } = scriptedFetch(() => new Response(null, { status: 429 }));
    const { http, clock } = client(fetch);
    expect(await failure(http.send({ method: 'GET', path: '/x' }))).toMatchObject({
      kind: 'rate_limited',
      resetAt: clock.now + RATE_LIMIT_WINDOW_MS,
    });
  });

  it('without an injected clock, Retry-After counts from the real time', async () => {
    const { fetch } = scriptedFetch(json(429, {}, { 'retry-after': '30' }));
    const http = new HttpClient({ tracker: new RateLimitTracker(), fetch });
    const before = Date.now();
    const error = await failure(http.send({ method: 'GET', path: '/x' }));
    expect(error.resetAt).toBeGreaterThanOrEqual(before + 30_000);
    expect(error.resetAt).toBeLessThanOrEqual(Date.now() + 30_000);
  });
});

describe('retryAfterMs edges', () => {
  const now = Date.UTC(2026, 10, 28, 12);
  it('whole seconds with spaces around them, nothing else that merely contains digits', () => {
    expect(retryAfterMs(' 7', now)).toBe(7_000);
    expect(retryAfterMs('7 ', now)).toBe(7_000);
    for (const junk of ['7s', 'x7', '7 7', '   '])
      expect(retryAfterMs(junk, now), junk).toBeUndefined();
  });

  it('a date only in GMT, with trailing spaces allowed', () => {
    const at = new Date(now + 60_000).toUTCString();
    expect(retryAfterMs(`${at}  `, now)).toBe(60_000);
    expect(retryAfterMs(at.replace('GMT', '+0100'), now)).toBeUndefined();
    expect(retryAfterMs(`${at} later`, now)).toBeUndefined();
    // An offset after GMT is not an HTTP date, although Date.parse would read it.
    expect(retryAfterMs(`${at}+0100`, now)).toBeUndefined();
    expect(retryAfterMs('Someday, 99 Foo 2026 12:00:00 GMT', now)).toBeUndefined();
  });
});
