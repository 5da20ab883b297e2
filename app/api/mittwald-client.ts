/** Typed operations of mittwald's v1 authentication API, each answer checked with zod. */
import type { z } from 'zod';
import { ApiError } from './errors';
import {
  HttpClient,
  type HttpClientOptions,
  type RawAnswer,
  type RequestSpec,
} from './http-client';
import { jwtExpiry, looksLikeJwt } from './jwt';
import {
  applicationTokenListSchema,
  authenticationIncompleteSchema,
  authenticationResponseSchema,
  createdApplicationTokenSchema,
  selfSchema,
  tokenSchema,
  toEpochMs,
  type ApplicationToken,
  type CreatedApplicationToken,
  type Self,
} from './schemas';

/** Used when the server gives no usable expiry: short, so a wrong guess costs one renewal. */
const FALLBACK_LIFETIME_MS = 10 * 60 * 1000;

export interface Credentials {
  username: string;
  password: string;
  multiFactorCode?: string;
  deviceId?: string;
}

export interface ApiToken {
  token: string;
  /** Epoch ms. */
  expiresAt: number;
}

export type AuthenticateResult =
  | ({ status: 'authenticated' } & ApiToken)
  | { status: 'second_factor'; name: 'TOTP' | 'DeviceCookie'; deviceId: string };

export interface Fresh<T> {
  value: T;
  /** The server answered from its cache. */
  cacheHit: boolean;
}

export interface ReadOptions {
  /** Bypass and clear the server's cache for this URI. */
  fresh?: boolean;
}

export interface MittwaldClientOptions extends HttpClientOptions {
  /** Send the API token as `?access_token=` instead of the Authorization header. */
  tokenInQuery?: boolean;
  /** Ask /authenticate for a bare JWT (`Accept: application/jwt`). */
  preferJwt?: boolean;
}

export class MittwaldClient {
  readonly http: HttpClient;
  private readonly clock: () => number;

  constructor(private readonly options: MittwaldClientOptions) {
    this.http = new HttpClient(options);
    this.clock = options.clock ?? Date.now;
  }

  async authenticate(credentials: Credentials): Promise<AuthenticateResult> {
    const answer = await this.http.send({
      method: 'POST',
      path: '/authenticate',
      body: credentials,
      accept: this.options.preferJwt
        ? 'application/jwt'
        : 'application/json, application/jwt;q=0.5',
    });
    const endpoint = 'POST /authenticate';
    if (answer.status === 202) {
      const challenge = parse(
        authenticationIncompleteSchema,
        parseJson(answer, endpoint),
        endpoint,
      );
      return { status: 'second_factor', name: challenge.name, deviceId: challenge.deviceId };
    }
    const bare = answer.text.trim();
    if (!/json/i.test(answer.contentType) && looksLikeJwt(bare)) {
      return { status: 'authenticated', ...this.apiToken(bare, undefined) };
    }
    const body = parse(authenticationResponseSchema, parseJson(answer, endpoint), endpoint);
    return { status: 'authenticated', ...this.apiToken(body.token, body.expires) };
  }

  async listApplicationTokens(
    token: string,
    options: ReadOptions = {},
  ): Promise<Fresh<ApplicationToken[]>> {
    return this.read(
      { method: 'GET', path: '/authentication/tokens', token, fresh: options.fresh },
      applicationTokenListSchema,
    );
  }

  async createApplicationToken(
    token: string,
    description: string,
  ): Promise<CreatedApplicationToken> {
    const created = await this.read(
      { method: 'POST', path: '/authentication/tokens', token, body: { description } },
      createdApplicationTokenSchema,
    );
    return created.value;
  }

  async deleteApplicationToken(token: string, uuid: string): Promise<void> {
    // The answer's body is empty by the documentation; nothing in it is read.
    await this.http.send({
      method: 'DELETE',
      path: '/authentication/tokens/{uuid}',
      params: { uuid },
      token,
      tokenInQuery: this.options.tokenInQuery,
    });
  }

  async getSelf(token: string, options: ReadOptions = {}): Promise<Fresh<Self>> {
    return this.read(
      { method: 'GET', path: '/authentication/self', token, fresh: options.fresh },
      selfSchema,
    );
  }

  /** A new API token for the bearer of a still valid one (`GET /authentication/accesstoken`). */
  async renewApiToken(token: string): Promise<ApiToken> {
    const { value } = await this.read(
      { method: 'GET', path: '/authentication/accesstoken', token },
      tokenSchema,
    );
    return this.apiToken(value.token, undefined);
  }

  /** Sends an authenticated request and checks its JSON answer against the schema. */
  private async read<S extends z.ZodType>(
    spec: RequestSpec,
    schema: S,
  ): Promise<Fresh<z.output<S>>> {
    const endpoint = `${spec.method} ${spec.path}`;
    const answer = await this.http.send({ ...spec, tokenInQuery: this.options.tokenInQuery });
    return {
      value: parse(schema, parseJson(answer, endpoint), endpoint),
      cacheHit: answer.cacheHit,
    };
  }

  private apiToken(token: string, expires: string | number | undefined): ApiToken {
    const expiresAt =
      (expires === undefined ? undefined : toEpochMs(expires)) ??
      jwtExpiry(token) ??
      this.clock() + FALLBACK_LIFETIME_MS;
    return { token, expiresAt };
  }
}

/** The answer's body as JSON (`null` when empty); a body that is not JSON is a bad_response. */
export function parseJson(answer: RawAnswer, endpoint: string): unknown {
  if (answer.text.trim() === '') return null;
  try {
    return JSON.parse(answer.text) as unknown;
  } catch {
    throw new ApiError('bad_response', 'The server sent an answer that is not valid JSON.', {
      endpoint,
      status: answer.status,
      issues: ['body: not JSON'],
    });
  }
}

/** Checks data against the schema; a misfit is a bad_response naming paths, never values. */
export function parse<S extends z.ZodType>(
  schema: S,
  data: unknown,
  endpoint: string,
): z.output<S> {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  // Paths and expectations only: zod's messages name types, never the values themselves.
  const issues = result.error.issues.map(
    (issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`,
  );
  throw new ApiError(
    'bad_response',
    `The server's answer did not have the expected shape (${issues.slice(0, 3).join('; ')}).`,
    { endpoint, issues },
  );
}
