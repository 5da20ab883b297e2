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

export * from './contract-views';
import type {
  ClipboardView,
  CopyReceipt,
  KeychainStatus,
  ProfilesView,
  RateLimitView,
  RevokeOutcome,
  RotationResult,
  SandboxMailView,
  SessionView,
  Settings,
  TokenExport,
  TokenListColumns,
  TokenRow,
} from './contract-views';

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
