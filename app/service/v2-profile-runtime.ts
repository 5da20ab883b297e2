/**
 * One mStudio (API v2) profile at work: the v2 client and V2Session behind the same operations
 * as v1's runtime. The bearer is this device's API token, restored from the vault without a
 * request; the password's session lives only until that token exists, and nothing of it (the
 * refresh token included) is ever stored.
 */
import { MittwaldV2Client } from '../api-v2/v2-client';
import type { V2ApiToken } from '../api-v2/v2-schemas';
import type { CopyFormat, TokenListView } from '../contract';
import { API_TOKEN_ROLES } from '../contract-names';
import { RateLimitTracker } from '../ratelimit/rate-limit-tracker';
import type { SessionState, SignInOutcome } from '../session/session';
import { V2Session, type V2SignInOutcome } from '../session-v2/v2-session';
import type { ProfileRecord, SecretsRecord } from '../vault/records';
import type { Vault } from '../vault/vault';
import { formatV2ApiToken } from './copy-formats';
import type { RuntimeOptions } from './profile-runtime';
import { ServiceError } from './service-error';
import { SharedRateLimits } from './shared-rate-limits';
import type {
  CopyText,
  CreatedToken,
  ListedToken,
  NewToken,
  TokenChange,
  TokenRuntime,
} from './token-runtime';

/**
 * Shown as the expiry of a bearer that never expires: a date, not Infinity, because the view
 * crosses the bridge as JSON (Infinity would arrive as null). Our own sign-in always sets one.
 */
export const NEVER_EXPIRES = 253_402_300_799_000;

export class V2ProfileRuntime implements TokenRuntime {
  readonly api = 'v2';
  readonly supports = { rolesAndExpiry: true, freshApiToken: false };
  readonly tracker: RateLimitTracker;
  readonly client: MittwaldV2Client;
  readonly session: V2Session;
  readonly limits: SharedRateLimits;
  lastList: TokenListView | undefined;
  // v2 answers carry no server cache mark; the flag is kept for the shared list logic.
  needsFresh = true;
  private readonly clock: () => number;

  constructor(
    readonly profile: ProfileRecord,
    /** The origin: v2's paths carry `/v2` themselves. */
    readonly baseUrl: string,
    private readonly vault: Vault,
    options: RuntimeOptions,
  ) {
    this.clock = options.clock;
    this.tracker = new RateLimitTracker(options.clock);
    this.client = new MittwaldV2Client({
      baseUrl,
      tracker: this.tracker,
      clock: options.clock,
      fetch: options.fetch,
      timeoutMs: options.timeoutMs,
    });
    this.session = new V2Session(this.client, { clock: options.clock });
    this.limits = new SharedRateLimits(vault, profile.id, this.tracker);
  }

  state(): SessionState {
    const state = this.session.state();
    if (state.status === 'second_factor')
      // v2 asks for one kind: a code from an authenticator app (or a recovery code).
      return { status: 'second_factor', name: 'TOTP', username: state.email };
    if (state.status === 'signed_in') {
      // An expired device token signs nothing in: the user signs in with the password again.
      const expired = state.expiresAt !== undefined && this.clock() >= state.expiresAt;
      if (expired && state.bearer === 'api_token') return { status: 'signed_out' };
      return { status: 'signed_in', expiresAt: state.expiresAt ?? NEVER_EXPIRES };
    }
    return state;
  }

  call<T>(fn: (bearer: string) => Promise<T>): Promise<T> {
    return this.session.call(fn);
  }

  async signInWithPassword(email: string, password: string): Promise<SignInOutcome> {
    return outcomeOf(await this.session.signInWithPassword(email, password));
  }

  async submitSecondFactor(code: string): Promise<SignInOutcome> {
    return outcomeOf(await this.session.submitSecondFactor(code));
  }

  cancelSecondFactor(): void {
    this.session.cancelSecondFactor();
  }

