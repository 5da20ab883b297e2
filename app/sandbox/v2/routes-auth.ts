/**
 * The v2 sandbox's sign-in and session routes: authenticate (202 when a second factor is due),
 * authenticate-mfa (400 for a wrong code, 408 when the first factor is stale), refresh, logout,
 * the session list, the current session's status and the deprecated token check.
 */
import { z } from 'zod';
import { verifyTotp } from '../totp';
import { error, readJson, validationFailed, type V2Answer, type V2Route } from './route-kit';
import type { SandboxV2Session, SandboxV2World } from './world-v2';

const authenticateBody = z.object({ email: z.string(), password: z.string() });
const mfaBody = z.object({
  email: z.string(),
  password: z.string(),
  multiFactorCode: z.string().min(6).max(16),
});
const refreshBody = z.object({ refreshToken: z.string() });

const iso = (ms: number) => new Date(ms).toISOString();

const wrongCredentials = error(401, 'AuthenticationError', 'Wrong e-mail or password.');

function signedIn(session: SandboxV2Session): V2Answer {
  return {
    status: 200,
    body: {
      token: session.token,
      refreshToken: session.refreshToken,
      expires: iso(session.expiresAt),
    },
  };
}

export function authRoutes(route: V2Route, world: SandboxV2World, clock: () => number): void {
  route('POST', '/v2/authenticate', { auth: 'open' }, async ({ c }) => {
    const input = authenticateBody.safeParse(await readJson(c));
    if (!input.success) return validationFailed(input.error.issues);
    const account = world.checkPassword(input.data.email, input.data.password);
    if (!account) return wrongCredentials;
    if (account.totpSecret !== undefined || account.recoveryCodes !== undefined) {
      world.startSecondFactor(account.email);
      return { status: 202, body: { name: 'SecondFactorRequired' } };
    }
    return signedIn(world.openSession(account.email));
  });

  route('POST', '/v2/authenticate-mfa', { auth: 'open' }, async ({ c }) => {
    const input = mfaBody.safeParse(await readJson(c));
    if (!input.success) return validationFailed(input.error.issues);
    const account = world.checkPassword(input.data.email, input.data.password);
    if (!account) return wrongCredentials;
    if (world.firstFactorExpired(account.email)) {
      return {
        status: 408,
        body: {
          name: 'FirstAuthenticationFactorExpired',
          message: 'The first factor has expired. Call /v2/authenticate again.',
        },
      };
    }
    const accepted = world.acceptSecondFactor(account, input.data.multiFactorCode, (secret, code) =>
      verifyTotp(secret, code, clock()),
    );
    if (!accepted) {
      return validationFailed([
        {
          code: 'custom',
          message: 'The multi factor code is not valid.',
          path: ['multiFactorCode'],
        },
      ]);
    }
    return signedIn(world.openSession(account.email));
  });

  // The description requires the access token here too; it may have expired ("refresh your
  // access token even after it has expired"), but it must belong to the refresh token's session.
  route('PUT', '/v2/users/self/sessions', { auth: 'open' }, async ({ c, bearer }) => {
    const session = bearer === undefined ? undefined : world.sessionByToken(bearer);
    if (!session) return error(401, 'UnauthorizedError', 'Invalid access token.');
    const input = refreshBody.safeParse(await readJson(c));
    if (!input.success) return validationFailed(input.error.issues);
    if (input.data.refreshToken !== session.refreshToken || clock() >= session.refreshExpiresAt)
      return error(400, 'InvalidRefreshToken', 'The refresh token is not valid.');
    const refreshed = world.refresh(session);
    return {
      status: 200,
      body: {
        token: refreshed.token,
        refreshToken: refreshed.refreshToken,
        expiresAt: iso(refreshed.expiresAt),
      },
    };
  });

  route('PUT', '/v2/logout', { auth: 'bearer', sessionOnly: true }, ({ principal }) => {
    if (principal?.kind === 'session') world.endSession(principal.session.sessionId);
    return { status: 204 };
  });

  route(
    'GET',
    '/v2/users/self/sessions',
    { auth: 'bearer', sessionOnly: true },
    ({ principal }) => {
      const sessions = [...world.sessions.values()].filter((s) => s.email === principal?.email);
      return {
        status: 200,
        body: sessions.map((session) => ({
          tokenId: session.sessionId,
          created: iso(session.createdAt),
          lastAccess: iso(session.lastAccess),
          device: { browser: 'mwtokens sandbox' },
        })),
      };
    },
  );

  route('DELETE', '/v2/users/self/sessions', { auth: 'bearer', sessionOnly: true }, (request) => {
    const current = request.principal?.kind === 'session' ? request.principal.session : undefined;
    for (const session of [...world.sessions.values()]) {
      if (session.email === current?.email && session !== current)
        world.endSession(session.sessionId);
    }
    return { status: 204 };
  });

  route('GET', '/v2/users/self/sessions/current/status', { auth: 'bearer' }, ({ principal }) => {
    const account = principal && world.accounts.get(principal.email);
    if (!principal || !account) return error(401, 'UnauthorizedError', 'Invalid access token.');
    return {
      status: 200,
      body: {
        userId: account.userId,
        // For an API token, the token in use is that API token: its apiTokenId.
        tokenId:
          principal.kind === 'session'
            ? principal.session.sessionId
            : principal.apiToken.apiTokenId,
        isImpersonated: false,
        isEmployee: false,
      },
    };
  });

  route('POST', '/v2/users/self/credentials/token', { auth: 'bearer' }, ({ principal, bearer }) => {
    if (!principal || bearer === undefined)
      return error(401, 'UnauthorizedError', 'Invalid access token.');
    const id =
      principal.kind === 'session' ? principal.session.sessionId : principal.apiToken.apiTokenId;
    return { status: 200, body: { id, publicToken: bearer } };
  });
}
