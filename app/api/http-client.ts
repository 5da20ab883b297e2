/**
 * The one place requests leave the app: rate-limit gate, timeout, one retry for idempotent
 * reads, every answer fed to the tracker, every failure turned into an ApiError.
 */
import { ApiError, errorForStatus } from './errors';
import type { RateLimitTracker } from '../ratelimit/rate-limit-tracker';

export const DEFAULT_BASE_URL = 'https://api.mittwald.de/v1';

export interface HttpClientOptions {
  baseUrl?: string;
  tracker: RateLimitTracker;
  fetch?: typeof fetch;
  clock?: () => number;
  timeoutMs?: number;
  /** Wait before the one retry of an idempotent read. */
  retryDelayMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

export interface RawAnswer {
  status: number;
  contentType: string;
  text: string;
  /** The server answered from its cache (`X-Cache: HIT`). */
  cacheHit: boolean;
  /** The answer's headers, only when the request asked for them (`withHeaders`). */
  headers?: Headers;
}

export interface RequestSpec {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Path template, e.g. `/authentication/tokens/{uuid}`: the rate-limit key. */
  path: string;
  params?: Record<string, string>;
  /** Query parameters (v2's list paging). */
  query?: Record<string, string>;
  /** Hand the answer's headers back too (v2's `X-Pagination-*`). */
  withHeaders?: boolean;
  body?: unknown;
  /** API token; sent as `Authorization: Bearer` unless tokenInQuery. */
  token?: string;
  tokenInQuery?: boolean;
  accept?: string;
  /** Ask the server to bypass and clear its cache (`Cache-Control: no-cache`). */
  fresh?: boolean;
}

const RETRYABLE_STATUSES = new Set([502, 503, 504]);

export class HttpClient {
  readonly baseUrl: string;
  private readonly fetchImpl: typeof fetch;
  private readonly clock: () => number;
  private readonly timeoutMs: number;
  private readonly retryDelayMs: number;
  private readonly sleep: (ms: number) => Promise<void>;
  readonly tracker: RateLimitTracker;

  constructor(options: HttpClientOptions) {
    this.baseUrl = (options.baseUrl ?? DEFAULT_BASE_URL).replace(/\/+$/, '');
    this.tracker = options.tracker;
    this.fetchImpl = options.fetch ?? globalThis.fetch.bind(globalThis);
    this.clock = options.clock ?? Date.now;
    this.timeoutMs = options.timeoutMs ?? 15_000;
    this.retryDelayMs = options.retryDelayMs ?? 300;
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  }

