/**
 * One v2 (mStudio) profile's bearer. Two sources: the sign-in session (token and refresh token,
 * in memory only, never stored) and this device's API token (stored encrypted by the vault, used
 * as the bearer as is: v2 has no short-lived exchange). Once the device token is known it is the
 * bearer, so the device has the same rights after every start: its roles, no more.
 * E-mail and password live only as long as a pending second-factor challenge.
 */
import { ApiError, isApiError } from '../api/errors';
import type { MittwaldV2Client, NewApiToken, SessionTokens } from '../api-v2/v2-client';

export interface DeviceApiToken {
  /** The bearer itself. Never log this. */
  secret: string;
  apiTokenId: string;
  /** Epoch ms; undefined: it does not expire. */
  expiresAt: number | undefined;
}

export type V2SessionState =
  | { status: 'signed_out' }
  | { status: 'second_factor'; email: string }
  | {
      status: 'signed_in';
      /** What requests are sent with now. */
      bearer: 'api_token' | 'session';
      /** When that bearer expires (epoch ms); undefined for an API token without expiry. */
      expiresAt: number | undefined;
    };

export type V2SignInOutcome =
  | { status: 'signed_in'; email: string; expiresAt: number }
  | { status: 'second_factor'; email: string };

export interface V2SessionOptions {
  clock?: () => number;
  /** Refresh the session at most this long before it expires, and never more than a tenth of
   * its lifetime early (default one minute). */
  refreshMarginMs?: number;
}

const REFRESH_SHARE = 0.1;

export class V2Session {
  private session: (SessionTokens & { receivedAt: number }) | undefined;
  private device: DeviceApiToken | undefined;
  private pending: { email: string; password: string } | undefined;
  private refreshing: Promise<string> | undefined;
  private readonly clock: () => number;
  private readonly refreshMarginMs: number;

  constructor(
    private readonly client: MittwaldV2Client,
    options: V2SessionOptions = {},
  ) {
    this.clock = options.clock ?? Date.now;
    this.refreshMarginMs = options.refreshMarginMs ?? 60_000;
  }

  state(): V2SessionState {
    if (this.pending) return { status: 'second_factor', email: this.pending.email };
    if (this.device)
      return { status: 'signed_in', bearer: 'api_token', expiresAt: this.device.expiresAt };
    if (this.session)
      return { status: 'signed_in', bearer: 'session', expiresAt: this.session.expiresAt };
    return { status: 'signed_out' };
  }

  async signInWithPassword(email: string, password: string): Promise<V2SignInOutcome> {
    this.pending = undefined;
    const result = await this.client.authenticate({ email, password });
    if (result.status === 'second_factor') {
      this.pending = { email, password };
      return { status: 'second_factor', email };
    }
    this.adoptSession(result);
    return { status: 'signed_in', email, expiresAt: result.expiresAt };
  }

  /**
   * Completes a pending challenge. A wrong code leaves it open for another try; a stale first
   * factor (408, kind `rejected`) closes it: sign in with the password again.
   */
  async submitSecondFactor(code: string): Promise<V2SignInOutcome> {
    const pending = this.pending;
    if (!pending) throw new ApiError('unauthorized', 'There is no sign-in waiting for a code.');
    try {
      const session = await this.client.authenticateMfa({ ...pending, multiFactorCode: code });
      this.pending = undefined;
      this.adoptSession(session);
      return { status: 'signed_in', email: pending.email, expiresAt: session.expiresAt };
    } catch (error) {
      if (isApiError(error, 'rejected') && error.status === 408) this.pending = undefined;
      throw error;
    }
  }

  cancelSecondFactor(): void {
    this.pending = undefined;
  }

