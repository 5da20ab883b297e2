import type { RateLimitView } from '../../app/contract';

export type Level = 'ok' | 'warn' | 'critical';

/** An endpoint as it stands now: a window past its estimated reset counts as refilled. */
export function current(limit: RateLimitView, now: number): RateLimitView {
  if (now < limit.resetAt) return limit;
  return { ...limit, remaining: limit.limit, exhausted: false };
}

/** The endpoint with the smallest share left, or undefined before any limit was seen. */
export function tightest(limits: readonly RateLimitView[], now: number): RateLimitView | undefined {
  let best: RateLimitView | undefined;
  for (const raw of limits) {
    const limit = current(raw, now);
    if (!best || share(limit) < share(best)) best = limit;
  }
  return best;
}

export function share(limit: RateLimitView): number {
  return limit.limit > 0 ? limit.remaining / limit.limit : 0;
}

export function level(limit: RateLimitView): Level {
  const left = share(limit);
  if (limit.exhausted || left <= 0.1) return 'critical';
  return left <= 0.25 ? 'warn' : 'ok';
}

/** The endpoint's limit when it is running low (or out), so an action spending it warns first. */
export function scarce(
  limits: readonly RateLimitView[],
  endpoint: string,
  now: number,
): RateLimitView | undefined {
  const raw = limits.find((limit) => limit.endpoint === endpoint);
  if (!raw) return undefined;
  const limit = current(raw, now);
  return level(limit) === 'ok' && limit.remaining > 2 ? undefined : limit;
}