  /** Made with the password's session (not a device token that may be why we are here). */
  async createDeviceToken(input: NewToken): Promise<CreatedToken> {
    const roles = rolesOf(input);
    const device = await this.session.createDeviceToken({ ...input, roles });
    return {
      uuid: device.apiTokenId,
      description: input.description,
      createdAt: this.clock(),
      roles,
      ...(device.expiresAt !== undefined && { expiresAt: device.expiresAt }),
      token: device.secret,
    };
  }

  /** The device token is the bearer from now on; the password's session is ended at once. */
  async adoptDeviceToken(created: CreatedToken): Promise<void> {
    this.session.useDeviceToken({
      secret: created.token,
      apiTokenId: created.uuid,
      expiresAt: created.expiresAt,
    });
    await this.session.endSession();
  }

  async listTokens(bearer: string): Promise<{ value: ListedToken[]; cacheHit: boolean }> {
    const tokens = await this.client.listApiTokens(bearer);
    return { value: tokens.map(listed), cacheHit: false };
  }

  async createToken(bearer: string, input: NewToken): Promise<CreatedToken> {
    const roles = rolesOf(input);
    const { token } = await this.client.createApiToken(bearer, { ...input, roles });
    // The creation answers only the secret; the token says who it is (one request).
    const { tokenId } = await this.client.sessionStatus(token);
    return {
      uuid: tokenId,
      description: input.description,
      createdAt: this.clock(),
      roles,
      ...(input.expiresAt !== undefined && { expiresAt: input.expiresAt }),
      token,
    };
  }

  updateToken(bearer: string, uuid: string, change: TokenChange): Promise<void> {
    return this.client.updateApiToken(bearer, uuid, change);
  }

  revokeToken(bearer: string, uuid: string): Promise<void> {
    return this.client.deleteApiToken(bearer, uuid);
  }

  async copyText(
    _uuid: string,
    secret: string,
    description: string,
    format: CopyFormat,
  ): Promise<CopyText> {
    return Promise.resolve({
      text: formatV2ApiToken(secret, format, this.baseUrl),
      what: `API token ‘${description}’`,
    });
  }

  freshApiToken(): CopyText {
    throw new ServiceError(
      'invalid_input',
      'mStudio (API v2) tokens are used as they are: there is no fresh short-lived API token.',
    );
  }

  /** Resumes from the stored device token; sends nothing. */
  async restore(): Promise<void> {
    await this.limits.load();
    const secrets = await this.vault.readSecrets(this.profile.id);
    const device = secrets.deviceTokenUuid;
    const held = device === undefined ? undefined : secrets.held[device];
    if (device === undefined || held === undefined) return;
    if (this.vault.weak && this.profile.allowWeakStorage) this.vault.cipher.allowWeak();
    this.session.useDeviceToken({
      secret: await this.vault.open(held.secret),
      apiTokenId: device,
      expiresAt: held.expiresAt,
    });
  }

  secrets(): Promise<SecretsRecord> {
    return this.vault.readSecrets(this.profile.id);
  }

  /** v2 caches no API token: the device token is stored once, when it is made. */
  persistApiToken(): Promise<void> {
    return Promise.resolve();
  }

  async forgetSignIn(): Promise<void> {
    await this.session.signOut();
    await this.vault.updateSecrets(this.profile.id, (record) => {
      const held = { ...record.held };
      if (record.deviceTokenUuid !== undefined) delete held[record.deviceTokenUuid];
      return { version: 1, held };
    });
  }
}

function rolesOf(input: NewToken): ('api_read' | 'api_write')[] {
  return input.roles ?? [...API_TOKEN_ROLES];
}

function listed(token: V2ApiToken): ListedToken {
  return {
    uuid: token.apiTokenId,
    description: token.description,
    createdAt: token.createdAt,
    roles: token.roles,
    ...(token.expiresAt !== undefined && { expiresAt: token.expiresAt }),
  };
}

function outcomeOf(outcome: V2SignInOutcome): SignInOutcome {
  if (outcome.status === 'second_factor')
    return { status: 'second_factor', name: 'TOTP', username: outcome.email };
  return { status: 'signed_in', expiresAt: outcome.expiresAt, username: outcome.email };
}
