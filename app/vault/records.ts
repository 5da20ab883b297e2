/** The stored data, versioned and checked with zod on every read. */
import { z } from 'zod';
import { LANGUAGES, THEMES } from '../contract';

/** Encrypted bytes, as base64 in JSON. */
const sealed = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/);

export const profileRecordSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  server: z.enum(['mittwald', 'sandbox', 'custom']),
  /** The API the profile speaks; records written before v2 existed have none and speak v1. */
  api: z.enum(['v1', 'v2']).optional(),
  baseUrl: z.string().optional(),
  username: z.string().optional(),
  /** The device a second factor confirmed (not secret): sent on later password sign-ins. */
  deviceId: z.string().optional(),
  /** Made for a sign-in still waiting for its second factor; removed if that never completes. */
  provisional: z.boolean().optional(),
  allowWeakStorage: z.boolean(),
  createdAt: z.number(),
});
export type ProfileRecord = z.infer<typeof profileRecordSchema>;

export const profilesRecordSchema = z.object({
  version: z.literal(1),
  profiles: z.array(profileRecordSchema),
  selectedProfileId: z.string().optional(),
});
export type ProfilesRecord = z.infer<typeof profilesRecordSchema>;

export const heldTokenSchema = z.object({
  secret: sealed,
  description: z.string(),
  storedAt: z.number(),
  /** v2: when the token expires (epoch ms), so a restored device token knows without a request. */
  expiresAt: z.number().optional(),
  /** v2: the token's roles, so its rotation keeps them without a request. */
  roles: z.array(z.enum(['api_read', 'api_write'])).optional(),
});

/** One profile's secrets: its device sign-in token, the secrets it holds, its cached API token. */
export const secretsRecordSchema = z.object({
  version: z.literal(1),
  deviceTokenUuid: z.string().optional(),
  held: z.record(z.string(), heldTokenSchema),
  apiToken: z.object({ token: sealed, expiresAt: z.number() }).optional(),
  /** Tokens replaced by a rotation, waiting to be revoked: old uuid → its replacement. */
  retiring: z
    .record(z.string(), z.object({ replacedBy: z.string(), since: z.number() }))
    .optional(),
});
export type SecretsRecord = z.infer<typeof secretsRecordSchema>;

export const settingsRecordSchema = z.object({
  version: z.literal(1),
  clipboardClearSeconds: z.number().int().min(5).max(600),
  // Optional so that settings written before it existed still read.
  oldTokenDays: z.number().int().min(1).max(3650).optional(),
  /** v2 tokens expiring within this many days are flagged; optional for older settings. */
  expiringSoonDays: z.number().int().min(1).max(365).optional(),
  theme: z.enum(THEMES),
  language: z.enum(LANGUAGES),
  defaultProfileId: z.string().optional(),
});
export type SettingsRecord = z.infer<typeof settingsRecordSchema>;

export const DEFAULT_SETTINGS: SettingsRecord = {
  version: 1,
  clipboardClearSeconds: 30,
  theme: 'system',
  language: 'system',
};

/** One endpoint's rate limit as the tracker keeps it (RateLimitView): not secret. */
const rateLimitStateSchema = z.object({
  endpoint: z.string().min(1).max(300),
  limit: z.number(),
  remaining: z.number(),
  windowStartedAt: z.number(),
  resetAt: z.number(),
  exhausted: z.boolean(),
  history: z.array(z.object({ at: z.number(), remaining: z.number() })).max(100),
});

/**
 * What one profile's rate-limit tracker saw, shared through the store, so the GUI's gauge shows
 * what a CLI call spent and a CLI call honours a limit the GUI used up.
 */
export const rateLimitsRecordSchema = z.object({
  version: z.literal(1),
  endpoints: z.array(rateLimitStateSchema).max(500),
});
export type RateLimitsRecord = z.infer<typeof rateLimitsRecordSchema>;

export const KEYS = {
  profiles: 'profiles',
  settings: 'settings',
  secrets: (profileId: string) => `secrets-${profileId}`,
  rateLimits: (profileId: string) => `ratelimits-${profileId}`,
} as const;
