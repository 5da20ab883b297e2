/**
 * What every v2 sandbox route does around its handler, in the order a real gateway would:
 * armed faults, the per-endpoint rate limit (with `X-Ratelimit-*` on every answer and 429 past
 * the limit), the bearer (`Authorization: Bearer` or `X-Access-Token`), the API token's roles,
 * and the request log the tests count.
 */
import type { HttpBindings } from '@hono/node-server';
import type { Context, Hono } from 'hono';
import { breakTypes, type FaultPlan, type SandboxFault } from '../faults';
import type { SandboxRateLimiter } from '../rate-limiter';
import type { SandboxV2Principal, SandboxV2World } from './world-v2';

export type V2Env = { Bindings: HttpBindings };

export interface V2Answer {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface V2Request {
  c: Context<V2Env>;
  /** The bearer as sent, valid or not (refresh accepts an expired session token). */
  bearer: string | undefined;
  /** Set when the route requires a bearer; undefined on open routes. */
  principal: SandboxV2Principal | undefined;
}

export interface V2RouteOptions {
  /** 'open': no bearer needed; 'bearer': a live session or an unexpired API token. */
  auth: 'open' | 'bearer';
  /** What an API token's roles must allow: reads take either role, writes `api_write`. */
  access?: 'read' | 'write';
  /** Sessions only: an API token is refused with 403. */
  sessionOnly?: boolean;
}

export interface V2RouteDeps {
  root: Hono<V2Env>;
  world: SandboxV2World;
  faults: FaultPlan;
  limiter: SandboxRateLimiter;
  requests: { route: string; status: number; at: number }[];
  clock: () => number;
  sendRetryAfter: boolean;
}

export type V2Route = (
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  path: string,
  options: V2RouteOptions,
  handler: (request: V2Request) => Promise<V2Answer> | V2Answer,
) => void;

export const error = (status: number, type: string, message: string): V2Answer => ({
  status,
  body: { type, message },
});

export function makeRoute(deps: V2RouteDeps): V2Route {
  const { root, world, faults, limiter, requests, clock } = deps;
  return (method, path, options, handler) => {
    const key = `${method} ${path}`;
    root.on(method, path.replace(/\{(\w+)\}/g, ':$1'), async (c) => {
      const fault = faults.take(key);
      const reply = (status: number, text: string | null, headers: Record<string, string>) => {
        requests.push({ route: key, status, at: clock() });
        return new Response(text, { status, headers });
      };
      const respond = (answer: V2Answer, limits: Record<string, string>) => {
        const headers = { ...limits, ...answer.headers };
        return answer.body === undefined
          ? reply(answer.status, null, headers)
          : reply(answer.status, JSON.stringify(answer.body), {
              'content-type': 'application/json',
              ...headers,
            });
      };
      const drop = () => {
        requests.push({ route: key, status: 0, at: clock() });
        c.env.incoming.socket.destroy();
        return new Response(null, { status: 500 });
      };
      if (fault?.kind === 'delay') await new Promise((resolve) => setTimeout(resolve, fault.ms));
      if (fault?.kind === 'reset') return drop();

      const verdict = limiter.take(key);
      const resetSeconds = verdict && Math.max(0, Math.ceil((verdict.resetAt - clock()) / 1000));
      const limitHeaders: Record<string, string> = verdict
        ? {
            'X-Ratelimit-Limit': String(verdict.limit),
            'X-Ratelimit-Remaining': String(verdict.remaining),
            'X-Ratelimit-Reset': String(resetSeconds),
          }
        : {};
      const tooMany = (headers: Record<string, string>) =>
        respond(error(429, 'RateLimitError', 'too many requests'), headers);
      if (fault?.kind === 'rate_limited') {
        const { retryAfter, limitHeaders: injected } = fault;
        return tooMany({
          ...(retryAfter !== undefined && { 'Retry-After': retryAfter }),
          ...(injected && {
            'X-Ratelimit-Limit': String(injected.limit),
            'X-Ratelimit-Remaining': String(injected.remaining),
          }),
        });
      }
      if (verdict && !verdict.allowed) {
        return tooMany({
          ...limitHeaders,
          ...(deps.sendRetryAfter && { 'Retry-After': String(resetSeconds) }),
        });
      }
      if (fault?.kind === 'status') {
        const injected = error(fault.status, 'InjectedFault', `Injected HTTP ${fault.status}.`);
        return respond(injected, limitHeaders);
      }

      const bearer = bearerOf(c);
      const principal = bearer === undefined ? undefined : world.principal(bearer);
      if (options.auth === 'bearer') {
        const refusal = refuse(principal, options);
        if (refusal) return respond(refusal, limitHeaders);
      }
      const answer = await handler({
        c,
        bearer,
        principal: options.auth === 'bearer' ? principal : undefined,
      });
      if (fault?.kind === 'commit_then_drop') return drop();
      const broken = answer.status === 204 ? undefined : breakBody(fault, answer.body);
      if (broken !== undefined) {
        return reply(answer.status, broken, {
          'content-type': 'application/json',
          ...limitHeaders,
          ...answer.headers,
        });
      }
      return respond(answer, limitHeaders);
    });
  };
}

function bearerOf(c: Context<V2Env>): string | undefined {
  const header = /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '')?.[1];
  return header ?? (c.req.header('x-access-token')?.trim() || undefined);
}

/** The 401 or 403 for a bearer that may not use this route; undefined when it may. */
function refuse(
  principal: SandboxV2Principal | undefined,
  options: V2RouteOptions,
): V2Answer | undefined {
  if (!principal) return error(401, 'UnauthorizedError', 'Invalid or expired access token.');
  if (principal.kind === 'session') return undefined;
  if (options.sessionOnly)
    return error(403, 'PermissionDenied', 'An API token cannot manage sessions.');
  const roles = principal.apiToken.roles;
  if (options.access === 'write' && !roles.includes('api_write'))
    return error(403, 'PermissionDenied', 'This API token is read-only (api_read).');
  return undefined;
}

function breakBody(fault: SandboxFault | undefined, body: unknown): string | undefined {
  switch (fault?.kind) {
    case 'malformed_json':
      return '{"token": "truncated';
    case 'null_body':
      return 'null';
    case 'wrong_types':
      return JSON.stringify(breakTypes(body));
    default:
      return undefined;
  }
}

/** The request's JSON body, or undefined when it is missing or not JSON. */
export async function readJson(c: Context<V2Env>): Promise<unknown> {
  return c.req.json<unknown>().catch(() => undefined);
}

/** What zod reports, or a check of our own in the same shape. */
export interface ValidationIssue {
  message: string;
  path: readonly PropertyKey[];
  code: string;
}

/** v2's `ValidationErrors` answer for what zod found, paths in `.prop[1].sub` notation. */
export function validationFailed(issues: readonly ValidationIssue[]): V2Answer {
  return {
    status: 400,
    body: {
      type: 'ValidationError',
      message: 'Validation failed',
      validationErrors: issues.map((issue) => ({
        message: issue.message,
        path: issue.path
          .map((part) => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`))
          .join(''),
        type: issue.code,
      })),
    },
  };
}
