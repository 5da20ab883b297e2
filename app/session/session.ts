/**
 * The current API token of one profile: sign-in (with the second factor when asked), caching
 * until shortly before expiry, one shared renewal for concurrent callers, one retry on 401.
 * Username and password live only as long as a pending second-factor challenge.
 */
import { ApiError, isApiError } from '../api/errors';
import type { ApiToken, MittwaldClient } from '../api/mittwald-client';

export interface AccessTokenCredentials {
  uuid: string;
  secret: string;
}

export type SecondFactorKind = 'TOTP' | 'DeviceCookie';

export type SessionState =
  | { status: 'signed_out' }
  | { status: 'second_factor'; name: SecondFactorKind; username: string }
  | { status: 'signed_in'; expiresAt: number };

export type SignInOutcome =
  | {
      status: 'signed_in';
      expiresAt: number;
      /** The account signed in with a password (also after a second factor). */
      username: string;
      /** The device the server knows this sign-in by, once a second factor confirmed it. */
      deviceId?: string;
    }
  | { status: 'second_factor'; name: SecondFactorKind; username: string };

export interface SessionOptions {
  clock?: () => number;
  /**
   * Renew at most this long before the API token expires (default one minute), and never more
   * than a tenth of the token's lifetime: a short-lived token is not renewed on every call.
   */
  renewMarginMs?: number;
}

/** Share of a token's lifetime that may be spent renewing it early. */
const RENEW_SHARE = 0.1;

interface PendingChallenge {
  username: string;
  password: string;
  deviceId: string;
  name: SecondFactorKind;
}

export class Session {
  private apiToken: (ApiToken & { receivedAt: number }) | undefined;
  private accessToken: AccessTokenCredentials | undefined;
  private pending: PendingChallenge | undefined;
  private renewal: Promise<string> | undefined;
  private readonly clock: () => number;
  private readonly renewMarginMs: number;

  constructor(
    private readonly client: MittwaldClient,
    options: SessionOptions = {},
  ) {
    this.clock = options.clock ?? Date.now;
    this.renewMarginMs = options.renewMarginMs ?? 60_000;
  }

  state(): SessionState {
    if (this.pending)
      return { status: 'second_factor', name: this.pending.name, username: this.pending.username };
    if (this.apiToken || this.accessToken) {
      return { status: 'signed_in', expiresAt: this.apiToken?.expiresAt ?? 0 };
    }
    return { status: 'signed_out' };
  }

  /** The cached API token, if any (for persisting it encrypted, or copying it). */
  currentApiToken(): ApiToken | undefined {
    return this.apiToken && { token: this.apiToken.token, expiresAt: this.apiToken.expiresAt };
  }

  /** `deviceId`: the device a second factor confirmed earlier, so it is not asked again. */
  async signInWithPassword(
    username: string,
    password: string,
    deviceId?: string,
  ): Promise<SignInOutcome> {
    this.pending = undefined;
    const result = await this.client.authenticate({
      username,
      password,
      ...(deviceId !== undefined && { deviceId }),
    });
    if (result.status === 'second_factor') {
      this.pending = { username, password, deviceId: result.deviceId, name: result.name };
      return { status: 'second_factor', name: result.name, username };
    }
    this.accessToken = undefined;
    return { ...this.adopt(result), username, ...(deviceId !== undefined && { deviceId }) };
  }

  /** Completes a pending challenge. A wrong code leaves the challenge open for another try. */
  async submitSecondFactor(code: string): Promise<SignInOutcome> {
    const pending = this.pending;
    if (!pending) throw new ApiError('unauthorized', 'There is no sign-in waiting for a code.');
    const result = await this.client.authenticate({
      username: pending.username,
      password: pending.password,
      multiFactorCode: code,
      deviceId: pending.deviceId,
    });
    if (result.status === 'second_factor') {
      throw new ApiError('unauthorized', 'The code was not accepted. Try the current one.');
    }
    this.pending = undefined;
    this.accessToken = undefined;
    return { ...this.adopt(result), username: pending.username, deviceId: pending.deviceId };
  }

