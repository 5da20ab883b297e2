/**
 * The v1 sandbox's route pipeline, the same for every route: faults armed for it, the rate
 * limit and its headers (and 429), authentication, the documented server cache (owner + URI,
 * `X-Cache: HIT`, bypassed by `Cache-Control: no-cache`), then the handler's answer, with
 * body faults applied. Every request that reaches a route is recorded.
 */
import type { HttpBindings } from '@hono/node-server';
import type { Context, Hono } from 'hono';
import { breakTypes, type FaultPlan, type SandboxFault } from './faults';
import type { SandboxClaims } from './jwt-signer';
import type { SandboxRateLimiter } from './rate-limiter';

export type Env = { Bindings: HttpBindings };

export interface Answer {
  status: number;
  body?: unknown;
  /** Sent as is instead of JSON (the bare JWT of `Accept: application/jwt`). */
  raw?: { text: string; contentType: string };
}

export interface RouteOptions {
  authenticated: boolean;
  /** GET answers kept in the server cache under owner + URI. */
  cacheable?: boolean;
}

export type Handler = (
  c: Context<Env>,
  claims: SandboxClaims | undefined,
) => Promise<Answer> | Answer;

export interface V1RouteDeps {
  faults: FaultPlan;
  limiter: SandboxRateLimiter;
  requests: { route: string; status: number; at: number }[];
  clock: () => number;
  claimsOf: (c: Context<Env>) => SandboxClaims | undefined;
  /** How long a cached GET answer is served. */
  cacheTtlMs: number;
  /** A 429 past the limit carries Retry-After. */
  sendRetryAfter: boolean;
}

/** `route(method, path, options, handler)`: adds a route to `app` through the pipeline. */
export function makeV1Route(app: Hono<Env>, deps: V1RouteDeps) {
  const cache = new Map<string, { answer: Answer; storedAt: number }>();
  return (
    method: 'GET' | 'POST' | 'DELETE',
    path: string,
    routeOptions: RouteOptions,
    handler: Handler,
  ) => {
    const key = `${method} ${path}`;
    const honoPath = path.replace(/\{(\w+)\}/g, ':$1');
    app.on(method, honoPath, async (c) => {
      const fault = deps.faults.take(key);
      const reply = (status: number, text: string | null, headers: Record<string, string>) => {
        deps.requests.push({ route: key, status, at: deps.clock() });
        return new Response(text, { status, headers });
      };
      const respond = (status: number, body?: unknown, headers: Record<string, string> = {}) =>
        body === undefined
          ? reply(status, null, headers)
          : reply(status, JSON.stringify(body), { 'content-type': 'application/json', ...headers });
      if (fault?.kind === 'delay') await new Promise((resolve) => setTimeout(resolve, fault.ms));
      if (fault?.kind === 'reset') return dropConnection(c, deps, key);

      const verdict = deps.limiter.take(key);
      const limitHeaders: Record<string, string> = verdict
        ? {
            'X-RateLimit': String(verdict.limit),
            'X-RateLimit-Remaining': String(verdict.remaining),
          }
        : {};
      const tooMany = (headers: Record<string, string>) =>
        respond(429, { type: 'RateLimitError', message: 'Too many requests.' }, headers);
      if (fault?.kind === 'rate_limited') {
        const { retryAfter, limitHeaders: injected } = fault;
        return tooMany({
          ...(retryAfter !== undefined && { 'Retry-After': retryAfter }),
          ...(injected && {
            'X-RateLimit': String(injected.limit),
            'X-RateLimit-Remaining': String(injected.remaining),
          }),
        });
      }
      if (verdict && !verdict.allowed) {
        const seconds = Math.max(0, Math.ceil((verdict.resetAt - deps.clock()) / 1000));
        return tooMany({
          ...limitHeaders,
          ...(deps.sendRetryAfter && { 'Retry-After': String(seconds) }),
        });
      }
      if (fault?.kind === 'status') {
        return respond(
          fault.status,
          { type: 'InjectedFault', message: `Injected HTTP ${fault.status}.` },
          limitHeaders,
        );
      }

      const claims = deps.claimsOf(c);
      if (routeOptions.authenticated && !claims) {
        return respond(
          401,
          { type: 'AuthenticationError', message: 'Invalid or expired token.' },
          limitHeaders,
        );
      }

      const uri = new URL(c.req.url).pathname;
      const cacheKey = `${claims?.sub ?? ''} ${uri}`;
      let answer: Answer;
      let cacheHit = false;
      if (method !== 'GET') cache.delete(cacheKey);
      const cached = cache.get(cacheKey);
      const fresh = /no-cache/i.test(c.req.header('cache-control') ?? '');
      if (
        routeOptions.cacheable &&
        !fresh &&
        cached &&
        deps.clock() - cached.storedAt < deps.cacheTtlMs
      ) {
        answer = cached.answer;
        cacheHit = true;
      } else {
        answer = await handler(c, claims);
        if (routeOptions.cacheable && answer.status === 200)
          cache.set(cacheKey, { answer, storedAt: deps.clock() });
      }

      if (fault?.kind === 'commit_then_drop') return dropConnection(c, deps, key);
      const headers = { ...limitHeaders, ...(cacheHit ? { 'X-Cache': 'HIT' } : {}) };
      if (answer.raw) {
        return reply(answer.status, answer.raw.text, {
          'content-type': answer.raw.contentType,
          ...headers,
        });
      }
      const broken = applyBodyFault(fault, answer.body);
      if (broken !== undefined) {
        return reply(answer.status, broken, { 'content-type': 'application/json', ...headers });
      }
      return respond(answer.status, answer.body, headers);
    });
  };
}

function applyBodyFault(fault: SandboxFault | undefined, body: unknown): string | undefined {
  switch (fault?.kind) {
    case 'malformed_json':
      return '{"uuid": "truncated';
    case 'null_body':
      return 'null';
    case 'wrong_types':
      return JSON.stringify(breakTypes(body));
    case 'crdate_number':
      return JSON.stringify(numericCrdates(body));
    default:
      return undefined;
  }
}

function numericCrdates(body: unknown): unknown {
  if (Array.isArray(body)) return body.map(numericCrdates);
  if (
    body !== null &&
    typeof body === 'object' &&
    'crdate' in body &&
    typeof body.crdate === 'string'
  ) {
    return { ...body, crdate: Math.floor(Date.parse(body.crdate) / 1000) };
  }
  return body;
}

function dropConnection(c: Context<Env>, deps: V1RouteDeps, route: string): Response {
  deps.requests.push({ route, status: 0, at: deps.clock() });
  c.env.incoming.socket.destroy();
  return new Response(null, { status: 500 });
}
