/**
 * The views of the IPC contract: what crosses to the renderer, as answers and events. None of
 * them ever holds a secret. Split from contract.ts to keep each file readable; import them
 * from there (it re-exports this file).
 */
import { z } from 'zod';
import type { API_KINDS, COPY_FORMATS, LANGUAGES, THEMES } from './contract-names';
import { API_TOKEN_ROLES } from './contract-names';

export type CopyFormat = (typeof COPY_FORMATS)[number];

export type ServerChoice = 'mittwald' | 'sandbox' | 'custom';
/** v1: the customer centre's API (access tokens). v2: mStudio (API tokens with roles, expiry). */
export type ApiKind = (typeof API_KINDS)[number];
export type ApiTokenRole = (typeof API_TOKEN_ROLES)[number];

export interface ProfileView {
  id: string;
  name: string;
  server: ServerChoice;
  /** The API the profile speaks, fixed when it is made (always set by the service). */
  api?: ApiKind;
  baseUrl: string;
  /** The username last signed in with: shown, not secret. */
  username: string | undefined;
  allowWeakStorage: boolean;
  /** This app holds a sign-in (device) access token for the profile. */
  hasStoredSignIn: boolean;
  /** The profile's stored record could not be read; it is left untouched. */
  vaultProblem: string | undefined;
}

export interface ProfilesView {
  profiles: ProfileView[];
  selectedProfileId: string | undefined;
  /** The stored profiles could not be read; they are left untouched and none can be added. */
  problem: string | undefined;
}

export type SessionView =
  | { profileId: string | undefined; status: 'signed_out' }
  | {
      profileId: string;
      status: 'second_factor';
      /** TOTP: a code from an authenticator app. DeviceCookie: a PIN mailed to the account holder. */
      name: 'TOTP' | 'DeviceCookie';
      /** The account the challenge is for. */
      username: string;
    }
  | {
      profileId: string;
      status: 'signed_in';
      /** v1: the cached API token's expiry. v2: this device's API token's (or the session's). */
      expiresAt: number;
      persisted: boolean;
      /**
       * v2 only: this device's own API token (its uuid in the list) and when the host should
       * offer its renewal (`expiringSoonDays` before it expires, but not before half its
       * lifetime has passed; in the past: offer it now).
       * Renewal is `session:renewDeviceToken`. A read-only token may not make its successor
       * (`renewable` false): from `renewFrom` on, hosts say a sign-in will be needed instead.
       */
      deviceToken?: {
        uuid: string;
        expiresAt: number | undefined;
        renewFrom: number | undefined;
        renewable: boolean;
      };
    };

export interface TokenRow {
  uuid: string;
  description: string;
  /** Epoch ms. */
  createdAt: number;
  /** This app holds the secret: it can be copied. */
  held: boolean;
  /** This device's own sign-in token: revoking it signs this profile out. */
  isThisDevice: boolean;
  /** Replaced by a rotation and waiting to be revoked once the replacement is deployed. */
  retire?: { replacedBy: string; since: number };
  /** v2: what the token may do. */
  roles?: ApiTokenRole[];
  /** v2: when it expires (epoch ms); absent: never. */
  expiresAt?: number;
  /** v2: expires within the settings' `expiringSoonDays` (or has expired). */
  expiringSoon?: boolean;
}

/** A rotation's result: the replacement (held here, copied) and what the clipboard holds. */
export interface RotationResult {
  replacement: TokenRow;
  receipt: CopyReceipt;
}

/** An inventory of the token list, for a file the user saves. Never holds a secret. */
export interface TokenExport {
  fileName: string;
  mimeType: 'text/csv' | 'application/json';
  content: string;
}

/** The sandbox's stand-in for e-mail (device PINs), shown while trying the app. */
export interface SandboxMailView {
  at: number;
  subject: string;
  body: string;
}

/** The service's own list: one object per token. The renderer is sent TokenListColumns. */
export interface TokenListView {
  profileId: string;
  tokens: TokenRow[];
  /** The server answered from its cache (`X-Cache: HIT`): a refresh asks fresh. */
  cacheHit: boolean;
  fetchedAt: number;
}

/**
 * The token list as it crosses to the renderer: one array per field instead of one object per
 * token (10,000 tokens are a few arrays to serialise, move and parse, about half the bytes),
 * and the rare marks (held here, this device, to retire, expiring soon) as lists of positions.
 * Position i of every array is the same token, in the server's order.
 */
