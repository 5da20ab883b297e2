/**
 * The IPC contract: every channel with its zod input schema and output type, every event
 * with its payload type, and the result envelope. Both hosts and the renderer derive from it;
 * it imports nothing that needs Node or the DOM, so the renderer may import it.
 */
import { z } from 'zod';
import {
  API_ERROR_KINDS,
  API_KINDS,
  API_TOKEN_ROLES,
  APP_ERROR_KINDS,
  COPY_FORMATS,
  LANGUAGES,
  THEMES,
  TOKEN_DESCRIPTION_MAX,
  type CHANNEL_NAMES,
  type EVENT_NAMES,
  type UI_COMMANDS,
} from './contract-names';

export {
  API_KINDS,
  API_TOKEN_ROLES,
  CHANNEL_NAMES,
  COPY_FORMATS,
  EVENT_NAMES,
  LANGUAGES,
  THEMES,
  TOKEN_DESCRIPTION_MAX,
  UI_COMMANDS,
  isChannelName,
  isEventName,
} from './contract-names';

// ── Views: what crosses to the renderer. None of them ever holds a secret. ──────────────────

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
       * Renewal is `tokens:rotate` with `deviceTokenUuid`.
       */
      deviceToken?: { uuid: string; expiresAt: number | undefined; renewFrom: number | undefined };
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
  /** What was copied, e.g. "access token 'CI deploy' as curl line". */
  copied: string;
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

// ── Inputs ──────────────────────────────────────────────────────────────────────────────

const noInput = z.undefined();
const id = z.string().min(1).max(100);
const uuid = z.string().min(1).max(100);
const profileName = z.string().trim().min(1).max(80);
const newProfile = z.strictObject({
  name: profileName,
  server: z.enum(['mittwald', 'sandbox', 'custom']),
  baseUrl: z.string().max(500).optional(),
  /** Absent: v1, as before v2 existed. */
  api: z.enum(API_KINDS).optional(),
});
export type CopyFormat = (typeof COPY_FORMATS)[number];
export const tokenDescription = z.string().trim().min(1).max(TOKEN_DESCRIPTION_MAX);
/** v2 roles: at least one, each once. */
const roles = z
  .array(z.enum(API_TOKEN_ROLES))
  .min(1)
  .max(API_TOKEN_ROLES.length)
  .refine((list) => new Set(list).size === list.length, 'each role once');
/** An expiry as epoch ms (a whole number, up to year 9999); the service checks it is ahead. */
const expiry = z.number().int().min(0).max(253_402_300_799_000);

/** https anywhere, or http on this machine only (a local sandbox or emulator). */
const customBaseUrl = z
  .string()
  .max(500)
  .refine(isAllowedBaseUrl, 'must be an https URL, or http on 127.0.0.1 / localhost');

function isAllowedBaseUrl(value: string): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
  return url.protocol === 'https:' || (url.protocol === 'http:' && loopback);
}

// ── Channels ────────────────────────────────────────────────────────────────────────────

const returns =
  <Output>() =>
  <Input extends z.ZodType>(input: Input) => ({ input, output: undefined as unknown as Output });

