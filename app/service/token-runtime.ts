/**
 * What the channels need from one profile at work, whichever API it speaks. v1 and v2 differ
 * in their client and session; each runtime hides that behind these operations, so the
 * channels hold no per-API branches beyond asking a runtime what it supports.
 */
import type { ApiKind, ApiTokenRole, CopyFormat, TokenListView } from '../contract';
import type { RateLimitTracker } from '../ratelimit/rate-limit-tracker';
import type { SessionState, SignInOutcome } from '../session/session';
import type { ProfileRecord, SecretsRecord } from '../vault/records';
import type { SharedRateLimits } from './shared-rate-limits';

/** A token as a list shows it; v2 adds roles and expiry. */
export interface ListedToken {
  uuid: string;
  description: string;
  createdAt: number;
  roles?: ApiTokenRole[];
  expiresAt?: number;
}

/** A just-created token: its secret is here this once. Never log this. */
export interface CreatedToken extends ListedToken {
  token: string;
}

export interface NewToken {
  description: string;
  roles?: ApiTokenRole[];
  expiresAt?: number;
}

export interface TokenChange {
  description: string;
  expiresAt: number | undefined;
}

/** A held secret made ready for the clipboard. */
export interface CopyText {
  text: string;
  /** What was copied, described ("API token from access token ‘CI’"). */
  what: string;
  expiresAt?: number;
}

/** What an API offers beyond the common operations; the channels refuse the rest up front. */
export interface RuntimeSupports {
  /** Roles and expiry on create, and tokens:update. */
  rolesAndExpiry: boolean;
  /** A fresh short-lived API token made from the sign-in. */
  freshApiToken: boolean;
}

export interface TokenRuntime {
  readonly api: ApiKind;
  readonly supports: RuntimeSupports;
  readonly profile: ProfileRecord;
  readonly baseUrl: string;
  readonly tracker: RateLimitTracker;
  readonly limits: SharedRateLimits;
  lastList: TokenListView | undefined;
  needsFresh: boolean;

  state(): SessionState;
  /** Runs fn with the current bearer (renewed or refreshed as the API needs). */
  call<T>(fn: (bearer: string) => Promise<T>): Promise<T>;
  signInWithPassword(username: string, password: string): Promise<SignInOutcome>;
  submitSecondFactor(code: string): Promise<SignInOutcome>;
  cancelSecondFactor(): void;
  /** Creates this device's own token right after a password sign-in. */
  createDeviceToken(
    input: NewToken,
    run: <T>(fn: (bearer: string) => Promise<T>) => Promise<T>,
  ): Promise<CreatedToken>;
  /** Makes a stored device token the sign-in; v2 then ends the password's session. */
  adoptDeviceToken(created: CreatedToken): Promise<void>;

  listTokens(bearer: string, fresh: boolean): Promise<{ value: ListedToken[]; cacheHit: boolean }>;
  createToken(bearer: string, input: NewToken): Promise<CreatedToken>;
  /** v1 has no such operation: refused with invalid_input. */
  updateToken(bearer: string, uuid: string, change: TokenChange): Promise<void>;
  revokeToken(bearer: string, uuid: string): Promise<void>;

  /** A held token's secret in a format, ready to copy. */
  copyText(
    uuid: string,
    secret: string,
    description: string,
    format: CopyFormat,
  ): Promise<CopyText>;
  /** The bearer as a fresh API token in a format (only where `supports.freshApiToken`). */
  freshApiToken(bearer: string, format: CopyFormat): CopyText;

  restore(): Promise<void>;
  secrets(): Promise<SecretsRecord>;
  /** Writes a renewed cached API token (v1); v2 caches none. */
  persistApiToken(storageAllowed: boolean): Promise<void>;
  forgetSignIn(): Promise<void>;
}
