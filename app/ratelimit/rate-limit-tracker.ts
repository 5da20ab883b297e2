/**
 * What the rate-limit headers said, per endpoint. v1 sends `X-RateLimit` and
 * `X-RateLimit-Remaining` with no reset and 15-minute windows, so its reset is estimated from
 * when the current window was first seen. v2 sends `X-Ratelimit-Limit`, `X-Ratelimit-Remaining`
 * and `X-Ratelimit-Reset`: the reset it names is used as is.
 */
import type { RateLimitView } from '../contract';
import { mergeRateLimits } from './rate-limit-merge';

export const RATE_LIMIT_WINDOW_MS = 15 * 60 * 1000;
export const HISTORY_LENGTH = 30;

/** One endpoint's state: the contract's view, so what the renderer sees is what is tracked. */
export type EndpointRateLimit = RateLimitView;

export type RateLimitListener = (snapshot: EndpointRateLimit[]) => void;

export class RateLimitTracker {
  private readonly endpoints = new Map<string, EndpointRateLimit>();
  /** Endpoints whose current resetAt was named by the server (v2), not estimated. */
  private readonly namedResets = new Set<string>();
  private readonly listeners = new Set<RateLimitListener>();

  constructor(
    private readonly clock: () => number = Date.now,
    private readonly windowMs: number = RATE_LIMIT_WINDOW_MS,
  ) {}

  /** Records one answer's headers. Ignores answers of endpoints without limits. */
  recordHeaders(endpoint: string, headers: Headers): void {
    // Header names are case-insensitive: v1's and v2's remaining are the same header; the
    // limit is `X-RateLimit` in v1 and `X-Ratelimit-Limit` in v2.
    const limit =
      parseCount(headers.get('x-ratelimit')) ?? parseCount(headers.get('x-ratelimit-limit'));
    const remaining = parseCount(headers.get('x-ratelimit-remaining'));
    if (limit === undefined || remaining === undefined) return;
    this.record(
      endpoint,
      limit,
      remaining,
      parseReset(headers.get('x-ratelimit-reset'), this.clock()),
    );
  }

  /** One sample; `resetAt` (epoch ms) when the server named the reset, else it is estimated. */
  record(endpoint: string, limit: number, remaining: number, resetAt?: number): void {
    const now = this.clock();
    const previous = this.endpoints.get(endpoint);
    // A first sample, a rise in remaining, or a window we estimate has ended: a new window.
    const newWindow =
      previous === undefined || remaining > previous.remaining || now >= previous.resetAt;
    const windowStartedAt = newWindow ? now : previous.windowStartedAt;
    const history = [...(previous?.history ?? []), { at: now, remaining }].slice(-HISTORY_LENGTH);
    if (resetAt === undefined) this.namedResets.delete(endpoint);
    else this.namedResets.add(endpoint);
    this.endpoints.set(endpoint, {
      endpoint,
      limit,
      remaining,
      windowStartedAt,
      resetAt: resetAt ?? windowStartedAt + this.windowMs,
      exhausted: remaining <= 0,
      history,
    });
    this.emit();
  }

  /** A 429: the endpoint is exhausted until the estimated reset (or Retry-After, if given). */
  recordRejected(endpoint: string, retryAfterMs?: number): void {
    const now = this.clock();
    const previous = this.endpoints.get(endpoint);
    const windowStartedAt =
      previous === undefined || now >= previous.resetAt ? now : previous.windowStartedAt;
    // A reset the server named for the running window (v2 sends its headers with the 429)
    // beats an estimate; Retry-After beats both.
    const named =
      previous !== undefined && this.namedResets.has(endpoint) && now < previous.resetAt
        ? previous.resetAt
        : undefined;
    if (named === undefined) this.namedResets.delete(endpoint);
    const estimated = named ?? windowStartedAt + this.windowMs;
    const resetAt = retryAfterMs === undefined ? estimated : now + retryAfterMs;
    this.endpoints.set(endpoint, {
      endpoint,
      limit: previous?.limit ?? 0,
      remaining: 0,
      windowStartedAt,
      resetAt,
      exhausted: true,
      history: [...(previous?.history ?? []), { at: now, remaining: 0 }].slice(-HISTORY_LENGTH),
    });
    this.emit();
  }

  /**
   * States another process saw (read from the shared store): newer ones replace ours, the
   * histories join. Listeners hear of it once, and only if something changed.
   */
  adopt(states: readonly EndpointRateLimit[]): void {
    let changed = false;
    for (const state of mergeRateLimits([...this.endpoints.values()], states, HISTORY_LENGTH)) {
      const previous = this.endpoints.get(state.endpoint);
      if (previous !== undefined && JSON.stringify(previous) === JSON.stringify(state)) continue;
      this.endpoints.set(state.endpoint, state);
      // A reset that is not window start + window was named by a server (v2).
      if (state.resetAt === state.windowStartedAt + this.windowMs)
        this.namedResets.delete(state.endpoint);
      else this.namedResets.add(state.endpoint);
      changed = true;
    }
    if (changed) this.emit();
  }

  /** When the endpoint may be asked again, if it is exhausted now; else undefined. */
  blockedUntil(endpoint: string): number | undefined {
    const state = this.current(endpoint, this.clock());
    return state?.exhausted ? state.resetAt : undefined;
  }

  snapshot(): EndpointRateLimit[] {
    const now = this.clock();
    return [...this.endpoints.values()].map((state) => ({
      ...refilled(state, now),
      history: [...state.history],
    }));
  }

  /** Calls the listener on every change with a snapshot of all endpoints. */
  subscribe(listener: RateLimitListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The endpoint's state, with an elapsed window treated as refilled. */
  private current(endpoint: string, now: number): EndpointRateLimit | undefined {
    const state = this.endpoints.get(endpoint);
    return state && refilled(state, now);
  }

  private emit(): void {
    const snapshot = this.snapshot();
    for (const listener of this.listeners) listener(snapshot);
  }
}

/** A state whose window has elapsed, as the server will see it: refilled. */
function refilled(state: EndpointRateLimit, now: number): EndpointRateLimit {
  return now < state.resetAt ? state : { ...state, remaining: state.limit, exhausted: false };
}

function parseCount(value: string | null): number | undefined {
  if (value === null || !/^\s*\d+\s*$/.test(value)) return undefined;
  return Number(value);
}

/**
 * `X-Ratelimit-Reset` as seconds until the reset (the v2 description does not define the header;
 * this is the common reading). A value past 10^9 cannot be a delay (31 years): it is read as
 * epoch seconds, the other convention in use. Anything else is ignored.
 */
function parseReset(value: string | null, now: number): number | undefined {
  if (value === null || !/^\s*\d+(\.\d+)?\s*$/.test(value)) return undefined;
  const seconds = Number(value);
  return seconds > 1e9 ? Math.round(seconds * 1000) : now + Math.round(seconds * 1000);
}
