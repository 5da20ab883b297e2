/**
 * Profiles, settings and encrypted secrets over a KeyValueStore and a SecretCipher. Every read
 * is checked; a record that does not fit is reported and left untouched: never overwritten,
 * never thrown away, never a crash. Writes to one key are serialised in this process and, where
 * the store can lock, across processes (the GUI and a CLI call share one store): each
 * read-modify-write re-reads the record under the lock, so no write is lost.
 */
import type { z } from 'zod';
import { ServiceError } from '../service/service-error';
import { UnreadableRecord, WEAK_BACKENDS, type KeyValueStore, type SecretCipher } from './ports';
import {
  DEFAULT_SETTINGS,
  KEYS,
  profilesRecordSchema,
  rateLimitsRecordSchema,
  secretsRecordSchema,
  settingsRecordSchema,
  type ProfilesRecord,
  type RateLimitsRecord,
  type SecretsRecord,
  type SettingsRecord,
} from './records';

const EMPTY_PROFILES: ProfilesRecord = { version: 1, profiles: [] };
const emptySecrets = (): SecretsRecord => ({ version: 1, held: {} });
const emptyRateLimits = (): RateLimitsRecord => ({ version: 1, endpoints: [] });

export class Vault {
  /** Keys whose records could not be read, with the reason (no contents). */
  readonly problems = new Map<string, string>();
  private readonly queues = new Map<string, Promise<unknown>>();
  /**
   * Records as last read or written, with the store's stamp of them: served from here while the
   * stamp (a stat, not a read) is unchanged, read again once another process wrote. Problem
   * records are never cached, so a repaired file is seen on the next read.
   */
  private readonly cache = new Map<string, { value: unknown; stamp: string }>();

  constructor(
    private readonly store: KeyValueStore,
    readonly cipher: SecretCipher,
  ) {}

  get weak(): boolean {
    return WEAK_BACKENDS.has(this.cipher.backend);
  }

  readProfiles(): Promise<ProfilesRecord> {
    return this.read(KEYS.profiles, profilesRecordSchema, EMPTY_PROFILES);
  }

  updateProfiles(change: (record: ProfilesRecord) => ProfilesRecord): Promise<ProfilesRecord> {
    return this.update(KEYS.profiles, profilesRecordSchema, EMPTY_PROFILES, change);
  }

  readSettings(): Promise<SettingsRecord> {
    return this.read(KEYS.settings, settingsRecordSchema, DEFAULT_SETTINGS);
  }

  updateSettings(change: (record: SettingsRecord) => SettingsRecord): Promise<SettingsRecord> {
    return this.update(KEYS.settings, settingsRecordSchema, DEFAULT_SETTINGS, change);
  }

  readSecrets(profileId: string): Promise<SecretsRecord> {
    return this.read(KEYS.secrets(profileId), secretsRecordSchema, emptySecrets());
  }

  updateSecrets(
    profileId: string,
    change: (record: SecretsRecord) => SecretsRecord,
  ): Promise<SecretsRecord> {
    return this.update(KEYS.secrets(profileId), secretsRecordSchema, emptySecrets(), change);
  }

  readRateLimits(profileId: string): Promise<RateLimitsRecord> {
    return this.read(KEYS.rateLimits(profileId), rateLimitsRecordSchema, emptyRateLimits());
  }

  updateRateLimits(
    profileId: string,
    change: (record: RateLimitsRecord) => RateLimitsRecord,
  ): Promise<RateLimitsRecord> {
    const key = KEYS.rateLimits(profileId);
    return this.update(key, rateLimitsRecordSchema, emptyRateLimits(), change);
  }

  async deleteSecrets(profileId: string): Promise<void> {
    const key = KEYS.secrets(profileId);
    await this.serialised(key, () =>
      this.locked(key, async () => {
        // Checked on disk now, not from memory: a record that nothing in this process has read
        // yet (straight after start-up) is protected as well as one that was reported before.
        this.cache.delete(key);
        await this.read(key, secretsRecordSchema, emptySecrets());
        await this.store.delete(key);
      }),
    );
  }

  /**
   * Whether secrets of this profile may be stored now: a weak backend only for a profile whose
   * user accepted it (Electron makes basic_text available only after allowWeak, called then).
   */
  async storageAllowed(profile: { allowWeakStorage: boolean }): Promise<boolean> {
    if (this.weak && !profile.allowWeakStorage) return false;
    if (this.weak) this.cipher.allowWeak();
    return this.cipher.isAvailable();
  }

