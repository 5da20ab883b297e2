/**
 * The pure pieces that read what the server sends: JWT expiry, dates in every form the API
 * uses, status → error kind, and the bad_response errors (which name paths, never values).
 */
import { describe, expect, it } from 'vitest';
import { ApiError, errorForStatus, isApiError } from './errors';
import { jwtExpiry, looksLikeJwt } from './jwt';
import { parse, parseJson } from './mittwald-client';
import { crdateSchema, toEpochMs, applicationTokenSchema } from './schemas';
import { z } from 'zod';

const segment = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const jwtWith = (claims: unknown) => `${segment({ alg: 'none' })}.${segment(claims)}.sig`;

describe('jwtExpiry', () => {
  it('reads exp (seconds) as epoch milliseconds', () => {
    expect(jwtExpiry(jwtWith({ exp: 1_900_000_000 }))).toBe(1_900_000_000_000);
  });

  it('has no expiry for a token without a payload, a payload that is not a JSON object, or no exp', () => {
    expect(jwtExpiry('opaque-token')).toBeUndefined();
    expect(jwtExpiry(`${segment({})}.${Buffer.from('not json').toString('base64url')}.x`)).toBe(
      undefined,
    );
    expect(jwtExpiry(jwtWith(null))).toBeUndefined();
    expect(jwtExpiry(jwtWith(1_900_000_000))).toBeUndefined();
    expect(jwtExpiry(jwtWith('exp'))).toBeUndefined();
    expect(jwtExpiry(jwtWith({ iat: 1 }))).toBeUndefined();
  });

  it('ignores an exp that is not a finite number', () => {
    expect(jwtExpiry(jwtWith({ exp: '1900000000' }))).toBeUndefined();
    expect(jwtExpiry(jwtWith({ exp: null }))).toBeUndefined();
    // JSON's 1e400 parses to Infinity.
    const huge = Buffer.from('{"exp":1e400}').toString('base64url');
    expect(jwtExpiry(`${segment({})}.${huge}.x`)).toBeUndefined();
  });
});

describe('looksLikeJwt', () => {
  it('takes three base64url parts (the signature may be empty), around whitespace', () => {
    expect(looksLikeJwt(' aa.bb.cc\n')).toBe(true);
    expect(looksLikeJwt('aa.bb.')).toBe(true);
  });

  it('refuses anything else, including a JWT inside other text', () => {
    expect(looksLikeJwt('{"token":"aa.bb.cc"}')).toBe(false);
    expect(looksLikeJwt('x aa.bb.cc')).toBe(false);
    expect(looksLikeJwt('aa.bb.cc x')).toBe(false);
    expect(looksLikeJwt('aa.bb')).toBe(false);
    expect(looksLikeJwt('aa..cc')).toBe(false);
  });
});

describe('toEpochMs and crdate', () => {
  const iso = '2026-03-01T12:00:00.000Z';
  const ms = Date.parse(iso);

  it('reads ISO 8601, epoch seconds and epoch milliseconds, as numbers or digit strings', () => {
    expect(toEpochMs(iso)).toBe(ms);
    expect(toEpochMs(ms / 1000)).toBe(ms);
    expect(toEpochMs(ms)).toBe(ms);
    expect(toEpochMs(` ${ms / 1000} `)).toBe(ms);
    expect(toEpochMs(`${ms / 1000}.4`)).toBe(ms + 400);
    expect(toEpochMs(String(ms))).toBe(ms);
    expect(toEpochMs(0)).toBe(0);
  });

  it('tells seconds from milliseconds at 1e11 (seconds until the year 5138)', () => {
    expect(toEpochMs(99_999_999_999)).toBe(99_999_999_999_000);
    expect(toEpochMs(100_000_000_000)).toBe(100_000_000_000);
  });

  it('refuses negative, infinite and unreadable values', () => {
    expect(toEpochMs(-1)).toBeUndefined();
    expect(toEpochMs(Number.POSITIVE_INFINITY)).toBeUndefined();
    expect(toEpochMs(Number.NaN)).toBeUndefined();
    expect(toEpochMs('yesterday')).toBeUndefined();
    expect(toEpochMs('12 34')).toBeUndefined();
  });

  it('makes an unreadable crdate a schema issue with a message, and an absent description empty', () => {
    const bad = crdateSchema.safeParse('soon');
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.message).toBe('expected an ISO 8601 date or an epoch timestamp');
    expect(applicationTokenSchema.parse({ uuid: 'u', crdate: 0, description: null })).toEqual({
      uuid: 'u',
      crdate: 0,
      description: '',
    });
  });
});

