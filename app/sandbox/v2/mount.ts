/**
 * Mounts the v2 subset (`/v2/...`, the paths of mittwald-v2/openapi-auth.json) on the sandbox's
 * server, beside v1: same port, same fault plan, same request log, its own accounts and limits.
 */
import type { Hono } from 'hono';
import type { FaultPlan } from '../faults';
import { SandboxRateLimiter, type RateLimitRule } from '../rate-limiter';
import { makeRoute, type V2Env } from './route-kit';
import { apiTokenRoutes } from './routes-api-tokens';
import { authRoutes } from './routes-auth';
import { SandboxV2World, type SandboxV2Account } from './world-v2';

/**
 * Per-endpoint budgets over a one-minute window. The real limits are not published; a window
 * other than v1's 15 minutes shows that clients follow `X-Ratelimit-Reset`, not an estimate.
 */
export const DEFAULT_V2_RATE_LIMITS: Readonly<Record<string, RateLimitRule>> = {
  'POST /v2/authenticate': { limit: 10 },
  'POST /v2/authenticate-mfa': { limit: 10 },
  'PUT /v2/users/self/sessions': { limit: 10 },
  'GET /v2/users/self/sessions': { limit: 60 },
  'DELETE /v2/users/self/sessions': { limit: 10 },
  'GET /v2/users/self/sessions/current/status': { limit: 120 },
  'POST /v2/users/self/credentials/token': { limit: 60 },
  'PUT /v2/logout': { limit: 10 },
  'GET /v2/users/self/api-tokens': { limit: 120 },
  'POST /v2/users/self/api-tokens': { limit: 30 },
  'GET /v2/users/self/api-tokens/{apiTokenId}': { limit: 120 },
  'PUT /v2/users/self/api-tokens/{apiTokenId}': { limit: 30 },
  'DELETE /v2/users/self/api-tokens/{apiTokenId}': { limit: 30 },
};

export interface SandboxV2Options {
  accounts?: readonly SandboxV2Account[];
  /** Lifetime of a session token, in seconds (default 30 minutes). */
  sessionLifetimeSeconds?: number;
  /** Lifetime of a refresh token, in seconds (default 30 days). */
  refreshLifetimeSeconds?: number;
  /** How long a password sign-in waits for its second factor, in seconds (default 5 minutes). */
  firstFactorSeconds?: number;
  rateLimits?: Readonly<Record<string, RateLimitRule>>;
  rateLimitWindowMs?: number;
  /** Page size of the token list when the request names no `limit` (default: everything). */
  listPageSize?: number;
}

export interface SandboxV2 {
  /** The v2 client's base URL: the server's origin, since v2's paths carry `/v2` themselves. */
  url: string;
  world: SandboxV2World;
}

export interface MountDeps {
  faults: FaultPlan;
  requests: { route: string; status: number; at: number }[];
  clock: () => number;
  sendRetryAfter: boolean;
}

/** Registers the routes; the caller makes the handle once the server's origin is known. */
export function mountSandboxV2(
  root: Hono<V2Env>,
  deps: MountDeps,
  options: SandboxV2Options = {},
): (origin: string) => SandboxV2 {
  const { clock } = deps;
  const world = new SandboxV2World(
    clock,
    {
      sessionMs: (options.sessionLifetimeSeconds ?? 30 * 60) * 1000,
      refreshMs: (options.refreshLifetimeSeconds ?? 30 * 24 * 3600) * 1000,
      firstFactorMs: (options.firstFactorSeconds ?? 5 * 60) * 1000,
    },
    options.accounts,
  );
  const limiter = new SandboxRateLimiter(
    options.rateLimits ?? DEFAULT_V2_RATE_LIMITS,
    options.rateLimitWindowMs ?? 60_000,
    clock,
  );
  const route = makeRoute({ root, world, limiter, ...deps });
  authRoutes(route, world, clock);
  apiTokenRoutes(route, world, clock, options.listPageSize);
  return (origin) => ({ url: origin, world });
}
