/**
 * v2 tokens expire: the list flags those expiring within the settings' threshold, a rotation's
 * replacement gets the lifetime its predecessor had, and this device's renewal is offered the
 * same threshold before its own token expires (or at half its lifetime, if that is later).
 */
import type { ApiTokenRole, TokenRow } from '../contract';
import type { Vault } from '../vault/vault';

/** What these helpers need of the service: settings and the clock (not the core, which uses them). */
interface SettingsSource {
  vault: Pick<Vault, 'readSettings'>;
  clock: () => number;
}

export const DEFAULT_EXPIRING_SOON_DAYS = 14;
export const DAY_MS = 24 * 60 * 60 * 1000;
/** A v2 device token's lifetime when the user chooses none. */
export const DEFAULT_DEVICE_TOKEN_DAYS = 90;

export async function expiringSoonDays(core: SettingsSource): Promise<number> {
  const settings = await core.vault.readSettings().catch(() => undefined);
  return settings?.expiringSoonDays ?? DEFAULT_EXPIRING_SOON_DAYS;
}

/**
 * The rows with their flag; rows without an expiry (all of v1) are left as they are, and when
 * none has one the settings are not even read.
 */
export async function flagExpiring<Rows extends TokenRow[]>(
  core: SettingsSource,
  rows: Rows,
): Promise<Rows> {
  if (rows.every((row) => row.expiresAt === undefined)) return rows;
  const soon = await expiringSoonWithin(core);
  return rows.map(soon) as Rows;
}

/** Marks rows whose expiry falls within the threshold; rows without one (all of v1) unchanged. */
export async function expiringSoonWithin(
  core: SettingsSource,
): Promise<(row: TokenRow) => TokenRow> {
  const horizon = core.clock() + (await expiringSoonDays(core)) * DAY_MS;
  return (row) =>
    row.expiresAt === undefined ? row : { ...row, expiringSoon: row.expiresAt <= horizon };
}

/**
 * When the host should offer renewing a token that expires at `expiresAt`: the threshold
 * before it expires, but not before half its lifetime (from `bornAt`, when it was stored) has
 * passed. A token living no longer than the threshold would otherwise be due from birth, and
 * so would its renewal (which keeps the lifetime): offered again the moment it was made.
 */
export async function renewFrom(
  core: SettingsSource,
  expiresAt: number | undefined,
  bornAt?: number,
): Promise<number | undefined> {
  if (expiresAt === undefined) return undefined;
  const beforeExpiry = expiresAt - (await expiringSoonDays(core)) * DAY_MS;
  if (bornAt === undefined || bornAt >= expiresAt) return beforeExpiry;
  return Math.max(beforeExpiry, bornAt + Math.floor((expiresAt - bornAt) / 2));
}

/**
 * Whether a v2 token with these roles may create its own successor: creating a token needs
 * `api_write`. Roles not known (stored before they were kept) are taken as both, the default.
 */
export function canMakeSuccessor(roles: readonly ApiTokenRole[] | undefined): boolean {
  return roles === undefined || roles.includes('api_write');
}

/**
 * A replacement's roles and expiry: the same roles, and the lifetime the old token was given
 * (counted from now); an old token that never expires is replaced by one that never does.
 */
export function rotation(
  old:
    | { roles?: ApiTokenRole[]; expiresAt?: number; createdAt?: number; storedAt?: number }
    | undefined,
  now: number,
): { roles?: ApiTokenRole[]; expiresAt?: number } {
  if (!old) return {};
  const born = old.createdAt ?? old.storedAt;
  const lifetime =
    old.expiresAt !== undefined && born !== undefined && old.expiresAt > born
      ? old.expiresAt - born
      : undefined;
  return {
    ...(old.roles !== undefined && { roles: old.roles }),
    ...(lifetime !== undefined && { expiresAt: now + lifetime }),
  };
}