  /** Sends the request; answers 2xx only, everything else is thrown as an ApiError. */
  async send(spec: RequestSpec): Promise<RawAnswer> {
    const endpoint = `${spec.method} ${spec.path}`;
    // Only reads are retried: a POST, PUT or DELETE may have been carried out before the failure.
    const attempts = spec.method === 'GET' ? 2 : 1;
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.sendOnce(spec, endpoint);
      } catch (error) {
        const retryable =
          error instanceof ApiError &&
          (error.kind === 'network' ||
            (error.kind === 'server' && RETRYABLE_STATUSES.has(error.status ?? 0)));
        if (!retryable || attempt >= attempts) throw error;
        await this.sleep(this.retryDelayMs);
      }
    }
  }

  private async sendOnce(spec: RequestSpec, endpoint: string): Promise<RawAnswer> {
    const blockedUntil = this.tracker.blockedUntil(endpoint);
    if (blockedUntil !== undefined) throw rateLimited(endpoint, blockedUntil);

    // One timer for the whole exchange, body included; cleared as soon as it is over. No
    // AbortSignal: handing fetch a signal costs about a tenth of a loopback call (undici's
    // per-request bookkeeping). The caller gets the timeout on time; an exchange given up on
    // still runs to its end (its answer is then only fed to the tracker and dropped), and a
    // server that never answers is cut off by undici's own header and body timeouts.
    const exchange = this.exchange(spec, endpoint);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => {
        exchange.catch(() => undefined);
        reject(timedOut(endpoint, this.timeoutMs));
      }, this.timeoutMs);
    });
    try {
      return await Promise.race([exchange, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  private async exchange(spec: RequestSpec, endpoint: string): Promise<RawAnswer> {
    const response = await this.fetchResponse(spec, endpoint);
    this.tracker.recordHeaders(endpoint, response.headers);
    if (response.status === 429) {
      this.tracker.recordRejected(
        endpoint,
        retryAfterMs(response.headers.get('retry-after'), this.clock()),
      );
      await response.body?.cancel();
      throw rateLimited(endpoint, this.tracker.blockedUntil(endpoint) ?? this.clock());
    }
    let text: string;
    try {
      text = await response.text();
    } catch (error) {
      throw transportError(error, endpoint, this.timeoutMs);
    }
    if (response.status < 200 || response.status > 299)
      throw errorForStatus(response.status, endpoint);
    return {
      status: response.status,
      contentType: response.headers.get('content-type') ?? '',
      text,
      cacheHit: (response.headers.get('x-cache') ?? '').trim().toUpperCase() === 'HIT',
      ...(spec.withHeaders && { headers: response.headers }),
    };
  }

  private async fetchResponse(spec: RequestSpec, endpoint: string): Promise<Response> {
    const headers: Record<string, string> = { accept: spec.accept ?? 'application/json' };
    let url: string | URL = this.baseUrl + fillPath(spec.path, spec.params);
    const inQuery = spec.token !== undefined && spec.tokenInQuery === true;
    // A URL object only when there is a query to build (parsing one costs per request).
    if (spec.query !== undefined || inQuery) {
      url = new URL(url);
      for (const [name, value] of Object.entries(spec.query ?? {}))
        url.searchParams.set(name, value);
      if (inQuery && spec.token !== undefined) url.searchParams.set('access_token', spec.token);
    }
    if (spec.token !== undefined && !inQuery) headers.authorization = `Bearer ${spec.token}`;
    if (spec.fresh) headers['cache-control'] = 'no-cache';
    let body: string | undefined;
    if (spec.body !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(spec.body);
    }
    try {
      return await this.fetchImpl(url, {
        method: spec.method,
        headers,
        body,
      });
    } catch (error) {
      throw transportError(error, endpoint, this.timeoutMs);
    }
  }
}

function fillPath(template: string, params: Record<string, string> = {}): string {
  if (!template.includes('{')) return template;
  return template.replace(/\{(\w+)\}/g, (_match, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`missing path parameter ${name}`);
    return encodeURIComponent(value);
  });
}

function rateLimited(endpoint: string, resetAt: number): ApiError {
  const at = new Date(resetAt).toISOString();
  return new ApiError('rate_limited', `Rate limit of ${endpoint} used up; it resets about ${at}.`, {
    endpoint,
    resetAt,
    status: 429,
  });
}

function timedOut(endpoint: string, timeoutMs: number): ApiError {
  return new ApiError('timeout', `No answer within ${Math.round(timeoutMs / 1000)} s.`, {
    endpoint,
  });
}

function transportError(error: unknown, endpoint: string, timeoutMs: number): ApiError {
  const name = error instanceof Error ? error.name : '';
  if (name === 'TimeoutError' || name === 'AbortError') return timedOut(endpoint, timeoutMs);
  return new ApiError('network', 'Could not reach the server. Check the connection.', {
    endpoint,
  });
}

/** Retry-After as delay-seconds or as an HTTP date (RFC 9110); anything else is ignored. */
export function retryAfterMs(value: string | null, now: number): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  if (/^\s*\d+\s*$/.test(value)) return Number(value) * 1000;
  // HTTP dates are always in GMT; this also keeps Date.parse's lenient guesses out.
  if (!/GMT\s*$/.test(value)) return undefined;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
