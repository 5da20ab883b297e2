/**
 * Typed operations of mittwald's API v2 (mStudio) that a token manager needs, over the same
 * HttpClient as v1: one rate-limit tracker, one timer per exchange, reads retried once, writes
 * never, every answer checked with zod, every failure an ApiError of the closed kinds.
 *
 * Two kinds of bearer: the session token from sign-in (with a refresh token), and an API token,
 * which is used as the bearer directly; v2 has no short-lived exchange.
 */
import { ApiError, isApiError } from '../api/errors';
import {
  HttpClient,
  type HttpClientOptions,
  type RawAnswer,
  type RequestSpec,
} from '../api/http-client';
import { parse, parseJson } from '../api/mittwald-client';
import type { z } from 'zod';
import {
  apiTokenListSchema,
  apiTokenSchema,
  authenticatedSchema,
  createdApiTokenSchema,
  refreshedSchema,
  secondFactorRequiredSchema,
  sessionStatusSchema,
  type ApiTokenRole,
  type SessionStatus,
  type V2ApiToken,
} from './v2-schemas';

/** v2's paths carry `/v2` themselves, so the base is the origin. */
export const DEFAULT_V2_BASE_URL = 'https://api.mittwald.de';

export const V2_PATHS = {
  authenticate: '/v2/authenticate',
  authenticateMfa: '/v2/authenticate-mfa',
  sessions: '/v2/users/self/sessions',
  sessionStatus: '/v2/users/self/sessions/current/status',
  logout: '/v2/logout',
  apiTokens: '/v2/users/self/api-tokens',
  apiToken: '/v2/users/self/api-tokens/{apiTokenId}',
} as const;

/** Pages followed at most for one list: a server that keeps paging is not followed forever. */
const MAX_PAGES = 50;

export interface SessionTokens {
  /** The session's bearer. Never stored (the issue asks so); kept in memory for the session. */
  token: string;
  /** Renews the session, even after `token` expired. Never stored either. */
  refreshToken: string;
  /** When `token` expires (epoch ms). */
  expiresAt: number;
}

export type V2SignInResult =
  ({ status: 'authenticated' } & SessionTokens) | { status: 'second_factor' };

export interface V2Credentials {
  email: string;
  password: string;
}

export interface NewApiToken {
  description: string;
  /** At least one; duplicates are dropped (the description wants them unique). */
  roles: readonly ApiTokenRole[];
  /** Epoch ms; omitted: the token does not expire. */
  expiresAt?: number;
}

export interface ApiTokenChange {
  description: string;
  /**
   * Epoch ms, or undefined for "never expires". Required on purpose: the update is a PUT, and
   * the sandbox (like a PUT by its meaning) clears an expiry the request does not name.
   */
  expiresAt: number | undefined;
}

export type V2ClientOptions = HttpClientOptions;

export class MittwaldV2Client {
  readonly http: HttpClient;

  constructor(options: V2ClientOptions) {
    this.http = new HttpClient({ ...options, baseUrl: options.baseUrl ?? DEFAULT_V2_BASE_URL });
  }

  /** Password sign-in: a session, or the news that a second factor is due (202). */
  async authenticate(credentials: V2Credentials): Promise<V2SignInResult> {
    const spec = post(V2_PATHS.authenticate, credentials);
    const answer = await this.send(spec, (status) =>
      status === 400 || status === 401 ? wrongCredentials(spec, status) : undefined,
    );
    if (answer.status === 202) {
      parse(secondFactorRequiredSchema, parseJson(answer, endpointOf(spec)), endpointOf(spec));
      return { status: 'second_factor' };
    }
    return { status: 'authenticated', ...this.sessionFrom(answer, spec) };
  }

  /** The second factor: an OTP or a recovery code (6–16 characters), with e-mail and password. */
  async authenticateMfa(
    credentials: V2Credentials & { multiFactorCode: string },
  ): Promise<SessionTokens> {
    // Authenticator apps show "123 456"; the server wants the digits.
    const multiFactorCode = credentials.multiFactorCode.replace(/\s+/g, '');
    const spec = post(V2_PATHS.authenticateMfa, { ...credentials, multiFactorCode });
    const answer = await this.send(spec, (status) => {
      if (status === 400)
        return new ApiError('unauthorized', 'The code was not accepted. Try the current one.', {
          status,
          endpoint: endpointOf(spec),
        });
      if (status === 401) return wrongCredentials(spec, status);
      if (status === 408)
        return new ApiError(
          'rejected',
          'The sign-in waited too long for the code. Sign in again with the password.',
          { status, endpoint: endpointOf(spec) },
        );
      return undefined;
    });
    return this.sessionFrom(answer, spec);
  }