  /** Encrypts for storage; the caller has checked that storing is allowed. */
  async seal(plain: string): Promise<string> {
    return Buffer.from(await this.cipher.encrypt(plain)).toString('base64');
  }

  async open(sealed: string): Promise<string> {
    try {
      return await this.cipher.decrypt(Buffer.from(sealed, 'base64'));
    } catch {
      throw new ServiceError(
        'vault_unreadable',
        'A stored secret could not be decrypted with this keychain.',
      );
    }
  }

  private async read<S extends z.ZodType>(
    key: string,
    schema: S,
    fallback: z.output<S>,
    fresh = false,
  ): Promise<z.output<S>> {
    const stamp = await this.stampOf(key);
    const cached = this.cache.get(key);
    if (!fresh && cached !== undefined && cached.stamp === stamp)
      return cached.value as z.output<S>;
    this.cache.delete(key);
    let raw: unknown;
    try {
      raw = await this.store.get(key);
    } catch (error) {
      const reason = `the store could not be read: ${error instanceof Error ? error.message : 'unknown error'}`;
      this.problems.set(key, reason);
      throw unreadable(key, reason);
    }
    if (raw === undefined) {
      this.problems.delete(key);
      // Not cached: a record that appears later (restored from a backup) is still noticed.
      return structuredClone(fallback);
    }
    const parsed = raw instanceof UnreadableRecord ? undefined : schema.safeParse(raw);
    if (parsed?.success) {
      this.problems.delete(key);
      if (stamp !== undefined) this.cache.set(key, { value: parsed.data, stamp });
      return parsed.data;
    }
    const reason =
      raw instanceof UnreadableRecord
        ? raw.reason
        : 'it does not have the expected shape or version';
    this.problems.set(key, reason);
    throw unreadable(key, reason);
  }

  private update<S extends z.ZodType>(
    key: string,
    schema: S,
    fallback: z.output<S>,
    change: (record: z.output<S>) => z.output<S>,
  ): Promise<z.output<S>> {
    return this.serialised(key, () =>
      this.locked(key, async () => {
        // Under a cross-process lock the record is read from the store, never from memory:
        // another process may have written it since, and its write must not be lost.
        const current = await this.read(key, schema, fallback, this.store.lock !== undefined);
        const checked = schema.parse(change(current));
        try {
          await this.store.set(key, checked as Parameters<KeyValueStore['set']>[1]);
        } catch {
          this.cache.delete(key);
          throw new ServiceError(
            'storage_failed',
            'Could not write to the app’s storage; nothing was changed.',
          );
        }
        // Stamped while still locked, so the stamp is of this write and no other.
        const stamp = await this.stampOf(key);
        if (stamp === undefined) this.cache.delete(key);
        else this.cache.set(key, { value: checked, stamp });
        return checked;
      }),
    );
  }

  /**
   * The store's stamp of a key, or a constant for a store that has none (it is written by this
   * process only, so its cache is never stale). Undefined when the stamp failed: not cached.
   */
  private async stampOf(key: string): Promise<string | undefined> {
    if (!this.store.stamp) return 'single-writer';
    try {
      return (await this.store.stamp(key)) ?? 'absent';
    } catch {
      return undefined;
    }
  }

  /** Runs work under the store's cross-process lock, where it has one. */
  private async locked<T>(key: string, work: () => Promise<T>): Promise<T> {
    if (!this.store.lock) return work();
    let entered = false;
    try {
      return await this.store.lock(key, () => {
        entered = true;
        return work();
      });
    } catch (error) {
      if (entered) throw error;
      throw new ServiceError(
        'storage_failed',
        `The app’s storage could not be locked (${error instanceof Error ? error.message : 'unknown error'}); nothing was changed. Try again.`,
      );
    }
  }

  private serialised<T>(key: string, work: () => Promise<T>): Promise<T> {
    const previous = this.queues.get(key) ?? Promise.resolve();
    const next = previous.then(work, work);
    this.queues.set(
      key,
      next.catch(() => undefined),
    );
    return next;
  }
}

function unreadable(key: string, reason: string): ServiceError {
  return new ServiceError(
    'vault_unreadable',
    `The stored record “${key}” could not be read (${reason}). It was left untouched; nothing was changed.`,
  );
}
