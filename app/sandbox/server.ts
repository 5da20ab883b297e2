/**
 * A local server that speaks mittwald's v1 authentication API as documented: demo accounts,
 * application tokens, signed JWTs, rate-limit headers and 429, the documented server cache,
 * and faults armed per route. For demo mode and tests; binds to 127.0.0.1 only.
 */
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { FaultPlan } from './faults';
import { JwtSigner, type SandboxClaims } from './jwt-signer';
import { DEFAULT_RATE_LIMITS, SandboxRateLimiter, type RateLimitRule } from './rate-limiter';
import { verifyTotp } from './totp';
import { makeV1Route, type Answer, type Env } from './v1-route';
import { mountSandboxV2, type SandboxV2, type SandboxV2Options } from './v2/mount';
import { SandboxWorld, type SandboxAccount } from './world';

export interface SandboxOptions {
  port?: number;
  clock?: () => number;
  /** Lifetime of issued API tokens, in seconds (default one hour). */
  tokenLifetimeSeconds?: number;
  rateLimits?: Readonly<Record<string, RateLimitRule>>;
  rateLimitWindowMs?: number;
  /** A 429 past the limit carries Retry-After (seconds to the window's end). The real API's
   * description promises none, so the default is without. */
  sendRetryAfter?: boolean;
  /** How long a cached GET answer is served with `X-Cache: HIT` (default 5 minutes). */
  cacheTtlMs?: number;
  accounts?: readonly SandboxAccount[];
  /** The v2 subset served on the same port under `/v2`. */
  v2?: SandboxV2Options;
}

export interface SandboxRequest {
  route: string;
  status: number;
  at: number;
}

export interface Sandbox {
  /** Base URL including `/v1`, e.g. http://127.0.0.1:41234/v1. */
  url: string;
  world: SandboxWorld;
  faults: FaultPlan;
  /** Every request that reached a known route (v1 and v2), in order. */
  requests: SandboxRequest[];
  /** The v2 subset: its base URL (the origin) and its world. */
  v2: SandboxV2;
  countRequests(route?: string): number;
  close(): Promise<void>;
}