  /** A new session token and refresh token; the ones used here stop working. */
  async refreshSession(
    session: Pick<SessionTokens, 'token' | 'refreshToken'>,
  ): Promise<SessionTokens> {
    const spec: RequestSpec = {
      method: 'PUT',
      path: V2_PATHS.sessions,
      token: session.token,
      body: { refreshToken: session.refreshToken },
    };
    const answer = await this.send(spec, (status) =>
      status === 400
        ? new ApiError('unauthorized', 'The session has ended. Sign in again.', {
            status,
            endpoint: endpointOf(spec),
          })
        : undefined,
    );
    const body = parse(refreshedSchema, parseJson(answer, endpointOf(spec)), endpointOf(spec));
    return { token: body.token, refreshToken: body.refreshToken, expiresAt: body.expiresAt };
  }

  /** Ends the session: its token (and, in the sandbox, its refresh token) stop working. */
  async logout(sessionToken: string): Promise<void> {
    await this.send({ method: 'PUT', path: V2_PATHS.logout, token: sessionToken, body: {} });
  }

  /** Who the bearer is; for an API token, `tokenId` is that token's `apiTokenId`. */
  async sessionStatus(token: string): Promise<SessionStatus> {
    return this.read({ method: 'GET', path: V2_PATHS.sessionStatus, token }, sessionStatusSchema);
  }

  /** Every API token of the account, following `X-Pagination-TotalCount` if the server pages. */
  async listApiTokens(token: string): Promise<V2ApiToken[]> {
    const byId = new Map<string, V2ApiToken>();
    let query: Record<string, string> | undefined;
    for (let page = 0; page < MAX_PAGES; page++) {
      const spec: RequestSpec = { method: 'GET', path: V2_PATHS.apiTokens, token, query };
      const answer = await this.http.send({ ...spec, withHeaders: true });
      const items = parse(
        apiTokenListSchema,
        parseJson(answer, endpointOf(spec)),
        endpointOf(spec),
      );
      // A token made or deleted between pages shifts the rest: the id keeps each one once.
      for (const item of items) byId.set(item.apiTokenId, item);
      const total = Number(answer.headers?.get('x-pagination-totalcount') ?? NaN);
      const next = Number(query?.skip ?? 0) + items.length;
      if (!Number.isInteger(total) || items.length === 0 || next >= total) break;
      query = { skip: String(next), limit: String(query?.limit ?? items.length) };
    }
    return [...byId.values()];
  }

  async getApiToken(token: string, apiTokenId: string): Promise<V2ApiToken> {
    return this.read(
      { method: 'GET', path: V2_PATHS.apiToken, params: { apiTokenId }, token },
      apiTokenSchema,
    );
  }

  /** Creates a token; the answer is its secret, which the server never shows again. */
  async createApiToken(token: string, input: NewApiToken): Promise<{ token: string }> {
    const body = {
      description: input.description,
      roles: [...new Set(input.roles)],
      ...(input.expiresAt !== undefined && { expiresAt: new Date(input.expiresAt).toISOString() }),
    };
    return this.read(
      { method: 'POST', path: V2_PATHS.apiTokens, token, body },
      createdApiTokenSchema,
    );
  }

  /** Sets description and expiry (204, nothing to read). Roles cannot be changed in v2. */
  async updateApiToken(token: string, apiTokenId: string, change: ApiTokenChange): Promise<void> {
    const body = {
      description: change.description,
      ...(change.expiresAt !== undefined && {
        expiresAt: new Date(change.expiresAt).toISOString(),
      }),
    };
    await this.send({
      method: 'PUT',
      path: V2_PATHS.apiToken,
      params: { apiTokenId },
      token,
      body,
    });
  }

  async deleteApiToken(token: string, apiTokenId: string): Promise<void> {
    await this.send({ method: 'DELETE', path: V2_PATHS.apiToken, params: { apiTokenId }, token });
  }

  private async read<S extends z.ZodType>(spec: RequestSpec, schema: S): Promise<z.output<S>> {
    const answer = await this.send(spec);
    return parse(schema, parseJson(answer, endpointOf(spec)), endpointOf(spec));
  }

  /** Sends; an HTTP failure the operation gives a meaning of its own is rethrown with it. */
  private async send(
    spec: RequestSpec,
    meaning: (status: number) => ApiError | undefined = () => undefined,
  ) {
    try {
      return await this.http.send(spec);
    } catch (error) {
      const specific = isApiError(error) && error.status !== undefined && meaning(error.status);
      // A 429 is always the rate limit's, whatever the operation.
      if (specific && !isApiError(error, 'rate_limited')) throw specific;
      throw error;
    }
  }

  private sessionFrom(answer: RawAnswer, spec: RequestSpec): SessionTokens {
    const endpoint = endpointOf(spec);
    const body = parse(authenticatedSchema, parseJson(answer, endpoint), endpoint);
    return { token: body.token, refreshToken: body.refreshToken, expiresAt: body.expires };
  }
}

function post(path: string, body: unknown): RequestSpec {
  return { method: 'POST', path, body };
}

function endpointOf(spec: RequestSpec): string {
  return `${spec.method} ${spec.path}`;
}

function wrongCredentials(spec: RequestSpec, status: number): ApiError {
  return new ApiError('unauthorized', 'E-mail or password was not accepted.', {
    status,
    endpoint: endpointOf(spec),
  });
}
