/** The sandbox's per-endpoint request budget over a fixed window, like the real API's. */
export interface RateLimitRule {
  limit: number;
}

export const DEFAULT_RATE_LIMITS: Readonly<Record<string, RateLimitRule>> = {
  'POST /authenticate': { limit: 60 },
  'GET /authentication/tokens': { limit: 600 },
  'POST /authentication/tokens': { limit: 120 },
  'DELETE /authentication/tokens/{uuid}': { limit: 120 },
  'GET /authentication/accesstoken': { limit: 120 },
};

export interface RateLimitVerdict {
  limit: number;
  remaining: number;
  allowed: boolean;
  /** When the current window ends (epoch ms): what Retry-After is computed from. */
  resetAt: number;
}

export class SandboxRateLimiter {
  private readonly windows = new Map<string, { startedAt: number; used: number }>();

  constructor(
    private readonly rules: Readonly<Record<string, RateLimitRule>>,
    private readonly windowMs: number,
    private readonly clock: () => number,
  ) {}

  /** Counts one request; undefined when the endpoint has no limit. */
  take(endpoint: string): RateLimitVerdict | undefined {
    const rule = this.rules[endpoint];
    if (!rule) return undefined;
    const now = this.clock();
    let window = this.windows.get(endpoint);
    if (!window || now >= window.startedAt + this.windowMs) {
      window = { startedAt: now, used: 0 };
      this.windows.set(endpoint, window);
    }
    const resetAt = window.startedAt + this.windowMs;
    if (window.used >= rule.limit)
      return { limit: rule.limit, remaining: 0, allowed: false, resetAt };
    window.used += 1;
    return { limit: rule.limit, remaining: rule.limit - window.used, allowed: true, resetAt };
  }
}
