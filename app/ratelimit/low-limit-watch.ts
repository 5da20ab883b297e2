/** Decides when to tell the user that an endpoint is running low: once per window, below 10 %. */
import type { EndpointRateLimit } from './rate-limit-tracker';

export const LOW_SHARE = 0.1;

export class LowLimitWatch {
  /** Endpoint → windowStartedAt of the window already announced. */
  private readonly announced = new Map<string, number>();

  /** The endpoints that have just dropped below the threshold in their current window. */
  check(snapshot: readonly EndpointRateLimit[]): EndpointRateLimit[] {
    const fresh: EndpointRateLimit[] = [];
    for (const limit of snapshot) {
      if (limit.limit <= 0 || limit.remaining / limit.limit >= LOW_SHARE) continue;
      if (this.announced.get(limit.endpoint) === limit.windowStartedAt) continue;
      this.announced.set(limit.endpoint, limit.windowStartedAt);
      fresh.push(limit);
    }
    return fresh;
  }
}
