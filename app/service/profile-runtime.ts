/**
 * One v1 profile at work: its client, rate-limit tracker and session, restored from the vault
 * without a request, and its cached API token written back (encrypted) whenever it changes.
 */
import { MittwaldClient } from '../api/mittwald-client';
import type { CopyFormat, TokenListView } from '../contract';
import { RateLimitTracker } from '../ratelimit/rate-limit-tracker';
import { Session, type SessionState, type SignInOutcome } from '../session/session';
import { SharedRateLimits } from './shared-rate-limits';
import type { ProfileRecord, SecretsRecord } from '../vault/records';
import type { Vault } from '../vault/vault';
import { formatAccessToken, formatApiToken } from './copy-formats';
import { ServiceError } from './service-error';
import type { CopyText, CreatedToken, ListedToken, NewToken, TokenRuntime } from './token-runtime';

export interface RuntimeOptions {
  clock: () => number;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

export class ProfileRuntime implements TokenRuntime {
  readonly api = 'v1';
  readonly supports = { rolesAndExpiry: false, freshApiToken: true };
  readonly tracker: RateLimitTracker;
  readonly client: MittwaldClient;
  readonly session: Session;
  /** The tracker's state, shared through the store with other processes (a CLI call). */
  readonly limits: SharedRateLimits;
  /** The last list shown, updated locally after create and revoke. */
  lastList: TokenListView | undefined;
  /**
   * The next list must be read fresh: after a DELETE (another URI than the list's, so the
   * server's cache is not cleared) and first after start, so a revoke or create made just
   * before the app quit is never undone by a cached list. Fresh costs no extra request.
   */
  needsFresh = true;
  private persistedToken: string | undefined;

  constructor(
    readonly profile: ProfileRecord,
    readonly baseUrl: string,
    private readonly vault: Vault,
    options: RuntimeOptions,
  ) {
    this.tracker = new RateLimitTracker(options.clock);
    this.client = new MittwaldClient({
      baseUrl,
      tracker: this.tracker,
      clock: options.clock,
      fetch: options.fetch,
      timeoutMs: options.timeoutMs,
    });
    this.session = new Session(this.client, { clock: options.clock });
    this.limits = new SharedRateLimits(vault, profile.id, this.tracker);
  }

  state(): SessionState {
    return this.session.state();
  }

  call<T>(fn: (bearer: string) => Promise<T>): Promise<T> {
    return this.session.call(fn);
  }

  signInWithPassword(username: string, password: string): Promise<SignInOutcome> {
    return this.session.signInWithPassword(username, password, this.profile.deviceId);
  }

  submitSecondFactor(code: string): Promise<SignInOutcome> {
    return this.session.submitSecondFactor(code);
  }

  cancelSecondFactor(): void {
    this.session.cancelSecondFactor();
  }

  createDeviceToken(
    input: NewToken,
    run: <T>(fn: (bearer: string) => Promise<T>) => Promise<T>,
  ): Promise<CreatedToken> {
    return run((bearer) => this.createToken(bearer, input));
  }

  async adoptDeviceToken(created: CreatedToken): Promise<void> {
    this.session.useAccessToken({ uuid: created.uuid, secret: created.token });
    await this.persistApiToken(true);
  }

  async listTokens(
    bearer: string,
    fresh: boolean,
  ): Promise<{ value: ListedToken[]; cacheHit: boolean }> {
    const answer = await this.client.listApplicationTokens(bearer, { fresh });
    return { value: answer.value.map(listed), cacheHit: answer.cacheHit };
  }

  async createToken(bearer: string, input: NewToken): Promise<CreatedToken> {
    const created = await this.client.createApplicationToken(bearer, input.description);
    return { ...listed(created), token: created.token };
  }

  updateToken(): Promise<void> {
    return Promise.reject(notInV1());
  }

  revokeToken(bearer: string, uuid: string): Promise<void> {
    return this.client.deleteApplicationToken(bearer, uuid);
  }

  async copyText(
    uuid: string,
    secret: string,
    description: string,
    format: CopyFormat,
  ): Promise<CopyText> {
    const what = `access token ‘${description}’`;
    if (format !== 'header')
      return { text: formatAccessToken(uuid, secret, format, this.baseUrl), what };
    // An Authorization header needs an API token made from the access token: one sign-in.
    const result = await this.client.authenticate({ username: uuid, password: secret });
    if (result.status !== 'authenticated')
      throw new ServiceError(
        'unauthorized',
        'The server asked for a second factor for an access token.',
      );
    return {
      text: formatApiToken(result.token, 'header', this.baseUrl),
      what: `API token from ${what}`,
      expiresAt: result.expiresAt,
    };
  }

  freshApiToken(bearer: string, format: CopyFormat): CopyText {
    return {
      text: formatApiToken(bearer, format, this.baseUrl),
      what: 'API token',
      expiresAt: this.session.currentApiToken()?.expiresAt,
    };
  }

  /** Resumes from the stored device token and cached API token; sends nothing. */
  async restore(): Promise<void> {
    await this.limits.load();
    const secrets = await this.vault.readSecrets(this.profile.id);
    const device = secrets.deviceTokenUuid;
    const held = device === undefined ? undefined : secrets.held[device];
    if (device === undefined || held === undefined) return;
    // Linux basic_text decrypts only once weak storage was allowed (this profile chose it).
    if (this.vault.weak && this.profile.allowWeakStorage) this.vault.cipher.allowWeak();
    const apiToken = secrets.apiToken && {
      token: await this.vault.open(secrets.apiToken.token),
      expiresAt: secrets.apiToken.expiresAt,
    };
    this.session.restore({ uuid: device, secret: await this.vault.open(held.secret) }, apiToken);
    this.persistedToken = apiToken?.token;
  }

  async secrets(): Promise<SecretsRecord> {
    return this.vault.readSecrets(this.profile.id);
  }

  /** Writes the current API token if it changed and this profile keeps a stored sign-in. */
  async persistApiToken(storageAllowed: boolean): Promise<void> {
    const current = this.session.currentApiToken();
    if (current?.token === this.persistedToken) return;
    const secrets = await this.secrets();
    if (!storageAllowed || secrets.deviceTokenUuid === undefined) return;
    const apiToken = current && {
      token: await this.vault.seal(current.token),
      expiresAt: current.expiresAt,
    };
    await this.vault.updateSecrets(this.profile.id, (record) => ({ ...record, apiToken }));
    this.persistedToken = current?.token;
  }

  /** Forgets the stored sign-in (device token and cached API token); keeps every other secret. */
  async forgetSignIn(): Promise<void> {
    this.session.signOut();
    await this.vault.updateSecrets(this.profile.id, (record) => {
      const held = { ...record.held };
      if (record.deviceTokenUuid !== undefined) delete held[record.deviceTokenUuid];
      return { version: 1, held };
    });
    this.persistedToken = undefined;
  }
}

function listed(token: { uuid: string; description: string; crdate: number }): ListedToken {
  return { uuid: token.uuid, description: token.description, createdAt: token.crdate };
}

function notInV1(): ServiceError {
  return new ServiceError(
    'invalid_input',
    'The mittwald API v1 cannot change a token; create a new one instead.',
  );
}