export interface TokenListColumns {
  profileId: string;
  cacheHit: boolean;
  fetchedAt: number;
  uuid: string[];
  description: string[];
  /** Epoch ms. */
  createdAt: number[];
  /** Positions of the tokens whose secret this app holds. */
  held: number[];
  /** Position of this device's own sign-in token, if listed. */
  thisDevice?: number;
  /** [position, replaced by (uuid), since (epoch ms)] of the tokens to retire. */
  retire: [number, string, number][];
  /** v2 (present only then): per token, its roles as bits of API_TOKEN_ROLES (bit i: role i). */
  roles?: number[];
  /** v2: per token, when it expires (epoch ms), or null: never. */
  expiresAt?: (number | null)[];
  /** v2: positions of the tokens expiring within `expiringSoonDays` (or expired). */
  expiringSoon?: number[];
}

const position = z.number().int().min(0);
const positions = z.array(position);
/**
 * The list answer's shape, for checking it where it is made (the service's tests); the
 * renderer checks it cheaply (lengths and positions) without zod, see renderer/src/token-list.ts.
 */
export const tokenListColumnsSchema = z
  .strictObject({
    profileId: z.string(),
    cacheHit: z.boolean(),
    fetchedAt: z.number(),
    uuid: z.array(z.string().min(1)),
    description: z.array(z.string()),
    createdAt: z.array(z.number()),
    held: positions,
    thisDevice: position.optional(),
    retire: z.array(z.tuple([position, z.string(), z.number()])),
    roles: z
      .array(
        z
          .number()
          .int()
          .min(0)
          .max(2 ** API_TOKEN_ROLES.length - 1),
      )
      .optional(),
    expiresAt: z.array(z.number().nullable()).optional(),
    expiringSoon: positions.optional(),
  })
  .refine((list) => {
    const n = list.uuid.length;
    const columns = [list.description, list.createdAt, list.roles, list.expiresAt];
    const inRange = [...list.held, ...(list.expiringSoon ?? []), ...list.retire.map((r) => r[0])];
    if (list.thisDevice !== undefined) inRange.push(list.thisDevice);
    return columns.every((c) => c === undefined || c.length === n) && inRange.every((p) => p < n);
  }, 'every column as long as the list, every position in it');

export interface RateLimitView {
  /** `METHOD /path/{template}`. */
  endpoint: string;
  limit: number;
  remaining: number;
  /** When the current 15-minute window was first seen (epoch ms). */
  windowStartedAt: number;
  /** Estimated end of the current window (epoch ms): the API sends no reset header. */
  resetAt: number;
  /** After a 429, or when remaining reached 0, until resetAt: nothing is sent. */
  exhausted: boolean;
  /** The last samples of remaining, oldest first. */
  history: { at: number; remaining: number }[];
}

export interface CopyReceipt {
  /** What was copied, described, e.g. "access token 'CI deploy' as curl line". */
  copied: string;
  /** When the clipboard is cleared if it still holds the value (epoch ms). */
  clearsAt: number;
  /** For API tokens: when the copied token expires (epoch ms). */
  expiresAt?: number;
}

/** What of ours the clipboard holds: described, never the secret. */
export interface ClipboardHolding {
  /** What was copied, e.g. "access token 'CI deploy' as curl line" (English, for logs). */
  copied: string;
  /**
   * The same in parts a window can put in its own words: a held token (by its description),
   * an API token made from one (v1's Authorization header), or the session's own API token.
   */
  subject: { kind: 'token' | 'apiTokenFrom'; name: string } | { kind: 'apiToken' };
  format: CopyFormat;
  /** When it is cleared if the clipboard still holds it (epoch ms). */
  clearsAt: number;
  /** For API tokens: when the copied token expires (epoch ms). */
  expiresAt?: number;
}

export interface ClipboardView {
  holding: ClipboardHolding | undefined;
}

export interface KeychainStatus {
  backend: string;
  available: boolean;
  /** The backend stores secrets in a form other local users could read (e.g. basic_text). */
  weak: boolean;
  /** Secrets can be stored for the selected profile now. */
  canStore: boolean;
}

export interface Settings {
  clipboardClearSeconds: number;
  /** Tokens older than this many days are flagged. */
  oldTokenDays: number;
  /** v2 tokens expiring within this many days are flagged, and this device's renewal offered. */
  expiringSoonDays: number;
  theme: (typeof THEMES)[number];
  language: (typeof LANGUAGES)[number];
  defaultProfileId: string | undefined;
}

export interface RevokeOutcome {
  uuid: string;
  outcome: 'revoked' | 'not_found' | 'failed' | 'skipped';
  message?: string;
}