const authenticateBody = z.object({
  username: z.string(),
  password: z.string(),
  multiFactorCode: z.string().optional(),
  deviceId: z.string().optional(),
});
const createTokenBody = z.object({ description: z.string().max(255) });

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const clock = options.clock ?? Date.now;
  const world = new SandboxWorld(clock, options.accounts);
  const faults = new FaultPlan();
  const signer = new JwtSigner();
  const limiter = new SandboxRateLimiter(
    options.rateLimits ?? DEFAULT_RATE_LIMITS,
    options.rateLimitWindowMs ?? 15 * 60 * 1000,
    clock,
  );
  const lifetime = options.tokenLifetimeSeconds ?? 3600;
  const requests: SandboxRequest[] = [];

  const issue = (account: SandboxAccount, tokenUuid?: string) => {
    const iat = Math.floor(clock() / 1000);
    const token = signer.sign({
      sub: account.username,
      iat,
      exp: iat + lifetime,
      jti: randomUUID(),
      tid: tokenUuid,
    });
    world.issuedSecrets.add(token);
    return { token, expires: new Date((iat + lifetime) * 1000).toISOString() };
  };

  const claimsOf = (c: Context<Env>): SandboxClaims | undefined => {
    const header = c.req.header('authorization') ?? '';
    const bearer = /^Bearer\s+(\S+)$/i.exec(header)?.[1] ?? c.req.query('access_token');
    const claims = bearer === undefined ? undefined : signer.verify(bearer, clock());
    if (!claims || !world.accounts.has(claims.sub)) return undefined;
    // An API token issued for an access token ends when that access token is deleted.
    if (claims.tid !== undefined && !world.tokens.has(claims.tid)) return undefined;
    return claims;
  };

  // v1 and v2 share one router: routes added through either base path are served by both.
  const root = new Hono<Env>();
  const app = root.basePath('/v1');
  const v2 = mountSandboxV2(
    root,
    { faults, requests, clock, sendRetryAfter: options.sendRetryAfter ?? false },
    options.v2,
  );

  const route = makeV1Route(app, {
    faults,
    limiter,
    requests,
    clock,
    claimsOf,
    cacheTtlMs: options.cacheTtlMs ?? 5 * 60 * 1000,
    sendRetryAfter: options.sendRetryAfter ?? false,
  });

  route('POST', '/authenticate', { authenticated: false }, async (c) => {
    const input = authenticateBody.safeParse(await c.req.json().catch(() => undefined));
    if (!input.success)
      return {
        status: 400,
        body: { type: 'ValidationError', message: 'username and password are required.' },
      };
    const signIn = world.signIn(input.data.username, input.data.password);
    if (!signIn)
      return {
        status: 401,
        body: { type: 'AuthenticationError', message: 'Invalid credentials.' },
      };
    if (signIn.via === 'password') {
      const challenge = secondFactor(world, signIn.account, input.data, clock());
      if (challenge) return challenge;
    }
    const issued = issue(
      signIn.account,
      signIn.via === 'access_token' ? signIn.tokenUuid : undefined,
    );
    const accept = c.req.header('accept') ?? '';
    if (/^\s*application\/jwt/i.test(accept))
      return { status: 200, raw: { text: issued.token, contentType: 'application/jwt' } };
    return { status: 200, body: issued };
  });

  route('GET', '/authentication/tokens', { authenticated: true, cacheable: true }, (_c, claims) => {
    const tokens = world.listTokens(claims!.sub).map(({ uuid, crdate, description }) => ({
      uuid,
      crdate: new Date(crdate).toISOString(),
      description,
    }));
    // The real API answers `null` for an account without tokens.
    return { status: 200, body: tokens.length === 0 ? null : tokens };
  });

  route('POST', '/authentication/tokens', { authenticated: true }, async (c, claims) => {
    const input = createTokenBody.safeParse(await c.req.json().catch(() => undefined));
    if (!input.success)
      return {
        status: 400,
        body: {
          type: 'ValidationError',
          message: 'description must be a string of at most 255 characters.',
        },
      };
    const token = world.createToken(claims!.sub, input.data.description);
    return {
      status: 201,
      body: {
        uuid: token.uuid,
        token: token.secret,
        crdate: new Date(token.crdate).toISOString(),
        description: token.description,
      },
    };
  });

  route('DELETE', '/authentication/tokens/{uuid}', { authenticated: true }, (c, claims) => {
    if (!world.deleteToken(claims!.sub, c.req.param('uuid') ?? ''))
      return { status: 404, body: { type: 'NotFound', message: 'No such token.' } };
    return { status: 200 };
  });

  route('GET', '/authentication/self', { authenticated: true, cacheable: true }, (_c, claims) => {
    const account = world.accounts.get(claims!.sub)!;
    return {
      status: 200,
      body: { name: account.username, type: 'CUS', createdAt: account.createdAt },
    };
  });

  route('GET', '/authentication/accesstoken', { authenticated: true }, (_c, claims) => {
    const account = world.accounts.get(claims!.sub)!;
    return { status: 200, body: { token: issue(account, claims!.tid).token } };
  });

  // Not part of v1: the sandbox's mailbox, where a person trying the app reads a device PIN.
  app.get('/_sandbox/mailbox/:username', (c) =>
    c.json(world.mailbox.filter((mail) => mail.to === c.req.param('username'))),
  );

  app.notFound((c) => c.json({ type: 'NotFound', message: 'No such route.' }, 404));

  const server = serve({ fetch: app.fetch, port: options.port ?? 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    world,
    v2: v2(`http://127.0.0.1:${port}`),
    faults,
    requests,
    countRequests: (key) =>
      key === undefined ? requests.length : requests.filter((r) => r.route === key).length,
    close: () =>
      new Promise<void>((resolve) => {
        if ('closeAllConnections' in server) server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The 202 or 401 a password sign-in gets while its second factor is missing or wrong. */
function secondFactor(
  world: SandboxWorld,
  account: SandboxAccount,
  input: z.infer<typeof authenticateBody>,
  now: number,
): Answer | undefined {
  const code = input.multiFactorCode;
  const wrongCode: Answer = {
    status: 401,
    body: { type: 'AuthenticationError', message: 'Invalid multi factor code.' },
  };
  if (account.totpSecret !== undefined) {
    if (code === undefined)
      return { status: 202, body: { name: 'TOTP', deviceId: input.deviceId ?? randomUUID() } };
    return verifyTotp(account.totpSecret, code, now) ? undefined : wrongCode;
  }
  if (account.deviceCookie && !world.isConfirmedDevice(account.username, input.deviceId)) {
    if (code === undefined) {
      const deviceId = input.deviceId ?? randomUUID();
      world.sendDevicePin(account.username, deviceId);
      return { status: 202, body: { name: 'DeviceCookie', deviceId } };
    }
    return world.confirmDevice(account.username, input.deviceId, code) ? undefined : wrongCode;
  }
  return undefined;
}