describe('errorForStatus', () => {
  it.each([
    [401, 'unauthorized', 'The server did not accept the credentials.'],
    [403, 'forbidden', 'This account is not allowed to do that.'],
    [404, 'not_found', 'The server does not know that.'],
    [500, 'server', 'The server failed (HTTP 500). Try again later.'],
    [503, 'server', 'The server failed (HTTP 503). Try again later.'],
    [400, 'rejected', 'The server rejected the request (HTTP 400).'],
    [499, 'rejected', 'The server rejected the request (HTTP 499).'],
  ] as const)('maps HTTP %i to %s with a message for people', (status, kind, message) => {
    const error = errorForStatus(status, 'GET /x');
    expect(error).toBeInstanceOf(Error);
    expect({ name: error.name, kind: error.kind, message: error.message }).toEqual({
      name: 'ApiError',
      kind,
      message,
    });
    expect({ status: error.status, endpoint: error.endpoint }).toEqual({
      status,
      endpoint: 'GET /x',
    });
  });

  it('isApiError checks the kind only when asked', () => {
    const error = new ApiError('server', 'x');
    expect(isApiError(error)).toBe(true);
    expect(isApiError(error, 'server')).toBe(true);
    expect(isApiError(error, 'timeout')).toBe(false);
    expect(isApiError(new Error('x'))).toBe(false);
  });
});

describe('parseJson and parse', () => {
  const answer = (text: string) => ({
    status: 200,
    text,
    contentType: 'application/json',
    cacheHit: false,
    headers: new Headers(),
  });

  it('reads an empty body as null and refuses a body that is not JSON, naming no value', () => {
    expect(parseJson(answer('  '), 'GET /x')).toBeNull();
    let caught: unknown;
    try {
      parseJson(answer('{secret-value'), 'GET /x');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ApiError);
    const error = caught as ApiError;
    expect({ kind: error.kind, message: error.message, issues: error.issues }).toEqual({
      kind: 'bad_response',
      message: 'The server sent an answer that is not valid JSON.',
      issues: ['body: not JSON'],
    });
    expect({ status: error.status, endpoint: error.endpoint }).toEqual({
      status: 200,
      endpoint: 'GET /x',
    });
  });

  it('names each misfit by path (the body itself as "body") and at most three in the message', () => {
    const schema = z.object({ a: z.string(), b: z.string(), c: z.string(), d: z.string() });
    const error = (() => {
      try {
        parse(schema, { a: 1, b: 2, c: 3, d: 'secret-value' }, 'GET /x');
      } catch (caught) {
        return caught as ApiError;
      }
      throw new Error('expected a misfit');
    })();
    expect(error.kind).toBe('bad_response');
    expect(error.issues?.map((issue) => issue.split(':')[0])).toEqual(['a', 'b', 'c']);
    expect(error.message).toMatch(
      /^The server's answer did not have the expected shape \(a: .*; b: .*; c: .*\)\.$/,
    );
    const whole = (() => {
      try {
        parse(schema, null, 'GET /x');
      } catch (caught) {
        return caught as ApiError;
      }
      throw new Error('expected a misfit');
    })();
    expect(whole.issues?.[0]).toMatch(/^body: ./);
    expect(whole.endpoint).toBe('GET /x');
    expect(JSON.stringify({ ...error, message: error.message })).not.toContain('secret-value');
  });
});