export const channels = {
  'profiles:list': returns<ProfilesView>()(noInput),
  'profiles:add': returns<ProfilesView>()(newProfile.extend({ baseUrl: customBaseUrl.optional() })),
  'profiles:rename': returns<ProfilesView>()(z.strictObject({ profileId: id, name: profileName })),
  'profiles:remove': returns<ProfilesView>()(z.strictObject({ profileId: id })),
  'profiles:select': returns<ProfilesView>()(z.strictObject({ profileId: id })),
  'profiles:allowWeakStorage': returns<ProfilesView>()(
    z.strictObject({ profileId: id, allow: z.boolean() }),
  ),

  'session:state': returns<SessionView>()(noInput),
  /**
   * With `newProfile`, the profile is made for this sign-in and kept only if it succeeds (or
   * waits for a second factor): a failed first sign-in leaves no profile behind.
   */
  'session:signIn': returns<SessionView>()(
    z.strictObject({
      username: z.string().trim().min(1).max(200),
      password: z.string().min(1).max(500),
      newProfile: newProfile.extend({ baseUrl: customBaseUrl.optional() }).optional(),
      /** v2: roles of this device's API token (default both); v1 refuses it. */
      roles: roles.optional(),
      /** v2: when this device's API token expires (default in 90 days); v1 refuses it. */
      expiresAt: expiry.optional(),
    }),
  ),
  /** A TOTP code or a device PIN: the API states no length, so none is imposed here. */
  'session:submitSecondFactor': returns<SessionView>()(
    z.strictObject({ code: z.string().trim().min(1).max(64) }),
  ),
  'session:cancelSecondFactor': returns<SessionView>()(noInput),
  'session:resume': returns<SessionView>()(noInput),
  'session:signOut': returns<SessionView>()(z.strictObject({ revokeDeviceToken: z.boolean() })),
  /**
   * v2 only: replaces this device's own API token before it expires (same roles and lifetime),
   * stores the new one and revokes the old; v1 answers invalid_input.
   */
  'session:renewDeviceToken': returns<SessionView>()(noInput),

  'tokens:list': returns<TokenListColumns>()(
    z.strictObject({ fresh: z.boolean().optional() }).optional(),
  ),
  /** `roles` (default both) and `expiresAt` (default never) are v2's; v1 refuses them. */
  'tokens:create': returns<TokenRow>()(
    z.strictObject({
      description: tokenDescription,
      roles: roles.optional(),
      expiresAt: expiry.optional(),
    }),
  ),
  /** v2 only: a new description and/or expiry (`null`: never expires); v1 answers invalid_input. */
  'tokens:update': returns<TokenRow>()(
    z.strictObject({
      uuid,
      description: tokenDescription.optional(),
      expiresAt: expiry.nullable().optional(),
    }),
  ),
  /**
   * Creates the replacement (same description, marked as rotated), holds and copies its secret,
   * and marks the old one to retire; revoking the old one is a separate, confirmed step.
   */
  'tokens:rotate': returns<RotationResult>()(
    z.strictObject({ uuid, format: z.enum(COPY_FORMATS) }),
  ),
  'tokens:export': returns<TokenExport>()(z.strictObject({ format: z.enum(['csv', 'json']) })),
  'tokens:revoke': returns<RevokeOutcome>()(
    z.strictObject({ uuid, confirmOwnSignIn: z.boolean().optional() }),
  ),
  'tokens:revokeMany': returns<RevokeOutcome[]>()(
    z.strictObject({
      uuids: z.array(uuid).min(1).max(1000),
      confirmOwnSignIn: z.boolean().optional(),
    }),
  ),

  'clipboard:copyToken': returns<CopyReceipt>()(
    z.strictObject({ uuid, format: z.enum(COPY_FORMATS) }),
  ),
  'clipboard:copyApiToken': returns<CopyReceipt>()(
    z.strictObject({ format: z.enum(COPY_FORMATS) }),
  ),

  /** Copies a token's UUID (not a secret: no marks, not cleared later). */
  'clipboard:copyUuid': returns<{ copied: true }>()(z.strictObject({ uuid })),
  /** Clears the clipboard now if it still holds what this app put there. */
  'clipboard:clear': returns<{ cleared: boolean }>()(noInput),
  'clipboard:state': returns<ClipboardView>()(noInput),

  'rateLimits:snapshot': returns<RateLimitView[]>()(noInput),
  'settings:get': returns<Settings>()(noInput),
  'settings:set': returns<Settings>()(
    z.strictObject({
      clipboardClearSeconds: z.number().int().min(5).max(600).optional(),
      oldTokenDays: z.number().int().min(1).max(3650).optional(),
      expiringSoonDays: z.number().int().min(1).max(365).optional(),
      theme: z.enum(THEMES).optional(),
      language: z.enum(LANGUAGES).optional(),
      defaultProfileId: id.nullable().optional(),
    }),
  ),
  'keychain:status': returns<KeychainStatus>()(noInput),
  /** Sandbox profiles only: the mails the sandbox "sent" to the account signing in. */
  'sandbox:mailbox': returns<SandboxMailView[]>()(noInput),
  /** Does nothing: for health checks and measuring the bridge itself. */
  'app:ping': returns<{ pong: true }>()(noInput),
} as const;

export type ChannelName = keyof typeof channels;
// The name lists live zod-free in contract-names.ts (the preload bundles them); they must agree.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const CHANNEL_NAMES_AGREE: Same<ChannelName, (typeof CHANNEL_NAMES)[number]> = true;
export type ChannelInput<C extends ChannelName> = z.input<(typeof channels)[C]['input']>;
export type ChannelParsedInput<C extends ChannelName> = z.output<(typeof channels)[C]['input']>;
export type ChannelOutput<C extends ChannelName> = (typeof channels)[C]['output'];

// ── Events ──────────────────────────────────────────────────────────────────────────────

/** Commands from the host's menu, tray or shortcuts, for the renderer to carry out. */
export type UiCommand = (typeof UI_COMMANDS)[number];

export interface EventPayloads {
  'rateLimits:changed': RateLimitView[];
  'session:changed': SessionView;
  /** The list after a create or revoke (a requested list comes back as the answer only). */
  'tokens:changed': TokenListColumns;
  'profiles:changed': ProfilesView;
  /** The settings after a change; subscribers get the current settings first. */
  'settings:changed': Settings;
  /** What of ours the clipboard holds; subscribers get the current state first. */
  'clipboard:changed': ClipboardView;
  /** Our copy was cleared from the clipboard (timer, "clear now", sign-out, quit). */
  'clipboard:cleared': { copied: string };
  'ui:command': { command: UiCommand };
}
export type EventName = keyof EventPayloads;
export const EVENT_NAMES_AGREE: Same<EventName, (typeof EVENT_NAMES)[number]> = true;

// ── Errors and the envelope ─────────────────────────────────────────────────────────────

export const ERROR_KINDS = [...API_ERROR_KINDS, ...APP_ERROR_KINDS] as const;
export type ErrorKind = (typeof ERROR_KINDS)[number];

export interface ErrorView {
  kind: ErrorKind;
  message: string;
  /** rate_limited: when the endpoint is expected to accept requests again (epoch ms). */
  resetAt?: number;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ErrorView };

export interface HostInfo {
  kind: 'electron' | 'preview';
  /** False in preview: nothing outlives the window. */
  persistent: boolean;
}

/** What both hosts expose to the renderer as `window.mwtokens`. */
export interface Bridge {
  host: HostInfo;
  invoke<C extends ChannelName>(
    channel: C,
    input?: ChannelInput<C>,
  ): Promise<Result<ChannelOutput<C>>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayloads[E]) => void): () => void;
}