  /** Creates this device's API token with the live session and makes it the bearer. */
  async createDeviceToken(input: NewApiToken): Promise<DeviceApiToken> {
    if (!this.session) throw new ApiError('unauthorized', 'Sign in to create a device token.');
    // With the session, not a device token that may be the reason for this (expired, too few roles).
    const { token: secret } = await this.withSession((bearer) =>
      this.client.createApiToken(bearer, input),
    );
    // The creation answers only the secret; the token's id is what the server says it is.
    const { tokenId } = await this.client.sessionStatus(secret);
    this.device = { secret, apiTokenId: tokenId, expiresAt: input.expiresAt };
    return { ...this.device };
  }

  /** Adopts a device token: restored from the vault at start, or after a renewal replaced it. */
  useDeviceToken(token: DeviceApiToken): void {
    this.pending = undefined;
    this.device = { ...token };
  }

  deviceToken(): DeviceApiToken | undefined {
    return this.device && { ...this.device };
  }

  /** The bearer for the next request: the device token, else the session (refreshed in time). */
  async token(): Promise<string> {
    const device = this.device;
    if (!device) return this.sessionToken();
    if (device.expiresAt !== undefined && this.clock() >= device.expiresAt) {
      throw new ApiError('unauthorized', "This device's API token has expired. Sign in again.");
    }
    return device.secret;
  }

  private async sessionToken(): Promise<string> {
    const session = this.session;
    if (!session) throw new ApiError('unauthorized', 'Not signed in.');
    const margin = Math.min(
      this.refreshMarginMs,
      Math.max(0, (session.expiresAt - session.receivedAt) * REFRESH_SHARE),
    );
    if (this.clock() < session.expiresAt - margin) return session.token;
    return this.refresh();
  }

  /**
   * Runs fn with a bearer. A 401 on the session leads to one refresh and one retry. A 401 on the
   * device token means it was revoked or has expired elsewhere: it is forgotten (the caller
   * should mark the stored one) and the error is passed on.
   */
  async call<T>(fn: (bearer: string) => Promise<T>): Promise<T> {
    const device = this.device;
    if (!device) return this.withSession(fn);
    const bearer = await this.token();
    try {
      return await fn(bearer);
    } catch (error) {
      if (isApiError(error, 'unauthorized') && this.device === device) this.device = undefined;
      throw error;
    }
  }

  private async withSession<T>(fn: (bearer: string) => Promise<T>): Promise<T> {
    const bearer = await this.sessionToken();
    try {
      return await fn(bearer);
    } catch (error) {
      if (!isApiError(error, 'unauthorized') || !this.session) throw error;
      // Another caller may have refreshed already; only the token we used is known bad.
      const next = this.session.token !== bearer ? this.session.token : await this.refresh();
      return fn(next);
    }
  }

  /** Ends the sign-in session on the server (best effort) and forgets it; keeps the device token. */
  async endSession(): Promise<void> {
    const session = this.session;
    this.session = undefined;
    this.refreshing = undefined;
    if (!session || this.clock() >= session.expiresAt) return;
    // A failed logout leaves a session that ends by itself; nothing of it is kept here.
    await this.client.logout(session.token).catch(() => undefined);
  }

  /** Forgets everything; the session is logged out on the server first. */
  async signOut(): Promise<void> {
    this.pending = undefined;
    this.device = undefined;
    await this.endSession();
  }

  private refresh(): Promise<string> {
    this.refreshing ??= this.refreshOnce().finally(() => {
      this.refreshing = undefined;
    });
    return this.refreshing;
  }

  private async refreshOnce(): Promise<string> {
    const session = this.session;
    if (!session) throw new ApiError('unauthorized', 'Not signed in.');
    try {
      return this.adoptSession(await this.client.refreshSession(session));
    } catch (error) {
      // The refresh token was refused (spent, expired, logged out): the session is over.
      if (isApiError(error, 'unauthorized') && this.session === session) this.session = undefined;
      throw error;
    }
  }

  private adoptSession(session: SessionTokens): string {
    this.session = { ...session, receivedAt: this.clock() };
    return session.token;
  }
}