  cancelSecondFactor(): void {
    this.pending = undefined;
  }

  async signInWithAccessToken(credentials: AccessTokenCredentials): Promise<SignInOutcome> {
    this.pending = undefined;
    this.accessToken = credentials;
    const token = await this.authenticateWithAccessToken(credentials);
    return { ...this.adopt(token), username: credentials.uuid };
  }

  /** From now on renew with this access token (after creating this device's own). */
  useAccessToken(credentials: AccessTokenCredentials): void {
    this.accessToken = credentials;
  }

  /** Resumes a session from storage without a request; the API token is used while valid. */
  restore(credentials: AccessTokenCredentials, apiToken?: ApiToken): void {
    this.pending = undefined;
    this.accessToken = credentials;
    // Its lifetime is unknown after a restart: the full margin applies until the next renewal.
    this.apiToken = apiToken && { ...apiToken, receivedAt: 0 };
  }

  signOut(): void {
    this.pending = undefined;
    this.accessToken = undefined;
    this.apiToken = undefined;
    this.renewal = undefined;
  }

  /** A valid API token: the cached one, or one shared renewal. */
  async token(): Promise<string> {
    const cached = this.apiToken;
    if (cached && this.clock() < cached.expiresAt - this.marginFor(cached)) return cached.token;
    return this.renew(false);
  }

  private marginFor(token: { expiresAt: number; receivedAt: number }): number {
    const lifetime = token.expiresAt - token.receivedAt;
    return Math.min(this.renewMarginMs, Math.max(0, lifetime * RENEW_SHARE));
  }

  /** Runs fn with a valid token; a 401 leads to one renewal and one retry, no more. */
  async call<T>(fn: (token: string) => Promise<T>): Promise<T> {
    const token = await this.token();
    try {
      return await fn(token);
    } catch (error) {
      if (!isApiError(error, 'unauthorized')) throw error;
      // Another caller may have renewed already; only the token we used is known bad.
      const renewed =
        this.apiToken && this.apiToken.token !== token
          ? this.apiToken.token
          : await this.renew(true);
      return fn(renewed);
    }
  }

  private renew(rejected: boolean): Promise<string> {
    this.renewal ??= this.renewOnce(rejected).finally(() => {
      this.renewal = undefined;
    });
    return this.renewal;
  }

  private async renewOnce(rejected: boolean): Promise<string> {
    const current = this.apiToken;
    if (!rejected && current && this.clock() < current.expiresAt) {
      try {
        return this.adoptToken(await this.client.renewApiToken(current.token));
      } catch (error) {
        // A refused renewal without an access token to fall back on ends the session (below).
        if (!isApiError(error, 'unauthorized')) throw error;
      }
    }
    const credentials = this.accessToken;
    if (!credentials) {
      this.signOut();
      throw new ApiError('unauthorized', 'The session has ended. Sign in again.');
    }
    try {
      return this.adoptToken(await this.authenticateWithAccessToken(credentials));
    } catch (error) {
      // The stored access token itself was refused: it was revoked or deleted elsewhere.
      if (isApiError(error, 'unauthorized') || isApiError(error, 'forbidden')) this.signOut();
      throw error;
    }
  }

  private async authenticateWithAccessToken(
    credentials: AccessTokenCredentials,
  ): Promise<ApiToken> {
    const result = await this.client.authenticate({
      username: credentials.uuid,
      password: credentials.secret,
    });
    if (result.status === 'second_factor') {
      throw new ApiError(
        'bad_response',
        'The server asked for a second factor for an access token.',
      );
    }
    return { token: result.token, expiresAt: result.expiresAt };
  }

  private adopt(token: ApiToken): { status: 'signed_in'; expiresAt: number } {
    this.adoptToken(token);
    return { status: 'signed_in', expiresAt: token.expiresAt };
  }

  private adoptToken(token: ApiToken): string {
    this.apiToken = { token: token.token, expiresAt: token.expiresAt, receivedAt: this.clock() };
    return token.token;
  }
}
